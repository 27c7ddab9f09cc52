/**
 * The HTML adapter: report pages as published, Word and WPS exports pasted into
 * a CMS, a CMS editor's own tables, whole pages and fragments, parsed with
 * cheerio (its htmlparser2 parser, in HTML mode).
 *
 * - Each data `<table>` (one holding no other table) becomes a grid: rowspan and
 *   colspan are worked out (see `table.ts`); the core maps values by labels and
 *   each block's header, never by where a span put them.
 * - A table that holds tables is layout: its cells are read as text and tables.
 * - Text outside tables becomes paragraphs, `<h1>`–`<h6>` headings, one block
 *   per line (`<br>` and block elements end lines).
 * - Scripts, styles, `<head>`, and site chrome (`<nav>`, `<footer>`, `<aside>`,
 *   `<form>`, elements whose class or id says nav, menu, footer, crumb …) are ignored.
 *
 * Every position is an offset into the HTML source.
 *
 * @module
 */

import type * as Cheerio from 'cheerio/slim'
import type { AnyNode, Element, ParentNode } from 'domhandler'
import type { Adapter, SourceBlock, SourceDocument } from '../../source/document.js'
import { tidyProse } from '../../source/tidy.js'
import { LineIndex } from '../../source/position.js'
import { onFirstUse } from '../load.js'
import { readTable, rowCells, tableRows } from './table.js'
import { addText, BLOCKS, isSkipped, type Gathered } from './text.js'

/** cheerio's htmlparser2-only build (no parse5, which this adapter never uses), loaded on first use. */
const cheerio = onFirstUse((require) => require('cheerio/slim') as typeof Cheerio)

/** Input that starts as markup: a doctype, a comment or a tag, after any BOM and whitespace. */
const STARTS_AS_HTML = /^[\s\ufeff]*<(?:!doctype|!--|[a-z][\w:-]*[\s/>])/iu
/** Structural tags only: `<br>`, `<span>` or `<font>` debris in crawled text does not make it a page. */
const TAGS = /<\/?(?:p|div|table|tr|td|th|h[1-6]|li|body)\b/giu
/**
 * cheerio on htmlparser2 in HTML mode: lenient as browsers are with CMS and Word
 * markup (implied end tags, unknown `<o:p>` tags), with the start offset of every
 * node for positions; three times faster than parse5 with source locations.
 */
const PARSER = { xml: { xmlMode: false, withStartIndices: true, decodeEntities: true } } as const
const MARKDOWN_SIGNS = /^ {0,3}(?:#{1,6}[ \t]|\|?[ \t]*:?-{3,}:?[ \t]*\|)/mu

/**
 * The HTML adapter. `detect()` gives 0.95 to input that starts as markup, 0.7
 * to text with ten or more tags (0.5 if it also has Markdown headings or
 * tables, which the Markdown adapter reads better), 0 otherwise.
 */
export const htmlAdapter: Adapter = {
  name: 'html',
  detect: detectHtml,
  read: readHtml
}

function detectHtml(input: string): number {
  if (STARTS_AS_HTML.test(input)) return 0.95
  let tags = 0
  TAGS.lastIndex = 0
  while (tags < 10 && TAGS.exec(input) !== null) tags++
  if (tags < 10) return 0
  return MARKDOWN_SIGNS.test(input) ? 0.5 : 0.7
}

/**
 * Read HTML into the neutral document.
 *
 * @param input - A page or a fragment.
 */
export function readHtml(input: string): SourceDocument {
  const $ = cheerio().load(input, PARSER)
  const walker = new Walker(new LineIndex(input))
  const root = $.root()[0]
  if (root !== undefined) walker.walk(root)
  walker.flush()
  return { blocks: walker.blocks }
}

class Walker {
  readonly blocks: SourceBlock[] = []
  private line: Gathered = { text: '', first: undefined }
  private depth: number | undefined

  constructor(private readonly index: LineIndex) {}

  walk(parent: ParentNode): void {
    for (const child of parent.children) this.node(child)
  }

  private node(node: AnyNode): void {
    if (node.type === 'text') {
      addText(node, this.line)
      return
    }
    if (node.type !== 'tag' || isSkipped(node)) return
    const name = node.name
    if (name === 'br') {
      this.line.text += '\n'
    } else if (name === 'table') {
      this.flush()
      this.table(node)
    } else if (BLOCKS.has(name)) {
      this.flush()
      const heading = /^h([1-6])$/u.exec(name)
      if (heading !== null) this.depth = Number(heading[1])
      this.walk(node)
      this.flush()
    } else {
      this.walk(node)
    }
  }

  private table(table: Element): void {
    const caption = table.children.find((child): child is Element => child.type === 'tag' && child.name === 'caption')
    if (caption !== undefined) this.node(caption)
    if (!hasTable(table)) {
      this.blocks.push(readTable(table, this.index))
      return
    }
    for (const row of tableRows(table)) {
      for (const cell of rowCells(row)) {
        if (isSkipped(cell)) continue
        this.flush()
        this.walk(cell)
        this.flush()
      }
    }
  }

  /** End the current line(s): each non-empty line becomes a paragraph, or a heading inside `<h1>`–`<h6>`. */
  flush(): void {
    const { text, first } = this.line
    const depth = this.depth
    this.line = { text: '', first: undefined }
    this.depth = undefined
    if (text === '') return
    const position = first === undefined ? undefined : this.index.at(first)
    for (const raw of text.split('\n')) {
      const line = tidyProse(raw)
      if (line === '') continue
      const block: SourceBlock = depth === undefined ? { type: 'paragraph', text: line } : { type: 'heading', text: line, depth }
      if (position !== undefined) block.position = position
      this.blocks.push(block)
    }
  }
}

/** Whether an element holds a table anywhere inside it. */
function hasTable(element: Element): boolean {
  for (const child of element.children) {
    if (child.type !== 'tag') continue
    if (child.name === 'table' || hasTable(child)) return true
  }
  return false
}
