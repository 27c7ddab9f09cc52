/**
 * Crawled text: a report whose body a crawler flattened onto one line, its tables' labels and
 * numbers run together (`…规章000行政规范性文件5845546第二十条第（五）项…`). The line is cut back into
 * blocks: the section headings wherever they stand, the prose between them, and for each table
 * the catalogue's labels found in it, each with the text up to the next label as its row's values.
 * Those values come out as one `glued` cell: where one number ends is for the core to decide, by
 * the arithmetic.
 *
 * @module
 */

import { labelCore, normalizeLabel } from '../core/normalize.js'
import {
  APPLICANT_COLUMNS,
  CATALOGUES,
  SECTION_HEADINGS,
  TABLE2_HEADER_LABELS,
  TABLE3_HEADER_LABELS,
  TABLE4_GROUPS,
  TABLE4_LITIGATION_LABELS,
  TABLE4_OUTCOMES
} from '../model/catalogue.js'
import { TABLE3_NOTE } from '../model/layout.js'
import type { Position } from '../model/types.js'
import type { SourceBlock, SourceCell, SourceRow } from './document.js'
import { positionOf, type Line } from './line-cells.js'

/** A label to look for: its normalised core (numbering removed), and whether it opens a row with values. */
interface FlatLabel {
  core: string
  row: boolean
}

/** Site chrome a crawler keeps after the article (`附件下载`): never part of the last section. */
const CHROME_AFTER = ['附件下载', '相关附件', '打印本页', '关闭窗口', '【打印】', '【关闭】', '扫一扫在手机打开当前页']

/** The text without the site chrome at its end. */
function withoutChrome(text: string): string {
  let rest = text.trim()
  for (let again = true; again;) {
    again = false
    for (const chrome of CHROME_AFTER) {
      if (rest.endsWith(chrome)) {
        rest = rest.slice(0, -chrome.length).trim()
        again = true
      }
    }
  }
  return rest
}

/** Texts of the three tables short enough to survive a broken label: a flattened report holds two of them at least. */
const FLAT_MARKERS = ['第二十条', '申请人', '结果维持', '尚未审结']
/** Shorter than this, a line is never a flattened report. */
export const MIN_FLAT_LINE = 200
/** The numerals of the six section headings, in order. */
const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const
/**
 * Where each table starts, by section index (1: table 二, 2: 三, 3: 四): the first of these, folded
 * as labels are. A region with none of them is prose, not a table (a report from before 2019 has
 * headings like these over prose).
 */
const TABLE_STARTS: Readonly<Record<number, readonly string[]>> = {
  1: ['第二十条', '信息内容'],
  2: ['(本列数据', '申请人情况'],
  3: ['行政复议', '行政诉讼', '结果维持']
}

const ALL_STARTS = Object.values(TABLE_STARTS).flat()

/** At most this many characters between a heading's `二、` and the fragment that names its section. */
const HEADING_GAP = 16
/** What may stand in a run of values: digits, white space, signs, a decimal point, money units. */
const RUN_CODES = new Set(Array.from('0123456789 \t\u00a0\u3000.+-−－–—元千万亿十百', (char) => char.charCodeAt(0)))
/** A numbering printed before a label's core: `2.`, `（三）`, `一、` (normalised: `2.`, `(三)`, `一,`). */
const NUMBERING_BEFORE = /(?:\d[.,:)]|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3},)$/u

/** Labels of both editions by their first character, longest first (built once). */
let byFirst: Map<string, FlatLabel[]> | undefined
function labels(): Map<string, FlatLabel[]> {
  if (byFirst !== undefined) return byFirst
  const all: FlatLabel[] = []
  const add = (texts: readonly string[], row: boolean): void => {
    for (const text of texts) all.push({ core: labelCore(normalizeLabel(text)), row })
  }
  for (const catalogue of Object.values(CATALOGUES)) {
    add(
      catalogue.table2Blocks.map((block) => block.caption),
      false
    )
    for (const column of catalogue.table2Columns) add(column.labels, false)
    for (const row of catalogue.table2Rows) add(row.labels, true)
    for (const row of catalogue.table3Rows) add(row.labels, true)
  }
  add(TABLE2_HEADER_LABELS.content, false)
  add([TABLE3_NOTE, ...TABLE3_HEADER_LABELS.applicants, ...TABLE3_HEADER_LABELS.organizations], false)
  for (const column of APPLICANT_COLUMNS) add(column.labels, false)
  add(TABLE4_LITIGATION_LABELS, false)
  for (const group of [...TABLE4_GROUPS, ...TABLE4_OUTCOMES]) add(group.labels, false)
  byFirst = new Map()
  for (const label of all) {
    const first = label.core[0] as string
    const list = byFirst.get(first) ?? []
    const same = list.find((other) => other.core === label.core)
    if (same === undefined) list.push(label)
    else same.row ||= label.row
    byFirst.set(first, list)
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.core.length - a.core.length)
  return byFirst
}

/** A line's text folded for searching (as `normalizeLabel` folds labels), with where each character came from. */
interface Folded {
  key: string
  from: Int32Array
}

const FOLDED_CHARS = new Map<string, string>()
function fold(text: string): Folded {
  const from = new Int32Array(text.length + 1)
  let key = ''
  let n = 0
  // Runs of characters that fold to themselves (CJK ideographs, ASCII letters and digits) are copied whole.
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a)
    ) {
      from[n++] = i
      continue
    }
    key += text.slice(run, i)
    run = i + 1
    const char = text[i] as string
    let folded = FOLDED_CHARS.get(char)
    if (folded === undefined) {
      folded = normalizeLabel(char)
      if (FOLDED_CHARS.size < 4096) FOLDED_CHARS.set(char, folded)
    }
    for (let j = 0; j < folded.length; j++) from[n++] = i
    key += folded
  }
  key += text.slice(run)
  from[n] = text.length
  return { key, from: from.subarray(0, n + 1) }
}

/** A section heading found in the key: the section's index (0 for 一), and where it starts and ends. */
interface Heading {
  section: number
  start: number
  end: number
}

const FRAGMENTS = SECTION_HEADINGS.map((section) => section.fragments.map((fragment) => normalizeLabel(fragment)))

/** The section headings in order, wherever they stand in the key; a section not found is skipped. */
function findHeadings(key: string): Heading[] {
  const headings: Heading[] = []
  let from = 0
  for (let section = 0; section < NUMERALS.length; section++) {
    const numbered = `${NUMERALS[section] as string},`
    for (let at = key.indexOf(numbered, from); at >= 0; at = key.indexOf(numbered, at + 1)) {
      const end = headingEnd(key, at + numbered.length, FRAGMENTS[section] as string[])
      if (end === undefined) continue
      headings.push({ section, start: at, end })
      from = end
      break
    }
  }
  return headings
}

/** Where a heading ends, when a fragment of its section follows its numbering closely (through `情况` just after it). */
function headingEnd(key: string, after: number, fragments: readonly string[]): number | undefined {
  const window = key.slice(after, after + HEADING_GAP + 16)
  let best: number | undefined
  for (const fragment of fragments) {
    const at = window.indexOf(fragment)
    if (at < 0 || at > HEADING_GAP || /[\d。]/u.test(window.slice(0, at))) continue
    const end = at + fragment.length
    if (best === undefined || end > best) best = end
  }
  if (best === undefined) return undefined
  // Through a `情况` just after (`行政法复议、行政诉讼情况`), but never into the next heading (`总体情况二、主动公开…情况`).
  const rest = /^(?:(?![一二三四五六七八九十],)[^\d。]){0,12}?情况/u.exec(window.slice(best))
  return after + best + (rest === null ? 0 : rest[0].length)
}

/**
 * Read a line as a flattened report, if it is one: at least two of the three table headings (二,
 * 三, 四) and labels of the format between them.
 *
 * @param text - The line's text.
 * @param line - The line, for positions.
 * @returns Its blocks, or `undefined` when it is not a flattened report.
 */
export function readFlatLine(text: string, line: Line): SourceBlock[] | undefined {
  if (text.length < MIN_TABLE_LINE) return undefined
  const at = (delta: number): Position => positionOf(line, delta)
  const whole = text.length >= MIN_FLAT_LINE && FLAT_MARKERS.filter((marker) => text.includes(marker)).length >= 2
  if (!whole && !mayHoldTable(text)) return undefined
  const { key, from } = fold(text)
  if (!whole) return flatTable(text, { key, from }, at)
  const headings = findHeadings(key)
  if (headings.filter((heading) => heading.section >= 1 && heading.section <= 3).length < 2) return flatTable(text, { key, from }, at)
  // Each table region from its first table text on; fewer than two tables: not a flattened report.
  const starts = headings.map((heading, i) => {
    const end = headings[i + 1]?.start ?? key.length
    const anchors = TABLE_STARTS[heading.section]
    if (anchors === undefined) return -1
    const found = anchors.map((anchor) => key.indexOf(anchor, heading.end)).filter((at) => at >= 0 && at < end)
    return found.length === 0 ? -1 : Math.min(...found)
  })
  if (starts.filter((start) => start >= 0).length < 2) return flatTable(text, { key, from }, at)
  const blocks: SourceBlock[] = []
  const original = (start: number, end: number): string => text.slice(from[start] as number, from[end] as number)
  const prose = (start: number, end: number): void => {
    const body = end === key.length ? withoutChrome(original(start, end)) : original(start, end).trim()
    if (body !== '') blocks.push({ type: 'paragraph', text: body, position: at(from[start] as number) })
  }
  prose(0, headings[0]?.start ?? key.length)
  headings.forEach((heading, i) => {
    blocks.push({ type: 'paragraph', text: original(heading.start, heading.end).trim(), position: at(from[heading.start] as number) })
    const end = headings[i + 1]?.start ?? key.length
    const start = starts[i] as number
    if (start < 0) {
      prose(heading.end, end)
      return
    }
    prose(heading.end, start)
    // Table 四 has no row labels: its values follow its header.
    const table = tableOf(text, { key, from }, start, end, heading.section !== 3, at)
    if (table !== undefined) blocks.push(table)
  })
  return blocks
}

/** Fewer labels than this in a line without the section headings, and it is not a table flattened onto it. */
const MIN_TABLE_LABELS = 6
/** A table flattened onto a line of its own starts this near the line's start (after a caption at most). */
const MAX_TABLE_LEAD = 64
/** Shorter than this, a line is never a table flattened onto it. */
export const MIN_TABLE_LINE = 40
/** Texts one of which a line holding a flattened table holds. */
const TABLE_LINE_MARKERS = ['第二十条', '申请人', '行政复议', '结果维持', '本年新收']

/**
 * A line that holds one or more tables flattened without their section headings (a crawl that
 * kept the headings on lines of their own): from the first table text on, one table region, if it
 * starts the line, holds labels enough and no sentence. Its values after a label of table 四's
 * header go in a row of their own.
 */
function flatTable(text: string, folded: Folded, at: (delta: number) => Position): SourceBlock[] | undefined {
  const { key, from } = folded
  const starts = ALL_STARTS.map((anchor) => key.indexOf(anchor)).filter((start) => start >= 0)
  if (starts.length === 0) return undefined
  const start = Math.min(...starts)
  // A table, not prose that names its rows (`其中予以公开35件，部分公开…`): near the start, no sentence in it.
  if (start > MAX_TABLE_LEAD || key.includes('。', start)) return undefined
  const found = findLabels(key, start, key.length)
  if (found.length < MIN_TABLE_LABELS) return undefined
  const table = tableOf(text, folded, start, key.length, true, at, found)
  if (table === undefined) return undefined
  const before = text.slice(0, from[start] as number).trim()
  return before === '' ? [table] : [{ type: 'paragraph', text: before, position: at(0) }, table]
}

/** Whether a line may be a table flattened onto it, before it is folded: a table text near its start, and no sentence after. */
function mayHoldTable(text: string): boolean {
  const head = text.slice(0, 2 * MAX_TABLE_LEAD + 8)
  let first = -1
  for (const marker of TABLE_LINE_MARKERS) {
    const at = head.indexOf(marker)
    if (at >= 0 && (first < 0 || at < first)) first = at
  }
  // The lead allows for white space the folded key drops.
  return first >= 0 && first <= 2 * MAX_TABLE_LEAD && text.indexOf('。', first) < 0
}

/** A table region of the key: each label found in it, with the text after it up to the next. */
function tableOf(
  text: string,
  { key, from }: Folded,
  start: number,
  end: number,
  rowLabels: boolean,
  at: (delta: number) => Position,
  found = findLabels(key, start, end)
): SourceBlock | undefined {
  if (found.length === 0) return undefined
  const rows: SourceRow[] = []
  const cell = (first: number, last: number): SourceCell => ({ text: text.slice(first, last).trim(), position: at(first) })
  const addText = (first: number, last: number): void => {
    if (text.slice(first, last).trim() !== '') rows.push({ cells: [cell(first, last)] })
  }
  addText(from[start] as number, from[(found[0] as FoundLabel).start] as number)
  found.forEach((label, i) => {
    const labelStart = from[label.start] as number
    let labelEnd = from[label.end] as number
    const next = from[found[i + 1]?.start ?? end] as number
    // A bracketed note right after the label is part of it: `本年收费金额（单位：万元）`.
    const bracket = text
      .slice(labelEnd, labelEnd + 2)
      .trimStart()
      .charCodeAt(0)
    const note = bracket === 0xff08 || bracket === 0x28 ? /^\s*[（(][^（()）]{0,40}[)）]/u.exec(text.slice(labelEnd, next)) : null
    if (note !== null) labelEnd += note[0].length
    let runEnd = labelEnd
    while (runEnd < next && RUN_CODES.has(text.charCodeAt(runEnd))) runEnd++
    const run = text.slice(labelEnd, runEnd)
    const labelCell = cell(labelStart, labelEnd)
    if (!/\d/u.test(run)) {
      rows.push({ cells: [labelCell] })
      addText(labelEnd, next)
      return
    }
    const runCell: SourceCell = { ...cell(labelEnd, runEnd), glued: true }
    if (label.row && rowLabels) rows.push({ cells: [labelCell, runCell] })
    else rows.push({ cells: [labelCell] }, { cells: [runCell] })
    addText(runEnd, next)
  })
  return { type: 'table', grid: false, rows, position: at(from[start] as number) }
}

/** A label found in the key: where it starts (its numbering included) and ends, and whether it opens a row. */
interface FoundLabel {
  start: number
  end: number
  row: boolean
}

/** The labels in a region of the key, left to right, the longest at each place, none inside another. */
function findLabels(key: string, start: number, end: number): FoundLabel[] {
  const index = labels()
  const found: FoundLabel[] = []
  let i = start
  while (i < end) {
    const candidates = index.get(key[i] as string)
    const label = candidates?.find((candidate) => i + candidate.core.length <= end && key.startsWith(candidate.core, i))
    if (label === undefined) {
      i++
      continue
    }
    const floor = found.at(-1)?.end ?? start
    const numbering = NUMBERING_BEFORE.exec(key.slice(Math.max(floor, i - 5), i))
    found.push({ start: i - (numbering?.[0].length ?? 0), end: i + label.core.length, row: label.row })
    i += label.core.length
  }
  return found
}
