/**
 * The cell store of one parse: each cell's value, state and position by index into the edition's
 * schema, and the placing of a table row's printed values into its cells (shared by every table).
 *
 * @module
 */

import { makeDiagnostic } from '../model/diagnose.js'
import { TABLES, type CellSchema, type TableNumber } from '../model/schema.js'
import type { Cell, Diagnostic, Position } from '../model/types.js'
import { toWanyuan, type CellValue, type MoneyUnit, type UnknownUnit } from './number.js'
import type { TextToken, ValueToken } from './tokens.js'

/** How a cell came to be: its row missing, printed, blank, invalid text, or in a row not aligned. */
export const CellState = { missing: 0, printed: 1, blank: 2, invalid: 3, unaligned: 4 } as const

/** A cell of a table row as the token stream holds it. */
export type RowToken = ValueToken | TextToken

/** A row being read: its table (0 outside the format), its key, its label and its cells so far. */
export interface OpenRow {
  /** Table 二, 三, 四, or 0 for a row outside the format. */
  table: 0 | TableNumber
  /** Table 二 row key, or table 三 row path. */
  key?: string
  /** A group label of table 三 (`（三）不予公开`), which holds no values of its own. */
  group?: boolean
  /** Its label. */
  label?: TextToken
  /** Its cells after the label. */
  tokens: RowToken[]
  /** Whether it comes from a grid table. */
  grid: boolean
}

/** A row that printed more or fewer values than it has columns. */
export interface DamagedRow {
  /** Table 二, 三 or 四. */
  table: TableNumber
  /** Its label as printed; absent for table 四's row of numbers. */
  label?: string
  /** Its columns' cells (indices into the edition's cell schema), in order. */
  cells: readonly number[]
  /** What it printed, in order: numbers, `null` for blanks and text. */
  printed: Cell[]
  /** Where the row starts. */
  position?: Position
}

const ROW_IDS: Record<TableNumber, Map<string, string>> = { 2: new Map(), 3: new Map(), 4: new Map() }

/**
 * A row's id, to notice a row printed twice (`activeDisclosure.regulations`, `applications:newReceived`,
 * `reviewAndLitigation`); the same string object each time, so set lookups need not hash a new string.
 *
 * @param table - Its table.
 * @param key - Table 二 row key or table 三 row path; ignored for table 四.
 */
export function rowId(table: TableNumber, key: string): string {
  let id = ROW_IDS[table].get(key)
  if (id === undefined) {
    id = table === 2 ? `${TABLES[2].key}.${key}` : table === 3 ? `${TABLES[3].key}:${key}` : TABLES[4].key
    ROW_IDS[table].set(key, id)
  }
  return id
}

/** The cells of one parse, and the rows placed into them. */
export class CellStore {
  /** Each cell's value, by index into the schema. */
  readonly values: Cell[]
  /** Each cell's {@link CellState}, by index. */
  readonly states: Uint8Array
  /** Where each cell was printed, by index. */
  readonly positions: (Position | undefined)[]
  /** Rows whose values could not be placed by position. */
  readonly damaged: DamagedRow[] = []
  /** Which tables have a row placed. */
  readonly found: Record<TableNumber, boolean> = { 2: false, 3: false, 4: false }
  /** The rows placed so far, by id (`activeDisclosure.regulations`, `applications:newReceived`, `reviewAndLitigation`). */
  readonly seenRows = new Set<string>()

  /**
   * @param schema - The edition's cell schema.
   * @param diagnostics - Where diagnostics go.
   */
  constructor(
    readonly schema: CellSchema,
    private readonly diagnostics: Diagnostic[]
  ) {
    const count = schema.cells.length
    this.values = new Array<Cell>(count).fill(null)
    this.states = new Uint8Array(count)
    this.positions = new Array<Position | undefined>(count)
  }

  /**
   * Place a row's printed values into its cells, or record it as damaged when they do not fit.
   *
   * @param row - The row.
   * @param table - Its table.
   * @param rowId - Its id, to notice a row printed twice.
   * @param cells - Its columns' cells, in the order it prints them.
   * @param units - A money unit its column header names, per column.
   */
  placeRow(
    row: OpenRow,
    table: TableNumber,
    rowId: string,
    cells: readonly number[],
    units: readonly (MoneyUnit | UnknownUnit | undefined)[] = []
  ): void {
    const label = row.label?.text
    const position = row.label?.position ?? row.tokens[0]?.position
    const values = alignTokens(row.tokens, cells.length, row.grid, table !== 2)
    if (this.seenRows.has(rowId)) {
      this.compareRepeat(table, rowId, label, position, cells, units, values)
      return
    }
    this.seenRows.add(rowId)
    this.found[table] = true
    if (values === undefined) {
      const printed = trimEmpties(row.tokens)
      for (const cell of cells) this.record(cell, null, CellState.unaligned, undefined)
      this.damaged.push({
        table,
        ...(label === undefined ? {} : { label }),
        cells,
        printed: printed.map(tokenNumber),
        ...(position ? { position } : {})
      })
      this.diagnostics.push(
        makeDiagnostic(
          'row_length_mismatch',
          { table: TABLES[table].name, row: label, printed: printed.length, columns: cells.length },
          { path: table === 2 ? rowId : TABLES[table].key, position }
        )
      )
      return
    }
    for (let i = 0; i < values.length; i++) this.setCell(cells[i] as number, values[i] as RowToken, units[i])
  }

  /**
   * A row printed a second time (a table repeated, a row printed twice): where it prints other
   * values than the first printing, which is kept, say so cell by cell; where its values cannot
   * be aligned with the columns, say so for the row. The same values again say nothing.
   */
  private compareRepeat(
    table: TableNumber,
    rowId: string,
    label: string | undefined,
    position: Position | undefined,
    cells: readonly number[],
    units: readonly (MoneyUnit | UnknownUnit | undefined)[],
    values: RowToken[] | undefined
  ): void {
    const row = { table: TABLES[table].name, row: label }
    if (values === undefined) {
      const place = { path: table === 2 ? rowId : TABLES[table].key, position }
      this.diagnostics.push(makeDiagnostic('conflicting_values', { ...row, path: place.path }, place))
      return
    }
    for (let i = 0; i < values.length; i++) {
      const cell = cells[i] as number
      const token = values[i] as RowToken
      const second = this.numberOf(cell, token, units[i])
      const first = this.values[cell] as Cell
      if (second === first) continue
      const path = this.schema.paths[cell] as string
      const facts = { ...row, path, first, second }
      const place = {
        path,
        position: token.position,
        ...(first === null ? {} : { expected: first }),
        ...(second === null ? {} : { actual: second })
      }
      this.diagnostics.push(makeDiagnostic('conflicting_values', facts, place))
    }
  }

  /** The number a row cell gives a cell, as `setCell` would record it (in 万元 for money); `null` for none. */
  private numberOf(cell: number, token: RowToken, unit: MoneyUnit | UnknownUnit | undefined): Cell {
    if (token.kind === 'text' || token.value.kind !== 'number') return null
    const value = token.value
    const applied = this.unitOf(cell, value.unit ?? unit)
    if (applied === undefined) return value.value
    return typeof applied === 'string' ? toWanyuan(value.digits, applied) : null
  }

  /** The unit a cell's number must be converted from: only a money cell's, and never 万元 (`undefined`: none). */
  private unitOf(cell: number, unit: MoneyUnit | UnknownUnit | undefined): MoneyUnit | UnknownUnit | undefined {
    return this.schema.cells[cell]?.money === true && unit !== '万元' ? unit : undefined
  }

  private record(cell: number, value: Cell, state: number, position: Position | undefined): void {
    this.values[cell] = value
    this.states[cell] = state
    this.positions[cell] = position
  }

  private setCell(cell: number, token: RowToken, unit: MoneyUnit | UnknownUnit | undefined): void {
    const position = token.position
    const path = this.schema.paths[cell] as string
    if (token.kind === 'text') {
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(makeDiagnostic('invalid_number', { path, text: token.text }, { path, position }))
      return
    }
    const value: CellValue = token.value
    if (value.kind === 'unreadable') {
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(makeDiagnostic('invalid_number', { path, text: token.text, why: value.why }, { path, position }))
      return
    }
    if (value.kind !== 'number') {
      this.record(cell, null, CellState.blank, position)
      const marker = value.kind === 'blank' ? value.marker : undefined
      this.diagnostics.push(makeDiagnostic('blank_cell', { path, marker }, { path, position }))
      return
    }
    let number = value.value
    const sourceUnit = this.unitOf(cell, value.unit ?? unit)
    if (typeof sourceUnit === 'object') {
      // A unit the header states that is no money unit of the catalogue (美元, 万): never a guess.
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(
        makeDiagnostic('unknown_unit', { path, unit: sourceUnit.unknown, printed: token.text.trim() }, { path, position })
      )
      return
    }
    if (sourceUnit !== undefined) {
      number = toWanyuan(value.digits, sourceUnit)
      this.diagnostics.push(
        makeDiagnostic(
          'unit_converted',
          { path, printed: token.text.trim(), unit: sourceUnit, value: number },
          { path, position, actual: value.value, expected: number }
        )
      )
    }
    this.record(cell, number, CellState.printed, position)
  }
}

function isEmpty(token: RowToken | undefined): boolean {
  return token !== undefined && token.kind === 'value' && token.value.kind === 'empty'
}

/** Drop empty cells before and after a row's values (layout, in text). */
export function trimEmpties(tokens: readonly RowToken[]): RowToken[] {
  let start = 0
  let end = tokens.length
  while (start < end && isEmpty(tokens[start])) start++
  while (end > start && isEmpty(tokens[end - 1])) end--
  return tokens.slice(start, end)
}

/**
 * The row's value cells, or `undefined` when they do not fit its columns.
 *
 * - A complete grid row (no cell missing, see `SourceRow.complete`), in tables
 *   三 and 四 (`byPosition`): the values are its last `width` cells, where they
 *   stand; the cells before them (label columns) must hold no value.
 * - Another grid row (table 二, whose blocks are narrower than the table):
 *   empty cells count where they stand; only surplus empties at either end are dropped.
 * - A row of text, or an incomplete grid row of tables 三 and 四 (which of its
 *   cells are missing cannot be known): empties at either end are layout and dropped.
 */
export function alignTokens(tokens: readonly RowToken[], width: number, grid: boolean, byPosition: boolean): RowToken[] | undefined {
  let list: RowToken[]
  if (grid && byPosition && tokens.length > 0 && tokens.every((token) => token.fromEnd !== undefined)) {
    list = tokens.filter((token) => (token.fromEnd as number) <= width)
    const labelArea = tokens.filter((token) => (token.fromEnd as number) > width)
    return list.length === width && labelArea.every(isEmpty) ? list : undefined
  }
  if (grid && !byPosition) {
    list = [...tokens]
    while (list.length > width && isEmpty(list[list.length - 1])) list.pop()
    while (list.length > width && isEmpty(list[0])) list.shift()
  } else {
    list = trimEmpties(tokens)
  }
  return list.length === width ? list : undefined
}

/** A row cell's number, or `null` for a blank or a text. */
export function tokenNumber(token: RowToken): Cell {
  return token.kind === 'value' && token.value.kind === 'number' ? token.value.value : null
}
