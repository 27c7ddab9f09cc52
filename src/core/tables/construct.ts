/**
 * What a table construct is: one per table of the format (table2.ts, table3.ts, table4.ts), each
 * with its header reading, row closing and missing-row rules, under the generic mapper
 * (core/mapper.ts), which feeds it the tokens of its table.
 *
 * @module
 */

import type { Diagnostic } from '../../model/diagnostics.js'
import type { TableNumber } from '../../model/schema.js'
import type { Position } from '../../model/types.js'
import type { CellStore } from '../cells.js'
import type { OpenRow } from '../rows.js'
import type { LabelIndex, LabelMeaning } from '../labels.js'
import type { TextToken, ValueToken } from '../tokens.js'

/** What a construct may read and change of the mapper it works under. */
export interface MapperContext {
  /** The edition's labels. */
  readonly index: LabelIndex
  /** The cells, and the placing of rows into them. */
  readonly cells: CellStore
  /** Where diagnostics go. */
  readonly diagnostics: Diagnostic[]
  /** The table being read; 0 before, between and after the tables. */
  state: 0 | TableNumber
  /** The row being read, settled by the mapper when the next label or boundary comes. */
  open: OpenRow | undefined
  /** Keep a row outside the format in `extras`. */
  keepExtra(row: OpenRow): void
}

/** One table of the format, as the mapper reads it. Created afresh for each parse. */
export interface TableConstruct {
  /** Its number. */
  readonly table: TableNumber
  /** A label of this table was read (the mapper has made it the current table). */
  onLabel(context: MapperContext, meaning: LabelMeaning, token: TextToken): void
  /** Settle an open row of this table: place its values, or record it as damaged. */
  close(context: MapperContext, row: OpenRow): void
  /** A group label printed with values of its own (a subtotal, or a group the edition splits printed whole): `true` when taken. */
  closeGroup?(context: MapperContext, row: OpenRow): boolean
  /** A text only this table can read, looked at before the label is chosen; `true` when taken. */
  claim?(context: MapperContext, meanings: readonly LabelMeaning[], token: TextToken): boolean
  /** Of several meanings of a label in this table, the one that fits where the table is. */
  prefer?(pool: readonly LabelMeaning[]): LabelMeaning | undefined
  /**
   * A paragraph, or a cell with no label of the format, while this table is read (a note under
   * it, a caption over it): `true` when the table takes it as its own.
   */
  onNote?(context: MapperContext, token: { text: string; position?: Position | undefined }): boolean
  /** Its caption or note, printed as a paragraph of its own outside the table. */
  onParagraphLabel?(context: MapperContext, meaning: LabelMeaning): void
  /** A value while this table is read and no row is open: the row it opens, if any. */
  onValue?(context: MapperContext, token: ValueToken, pending: ValueToken[]): OpenRow | undefined
  /** The end of a grid row while no row is open, after `pending` empty cells: the row they make, if any. */
  onRowEnd?(context: MapperContext, pending: ValueToken[]): OpenRow | undefined
  /** At the end of the input, before tables are declared missing. */
  settle?(context: MapperContext): void
  /** At the end of the input: its rows that were never printed. */
  missingRows?(context: MapperContext): void
}
