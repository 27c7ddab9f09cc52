/**
 * The generic table mapper: reads the token stream, follows which table it is in (by section
 * headings and labels), and hands each label and row to that table's construct (tables/*.ts).
 * Rows and lines outside the format are kept as extras.
 *
 * @module
 */

import type { SectionId } from '../model/catalogue.js'
import { makeDiagnostic } from '../model/diagnose.js'
import { cellSchema, TABLES, type CellSchema, type TableNumber } from '../model/schema.js'
import type { Cell, Diagnostic, Edition, Extra, Position } from '../model/types.js'
import { equationsOf } from '../validate/equations.js'
import { CellStore, type DamagedRow } from './cells.js'
import { rowPath, tokenNumber, trimEmpties, type OpenRow, type RowToken } from './rows.js'
import { isKnownExtra, labelIndex, type LabelIndex, type LabelMeaning } from './labels.js'
import { normalizeLabel } from './normalize.js'
import type { MapperContext, TableConstruct } from './tables/construct.js'
import { table2 } from './tables/table2.js'
import { table3 } from './tables/table3.js'
import { table4 } from './tables/table4.js'
import type { ParagraphToken, TextToken, Token, ValueToken } from './tokens.js'

export { CellState, type DamagedRow } from './cells.js'

/** Everything the mapper found. */
export interface MapResult {
  /** Which tables were found. */
  found: Record<TableNumber, boolean>
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
  /** Glued rows read by their own rules (see `CellStore.splits`). */
  splits: CellStore['splits']
  /** Glued rows of table 二 left `null` with several readings (see `CellStore.undecided`). */
  undecided: CellStore['undecided']
  /** Sums printed as one group row (see `CellStore.groupSums`). */
  groupSums: CellStore['groupSums']
  /** Rows and lines outside the format. */
  extras: Extra[]
  /** Diagnostics of the mapping. */
  diagnostics: Diagnostic[]
}

/** Longer than this (normalised), or ending in 。, a paragraph is prose, never a caption or the note. */
const MAX_HEADER_PARAGRAPH = 48
/** Roles of table texts that may stand in a paragraph of their own, outside the table. */
const PARAGRAPH_ROLES: ReadonlySet<LabelMeaning['role']> = new Set(['caption', 'note'])
/** The table a section heading opens. */
const SECTION_TABLES: Partial<Record<SectionId, TableNumber>> = { activeDisclosure: 2, applications: 3, reviewAndLitigation: 4 }

/**
 * Map a token stream onto the cells of an edition.
 *
 * @param tokens - The document's tokens.
 * @param edition - The edition whose catalogue to use.
 * @param sections - The section each heading paragraph opens, by block index (from `readMeta`).
 */
export function mapTables(tokens: readonly Token[], edition: Edition, sections: ReadonlyMap<number, SectionId>): MapResult {
  const mapper = new Mapper(edition, sections)
  for (const token of tokens) mapper.push(token)
  return mapper.finish()
}

class Mapper implements MapperContext {
  readonly index: LabelIndex
  readonly cells: CellStore
  readonly diagnostics: Diagnostic[] = []
  state: 0 | TableNumber = 0
  open: OpenRow | undefined
  private readonly tables: Record<TableNumber, TableConstruct> = { 2: table2(), 3: table3(), 4: table4() }
  /** The constructs in table order, for what each may claim or settle. */
  private readonly ordered: readonly TableConstruct[] = [this.tables[2], this.tables[3], this.tables[4]]
  private readonly extras: Extra[] = []
  private pendingEmpties: ValueToken[] = []

  constructor(
    edition: Edition,
    private readonly sections: ReadonlyMap<number, SectionId>
  ) {
    this.index = labelIndex(edition)
    this.cells = new CellStore(cellSchema(edition), this.diagnostics, equationsOf(edition).all)
  }

  push(token: Token): void {
    switch (token.kind) {
      case 'tableEnd':
      case 'rowEnd':
        if (this.open === undefined && this.state !== 0) this.open = this.tables[this.state].onRowEnd?.(this, this.pendingEmpties)
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
      return
    }
    const row = this.state === 0 ? undefined : this.tables[this.state].onValue?.(this, token, this.pendingEmpties)
    if (row !== undefined) this.open = row
    else if (token.value.kind === 'empty' && token.grid) this.pendingEmpties.push(token)
  }

  private onText(token: TextToken): void {
    let meanings = this.index.lookup(token.normalized)
    // In a table, a label with a typo (`2.其他法律行政止公开`) before a damaged value (`约12`): a numbered label looks like one.
    if (meanings.length === 0 && this.state !== 0) meanings = this.nearLabel(token) ?? meanings
    if (meanings.length === 0 && this.open !== undefined && this.open.table !== 0 && looksLikeValue(token)) {
      this.open.tokens.push(token)
      return
    }
    this.close()
    this.pendingEmpties = []
    for (const table of this.ordered) if (table.claim?.(this, meanings, token) === true) return
    const meaning = this.choose(meanings)
    if (meaning === undefined) {
      if (meanings.length === 0 && this.state !== 0 && !this.onNote(token)) {
        this.open = { table: 0, label: token, tokens: [], grid: token.grid }
      }
      return
    }
    this.state = meaning.table
    this.tables[meaning.table].onLabel(this, meaning, token)
  }

  /** In a table, a text that is no label but one edit or a few from exactly one (a typo): that label's meanings, said in an info. */
  private nearLabel(token: TextToken): readonly LabelMeaning[] | undefined {
    const near = this.index.nearest(token.normalized)
    if (near === undefined) return undefined
    const path = this.rowPathOf(near.meanings)
    this.diagnostics.push(
      makeDiagnostic(
        'label_variant',
        { printed: token.text.trim(), label: near.label, distance: near.distance },
        { position: token.position, ...(path === undefined ? {} : { path }) }
      )
    )
    return near.meanings
  }

  /** The row a label names, when all its meanings are that one row of table 二 or 三. */
  private rowPathOf(meanings: readonly LabelMeaning[]): string | undefined {
    const schema = this.cells.schema
    const paths = new Set(
      meanings.map((meaning) =>
        meaning.role !== 'row'
          ? undefined
          : meaning.table === 2
            ? rowPath(schema, 2, schema.table2.get(meaning.key) ?? [])
            : rowPath(schema, 3, schema.table3.get(meaning.path) ?? [])
      )
    )
    const [only] = paths
    return paths.size === 1 ? only : undefined
  }

  /** The meaning of a label here: the current table's first, then any table's if only one table has it. */
  private choose(meanings: readonly LabelMeaning[]): LabelMeaning | undefined {
    if (meanings.length === 1) return meanings[0]
    const here = meanings.filter((meaning) => meaning.table === this.state)
    const pool = here.length > 0 ? here : new Set(meanings.map((meaning) => meaning.table)).size === 1 ? meanings : []
    const first = pool[0]
    if (first === undefined || pool.length === 1) return first
    return this.tables[first.table].prefer?.(pool) ?? first
  }

  private onParagraph(token: ParagraphToken): void {
    const section = this.sections.get(token.block)
    if (section !== undefined) this.state = SECTION_TABLES[section] ?? 0
    else if (!this.onHeaderParagraph(token) && this.state !== 0 && !this.onNote(token)) this.addExtra(token, [])
  }

  /** A paragraph or an unlabelled cell that the current table takes as its own note (a unit under table 二). */
  private onNote(token: ParagraphToken | TextToken): boolean {
    return this.state !== 0 && this.tables[this.state].onNote?.(this, token) === true
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
    this.tables[meaning.table].onParagraphLabel?.(this, meaning)
    return true
  }

  /** Settle the open row. */
  private close(): void {
    const row = this.open
    if (row === undefined) return
    this.open = undefined
    if (row.table !== 0 && row.group !== true) {
      this.tables[row.table].close(this, row)
      return
    }
    const printed = row.tokens.some((token) => token.kind === 'text' || token.value.kind !== 'empty')
    if (row.table !== 0 && printed && this.tables[row.table].closeGroup?.(this, row) === true) return
    if (row.table === 0 || printed) this.keepExtra(row)
  }

  keepExtra(row: OpenRow): void {
    if (row.label !== undefined) this.addExtra(row.label, row.tokens)
  }

  private addExtra(label: { text: string; normalized: string; position?: Position | undefined }, tokens: RowToken[]): void {
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
        makeDiagnostic('unknown_label', { label: name }, { path: `extras.${this.extras.length - 1}`, position: label.position })
      )
    }
  }

  finish(): MapResult {
    this.close()
    const tables = this.ordered
    for (const table of tables) table.settle?.(this)
    for (const table of tables) {
      if (!this.cells.found[table.table]) {
        this.diagnostics.push(makeDiagnostic('table_missing', { table: TABLES[table.table].name }, { path: TABLES[table.table].key }))
      }
    }
    for (const table of tables) table.missingRows?.(this)
    const { found, schema, values, states, positions, damaged, splits, undecided, groupSums } = this.cells
    return {
      found,
      schema,
      values,
      states,
      positions,
      damaged,
      splits,
      undecided,
      groupSums,
      extras: this.extras,
      diagnostics: this.diagnostics
    }
  }
}

/** A text in a value position that looks like a damaged number (`约12`, `3（件）`), not a label. */
function looksLikeValue(token: TextToken): boolean {
  return /\d/u.test(token.normalized) && token.normalized.length <= 16 && !/[:：]/u.test(token.normalized)
}
