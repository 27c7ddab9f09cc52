/**
 * Who and which year, decided from the evidence a report prints: each field from the strongest
 * evidence that gives it (the title, the crawler's header, the page's `<title>`, then for the year
 * the statistics period), `null` with `organization_unknown` or `year_unknown` where none does,
 * `identity_conflict` where weaker evidence disagrees with the value kept. A caller's value, or a
 * value the input records (a report written as JSON), comes first.
 *
 * @module
 */

import { makeDiagnostic, type IdentityReading } from '../model/diagnose.js'
import type { Diagnostic, Identity, IdentityOrigin, IdentitySource, Position } from '../model/types.js'
import { compactTitle, isReportYear, lastYear, readTitle, titleOfPage, withoutKey, type PeriodReading } from './identity.js'
import type { FoundTitle } from './title.js'

/** A title the input gives apart from its body: a crawler's `标题:` line, an HTML `<title>`. */
export interface TitleEvidence {
  /** Its text as printed. */
  text: string
  /** Where it starts. */
  position?: Position | undefined
}

/** The organisation and year as an input records them (a report written as JSON), with their evidence. */
export interface RecordedIdentity {
  /** The organisation. */
  organization: string | null
  /** The year. */
  year: number | null
  /** What each was read from. */
  identity: Identity
}

/** Everything the report and its input say of who and which year. */
export interface IdentityEvidence {
  /** The title in the body. */
  title: FoundTitle | null
  /** The statistics period, with where its paragraph starts. */
  period?: (PeriodReading & { position?: Position | undefined }) | undefined
  /** A crawler's `标题:` line. */
  crawlerTitle?: TitleEvidence | undefined
  /** The page's `<title>`. */
  documentTitle?: TitleEvidence | undefined
  /** What the input records (default: nothing). */
  recorded?: unknown
}

/** What the caller gives: each field wins over every reading (default: read from the report). */
export interface GivenIdentity {
  /** The organisation. */
  organization?: string | null | undefined
  /** The year. */
  year?: number | null | undefined
}

/** Who and which year, with the evidence and what was wrong with it. */
export interface DecidedIdentity {
  /** The organisation. */
  organization: string | null
  /** The year. */
  year: number | null
  /** What each was read from. */
  identity: Identity
  /** `organization_unknown`, `year_unknown`, `identity_conflict`. */
  diagnostics: Diagnostic[]
}

/** A crawler's title or a `<title>` longer than this is no title. */
const MAX_TITLE_EVIDENCE = 400

/** One reading: a value and the evidence it came from. */
interface Reading<T> {
  value: T
  source: IdentitySource
}

/**
 * Decide the organisation and the year of a report.
 *
 * @param evidence - What the report and its input say.
 * @param given - What the caller gives.
 */
export function decideIdentity(evidence: IdentityEvidence, given: GivenIdentity = {}): DecidedIdentity {
  const organizations: Reading<string>[] = []
  const years: Reading<number>[] = []
  let outside: { year: number; from: IdentityOrigin } | undefined
  const titles: Array<[IdentityOrigin, string | null, Position | undefined, string]> = []
  if (evidence.title !== null) titles.push(['title', evidence.title.compact, evidence.title.position, evidence.title.text])
  for (const [from, found] of [
    ['crawlerHeader', evidence.crawlerTitle],
    ['documentTitle', evidence.documentTitle]
  ] as const) {
    if (found === undefined || typeof found.text !== 'string' || found.text.length > MAX_TITLE_EVIDENCE) continue
    const text = found.text.trim()
    const compact = compactTitle(text)
    titles.push([from, from === 'documentTitle' ? titleOfPage(text) : (withoutKey(compact) ?? compact), found.position, text])
  }
  for (const [from, compact, position, text] of titles) {
    if (compact === null) continue
    const reading = readTitle(compact)
    const source: IdentitySource = position === undefined ? { from, text } : { from, text, position }
    if (reading.organization !== null) organizations.push({ value: reading.organization, source })
    // Each field its own objects: changing one never changes the other.
    const copy: IdentitySource = position === undefined ? { from, text } : { from, text, position: { ...position } }
    if (reading.year !== null) years.push({ value: reading.year, source: copy })
    else if (reading.outside !== undefined) outside ??= { year: reading.outside, from }
    // Another year the same title names (`二〇二三年度…2024年…`) disagrees with it: `identity_conflict`.
    for (const other of reading.others ?? []) years.push({ value: other, source: { ...copy } })
  }
  const period = evidence.period
  if (period !== undefined) {
    const source: IdentitySource =
      period.position === undefined
        ? { from: 'period', text: period.text }
        : { from: 'period', text: period.text, position: period.position }
    if (period.year !== null) years.push({ value: period.year, source })
    else if (period.outside !== undefined) outside ??= { year: period.outside, from: 'period' }
  }
  const recorded = recordedOf(evidence.recorded)
  const diagnostics: Diagnostic[] = []
  const organization = decide('organization', given.organization, recorded?.organization, organizations, diagnostics)
  const year = decide('year', given.year, recorded?.year, years, diagnostics)
  const title = evidence.title?.text
  if (organization === null) diagnostics.push(makeDiagnostic('organization_unknown', { title }, { path: 'organization' }))
  if (year === null) diagnostics.push(makeDiagnostic('year_unknown', { title, outside, last: lastYear() }, { path: 'year' }))
  return {
    organization: organization?.value ?? null,
    year: year?.value ?? null,
    identity: { organization: organization?.source ?? null, year: year?.source ?? null },
    diagnostics
  }
}

/**
 * One field: the caller's value, else the recorded one, else the strongest reading, with
 * `identity_conflict` for each weaker reading that disagrees with it.
 */
function decide<T extends string | number>(
  field: 'organization' | 'year',
  given: T | null | undefined,
  recorded: Reading<T> | null | undefined,
  readings: readonly Reading<T>[],
  diagnostics: Diagnostic[]
): Reading<T> | null {
  if (given !== undefined && given !== null) return { value: given, source: { from: 'caller', text: String(given) } }
  if (recorded !== undefined) return recorded
  const [kept, ...others] = readings
  if (kept === undefined) return null
  const said = (reading: Reading<T>): IdentityReading => ({ from: reading.source.from, value: String(reading.value) })
  const seen = new Set<T>([kept.value])
  for (const other of others) {
    if (seen.has(other.value)) continue
    seen.add(other.value)
    diagnostics.push(
      makeDiagnostic('identity_conflict', { field, kept: said(kept), other: said(other) }, { path: field, position: other.source.position })
    )
  }
  return kept
}

/** What an input records of its identity, each field `undefined` where it records nothing usable. */
interface Recorded {
  organization?: Reading<string> | null
  year?: Reading<number> | null
}

/** The recorded identity of a document, checked field by field: a field whose value and evidence do not agree is not recorded. */
function recordedOf(value: unknown): Recorded | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Partial<Record<keyof RecordedIdentity, unknown>>
  const identity = (typeof record.identity === 'object' && record.identity !== null ? record.identity : {}) as Partial<
    Record<keyof Identity, unknown>
  >
  const out: Recorded = {}
  const organization = record.organization
  const organizationSource = sourceOf(identity.organization)
  if (organization === null && identity.organization === null) out.organization = null
  else if (typeof organization === 'string' && organization.trim() !== '' && organizationSource !== undefined)
    out.organization = { value: organization, source: organizationSource }
  const year = record.year
  const yearSource = sourceOf(identity.year)
  if (year === null && identity.year === null) out.year = null
  else if (typeof year === 'number' && isReportYear(year) && yearSource !== undefined) out.year = { value: year, source: yearSource }
  return out
}

const ORIGINS: ReadonlySet<string> = new Set<IdentityOrigin>(['title', 'crawlerHeader', 'documentTitle', 'period', 'caller'])

/** An `IdentitySource` as recorded, its known fields only; `undefined` when it is not one. */
function sourceOf(value: unknown): IdentitySource | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { from, text, position } = value as Record<string, unknown>
  if (typeof from !== 'string' || !ORIGINS.has(from) || typeof text !== 'string') return undefined
  const source: IdentitySource = { from: from as IdentityOrigin, text }
  if (typeof position !== 'object' || position === null) return source
  const fields = position as Record<string, unknown>
  if (POSITION_FIELDS.slice(0, 3).some((key) => typeof fields[key] !== 'number')) return source
  const copy: Record<string, number> = {}
  for (const key of POSITION_FIELDS) if (typeof fields[key] === 'number') copy[key] = fields[key]
  source.position = copy as unknown as Position
  return source
}

/** The fields of a `Position`, the three it always has first. */
const POSITION_FIELDS = ['line', 'column', 'offset', 'page', 'x', 'y', 'paragraph', 'table', 'row', 'cell'] as const
