/**
 * GFM tables: one row per printed row, never padded or trimmed. Text a reader does not see (inline
 * HTML hidden by a style or deleted, and GFM strikethrough `~~5~~`, a deletion in a table) is kept
 * apart as the cell's `hidden` text.
 *
 * @module
 */

import type { Table, TableCell } from 'mdast'
import type { HiddenText, SourceCell, SourceRow, SourceTable } from '../../source/document.js'
import { tidyCell } from '../../source/tidy.js'
import { inlineText } from './inline.js'
import { placed, startOf, type Context } from './place.js'
import { linksText } from './remark.js'

/**
 * A GFM table as a grid: each cell's tidied text, placed where its text starts.
 *
 * @param node - The mdast table.
 * @param context - The read.
 * @returns The table block.
 */
export function table(node: Table, context: Context): SourceTable {
  const rows: SourceRow[] = []
  for (const row of node.children) {
    const cells: SourceCell[] = []
    for (const cell of row.children) {
      const at = cellStart(cell, context)
      const hidden: HiddenText[] = []
      // In a table, struck-out text (`~~5~~`) is a deletion, as `<del>` is: not read.
      const text = tidyCell(inlineText(cell.children, { hidden, deletions: true }))
      const source: SourceCell = at === undefined ? { text } : { text, position: context.index.at(at) }
      if (hidden.length > 0) source.hidden = hidden
      cells.push(source)
    }
    rows.push(placed({ cells }, startOf(row, context)))
  }
  return placed({ type: 'table', grid: true, rows }, startOf(node, context))
}

/**
 * Where a cell's text starts: at its first inline node, or just after its opening pipe when
 * it is empty, or when its first node is text that remark-gfm would split into a link and so
 * leave without a position (the offsets stay those of a full remark-gfm parse).
 */
function cellStart(cell: TableCell, context: Context): number | undefined {
  const first = cell.children[0]
  const offset = first?.position?.start.offset
  if (offset !== undefined && !(first?.type === 'text' && linksText(first.value))) return offset
  const start = cell.position?.start.offset
  if (start === undefined) return undefined
  return context.input[start] === '|' ? start + 1 : start
}
