/**
 * Text of HTML as printed: which elements are chrome, which end a line, how
 * source whitespace collapses, and how gathered text becomes paragraphs,
 * headings and cell text.
 *
 * @module
 */

import type { Position } from '../../model/types.js'
import type { SourceBlock, SourceCell } from '../../source/document.js'
import { isWhiteSpace, tidyCell, tidyProse } from '../../source/tidy.js'
import type { LineIndex } from '../../source/position.js'

/** Elements whose content is never report text. */
export const SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'head',
  'title',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'map',
  'audio',
  'video',
  'nav',
  'footer',
  'aside',
  'form'
])

/** Elements that start a new line of text. */
export const BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'center',
  'blockquote',
  'pre',
  'address',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'hr',
  'caption',
  'body',
  'html',
  'tr',
  'td',
  'th'
])

/** Words of a class or id that mark site chrome: navigation, menus, footers, breadcrumbs, share bars. */
const CHROME_WORDS = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'footer',
  'foot',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'sidebar',
  'share',
  'copyright'
])
/** A part of every chrome word: class names without one (`MsoNormal`, on every paragraph of a Word export) are not split. */
const CHROME_HINT = /nav|menu|foot|crumb|sidebar|share|copyright/u

/** An element's attributes, as the parser gives them (names lower-cased, the first of duplicates kept). */
export type Attributes = Readonly<Record<string, string>>

/**
 * Whether an element is site chrome: a skipped element, or one whose class or
 * id has a chrome word (`class="nav"`, `id="site-footer"`, `class="crumb"`).
 *
 * @param name - The element's name, lower-cased.
 * @param attributes - Its attributes.
 */
export function isSkipped(name: string, attributes: Attributes): boolean {
  if (SKIPPED.has(name)) return true
  const { class: className, id } = attributes
  if (className === undefined && id === undefined) return false
  const names = `${className ?? ''} ${id ?? ''}`.toLowerCase()
  return CHROME_HINT.test(names) && names.split(/[\s_-]+/u).some((word) => CHROME_WORDS.has(word))
}

/**
 * The depth of a heading element (`h1` → 1 … `h6` → 6), undefined for any other.
 *
 * @param name - An element name, lower-cased.
 */
export function headingDepth(name: string): number | undefined {
  if (name.length !== 2 || name.charCodeAt(0) !== 104) return undefined
  const digit = name.charCodeAt(1) - 48
  return digit >= 1 && digit <= 6 ? digit : undefined
}

/**
 * Where the first character that is not white space (as `\s` of a JavaScript
 * regular expression: also U+00A0, U+3000, U+FEFF …) stands in a string, or -1.
 *
 * @param data - Text.
 */
export function firstVisible(data: string): number {
  for (let at = 0; at < data.length; at++) {
    const code = data.charCodeAt(at)
    if (code > 32 && code < 0xa0) return at
    if (!isWhiteSpace(code)) return at
  }
  return -1
}

const SOURCE_SPACE = /[ \t\n\r\f]+/gu

/**
 * Source white space (spaces, tabs, line ends, form feeds) collapsed to single
 * spaces, as a browser prints it; U+00A0 and U+3000 are kept.
 *
 * @param data - The text of a text node.
 */
export function collapse(data: string): string {
  return data.replace(SOURCE_SPACE, ' ')
}

/** Text between two line-ending elements: lines apart by `\n` (from `<br>`). */
export interface Segment {
  /** The text, source white space collapsed. */
  readonly text: string
  /** Offset in the input of its first visible character. */
  readonly first: number | undefined
  /** Heading depth when a heading element started it. */
  readonly depth: number | undefined
}

/**
 * Push the lines of a segment as blocks: each non-empty line a paragraph, or a
 * heading when the segment started in `<h1>`–`<h6>`; all at its first visible character.
 *
 * @param into - Where the blocks go.
 * @param segment - The text.
 * @param index - Line index of the input.
 */
export function pushLines(into: { push(block: SourceBlock): unknown }, segment: Segment, index: LineIndex): void {
  const { text, first, depth } = segment
  const position = first === undefined ? undefined : index.at(first)
  if (!text.includes('\n')) {
    pushLine(into, text, depth, position)
    return
  }
  for (const raw of text.split('\n')) pushLine(into, raw, depth, position)
}

function pushLine(
  into: { push(block: SourceBlock): unknown },
  raw: string,
  depth: number | undefined,
  position: Position | undefined
): void {
  const line = tidyProse(raw)
  if (line === '') return
  const block: SourceBlock = depth === undefined ? { type: 'paragraph', text: line } : { type: 'heading', text: line, depth }
  if (position !== undefined) block.position = position
  into.push(block)
}

/**
 * A table cell as the core reads it: its lines (a label split by `<br>` or
 * `<p>` keeps a line break, which label matching ignores), padding removed, at
 * its first visible character (or where the cell starts, when it has none).
 *
 * @param segments - The cell's text, segment by segment.
 * @param start - Offset of the cell's start tag.
 * @param index - Line index of the input.
 */
export function cellOf(segments: readonly Segment[], start: number, index: LineIndex): SourceCell {
  const only = segments.length === 1 ? segments[0] : undefined
  if (only !== undefined && !only.text.includes('\n')) return { text: tidyCell(only.text), position: index.at(only.first ?? start) }
  let first: number | undefined
  const lines: string[] = []
  for (const segment of segments) {
    first ??= segment.first
    for (const raw of segment.text.split('\n')) {
      const line = tidyCell(raw)
      if (line !== '') lines.push(line)
    }
  }
  return { text: lines.join('\n'), position: index.at(first ?? start) }
}
