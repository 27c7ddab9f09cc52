/**
 * The Markdown adapter: reports re-published by converters (pandoc, mammoth,
 * wiki exports) or transcribed by hand, parsed with unified, remark-parse and
 * remark-gfm.
 *
 * - GFM tables become grids, each row exactly as printed (remark never pads
 *   or trims a body row, and neither does this adapter).
 * - Headings of any depth become headings; paragraphs become one text block per line.
 * - Paragraphs and code blocks that hold tab-separated, pipe or number rows
 *   (a table pasted as text, `｜` rows that GFM does not take for a table) are
 *   read by the core's line reader, exactly as the text adapter reads them.
 * - A raw HTML `<table>` becomes an embedded part for the adapter named `html`.
 *
 * Every position is an offset into the Markdown source.
 *
 * @module
 */

import type { Html, Node, Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast'
import type RemarkGfm from 'remark-gfm'
import type RemarkParse from 'remark-parse'
import type * as Unified from 'unified'
import type { Position } from '../../model/types.js'
import type { Adapter, SourceBlock, SourceCell, SourceDocument, SourceRow } from '../../source/document.js'
import { hasTableLines, readLines } from '../../source/lines.js'
import { tidyCell, tidyProse } from '../../source/tidy.js'
import { LineIndex } from '../../source/position.js'
import { onFirstUse } from '../load.js'

/** unified + remark-parse + remark-gfm, loaded on first use. */
const processor = onFirstUse((require) => {
  const { unified } = require('unified') as typeof Unified
  const remarkParse = (require('remark-parse') as { default: typeof RemarkParse }).default
  const remarkGfm = (require('remark-gfm') as { default: typeof RemarkGfm }).default
  return unified().use(remarkParse).use(remarkGfm).freeze()
})

/** A GFM delimiter row: at least two cells of dashes, apart by pipes. */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-*:?[ \t]*)*$/mu
/** An ATX heading. */
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/mu
const HTML_TABLE = /<table[\s>]/iu

/**
 * The Markdown adapter. `detect()` gives 0.9 to input with a GFM table, 0.6 to
 * input with `#` headings, 0 otherwise (plain text goes to the text adapter).
 */
export const markdownAdapter: Adapter = {
  name: 'markdown',
  detect: detectMarkdown,
  read: readMarkdown
}

function detectMarkdown(input: string): number {
  if (DELIMITER_ROW.test(input)) return 0.9
  if (ATX_HEADING.test(input)) return 0.6
  return 0
}

interface Context {
  input: string
  index: LineIndex
  blocks: SourceBlock[]
  /** Inside a block quote, whose `>` markers the line reader must not see. */
  quoted: boolean
}

/**
 * Read Markdown into the neutral document.
 *
 * @param input - The report as Markdown.
 */
export function readMarkdown(input: string): SourceDocument {
  const tree = processor().parse(flattenNesting(input)) as Root
  const context: Context = { input, index: new LineIndex(input), blocks: [], quoted: false }
  walk(tree.children, context)
  return { blocks: context.blocks }
}

function walk(nodes: readonly RootContent[], context: Context): void {
  /** Source range of consecutive siblings that hold rows as text, read together by the line reader. */
  let rows: [number, number] | undefined
  const flush = (): void => {
    if (rows === undefined) return
    const text = context.input.slice(rows[0], rows[1])
    readLines(context.quoted ? unquote(text) : text, rows[0], context.index, context.blocks)
    rows = undefined
  }
  for (const node of nodes) {
    const range = textRows(node, context)
    if (range !== undefined) {
      rows = rows === undefined ? range : [rows[0], range[1]]
      continue
    }
    flush()
    switch (node.type) {
      case 'heading': {
        const text = tidyProse(inlineText(node.children))
        if (text !== '') context.blocks.push(placed({ type: 'heading', text, depth: node.depth }, startOf(node, context)))
        break
      }
      case 'paragraph':
        paragraph(node, context)
        break
      case 'table':
        context.blocks.push(table(node, context))
        break
      case 'code':
        code(node, context)
        break
      case 'html':
        html(node, context)
        break
      case 'list':
        for (const item of node.children) {
          const marker = node.ordered === true ? orderedMarker(item, context) : ''
          const before = context.blocks.length
          walk(item.children, context)
          const first = context.blocks[before]
          if (marker !== '' && first !== undefined && first.type !== 'table' && first.type !== 'embedded') {
            first.text = marker + first.text
          }
        }
        break
      case 'blockquote': {
        const quoted = context.quoted
        context.quoted = true
        walk(node.children, context)
        context.quoted = quoted
        break
      }
      case 'footnoteDefinition':
        walk(node.children, context)
        break
      default:
        break
    }
  }
  flush()
}

/**
 * The source range of a node that holds rows as text: a paragraph with tab,
 * pipe or number rows, or an indented code block (a tab-indented row after a
 * blank line is code in Markdown). Such siblings are read together, so a cell
 * broken over lines (`\t本年新` / `制作数量`) stays one cell across them.
 */
function textRows(node: RootContent, context: Context): [number, number] | undefined {
  if (node.type !== 'paragraph' && node.type !== 'code') return undefined
  const range = rangeOf(node)
  if (range === undefined) return undefined
  const raw = context.input.slice(range[0], range[1])
  if (node.type === 'code') return /^[ \t]*(?:`{3}|~{3})/u.test(raw) ? undefined : range
  return hasTableLines(raw) ? range : undefined
}

/** A paragraph of prose (rows pasted as text went to the line reader): one block per line. */
function paragraph(node: Parent & Node, context: Context): void {
  const range = rangeOf(node)
  if (range === undefined) return
  const raw = context.input.slice(range[0], range[1])
  const lines = inlineText(node.children as PhrasingContent[]).split('\n')
  const starts = lineStarts(raw, range[0], context.quoted)
  const aligned = starts.length === lines.length
  lines.forEach((line, i) => {
    const text = tidyProse(line)
    if (text === '') return
    const offset = aligned ? (starts[i] as number) : range[0]
    context.blocks.push({ type: 'paragraph', text, position: context.index.at(offset) })
  })
}

/** A fenced code block may hold a table pasted as text: its lines, without the fences, go to the line reader. */
function code(node: Node, context: Context): void {
  const range = rangeOf(node)
  if (range === undefined) return
  let [start, end] = range
  const raw = context.input.slice(start, end)
  const firstBreak = raw.indexOf('\n')
  if (firstBreak < 0) return
  const lastBreak = raw.lastIndexOf('\n')
  start += firstBreak + 1
  if (lastBreak > firstBreak && /^[ \t]*(?:`{3,}|~{3,})[ \t]*$/u.test(raw.slice(lastBreak + 1))) end = range[0] + lastBreak
  if (end <= start) return
  const body = context.input.slice(start, end)
  readLines(context.quoted ? unquote(body) : body, start, context.index, context.blocks)
}

/** Raw HTML: a table goes to the `html` adapter; other markup keeps its text. */
function html(node: Html, context: Context): void {
  const position = startOf(node, context)
  if (HTML_TABLE.test(node.value)) {
    context.blocks.push(placed({ type: 'embedded', format: 'html', text: node.value }, position))
    return
  }
  for (const line of htmlText(node.value).split('\n')) {
    const text = tidyProse(line)
    if (text !== '') context.blocks.push(placed({ type: 'paragraph', text }, position))
  }
}

function table(node: Table, context: Context): SourceBlock {
  const rows: SourceRow[] = node.children.map((row) => {
    const cells = row.children.map((cell): SourceCell => {
      const at = cell.children[0]?.position?.start.offset ?? afterPipe(cell, context)
      const text = tidyCell(inlineText(cell.children))
      return at === undefined ? { text } : { text, position: context.index.at(at) }
    })
    return placed({ cells }, startOf(row, context))
  })
  return placed({ type: 'table', grid: true, rows }, startOf(node, context))
}

/** Where an empty cell starts: just after its opening pipe. */
function afterPipe(cell: Node, context: Context): number | undefined {
  const start = cell.position?.start.offset
  if (start === undefined) return undefined
  return context.input[start] === '|' ? start + 1 : start
}

/** The marker of an ordered list item as printed (`1. `), which remark keeps only as a number. */
function orderedMarker(item: Parent & Node, context: Context): string {
  const start = item.position?.start.offset
  const content = item.children[0]?.position?.start.offset
  if (start === undefined || content === undefined || content <= start) return ''
  const marker = context.input.slice(start, content)
  return /^[ \t]*\d{1,9}[.)][ \t]*$/u.test(marker) ? marker.trim() + ' ' : ''
}

/** The plain text of inline content: emphasis, links and escapes resolved, `<br>` and line breaks as `\n`. */
function inlineText(nodes: readonly Nodes[]): string {
  let out = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value
        break
      case 'break':
        out += '\n'
        break
      case 'html':
        out += /^<br\b/iu.test(node.value) ? '\n' : ''
        break
      case 'image':
        out += node.alt ?? ''
        break
      default:
        if ('children' in node) out += inlineText(node.children as Nodes[])
    }
  }
  return out
}

/** The text of a fragment of raw HTML that is not a table. */
function htmlText(value: string): string {
  return value
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<(?:br|\/p|\/div|\/h[1-6]|\/li)\b[^>]*>/giu, '\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&nbsp;/giu, ' ')
    .replace(/&lt;/giu, '<')
    .replace(/&gt;/giu, '>')
    .replace(/&quot;/giu, '"')
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/giu, '&')
}

/** Offsets where each line of a paragraph's text starts, past indentation and `>` markers. */
function lineStarts(raw: string, base: number, quoted: boolean): number[] {
  const starts: number[] = []
  const pattern = quoted ? /^(?:[ \t]*>)*[ \t]*/u : /^[ \t]*/u
  let offset = 0
  for (const line of raw.split('\n')) {
    starts.push(base + offset + (pattern.exec(line)?.[0].length ?? 0))
    offset += line.length + 1
  }
  return starts
}

/** One container marker at the start of a line: a block quote `>`, or a list marker before a space. */
const CONTAINER = String.raw`[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))`
/** How deep containers may nest on one line before the rest is flattened. */
const MAX_NESTING = 16
const DEEP_LINE = new RegExp(String.raw`^(?:${CONTAINER}){${MAX_NESTING + 1},}`, 'mu')
const DEEP_LINES = new RegExp(DEEP_LINE.source, 'gmu')
const KEPT = new RegExp(String.raw`^(?:${CONTAINER}){${MAX_NESTING}}`, 'u')

/**
 * Blank the container markers of a line beyond the sixteenth (`- - - - …`, `> > > …`), keeping
 * every offset. remark's time grows with the square of the nesting depth, and its stack
 * overflows near four thousand; no report nests that deep, but crawled garbage does.
 */
function flattenNesting(input: string): string {
  if (!DEEP_LINE.test(input)) return input
  return input.replace(DEEP_LINES, (prefix) => {
    const kept = KEPT.exec(prefix)?.[0] ?? ''
    return kept + ' '.repeat(prefix.length - kept.length)
  })
}

/** Blank the `>` markers of a block quote's lines, keeping every offset. */
function unquote(raw: string): string {
  return raw.replace(/^(?:[ \t]*>)+/gmu, (markers) => ' '.repeat(markers.length))
}

function rangeOf(node: Node): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

function startOf(node: Node, context: Context): Position | undefined {
  const offset = node.position?.start.offset
  return offset === undefined ? undefined : context.index.at(offset)
}

/** The thing with its position, when there is one. */
function placed<T extends SourceBlock | SourceRow>(thing: T, position: Position | undefined): T {
  if (position !== undefined) thing.position = position
  return thing
}
