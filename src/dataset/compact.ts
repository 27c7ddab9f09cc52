/**
 * A source as the dataset keeps it, and nothing more: its cells as a typed array, how each was
 * read, who and which year. A plain object a worker thread can send (its arrays moved, not copied)
 * instead of a whole parse: 100 000 parses are some 5 GB, their compact entries some 250 MB.
 *
 * @module
 */

import { readCells } from '../model/empty.js'
import type { Edition, Identity, ParseResult, Position, Sections } from '../model/types.js'
import { cellStatus, codesByCell, type CellStatus } from '../serialize/status.js'
import { rowTemplate } from '../serialize/template.js'
import type { DatasetEntryInfo } from './types.js'

/** The statuses of {@link CompactReport.statuses}, by their number there: best read first, as the dataset ranks them when it merges sources. */
export const COMPACT_STATUSES: readonly CellStatus[] = [
  'printed',
  'converted',
  'reordered',
  'split',
  'group',
  'hidden',
  'inferred',
  'unsure',
  'conflicting',
  'invalid',
  'ambiguous',
  'blank',
  'missing'
]

const STATUS_NUMBER = new Map(COMPACT_STATUSES.map((status, i) => [status, i]))
const BLANK = STATUS_NUMBER.get('blank') as number

/** A report's cells and what the dataset keeps besides. */
export interface CompactReport {
  /** Its edition. */
  edition: Edition
  /** Its title (`null` when not kept: see `compactEntry`'s `text`). */
  title: string | null
  /** What its organisation and year were read from. */
  identity: Identity
  /** Each cell's value by index into the edition's cell schema (`cellPaths(edition)`); NaN for `null`. */
  values: Float64Array
  /** How each cell was read, by the same index: its status's place in {@link COMPACT_STATUSES}. */
  statuses: Uint8Array
  /** Its sections, when kept. */
  sections?: Sections
}

/** One source of a dataset, compact: what `DatasetBuilder.addCompact` takes. */
export interface CompactEntry {
  /** The source's name: a file path, or `file#report=N`. */
  source: string
  /** Where its report starts, when the source holds several (`ParseResult.start`). */
  position?: Position
  /** The body: the caller's, else the report's organisation (`null`: not known). */
  organization: string | null
  /** The year: the caller's, else the report's (`null`: not known). */
  year: number | null
  /** The body's region, when the caller gave one. */
  region?: string
  /** The body's level, when the caller gave one. */
  level?: string
  /** The report's cells, or `null` when the source holds none. */
  report: CompactReport | null
}

/** Options of {@link compactEntry}. */
export interface CompactOptions {
  /** Keep the report's title and sections (default: `true`). */
  text?: boolean | null | undefined
}

/**
 * A parse as the dataset keeps it: `builder.addCompact(compactEntry(result, source, info))` is
 * `builder.add(result, source, info)`. Its arrays can be moved to another thread
 * (`postMessage(entry, [entry.report.values.buffer, entry.report.statuses.buffer])`).
 *
 * @param result - The parse.
 * @param source - The source's name: a file path, or `file#report=N` for one of several reports.
 * @param info - What the caller knows better than the report: organisation, year, region, level.
 * @param options - Whether to keep the title and sections.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { compactEntry, DatasetBuilder, parseReport } from 'zfxxgk'
 *
 * const entry = compactEntry(parseReport(readFileSync('2024.html')), '2024.html', { region: '华东' })
 * const builder = new DatasetBuilder()
 * builder.addCompact(entry)
 * ```
 */
export function compactEntry(
  result: ParseResult,
  source: string,
  info?: DatasetEntryInfo | null,
  options?: CompactOptions | null
): CompactEntry {
  const report = result.report
  const entry: CompactEntry = {
    source,
    organization: info?.organization ?? report?.organization ?? null,
    year: info?.year ?? report?.year ?? null,
    report: null
  }
  if (result.start !== undefined) entry.position = result.start
  if (info?.region != null) entry.region = info.region
  if (info?.level != null) entry.level = info.level
  if (report === null) return entry
  const cells = readCells(report)
  const values = new Float64Array(cells.length)
  const statuses = new Uint8Array(cells.length)
  cells.forEach((cell, i) => {
    const blank = cell === null || cell === undefined
    values[i] = blank ? Number.NaN : cell
    statuses[i] = blank ? BLANK : 0
  })
  const codes = codesByCell(report.edition, result.diagnostics)
  rowTemplate(report.edition).forEach(({ index }, place) => {
    statuses[index] = STATUS_NUMBER.get(cellStatus(cells[index] ?? null, codes[place] ?? [])) as number
  })
  const text = options?.text ?? true
  entry.report = { edition: report.edition, title: text ? report.title : null, identity: report.identity, values, statuses }
  if (text) entry.report.sections = report.sections
  return entry
}
