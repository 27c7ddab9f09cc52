/**
 * The text of inline content, and of raw HTML that is not a table.
 *
 * @module
 */

import type { Nodes } from 'mdast'
import type { HiddenText } from '../../source/document.js'
import { HiddenScope, readTag } from '../../source/hidden.js'
import { tidyCell } from '../../source/tidy.js'

const BREAK_TAG = /^<br\b/iu
/** `<sup>`, `<sub>` and their ends: a footnote mark or index apart from the text it follows (`13<sup>1</sup>` is not 131). */
const MARK_TAG = /^<\/?su[pb]\b/iu

/** Where a deletion (`~~…~~`) ends, in the walk of inline content. */
const END_DELETE = { type: 'endDelete' } as const

/** What {@link inlineText} does with what a reader does not see. */
export interface HiddenOptions {
  /** Where the text of hidden HTML elements and deletions goes, with what hid it (default: dropped). */
  hidden?: HiddenText[]
  /** GFM strikethrough (`~~5~~`) is a deletion, not read (default: `false`, its text is read). */
  deletions?: boolean
}

/**
 * The plain text of inline content: emphasis, links and escapes resolved, `<br>` and line
 * breaks as `\n`, an image as its alt text. Read with a stack, not by recursion: emphasis can
 * nest as deep as the input is long. Inline HTML elements a reader does not see
 * (`<span style="display:none">`, `<del>`: see `source/hidden.ts`) are not read, nor, with
 * `deletions`, GFM strikethrough.
 *
 * @param nodes - Inline (phrasing) content, e.g. a table cell's or a heading's children.
 * @param options - Where hidden text goes, and whether strikethrough is a deletion.
 * @returns The text, untidied.
 */
export function inlineText(nodes: readonly Nodes[], options: HiddenOptions = {}): string {
  const only = nodes.length === 1 ? nodes[0] : undefined
  if (only?.type === 'text') return only.value
  let out = ''
  const scope = new HiddenScope()
  /** Deletions open around the node being read, and the text hidden so far with what hid it first. */
  let deleted = 0
  let run: HiddenText | undefined
  const hide = (text: string, by: string): void => {
    if (run === undefined) run = { text: '', by }
    run.text += text
  }
  const endRun = (): void => {
    if (run === undefined || scope.why !== undefined || deleted > 0) return
    const text = tidyCell(run.text)
    if (text !== '') options.hidden?.push({ text, by: run.by })
    run = undefined
  }
  const pending: (Nodes | typeof END_DELETE)[] = []
  for (let i = nodes.length - 1; i >= 0; i--) pending.push(nodes[i] as Nodes)
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === 'endDelete') {
      deleted--
      endRun()
      continue
    }
    if (node.type === 'html') {
      const tag = readTag(node.value)
      if (tag !== undefined && scope.read(tag)) {
        if (scope.why !== undefined) hide('', scope.why)
        else endRun()
      } else if (scope.why === undefined && deleted === 0) {
        if (BREAK_TAG.test(node.value)) out += '\n'
        else if (MARK_TAG.test(node.value)) out += ' '
      }
      continue
    }
    if (node.type === 'delete' && options.deletions === true) {
      deleted++
      hide('', scope.why ?? '~~')
      pending.push(END_DELETE)
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as Nodes)
      continue
    }
    const hidden = scope.why ?? (deleted > 0 ? '~~' : undefined)
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        if (hidden === undefined) out += node.value
        else hide(node.value, hidden)
        break
      case 'break':
        if (hidden === undefined) out += '\n'
        break
      case 'image':
        if (hidden === undefined) out += node.alt ?? ''
        break
      default:
        if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as Nodes)
    }
  }
  if (run !== undefined) {
    // A hidden element never closed: hidden to the end of the content.
    const text = tidyCell(run.text)
    if (text !== '') options.hidden?.push({ text, by: run.by })
  }
  return out
}

/** Tags that end a line of text. */
const LINE_END_TAG = /<(?:br|\/p|\/div|\/h[1-6]|\/li)\b/giu

/**
 * The text of a fragment of raw HTML that is not a table: comments, elements a reader does not
 * see (see `source/hidden.ts`) and tags removed, `<br>` and the ends of block elements as `\n`, a
 * few entities decoded.
 *
 * @param value - The raw HTML.
 * @returns The text, untidied.
 */
export function htmlText(value: string): string {
  return removeTags(lineEndTags(removeHidden(removeComments(value))))
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

/** `value` without the elements a reader does not see, from their start tag to their end (or the end of `value`). */
function removeHidden(value: string): string {
  const scope = new HiddenScope()
  let out = ''
  /** Where the text not yet copied starts. */
  let from = 0
  let changed = false
  for (let at = value.indexOf('<'); at >= 0; at = value.indexOf('<', at + 1)) {
    const end = value.indexOf('>', at + 1)
    if (end < 0) break
    const outside = scope.why === undefined
    const tag = readTag(value.slice(at, end + 1))
    if (tag !== undefined && scope.read(tag)) {
      // The text before a hidden element is kept; the element goes, up to the end of its end tag.
      if (outside) out += value.slice(from, at)
      changed = true
      from = end + 1
    }
    at = end
  }
  if (!changed) return value
  return scope.why === undefined ? out + value.slice(from) : out
}

/** `value` without tags: each `<` up to the next `>` (a `<` never closed is kept). */
const removeTags = (value: string): string => removeSpans(value, '<', '>')
