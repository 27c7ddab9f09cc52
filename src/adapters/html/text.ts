/**
 * The text of HTML elements as printed: whitespace of the source collapsed,
 * `<br>` and block boundaries as line breaks, chrome and scripts left out.
 *
 * @module
 */

import type { AnyNode, Element } from 'domhandler'
import type { SourceCell } from '../../source/document.js'
import { tidyCell } from '../../source/tidy.js'
import type { LineIndex } from '../../source/position.js'

/** Elements whose content is never report text. */
export const SKIPPED: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'head', 'title',
  'select', 'option', 'button', 'input', 'textarea', 'map', 'audio', 'video', 'nav', 'footer', 'aside', 'form'
])

/** Elements that start a new line of text. */
export const BLOCKS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'center', 'blockquote', 'pre', 'address', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'caption', 'body', 'html', 'tr', 'td', 'th'
])

/** Words of a class or id that mark site chrome: navigation, menus, footers, breadcrumbs, share bars. */
const CHROME_WORDS = new Set(['nav', 'navbar', 'navigation', 'menu', 'footer', 'foot', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs', 'sidebar', 'share', 'copyright'])

/**
 * Whether an element is site chrome: a skipped element, or one whose class or
 * id has a chrome word (`class="nav"`, `id="site-footer"`, `class="crumb"`).
 *
 * @param element - An element.
 */
export function isSkipped(element: Element): boolean {
  if (SKIPPED.has(element.name)) return true
  const names = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`
  if (names.trim() === '') return false
  return names
    .toLowerCase()
    .split(/[\s_-]+/u)
    .some((word) => CHROME_WORDS.has(word))
}

/** Text gathered from a subtree: lines apart by `\n`, and where its first visible character is. */
export interface Gathered {
  /** The text, source whitespace collapsed to single spaces. */
  text: string
  /** Offset in the input of its first non-space character. */
  first: number | undefined
}

/**
 * Add a text node to gathered text.
 *
 * @param node - A text node.
 * @param into - Where the text goes.
 */
export function addText(node: AnyNode, into: Gathered): void {
  if (node.type !== 'text') return
  const data = node.data
  if (into.first === undefined) {
    const lead = data.search(/\S/u)
    if (lead >= 0) into.first = (node.startIndex ?? 0) + lead
  }
  into.text += data.replace(/[ \t\n\r\f]+/gu, ' ')
}

/**
 * Gather the text of an element's children: `<br>` and blocks as `\n`, skipped
 * elements left out.
 *
 * @param element - An element.
 * @param into - Where the text goes.
 */
export function gather(element: Element, into: Gathered): void {
  for (const child of element.children) {
    if (child.type === 'text') addText(child, into)
    else if (child.type === 'tag') {
      if (isSkipped(child)) continue
      if (child.name === 'br') into.text += '\n'
      else if (BLOCKS.has(child.name)) {
        into.text += '\n'
        gather(child, into)
        into.text += '\n'
      } else gather(child, into)
    }
  }
}

/**
 * A table cell as the core reads it: its lines (a label split by `<br>` or
 * `<p>` keeps a line break, which label matching ignores), padding removed.
 *
 * @param cell - A `<td>` or `<th>`.
 * @param index - Line index of the input.
 */
export function cellText(cell: Element, index: LineIndex): SourceCell {
  const gathered: Gathered = { text: '', first: undefined }
  gather(cell, gathered)
  const text = gathered.text
    .split('\n')
    .map((line) => tidyCell(line))
    .filter((line) => line !== '')
    .join('\n')
  const offset = gathered.first ?? cell.startIndex ?? undefined
  return offset === undefined ? { text } : { text, position: index.at(offset) }
}
