/**
 * The title of a report in its body: near the top, before the first section heading or table, on
 * one line or broken over up to three (`2024 年某某委政府信息公开工作` / `年度报告`, as PDF
 * conversions break it, at any character), letter-spaced or not, behind a crawler's key or not.
 *
 * @module
 */

import type { Position } from '../model/types.js'
import { compactTitle, readTitle, TITLE_WORDS, withoutKey, type isName } from './identity.js'
import { CHINESE_MONTH_DAY } from './numerals.js'
import { tidyProse } from './normalize.js'
import type { ParagraphToken } from './tokens.js'

/** The document's blocks in order: a paragraph, or `null` for a table. */
export type Blocks = readonly (ParagraphToken | null)[]

/** A report's title found in its body. */
export interface FoundTitle {
  /** The title as printed: its lines joined, white space and a crawler's key removed. */
  text: string
  /** The same, full-width forms of ASCII folded: what its organisation and year are read from. */
  compact: string
  /** Where its first line starts. */
  position?: Position | undefined
}

/** A title is looked for in the first this many blocks. */
const MAX_TITLE_BLOCK = 1000
/** The most lines a title is broken over. */
const MAX_TITLE_LINES = 3
/** The longest line that is part of a broken title (compacted). */
const MAX_PART = 48
/** The longest title (compacted). */
const MAX_TITLE = 96
/** A paragraph longer than this (as printed) is never a line of a title. */
const MAX_LINE = 400
/** Characters of a line that carries on a broken title: a body's name, a year (`○`, U+25CB, is no Han character), the title's words. */
const PART_CHARACTERS = /^[\p{Script=Han}A-Za-z0-9()·、○]+$/u
/** A date on a line of its own (`2025年1月20日`, `二〇二五年一月二十日`): a publication date, never part of a title. */
const DATE_LINE = /\d{1,2}月\d{1,2}日/u

/** One paragraph as a possible line of a title. */
interface Line {
  /** Tidied, white space removed, as printed. */
  text: string
  /** Full-width forms of ASCII folded, a crawler's key off. */
  compact: string
  /** Whether it started with a crawler's key (`标题：`): a title starts there. */
  keyed: boolean
  /** Whether it can be a line before a title's last: title characters only, short, no date. */
  part: boolean
  /** Whether it can be a title's last line: short, not a sentence. */
  last: boolean
}

/**
 * The first title before `end`. Its last line is the first whose words, joined to the lines before
 * it that can carry on a title (title characters only, no date; up to three lines in all), end a
 * title (`政府信息公开…报告`). Of the lines before it, as many are joined as still leave the words
 * before the year one body's name ({@link isName}), the longest first: a title broken inside its
 * organisation (`某某县人民政` / `府2024年…`) is read whole, a column's name above a title
 * (`政务公开`) is not joined. A line that only repeats the organisation (a letterhead) is not
 * joined either. When no joining names a body, the fewest lines that hold the title's words are
 * the title, with no organisation; a later title that names one is then taken instead (a
 * breadcrumb holding the title's words stands above the title itself).
 *
 * @param document - The document's blocks.
 * @param end - Where the body starts (the first section heading or table).
 * @param rows - The text of each table of one short row, by block index: a line of a title a reader took for a row.
 */
export function findTitle(document: Blocks, end: number, rows: ReadonlyMap<number, string> = new Map()): FoundTitle | null {
  // A report read from the middle of a document (`parseReports`) has its first block past 0.
  let first = 0
  while (first < end && document[first] === undefined) first++
  const limit = Math.min(end, first + MAX_TITLE_BLOCK)
  const lines: (Line | null | undefined)[] = []
  const lineAt = (i: number): Line | null => {
    if (lines[i] === undefined) {
      const row = document[i] === null ? rows.get(i) : undefined
      lines[i] = row === undefined ? lineOf(document[i]) : partOf(row)
    }
    return lines[i] as Line | null
  }
  let found: FoundTitle | null = null
  for (let j = first; j < limit; j++) {
    const title = titleEndingAt(j, first, lineAt, document)
    if (title === null) continue
    // A title that names no body (a breadcrumb holding the title's words) gives way to a later one that does.
    if (readTitle(title.compact).organization !== null) return title
    found ??= title
  }
  return found
}

/** The title whose last line is block `j`, if one ends there. */
function titleEndingAt(j: number, first: number, lineAt: (i: number) => Line | null, document: Blocks): FoundTitle | null {
  const last = lineAt(j)
  if (last === null || !last.last) return null
  // The lines that may be joined before it: parts, back to a crawler's key.
  const window: Line[] = [last]
  while (!(window[0] as Line).keyed && j - window.length >= first && window.length < MAX_TITLE_LINES) {
    const previous = lineAt(j - window.length)
    if (previous === null || !previous.part) break
    window.unshift(previous)
  }
  // A crawler's key is taken off the joined lines too: a key broken over two lines is still a key.
  const joined = (from: number): string => {
    const compact = window
      .slice(from)
      .map((line) => line.compact)
      .join('')
    return withoutKey(compact) ?? compact
  }
  if (!TITLE_WORDS.test(joined(0))) return null
  let chosen = -1
  for (let from = 0; from < window.length && chosen < 0; from++) {
    if (!TITLE_WORDS.test(joined(from))) break
    const organization = readTitle(joined(from)).organization
    const letterhead = from + 1 < window.length && (window[from] as Line).compact === readTitle(joined(from + 1)).organization
    if (organization !== null && !letterhead) chosen = from
  }
  if (chosen < 0) {
    // No joining names a body: the fewest lines that hold the title's words.
    chosen = window.length - 1
    while (chosen > 0 && !TITLE_WORDS.test(joined(chosen))) chosen--
  }
  const compact = joined(chosen)
  if (compact.length > MAX_TITLE) return null
  const printed = window
    .slice(chosen)
    .map((line) => withoutKey(line.text) ?? line.text)
    .join('')
  const text = withoutKey(printed) ?? printed
  return { text, compact, position: document[j - window.length + 1 + chosen]?.position }
}

/**
 * A table of one short row, as a line that may carry on a title: a letter-spaced line of a broken
 * title that ends in a digit (`东 东 省 人 民 政 府 2` / `0 2 4 年…`) reads as a label and a value.
 */
function partOf(row: string): Line | null {
  const line = lineOf({ kind: 'paragraph', text: row, normalized: '', block: -1, heading: false })
  return line === null ? null : { ...line, last: false }
}

function lineOf(block: ParagraphToken | null | undefined): Line | null {
  if (block === null || block === undefined || block.text.length > MAX_LINE) return null
  const text = tidyProse(block.text).replace(/\s+/gu, '')
  if (text === '') return null
  const folded = compactTitle(text)
  const unkeyed = withoutKey(folded)
  const compact = unkeyed ?? folded
  return {
    text,
    compact,
    keyed: unkeyed !== undefined,
    part: compact.length <= MAX_PART && PART_CHARACTERS.test(compact) && !DATE_LINE.test(compact) && !CHINESE_MONTH_DAY.test(compact),
    last: compact.length <= MAX_TITLE && !/[。；;]/u.test(compact)
  }
}

/**
 * Whether a paragraph reads as a report's title on one line (`…政府信息公开工作年度报告`, not a sentence).
 *
 * @param text - The paragraph as printed.
 */
export function isTitle(text: string): boolean {
  const compact = compactTitle(tidyProse(text))
  return TITLE_WORDS.test(compact) && compact.length <= 80 && !/[。；]/u.test(compact)
}
