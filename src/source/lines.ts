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
import { tidyCell, tidyProse } from './tidy.js'
import type { LineIndex } from './position.js'

type LineKind = 'blank' | 'separator' | 'tab' | 'pipe' | 'numbers' | 'text'

interface Line {
  kind: LineKind
  text: string
  offset: number
}

/** A line of rules only (`--------`, `|---|---|`, full-width `｜－｜－｜`), and the run of three it needs. */
const SEPARATOR = /^[\s\-–—－=_|｜:：+]*$/u
const SEPARATOR_RUN = /[-–—－=_]{3}|(?:[|｜][-–—－=_:： ]+){2}[|｜]/u
const SECTION_LIKE = /^[\s\u3000]*(?:#{1,6}\s*)?(?:[一二三四五六七八九十]+|\d+)[、.．]/u
const NUMBER_TOKEN = String.raw`[-+]?\d[\d.,]*%?`
const NUMBER_TOKENS = new RegExp(NUMBER_TOKEN, 'gu')
const NUMBERS_LINE = new RegExp(String.raw`^[ \u00a0\u3000]*${NUMBER_TOKEN}(?:[ \u00a0\u3000]+${NUMBER_TOKEN})+[ \u00a0\u3000]*$`, 'u')
const LABEL_NUMBERS_LINE = new RegExp(
  String.raw`^[ \u00a0\u3000]*([^\s\d。；;，,][^。；;]{0,29}?[^\s\d])[ \u00a0\u3000]+(${NUMBER_TOKEN}(?:[ \u00a0\u3000]+${NUMBER_TOKEN})*)[ \u00a0\u3000]*$`,
  'u'
)

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
  const lines = splitLines(source, base)
  let i = 0
  while (i < lines.length) {
    const line = lines[i] as Line
    if (line.kind === 'blank' || line.kind === 'separator') {
      i++
    } else if (line.kind === 'text') {
      const text = tidyProse(line.text)
      if (text !== '') {
        const heading = /^[\s\u3000]*(#{1,6})[ \t]/u.exec(line.text)
        const block: SourceBlock =
          heading === null
            ? { type: 'paragraph', text, position: index.at(line.offset) }
            : { type: 'heading', text, depth: (heading[1] as string).length, position: index.at(line.offset) }
        blocks.push(block)
      }
      i++
    } else {
      const end = tableRunEnd(lines, i)
      blocks.push({ type: 'table', grid: false, rows: tableRows(lines.slice(i, end), index), position: index.at(line.offset) })
      i = end
    }
  }
}

/**
 * Whether any line of the text is a table line (tab-separated, pipe row, or a
 * label followed by numbers).
 *
 * @param source - Some text.
 */
export function hasTableLines(source: string): boolean {
  if (source.includes('\t')) return true
  return splitLines(source, 0).some((line) => line.kind === 'pipe' || line.kind === 'numbers')
}

function splitLines(input: string, base: number): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let i = 0; i <= input.length; i++) {
    const code = i === input.length ? -1 : input.charCodeAt(i)
    if (code !== -1 && code !== 0x0a && code !== 0x0d) continue
    const text = input.slice(start, i)
    lines.push({ kind: classify(text), text, offset: base + start })
    if (code === 0x0d && input.charCodeAt(i + 1) === 0x0a) i++
    start = i + 1
  }
  return lines
}

function classify(text: string): LineKind {
  const cleaned = text.includes('[bookmark:') ? text.replace(/\[bookmark:[^\]]*\]/gu, '') : text
  if (/^[\s\u00a0\u3000\ufeff]*$/u.test(cleaned)) return 'blank'
  if (cleaned.includes('\t')) return SEPARATOR.test(cleaned) && SEPARATOR_RUN.test(cleaned) ? 'separator' : 'tab'
  if (SEPARATOR.test(cleaned) && SEPARATOR_RUN.test(cleaned)) return 'separator'
  if (/[|｜][ \u00a0\u3000]*$/u.test(cleaned)) return 'pipe'
  if (cleaned.length <= 200 && /\d[ \u00a0\u3000]*$/u.test(cleaned)) {
    if (NUMBERS_LINE.test(cleaned) || (LABEL_NUMBERS_LINE.test(cleaned) && !SECTION_LIKE.test(cleaned))) return 'numbers'
  }
  return 'text'
}

/** A table run goes on over blank and separator lines, and over lines that continue a one-cell line. */
function tableRunEnd(lines: Line[], start: number): number {
  let end = start + 1
  for (let i = start + 1; i < lines.length; i++) {
    const kind = (lines[i] as Line).kind
    if (kind === 'blank' || kind === 'separator') continue
    if (kind === 'text' && !isContinuation(lines, i)) break
    end = i + 1
  }
  return end
}

/** A text line right under a one-cell tab line (`\t本年新` / `制作数量`) continues that cell. */
function isContinuation(lines: Line[], i: number): boolean {
  const line = lines[i] as Line
  const previous = lines[i - 1]
  if (previous === undefined || line.kind !== 'text') return false
  if (SECTION_LIKE.test(line.text) || /^\s*#/u.test(line.text)) return false
  return previous.kind === 'tab' && /^\t+[^\t]*$/u.test(previous.text) ? true : previous.kind === 'text' && isContinuation(lines, i - 1)
}

function tableRows(lines: Line[], index: LineIndex): SourceRow[] {
  const tabLines = lines.filter((line) => line.kind === 'tab')
  const oneCellPerLine = tabLines.length > 0 && tabLines.every((line) => /^\t+[^\t]*$/u.test(line.text))
  const rows: SourceRow[] = []
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'separator') continue
    if (line.kind === 'text') {
      const last = rows[rows.length - 1]?.cells.at(-1)
      if (last !== undefined) last.text += line.text.trim()
      continue
    }
    const at = lineAt(index.at(line.offset))
    const cells =
      line.kind === 'tab'
        ? oneCellPerLine
          ? [cellAt(line.text.replace(/^\t+/u, ''), line.text.length - line.text.replace(/^\t+/u, '').length, at)]
          : splitCells(line, '\t', at)
        : line.kind === 'pipe'
          ? pipeCells(line, at)
          : numberCells(line, at)
    rows.push({ cells, position: at(0) })
  }
  return rows
}

/** Positions on one line: the position of the column `delta` code units after the line's start. */
type LineAt = (delta: number) => Position

function lineAt(start: Position): LineAt {
  return (delta) => ({ line: start.line, column: start.column + delta, offset: start.offset + delta })
}

/** A cell `delta` code units into its line, placed at its first character that is not white space. */
function cellAt(text: string, delta: number, at: LineAt): SourceCell {
  const lead = text.length - text.trimStart().length
  return { text: tidyCell(text), position: at(delta + lead) }
}

function splitCells(line: Line, separator: string, at: LineAt): SourceCell[] {
  const cells: SourceCell[] = []
  let delta = 0
  for (const part of line.text.split(separator)) {
    cells.push(cellAt(part, delta, at))
    delta += part.length + separator.length
  }
  return cells
}

/** `X |` is one cell; `|||` is three empty cells; `| a | b |` is a pipe row. Full-width `｜` counts as `|`; `\|` is a literal pipe. */
function pipeCells(line: Line, at: LineAt): SourceCell[] {
  const body = line.text.replace(/[ \u00a0\u3000]+$/u, '')
  if (/^[ \u00a0\u3000]*[|｜]+$/u.test(body)) {
    const count = (body.match(/[|｜]/gu) ?? []).length
    return Array.from({ length: count }, () => ({ text: '', position: at(0) }))
  }
  const leading = /^[ \u00a0\u3000]*[|｜]/u.exec(body)
  const start = leading === null ? 0 : leading[0].length
  const inner = body.slice(start, -1)
  const cells: SourceCell[] = []
  let delta = start
  for (const part of inner.split(/(?<!\\)[|｜]/u)) {
    cells.push(cellAt(part.replace(/\\\|/gu, '|'), delta, at))
    delta += part.length + 1
  }
  return cells
}

/** `0 0 0 0` or `规章 0 0 0`: cells apart by spaces. */
function numberCells(line: Line, at: LineAt): SourceCell[] {
  const cells: SourceCell[] = []
  const labelled = NUMBERS_LINE.test(line.text) ? null : LABEL_NUMBERS_LINE.exec(line.text)
  let rest = line.text
  let base = 0
  if (labelled !== null) {
    const label = labelled[1] as string
    const start = line.text.indexOf(label)
    cells.push({ text: label.trim(), position: at(start) })
    rest = line.text.slice(start + label.length)
    base = start + label.length
  }
  for (const match of rest.matchAll(NUMBER_TOKENS)) cells.push({ text: match[0], position: at(base + match.index) })
  return cells
}
