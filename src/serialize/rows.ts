/**
 * The report as long-format rows, one per cell, and as CSV: the same columns, statuses and codes
 * as `zfxxgk parse --to csv`, which writes its rows with {@link longCsv}.
 *
 * @module
 */

import { readCells } from '../model/empty.js'
import { printNumber } from '../model/decimal.js'
import type { TableName } from '../model/schema.js'
import type { DiagnosticCode } from '../model/codes.js'
import type { Cell, Edition, ParseResult, Report } from '../model/types.js'
import { cellStatus, codesByCell, type CellStatus } from './status.js'
import { rowTemplate } from './template.js'

export { rowTemplate, type RowTemplate } from './template.js'

/** One cell of a report in long format. */
export interface ReportRow {
  /** Where the report came from (a file name), when one was given. */
  source?: string
  /** The report's issuing body, or `null` when it is not known. */
  organization: string | null
  /** The year the report is on, or `null` when it is not known. */
  year: number | null
  /** The report's edition of the format. */
  edition: Edition
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
  /**
   * How the value came to be (`printed`, `inferred`, `split` …, see {@link CellStatus}), from the
   * diagnostics that name the cell. Absent when the rows were made from a `Report` alone, whose
   * diagnostics are not known: pass the `ParseResult` to have it.
   */
  status?: CellStatus
  /** The codes of the diagnostics that name the cell, each once (absent with `status`). */
  codes?: DiagnosticCode[]
}

/** The long CSV's header: the columns of {@link toCsv} and of `zfxxgk parse --to csv`. */
export const LONG_HEADER = 'source,organization,year,edition,table,path,row,column,value,status,codes'

function isResult(input: Report | ParseResult): input is ParseResult {
  return 'diagnostics' in input && 'format' in input
}

/**
 * Every cell of a report as a row, in the order of the official layout: its report's organisation,
 * year and edition, its table, path, row and column labels, its value, and, given a `ParseResult`,
 * its status and the codes of the diagnostics that name it.
 *
 * @param input - A parse's result (a result with no report gives no rows), or a report alone.
 * @param source - A name for the report, put in each row's `source` (default: none).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { parseReport, toRows } from 'zfxxgk'
 *
 * const rows = toRows(parseReport(readFileSync('report.txt')), 'report.txt')
 * const guessed = rows.filter((row) => row.status !== 'printed') // inferred, split, blank …
 * ```
 */
export function toRows(input: Report | ParseResult, source?: string | null): ReportRow[] {
  const report = isResult(input) ? input.report : input
  if (report === null) return []
  const values = readCells(report)
  const codes = isResult(input) ? codesByCell(report.edition, input.diagnostics) : undefined
  const { organization, year, edition } = report
  return rowTemplate(edition).map(({ table, path, row, column, index }, place) => {
    const value = values[index] ?? null
    const line: ReportRow = {
      ...(typeof source === 'string' ? { source } : {}),
      organization,
      year,
      edition,
      table,
      path,
      row,
      column,
      value
    }
    if (codes !== undefined) {
      const named = codes[place] ?? []
      line.status = cellStatus(value, named)
      line.codes = named as DiagnosticCode[]
    }
    return line
  })
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel opens the Chinese labels right (default: `false`). */
  bom?: boolean | null | undefined
}

/**
 * Long-format CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted,
 * CRLF line ends) with the header {@link LONG_HEADER}, the same as `zfxxgk parse --to csv`:
 * `source,organization,year,edition,table,path,row,column,value,status,codes`. `status` and
 * `codes` are empty for rows made from a `Report` alone (see {@link ReportRow.status}).
 *
 * @param input - A parse's result, a report, or rows from {@link toRows} (of one report or many).
 * @param options - Byte order mark.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs'
 * import { parseReport, toCsv, toRows } from 'zfxxgk'
 *
 * const files = ['a.html', 'b.txt']
 * const rows = files.flatMap((file) => toRows(parseReport(readFileSync(file)), file))
 * writeFileSync('all.csv', toCsv(rows, { bom: true }))
 * ```
 */
export function toCsv(input: Report | ParseResult | readonly ReportRow[], options?: CsvOptions | null): string {
  let body = ''
  if (!Array.isArray(input)) {
    const single = input as Report | ParseResult
    body = isResult(single) ? longCsv(single, '') : toRows(single).map(rowLine).join('')
  } else for (const row of input as readonly ReportRow[]) body += rowLine(row)
  return `${options?.bom === true ? '\ufeff' : ''}${LONG_HEADER}\r\n${body}`
}

/** A row as a CSV line. */
function rowLine(row: ReportRow): string {
  const texts = (list: readonly string[]): string => list.map(csvText).join(',')
  const year = row.year === null ? '' : String(row.year)
  const cell = texts([row.edition, row.table, row.path, row.row, row.column])
  return `${texts([row.source ?? '', row.organization ?? ''])},${year},${cell},${valueText(row.value)},${texts([row.status ?? '', row.codes?.join(' ') ?? ''])}\r\n`
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). Numbers go as they are; text goes through {@link csvText}. */
export function csvField(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text
}

/**
 * What a spreadsheet (Excel, WPS, LibreOffice) would take for a formula when a text field starts
 * with it: `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list), and their full-width forms.
 */
const FORMULA_LEAD = /^[=+\-@\t\r＝＋－＠]/u

/**
 * A text field of a CSV (a file name, an organisation, a label): as {@link csvField}, and, when it
 * starts as a formula would, behind a `'` so that a spreadsheet shows it as text and runs nothing
 * (`=HYPERLINK(…)2022年…` becomes `'=HYPERLINK(…)2022年…`). Numbers never pass here: a negative
 * 本年增/减 stays a number.
 *
 * @param text - The field's text.
 */
export function csvText(text: string): string {
  // `-` alone (standard input's name) is no formula.
  return csvField(FORMULA_LEAD.test(text) && text !== '-' ? `'${text}` : text)
}

/** A value as the CSV prints it: integers as they are, fractions without exponent (`printNumber`). */
export function valueText(value: number | null): string {
  if (value === null) return ''
  return Number.isSafeInteger(value) ? String(value) : printNumber(value)
}

/** Each edition's template rows with their fields `table,path,row,column,` escaped once. */
const LONG_FIELDS = new Map<Edition, readonly { fields: string; index: number }[]>()

function longFields(edition: Edition): readonly { fields: string; index: number }[] {
  let rows = LONG_FIELDS.get(edition)
  if (rows === undefined) {
    rows = rowTemplate(edition).map((row) => ({
      fields: `${[row.table, row.path, row.row, row.column].map(csvText).join(',')},`,
      index: row.index
    }))
    LONG_FIELDS.set(edition, rows)
  }
  return rows
}

/**
 * A parse's long CSV lines, without the header: what `toCsv(toRows(result, source))` writes after
 * its header, from per-edition templates (a few microseconds a report; the command line writes
 * each file's rows with it).
 *
 * @param result - A parse's result (no lines when it has no report).
 * @param source - The report's source, the first field of each line.
 */
export function longCsv(result: ParseResult, source: string): string {
  const report = result.report
  if (report === null) return ''
  const lead = `${csvText(source)},${csvText(report.organization ?? '')},${report.year === null ? '' : String(report.year)},${report.edition},`
  const values = readCells(report)
  const rows = longFields(report.edition)
  const codes = codesByCell(report.edition, result.diagnostics)
  let out = ''
  for (let place = 0; place < rows.length; place++) {
    const row = rows[place] as { fields: string; index: number }
    const value = values[row.index] ?? null
    const list = codes[place]
    if (list === undefined) out += `${lead}${row.fields}${valueText(value)},${value === null ? 'blank' : 'printed'},\r\n`
    else out += `${lead}${row.fields}${valueText(value)},${cellStatus(value, list)},${list.join(' ')}\r\n`
  }
  return out
}
