/**
 * A guard for htmlparser2 against deep nesting. Its parser keeps the open elements in an array it
 * grows at the front, so each open tag costs the depth: 200 000 nested `<div>` (1 MB) took 11 s.
 * Before parsing, one linear pass blanks the tags of elements nested deeper than
 * {@link MAX_HTML_DEPTH} (their text stays, and every offset with it). Elements whose end tag is
 * implied (`p`, `li`…), void elements and table parts are not counted and never blanked, so a page
 * is only touched where it nests thousands of elements deep: no report does.
 *
 * @module
 */

/** Deeper than this, element tags are blanked. A report nested 30 000 deep in wrappers is still read; beyond, text touching a blanked tag gets a space. */
export const MAX_HTML_DEPTH = 32_768

/** Elements that never nest (void) or whose end the parser implies, and table parts: not counted. */
const UNCOUNTED = new Set(
  [
    'area base br col embed hr img input link meta source track wbr param keygen',
    'p li dt dd option optgroup rb rt rtc rp',
    'table caption colgroup thead tbody tfoot tr td th'
  ]
    .join(' ')
    .split(' ')
)
/** Elements whose content is raw text: tags inside them are not tags. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'])

/**
 * The input with the tags of elements nested deeper than {@link MAX_HTML_DEPTH} blanked (each
 * character of the tag a space, line breaks kept); the input itself when none is.
 *
 * @param input - HTML.
 */
export function flattenHtmlNesting(input: string): string {
  let depth = 0
  /** Per element name, how many of its open tags were blanked (their end tags are blanked too). */
  const blanked = new Map<string, number>()
  const cuts: [number, number][] = []
  let at = input.indexOf('<')
  while (at >= 0 && at < input.length - 1) {
    const next = input.charCodeAt(at + 1)
    if (input.startsWith('<!--', at)) {
      const end = input.indexOf('-->', at + 4)
      if (end < 0) break
      at = input.indexOf('<', end + 3)
      continue
    }
    const closing = next === 0x2f
    const nameStart = closing ? at + 2 : at + 1
    let nameEnd = nameStart
    while (nameEnd < input.length && isNameChar(input.charCodeAt(nameEnd))) nameEnd++
    if (nameEnd === nameStart || !isLetter(input.charCodeAt(nameStart))) {
      at = input.indexOf('<', at + 1)
      continue
    }
    const end = tagEnd(input, nameEnd)
    if (end < 0) break
    const name = input.slice(nameStart, nameEnd).toLowerCase()
    if (!UNCOUNTED.has(name)) {
      if (closing) {
        const count = blanked.get(name) ?? 0
        if (count > 0) {
          blanked.set(name, count - 1)
          cuts.push([at, end + 1])
        } else if (depth > 0) depth--
      } else if (depth >= MAX_HTML_DEPTH) {
        blanked.set(name, (blanked.get(name) ?? 0) + 1)
        cuts.push([at, end + 1])
      } else depth++
    }
    if (!closing && RAW.has(name)) {
      const close = rawEnd(input, name, end + 1)
      if (close < 0) break
      at = close
      continue
    }
    at = input.indexOf('<', end + 1)
  }
  if (cuts.length === 0) return input
  let out = ''
  let from = 0
  for (const [start, stop] of cuts) {
    out += input.slice(from, start) + input.slice(start, stop).replace(/[^\n\r]/gu, ' ')
    from = stop
  }
  return out + input.slice(from)
}

/** Where the end tag of raw-text element `name` starts, searching from `from` (any letter case); -1 if none. */
function rawEnd(input: string, name: string, from: number): number {
  for (let at = input.indexOf('</', from); at >= 0; at = input.indexOf('</', at + 2)) {
    if (input.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at
  }
  return -1
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x5f || code === 0x3a
}

/** The `>` that ends a tag whose name ends at `from`, quoted attribute values skipped; -1 if none. */
function tagEnd(input: string, from: number): number {
  let quote = 0
  for (let i = from; i < input.length; i++) {
    const code = input.charCodeAt(i)
    if (quote !== 0) {
      if (code === quote) quote = 0
    } else if (code === 0x22 || code === 0x27) quote = code
    else if (code === 0x3e) return i
  }
  return -1
}
