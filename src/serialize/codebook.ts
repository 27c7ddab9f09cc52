/**
 * The codebook: every cell path of each edition with its table, section, row and column labels in
 * Chinese, unit and type, generated from the cell schema and the long format's row template (no
 * hand list), and written as CSV, JSON or Markdown (`zfxxgk codebook`, docs/codebook.md).
 *
 * @module
 */

import { CATALOGUES } from '../model/catalogue.js'
import { OFFICIAL_HEADINGS } from '../model/layout.js'
import { cellSchema, TABLES, type TableName } from '../model/schema.js'
import type { Edition } from '../model/types.js'
import { toJson } from './json.js'
import { csvText } from './rows.js'
import { rowTemplate } from './template.js'

/**
 * What a cell's number is: `count` (a whole number, at least 0), `signed` (a whole number that may
 * be negative: 本年增/减) or `amount` (money in 万元, a decimal number as printed).
 */
export type CellType = 'count' | 'signed' | 'amount'

/** One cell of an edition, as the codebook describes it. */
export interface CodebookEntry {
  /** The cell's dot path in the model, as in the long CSV's `path` and the wide CSV's columns. */
  path: string
  /** The edition of the format the cell belongs to. */
  edition: Edition
  /** The table: `'二'`, `'三'` or `'四'`. */
  table: TableName
  /** The heading of the report's section the table stands in, e.g. `三、收到和处理政府信息公开申请情况`. */
  section: string
  /** Table 二: the 第二十条 block the row is in (`第二十条第（一）项`); `null` in tables 三 and 四. */
  block: string | null
  /** The row's Chinese label, levels joined by ` / ` (as the long CSV's `row`). */
  row: string
  /** The column's Chinese label, levels joined by ` / ` (as the long CSV's `column`). */
  column: string
  /** What the number is in: `万元` for money; else what it counts, `件` or `项`. */
  unit: string
  /** What kind of number it is (see {@link CellType}). */
  type: CellType
}

/** The editions, oldest first. */
const EDITIONS: readonly Edition[] = ['2019', '2021']

/**
 * The codebook: every cell of an edition (or of both, 2019 first) in the order of the official
 * layout, which is the order of the long CSV's rows, with its labels in Chinese, unit and type.
 * The catalogue holds no English labels: the path is the English name.
 *
 * @param edition - One edition (default: both).
 * @returns One entry per cell.
 *
 * @example
 * ```ts
 * import { codebook } from 'zfxxgk'
 *
 * const money = codebook('2021').filter((entry) => entry.type === 'amount')
 * // [{ path: 'activeDisclosure.fees.amount', unit: '万元', row: '行政事业性收费', … }]
 * ```
 */
export function codebook(edition?: Edition | null): CodebookEntry[] {
  return (edition === undefined || edition === null ? EDITIONS : [edition]).flatMap(entriesOf)
}

function entriesOf(edition: Edition): CodebookEntry[] {
  const schema = cellSchema(edition)
  const blocks = CATALOGUES[edition].table2Blocks
  return rowTemplate(edition).map((template) => {
    const cell = schema.cells[template.index]
    if (cell === undefined) throw new Error(`no cell ${template.path} in the ${edition} schema`)
    const key = TABLES[cell.table].key as keyof typeof OFFICIAL_HEADINGS
    return {
      path: template.path,
      edition,
      table: template.table,
      section: OFFICIAL_HEADINGS[key],
      block: cell.table === 2 ? (blocks.find((block) => block.rows.includes(cell.row))?.caption ?? null) : null,
      row: template.row,
      column: template.column,
      unit: cell.unit,
      type: cell.money ? 'amount' : cell.signed ? 'signed' : 'count'
    }
  })
}

/** The formats the codebook is written in. */
export type CodebookFormat = 'csv' | 'json' | 'markdown'

/** The codebook CSV's columns, in order. */
export const CODEBOOK_COLUMNS: readonly (keyof CodebookEntry)[] = [
  'path',
  'edition',
  'table',
  'section',
  'block',
  'row',
  'column',
  'unit',
  'type'
]

/**
 * The codebook as text: CSV (RFC 4180, CRLF, header {@link CODEBOOK_COLUMNS}, text behind a `'`
 * where a spreadsheet would take it for a formula), JSON (an array of entries) or a Markdown table.
 *
 * @param entries - Entries of {@link codebook}.
 * @param format - The format.
 */
export function formatCodebook(entries: readonly CodebookEntry[], format: CodebookFormat): string {
  if (format === 'json') return `${toJson(entries, 2)}\n`
  const fields = (entry: CodebookEntry): string[] => CODEBOOK_COLUMNS.map((column) => entry[column] ?? '')
  if (format === 'csv')
    return [CODEBOOK_COLUMNS.join(','), ...entries.map((entry) => fields(entry).map(csvText).join(','))].join('\r\n') + '\r\n'
  const line = (cells: readonly string[]): string => `| ${cells.map((cell) => cell.replace(/\|/gu, '\\|')).join(' | ')} |`
  return (
    [line(CODEBOOK_COLUMNS), `|${' --- |'.repeat(CODEBOOK_COLUMNS.length)}`, ...entries.map((entry) => line(fields(entry)))].join('\n') +
    '\n'
  )
}
