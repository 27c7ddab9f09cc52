/**
 * The HTML adapter: report pages as published, Word and WPS exports pasted into
 * a CMS, a CMS editor's own tables, whole pages and fragments, parsed with
 * htmlparser2 (the parser under cheerio) in HTML mode and read from its events
 * as they come (`reader.ts`), with no document tree in between.
 *
 * - Each data `<table>` (one holding no other table) becomes a grid: rowspan and
 *   colspan are worked out (see `grid.ts`); the core maps values by labels and
 *   each block's header, never by where a span put them.
 * - A table that holds tables is layout: its cells are read as text and tables.
 * - Text outside tables becomes paragraphs, `<h1>`–`<h6>` headings, one block
 *   per line (`<br>` and block elements end lines).
 * - Scripts, styles, `<head>`, and site chrome (`<nav>`, `<footer>`, `<aside>`,
 *   `<form>`, elements whose class or id says nav, menu, footer, crumb …) are ignored; the page's
 *   `<title>` becomes the document's `documentTitle` (`title.ts`), never a paragraph.
 *
 * Every position is an offset into the HTML source.
 *
 * @module
 */

import type * as Htmlparser2 from 'htmlparser2'
import type { Adapter, SourceBlock, SourceDocument } from '../../source/document.js'
import { LineIndex } from '../../source/position.js'
import { onFirstUse } from '../load.js'
import { flattenHtmlNesting, MAX_HTML_DEPTH, MAX_TABLE_DEPTH } from './nesting.js'
import { Reader } from './reader.js'
import type { Output } from './table.js'

/** htmlparser2, loaded on first use. */
const htmlparser2 = onFirstUse((require) => require('htmlparser2') as typeof Htmlparser2)

/**
 * Input that starts as markup: a doctype or a tag, after any BOM, white space and comments. A
 * comment alone is no sign of HTML: Markdown has them too (the CLI's Markdown output starts with
 * `<!-- file -->`). Tried where the comments end (sticky).
 */
const STARTS_AS_HTML = /[\s\ufeff]*<(?:!doctype|[a-z][\w:-]*[\s/>])/iuy
/** Structural tags only: `<br>`, `<span>` or `<font>` debris in crawled text does not make it a page. */
const TAGS = /<\/?(?:p|div|table|tr|td|th|h[1-6]|li|body)\b/giu
/**
 * htmlparser2 in HTML mode: lenient as browsers are with CMS and Word markup
 * (implied end tags, unknown `<o:p>` tags), with the start offset of every
 * event for positions; three times faster than parse5 with source locations.
 */
const PARSER = { xmlMode: false, decodeEntities: true } as const
const MARKDOWN_SIGNS = /^ {0,3}(?:#{1,6}[ \t]|\|?[ \t]*:?-{3,}:?[ \t]*\|)/mu

/**
 * The HTML adapter. `detect()` gives 0.95 to input that starts as markup (a doctype or a tag,
 * after any comments: a comment alone says nothing), 0.7
 * to text with ten or more tags (0.5 if it also has Markdown headings or
 * tables, which the Markdown adapter reads better), 0 otherwise.
 */
export const htmlAdapter: Adapter = {
  name: 'html',
  detect: detectHtml,
  read: readHtml
}

function detectHtml(input: string): number {
  STARTS_AS_HTML.lastIndex = afterComments(input)
  if (STARTS_AS_HTML.test(input)) return 0.95
  let tags = 0
  TAGS.lastIndex = 0
  while (tags < 10 && TAGS.exec(input) !== null) tags++
  if (tags < 10) return 0
  return MARKDOWN_SIGNS.test(input) ? 0.5 : 0.7
}

/** Where the input's leading comments end (with the white space and BOM around them); 0 when it starts with none. */
function afterComments(input: string): number {
  let at = 0
  for (;;) {
    let start = at
    while (start < input.length && /[\s\ufeff]/u.test(input[start] as string)) start++
    if (!input.startsWith('<!--', start)) return at
    const end = input.indexOf('-->', start + 4)
    // An unclosed comment: all the rest is comment to a browser; no sign of markup either.
    if (end < 0) return start
    at = end + 3
  }
}

/**
 * Read HTML into the neutral document.
 *
 * @param input - A page or a fragment.
 */
export function readHtml(input: string): SourceDocument {
  const index = new LineIndex(input)
  const reader = new Reader(index)
  const flat = flattenHtmlNesting(input)
  new (htmlparser2().Parser)(reader, PARSER).end(flat.html)
  const blocks = reader.hasSlots ? flatten(reader.out) : (reader.out as SourceBlock[])
  const title = reader.titles.title(index)
  const document: SourceDocument = title === undefined ? { blocks } : { blocks, documentTitle: title }
  // Tags past the nesting limits were blanked: the text is read, not all of the structure.
  if (flat.limit !== undefined) {
    const value = flat.limit === 'tableNesting' ? MAX_TABLE_DEPTH : MAX_HTML_DEPTH
    document.notices = [{ kind: 'resourceLimit', limit: flat.limit, value, position: index.at(flat.at ?? 0) }]
  }
  return document
}

/** Blocks with the captions of slots in their places. */
function flatten(out: Output): SourceBlock[] {
  const blocks: SourceBlock[] = []
  const stack: Array<{ items: Output; at: number }> = [{ items: out, at: 0 }]
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    while (top.at < top.items.length) {
      const item = top.items[top.at++] as Output[number]
      if (item.type !== 'slot') {
        blocks.push(item)
        continue
      }
      stack.push(top)
      stack.push({ items: item.blocks, at: 0 })
      break
    }
  }
  return blocks
}
