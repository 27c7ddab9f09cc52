/**
 * The long format's rows of an edition, without values: each cell's table, path and Chinese row and
 * column labels, in the order of the official layout, worked out once per edition.
 *
 * @module
 */

import { createEmptyReport } from '../model/empty.js'
import { layoutReport, placeCells } from '../model/layout.js'
import { cellSchema, TABLES, type TableName } from '../model/schema.js'
import type { Edition } from '../model/types.js'

/** A cell's row of the long format, without its value: the same for every report of an edition. */
export interface RowTemplate {
  /** The table: `'二'`, `'三'` or `'四'`. */
  table: TableName
  /** The cell's dot path. */
  path: string
  /** The row's Chinese label, levels joined by ` / `. */
  row: string
  /** The column's Chinese label, levels joined by ` / `. */
  column: string
  /** The cell's place in `readCells(report)`. */
  index: number
}

const TEMPLATES = new Map<Edition, readonly RowTemplate[]>()

/**
 * The rows of an edition in the order of the official layout, labels worked out once; `index` is
 * the cell's place in `readCells(report)`.
 *
 * @param edition - The edition.
 */
export function rowTemplate(edition: Edition): readonly RowTemplate[] {
  let rows = TEMPLATES.get(edition)
  if (rows === undefined) {
    const schema = cellSchema(edition)
    const built: RowTemplate[] = []
    for (const block of layoutReport(createEmptyReport(edition))) {
      if (block.type !== 'table' || block.table === 0) continue
      const table = block.table
      const { placed, cover } = placeCells(block.rows, block.columns)
      /** The label covering each position ('' under a value). */
      const labels = cover.map((line) => line.map((cell) => (cell === undefined || cell.path !== undefined ? '' : cell.text)))
      for (const { cell, row: r, column: c } of placed) {
        if (cell.path === undefined) continue
        const index = schema.indexOf(cell.path)
        built.push({
          table: TABLES[table].name,
          path: cell.path,
          row: rowLabel(labels, r, c, table),
          column: columnLabel(labels, r, c, table),
          index
        })
      }
    }
    rows = Object.freeze(built)
    TEMPLATES.set(edition, rows)
  }
  return rows
}

function unique(parts: string[]): string {
  return parts.filter((part, i) => part !== '' && parts.indexOf(part) === i).join(' / ')
}

/** The labels to the left of a value: table 二's row label, table 三's three levels. */
function rowLabel(text: string[][], r: number, c: number, table: 2 | 3 | 4): string {
  if (table === 4) return '数量'
  return unique((text[r] ?? []).slice(0, table === 2 ? 1 : c))
}

/** The labels above a value: its block's header in table 二, the header rows in tables 三 and 四. */
function columnLabel(text: string[][], r: number, c: number, table: 2 | 3 | 4): string {
  if (table === 2) {
    for (let y = r - 1; y >= 0; y--) if (text[y]?.[0] === '信息内容') return text[y]?.[c] ?? ''
    return ''
  }
  return unique([0, 1, 2].map((y) => text[y]?.[c] ?? ''))
}
