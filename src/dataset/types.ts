/**
 * The dataset: many reports as bodies, each with its years side by side, every year's merged
 * report, its sources and indicators; the findings across reports; and the reports whose body or
 * year is not known.
 *
 * @module
 */

import type { Locale } from '../model/diagnose.js'
import type { Edition, ParseResult, Report } from '../model/types.js'
import type { DatasetDiagnostic, DatasetSource } from './codes.js'
import type { Indicators } from './indicators.js'

/** One body's report for one year: merged from its sources. */
export interface DatasetYear {
  /** The year reported on. */
  year: number
  /** The edition of the format its merged report is in (the primary source's). */
  edition: Edition
  /** Its sources, the primary first (the one with fewest blank cells; ties in the order added). */
  sources: DatasetSource[]
  /**
   * The merged report: each cell the value its sources agree on, or the better-read one where they
   * differ (see `conflicting_reports`); organisation, year, identity and title are the primary
   * source's (its sections too, unless `DatasetOptions.text` is `false`). Built from the merged cells
   * each time it is read: keep it in a variable rather than reading it twice.
   */
  readonly report: Report
  /** Its indicators (see `INDICATORS`, and docs/dataset.md for each formula). */
  indicators: Indicators
}

/** One body: its name and its years, earliest first. */
export interface DatasetBody {
  /** The body's name: the organisation as its reports name it (white space and full-width forms folded). */
  body: string
  /** Its region, when the caller gave one. */
  region?: string
  /** Its level (省, 市, 县 …), when the caller gave one. */
  level?: string
  /** Its years, earliest first. */
  years: DatasetYear[]
}

/** Why a source is in no body's years. */
export type UnidentifiedReason = 'noReport' | 'organization' | 'year' | 'organizationAndYear'

/** A source the dataset could not place: no report, or no organisation or year known. */
export interface Unidentified {
  /** The source. */
  source: string
  /** Where its report starts, when the source holds several. */
  position?: DatasetSource['position']
  /** What is missing. */
  reason: UnidentifiedReason
  /** What the report gave, as far as it went. */
  organization: string | null
  /** The year, if known. */
  year: number | null
}

/** Many reports as one dataset. */
export interface Dataset {
  /** The bodies, by name. */
  bodies: DatasetBody[]
  /** What no single report shows: findings across a body's years and between sources of the same year. */
  diagnostics: DatasetDiagnostic[]
  /** Sources that hold no report, or whose organisation or year is not known: listed, never guessed into a group. */
  unidentified: Unidentified[]
}

/** Options of {@link DatasetBuilder} and `buildDataset`. */
export interface DatasetOptions {
  /** The language of diagnostic messages: `'en'` or `'zh'` (default: `'en'`). */
  locale?: Locale | null | undefined
  /**
   * Keep each source's title and sections for the merged reports (default: `true`). `false` keeps
   * only cells, organisation and year: a dataset of 100 000 reports then takes some hundred
   * megabytes, not gigabytes.
   */
  text?: boolean | null | undefined
}

/** What a source adds to the dataset besides its parse. */
export interface DatasetEntryInfo {
  /** The body, when the caller knows it better than the report (default: the report's organisation). */
  organization?: string | null | undefined
  /** The year, when the caller knows it better than the report (default: the report's year). */
  year?: number | null | undefined
  /** The body's region, kept on the body. */
  region?: string | null | undefined
  /** The body's level, kept on the body. */
  level?: string | null | undefined
}

/** One source of a dataset: a parse, its source's name, and what the caller knows of it. */
export interface DatasetEntry extends DatasetEntryInfo {
  /** The parse. */
  result: ParseResult
  /** The source's name (a file path). */
  source: string
}
