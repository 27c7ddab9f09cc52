/**
 * What the narrative states, against the tables: a glued row of table 二 that several splits fit is
 * settled by the statements about its cells when exactly one split agrees with all of them
 * (`values_split`, by the sentence); every statement whose figure the table does not print is said
 * (`text_table_mismatch`, info). No cell the table prints is ever changed.
 *
 * @module
 */

import { makeDiagnostic } from '../model/diagnose.js'
import { TABLES, type CellSchema } from '../model/schema.js'
import type { Cell, Diagnostic, Position, Statement } from '../model/types.js'
import { CellState, type UndecidedRow } from './cells.js'
import { rowPath } from './rows.js'

/** The mapped cells a check reads and a settled row writes. */
export interface StatedCells {
  /** The edition's cells. */
  schema: CellSchema
  /** Each cell's value. */
  values: Cell[]
  /** Each cell's state. */
  states: Uint8Array
  /** Where each cell was printed. */
  positions: (Position | undefined)[]
  /** Glued rows of table 二 that several splits fit. */
  undecided: readonly UndecidedRow[]
}

/** Two figures are the same when they differ by less than this part of the larger (money read in 万元). */
const SAME = 1e-9

const same = (a: number, b: number): boolean => Math.abs(a - b) <= SAME * Math.max(1, Math.abs(a), Math.abs(b))

/**
 * Settle the glued rows the statements decide, then compare every statement with the table.
 *
 * @param statements - The narrative's statements.
 * @param cells - The mapped cells (written where a row is settled).
 * @param diagnostics - The parse's diagnostics: a settled row's `ambiguous_value` is replaced by its `values_split`.
 * @returns The `text_table_mismatch` diagnostics.
 */
export function checkStatements(statements: readonly Statement[], cells: StatedCells, diagnostics: Diagnostic[]): Diagnostic[] {
  if (statements.length === 0) return []
  const { schema, values } = cells
  const indexOf = new Map(schema.paths.map((path, index) => [path, index]))
  const open = new Map<number, UndecidedRow>()
  for (const row of cells.undecided) for (const cell of row.cells) open.set(cell, row)
  for (const row of cells.undecided) if (row.settles !== false) settle(row, statements, indexOf, cells, diagnostics)
  const found: Diagnostic[] = []
  for (const statement of statements) {
    const indices = statement.cells.map((path) => indexOf.get(path))
    if (indices.some((index) => index === undefined)) continue
    const first = indices[0] as number
    const place = { path: statement.path, position: statement.position, actual: statement.value, cellPosition: cells.positions[first] }
    const facts = { path: statement.path, sentence: statement.text, value: statement.value, unit: unitOf(statement) }
    let sum = 0
    let known = true
    for (const index of indices) {
      const value = values[index as number]
      if (value === null || value === undefined) known = false
      else sum += value
    }
    if (known) {
      if (!same(sum, statement.value)) {
        found.push(makeDiagnostic('text_table_mismatch', { ...facts, table: sum, cellAt: place.cellPosition }, { ...place, expected: sum }))
      }
      continue
    }
    // Cells left null by runs that several splits fit: said when no split (of each run) gives the figure.
    const given = possibleSums(indices as number[], values, open)
    if (given === undefined || given.sums.some((value) => same(value, statement.value))) continue
    const run = { text: given.rows.map((row) => row.run).join(' / '), values: given.sums }
    found.push(makeDiagnostic('text_table_mismatch', { ...facts, run, cellAt: (given.rows[0] as UndecidedRow).position }, place))
  }
  return found
}

/** At most this many sums of cells left null are told apart; past it a statement about them says nothing. */
const MAX_SUMS = 4096

/**
 * Every sum the cells can come to where those left null are cells of runs that several splits fit
 * (each run's splits in turn), with the runs; `undefined` when a null cell is of no such run, or the
 * sums are too many to list.
 */
function possibleSums(
  indices: readonly number[],
  values: readonly Cell[],
  open: ReadonlyMap<number, UndecidedRow>
): { sums: number[]; rows: UndecidedRow[] } | undefined {
  let base = 0
  const columns = new Map<UndecidedRow, number[]>()
  for (const index of indices) {
    const value = values[index]
    if (value !== null && value !== undefined) {
      base += value
      continue
    }
    const row = open.get(index)
    if (row === undefined) return undefined
    columns.set(row, [...(columns.get(row) ?? []), row.cells.indexOf(index)])
  }
  let sums = new Set([base])
  for (const [row, cols] of columns) {
    const options = new Set(row.readings.map((reading) => cols.reduce((total, column) => total + (reading[column] as number), 0)))
    if (sums.size * options.size > MAX_SUMS * 16) return undefined
    const next = new Set<number>()
    for (const sum of sums) for (const option of options) next.add(sum + option)
    if (next.size > MAX_SUMS) return undefined
    sums = next
  }
  return { sums: [...sums], rows: [...columns.keys()] }
}

/** The unit a statement's figure is said in: `件`, or 万元 for money. */
function unitOf(statement: Statement): string {
  return statement.unit === '件' ? '件' : '万元'
}

/** Settle a row when every statement about its cells fits one split and exactly one split fits them all. */
function settle(
  row: UndecidedRow,
  statements: readonly Statement[],
  indexOf: ReadonlyMap<string, number>,
  cells: StatedCells,
  diagnostics: Diagnostic[]
): void {
  const about = statements.flatMap((statement) => {
    if (statement.cells.length !== 1) return []
    const column = row.cells.indexOf(indexOf.get(statement.cells[0] as string) ?? -1)
    return column < 0 ? [] : [{ statement, column }]
  })
  if (about.length === 0) return
  let fitting = row.readings.map((_, i) => i)
  for (const { statement, column } of about) {
    const fits = fitting.filter((i) => same((row.readings[i] as readonly number[])[column] as number, statement.value))
    // A statement no split fits says nothing of which split: the row stays null (and the mismatch is said).
    if (!row.readings.some((reading) => same(reading[column] as number, statement.value))) return
    fitting = fits
  }
  if (fitting.length !== 1) return
  const chosen = fitting[0] as number
  const reading = row.readings[chosen] as readonly number[]
  row.cells.forEach((cell, i) => {
    cells.values[cell] = reading[i] as number
    cells.states[cell] = CellState.printed
    cells.positions[cell] ??= row.position
  })
  const decided = (about[0] as (typeof about)[number]).statement
  const facts = {
    table: TABLES[row.table].name,
    row: row.label,
    run: row.run,
    pieces: row.pieces[chosen] ?? [],
    by: 'statement' as const,
    statement: { sentence: decided.text, splits: row.readings.length, path: decided.path, value: decided.value, unit: unitOf(decided) }
  }
  const place = { path: rowPath(cells.schema, row.table, row.cells), position: row.position, statementPosition: decided.position }
  const at = diagnostics.indexOf(row.diagnostic)
  const split = makeDiagnostic('values_split', facts, place)
  if (at >= 0) diagnostics[at] = split
  else diagnostics.push(split)
}
