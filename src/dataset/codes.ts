/**
 * The dataset's diagnostic codes: problems that no single report shows, found across the reports
 * of one body (its years side by side) or between two sources of the same body and year. Same
 * shape as a report's diagnostics, plus the body, the year(s) and the sources.
 *
 * @module
 */

import type { Severity } from '../model/codes.js'
import type { Position } from '../model/types.js'

/** Every dataset diagnostic code, in documentation order. */
export const DATASET_CODES = ['carry_over_mismatch', 'stock_mismatch', 'conflicting_reports', 'missing_year'] as const

/** A dataset diagnostic code: one of {@link DATASET_CODES}. */
export type DatasetCode = (typeof DATASET_CODES)[number]

/** The rules across years, by identifier (docs/diagnostics.md § Rules across years). */
export type CrossYearRule = 'H-1' | 'H-2' | 'H-3'

/** What every dataset diagnostic of a code has in common. */
export interface DatasetCodeInfo {
  /** The severity a diagnostic of this code always has. */
  severity: Severity
  /** One sentence on what it means. */
  summary: string
}

/**
 * Each dataset code as a documented key: its Chinese name, severity and meaning (docs/diagnostics.md
 * has an example and what to do for each).
 */
export interface DatasetCodeMap {
  /**
   * 结转不符 · **warning** — H-1: year N's 二、上年结转政府信息公开申请数量 differs from year N−1's
   * 四、结转下年度继续办理 in an applicant column (across the change of edition too). `expected` is
   * what N−1 carried forward, `actual` what N printed; `path` is N's cell.
   */
  carry_over_mismatch: DatasetCodeInfo
  /**
   * 存量不符 · **info** — H-2 (2021 format): 现行有效件数 of year N is not that of N−1 plus 本年制发件数
   * minus 本年废止件数 of N, for 规章 or 行政规范性文件; H-3 (2019 format): 上一年项目数量 of N is not
   * that of N−1 plus its 本年增/减. Real reports often break these (expiries and revisions are counted
   * elsewhere), so it is a finding to look at, not an error. `expected` is the implied value, `actual` the printed one.
   */
  stock_mismatch: DatasetCodeInfo
  /**
   * 同年报告不一致 · **warning** — two sources of the same body and year (a page and its PDF, a crawl
   * and the page) give a cell two values. The message names both sources and values; the merged
   * report keeps the better-read one (a printed value over a split, converted or inferred one), or
   * `null` when both were read alike.
   */
  conflicting_reports: DatasetCodeInfo
  /** 缺少年度 · **info** — a body has reports for years before and after this one, and none for it. */
  missing_year: DatasetCodeInfo
}

/** Severity and one-line meaning of each dataset code. */
export const DATASET_CODE_INFO: Readonly<DatasetCodeMap> = {
  carry_over_mismatch: {
    severity: 'warning',
    summary: "A year's 上年结转 differs from the year before's 结转下年度继续办理 in an applicant column (H-1)."
  },
  stock_mismatch: {
    severity: 'info',
    summary: 'A stock that should follow from the year before (现行有效件数, 上一年项目数量) does not (H-2, H-3).'
  },
  conflicting_reports: {
    severity: 'warning',
    summary: 'Two sources of the same body and year give a cell different values; the better-read is kept, or null.'
  },
  missing_year: { severity: 'info', summary: 'A body has reports for years before and after this one, and none for it.' }
}

/** A source of a body's year: a file (`a.html`, or `a.txt#report=2`) and where its report starts in it. */
export interface DatasetSource {
  /** The source as given to the dataset (a file path, `a.txt#report=2`). */
  source: string
  /** Where its report starts in the source, when the source holds several reports (`ParseResult.start`). */
  position?: Position
}

/** A problem found across reports: a report diagnostic's fields, plus the body, the year(s) and the sources. */
export interface DatasetDiagnostic {
  /** Stable code: one of {@link DATASET_CODES}. */
  code: DatasetCode
  /** `warning` or `info`. */
  severity: Severity
  /** One sentence: what, which body, which year(s), which sources (English, or Chinese with `locale: 'zh'`). */
  message: string
  /** The body, as the dataset names it. */
  body: string
  /** The year the finding is in (the later of two years compared). */
  year: number
  /** The years compared, earlier first (carry-over and stock rules). */
  years?: [number, number]
  /** The cell's dot path in the report of `year` (absent for `missing_year`). */
  path?: string
  /** What the rule expects (the year before's value, the implied stock), or the first source's value. */
  expected?: number
  /** What was printed, or the second source's value. */
  actual?: number
  /** The rule across years (`H-1`, `H-2`, `H-3`), where one applies. */
  rule?: CrossYearRule
  /** The sources the finding rests on, each with its year. */
  sources: DatasetYearSource[]
}

/** A source a finding rests on, with the year of its report. */
export interface DatasetYearSource extends DatasetSource {
  /** The year of its report. */
  year: number
}
