/**
 * Years, months and days as reports print them, in Arabic digits (`2024年1月1日`) or Chinese numerals
 * (`二〇二四年一月一日`, `十二月三十一日`): the patterns that find them and the values they name. A year
 * in Chinese numerals is exactly four digits of `CHINESE_DIGITS` (`二〇二四`); anything else
 * (`二〇二`, `二十四`, `一九`) is no year.
 *
 * @module
 */

import { CHINESE_DIGITS, CHINESE_TEN } from '../model/catalogue.js'

/** The Chinese digits whose value passes `keep`, as the inside of a character class (`〇○零`). */
function digits(keep: (value: number) => boolean): string {
  return Object.entries(CHINESE_DIGITS)
    .filter(([, value]) => keep(value))
    .map(([char]) => char)
    .join('')
}

/** One Chinese digit, of any value. */
const DIGIT = `[${digits(() => true)}]`
/** One Chinese digit from one to nine. */
const NONZERO = `[${digits((value) => value > 0)}]`
/** One character of a month or a day in Chinese numerals: a digit from one to nine, or `十`. */
const SMALL_DIGIT = `[${digits((value) => value > 0)}${CHINESE_TEN}]`
/** No Chinese digit and no `十` stands right before: the start of a number, not its middle. */
const NUMBER_START = `(?<![${digits(() => true)}${CHINESE_TEN}])`
/** The first two digits of a year of the 1900s or the 2000s in Chinese numerals (`一九`, `二〇`). */
const CENTURY = `(?:[${digits((value) => value === 1)}][${digits((value) => value === 9)}]|[${digits((value) => value === 2)}][${digits((value) => value === 0)}])`

/**
 * A year as printed, for a regular expression (no groups): `19xx` or `20xx` in Arabic digits after
 * no other digit (`12024` holds no year), or
 * four Chinese digits of the same centuries (`一九…`, `二〇…`) right after no other Chinese digit or
 * `十` (`一二〇二四` holds no year).
 */
export const YEAR_SOURCE = `(?<!\\d)(?:19|20)\\d{2}|${NUMBER_START}${CENTURY}${DIGIT}{2}`

/** Four digits that may be a statistics period's year (`\d{4}`, or four Chinese digits at a number's start), for a regular expression (no groups). */
export const PERIOD_YEAR_SOURCE = `\\d{4}|${NUMBER_START}${DIGIT}{4}`

/** A month or a day as printed, for a regular expression (no groups): one or two Arabic digits, or one to three characters of `一`…`九` and `十`. */
export const SMALL_SOURCE = `\\d{1,2}|${NUMBER_START}${SMALL_DIGIT}{1,3}`

/** A month and a day written in Chinese numerals (`一月二十日`, `十二月三十一日`): a date, never a title's words. */
export const CHINESE_MONTH_DAY = new RegExp(`${SMALL_DIGIT}{1,3}月${SMALL_DIGIT}{1,3}日`, 'u')

/**
 * A year written in Chinese numerals (`二〇二四年`, or what is left of one: `四年`; `十年`), or a month
 * and a day (`一月二十日`), inside words: never part of a body's name.
 */
export const CHINESE_DATE = new RegExp(`[${digits(() => true)}${CHINESE_TEN}]年|${CHINESE_MONTH_DAY.source}`, 'u')

/** A month or a day in Chinese numerals: its tens digit, `十`, its units digit (`三十一`, `十二`, `二十`, `九`). */
const CHINESE_SMALL = new RegExp(`^(?<tens>${NONZERO})?(?<ten>${CHINESE_TEN})?(?<units>${NONZERO})?$`, 'u')

/**
 * The year four digits name: `2024` or `二〇二四` give 2024; anything else `NaN`.
 *
 * @param printed - The digits as printed, without `年`.
 */
export function yearValue(printed: string): number {
  if (/^\d{4}$/u.test(printed)) return Number(printed)
  const chars = [...printed]
  if (chars.length !== 4) return Number.NaN
  let value = 0
  for (const char of chars) {
    const digit = CHINESE_DIGITS[char]
    if (digit === undefined) return Number.NaN
    value = value * 10 + digit
  }
  return value
}

/**
 * The number a month or a day is printed as: `12` or `十二` give 12, `三十一` 31, `十` 10; `NaN` for
 * anything else (`十十`, `二二`, `一十一十`).
 *
 * @param printed - The number as printed, without `月` or `日`.
 */
export function smallValue(printed: string): number {
  if (/^\d{1,2}$/u.test(printed)) return Number(printed)
  const groups = CHINESE_SMALL.exec(printed)?.groups
  if (groups === undefined || printed === '') return Number.NaN
  const { tens, ten, units } = groups
  // Tens only before 十 (`二十`), never two digits alone (`二二`).
  if (ten === undefined && tens !== undefined && units !== undefined) return Number.NaN
  const unit = units === undefined ? 0 : (CHINESE_DIGITS[units] as number)
  if (ten === undefined) return tens === undefined ? unit : (CHINESE_DIGITS[tens] as number)
  return (tens === undefined ? 1 : (CHINESE_DIGITS[tens] as number)) * 10 + unit
}

/**
 * The year four Chinese digits right before `at` name (`二〇二二` before `年`), when no other Chinese
 * digit or `十` stands before them; `undefined` for none.
 *
 * @param text - Words as printed.
 * @param at - Where the `年` after the year stands.
 */
export function chineseYearBefore(text: string, at: number): number | undefined {
  if (at < 4) return undefined
  const before = text[at - 5]
  if (before !== undefined && (Object.hasOwn(CHINESE_DIGITS, before) || before === CHINESE_TEN)) return undefined
  const printed = text.slice(at - 4, at)
  if (/\d/u.test(printed)) return undefined
  const value = yearValue(printed)
  return Number.isNaN(value) ? undefined : value
}
