/**
 * Validation: the invariants, one function per rule, each with its code. Printed values are
 * never changed; a failure is a diagnostic.
 *
 * @module
 */

import { makeDiagnostic } from '../model/diagnose.js'
import { readCells } from '../model/empty.js'
import { cellSchema, type CellSchema, type CellSpec } from '../model/schema.js'
import type { Cell, Diagnostic, Position, Report } from '../model/types.js'
import { equationsOf, type Equation } from './equations.js'

/** Where each cell was printed, to place diagnostics. */
export type PositionLookup = (path: string) => Position | undefined

/** The value of a cell path; `undefined` when the path names no cell. */
export type CellReader = (path: string) => Cell | undefined

/** The cells of one report, by index into its edition's schema, and where each was printed. */
export interface CellValues {
  /** The edition's schema. */
  readonly schema: CellSchema
  /** Each cell's value by index; `null` or `undefined` for none. */
  readonly values: ArrayLike<Cell | undefined>
  /** Where a cell was printed, by index. */
  readonly where: (index: number) => Position | undefined
}

type Rule = (cells: CellValues) => Diagnostic[]

const NO_POSITIONS: PositionLookup = () => undefined

/** The cells of a report as validation reads them. */
function cellsOf(report: Report, where: PositionLookup, read: CellReader | undefined): CellValues {
  const schema = cellSchema(report.edition)
  const values = read === undefined ? readCells(report) : schema.paths.map((path) => read(path))
  return { schema, values, where: (index) => where(schema.paths[index] as string) }
}

/** A rule over a report, as the rules are exported. */
function onReport(rule: Rule) {
  return (report: Report, where: PositionLookup = NO_POSITIONS, read?: CellReader): Diagnostic[] => rule(cellsOf(report, where, read))
}

const i1: Rule = (cells) => checkEquations(cells, equationsOf(cells.schema.edition).i1)
const i3: Rule = (cells) => checkEquations(cells, equationsOf(cells.schema.edition).i3)
const i4: Rule = (cells) => checkEquations(cells, equationsOf(cells.schema.edition).i4)
const i5: Rule = (cells) => checkEquations(cells, equationsOf(cells.schema.edition).i5)

/** A rule checked cell by cell: each printed number for which `fails` holds gets a diagnostic. */
/** Per schema, the indices of the cells a per-cell rule looks at, in schema order. */
const PER_CELL = new WeakMap<CellSchema, Map<(cell: CellSpec) => boolean, Int32Array>>()

function cellsWhere(schema: CellSchema, applies: (cell: CellSpec) => boolean): Int32Array {
  let lists = PER_CELL.get(schema)
  if (lists === undefined) PER_CELL.set(schema, (lists = new Map()))
  let list = lists.get(applies)
  if (list === undefined) {
    list = Int32Array.from(schema.cells.filter(applies).map((cell) => cell.index))
    lists.set(applies, list)
  }
  return list
}

/** A rule on single cells: `applies` picks the cells it concerns (from the schema, once), `fails` tests a value. */
function perCell(
  code: 'negative_value' | 'non_integer_count',
  rule: 'I-6' | 'I-7',
  applies: (cell: CellSpec) => boolean,
  fails: (value: number) => boolean
): Rule {
  return ({ schema, values, where }) => {
    const diagnostics: Diagnostic[] = []
    for (const index of cellsWhere(schema, applies)) {
      const value = values[index]
      if (typeof value !== 'number' || !fails(value)) continue
      const path = schema.paths[index] as string
      diagnostics.push(makeDiagnostic(code, { path, value }, { path, position: where(index), actual: value, rule }))
    }
    return diagnostics
  }
}

const i6 = perCell(
  'negative_value',
  'I-6',
  (cell) => !cell.signed,
  (value) => value < 0
)

/** I-7: every count is a whole number; only money may have decimals. */
const i7 = perCell(
  'non_integer_count',
  'I-7',
  (cell) => !cell.money,
  (value) => !Number.isInteger(value)
)

/** I-1: per table 三 column, 一 + 二 = （七）总计 + 四 (`sum_mismatch`). */
export const checkI1 = onReport(i1)
/** I-3: per table 三 column, （七）总计 = the sum of the result rows (`sum_mismatch`). */
export const checkI3 = onReport(i3)
/** I-4: per table 三 row, 总计 = the sum of the six applicant columns (`sum_mismatch`). */
export const checkI4 = onReport(i4)
/** I-5: per table 四 group, 总计 = the sum of its four outcomes (`sum_mismatch`). */
export const checkI5 = onReport(i5)
/** I-6: every count is ≥ 0, except 本年增/减 (`negative_value`). */
export const checkI6 = onReport(i6)
/** I-7: every count is a whole number; only money may have decimals (`non_integer_count`). */
export const checkI7 = onReport(i7)

const RULES: readonly Rule[] = [i1, i3, i4, i5, i6, i7]

/**
 * Check every invariant on cells given by index (what the parser holds before it builds a report).
 *
 * @param cells - The schema, the values and where each was printed.
 */
export function validateCells(cells: CellValues): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const rule of RULES) for (const diagnostic of rule(cells)) diagnostics.push(diagnostic)
  return diagnostics
}

/**
 * Check every invariant of the report's edition as printed.
 *
 * @param report - A report.
 * @param where - Optional lookup of a cell's position in the input.
 * @param read - Optional reader of a cell's value (default: the report's own cells).
 * @returns One diagnostic per failure; none when all hold.
 */
export function validateReport(report: Report, where: PositionLookup = NO_POSITIONS, read?: CellReader): Diagnostic[] {
  return validateCells(cellsOf(report, where, read))
}

function checkEquations({ values, where }: CellValues, equations: readonly Equation[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const equation of equations) {
    const actual = total(values, equation.left)
    const expected = total(values, equation.right)
    if (actual === undefined || expected === undefined || actual === expected) continue
    diagnostics.push(
      makeDiagnostic(
        'sum_mismatch',
        { rule: equation.rule, path: equation.path, actual, expected },
        { path: equation.path, position: equation.at < 0 ? undefined : where(equation.at), expected, actual, rule: equation.rule }
      )
    )
  }
  return diagnostics
}

/** The sum of some cells; `undefined` when any is `null` (the rule is then not assessable). */
function total(values: ArrayLike<Cell | undefined>, cells: readonly number[]): number | undefined {
  let sum = 0
  for (const index of cells) {
    const value = values[index]
    if (typeof value !== 'number') return undefined
    sum += value
  }
  return Math.round(sum * 1e6) / 1e6
}
