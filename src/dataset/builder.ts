/**
 * Building a dataset, one parse at a time: each source is kept as its cells (a typed array) and
 * how well each was read, grouped by body and year; `build()` merges each year's sources, checks
 * the rules across years, works out the indicators, and lists what could not be placed.
 *
 * @module
 */

import { buildReport } from '../model/empty.js'
import type { Locale } from '../model/diagnose.js'
import { cellSchema } from '../model/schema.js'
import type { Edition, Identity, ParseResult, Report, Sections } from '../model/types.js'
import type { CellStatus } from '../serialize/status.js'
import { COMPACT_STATUSES, compactEntry, type CompactEntry, type CompactReport } from './compact.js'
import { DATASET_CODE_INFO, type DatasetCode, type DatasetDiagnostic, type DatasetSource, type DatasetYearSource } from './codes.js'
import { indicatorsOf } from './indicators.js'
import { datasetMessage, type DatasetFacts, type SourceValue } from './messages.js'
import { CROSS_YEAR_CHECKS } from './rules.js'
import type { Dataset, DatasetBody, DatasetEntry, DatasetEntryInfo, DatasetOptions, DatasetYear, Unidentified } from './types.js'

/** How well a cell was read, best first: a value that was printed beats one split, converted or inferred. */
const RANK: Readonly<Record<CellStatus, number>> = {
  printed: 0,
  converted: 1,
  reordered: 2,
  split: 3,
  group: 4,
  hidden: 5,
  inferred: 6,
  unsure: 7,
  conflicting: 8,
  invalid: 9,
  ambiguous: 9,
  blank: 9,
  missing: 9
}

/** One source, as the dataset keeps it. */
interface Kept {
  source: string
  position: DatasetSource['position']
  order: number
  edition: Edition
  /** Each cell by schema index; NaN for `null`. */
  values: Float64Array
  /** How well each cell was read ({@link RANK}). */
  ranks: Uint8Array
  nulls: number
  organization: string
  year: number
  title: string | null
  identity: Identity
  sections: Sections | undefined
}

/** A body while sources are added. */
interface Gathering {
  body: string
  region?: string
  level?: string
  years: Map<number, Kept[]>
}

/**
 * The key a body is grouped by: its name with white space removed and full-width forms of ASCII
 * folded (`（` → `(`), and a crawler's key (`标题：`) taken off: nothing that could merge two bodies.
 */
export function bodyKey(name: string): string {
  return name
    .replace(/[\uff01-\uff5e]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u00a0\u3000]+/gu, '')
    .replace(/^(?:标题|title)[:：]/iu, '')
}

/**
 * Many reports as one dataset, added one parse at a time (so that a batch of any size need not be
 * held as parse results), then built once.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { DatasetBuilder, parseReport } from 'zfxxgk'
 *
 * const builder = new DatasetBuilder()
 * for (const file of ['2023.html', '2024.html']) builder.add(parseReport(readFileSync(file)), file)
 * const { bodies, diagnostics } = builder.build()
 * for (const { body, years } of bodies) console.log(body, years.map((y) => [y.year, y.indicators.grantedRate]))
 * ```
 */
export class DatasetBuilder {
  private readonly locale: Locale
  private readonly text: boolean
  private readonly bodies = new Map<string, Gathering>()
  private readonly unidentified: Unidentified[] = []
  private order = 0

  /** @param options - Locale of messages, and whether to keep texts. */
  constructor(options?: DatasetOptions | null) {
    this.locale = options?.locale ?? 'en'
    this.text = options?.text ?? true
  }

  /**
   * Add one parse.
   *
   * @param result - The parse (of a report, or of a source that holds none).
   * @param source - The source's name: a file path, or `file#report=N` for one of several reports.
   * @param info - What the caller knows better than the report: organisation, year, region, level.
   */
  add(result: ParseResult, source: string, info?: DatasetEntryInfo | null): void {
    this.addCompact(compactEntry(result, source, info, { text: this.text }))
  }

  /**
   * Add one source as {@link compactEntry} gives it (from another thread, say). Its arrays are
   * kept as they are, not copied: do not change them after.
   *
   * @param entry - The source, compact.
   * @throws TypeError when its arrays are not as long as its edition's cells.
   */
  addCompact(entry: CompactEntry): void {
    const { source, position, organization, year, report } = entry
    if (report === null || organization === null || year === null || bodyKey(organization) === '') {
      const reason =
        report === null ? 'noReport' : organization === null ? (year === null ? 'organizationAndYear' : 'organization') : 'year'
      this.unidentified.push({ source, ...(position === undefined ? {} : { position }), reason, organization, year })
      return
    }
    const size = cellSchema(report.edition).paths.length
    if (report.values.length !== size || report.statuses.length !== size)
      throw new TypeError(
        `addCompact: ${source} has ${report.values.length} values and ${report.statuses.length} statuses for ${size} cells`
      )
    const key = bodyKey(organization)
    let gathering = this.bodies.get(key)
    if (gathering === undefined) this.bodies.set(key, (gathering = { body: key, years: new Map() }))
    if (entry.region != null && gathering.region === undefined) gathering.region = entry.region
    if (entry.level != null && gathering.level === undefined) gathering.level = entry.level
    const kept = this.keep(entry, report, key, year)
    const list = gathering.years.get(year)
    if (list === undefined) gathering.years.set(year, [kept])
    else list.push(kept)
  }

  private keep(entry: CompactEntry, report: CompactReport, organization: string, year: number): Kept {
    const ranks = new Uint8Array(report.statuses.length)
    let nulls = 0
    for (let i = 0; i < ranks.length; i++) {
      ranks[i] = RANK[COMPACT_STATUSES[report.statuses[i] as number] ?? 'missing']
      if (Number.isNaN(report.values[i])) nulls++
    }
    return {
      source: entry.source,
      position: entry.position,
      order: this.order++,
      edition: report.edition,
      values: report.values,
      ranks,
      nulls,
      organization,
      year,
      title: this.text ? report.title : null,
      identity: report.identity,
      sections: this.text ? report.sections : undefined
    }
  }

  /** Build the dataset from what was added (it may be built again after more is added). */
  build(): Dataset {
    const diagnostics: DatasetDiagnostic[] = []
    const bodies: DatasetBody[] = []
    for (const key of [...this.bodies.keys()].sort()) {
      const gathering = this.bodies.get(key) as Gathering
      const years: DatasetYear[] = []
      const merged = new Map<number, Kept>()
      for (const year of [...gathering.years.keys()].sort((a, b) => a - b)) {
        const sources = [...(gathering.years.get(year) as Kept[])].sort((a, b) => a.nulls - b.nulls || a.order - b.order)
        const one = this.merge(key, year, sources, diagnostics)
        merged.set(year, one)
        const before = merged.get(year - 1)
        if (before !== undefined) this.crossYear(key, before, one, diagnostics)
        years.push(yearOf(one, sources, before))
      }
      this.missingYears(key, [...merged.keys()], merged, diagnostics)
      const body: DatasetBody = { body: key, years }
      if (gathering.region !== undefined) body.region = gathering.region
      if (gathering.level !== undefined) body.level = gathering.level
      bodies.push(body)
    }
    return { bodies, diagnostics, unidentified: [...this.unidentified] }
  }

  private diagnostic<C extends DatasetCode>(
    code: C,
    facts: DatasetFacts[C],
    fields: Omit<DatasetDiagnostic, 'code' | 'severity' | 'message'>
  ): DatasetDiagnostic {
    return { code, severity: DATASET_CODE_INFO[code].severity, message: datasetMessage(this.locale, code, facts), ...fields }
  }

  /** A year's sources as one: each cell the value they agree on, or the better-read; `conflicting_reports` where they differ. */
  private merge(body: string, year: number, sources: readonly Kept[], out: DatasetDiagnostic[]): Kept {
    const primary = sources[0] as Kept
    if (sources.length === 1) return primary
    const schema = cellSchema(primary.edition)
    const values = new Float64Array(primary.values.length)
    const ranks = new Uint8Array(primary.values.length)
    let nulls = 0
    schema.paths.forEach((path, i) => {
      const readings: { kept: Kept; value: number; rank: number }[] = []
      for (const kept of sources) {
        const at = kept.edition === primary.edition ? i : cellSchema(kept.edition).indexOf(path)
        if (at < 0) continue
        const value = kept.values[at] as number
        if (!Number.isNaN(value)) readings.push({ kept, value, rank: kept.ranks[at] as number })
      }
      const best = Math.min(...readings.map((reading) => reading.rank))
      const chosen = new Set(readings.filter((reading) => reading.rank === best).map((reading) => reading.value))
      const value = chosen.size === 1 ? ([...chosen][0] as number) : Number.NaN
      values[i] = value
      ranks[i] = Number.isNaN(value) ? 9 : best
      if (Number.isNaN(value)) nulls++
      if (new Set(readings.map((reading) => reading.value)).size > 1) {
        const listed: SourceValue[] = sources.map((kept) => {
          const at = kept.edition === primary.edition ? i : cellSchema(kept.edition).indexOf(path)
          const raw = at < 0 ? Number.NaN : (kept.values[at] as number)
          return { source: kept.source, value: Number.isNaN(raw) ? null : raw }
        })
        const [first, second] = readings
        out.push(
          this.diagnostic(
            'conflicting_reports',
            { body, year, path, values: listed, kept: Number.isNaN(value) ? null : value },
            {
              body,
              year,
              path,
              expected: (first as (typeof readings)[number]).value,
              actual: (second as (typeof readings)[number]).value,
              sources: sources.map((kept) => sourceOf(kept))
            }
          )
        )
      }
    })
    return { ...primary, values, ranks, nulls }
  }

  /** The rules across two consecutive years (see rules.ts). */
  private crossYear(body: string, before: Kept, now: Kept, out: DatasetDiagnostic[]): void {
    const read = (kept: Kept, path: string): number => {
      const at = cellSchema(kept.edition).indexOf(path)
      return at < 0 ? Number.NaN : (kept.values[at] as number)
    }
    for (const check of CROSS_YEAR_CHECKS) {
      if (check.edition !== undefined && (before.edition !== check.edition || now.edition !== check.edition)) continue
      const actual = read(now, check.target)
      let expected = 0
      for (const term of check.terms) expected += term.sign * read(term.of === 'previous' ? before : now, term.path)
      if (Number.isNaN(actual) || Number.isNaN(expected) || Math.abs(actual - expected) < 1e-9) continue
      const years: [number, number] = [before.year, now.year]
      const facts = { body, path: check.target, years, expected, actual }
      const fields = {
        body,
        year: now.year,
        years,
        path: check.target,
        expected,
        actual,
        rule: check.rule,
        sources: [sourceOf(before), sourceOf(now)]
      }
      out.push(
        check.code === 'carry_over_mismatch'
          ? this.diagnostic('carry_over_mismatch', facts, fields)
          : this.diagnostic('stock_mismatch', { ...facts, rule: check.rule }, fields)
      )
    }
  }

  /** Each year between a body's first and last that has no report. */
  private missingYears(body: string, years: readonly number[], merged: ReadonlyMap<number, Kept>, out: DatasetDiagnostic[]): void {
    for (let i = 1; i < years.length; i++) {
      const before = years[i - 1] as number
      const after = years[i] as number
      for (let year = before + 1; year < after; year++) {
        const sources = [sourceOf(merged.get(before) as Kept), sourceOf(merged.get(after) as Kept)]
        out.push(this.diagnostic('missing_year', { body, year, before, after }, { body, year, sources }))
      }
    }
  }
}

/** A kept source as a diagnostic names it: its name, where its report starts, its year. */
function sourceOf(kept: Kept): DatasetYearSource {
  return kept.position === undefined
    ? { source: kept.source, year: kept.year }
    : { source: kept.source, position: kept.position, year: kept.year }
}

/** A body's year in the dataset, its report built on reading. */
/** Each year's merged values (NaN for `null`), for readers in this package that need no `Report`. */
const VALUES = new WeakMap<DatasetYear, Float64Array>()

/**
 * A year's merged cells by schema index (NaN for `null`), without building its report; `undefined`
 * for a year this builder did not make.
 *
 * @param year - A year of a dataset built here.
 */
export function mergedValues(year: DatasetYear): Float64Array | undefined {
  return VALUES.get(year)
}

function yearOf(merged: Kept, sources: readonly Kept[], before: Kept | undefined): DatasetYear {
  const year: Omit<DatasetYear, 'report'> = {
    year: merged.year,
    edition: merged.edition,
    sources: sources.map((kept) =>
      kept.position === undefined ? { source: kept.source } : { source: kept.source, position: kept.position }
    ),
    indicators: indicatorsOf(merged, before)
  }
  const made = Object.defineProperty(year, 'report', {
    enumerable: true,
    get: (): Report => {
      const report = buildReport(
        merged.edition,
        Array.from(merged.values, (value) => (Number.isNaN(value) ? null : value))
      )
      report.title = merged.title
      report.organization = merged.organization
      report.year = merged.year
      report.identity = merged.identity
      if (merged.sections !== undefined) report.sections = merged.sections
      return report
    }
  }) as DatasetYear
  VALUES.set(made, merged.values)
  return made
}

/**
 * Many parses as one dataset: {@link DatasetBuilder} with every entry added.
 *
 * @param entries - The parses, each with its source's name (and what the caller knows of it).
 * @param options - Locale of messages, and whether to keep texts.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { buildDataset, parseReport } from 'zfxxgk'
 *
 * const files = ['2023.html', '2024.html']
 * const dataset = buildDataset(files.map((source) => ({ result: parseReport(readFileSync(source)), source })))
 * for (const d of dataset.diagnostics) console.log(d.body, d.year, d.code, d.message)
 * ```
 */
export function buildDataset(entries: Iterable<DatasetEntry>, options?: DatasetOptions | null): Dataset {
  const builder = new DatasetBuilder(options)
  for (const { result, source, ...info } of entries) builder.add(result, source, info)
  return builder.build()
}
