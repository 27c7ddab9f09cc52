/**
 * Pages joined into one document: a table that ends a page joined to the table that starts the
 * next one when it has the same columns (a table broken by the page, its header perhaps repeated,
 * which is then read once, and its group labels cut in two, which are joined again); a paragraph
 * that runs on to the next page joined to its rest.
 *
 * @module
 */

import type { SourceBlock, SourceCell, SourceTable, SourceText } from '../../source/document.js'
import { cellSpans, paragraphEdges } from './page.js'

/** Tables whose left edges are this close (points) may be one table. */
const SAME_EDGE = 3

/**
 * The blocks of every page, in order, broken tables joined.
 *
 * @param pages - Each page's blocks.
 */
export function joinPages(pages: readonly SourceBlock[][]): SourceBlock[] {
  const blocks: SourceBlock[] = []
  for (const page of pages) {
    const first = page[0]
    const last = blocks[blocks.length - 1]
    if (first?.type === 'table' && last?.type === 'table' && continues(last, first)) {
      const rows = first.rows.slice(repeatedHeader(last, first))
      const head = rows[0]
      if (head !== undefined) rows[0] = { ...head, cells: head.cells.filter((cell) => !joinSplitCell(last, cell)) }
      blocks[blocks.length - 1] = { ...last, rows: [...last.rows, ...rows] }
      for (let i = 1; i < page.length; i++) blocks.push(page[i] as SourceBlock)
    } else if (first?.type === 'paragraph' && last?.type === 'paragraph' && runsOn(last, first)) {
      blocks[blocks.length - 1] = { ...last, text: last.text + first.text }
      for (let i = 1; i < page.length; i++) blocks.push(page[i] as SourceBlock)
    } else for (const block of page) blocks.push(block)
  }
  return blocks
}

/** Whether `next` (first on its page, not indented) goes on with `paragraph` (last on the page before, to its right edge). */
function runsOn(paragraph: SourceText, next: SourceText): boolean {
  return paragraphEdges.get(paragraph)?.runsOn === true && paragraphEdges.get(next)?.indented === false
}

/**
 * A cell at the top of a table's continuation that is the rest of a cell cut by the page break
 * (a group label spanning rows, `（四）无` above and `法提供` below): its text (and hidden text)
 * joins that cell's, and it is dropped from its row (the cell spans into it, as a row span does). A cell of one row
 * on both sides is a row of its own, not a rest.
 *
 * @returns Whether the cell was joined.
 */
function joinSplitCell(table: SourceTable, cell: SourceCell): boolean {
  const span = cellSpans.get(cell)
  const x = cell.position?.x
  if (span === undefined || !span.top || x === undefined) return false
  for (let r = table.rows.length - 1; r >= 0; r--) {
    for (const above of table.rows[r]?.cells ?? []) {
      const spanAbove = cellSpans.get(above)
      if (spanAbove === undefined || !spanAbove.bottom || above.position?.x === undefined) continue
      if (Math.abs(above.position.x - x) > SAME_EDGE) continue
      if (spanAbove.rows < 2 && span.rows < 2) return false
      if (cell.text !== '') above.text = above.text === '' ? cell.text : `${above.text}\n${cell.text}`
      if (cell.hidden !== undefined) above.hidden = [...(above.hidden ?? []), ...cell.hidden]
      return true
    }
  }
  return false
}

/** Whether `next` (first on its page) goes on with `table` (last on the page before). */
function continues(table: SourceTable, next: SourceTable): boolean {
  const x = table.position?.x
  const nextX = next.position?.x
  return table.columns === next.columns && x !== undefined && nextX !== undefined && Math.abs(x - nextX) <= SAME_EDGE
}

/** How many rows at the top of `next` repeat those at the top of `table` (a header printed again). */
function repeatedHeader(table: SourceTable, next: SourceTable): number {
  let count = 0
  while (count < next.rows.length - 1 && count < table.rows.length) {
    const a = table.rows[count]?.cells.map((cell) => cell.text.replace(/\s+/gu, '')).join('|')
    const b = next.rows[count]?.cells.map((cell) => cell.text.replace(/\s+/gu, '')).join('|')
    if (a !== b || a === '') break
    count++
  }
  return count
}
