/**
 * The text of inline content, and of raw HTML that is not a table.
 *
 * @module
 */

import type { Nodes } from 'mdast'

const BREAK_TAG = /^<br\b/iu
/** `<sup>`, `<sub>` and their ends: a footnote mark or index apart from the text it follows (`13<sup>1</sup>` is not 131). */
const MARK_TAG = /^<\/?su[pb]\b/iu

/**
 * The plain text of inline content: emphasis, links and escapes resolved, `<br>` and line
 * breaks as `\n`, an image as its alt text. Read with a stack, not by recursion: emphasis can
 * nest as deep as the input is long.
 *
 * @param nodes - Inline (phrasing) content, e.g. a table cell's or a heading's children.
 * @returns The text, untidied.
 */
export function inlineText(nodes: readonly Nodes[]): string {
  const only = nodes.length === 1 ? nodes[0] : undefined
  if (only?.type === 'text') return only.value
  let out = ''
  const pending: Nodes[] = []
  for (let i = nodes.length - 1; i >= 0; i--) pending.push(nodes[i] as Nodes)
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value
        break
      case 'break':
        out += '\n'
        break
      case 'html':
        if (BREAK_TAG.test(node.value)) out += '\n'
        else if (MARK_TAG.test(node.value)) out += ' '
        break
      case 'image':
        out += node.alt ?? ''
        break
      default:
        if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as Nodes)
    }
  }
  return out
}

/** Tags that end a line of text. */
const LINE_END_TAG = /<(?:br|\/p|\/div|\/h[1-6]|\/li)\b/giu

/**
 * The text of a fragment of raw HTML that is not a table: comments and tags removed, `<br>` and
 * the ends of block elements as `\n`, a few entities decoded.
 *
 * @param value - The raw HTML.
 * @returns The text, untidied.
 */
export function htmlText(value: string): string {
  return removeTags(lineEndTags(removeComments(value)))
    .replace(/&nbsp;/giu, ' ')
    .replace(/&lt;/giu, '<')
    .replace(/&gt;/giu, '>')
    .replace(/&quot;/giu, '"')
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/giu, '&')
}

// The three scans below do what `replace(/<!--[\s\S]*?-->/g, '')`, `replace(/<(?:br|…)\b[^>]*>/gi,
// '\n')` and `replace(/<[^>]*>/g, '')` do, in one pass each: those regexes scan to the end of the
// input from every opening that is never closed (`<!--<!--…`, `<br<br…`), quadratic in all.

/** `value` without every span from `open` to the next `close` (an `open` never closed is kept). */
function removeSpans(value: string, open: string, close: string): string {
  let out = ''
  let from = 0
  for (let start = value.indexOf(open); start >= 0; start = value.indexOf(open, from)) {
    const end = value.indexOf(close, start + open.length)
    if (end < 0) break
    out += value.slice(from, start)
    from = end + close.length
  }
  return from === 0 ? value : out + value.slice(from)
}

/** `value` without `<!-- … -->` comments (an unclosed one is kept). */
const removeComments = (value: string): string => removeSpans(value, '<!--', '-->')

/** `value` with each `<br …>`, `</p>`, `</div>`, `</h1>`…`</h6>` and `</li>` as `\n`. */
function lineEndTags(value: string): string {
  let out = ''
  let from = 0
  LINE_END_TAG.lastIndex = 0
  for (let match = LINE_END_TAG.exec(value); match !== null; match = LINE_END_TAG.exec(value)) {
    const close = value.indexOf('>', match.index + match[0].length)
    if (close < 0) break
    out += value.slice(from, match.index) + '\n'
    from = close + 1
    LINE_END_TAG.lastIndex = from
  }
  return from === 0 ? value : out + value.slice(from)
}

/** `value` without tags: each `<` up to the next `>` (a `<` never closed is kept). */
const removeTags = (value: string): string => removeSpans(value, '<', '>')
