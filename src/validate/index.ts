/**
 * Validation: the invariants of FORMATS.md, one function per rule, each with its code.
 * Printed values are never changed; a failure is a diagnostic.
 *
 * @module
 */

import { cellPaths, getCell } from '../model/empty.js'
import type { Cell, Diagnostic, Position, Report } from '../model/types.js'
import { makeDiagnostic } from '../model/diagnostics.js'
import { equationsI1, equationsI3, equationsI4, equationsI5, type Equation } from './equations.js'

/** Where each cell was printed, to place diagnostics. */
export type PositionLookup = (path: string) => Position | undefined

/** The value of a cell path; `undefined` when the path names no cell. */
export type CellReader = (path: string) => Cell | undefined

const NO_POSITIONS: PositionLookup = () => undefined

/** I-1: per table 三 column, 一 + 二 = （七）总计 + 四 (`sum_mismatch`). */
export function checkI1(report: Report, where: PositionLookup = NO_POSITIONS, read: CellReader = readerOf(report)): Diagnostic[] {
  return checkEquations(read, equationsI1(), where)
}

/** I-3: per table 三 column, （七）总计 = the sum of the result rows (`sum_mismatch`). */
export function checkI3(report: Report, where: PositionLookup = NO_POSITIONS, read: CellReader = readerOf(report)): Diagnostic[] {
  return checkEquations(read, equationsI3(report.edition), where)
}

/** I-4: per table 三 row, 总计 = the sum of the six applicant columns (`sum_mismatch`). */
export function checkI4(report: Report, where: PositionLookup = NO_POSITIONS, read: CellReader = readerOf(report)): Diagnostic[] {
  return checkEquations(read, equationsI4(report.edition), where)
}

/** I-5: per table 四 group, 总计 = the sum of its four outcomes (`sum_mismatch`). */
export function checkI5(report: Report, where: PositionLookup = NO_POSITIONS, read: CellReader = readerOf(report)): Diagnostic[] {
  return checkEquations(read, equationsI5(), where)
}

/** I-6: every count is ≥ 0, except 本年增/减 (`negative_value`). */
export function checkI6(report: Report, where: PositionLookup = NO_POSITIONS, read: CellReader = readerOf(report)): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const path of cellPaths(report.edition)) {
    const value = read(path)
    if (typeof value === 'number' && value < 0 && !path.endsWith('.change')) {
      diagnostics.push(
        makeDiagnostic('negative_value', {
          message: `Cell ${path} is ${value}, but a count cannot be negative.`,
          path,
          position: where(path),
          actual: value,
          rule: 'I-6'
        })
      )
    }
  }
  return diagnostics
}

/** I-7: every count is a whole number; only money may have decimals (`non_integer_count`). */
export function checkI7(report: Report, where: PositionLookup = NO_POSITIONS, read: CellReader = readerOf(report)): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const path of cellPaths(report.edition)) {
    const value = read(path)
    if (typeof value === 'number' && !Number.isInteger(value) && !path.endsWith('.amount')) {
      diagnostics.push(
        makeDiagnostic('non_integer_count', {
          message: `Cell ${path} is ${value}, but a count must be a whole number.`,
          path,
          position: where(path),
          actual: value,
          rule: 'I-7'
        })
      )
    }
  }
  return diagnostics
}

/** The rules, in the order they run. */
export const RULES = [checkI1, checkI3, checkI4, checkI5, checkI6, checkI7] as const

/**
 * Check every invariant of the report's edition as printed.
 *
 * @param report - A report.
 * @param where - Optional lookup of a cell's position in the input.
 * @returns One diagnostic per failure; none when all hold.
 */
export function validateReport(
  report: Report,
  where: PositionLookup = NO_POSITIONS,
  read: CellReader = readerOf(report)
): Diagnostic[] {
  return RULES.flatMap((rule) => rule(report, where, read))
}

function readerOf(report: Report): CellReader {
  return (path) => getCell(report, path)
}

function checkEquations(read: CellReader, equations: readonly Equation[], where: PositionLookup): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const equation of equations) {
    const actual = total(read, equation.left)
    const expected = total(read, equation.right)
    if (actual === undefined || expected === undefined || actual === expected) continue
    diagnostics.push(
      makeDiagnostic('sum_mismatch', {
        message: `${equation.rule} fails at ${equation.path}: ${equation.label} gives ${actual} printed, ${expected} expected.`,
        path: equation.path,
        position: where(equation.path),
        expected,
        actual,
        rule: equation.rule
      })
    )
  }
  return diagnostics
}

/** The sum of some cells; `undefined` when any is `null` (the rule is then not assessable). */
function total(read: CellReader, paths: readonly string[]): number | undefined {
  let sum = 0
  for (const path of paths) {
    const value = read(path)
    if (typeof value !== 'number') return undefined
    sum += value
  }
  return Math.round(sum * 1e6) / 1e6
}
