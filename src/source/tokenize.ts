/**
 * The neutral document flattened into the token stream the core reads.
 *
 * @module
 */

import { normalizeLabel } from '../core/normalize.js'
import { readCell } from '../core/number.js'
import { headOf, type ParagraphToken, type TextToken, type Token, type ValueToken } from '../core/tokens.js'
import type { ResolvedDocument, SourceCell } from './document.js'

/**
 * Flatten a document into tokens: each table cell in reading order, each
 * heading and paragraph, and boundaries (`rowEnd` only for grid tables, whose
 * rows are real).
 *
 * @param document - An adapter's output, embedded parts resolved.
 */
export function tokenize(document: ResolvedDocument): Token[] {
  const tokens: Token[] = []
  let rowIndex = -1
  const blocks = document.blocks
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as ResolvedDocument['blocks'][number]
    if (block.type !== 'table') {
      const paragraph: ParagraphToken = {
        kind: 'paragraph',
        text: block.text,
        normalized: headOf(block.text),
        block: index,
        heading: block.type === 'heading',
        position: block.position
      }
      tokens.push(paragraph)
      continue
    }
    const width = block.grid ? (block.columns ?? block.rows[0]?.cells.length ?? 0) : -1
    for (const row of block.rows) {
      rowIndex++
      const cells = row.cells
      const full = block.grid && (row.complete ?? cells.length === width)
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i] as SourceCell
        const value = cell.glued === true ? { kind: 'run' as const, text: cell.text } : readCell(cell.text)
        const fromEnd = full ? cells.length - i : undefined
        const token: TextToken | ValueToken =
          value === undefined
            ? {
                kind: 'text',
                text: cell.text,
                normalized: normalizeLabel(cell.text),
                grid: block.grid,
                fromEnd,
                row: rowIndex,
                hidden: cell.hidden,
                position: cell.position
              }
            : {
                kind: 'value',
                text: cell.text,
                value,
                grid: block.grid,
                fromEnd,
                row: rowIndex,
                hidden: cell.hidden,
                position: cell.position
              }
        tokens.push(token)
      }
      if (block.grid) tokens.push({ kind: 'rowEnd' })
    }
    tokens.push({ kind: 'tableEnd', block: index })
  }
  return tokens
}
