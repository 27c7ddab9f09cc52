/**
 * Who and which year, from words: a title's organisation and year, a page's `<title>` without its
 * site's name, the year of a statistics period. Each reading says only what the words say; where
 * they could name more than one body or year, it names none.
 *
 * @module
 */

import { IDENTITY_WORDS, isReportYear } from '../model/catalogue.js'
import { foldWidth } from './normalize.js'
import { CHINESE_DATE, PERIOD_YEAR_SOURCE, SMALL_SOURCE, YEAR_SOURCE, smallValue, yearValue } from './numerals.js'

export { isReportYear, lastYear } from '../model/catalogue.js'

/** What a title says of who and which year. */
export interface TitleReading {
  /** The body its words name before the year (or after a leading year), `null` for none or words that name no one body. */
  organization: string | null
  /** The year it names, `null` for none or one outside the years of the formats. */
  year: number | null
  /** A year it names outside the years of the formats (2019 to next year). */
  outside?: number | undefined
  /** The other years of the formats it names, each different from `year` (`…2023年度…2024年…`): evidence that disagrees. */
  others?: number[] | undefined
}

/** The words a title of a report holds: `政府信息公开工作年度报告`, `政务公开工作年度报告`. */
export const TITLE_WORDS = /(?:政府信息公开|政务公开).{0,12}报告/u
/** A title whose organisation stands before its year: `某某县人民政府2024年度…`, `某某县人民政府二〇二四年度…`. */
const YEAR_AFTER = new RegExp(`^(?<organization>.*?)(?<year>${YEAR_SOURCE})年度?`, 'u')
/** A title that names the year first (`2019年上海市人民政府办公厅政府信息公开工作年度报告`, `二〇一九年…`), or none. */
const NAME_BEFORE_WORDS = new RegExp(`^(?:(?:${YEAR_SOURCE})年度?)?(?<organization>.*?)(?<words>政府信息公开|政务公开)`, 'u')
/** Every year a title names, Arabic or Chinese. */
const YEARS = new RegExp(`(?:${YEAR_SOURCE})(?=年)`, 'gu')
/** Characters of a body's name: Han, ASCII letters and digits, brackets, `·` and `、`. */
const NAME_CHARACTERS = /^[\p{Script=Han}A-Za-z0-9()·、]+$/u
/** A year (`2024年`, or what is left of one: `024年`) or a date inside words: never part of a body's name (and {@link CHINESE_DATE}). */
const DATE = /\d年|\d{1,2}月\d{1,2}日/u
const MAX_NAME = 48
/** Any one of the separators of a page's `<title>` from its site's name. */
const SITE_SEPARATOR = new RegExp(`[${IDENTITY_WORDS.siteSeparators.map((char) => char.replace(/[\\\]^-]/gu, '\\$&')).join('')}]`, 'u')
/** A crawler's key before a title: `标题：`, `标题:`, `title:`. */
const TITLE_KEY = new RegExp(`^(?:${IDENTITY_WORDS.titleKeys.join('|')})[:：]`, 'iu')

/**
 * Text compacted for reading who and which year: white space of every kind removed, full-width
 * forms of ASCII folded (`２０２４` → `2024`, `（` → `(`).
 *
 * @param text - Text as printed.
 */
export function compactTitle(text: string): string {
  return foldWidth(text).replace(/\s+/gu, '')
}

/**
 * The text without a crawler's key before it (`标题：…`), or `undefined` when it has none.
 *
 * @param compact - Text compacted by {@link compactTitle}.
 */
export function withoutKey(compact: string): string | undefined {
  const key = TITLE_KEY.exec(compact)
  return key === null ? undefined : compact.slice(key[0].length)
}

/**
 * Whether words could be one body's name: Han, letters, digits and brackets only, two to
 * {@link MAX_NAME} characters, no date and no word of `IDENTITY_WORDS.notInName`.
 *
 * @param name - Words compacted by {@link compactTitle}.
 */
export function isName(name: string): boolean {
  return (
    name.length >= 2 &&
    name.length <= MAX_NAME &&
    NAME_CHARACTERS.test(name) &&
    !DATE.test(name) &&
    !CHINESE_DATE.test(name) &&
    !IDENTITY_WORDS.notInName.some((word) => name.includes(word))
  )
}

/**
 * What a title says of who and which year. The organisation is the words before the year
 * (`某某县人民政府2024年…`), or between a leading year and `政府信息公开` (`2024年某某委政府信息公开…`),
 * without a leading or trailing `关于`; only a year from 2019 to next year counts.
 *
 * @param title - The title, compacted by {@link compactTitle}, its crawler's key off.
 */
export function readTitle(title: string): TitleReading {
  const text = title.replace(/^《(.*)》$/u, '$1')
  const after = YEAR_AFTER.exec(text)?.groups
  let organization = after?.organization ?? ''
  const printed = after?.year
  if (organization === '') {
    const before = NAME_BEFORE_WORDS.exec(text)?.groups
    organization = before?.organization ?? ''
    // `某某县人民政府信息公开…`: the 政府 is the name's, not the title's words'.
    if (before?.words === '政府信息公开' && organization.endsWith('人民')) organization += '政府'
  }
  organization = organization.replace(/^关于/u, '').replace(/关于$/u, '')
  const year = printed === undefined ? undefined : yearValue(printed)
  const reading: TitleReading = {
    organization: isName(organization) ? organization : null,
    year: year !== undefined && isReportYear(year) ? year : null,
    outside: year !== undefined && !isReportYear(year) ? year : undefined
  }
  if (reading.year !== null) {
    const others = new Set<number>()
    for (const [other] of text.matchAll(YEARS)) {
      const value = yearValue(other)
      if (value !== reading.year && isReportYear(value)) others.add(value)
    }
    if (others.size > 0) reading.others = [...others]
  }
  return reading
}

/**
 * The part of a page's `<title>` that is the report's title, its site's name (`_某某县人民政府网`)
 * left out: the first part between separators that holds a title's words; `null` for none.
 *
 * @param text - The `<title>` as printed.
 */
export function titleOfPage(text: string): string | null {
  for (const part of compactTitle(text).split(SITE_SEPARATOR)) {
    const title = withoutKey(part) ?? part
    if (TITLE_WORDS.test(title)) return title
  }
  return null
}

/** The statistics period a report states: `统计期限为2024年1月1日至12月31日`, `统计时限自2019年1月1日起至2019年12月31日止`, `统计期限自二〇二四年一月一日起至二〇二四年十二月三十一日止`. */
const PERIOD = new RegExp(
  `统计(?:期限|时限|期间|区间|时段|周期|时间|范围)[^。；;！？!?\\d]{0,8}?(${PERIOD_YEAR_SOURCE})\\s*年\\s*(${SMALL_SOURCE})\\s*月\\s*(${SMALL_SOURCE})\\s*日\\s*(?:起|开始)?\\s*(?:至|到|—{1,2}|－|-|~|～)\\s*(?:(${PERIOD_YEAR_SOURCE})\\s*年\\s*)?(${SMALL_SOURCE})\\s*月\\s*(${SMALL_SOURCE})\\s*日(?:止)?`,
  'u'
)

/** The year a statistics period covers, with its words as printed. */
export interface PeriodReading {
  /** The year, when it is one of the formats' years. */
  year: number | null
  /** A year outside them. */
  outside?: number | undefined
  /** The period's words as printed. */
  text: string
}

/**
 * The year of the statistics period a paragraph states, when it lies within one year
 * (`统计期限为2024年1月1日至12月31日`); `undefined` when it states none, or one across two years.
 *
 * @param paragraph - A paragraph as printed.
 */
export function readPeriod(paragraph: string): PeriodReading | undefined {
  if (!paragraph.includes('统计')) return undefined
  // Folding keeps each character one code unit: the match's indices are the paragraph's.
  const match = PERIOD.exec(foldWidth(paragraph))
  if (match === null) return undefined
  const [words, from, m1, d1, to, m2, d2] = match
  const year = yearValue(from as string)
  const months = [smallValue(m1 as string), smallValue(m2 as string)]
  const days = [smallValue(d1 as string), smallValue(d2 as string)]
  // A month or a day that is no number (`十十`) fails each test: NaN compares false.
  if ((to !== undefined && yearValue(to) !== year) || months.some((m) => !(m >= 1 && m <= 12)) || days.some((d) => !(d >= 1 && d <= 31)))
    return undefined
  if ((months[1] as number) * 100 + (days[1] as number) < (months[0] as number) * 100 + (days[0] as number)) return undefined
  const text = paragraph.slice(match.index, match.index + words.length)
  return isReportYear(year) ? { year, text } : { year: null, outside: year, text }
}
