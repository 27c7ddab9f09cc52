/**
 * Figures the narrative states that the tables hold (`本年度共收到政府信息公开申请859件`): each clause
 * of each sentence of the sections' prose, read with the phrasings of model/phrasings.ts. A figure
 * is taken only when its clause holds exactly one figure, in its unit, the words of exactly one
 * phrasing before it, and no word that makes it another quantity (a previous year's, a county-wide
 * total, a share, a rank, an approximation). One pass over the text; each clause looked at once.
 *
 * @module
 */

import { MONEY_UNITS } from '../model/catalogue.js'
import { CLAUSE_ENDS, COUNT_UNIT, PHRASINGS, SENTENCE_ENDS, STATEMENT_DECOYS, type Phrasing } from '../model/phrasings.js'
import { pathNames } from '../model/paths.js'
import type { Edition, Position, Statement } from '../model/types.js'
import type { NarrativePart } from './meta.js'
import { toWanyuan } from './number.js'
import { chineseYearBefore } from './numerals.js'

/** A sentence longer than this is not read: its scope cannot be told with confidence. */
export const MAX_SENTENCE = 400
/** A clause longer than this is not read. */
const MAX_CLAUSE = 120
/** Money units, longest first (`万元` before `元`). */
const UNITS = MONEY_UNITS.map(({ unit }) => unit).sort((a, b) => b.length - a.length)
const SENTENCE_END = new Set([...SENTENCE_ENDS].map((c) => c.charCodeAt(0)))
const CLAUSE_END = new Set([...CLAUSE_ENDS, ...SENTENCE_ENDS].map((c) => c.charCodeAt(0)))

/** What statements are read with. */
export interface StatementContext {
  /** The report's edition: phrasings of the other edition's cells are not read. */
  edition: Edition
  /** The report's year: a sentence naming another year before its figure states none of this report's (`null`: one naming any year states none). */
  year: number | null
  /** Every cell path of the edition, to list a group's cells. */
  paths: readonly string[]
  /** Whether a sentence's position is its paragraph's moved on by its place in it (plain text, where the paragraph is the line as printed). */
  shift: boolean
}

/** Any word of any phrasing (they are plain text: no character of them is special in a pattern). */
const ANY_WORD = new RegExp([...new Set(PHRASINGS.flatMap((phrasing) => phrasing.words.flat()))].join('|'), 'u')

/** A span of a text: `[start, end)`. */
type Span = readonly [number, number]

/**
 * The statements of a report's narrative, in document order.
 *
 * @param narrative - The sections with their paragraphs.
 * @param context - Edition, year, cell paths, positions.
 */
export function readStatements(narrative: readonly NarrativePart[], context: StatementContext): Statement[] {
  const phrasings = PHRASINGS.filter((phrasing) => phrasing.editions?.includes(context.edition) ?? true)
  const statements: Statement[] = []
  for (const part of narrative) {
    for (const paragraph of part.paragraphs) readParagraph(paragraph, phrasings, context, statements)
  }
  return statements
}

/** Read each sentence of a paragraph. */
function readParagraph(
  paragraph: NarrativePart['paragraphs'][number],
  phrasings: readonly Phrasing[],
  context: StatementContext,
  out: Statement[]
): void {
  const text = paragraph.text
  // Most paragraphs state no figure, and most sentences: a native search finds the next digit.
  let digit = nextDigit(text, 0)
  let start = 0
  for (let i = 0; digit >= 0 && i <= text.length; i++) {
    if (i < text.length && !SENTENCE_END.has(text.charCodeAt(i))) continue
    const end = i < text.length ? i + 1 : i
    if (digit < end) {
      if (end - start <= MAX_SENTENCE) readSentence(text.slice(start, end), start, paragraph.position, phrasings, context, out)
      digit = nextDigit(text, end)
    }
    start = end
  }
}

/** Where the next digit (ASCII or full-width) at or after `from` stands, or -1. */
function nextDigit(text: string, from: number): number {
  DIGITS.lastIndex = from
  return DIGITS.exec(text)?.index ?? -1
}

/** A digit, ASCII or full-width (searched from `lastIndex`). */
const DIGITS = /[0-9０-９]/gu

/** Whether the character at `i` is a digit, ASCII or full-width. */
function digitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)
}

const FULL_WIDTH = /[０-９．]/u
/** A text with full-width digits and points as ASCII, the same length. */
function asciiDigits(text: string): string {
  if (!FULL_WIDTH.test(text)) return text
  return text.replace(/[０-９．]/gu, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
}

/** Read each clause of a sentence. */
function readSentence(
  printed: string,
  offset: number,
  at: Position | undefined,
  phrasings: readonly Phrasing[],
  context: StatementContext,
  out: Statement[]
): void {
  const sentence = asciiDigits(printed)
  let start = 0
  for (let i = 0; i <= sentence.length; i++) {
    if (i < sentence.length && !CLAUSE_END.has(sentence.charCodeAt(i))) continue
    if (i - start <= MAX_CLAUSE) {
      const statement = readClause(sentence, start, i, phrasings, context)
      if (statement !== undefined) {
        const lead = printed.length - printed.trimStart().length
        const text = printed.trim()
        const position = at === undefined ? undefined : context.shift ? shifted(at, offset + lead) : at
        out.push({ ...statement, text, ...(position === undefined ? {} : { position }) })
      }
    }
    start = i + 1
  }
}

function shifted(at: Position, by: number): Position {
  return { line: at.line, column: at.column + by, offset: at.offset + by }
}

/** The one figure of a clause and the years it names, or `undefined` when it holds no figure or several. */
function figureOf(sentence: string, from: number, to: number): { start: number; end: number } | undefined | null {
  let figure: { start: number; end: number } | undefined
  for (let i = from; i < to; i++) {
    if (!digitAt(sentence, i)) continue
    let end = i
    while (end < to && digitAt(sentence, end)) end++
    if (sentence[end] === '.' && digitAt(sentence, end + 1)) {
      end++
      while (end < to && digitAt(sentence, end)) end++
    }
    const isYear = end - i === 4 && sentence[end] === '年'
    if (!isYear) {
      if (figure !== undefined) return null
      figure = { start: i, end }
    }
    i = end - 1
  }
  return figure
}

/** The statement of one clause (`sentence.slice(from, to)`), without its sentence's text and position. */
function readClause(
  sentence: string,
  from: number,
  to: number,
  phrasings: readonly Phrasing[],
  context: StatementContext
): Omit<Statement, 'text' | 'position'> | undefined {
  const figure = figureOf(sentence, from, to)
  if (figure === undefined || figure === null) return undefined
  const before = sentence.slice(from, figure.start)
  // Most clauses with a figure hold no word of any phrasing: one search tells.
  if (!ANY_WORD.test(before)) return undefined
  const clause = sentence.slice(from, to)
  const digits = sentence.slice(figure.start, figure.end)
  // The words of each phrasing before the figure; a phrasing whose words another's hold gives way.
  const found: { phrasing: Phrasing; spans: Span[] }[] = []
  for (const phrasing of phrasings) {
    const spans = wordsIn(before, phrasing.words)
    if (spans !== undefined) found.push({ phrasing, spans })
  }
  const kept = found.filter((one) => !found.some((other) => other !== one && holds(other.spans, one.spans)))
  if (kept.length !== 1) return undefined
  const { phrasing, spans } = kept[0] as (typeof kept)[number]
  // The unit right after the figure.
  const rest = sentence.slice(figure.end, to)
  let unit: string | undefined
  if (phrasing.unit === 'count') unit = rest.startsWith(COUNT_UNIT) && !digits.includes('.') ? COUNT_UNIT : undefined
  else unit = UNITS.find((candidate) => rest.startsWith(candidate))
  if (unit === undefined) return undefined
  const after = rest.slice(unit.length)
  if (STATEMENT_DECOYS.after.some((word) => rest.startsWith(word) || after.startsWith(word))) return undefined
  if (STATEMENT_DECOYS.before.some((word) => before.endsWith(word))) return undefined
  if (STATEMENT_DECOYS.clause.some((word) => clause.includes(word))) return undefined
  const lead = sentence.slice(0, figure.start)
  const covered = spans.map(([start, end]): Span => [start + from, end + from])
  if (STATEMENT_DECOYS.sentence.some((word) => occursOutside(lead, word, covered))) return undefined
  if (!yearsAre(lead, context.year)) return undefined
  if (phrasing.context !== undefined && !phrasing.context.some((word) => sentence.includes(word))) return undefined
  const value = phrasing.unit === 'count' ? Number(digits) : toWanyuan(digits, unit)
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  const cells = cellsOf(phrasing, context.paths)
  if (cells.length === 0) return undefined
  // A copy: the list is shared by every report of the edition.
  return { path: phrasing.path, cells: [...cells], value, unit }
}

/** The cells each phrasing states, per list of an edition's paths (worked out once). */
const STATED = new WeakMap<readonly string[], Map<Phrasing, readonly string[]>>()

/** The cells of `paths` a phrasing states: its cells, a group's every cell. */
function cellsOf(phrasing: Phrasing, paths: readonly string[]): readonly string[] {
  let byPhrasing = STATED.get(paths)
  if (byPhrasing === undefined) STATED.set(paths, (byPhrasing = new Map()))
  let cells = byPhrasing.get(phrasing)
  if (cells === undefined) byPhrasing.set(phrasing, (cells = paths.filter((path) => phrasing.cells.some((cell) => pathNames(cell, path)))))
  return cells
}

/** Where one word of each entry stands in a text (the first found of each), or `undefined` when an entry has none there. */
function wordsIn(text: string, words: Phrasing['words']): Span[] | undefined {
  const spans: Span[] = []
  for (const entry of words) {
    let span: Span | undefined
    for (const word of entry) {
      const at = text.indexOf(word)
      if (at >= 0 && (span === undefined || word.length > span[1] - span[0])) span = [at, at + word.length]
    }
    if (span === undefined) return undefined
    spans.push(span)
  }
  return spans
}

/** Whether every span of `inner` lies inside one of `outer`, and `outer` covers more. */
function holds(outer: readonly Span[], inner: readonly Span[]): boolean {
  const inside = inner.every(([start, end]) => outer.some(([s, e]) => s <= start && end <= e))
  const length = (spans: readonly Span[]): number => spans.reduce((sum, [s, e]) => sum + e - s, 0)
  return inside && length(outer) > length(inner)
}

/** Characters before a word of time that make it a comparison (`较去年`), said in its own clause, not a scope. */
const COMPARED = new Set(['较', '比', '同'])

/**
 * Whether a word occurs in a text outside the spans (a phrasing's own words: `上年度结转` is not
 * `上年度`), and not as a comparison (`较去年`: a clause decoy where it stands).
 */
function occursOutside(text: string, word: string, spans: readonly Span[]): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (COMPARED.has(text[at - 1] as string)) continue
    if (!spans.some(([start, end]) => start <= at && at + word.length <= end)) return true
  }
  return false
}

/** Whether every year a text names (`2023年`, `二〇二三年`) is the report's year; with no year known, whether it names none. */
function yearsAre(text: string, year: number | null): boolean {
  for (let at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
    const chinese = chineseYearBefore(text, at)
    if (chinese !== undefined && chinese !== year) return false
    if (at < 4 || !digitAt(text, at - 1)) continue
    const named = Number(text.slice(at - 4, at))
    if (!Number.isInteger(named) || (at > 4 && digitAt(text, at - 5))) continue
    if (named !== year) return false
  }
  return true
}
