/**
 * What `parse` writes for one input, rendered where it was parsed (in a worker, when there are
 * workers): JSON, NDJSON, Markdown, or CSV rows in the long shape (one row per cell) or the wide
 * shape (one row per report). CSV rows come from a per-edition template of escaped fields worked
 * out once; a report adds its values, the status of each cell and the codes of the diagnostics
 * that name it.
 *
 * @module
 */

import { readCells } from '../model/empty.js'
import type { Edition, ParseResult } from '../model/types.js'
import { formatReport } from '../serialize/index.js'
import { toJson } from '../serialize/json.js'
import { ENTRY_SCHEMA_URL } from '../serialize/schema-url.js'
import { csvText, LONG_HEADER, longCsv, rowTemplate, toRows, valueText } from '../serialize/rows.js'

/** Output formats of `parse`. */
export const TARGETS = ['json', 'ndjson', 'csv', 'markdown', 'xlsx'] as const
/** An output format of `parse`. */
export type Target = (typeof TARGETS)[number]

/** How `parse` renders each input. */
export interface RenderJob {
  /** The output format. */
  to: Target
  /** CSV: one row per cell (`long`) or one row per report (`wide`). */
  shape: 'long' | 'wide'
  /** Wide CSV: columns named by path (`path`) or by the Chinese table, row and column labels (`label`). */
  header: 'path' | 'label'
  /** What made the output, written in each JSON and NDJSON record as `zfxxgk` (absent: not written). */
  about?: About
}

/**
 * What made an output, for a researcher to cite the method: the version of zfxxgk and the options
 * of the run that change what it writes. JSON and NDJSON records carry it as `zfxxgk`; a CSV written
 * to a file has it in its sidecar `<file>.meta.json`; an XLSX in its `zfxxgk` sheet.
 */
export interface About {
  /** The version of zfxxgk (package.json's). */
  version: string
  /** The options that change results: the command, `to`, `shape`, `header`, `format`, `repair`, `maxSize`, `timeout`, `identity`, `adapters`. */
  options: Record<string, string | number | boolean | null | readonly string[]>
}

/** A cell of the wide shape's fixed column set. */
interface WideColumn {
  path: string
  label: string
}

let wideColumns: readonly WideColumn[] | undefined

/** Every cell of both editions, once, table by table: the 2021 cells, then the 2019 cells 2021 has not. */
function columnsOfBoth(): readonly WideColumn[] {
  if (wideColumns !== undefined) return wideColumns
  const columns: WideColumn[] = []
  const seen = new Set<string>()
  for (const table of ['二', '三', '四']) {
    for (const edition of ['2021', '2019'] as const) {
      for (const row of rowTemplate(edition)) {
        if (row.table !== table || seen.has(row.path)) continue
        seen.add(row.path)
        columns.push({ path: row.path, label: `表${row.table} ${row.row} | ${row.column}` })
      }
    }
  }
  return (wideColumns = columns)
}

/** Fields of the wide shape before the cells. */
const WIDE_LEAD = ['source', 'status', 'format', 'organization', 'year', 'edition', 'errors', 'warnings']

/**
 * The CSV header for a job.
 *
 * @param job - The render job.
 */
export function csvHeader(job: RenderJob): string {
  if (job.shape === 'long') return `${LONG_HEADER}\r\n`
  const names = columnsOfBoth().map((column) => (job.header === 'label' ? column.label : column.path))
  return `${[...WIDE_LEAD, ...names].map(csvText).join(',')}\r\n`
}

/** One report of a file: its source (the file, or `file#report=N` when the file holds several), its parse, and its place. */
export interface FilePart {
  /** The file's path, or `path#report=N` when it holds several reports. */
  source: string
  /** The parse of this report. */
  result: ParseResult
  /** Which of the file's reports it is, when it holds several. */
  part?: { index: number; count: number }
}

/**
 * What `parse` writes for one file: each of its reports in turn (JSON entries separated by commas,
 * as items of the streamed array).
 *
 * @param parts - The file's reports.
 * @param job - The render job.
 */
export function renderParts(parts: readonly FilePart[], job: RenderJob): string {
  if (parts.length === 1) return render(parts[0] as FilePart, job)
  return parts.map((part) => render(part, job)).join(job.to === 'json' ? ',\n' : job.to === 'markdown' ? '\n' : '')
}

/** One report as `parse` writes it. */
function render(part: FilePart, job: RenderJob): string {
  const { source, result } = part
  switch (job.to) {
    case 'json':
      return toJson(entry(part, job.about), 2)
    case 'ndjson':
      return `${toJson(entry(part, job.about))}\n`
    case 'markdown':
      return `<!-- ${source} -->\n\n${result.report === null ? '(no report)\n' : formatReport(result.report, { format: 'markdown' })}`
    case 'csv':
      return job.shape === 'long' ? longCsv(result, source) : wideRow(source, result)
    case 'xlsx':
      // Rows for the workbook, one JSON array a line, numbers as numbers and text as text.
      return (job.shape === 'long' ? longCells(source, result) : [wideCells(source, result)])
        .map((row) => `${JSON.stringify(row)}\n`)
        .join('')
  }
}

/** A result as `parse` writes it in JSON: the file, which of its reports (when several) and where it starts, the adapter used, and what the parse gave. */
function entry({ source, result, part }: FilePart, about: About | undefined): Record<string, unknown> {
  const file = part === undefined ? source : source.slice(0, source.lastIndexOf('#'))
  return {
    $schema: ENTRY_SCHEMA_URL,
    ...(about === undefined ? {} : { zfxxgk: about }),
    file,
    ...(part === undefined ? {} : { part: part.index, parts: part.count, start: result.start }),
    format: result.format,
    ok: result.ok,
    report: result.report,
    diagnostics: result.diagnostics
  }
}

/** A cell of a workbook row: text, a number, or empty. */
export type SheetValue = string | number | null

/** The long shape's rows of a report, as the long CSV's, each field typed: `year` and `value` numbers, the rest text. */
function longCells(source: string, result: ParseResult): SheetValue[][] {
  return toRows(result, source).map((row) => [
    source,
    row.organization,
    row.year,
    row.edition,
    row.table,
    row.path,
    row.row,
    row.column,
    row.value,
    row.status ?? null,
    row.codes?.join(' ') ?? null
  ])
}

/** The wide shape's row of a report, as the wide CSV's, each field typed: year, counts and cells numbers. */
function wideCells(path: string, result: ParseResult): SheetValue[] {
  const report = result.report
  const { errors, warnings } = severities(result)
  const values = report === null ? [] : readCells(report)
  const indexes = report === null ? undefined : wideIndex(report.edition)
  return [
    path,
    reportStatus(result),
    result.format,
    report?.organization ?? null,
    report?.year ?? null,
    report?.edition ?? null,
    errors,
    warnings,
    ...columnsOfBoth().map((_, i) => {
      const index = indexes?.[i] ?? -1
      return index < 0 ? null : (values[index] ?? null)
    })
  ]
}

/**
 * The header rows of a workbook's sheet: the long shape's columns; the wide shape's by path, then
 * by Chinese label (`表三 三、本年度办理结果 / （一）予以公开 | 申请人情况 / 总计`).
 *
 * @param shape - The shape.
 */
export function sheetHeader(shape: 'long' | 'wide'): string[][] {
  if (shape === 'long') return [LONG_HEADER.split(',')]
  const columns = columnsOfBoth()
  return [
    [...WIDE_LEAD, ...columns.map((column) => column.path)],
    [...WIDE_LEAD_LABELS, ...columns.map((column) => column.label)]
  ]
}

/** The wide shape's lead fields in Chinese, the second header row of a workbook. */
const WIDE_LEAD_LABELS = ['来源', '状态', '格式', '机关', '年度', '版本', '错误数', '警告数']

function severities(result: ParseResult): { errors: number; warnings: number } {
  let errors = 0
  let warnings = 0
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.severity === 'error') errors++
    else if (diagnostic.severity === 'warning') warnings++
  }
  return { errors, warnings }
}

function reportStatus(result: ParseResult): string {
  const { errors, warnings } = severities(result)
  return result.report === null ? 'failed' : errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'ok'
}

function wideRow(path: string, result: ParseResult): string {
  const report = result.report
  let errors = 0
  let warnings = 0
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.severity === 'error') errors++
    else if (diagnostic.severity === 'warning') warnings++
  }
  const status = report === null ? 'failed' : errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'ok'
  const lead = [
    path,
    status,
    result.format,
    report?.organization ?? '',
    report?.year?.toString() ?? '',
    report?.edition ?? '',
    String(errors),
    String(warnings)
  ]
  let cells = ''
  if (report !== null) {
    const values = readCells(report)
    for (const index of wideIndex(report.edition)) {
      const value = index < 0 ? null : (values[index] ?? null)
      cells += `,${valueText(value)}`
    }
  } else cells = ','.repeat(columnsOfBoth().length)
  return `${lead.map(csvText).join(',')}${cells}\r\n`
}

const WIDE_INDEX = new Map<Edition, readonly number[]>()

/** For each wide column, the cell's place in `readCells` of a report of the edition, or -1 (a cell of the other edition). */
function wideIndex(edition: Edition): readonly number[] {
  let indexes = WIDE_INDEX.get(edition)
  if (indexes === undefined) {
    const byPath = new Map(rowTemplate(edition).map((row) => [row.path, row.index]))
    indexes = columnsOfBoth().map((column) => byPath.get(column.path) ?? -1)
    WIDE_INDEX.set(edition, indexes)
  }
  return indexes
}
