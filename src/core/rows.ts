/**
 * A table row as the token stream holds it: its cells, the row being read, its id, and how its
 * printed cells line up with its columns (shared by the cell store and the table constructs).
 *
 * @module
 */

import { pathOfCells } from '../model/paths.js'
import { TABLES, type CellSchema, type TableNumber } from '../model/schema.js'
import type { Cell, Position } from '../model/types.js'
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

/**
 * The path a diagnostic about a row (or group, or table 四's row of numbers) names: a table 二 row
 * (`activeDisclosure.regulations`), a table 三 row (`applications.*.results.granted`), table 四's
 * row (`reviewAndLitigation.*`); see model/paths.ts. The table's key when it has no cells.
 *
 * @param schema - The edition's cells.
 * @param table - The row's table.
 * @param cells - The row's cells (indices into the schema).
 */
export function rowPath(schema: CellSchema, table: TableNumber, cells: readonly number[]): string {
  const first = schema.cells[cells[0] ?? -1]
  if (first === undefined) return TABLES[table].key
  // A table 二 row is its row key, whatever its width (2021's 行政许可 has one column).
  if (table === 2) return `${TABLES[2].key}.${first.row}`
  // A row's cells are mostly the schema's own list of them: its path is worked out once.
  const known = ROW_PATHS.get(cells)
  if (known !== undefined) return known
  const path = pathOfCells(cells.map((cell) => schema.paths[cell] as string))
  ROW_PATHS.set(cells, path)
  return path
}

/** The path of each list of a row's cells seen (the lists of a schema are kept, so are their paths). */
const ROW_PATHS = new WeakMap<readonly number[], string>()

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

/**
 * A row cell's number as a count: `null` for a blank, a text, or a number with a money unit
 * (`4亿元` is no count: its figure is never read as one).
 */
export function tokenCount(token: RowToken): Cell {
  return token.kind === 'value' && token.value.kind === 'number' && token.value.unit === undefined ? token.value.value : null
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
  /** A glued row (its values run together): the splits that keep its own rules, for the whole table's totals to choose from. */
  glued?: { run: string; readings: readonly (readonly number[])[]; pieces: readonly (readonly string[])[] }
}
