/**
 * The table mapper: reads the token stream, finds tables 二, 三 and 四 by
 * their labels, and maps each row's values to model paths by its block's header.
 *
 * @module
 */

import type { ColumnSpec } from '../model/catalogue.js'
import { cellSchema, TABLES, type CellSchema } from '../model/schema.js'
import type { Cell, Diagnostic, Edition, Extra, Position } from '../model/types.js'
import { makeDiagnostic } from '../model/diagnostics.js'
import { isKnownExtra, labelIndex, type LabelIndex, type LabelMeaning } from './labels.js'
import { normalizeLabel } from './normalize.js'
import { headerUnit, toWanyuan, type CellValue } from './number.js'
import { sectionOf } from './sections.js'
import type { ParagraphToken, TextToken, Token, ValueToken } from './tokens.js'

/** How a cell came to be: its row missing, printed, blank, invalid text, or in a row not aligned. */
export const CellState = { missing: 0, printed: 1, blank: 2, invalid: 3, unaligned: 4 } as const

/** A row that printed more or fewer values than it has columns. */
export interface DamagedRow {
  /** Table 二, 三 or 四. */
  table: 2 | 3 | 4
  /** How messages name it: `row “（一）予以公开”`, or `the row of numbers of table 四`. */
  label: string
  /** Its columns' cells (indices into the edition's cell schema), in order. */
  cells: readonly number[]
  /** What it printed, in order: numbers, `null` for blanks and text. */
  printed: Cell[]
  /** Where the row starts. */
  position?: Position
}

/** Everything the mapper found. */
export interface MapResult {
  /** Which tables were found. */
  found: Record<2 | 3 | 4, boolean>
  /** The edition's cell schema. */
  schema: CellSchema
  /** Each cell's value, by index into the schema. */
  values: Cell[]
  /** Each cell's {@link CellState}, by index. */
  states: Uint8Array
  /** Where each cell was printed, by index. */
  positions: (Position | undefined)[]
  /** Rows whose values could not be placed by position. */
  damaged: DamagedRow[]
  /** Rows and lines outside the format. */
  extras: Extra[]
  /** Diagnostics of the mapping. */
  diagnostics: Diagnostic[]
}

type RowToken = ValueToken | TextToken

interface OpenRow {
  table: 0 | 2 | 3 | 4
  key?: string
  group?: boolean
  label?: TextToken
  tokens: RowToken[]
  grid: boolean
}

interface HeaderCell {
  token: TextToken
  candidates: ColumnSpec[]
}

/** Longer than this (normalised), or ending in 。, a paragraph is prose, never a caption or the note. */
const MAX_HEADER_PARAGRAPH = 48
/** Roles of table texts that may stand in a paragraph of their own, outside the table. */
const PARAGRAPH_ROLES: ReadonlySet<LabelMeaning['role']> = new Set(['caption', 'note'])

/**
 * Map a token stream onto the cells of an edition.
 *
 * @param tokens - The document's tokens.
 * @param edition - The edition whose catalogue to use.
 */
export function mapTables(tokens: readonly Token[], edition: Edition): MapResult {
  const mapper = new Mapper(edition)
  for (const token of tokens) mapper.push(token)
  return mapper.finish()
}

class Mapper {
  private readonly index: LabelIndex
  private readonly schema: CellSchema
  private readonly values: Cell[]
  private readonly states: Uint8Array
  private readonly positions: (Position | undefined)[]
  private readonly seenRows = new Set<string>()
  private readonly damaged: DamagedRow[] = []
  private readonly extras: Extra[] = []
  private readonly diagnostics: Diagnostic[] = []
  private readonly found = { 2: false, 3: false, 4: false }
  private state: 0 | 2 | 3 | 4 = 0
  private open: OpenRow | undefined
  private pendingEmpties: ValueToken[] = []
  private header: HeaderCell[] = []
  private headerOpen = false
  private table3Phase: 'header' | 'rows' = 'header'
  private table4Headers = 0

  constructor(private readonly edition: Edition) {
    this.index = labelIndex(edition)
    this.schema = cellSchema(edition)
    const count = this.schema.cells.length
    this.values = new Array<Cell>(count).fill(null)
    this.states = new Uint8Array(count)
    this.positions = new Array<Position | undefined>(count)
  }

  push(token: Token): void {
    switch (token.kind) {
      case 'tableEnd':
      case 'rowEnd':
        if (this.open === undefined && this.state === 4 && this.table4Headers >= 2 && this.pendingEmpties.length >= this.schema.table4.length) {
          // A grid row of table 四 printed with every cell empty: a row of blanks, not a missing row.
          this.open = { table: 4, tokens: this.pendingEmpties, grid: true }
        }
        this.close()
        this.pendingEmpties = []
        return
      case 'paragraph':
        this.close()
        this.onParagraph(token)
        return
      case 'value':
        this.onValue(token)
        return
      case 'text':
        this.onText(token)
    }
  }

  private onValue(token: ValueToken): void {
    if (this.open !== undefined) {
      this.open.tokens.push(token)
    } else if (this.state === 4 && token.value.kind !== 'empty') {
      this.open = { table: 4, tokens: [...this.pendingEmpties, token], grid: token.grid }
    } else if (token.value.kind === 'empty' && token.grid) {
      this.pendingEmpties.push(token)
    }
  }

  private onText(token: TextToken): void {
    const meanings = this.index.lookup(token.normalized)
    if (meanings.length === 0 && this.open !== undefined && this.open.table !== 0 && looksLikeValue(token)) {
      this.open.tokens.push(token)
      return
    }
    this.close()
    this.pendingEmpties = []
    const columns = meanings.flatMap((meaning) => (meaning.table === 2 && meaning.role === 'column' ? [meaning.column] : []))
    if (columns.length > 1 && columns.length === meanings.length && (this.state === 0 || this.state === 2)) {
      this.state = 2
      this.addHeader(token, columns)
      return
    }
    const meaning = this.choose(meanings)
    if (meaning === undefined) {
      if (meanings.length === 0 && this.state !== 0) this.open = { table: 0, label: token, tokens: [], grid: token.grid }
      return
    }
    if (meaning.table !== this.state) this.state = meaning.table
    this.onLabel(meaning, token)
  }

  /** The meaning of a label here: the current table's first, then any table's if only one table has it. */
  private choose(meanings: readonly LabelMeaning[]): LabelMeaning | undefined {
    const here = meanings.filter((meaning) => meaning.table === this.state)
    const pool = here.length > 0 ? here : new Set(meanings.map((meaning) => meaning.table)).size === 1 ? meanings : []
    if (pool[0]?.table === 3 && pool.length > 1) {
      const wanted = this.table3Phase === 'header' ? 'column' : 'row'
      return pool.find((meaning) => meaning.role === wanted) ?? pool[0]
    }
    return pool[0]
  }

  private addHeader(token: TextToken, candidates: ColumnSpec[]): void {
    if (!this.headerOpen) {
      this.header = []
      this.headerOpen = true
    }
    this.header.push({ token, candidates })
  }

  private onLabel(meaning: LabelMeaning, token: TextToken): void {
    const grid = token.grid
    switch (meaning.table) {
      case 2:
        if (meaning.role === 'caption' || meaning.role === 'content') {
          this.header = []
          this.headerOpen = true
        } else if (meaning.role === 'column') {
          this.addHeader(token, [meaning.column])
        } else if (meaning.role === 'row') {
          this.headerOpen = false
          this.open = { table: 2, key: meaning.key, label: token, tokens: [], grid }
        }
        return
      case 3:
        if (meaning.role === 'row') {
          this.table3Phase = 'rows'
          this.open = { table: 3, key: meaning.path, label: token, tokens: [], grid }
        } else if (meaning.role === 'group') {
          this.table3Phase = 'rows'
          this.open = { table: 3, group: true, label: token, tokens: [], grid }
        }
        return
      case 4:
        this.table4Headers++
    }
  }

  private onParagraph(token: ParagraphToken): void {
    const section = sectionOf(token.normalized, token.heading)
    if (section === 'activeDisclosure') this.state = 2
    else if (section === 'applications') this.state = 3
    else if (section === 'reviewAndLitigation') this.state = 4
    else if (section !== undefined) this.state = 0
    else if (!this.onHeaderParagraph(token) && this.state !== 0) this.addExtra(token, [])
  }

  /**
   * A paragraph that is a table's own text printed outside it: table 二's block
   * caption (`**第二十条第（一）项**` above each block) or table 三's balance note.
   */
  private onHeaderParagraph(token: ParagraphToken): boolean {
    if (token.normalized.length > MAX_HEADER_PARAGRAPH || token.normalized.endsWith('。')) return false
    const meaning = this.index.lookup(token.normalized).find((candidate) => PARAGRAPH_ROLES.has(candidate.role))
    if (meaning === undefined) return false
    this.state = meaning.table
    if (meaning.table === 2) {
      this.header = []
      this.headerOpen = true
    }
    return true
  }

  /** Settle the open row. */
  private close(): void {
    const row = this.open
    if (row === undefined) return
    this.open = undefined
    if (row.table === 0 || row.group === true) {
      if (row.table === 0 || row.tokens.some((token) => token.kind === 'text' || token.value.kind !== 'empty')) {
        if (row.label !== undefined) this.addExtra(row.label, row.tokens)
      }
      return
    }
    if (row.table === 2) this.closeRow2(row)
    else if (row.table === 3) this.placeRow(row, 3, `applications:${row.key ?? ''}`, this.schema.table3.get(row.key ?? '') ?? [], [])
    else this.placeRow(row, 4, TABLES[4].key, this.schema.table4, [])
  }

  private closeRow2(row: OpenRow): void {
    const spec = this.index.catalogue.table2Rows.find((candidate) => candidate.key === row.key)
    const official = this.schema.table2.get(row.key ?? '')
    if (spec === undefined || official === undefined) return
    const columns = this.blockColumns(spec.columns)
    const units = columns.map((column) => {
      const cell = this.header.find((headerCell) => headerCell.candidates.includes(column))
      return cell === undefined ? undefined : headerUnit(cell.token.text)
    })
    this.placeRow(
      row,
      2,
      `${TABLES[2].key}.${spec.key}`,
      columns.map((column) => official[spec.columns.indexOf(column.key)] as number),
      columns.map((column, i) => ({ column, unit: units[i] }))
    )
  }

  /** The row's columns in the order its block's header prints them; the official order when the header does not name them all. */
  private blockColumns(keys: readonly string[]): ColumnSpec[] {
    const official = keys.map((key) => this.index.columns.find((column) => column.key === key) as ColumnSpec)
    const assigned: ColumnSpec[] = []
    for (const cell of this.header) {
      const single = cell.candidates.length === 1 ? cell.candidates[0] : undefined
      if (single !== undefined && !assigned.includes(single)) assigned.push(single)
      else assigned.push(undefined as unknown as ColumnSpec)
    }
    this.header.forEach((cell, i) => {
      if (assigned[i] !== undefined) return
      const free = cell.candidates.find((candidate) => !assigned.includes(candidate))
      if (free !== undefined) assigned[i] = free
    })
    const ordered = assigned.filter((column) => column !== undefined && keys.includes(column.key))
    return ordered.length === keys.length ? ordered : official
  }

  private placeRow(
    row: OpenRow,
    table: 2 | 3 | 4,
    rowId: string,
    cells: readonly number[],
    money: { column: ColumnSpec; unit: string | undefined }[]
  ): void {
    const label = row.label === undefined ? `the row of numbers of table ${TABLES[table].name}` : `row “${row.label.text}”`
    const position = row.label?.position ?? row.tokens[0]?.position
    if (this.seenRows.has(rowId)) {
      this.addExtra(row.label ?? { text: TABLES[table].name, normalized: TABLES[table].name }, row.tokens)
      return
    }
    this.seenRows.add(rowId)
    this.found[table] = true
    const values = alignTokens(row.tokens, cells.length, row.grid, table !== 2)
    if (values === undefined) {
      const printed = trimEmpties(row.tokens)
      for (const cell of cells) this.record(cell, null, CellState.unaligned, undefined)
      this.damaged.push({ table, label, cells, printed: printed.map(tokenNumber), ...(position ? { position } : {}) })
      this.diagnostics.push(
        makeDiagnostic('row_length_mismatch', {
          message: `In table ${TABLES[table].name}, ${label} prints ${printed.length} values for ${cells.length} columns.`,
          path: table === 2 ? rowId : TABLES[table].key,
          position
        })
      )
      return
    }
    values.forEach((token, i) => this.setCell(cells[i] as number, token, money[i]?.unit))
  }

  private record(cell: number, value: Cell, state: number, position: Position | undefined): void {
    this.values[cell] = value
    this.states[cell] = state
    this.positions[cell] = position
  }

  private setCell(cell: number, token: RowToken, unit: string | undefined): void {
    const position = token.position
    const path = this.schema.paths[cell] as string
    if (token.kind === 'text') {
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(
        makeDiagnostic('invalid_number', { message: `Cell ${path} holds “${token.text}”, which is not a number.`, path, position })
      )
      return
    }
    const value: CellValue = token.value
    if (value.kind !== 'number') {
      this.record(cell, null, CellState.blank, position)
      const shown = value.kind === 'blank' ? `“${value.marker}”` : 'blank'
      this.diagnostics.push(makeDiagnostic('blank_cell', { message: `Cell ${path} is printed ${shown}.`, path, position }))
      return
    }
    let number = value.value
    const cellUnit = value.unit
    const sourceUnit = cellUnit ?? (unit === '元' || unit === '亿元' ? unit : undefined)
    if (this.schema.cells[cell]?.money === true && sourceUnit !== undefined && sourceUnit !== '万元') {
      number = toWanyuan(value.digits, sourceUnit)
      this.diagnostics.push(
        makeDiagnostic('unit_converted', {
          message: `Cell ${path} printed “${token.text.trim()}” in ${sourceUnit}; it is ${number} 万元.`,
          path,
          position,
          actual: value.value,
          expected: number
        })
      )
    }
    this.record(cell, number, CellState.printed, position)
  }

  private addExtra(label: { text: string; normalized: string; position?: Position }, tokens: RowToken[]): void {
    const values = trimEmpties(tokens)
    const text = [label.text, ...values.map((token) => token.text)].join('\t').trim()
    let name = label.text.trim()
    let value: Cell | string = null
    if (values.length === 1) value = tokenNumber(values[0] as RowToken)
    else if (values.length > 1) value = values.map((token) => token.text.trim()).join(' ')
    else {
      const colon = /^(.*?)[：:]\s*(.*)$/u.exec(name)
      if (colon !== null && (colon[1] as string).trim() !== '') {
        name = (colon[1] as string).trim()
        const rest = (colon[2] as string).trim()
        const number = /^[-+]?\d+(?:\.\d+)?$/u.test(rest.normalize('NFKC')) ? Number(rest.normalize('NFKC')) : undefined
        value = number ?? (rest === '' ? null : rest)
      }
    }
    name = name.replace(/^\d{4}\s*年度?/u, '')
    const extra: Extra = { label: name, value, text }
    if (label.position !== undefined) extra.position = label.position
    if (values.length > 1) extra.values = values.map(tokenNumber)
    this.extras.push(extra)
    if (!isKnownExtra(label.normalized === '' ? normalizeLabel(label.text) : label.normalized)) {
      this.diagnostics.push(
        makeDiagnostic('unknown_label', {
          message: `“${name}” is not a label of the format; it is kept in extras.`,
          path: `extras.${this.extras.length - 1}`,
          position: label.position
        })
      )
    }
  }

  finish(): MapResult {
    this.close()
    if (this.table4Headers >= 2 && !this.found[4]) {
      this.found[4] = true
      this.diagnostics.push(
        makeDiagnostic('row_missing', { message: 'Table 四 has its header but no row of numbers.', path: 'reviewAndLitigation' })
      )
    }
    this.reportMissing()
    const { found, schema, values, states, positions, damaged, extras, diagnostics } = this
    return { found, schema, values, states, positions, damaged, extras, diagnostics }
  }

  private reportMissing(): void {
    for (const table of [2, 3, 4] as const) {
      if (!this.found[table]) {
        this.diagnostics.push(
          makeDiagnostic('table_missing', { message: `Table ${TABLES[table].name} was not found.`, path: TABLES[table].key })
        )
      }
    }
    if (this.found[2]) {
      for (const row of this.index.catalogue.table2Rows) {
        const path = `activeDisclosure.${row.key}`
        if (!this.seenRows.has(path)) {
          this.diagnostics.push(makeDiagnostic('row_missing', { message: `Row “${row.labels[0] ?? ''}” of table 二 is absent.`, path }))
        }
      }
    }
    if (this.found[3]) {
      for (const row of this.index.catalogue.table3Rows) {
        if (row.path !== undefined && !this.seenRows.has(`applications:${row.path}`)) {
          this.diagnostics.push(
            makeDiagnostic('row_missing', { message: `Row “${row.labels[0] ?? ''}” of table 三 is absent.`, path: 'applications' })
          )
        }
      }
    }
  }
}


/** A text in a value position that looks like a damaged number (`约12`, `3（件）`), not a label. */
function looksLikeValue(token: TextToken): boolean {
  return /\d/u.test(token.normalized) && token.normalized.length <= 16 && !/[:：]/u.test(token.normalized)
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

function tokenNumber(token: RowToken): Cell {
  return token.kind === 'value' && token.value.kind === 'number' ? token.value.value : null
}
