/**
 * A Word table as the reader collects it, turned into a grid `SourceTable`.
 *
 * Word writes a cell spanning columns once, with `w:gridSpan`, and a cell spanning rows as a
 * `w:vMerge="restart"` cell followed, in each row below, by an empty `w:vMerge` cell in the same
 * grid column. The grid keeps each spanning cell once, where it starts, as the HTML adapter does
 * (see `SourceTable.columns`): continuation cells are dropped, and a row is complete when its own
 * cells, its continuations and its `w:gridBefore` cover every grid column.
 *
 * @module
 */

import type { Position } from '../../model/types.js'
import type { SourceBlock, SourceCell, SourceRow, SourceTable } from '../../source/document.js'

/** A `w:tc` as read. */
export interface WordCell {
  /** Grid columns it spans (`w:gridSpan`, at least 1). */
  span: number
  /** `restart` for the first cell of a vertical merge, `continue` for the cells it covers below. */
  merge: 'restart' | 'continue' | undefined
  /** Its paragraphs and the tables inside it, in order. */
  blocks: SourceBlock[]
  /** Where it starts. */
  position: Position
}

/** A `w:tr` as read. */
export interface WordRow {
  /** Its cells, left to right. */
  cells: WordCell[]
  /** Grid columns left empty before its first cell (`w:gridBefore`). */
  before: number
  /** Grid columns left empty after its last cell (`w:gridAfter`). */
  after: number
  /** Deleted as a tracked change (`w:trPr/w:del`): not read. */
  deleted: boolean
  /** Where it starts. */
  position: Position
}

/** A `w:tbl` as read. */
export interface WordTable {
  /** Its rows. */
  rows: WordRow[]
  /** Whether a cell holds a table: then it is a layout, not a grid. */
  nested: boolean
  /** Where it starts. */
  position: Position
}

/** The largest span honoured; a larger `w:gridSpan` or `w:gridBefore` counts as this. */
const MAX_SPAN = 1000

/**
 * A span attribute as a number of columns: 1 (or 0 for `gridBefore`) when absent or not a number.
 *
 * @param value - The `w:val` attribute.
 * @param least - The value for an absent or unreadable attribute.
 */
export function spanValue(value: string | undefined, least: number): number {
  const span = value === undefined ? Number.NaN : Number.parseInt(value, 10)
  return Number.isFinite(span) && span >= least ? Math.min(span, MAX_SPAN) : least
}

/**
 * The blocks of a table: a grid table, or, for a table holding tables (a page laid out in a
 * table), the blocks of its cells in order.
 *
 * @param table - The table as read.
 */
export function tableBlocks(table: WordTable): SourceBlock[] {
  const rows = table.rows.filter((row) => !row.deleted)
  if (table.nested) return rows.flatMap((row) => row.cells.flatMap((cell) => cell.blocks))
  return [gridOf(rows, table.position)]
}

/** The text of a cell: its paragraphs, one per line. */
function cellText(cell: WordCell): string {
  let text = ''
  for (const block of cell.blocks) {
    if ((block.type !== 'paragraph' && block.type !== 'heading') || block.text.trim() === '') continue
    text = text === '' ? block.text : `${text}\n${block.text}`
  }
  return text
}

function gridOf(rows: readonly WordRow[], position: Position): SourceTable {
  // Where each row's cells stand in the grid, and how far each covers (its own cells and continuations).
  const covered: number[] = []
  let width = 0
  for (const row of rows) {
    let column = row.before
    for (const cell of row.cells) column += cell.span
    covered.push(column)
    if (column + row.after > width) width = column + row.after
  }
  const sourceRows: SourceRow[] = rows.map((row, r) => {
    const cells: SourceCell[] = []
    for (const cell of row.cells) {
      if (cell.merge === 'continue') continue
      cells.push({ text: cellText(cell), position: cell.position })
    }
    return { cells, position: row.position, complete: covered[r] === width }
  })
  return { type: 'table', grid: true, columns: width, rows: sourceRows, position }
}
