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
import { printNumber } from '../model/decimal.js'
import type { Diagnostic, Edition, ParseResult } from '../model/types.js'
import { formatReport } from '../serialize/index.js'
import { toJson } from '../serialize/json.js'
import { csvField, rowTemplate } from '../serialize/rows.js'

/** Output formats of `parse`. */
export const TARGETS = ['json', 'ndjson', 'csv', 'markdown'] as const
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
}

/**
 * A cell's status in the CSV: how its value came to be. Read from the diagnostics that name the
 * cell (or its table 二 row), most telling first.
 */
const STATUS_BY_CODE: ReadonlyArray<readonly [string, string]> = [
  ['value_inferred', 'inferred'],
  ['invalid_number', 'invalid'],
  ['ambiguous_value', 'ambiguous'],
  ['unknown_unit', 'invalid'],
  ['conflicting_values', 'conflicting'],
  ['blank_cell', 'blank'],
  ['row_missing', 'missing'],
  ['table_missing', 'missing'],
  ['values_split', 'split'],
  ['unit_converted', 'converted'],
  ['group_as_row', 'group']
]

/**
 * The paths whose diagnostics name a cell, for its status and codes: its own, and its parent's (a
 * table 二 row names the cells of that row).
 *
 * @param cell - A cell's path.
 */
export function pathsNaming(cell: string): readonly [string, string] {
  return [cell, cell.slice(0, cell.lastIndexOf('.'))]
}

/** The long CSV's header. */
export const LONG_HEADER = 'source,organization,year,edition,table,path,row,column,value,status,codes'

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
  return `${[...WIDE_LEAD, ...names].map(csvField).join(',')}\r\n`
}

/** A parse's outcome as `parse` writes it for one input. */
export function render(path: string, result: ParseResult, job: RenderJob): string {
  switch (job.to) {
    case 'json':
      return toJson(entry(path, result), 2)
    case 'ndjson':
      return `${toJson(entry(path, result))}\n`
    case 'markdown':
      return `<!-- ${path} -->\n\n${result.report === null ? '(no report)\n' : formatReport(result.report, { format: 'markdown' })}`
    case 'csv':
      return job.shape === 'long' ? longRows(path, result) : wideRow(path, result)
  }
}

/** A result as `parse` writes it in JSON: the input, the adapter used, and what parseReport gave. */
function entry(path: string, result: ParseResult): Record<string, unknown> {
  return { file: path, format: result.format, ok: result.ok, report: result.report, diagnostics: result.diagnostics }
}

/** A template row of the long CSV: its escaped fields `table,path,row,column,` and where its value is. */
interface LongRow {
  /** `table,path,row,column,` escaped, with the trailing comma. */
  fields: string
  /** The cell's place in `readCells`. */
  index: number
}

/** The long CSV of an edition: its rows, and the rows each path names (a cell's own, or a table 二 row's cells). */
interface LongTemplate {
  rows: readonly LongRow[]
  named: ReadonlyMap<string, readonly number[]>
}

/** Templates of each edition, worked out once. */
const LONG_TEMPLATES = new Map<Edition, LongTemplate>()

function longTemplate(edition: Edition): LongTemplate {
  let template = LONG_TEMPLATES.get(edition)
  if (template === undefined) {
    const named = new Map<string, number[]>()
    const rows = rowTemplate(edition).map((row, position) => {
      for (const path of pathsNaming(row.path)) {
        const positions = named.get(path)
        if (positions === undefined) named.set(path, [position])
        else positions.push(position)
      }
      return { fields: `${[row.table, row.path, row.row, row.column].map(csvField).join(',')},`, index: row.index }
    })
    template = { rows, named }
    LONG_TEMPLATES.set(edition, template)
  }
  return template
}

/** A value as the CSV prints it: as the model holds it, in plain digits (`printNumber`). */
function valueText(value: number | null): string {
  return value === null ? '' : printNumber(value)
}

function longRows(path: string, result: ParseResult): string {
  const report = result.report
  if (report === null) return ''
  const lead = `${[path, report.organization ?? '', report.year === null ? '' : String(report.year), report.edition].map(csvField).join(',')},`
  const values = readCells(report)
  const { rows, named } = longTemplate(report.edition)
  // The codes naming each row, from the diagnostics (a few) rather than from the cells (hundreds).
  const codes: (string[] | undefined)[] = new Array(rows.length)
  for (const diagnostic of result.diagnostics) {
    const path = diagnostic.path
    if (path === undefined) continue
    for (const position of named.get(path) ?? []) {
      const list = codes[position]
      if (list === undefined) codes[position] = [diagnostic.code]
      else if (!list.includes(diagnostic.code)) list.push(diagnostic.code)
    }
  }
  let out = ''
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position] as LongRow
    const value = values[row.index] ?? null
    const list = codes[position]
    if (list === undefined) out += `${lead}${row.fields}${valueText(value)},${value === null ? 'blank' : 'printed'},\r\n`
    else out += `${lead}${row.fields}${valueText(value)},${statusOf(value, list)},${list.join(' ')}\r\n`
  }
  return out
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
  return `${lead.map(csvField).join(',')}${cells}\r\n`
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

/**
 * A cell's status from the codes of the diagnostics that name it (see {@link STATUS_BY_CODE}).
 *
 * @param value - The cell's value.
 * @param codes - The codes naming it.
 */
export function statusOf(value: number | null, codes: readonly string[]): string {
  for (const [code, status] of STATUS_BY_CODE) if (codes.includes(code)) return status
  return value === null ? 'blank' : 'printed'
}
