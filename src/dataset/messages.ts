/**
 * The messages of dataset diagnostics, in English and Chinese, from the facts of each finding.
 *
 * @module
 */

import { printNumber as n } from '../model/decimal.js'
import type { Locale } from '../model/diagnose.js'
import type { CrossYearRule, DatasetCode } from './codes.js'

/** A value of one source, as a message names it. */
export interface SourceValue {
  /** The source. */
  source: string
  /** Its value (`null`: blank or unread). */
  value: number | null
}

/** The facts each dataset code's message is written from. */
export interface DatasetFacts {
  carry_over_mismatch: { body: string; path: string; years: [number, number]; expected: number; actual: number }
  stock_mismatch: { body: string; path: string; years: [number, number]; expected: number; actual: number; rule: CrossYearRule }
  conflicting_reports: { body: string; year: number; path: string; values: readonly SourceValue[]; kept: number | null }
  missing_year: { body: string; year: number; before: number; after: number }
}

const listEn = (values: readonly SourceValue[]): string =>
  values.map(({ source, value }) => `${value === null ? 'blank' : n(value)} in ${source}`).join(', ')
const listZh = (values: readonly SourceValue[]): string =>
  values.map(({ source, value }) => `${source} 为 ${value === null ? '空' : n(value)}`).join('，')

const RULE_EN: Record<CrossYearRule, string> = {
  'H-1': 'what the year before carried forward',
  'H-2': 'the year before’s 现行有效件数 plus this year’s 本年制发件数 less 本年废止件数',
  'H-3': 'the year before’s 上一年项目数量 plus its 本年增/减'
}
const RULE_ZH: Record<CrossYearRule, string> = {
  'H-1': '上一年度结转下年度继续办理数',
  'H-2': '上一年度现行有效件数加本年制发件数减本年废止件数',
  'H-3': '上一年度上一年项目数量加其本年增/减'
}

const MESSAGES: Record<Locale, { [C in DatasetCode]: (facts: DatasetFacts[C]) => string }> = {
  en: {
    carry_over_mismatch: ({ body, path, years, expected, actual }) =>
      `${body}: ${path} of ${years[1]} is ${n(actual)}, but ${years[0]} carried forward ${n(expected)} (H-1).`,
    stock_mismatch: ({ body, path, years, expected, actual, rule }) =>
      `${body}: ${path} of ${years[1]} is ${n(actual)}, where ${RULE_EN[rule]} gives ${n(expected)} (${rule}).`,
    conflicting_reports: ({ body, year, path, values, kept }) =>
      `${body} ${year}: the sources give ${path} different values (${listEn(values)}); ${kept === null ? 'none is better read, so the merged cell is null' : `the better-read ${n(kept)} is kept`}.`,
    missing_year: ({ body, year, before, after }) => `${body} has reports for ${before} and ${after}, and none for ${year}.`
  },
  zh: {
    carry_over_mismatch: ({ body, path, years, expected, actual }) =>
      `${body}：${years[1]} 年的 ${path} 为 ${n(actual)}，但 ${years[0]} 年结转下年度继续办理 ${n(expected)}（H-1）。`,
    stock_mismatch: ({ body, path, years, expected, actual, rule }) =>
      `${body}：${years[1]} 年的 ${path} 为 ${n(actual)}，按${RULE_ZH[rule]}应为 ${n(expected)}（${rule}）。`,
    conflicting_reports: ({ body, year, path, values, kept }) =>
      `${body} ${year} 年：各来源的 ${path} 不一致（${listZh(values)}）；${kept === null ? '无一读取更可靠，合并后为 null' : `保留读取更可靠的 ${n(kept)}`}。`,
    missing_year: ({ body, year, before, after }) => `${body} 有 ${before} 年和 ${after} 年的报告，缺少 ${year} 年的报告。`
  }
}

/**
 * A dataset diagnostic's message.
 *
 * @param locale - The language.
 * @param code - The code.
 * @param facts - What the message says.
 */
export function datasetMessage<C extends DatasetCode>(locale: Locale, code: C, facts: DatasetFacts[C]): string {
  return (MESSAGES[locale][code] as (facts: DatasetFacts[C]) => string)(facts)
}
