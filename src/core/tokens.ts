/**
 * The neutral document as one stream of tokens, the form the table mapper reads.
 *
 * @module
 */

import type { Position } from '../model/types.js'
import type { ResolvedDocument, SourceCell } from './document.js'
import { normalizeLabel } from './normalize.js'
import { readCell, type CellValue } from './number.js'

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
  /** Where it is. */
  position?: Position
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
  /** Where it is. */
  position?: Position
}

/** A heading or paragraph between tables. */
export interface ParagraphToken {
  kind: 'paragraph'
  /** Its text. */
  text: string
  /** Its normalised form. */
  normalized: string
  /** Index of its block in the document. */
  block: number
  /** Whether the input marks it as a heading. */
  heading: boolean
  /** Where it is. */
  position?: Position
}

/** The end of a table, or of a row of a grid table. */
export interface BoundaryToken {
  kind: 'tableEnd' | 'rowEnd'
}

/** One token of the stream. */
export type Token = ValueToken | TextToken | ParagraphToken | BoundaryToken

/**
 * Flatten a document into tokens: each table cell in reading order, each
 * heading and paragraph, and boundaries (`rowEnd` only for grid tables, whose
 * rows are real).
 *
 * @param document - An adapter's output, embedded parts resolved.
 */
export function tokenize(document: ResolvedDocument): Token[] {
  const tokens: Token[] = []
  document.blocks.forEach((block, index) => {
    if (block.type !== 'table') {
      const paragraph: ParagraphToken = {
        kind: 'paragraph',
        text: block.text,
        normalized: headOf(block.text),
        block: index,
        heading: block.type === 'heading'
      }
      tokens.push(withPosition(paragraph, block.position))
      return
    }
    const width = block.grid ? (block.columns ?? block.rows[0]?.cells.length ?? 0) : -1
    for (const row of block.rows) {
      const cells = row.cells
      const full = block.grid && (row.complete ?? cells.length === width)
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i] as SourceCell
        const value = readCell(cell.text)
        const fromEnd = full ? cells.length - i : undefined
        const token: TextToken | ValueToken =
          value === undefined
            ? { kind: 'text', text: cell.text, normalized: normalizeLabel(cell.text), grid: block.grid, fromEnd }
            : { kind: 'value', text: cell.text, value, grid: block.grid, fromEnd }
        tokens.push(withPosition(token, cell.position))
      }
      if (block.grid) tokens.push({ kind: 'rowEnd' })
    }
    tokens.push({ kind: 'tableEnd' })
  })
  return tokens
}

function withPosition<T extends ValueToken | TextToken | ParagraphToken>(token: T, position: Position | undefined): T {
  if (position !== undefined) token.position = position
  return token
}

/** Longer than this, a paragraph is prose: never a heading or a label. */
export const MAX_LABEL_TEXT = 96

/** The normalised text of a heading or label; `''` for a longer paragraph, which is prose. */
export function headOf(text: string): string {
  return text.length > MAX_LABEL_TEXT ? '' : normalizeLabel(text)
}
