/**
 * An HTML `<table>` as the reader meets it, row by row: a grid when it holds no
 * other table, a layout of text and tables when it does.
 *
 * Which of the two a table is, is known only when it closes (or when a table
 * opens inside it), so its cells are kept as text segments until then: joined,
 * they are a cell of the grid; one by one, they are the paragraphs of a layout.
 *
 * In a grid a cell spanning several rows or columns is kept once, where it
 * starts; the core reads table 二 by each block's header order and tables 三 and
 * 四 by the last cells of each complete row, so copies of a spanning cell would
 * only shift values. What the spans tell is the width of the table and whether
 * a row covers all of it (see `grid.ts`).
 *
 * @module
 */

import type { HiddenText, SourceBlock, SourceRow, SourceTable } from '../../source/document.js'
import type { LineIndex } from '../../source/position.js'
import { coverage, spanOf, type Spans } from './grid.js'
import { cellOf, pushLines, type Attributes, type Segment } from './text.js'

/** A `<td>` or `<th>` of a table not yet known to be a grid or a layout. */
export interface CellRecord extends Spans {
  /** Offset of its start tag. */
  readonly start: number
  /** Whether it is chrome (read in a grid, left out of a layout). */
  readonly skipped: boolean
  /** Its text, one segment per stretch between line-ending elements. */
  readonly segments: Segment[]
  /** Its text a reader does not see (hidden or deleted elements), not in `segments`. */
  readonly hidden: HiddenText[]
}

/** A `<tr>` of a table (of the table itself or of its `<thead>`, `<tbody>`, `<tfoot>`). */
export interface RowRecord {
  /** Offset of its start tag. */
  readonly start: number
  /** Its `<td>` and `<th>` children. */
  readonly cells: CellRecord[]
}

/** Where the caption of a layout table goes when it comes after the table's first rows. */
export interface Slot {
  /** Discriminant. */
  readonly type: 'slot'
  /** The caption's blocks. */
  readonly blocks: Output
}

/** Blocks in document order, with slots for captions that come late in the source. */
export type Output = Array<SourceBlock | Slot>

/** A table being read. */
export class TableReader {
  /** Whether a table opened inside it: it is read as text and tables, not as a grid. */
  layout = false
  /** Whether its first `<caption>` child was met (any other is not read). */
  captionSeen = false
  /** Whether its caption is being read. */
  inCaption = false
  /** Whether it became a layout inside its caption: its cells are pushed when the caption ends. */
  replayAfterCaption = false
  /** Where a caption met after it became a layout goes: first, before its cells. */
  slot: Slot | undefined
  /** The output its caption interrupted, while the caption goes to the slot. */
  saved: Output | undefined
  /** Its rows so far, while it may be a grid. */
  rows: RowRecord[] = []

  /** @param start - Offset of the `<table>` start tag. */
  constructor(readonly start: number) {}

  /**
   * Start a row.
   *
   * @param start - Offset of the `<tr>` start tag.
   */
  openRow(start: number): void {
    if (!this.layout) this.rows.push({ start, cells: [] })
  }

  /**
   * Start a cell of the last row, while the table may be a grid.
   *
   * @param start - Offset of the cell's start tag.
   * @param attributes - Its attributes.
   * @param skipped - Whether it is chrome.
   */
  openCell(start: number, attributes: Attributes, skipped: boolean): CellRecord {
    const cell: CellRecord = {
      colspan: spanOf(attributes.colspan),
      rowspan: spanOf(attributes.rowspan),
      start,
      skipped,
      segments: [],
      hidden: []
    }
    this.rows[this.rows.length - 1]?.cells.push(cell)
    return cell
  }

  /**
   * Push the cells read so far as a layout's paragraphs and headings, and forget them.
   *
   * @param into - Where the blocks go.
   * @param index - Line index of the input.
   */
  replay(into: Output, index: LineIndex): void {
    for (const row of this.rows) {
      for (const cell of row.cells) {
        if (cell.skipped) continue
        for (const segment of cell.segments) pushLines(into, segment, index)
      }
    }
    this.rows = []
  }

  /**
   * The table as a grid.
   *
   * @param index - Line index of the input.
   */
  grid(index: LineIndex): SourceTable {
    const rows = this.rows
    const covered = coverage(rows.map((row) => row.cells))
    let width = 0
    for (const count of covered) if (count > width) width = count
    const sourceRows: SourceRow[] = rows.map((row, r) => ({
      cells: row.cells.map((cell) => {
        const source = cellOf(cell.segments, cell.start, index)
        if (cell.hidden.length > 0) source.hidden = cell.hidden
        return source
      }),
      position: index.at(row.start),
      complete: covered[r] === width
    }))
    return { type: 'table', grid: true, columns: width, rows: sourceRows, position: index.at(this.start) }
  }
}
