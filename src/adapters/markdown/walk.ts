/**
 * The walk over remark's block tree: headings, prose, GFM tables, rows pasted as text, code
 * blocks, raw HTML, and the lists, block quotes and footnotes that hold them.
 *
 * @module
 */

import type { Code, Html, ListItem, Paragraph, RootContent } from 'mdast'
import { hasTableLines, readLines } from '../../source/lines.js'
import { tidyProse } from '../../source/tidy.js'
import { htmlText, inlineText } from './inline.js'
import { lineStarts, unquote } from './lines.js'
import { placed, rangeOf, startOf, type Context, type Range } from './place.js'
import { table } from './table.js'

/** The children of one container being read, and what to do once they are. */
interface Frame {
  readonly nodes: readonly RootContent[]
  next: number
  /** The source range of consecutive siblings that hold rows as text, not read yet. */
  rows: Range | undefined
  /** The items of an ordered list: each keeps its printed marker. */
  readonly ordered: boolean
  /** For a list item: the marker to put before its first text block, and where its blocks start. */
  readonly marker: string
  readonly before: number
  /** For a block quote: whether the read was quoted before it. */
  readonly quoted: boolean | undefined
}

const frame = (nodes: readonly RootContent[], fields?: Partial<Pick<Frame, 'ordered' | 'marker' | 'before' | 'quoted'>>): Frame => ({
  nodes,
  next: 0,
  rows: undefined,
  ordered: fields?.ordered ?? false,
  marker: fields?.marker ?? '',
  before: fields?.before ?? 0,
  quoted: fields?.quoted
})

/**
 * Read block content into `context.blocks`, in source order. Containers are read with a stack,
 * not by recursion: lists can nest as deep as the input allows.
 *
 * @param nodes - The children of the root.
 * @param context - The read.
 */
export function walk(nodes: readonly RootContent[], context: Context): void {
  const stack: Frame[] = [frame(nodes)]
  for (let top = stack[0]; top !== undefined; top = stack[stack.length - 1]) {
    const node = top.nodes[top.next++]
    if (node === undefined) {
      flush(top, context)
      stack.pop()
      close(top, context)
      continue
    }
    const range = textRows(node, context)
    if (range !== undefined) {
      top.rows = top.rows === undefined ? range : [top.rows[0], range[1]]
      continue
    }
    flush(top, context)
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
        stack.push(frame(node.children, { ordered: node.ordered === true }))
        break
      case 'listItem':
        stack.push(frame(node.children, { marker: top.ordered ? orderedMarker(node, context) : '', before: context.blocks.length }))
        break
      case 'blockquote':
        stack.push(frame(node.children, { quoted: context.quoted }))
        context.quoted = true
        break
      case 'footnoteDefinition':
        stack.push(frame(node.children))
        break
      default:
        break
    }
  }
}

/** Read the rows gathered in a frame with the line reader. */
function flush(top: Frame, context: Context): void {
  if (top.rows === undefined) return
  const [start, end] = top.rows
  const text = context.input.slice(start, end)
  readLines(context.quoted ? unquote(text) : text, start, context.index, context.blocks)
  top.rows = undefined
}

/** Once a container is read: a list item's marker goes before its first text block; a quote ends. */
function close(done: Frame, context: Context): void {
  if (done.quoted !== undefined) context.quoted = done.quoted
  const first = context.blocks[done.before]
  if (done.marker !== '' && first !== undefined && first.type !== 'table' && first.type !== 'embedded')
    first.text = done.marker + first.text
}

/**
 * The source range of a node that holds rows as text: a paragraph with tab,
 * pipe or number rows, or an indented code block (a tab-indented row after a
 * blank line is code in Markdown). Such siblings are read together, so a cell
 * broken over lines (`\t本年新` / `制作数量`) stays one cell across them.
 */
function textRows(node: RootContent, context: Context): Range | undefined {
  if (node.type !== 'paragraph' && node.type !== 'code') return undefined
  const range = rangeOf(node)
  if (range === undefined) return undefined
  const raw = context.input.slice(range[0], range[1])
  if (node.type === 'code') return /^[ \t]*(?:`{3}|~{3})/u.test(raw) ? undefined : range
  return hasTableLines(raw) ? range : undefined
}

/** A paragraph of prose (rows pasted as text went to the line reader): one block per line. */
function paragraph(node: Paragraph, context: Context): void {
  const range = rangeOf(node)
  if (range === undefined) return
  const lines = inlineText(node.children).split('\n')
  const starts = lineStarts(context.input.slice(range[0], range[1]), range[0], context.quoted)
  const aligned = starts.length === lines.length
  for (let i = 0; i < lines.length; i++) {
    const text = tidyProse(lines[i] as string)
    if (text === '') continue
    const offset = aligned ? (starts[i] as number) : range[0]
    context.blocks.push({ type: 'paragraph', text, position: context.index.at(offset) })
  }
}

/** A fenced code block may hold a table pasted as text: its lines, without the fences, go to the line reader. */
function code(node: Code, context: Context): void {
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

const HTML_TABLE = /<table[\s>]/iu

/** The marker of an ordered list item as printed (`1. `), which remark keeps only as a number. */
function orderedMarker(item: ListItem, context: Context): string {
  const start = item.position?.start.offset
  const content = item.children[0]?.position?.start.offset
  if (start === undefined || content === undefined || content <= start) return ''
  const marker = context.input.slice(start, content)
  return /^[ \t]*\d{1,9}[.)][ \t]*$/u.test(marker) ? marker.trim() + ' ' : ''
}
