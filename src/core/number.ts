/**
 * Reading one cell's value: numbers, blanks and units.
 *
 * @module
 */

import { MONEY_UNITS, UNIT_NOTE } from '../model/catalogue.js'

/** A money unit that may stand in a cell or a header: one of the catalogue's `MONEY_UNITS`. */
export type MoneyUnit = string

/** Powers of ten to 万元, by unit. */
const UNIT_SHIFT = new Map(MONEY_UNITS.map(({ unit, toWanyuan }) => [unit, toWanyuan]))
/** The units as a regex alternation, longest first, so that 百万元 is never read as 万元 or 元. */
const UNIT_PATTERN = [...UNIT_SHIFT.keys()].sort((a, b) => b.length - a.length).join('|')

/** What one cell holds. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'blank'; marker: string }
  | { kind: 'number'; value: number; digits: string; unit?: MoneyUnit }
  /**
   * Digits that are not one number as printed, so no number is read: `tooLong`, more than 15
   * significant digits (beyond 2^53 a double rounds); `several`, two numbers apart by white space or
   * a line break (`3 5`, `3<br>5`); `marked`, a number with a footnote mark (`13①`, `13¹`, `13*`,
   * `13<sup>1</sup>`), where which digits are the number's is not certain.
   */
  | { kind: 'unreadable'; why: Unreadable; digits: string }
  /** A row's values printed run together (a cell the adapter marks `glued`): split by the row's columns when it is placed. */
  | { kind: 'run'; text: string }

/**
 * Why a cell's digits are not read as a number (see `CellValue`); `tooSmall`: a number closer to 0
 * than a double holds with all its digits (below 2.2e-308, `0.000…1` printed with hundreds of zeros).
 */
export type Unreadable = 'tooLong' | 'several' | 'marked' | 'tooSmall'

/** Why an amount is not read once converted to 万元 (see {@link toWanyuan}). */
export type WanyuanProblem = 'tooLongInWanyuan' | 'tooSmall'

/** The smallest positive double that holds 15 significant digits (the smallest normal double); closer to 0, digits are lost. */
const MIN_NORMAL = 2.2250738585072014e-308

const PLAIN_DIGITS = /^[ \t]*\d{1,15}[ \t]*$/u
/** More significant digits than this, and a double cannot hold the figure exactly. */
const MAX_DIGITS = 15
const BLANK_MARKERS = new Set(['/', '-', '—', '——', '–', '无', '\\', '//', '－', '―', '─'])
const NUMBER = new RegExp(
  String.raw`^(?<sign>[+-]|增加|减少|增|减)?(?<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<frac>\d+))?(?<unit>${UNIT_PATTERN}|件|个|项|条|人次|次|家|份|宗)?$`,
  'u'
)

/**
 * Read a cell's text as a value.
 *
 * @param text - The cell as printed.
 * @returns The value, or `undefined` when the text is not a value (a label or prose).
 */
export function readCell(text: string): CellValue | undefined {
  if (hasForeignIdeograph(text)) return undefined
  if (isPlainDigits(text)) {
    const value = Number(text)
    const leadingZero = text.length > 1 && text.charCodeAt(0) === 0x30
    if (value < SMALL.length && !leadingZero) return (SMALL[value] ??= { kind: 'number', value, digits: text })
    return { kind: 'number', value, digits: leadingZero ? text.replace(/^0+(?=\d)/u, '') : text }
  }
  if (text.length > MEMO_LENGTH) return read(text)
  let value = memo.get(text)
  if (value === undefined && !memo.has(text)) {
    value = read(text)
    if (memo.size >= MEMO_LIMIT) memo.clear()
    memo.set(text, value)
  }
  return value
}

/** The readings of `0` to `999` printed without leading zeros, shared (values are never changed): most cells hold one. */
const SMALL: (CellValue | undefined)[] = new Array<CellValue | undefined>(1000)

/** 1 to 15 ASCII digits and nothing else: the common cell, read without a lookup (what `read` gives it too). */
function isPlainDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x30 || code > 0x39) return false
  }
  return true
}

/** Cell texts this short are remembered with what they hold (`0`, `12`, `—` recur in every report); values are never changed. */
const MEMO_LENGTH = 24
const MEMO_LIMIT = 20000
const memo = new Map<string, CellValue | undefined>()

/** Read a text with no foreign ideograph (`readCell` tested that first). */
function read(text: string): CellValue | undefined {
  if (PLAIN_DIGITS.test(text)) {
    const digits = text.trim()
    return { kind: 'number', value: Number(digits), digits: digits.replace(/^0+(?=\d)/u, '') }
  }
  const body = withoutEmphasis(text.trim())
  let marks = 0
  let unmarked = ''
  for (const char of body) {
    if (isMark(char)) marks++
    else unmarked += char
  }
  if (marks > 0) {
    // Without its marks: a number is `marked`; anything else reads as before (`*` alone is empty).
    const reading = readUnmarked(unmarked)
    return reading?.kind === 'number' || reading?.kind === 'unreadable'
      ? { kind: 'unreadable', why: 'marked', digits: reading.digits }
      : reading
  }
  return readUnmarked(body)
}

/** `*13*` or `**13**`: the same number of `*` on both sides is Markdown emphasis, not a mark. */
function withoutEmphasis(text: string): string {
  let stars = 0
  while (text.charCodeAt(stars) === 0x2a) stars++
  if (stars === 0 || stars * 2 >= text.length) return text
  for (let i = 1; i <= stars; i++) if (text.charCodeAt(text.length - i) !== 0x2a) return text
  return text.charCodeAt(text.length - stars - 1) === 0x2a ? text : text.slice(stars, text.length - stars)
}

/** Footnote marks that are not digits: `*`, `※`, `†`, `‡`. */
const SYMBOL_MARKS = new Set(['*', '※', '†', '‡'])

/**
 * Whether a character is a footnote mark: a symbol, or a character that NFKC turns into digits but
 * that prints as a mark or an index (¹ ₂ ① ⑴ ⒈ ❶ ㉑ ⅓), not a full-width digit (which is a digit).
 */
function isMark(char: string): boolean {
  if (SYMBOL_MARKS.has(char)) return true
  const code = char.codePointAt(0) as number
  return code >= 0x80 && !(code >= 0xff10 && code <= 0xff19) && /\d/u.test(char.normalize('NFKC'))
}

const NON_FINITE = new Set(['Infinity', '-Infinity'])

/** Two digits apart by white space or a line break only: two numbers (`3 5`, `3\n5`). */
const SEVERAL = /\d[\s\u200b-\u200d]+[-+]?\d/u

/**
 * Whether a cell's text prints two numbers apart by white space or a line break (`3 5`, `0 -1`,
 * `3\n5`): whatever it reads as, one of them may belong to another cell.
 *
 * @param text - The cell's text as printed.
 */
export function holdsSeveralNumbers(text: string): boolean {
  return SEVERAL.test(text.normalize('NFKC').replace(/[−－–]/gu, '-'))
}

function readUnmarked(text: string): CellValue | undefined {
  const folded = text.normalize('NFKC')
  const t = folded.replace(/[\s\u00a0\u3000\u200b-\u200d\ufeff*]+/gu, '').replace(/[−－–]/gu, '-')
  if (t === '') return { kind: 'empty' }
  if (BLANK_MARKERS.has(t) || /^[-—/]+$/u.test(t)) return { kind: 'blank', marker: t }
  // A number beyond the largest double, as JavaScript prints it (a JSON input's 1e400).
  if (NON_FINITE.has(t)) return { kind: 'unreadable', why: 'tooLong', digits: t }
  const match = NUMBER.exec(t)
  if (match?.groups === undefined) return undefined
  const { sign, int, frac, unit } = match.groups
  const negative = sign === '-' || sign === '减少' || sign === '减'
  const digits = `${negative ? '-' : ''}${(int ?? '').replace(/,/gu, '')}${frac === undefined ? '' : `.${frac}`}`
  if (SEVERAL.test(folded)) return { kind: 'unreadable', why: 'several', digits }
  if (digits.replace(/[-.]/gu, '').replace(/^0+(?=\d)/u, '').length > MAX_DIGITS) return { kind: 'unreadable', why: 'tooLong', digits }
  const value = Number(digits)
  if (tooSmall(value, digits)) return { kind: 'unreadable', why: 'tooSmall', digits }
  const result: CellValue = { kind: 'number', value: Object.is(value, -0) ? 0 : value, digits }
  if (unit !== undefined && UNIT_SHIFT.has(unit)) result.unit = unit
  return result
}

/** The CJK ideographs a value may hold: signs (增加, 减少), units, and the blank marker 无. */
const VALUE_IDEOGRAPHS = new Set(
  Array.from(`增加减少无件个项条人次家份宗${MONEY_UNITS.map(({ unit }) => unit).join('')}`, (char) => char.charCodeAt(0))
)

/**
 * Whether a text holds a CJK unified ideograph that no value may hold: then it is a label or
 * prose, whatever else it holds. Exact, because NFKC leaves these ideographs as they are, and
 * cheap: most table text is labels, which this rejects before any normalisation.
 */
function hasForeignIdeograph(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0x4e00 && code <= 0x9fff && !VALUE_IDEOGRAPHS.has(code)) return true
  }
  return false
}

/** A unit a header states that is not one of the catalogue's money units (`美元`, `万`). */
export interface UnknownUnit {
  /** The unit as stated. */
  unknown: string
}

/**
 * Find the money unit a header names: stated (`采购总金额（单位：万元，保留4位小数）`, `金额单位为元`) or
 * in brackets (`采购总金额（万元）`). A stated unit that is not a money unit of the catalogue
 * (`单位：美元`, `单位：万`), or a bracketed one that is a unit of money or a power of ten (`（美元）`, `（万）`), is returned as
 * {@link UnknownUnit}: it is never read as the unit it ends with.
 *
 * @param header - A header cell as printed.
 */
export function headerUnit(header: string): MoneyUnit | UnknownUnit | undefined {
  const text = header.normalize('NFKC')
  const stated = STATED_UNIT.exec(text)?.[1]
  if (stated !== undefined) return UNIT_SHIFT.has(stated) ? stated : { unknown: stated }
  const bracketed = BRACKETED_UNIT.exec(text)?.[1]
  if (bracketed === undefined) return undefined
  return UNIT_SHIFT.has(bracketed) ? bracketed : UNKNOWN_MONEY.test(bracketed) ? { unknown: bracketed } : undefined
}

/** A unit that a note or caption of table 二 states: what the note names before 单位 (`采购总金额`, or nothing), and the unit. */
export interface NoteUnit {
  /** What the clause names before 单位: `金额`, `采购总金额`, `本表`, or empty. */
  subject: string
  /** The unit: a money unit of the catalogue, or one that is not (`美元`, `万`). */
  unit: MoneyUnit | UnknownUnit
}

/** Longer than this (after NFKC), a paragraph is prose, not a note that states a unit. */
const MAX_NOTE = 60
/** One clause of a note: `注1:本表金额单位为元`, `(单位:万元)`, `采购总金额单位:元`. */
const NOTE_CLAUSE = new RegExp(
  String.raw`^(?:(?:${UNIT_NOTE.prefixes.join('|')})\s*\d*\s*[:.]?)?\s*\(?\s*(?<subject>[^()]{0,16}?)单位\s*(?::|为|是)\s*(?<unit>[^\s,;。()]{1,8}?)\s*\)?$`,
  'u'
)
/** A stated unit that is no money unit of the catalogue but is a unit of money or a power of ten: never ignored. */
const UNKNOWN_MONEY = /元$|^[十百千万亿]{1,3}$/u
const IGNORED_UNIT_WORDS = new RegExp(UNIT_NOTE.ignored.join('|'), 'gu')

/**
 * The units a note or caption of table 二 states (`注：金额单位为元`, `（单位：万元）`,
 * `注：采购总金额单位为元，收费金额单位为万元`), clause by clause. A text that is long, or whose
 * clauses state no unit of money (`本单位为区政府组成部门`, `单位：件`), states none.
 *
 * @param text - A paragraph or a cell as printed.
 */
export function noteUnits(text: string): NoteUnit[] {
  if (!text.includes('单位')) return []
  const normalized = text.normalize('NFKC').trim()
  if (normalized.length > MAX_NOTE) return []
  const found: NoteUnit[] = []
  for (const clause of normalized.split(/[,;。]/u)) {
    const groups = NOTE_CLAUSE.exec(clause.trim())?.groups
    if (groups === undefined) continue
    const unit = (groups.unit as string).replace(IGNORED_UNIT_WORDS, '')
    const subject = groups.subject as string
    if (UNIT_SHIFT.has(unit)) found.push({ subject, unit })
    else if (UNKNOWN_MONEY.test(unit)) found.push({ subject, unit: { unknown: unit } })
  }
  return found
}

/** `单位：万元`, `金额单位为元`: what follows 单位, up to a comma, a bracket or a space. */
const STATED_UNIT = /单位\s*[:为是]?\s*([^,;)\]】\s]+)/u
/** `（万元）`, `(元)` (after NFKC, full-width brackets are ASCII). */
const BRACKETED_UNIT = /\(\s*([^()]{1,6}?)\s*\)/u

/**
 * Convert a decimal string to 万元 exactly, by moving the decimal point. An amount that in 万元
 * would have more than 15 significant digits (`999999999999999亿元`), or be closer to 0 than a
 * double holds exactly, is not converted: the reason is returned instead, for the cell to be
 * `invalid_number` (the model's value must be one its writers print and its readers read back).
 *
 * @param digits - A signed decimal string such as `251000` or `-12.5`.
 * @param unit - The unit it is written in.
 * @returns The value in 万元, or why there is none.
 */
export function toWanyuan(digits: string, unit: MoneyUnit): number | WanyuanProblem {
  const shift = UNIT_SHIFT.get(unit) ?? 0
  if (shift === 0) return Number(digits)
  const text = shiftDecimal(digits, shift)
  const significant = text
    .replace(/\.?0*$/u, '')
    .replace(/[-.]/gu, '')
    .replace(/^0+(?=\d)/u, '')
  if (significant.length > MAX_DIGITS) return 'tooLongInWanyuan'
  const value = Number(text)
  return tooSmall(value, text) ? 'tooSmall' : value
}

/** Whether a number printed as `digits` is not 0 but a double holds it with fewer digits (or as 0). */
function tooSmall(value: number, digits: string): boolean {
  return value === 0 ? /[1-9]/u.test(digits) : Math.abs(value) < MIN_NORMAL
}

function shiftDecimal(digits: string, places: number): string {
  const negative = digits.startsWith('-')
  const [intPart = '0', fracPart = ''] = digits.replace('-', '').split('.')
  const all = intPart + fracPart
  let point = intPart.length + places
  let padded = all
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + all
    point = 1
  } else if (point > all.length) {
    padded = all + '0'.repeat(point - all.length)
  }
  const text = `${padded.slice(0, point)}.${padded.slice(point) || '0'}`
  return `${negative ? '-' : ''}${text}`
}
