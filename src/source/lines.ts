/**
 * The line reader: plain text (copied, crawled, converted) into blocks. The
 * text adapter reads a whole input with it; the Markdown adapter reads the
 * paragraphs and code blocks that hold tab-separated or pipe rows with it, so
 * both reach the core the same way.
 *
 * Layouts it reads (all seen in real reports):
 * - tab-separated rows (`规章\t0\t0\t0`);
 * - one cell per line behind a leading tab, rows apart by blank lines, a cell
 *   broken over two lines (`\t本年新` / `制作数量`);
 * - one cell per line ending in ` |`, with `|||` filler lines (k pipes are k empty cells);
 * - pipe rows (`| a | b |`, also with full-width `｜`) and numbers apart by spaces (`0 0 0 0`);
 * - `--------` separator lines, Markdown headings and `**` in otherwise plain text.
 *
 * Tables come out with `grid: false`: in such text only the order of cells is sure.
 *
 * @module
 */

import type { Position } from '../model/types.js'
import type { SourceBlock, SourceCell, SourceRow } from './document.js'
import {
  LABEL_NUMBERS_LINE,
  NUMBERS_LINE,
  cellAt,
  numberCells,
  pipeCells,
  positionOf,
  startsWithSpace,
  tabCells,
  type Line,
  type LineKind
} from './line-cells.js'
import { MIN_TABLE_LINE, readFlatLine } from './flat.js'
import { tidyProse } from './tidy.js'
import type { LineIndex } from './position.js'

/** At most this many lines of a text are read as flattened reports or tables (three tables of a few reports): beyond, prose. */
const MAX_FLAT_LINES = 16

/** A line of rules only (`--------`, `|---|---|`, full-width `｜－｜－｜`), and the run of three it needs. */
const SEPARATOR = /^[\s\-–—－=_|｜:：+]*$/u
/** The characters other than white space that a rule line may start with (those of `SEPARATOR`). */
const RULE_START = new Set([...'-–—－=_|｜:：+'].map((char) => char.charCodeAt(0)))
const SEPARATOR_RUN = /[-–—－=_]{3}|(?:[|｜][-–—－=_:： ]+){2}[|｜]/u
const SECTION_LIKE = /^[\s\u3000]*(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+|\d+)[、.．]/u

/**
 * Read lines of plain text into blocks: text lines become paragraphs (or
 * headings behind `#`), runs of tab, pipe and number lines become tables with
 * `grid: false`.
 *
 * @param source - The text to read: the input, or a part of it (masked to the same length where container markers were blanked).
 * @param base - Offset of `source` in the input.
 * @param index - Line index of the whole input, for positions.
 * @param blocks - Where the blocks go, in order.
 */
export function readLines(source: string, base: number, index: LineIndex, blocks: SourceBlock[]): void {
  // Lines are read one at a time and dropped once read: only a table run's lines are kept together.
  const lines = new LineSplitter(source, base, index.at(base))
  let flatLines = 0
  let line = lines.next()
  while (line !== undefined) {
    if (line.kind === 'blank' || line.kind === 'separator') {
      line = lines.next()
    } else if (line.kind === 'text') {
      const flat = line.text.length < MIN_TABLE_LINE || flatLines >= MAX_FLAT_LINES ? undefined : readFlatLine(line.text, line)
      if (flat !== undefined) {
        flatLines++
        blocks.push(...flat)
        line = lines.next()
        continue
      }
      const text = tidyProse(line.text)
      if (text !== '' && !PAGE_MARK.test(text)) {
        const heading = /^[\s\u3000]*(#{1,6})[ \t]/u.exec(line.text)
        const block: SourceBlock =
          heading === null
            ? { type: 'paragraph', text, position: positionOf(line, 0) }
            : { type: 'heading', text, depth: (heading[1] as string).length, position: positionOf(line, 0) }
        blocks.push(block)
      }
      line = lines.next()
    } else {
      const run = [kept(line)]
      line = readTableRun(lines, run)
      blocks.push({ type: 'table', grid: false, rows: tableRows(run), position: positionOf(run[0] as Line, 0) })
    }
  }
}

/**
 * Whether any line of the text is a table line (tab-separated, pipe row, or a
 * label followed by numbers), or a whole report flattened onto one line.
 *
 * @param source - Some text.
 */
export function hasTableLines(source: string): boolean {
  if (source.includes('\t')) return true
  const lines = new LineSplitter(source, 0, { line: 1, column: 1, offset: 0 })
  for (let line = lines.next(); line !== undefined; line = lines.next()) {
    if (line.kind === 'pipe' || line.kind === 'numbers') return true
    if (line.kind === 'text' && line.text.length >= MIN_TABLE_LINE && readFlatLine(line.text, line) !== undefined) return true
  }
  return false
}

/** The lines of a text, one at a time, split at `\n`, `\r\n` and `\r` as {@link LineIndex} counts them. */
class LineSplitter {
  // The next \r, tab and bookmark at or after `from` (-1: none), each searched for again only once passed.
  private cr: number
  private tab: number
  private bookmark: number
  private from = 0
  private number: number
  private done = false
  private readonly line: Line

  /**
   * @param input - The text.
   * @param base - Its offset in the whole input.
   * @param start - Where it starts in the whole input.
   */
  constructor(
    private readonly input: string,
    private readonly base: number,
    private readonly start: Position
  ) {
    this.cr = input.indexOf('\r')
    this.tab = input.indexOf('\t')
    this.bookmark = input.indexOf(BOOKMARK)
    this.number = start.line
    this.line = { kind: 'blank', text: '', offset: 0, line: 0, column: 0, source: input, from: 0 }
  }

  /** The next line; `undefined` after the last. */
  next(): Line | undefined {
    if (this.done) return undefined
    const { input, from } = this
    let end = input.indexOf('\n', from)
    if (end < 0) end = input.length
    let next = end + 1
    if (this.cr >= 0 && this.cr < from) this.cr = input.indexOf('\r', from)
    if (this.cr >= 0 && this.cr < end) {
      end = this.cr
      next = input.charCodeAt(this.cr + 1) === 0x0a ? this.cr + 2 : this.cr + 1
    }
    if (this.tab >= 0 && this.tab < from) this.tab = input.indexOf('\t', from)
    if (this.bookmark >= 0 && this.bookmark < from) this.bookmark = input.indexOf(BOOKMARK, from)
    const text = input.slice(from, end)
    const kind = classify(text, this.tab >= 0 && this.tab < end, this.bookmark >= 0 && this.bookmark < end)
    const column = from === 0 ? this.start.column : 1
    // One record, rewritten for each line: a line kept past the next call is copied (`kept`).
    const line = this.line
    line.kind = kind
    line.text = text
    line.offset = this.base + from
    line.line = this.number
    line.column = column
    line.from = from
    if (end >= input.length) this.done = true
    this.from = next
    this.number++
    return line
  }
}

/** The last code unit of `text` that is not a space, no-break space or ideographic space; -1 if none. */
function lastVisible(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i)
    if (code !== 0x20 && code !== 0xa0 && code !== 0x3000) return code
  }
  return -1
}

/** Word bookmark debris starts so (`[bookmark: _Toc123]`). */
const BOOKMARK = '[bookmark:'

/** The kind of a line; `tab` and `bookmark`: whether it holds a tab, bookmark debris (found by the caller). */
function classify(text: string, tab: boolean, bookmark: boolean): LineKind {
  const cleaned = bookmark ? text.replace(/\[bookmark:[^\]]*\]/gu, '') : text
  // Each regex below needs a line that starts with white space or a rule character; most lines start with neither.
  const lead = cleaned === '' || startsWithSpace(cleaned)
  if (lead && /^[\s\u00a0\u3000\ufeff]*$/u.test(cleaned)) return 'blank'
  const rule = lead || RULE_START.has(cleaned.charCodeAt(0))
  if (tab && (!bookmark || cleaned.includes('\t')))
    return rule && SEPARATOR.test(cleaned) && SEPARATOR_RUN.test(cleaned) ? 'separator' : 'tab'
  if (rule && SEPARATOR.test(cleaned) && SEPARATOR_RUN.test(cleaned)) return 'separator'
  const last = lastVisible(cleaned)
  if (last === 0x7c || last === 0xff5c) return 'pipe'
  if (cleaned.length <= 200 && last >= 0x30 && last <= 0x39) {
    if (NUMBERS_LINE.test(cleaned) || (LABEL_NUMBERS_LINE.test(cleaned) && !SECTION_LIKE.test(cleaned))) return 'numbers'
  }
  return 'text'
}

/**
 * Read the rest of a table run into `run` (which holds its first line), and return the line after
 * it. A run goes on over blank and separator lines, and over text lines that continue a one-cell
 * line (`\t本年新` / `制作数量`, and the text lines right under such a continuation); blank and
 * separator lines at its end are not part of it. One pass, so its time is linear in the lines
 * however many follow.
 */
function readTableRun(lines: LineSplitter, run: Line[]): Line | undefined {
  let end = run.length
  /** Whether the line before is a one-cell tab line, or a text line that continues one. */
  let continues = isOneCellTabLine(run[0] as Line)
  let line = lines.next()
  for (; line !== undefined; line = lines.next()) {
    if (line.kind === 'blank' || line.kind === 'separator') {
      continues = false
      run.push(kept(line))
      continue
    }
    if (line.kind === 'text') {
      if (!continues || SECTION_LIKE.test(line.text) || /^\s*#/u.test(line.text)) break
    } else continues = isOneCellTabLine(line)
    run.push(kept(line))
    end = run.length
  }
  run.length = end
  return line
}

/** A copy of the splitter's line record, to keep past its next line. */
function kept(line: Line): Line {
  const { kind, text, offset, line: number, column, source, from } = line
  return { kind, text, offset, line: number, column, source, from }
}

function isOneCellTabLine(line: Line): boolean {
  return line.kind === 'tab' && isOneCellLine(line.text)
}

/** A line that is a page number only: `- 3 -`, `— 12 —`, `第3页`, `第 3 页 共 12 页` (layout, never a cell). */
const PAGE_MARK = /^(?:[-–—－]+\s*\d{1,4}\s*[-–—－]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?)$/u

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

/** How many tabs `text` starts with. */
function leadingTabs(text: string): number {
  let count = 0
  while (text.charCodeAt(count) === 0x09) count++
  return count
}

/** A tab line with one cell: tabs, then no tab (`\t本年新`). */
function isOneCellLine(text: string): boolean {
  const lead = leadingTabs(text)
  return lead > 0 && text.indexOf('\t', lead) < 0
}

function tableRows(lines: Line[]): SourceRow[] {
  let tabLines = 0
  let oneCellLines = 0
  for (const line of lines) {
    if (line.kind !== 'tab') continue
    tabLines++
    if (isOneCellLine(line.text)) oneCellLines++
  }
  const oneCellPerLine = tabLines > 0 && oneCellLines === tabLines
  const rows: SourceRow[] = []
  /** The cell a continuation was last joined to, and the last character joined. */
  let lastJoined: SourceCell | undefined
  let lastJoinedChar = 0
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'separator') continue
    if (line.kind === 'text') {
      const row = rows[rows.length - 1]
      const last = row?.cells.at(-1)
      const text = line.text.trim()
      if (row === undefined || last === undefined || PAGE_MARK.test(text)) continue
      // A label broken over two lines is joined; digits are never joined to digits (`168` over a page number `3` is not 1683).
      // (The last character is the continuation's own once joined: reading it from the joined text would flatten it every time.)
      const lastChar = last === lastJoined ? lastJoinedChar : last.text.charCodeAt(last.text.length - 1)
      if (isDigit(lastChar) || isDigit(text.charCodeAt(0))) {
        row.cells.push(cellAt(text, 0, line))
      } else {
        last.text += text
        lastJoined = last
        lastJoinedChar = text.charCodeAt(text.length - 1)
      }
      continue
    }
    let cells: SourceCell[]
    if (line.kind === 'tab') {
      if (oneCellPerLine) {
        cells = tabCells(line, leadingTabs(line.text))
      } else cells = tabCells(line, 0)
    } else cells = line.kind === 'pipe' ? pipeCells(line) : numberCells(line)
    rows.push({ cells, position: positionOf(line, 0) })
  }
  return rows
}
