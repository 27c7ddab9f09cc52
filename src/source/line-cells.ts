/**
 * The lines of plain text and the cells of table lines: tab-separated, pipe rows and `X |` cells,
 * numbers apart by spaces. The line reader (lines.ts) splits and classifies the lines.
 *
 * @module
 */

import type { Position } from '../model/types.js'
import type { SourceCell } from './document.js'
import { isWhiteSpace, tidyCell } from './tidy.js'

/** What a line of text is. */
export type LineKind = 'blank' | 'separator' | 'tab' | 'pipe' | 'numbers' | 'text'

/** A line of the text, with where it stands. */
export interface Line {
  /** What it is. */
  kind: LineKind
  /** Its text. */
  text: string
  /** Offset of its start in the input. */
  offset: number
  /** Its line number in the input (1-based). */
  line: number
  /** The column of its start in the input (1-based: 1 except where `source` starts inside a line). */
  column: number
  /** The text it was split from: scanning that flat string is faster than scanning `text`, a slice of it. */
  source: string
  /** Where it starts in `source`. */
  from: number
}

const NUMBER_TOKEN = String.raw`[-+]?\d[\d.,]*%?`
const NUMBER_TOKENS = new RegExp(NUMBER_TOKEN, 'gu')
/** A line of numbers apart by spaces (`0 0 0 0`). */
export const NUMBERS_LINE = new RegExp(
  String.raw`^[ \u00a0\u3000]*${NUMBER_TOKEN}(?:[ \u00a0\u3000]+${NUMBER_TOKEN})+[ \u00a0\u3000]*$`,
  'u'
)
/** A short label, then numbers apart by spaces (`规章 0 0 0`). */
export const LABEL_NUMBERS_LINE = new RegExp(
  String.raw`^[ \u00a0\u3000]*([^\s\d。；;，,][^。；;]{0,29}?[^\s\d])[ \u00a0\u3000]+(${NUMBER_TOKEN}(?:[ \u00a0\u3000]+${NUMBER_TOKEN})*)[ \u00a0\u3000]*$`,
  'u'
)

/** The position `delta` code units into a line. */
export function positionOf(line: Line, delta: number): Position {
  return { line: line.line, column: line.column + delta, offset: line.offset + delta }
}

/** A cell `delta` code units into its line, placed at its first character that is not white space. */
export function cellAt(text: string, delta: number, line: Line): SourceCell {
  const lead = startsWithSpace(text) ? text.length - text.trimStart().length : 0
  return { text: tidyCell(text), position: positionOf(line, delta + lead) }
}

/** The cells of a tab-separated line after its first `skip` characters, in one pass over its characters. */
export function tabCells(line: Line, skip: number): SourceCell[] {
  const source = line.source
  const first = line.from
  const length = first + line.text.length
  const cells: SourceCell[] = []
  let from = first + skip
  for (;;) {
    // Bookmark debris and `**` need tidyCell; most cells have neither `[` nor `*`, and are only trimmed.
    let plain = true
    let to = from
    for (; to < length; to++) {
      const code = source.charCodeAt(to)
      if (code === 0x09) break
      if (code === 0x5b || code === 0x2a) plain = false
    }
    if (plain) {
      let start = from
      while (start < to && isWhiteSpace(source.charCodeAt(start))) start++
      let end = to
      while (end > start && isWhiteSpace(source.charCodeAt(end - 1))) end--
      cells.push({ text: source.slice(start, end), position: positionOf(line, start - first) })
    } else cells.push(cellAt(source.slice(from, to), from - first, line))
    if (to >= length) return cells
    from = to + 1
  }
}

/** `X |` is one cell; `|||` is three empty cells; `| a | b |` is a pipe row. Full-width `｜` counts as `|`; `\|` is a literal pipe. */
export function pipeCells(line: Line): SourceCell[] {
  const text = line.text
  let end = text.length
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  let start = 0
  while (start < end && isSpace(text.charCodeAt(start))) start++
  let pipes = start
  while (pipes < end && isPipe(text.charCodeAt(pipes))) pipes++
  if (pipes === end && pipes > start) {
    const empties: SourceCell[] = []
    for (let k = start; k < end; k++) empties.push({ text: '', position: positionOf(line, 0) })
    return empties
  }
  // After a leading pipe (and the spaces before it), up to the closing pipe.
  const from = pipes > start ? start + 1 : 0
  const inner = text.slice(from, end - 1)
  if (!inner.includes('|') && !inner.includes('｜')) return [cellAt(inner, from, line)]
  const cells: SourceCell[] = []
  let delta = from
  for (const part of inner.split(/(?<!\\)[|｜]/u)) {
    cells.push(cellAt(part.replace(/\\\|/gu, '|'), delta, line))
    delta += part.length + 1
  }
  return cells
}

/** Whether `text` starts with what `trimStart()` removes. */
export function startsWithSpace(text: string): boolean {
  return isWhiteSpace(text.charCodeAt(0))
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x3000
}

function isPipe(code: number): boolean {
  return code === 0x7c || code === 0xff5c
}

/** `0 0 0 0` or `规章 0 0 0`: cells apart by spaces. */
export function numberCells(line: Line): SourceCell[] {
  const cells: SourceCell[] = []
  const labelled = NUMBERS_LINE.test(line.text) ? null : LABEL_NUMBERS_LINE.exec(line.text)
  let rest = line.text
  let base = 0
  if (labelled !== null) {
    const label = labelled[1] as string
    const start = line.text.indexOf(label)
    cells.push({ text: label.trim(), position: positionOf(line, start) })
    rest = line.text.slice(start + label.length)
    base = start + label.length
  }
  for (const match of rest.matchAll(NUMBER_TOKENS)) cells.push({ text: match[0], position: positionOf(line, base + match.index) })
  return cells
}
