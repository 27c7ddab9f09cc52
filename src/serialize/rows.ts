/**
 * The report as long-format rows, one per cell, and as CSV.
 *
 * @module
 */

import { createEmptyReport, readCells } from '../model/empty.js'
import { printNumber } from '../model/decimal.js'
import { layoutReport, placeCells } from '../model/layout.js'
import { cellSchema, TABLES, type TableName } from '../model/schema.js'
import type { Cell, Edition, Report } from '../model/types.js'

/** One cell of a report in long format. */
export interface ReportRow {
  /** Where the report came from (a file name), when rows of several reports are put together. */
  source?: string
  /** The table: `'二'`, `'三'` or `'四'`. */
  table: TableName
  /** The cell's dot path in the model, e.g. `applications.total.results.granted`. */
  path: string
  /** The row's Chinese label, levels joined by ` / `, e.g. `三、本年度办理结果 / （一）予以公开`. */
  row: string
  /** The column's Chinese label, levels joined by ` / `, e.g. `申请人情况 / 法人或其他组织 / 商业企业`. */
  column: string
  /** The value, or `null` for a blank cell. */
  value: Cell
}

/** A cell's row of the long format, without its value: the same for every report of an edition. */
export interface RowTemplate {
  /** The table: `'二'`, `'三'` or `'四'`. */
  table: ReportRow['table']
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

/**
 * Every cell of a report as a row: table, path, row label, column label, value,
 * in the order of the official layout.
 *
 * @param report - A report of either edition.
 * @param source - A name for the report, put in each row's `source` (default: none).
 */
export function toRows(report: Report, source?: string | null): ReportRow[] {
  const values = readCells(report)
  return rowTemplate(report.edition).map(({ table, path, row, column, index }) => {
    const line: ReportRow = { table, path, row, column, value: values[index] ?? null }
    return source === undefined || source === null ? line : { source, ...line }
  })
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

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel opens the Chinese labels right (default: `false`). */
  bom?: boolean | null | undefined
}

/**
 * Rows as CSV (RFC 4180: comma-separated, fields with commas, quotes or line
 * breaks quoted, CRLF line ends), with a header line. A `source` column comes
 * first when any row has one.
 *
 * @param input - A report, or rows from {@link toRows} (of one report or many).
 * @param options - Byte order mark.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs'
 * import { parseReport, toCsv, toRows } from 'zfxxgk'
 *
 * const files = ['a.html', 'b.txt']
 * const rows = files.flatMap((file) => {
 *   const { report } = parseReport(readFileSync(file))
 *   return report === null ? [] : toRows(report, file)
 * })
 * writeFileSync('all.csv', toCsv(rows, { bom: true }))
 * ```
 */
export function toCsv(input: Report | readonly ReportRow[], options?: CsvOptions | null): string {
  const rows = Array.isArray(input) ? (input as readonly ReportRow[]) : toRows(input as Report)
  const withSource = rows.some((row) => row.source !== undefined)
  const header = [...(withSource ? ['source'] : []), 'table', 'path', 'row', 'column', 'value']
  const lines = [header.join(',')]
  for (const row of rows) {
    const fields = [row.table, row.path, row.row, row.column, row.value === null ? '' : printNumber(row.value)]
    lines.push((withSource ? [row.source ?? '', ...fields] : fields).map(csvField).join(','))
  }
  return `${options?.bom === true ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text
}
