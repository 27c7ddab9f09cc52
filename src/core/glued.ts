/**
 * Placing a glued row (its values printed run together, see core/split.ts): the splits its own
 * rules leave, and what becomes of them: one split is read, with a warning naming the run and the
 * split; several go to the whole table's totals (tables 三 and 四) or stay `null` (table 二, which
 * has no totals); none leaves the row `null`.
 *
 * @module
 */

import { makeDiagnostic, type MessageFacts } from '../model/diagnose.js'
import { TABLES, type CellSchema, type TableNumber } from '../model/schema.js'
import type { Diagnostic, Position } from '../model/types.js'
import type { Equation } from '../validate/equations.js'
import { readCell, toWanyuan, type MoneyUnit, type UnknownUnit } from './number.js'
import { rowPath, type RowToken } from './rows.js'
import { splitRun, type SplitBudget, type SplitColumn } from './split.js'

/** The run of a glued row: its one non-empty cell, when that cell is a run. */
export function gluedRun(tokens: readonly RowToken[]): (RowToken & { kind: 'value' }) | undefined {
  let run: (RowToken & { kind: 'value' }) | undefined
  for (const token of tokens) {
    if (token.kind === 'value' && token.value.kind === 'empty') continue
    if (run !== undefined || token.kind !== 'value' || token.value.kind !== 'run') return undefined
    run = token
  }
  return run
}

/** What a glued row comes to. */
export type GluedOutcome =
  /** One split: its values, and the warning that names it, with its facts (none when the run was printed apart by spaces). */
  | {
      kind: 'placed'
      /** One value per column; `null` for a money cell under a header unit that is no money unit of the format. */
      values: readonly (number | null)[]
      split?: { facts: MessageFacts['values_split']; diagnostic: Diagnostic }
      /** What its money cells say: `unit_converted` for one converted to 万元, `unknown_unit` for one left `null`. */
      notes: readonly Diagnostic[]
      /** Its money cells printed with no unit of their own, which a note of the table may put in one: `at`, where in `notes` their diagnostic stands or would. */
      bare: readonly { cell: number; digits: string; printed: string; header: MoneyUnit | undefined; at: number }[]
    }
  /** Several splits keep the row's rules: the whole table's totals decide (tables 三 and 四). */
  | { kind: 'open'; readings: readonly (readonly number[])[]; pieces: readonly (readonly string[])[] }
  /**
   * No split, or several in table 二: the cells stay `null`. For several in table 二 (all found),
   * `readings` and `pieces` list them, for a statement of the narrative to settle.
   */
  | { kind: 'none'; diagnostic: Diagnostic; readings?: readonly (readonly number[])[]; pieces?: readonly (readonly string[])[] }

/** What to know of the row being placed. */
export interface GluedRow {
  table: TableNumber
  /** Its id (table 二's rows have a path). */
  rowId: string
  label: string | undefined
  cells: readonly number[]
  units: readonly (MoneyUnit | UnknownUnit | undefined)[]
  run: string
  position: Position | undefined
}

/**
 * Split a glued row and decide what its cells become.
 *
 * @param row - The row.
 * @param schema - The edition's cells.
 * @param equations - The totals invariants (the row's own, those wholly inside it, are applied here).
 * @param budget - The steps left to the parse's searches.
 */
export function readGlued(row: GluedRow, schema: CellSchema, equations: readonly Equation[], budget: SplitBudget): GluedOutcome {
  const columns: SplitColumn[] = row.cells.map((cell, i) => {
    const spec = schema.cells[cell]
    const unit = row.units[i]
    return { signed: spec?.signed === true, money: spec?.money === true, unit: typeof unit === 'string' ? unit : undefined }
  })
  const local = rowEquations(row.cells, equations)
  const column = new Map(row.cells.map((cell, i) => [cell, i]))
  const keep = (values: readonly number[]): boolean =>
    local.every((equation) => {
      let balance = 0
      for (const cell of equation.left) balance += values[column.get(cell) as number] as number
      for (const cell of equation.right) balance -= values[column.get(cell) as number] as number
      return Math.abs(balance) < 1e-9
    })
  // The row's sums, for the search to drop a branch early: a total on one side, its parts on the other.
  const sums = local.flatMap((equation) =>
    equation.left.length === 1
      ? [{ total: column.get(equation.left[0] as number) as number, parts: equation.right.map((cell) => column.get(cell) as number) }]
      : []
  )
  const { splits, pieces, asPrinted, capped, allowed } = splitRun(row.run, columns, keep, sums, budget)
  const path = rowPath(schema, row.table, row.cells)
  const facts = { table: TABLES[row.table].name, row: row.label, run: row.run.trim() }
  const place = { path, position: row.position }
  if (asPrinted || (splits.length === 1 && !capped)) {
    const chosen = pieces[0] as readonly string[]
    const notes: Diagnostic[] = []
    const bare: { cell: number; digits: string; printed: string; header: MoneyUnit | undefined; at: number }[] = []
    const values = (splits[0] as readonly number[]).map((value, i) => {
      const printed = chosen[i] as string
      const header = row.units[i]
      if (!(columns[i] as SplitColumn).money) return value
      const cellPath = schema.paths[row.cells[i] as number] as string
      const cellPlace = { path: cellPath, position: row.position }
      const unit = pieceUnit(printed) ?? header
      // A header unit that is no money unit of the format, and none in the piece: never a guess.
      if (typeof unit === 'object') {
        notes.push(makeDiagnostic('unknown_unit', { path: cellPath, unit: unit.unknown, printed }, cellPlace))
        return null
      }
      if (Number.isNaN(value)) {
        // In 万元 the amount has more digits than a number holds exactly: no value rather than a rounded one.
        const why = unit === undefined ? undefined : toWanyuan(printed.replace(/[^\d.]/gu, ''), unit)
        notes.push(
          makeDiagnostic('invalid_number', { path: cellPath, text: printed, why: typeof why === 'string' ? why : undefined }, cellPlace)
        )
        return null
      }
      if (pieceUnit(printed) === undefined)
        bare.push({ cell: row.cells[i] as number, digits: printed, printed, header: unit, at: notes.length })
      if (unit !== undefined && unit !== '万元') {
        const converted = { ...cellPlace, actual: Number(printed.replace(/[^\d.]/gu, '')), expected: value }
        notes.push(makeDiagnostic('unit_converted', { path: cellPath, printed, unit, value }, converted))
      }
      return value
    })
    if (asPrinted) return { kind: 'placed', values, notes, bare }
    const split = { ...facts, pieces: chosen, by: allowed === 1 ? ('format' as const) : ('row' as const) }
    return { kind: 'placed', values, notes, bare, split: { facts: split, diagnostic: makeDiagnostic('values_split', split, place) } }
  }
  if (splits.length > 1 && !capped && row.table !== 2) return { kind: 'open', readings: splits, pieces }
  const reason = capped ? 'capped' : splits.length === 0 ? 'none' : 'several'
  const diagnostic = makeDiagnostic('ambiguous_value', { ...facts, splits: splits.length, reason }, place)
  // Money cells are left out: a reading of one would need its unit said, which a statement does not settle.
  if (reason !== 'several' || columns.some((column) => column.money)) return { kind: 'none', diagnostic }
  return { kind: 'none', diagnostic, readings: splits, pieces }
}

/** The money unit a piece of a run prints itself (`75394432.52元`), if any. */
function pieceUnit(piece: string): string | undefined {
  const value = readCell(piece)
  return value?.kind === 'number' ? value.unit : undefined
}

const LOCAL = new WeakMap<readonly Equation[], Map<number, readonly Equation[]>>()

/** The equations whose every cell is one of the row's (I-4 for a row of table 三, I-5 for table 四's groups). */
function rowEquations(cells: readonly number[], equations: readonly Equation[]): readonly Equation[] {
  let byRow = LOCAL.get(equations)
  if (byRow === undefined) {
    byRow = new Map()
    LOCAL.set(equations, byRow)
  }
  const key = cells[0] ?? -1
  let local = byRow.get(key)
  if (local === undefined) {
    const mine = new Set(cells)
    local = equations.filter((equation) => [...equation.left, ...equation.right].every((cell) => mine.has(cell)))
    byRow.set(key, local)
  }
  return local
}

/**
 * A run with its white space as single spaces (a space is a boundary between values; how wide is
 * not): two printings of a row are the same run when these are equal.
 */
export function spaced(run: string): string {
  return run.trim().replace(/\s+/gu, ' ')
}
