/**
 * The token stream: the neutral document as the core reads it (source/tokenize.ts makes it).
 *
 * @module
 */

import type { HiddenRun } from '../model/diagnose.js'
import type { Position } from '../model/types.js'
import { normalizeLabel } from './normalize.js'
import type { CellValue } from './number.js'

/** A table cell that holds a value (a number or a blank marker) or nothing. */
export interface ValueToken {
  kind: 'value'
  /** The cell as printed. */
  text: string
  /** What it holds. */
  value: CellValue
  /** Whether its table is a grid (positions are real columns). */
  grid: boolean
  /** In a complete grid row, how far the cell is from the row's end (1 for the last cell). */
  fromEnd: number | undefined
  /** Which row of the document it is in (rows of all tables counted in order from 0). */
  row: number
  /** Text of the cell a reader does not see, not in `text` (see `SourceCell.hidden`). */
  hidden?: readonly HiddenRun[] | undefined
  /** Where it is. */
  position?: Position | undefined
}

/** A table cell that holds text: a label, or prose in a cell. */
export interface TextToken {
  kind: 'text'
  /** The cell as printed. */
  text: string
  /** Its normalised form. */
  normalized: string
  /** Whether its table is a grid (positions are real columns). */
  grid: boolean
  /** In a complete grid row, how far the cell is from the row's end (1 for the last cell). */
  fromEnd: number | undefined
  /** Which row of the document it is in (rows of all tables counted in order from 0). */
  row: number
  /** Text of the cell a reader does not see, not in `text` (see `SourceCell.hidden`). */
  hidden?: readonly HiddenRun[] | undefined
  /** Where it is. */
  position?: Position | undefined
}

/** A heading or paragraph between tables. */
export interface ParagraphToken {
  kind: 'paragraph'
  /** Its text. */
  text: string
  /** Its normalised form, `''` for prose (see {@link headOf}). */
  normalized: string
  /** Index of its block in the document. */
  block: number
  /** Whether the input marks it as a heading. */
  heading: boolean
  /** Where it is. */
  position?: Position | undefined
}

/** The end of a row of a grid table. */
export interface RowEndToken {
  kind: 'rowEnd'
}

/** The end of a table. */
export interface TableEndToken {
  kind: 'tableEnd'
  /** Index of the table's block in the document. */
  block: number
}

/** The end of a table, or of a row of a grid table. */
export type BoundaryToken = RowEndToken | TableEndToken

/** One token of the stream. */
export type Token = ValueToken | TextToken | ParagraphToken | BoundaryToken

/** Longer than this, a paragraph is prose: never a heading or a label. */
export const MAX_LABEL_TEXT = 96

/**
 * The normalised text of a heading or label; `''` for prose: a paragraph longer than
 * {@link MAX_LABEL_TEXT}, or a sentence (its last character 。, which normalising keeps last), which
 * no reader of a paragraph's normalised text takes for a heading, a caption or a note.
 */
export function headOf(text: string): string {
  return text.length > MAX_LABEL_TEXT || text.endsWith('。') ? '' : normalizeLabel(text)
}
