/**
 * A guard for htmlparser2 against deep nesting. Its parser keeps the open elements in an array it
 * grows at the front, so each open tag costs the depth: 200 000 nested `<div>` (1 MB) took 11 s,
 * and `<table><tr><td>` nested 100 000 deep (1.5 MB) 27 s. Before parsing, one linear pass follows
 * the parser's stack of open elements (its implied ends, void elements, end tags that close what
 * they match) and blanks the tags that would take it too deep: their text stays, and every offset
 * with it.
 *
 * - Elements other than table parts and those whose end the parser implies (`p`, `li` …) are
 *   blanked deeper than {@link MAX_HTML_DEPTH}, as before: a report in 30 000 wrappers is still read.
 * - A `<table>` inside {@link MAX_TABLE_DEPTH} open tables is blanked, with every table part
 *   (`tr`, `td` …) until its end: a deeper table is read as text of the cell that holds it.
 * - Nothing is pushed past {@link MAX_STACK} open elements in all (`<thead>` or `<caption>` opened
 *   again and again, which the parser never closes).
 *
 * No report comes near any of them.
 *
 * @module
 */

/** Deeper than this, element tags are blanked. A report nested 30 000 deep in wrappers is still read; beyond, text touching a blanked tag gets a space. */
export const MAX_HTML_DEPTH = 32_768

/** Tables open inside this many tables are blanked (read as the text of the cell holding them). Reports nest tables a few deep, for layout. */
export const MAX_TABLE_DEPTH = 64

/** The most open elements of every kind together: beyond, a tag that would open one more is blanked. */
export const MAX_STACK = MAX_HTML_DEPTH + 1024

/** Elements that never nest (void) or whose end the parser implies, and table parts: not counted against {@link MAX_HTML_DEPTH}. */
const UNCOUNTED = new Set(
  [
    'area base br col embed hr img input link meta source track wbr param keygen',
    'p li dt dd option optgroup rb rt rtc rp',
    'table caption colgroup thead tbody tfoot tr td th'
  ]
    .join(' ')
    .split(' ')
)
/** The parts of a table: inside a blanked table, their tags are blanked too. */
const TABLE_PARTS = new Set(['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])
/** Elements htmlparser2 never pushes on its stack. */
const VOID = new Set(
  'area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(' ')
)
/** Elements whose content is raw text: tags inside them are not tags. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'])

const P = ['p']
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']
/** What the opening of an element closes when it stands open on top of the stack (htmlparser2's own table). */
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    tr: ['tr', 'th', 'td'],
    th: ['th'],
    td: ['thead', 'th', 'td'],
    body: ['head', 'link', 'script'],
    li: ['li'],
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    dd: ['dd', 'dt'],
    dt: ['dd', 'dt'],
    rt: ['rt', 'rp'],
    rp: ['rt', 'rp'],
    tbody: ['thead', 'tbody'],
    tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((name) => [name, FORM])),
    ...Object.fromEntries(
      'h1 h2 h3 h4 h5 h6 p address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul'
        .split(' ')
        .map((name) => [name, P])
    )
  }).map(([name, closed]) => [name, new Set(closed)])
)
/** Elements that open a foreign context (`<x/>` closes itself there), and those that return to HTML inside one. */
const FOREIGN = new Set(['math', 'svg'])
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title'])

/** What {@link flattenHtmlNesting} did. */
export interface Flattened {
  /** The input, its tags past the limits blanked (each character a space, line breaks kept); the input itself when none was. */
  html: string
  /** The limit that blanked tags, the first met (`tableNesting` for tables, `nesting` for the others); none when nothing was blanked. */
  limit?: 'nesting' | 'tableNesting'
  /** Where the first blanked tag stands (an offset into the input), when one was. */
  at?: number
}

/** The parser's stack of open elements, as far as nesting goes: names, and how many of each kind stand in it. */
class OpenElements {
  readonly names: string[] = []
  /** Whether each entry is in a foreign context (`svg`, `math`). */
  private readonly foreign: boolean[] = []
  private readonly count = new Map<string, number>()
  counted = 0
  tables = 0

  get inForeign(): boolean {
    return this.foreign[this.foreign.length - 1] === true
  }

  push(name: string): void {
    this.names.push(name)
    this.foreign.push(FOREIGN.has(name) ? true : INTEGRATION.has(name) ? false : this.inForeign)
    this.count.set(name, (this.count.get(name) ?? 0) + 1)
    if (!UNCOUNTED.has(name)) this.counted++
    if (name === 'table') this.tables++
  }

  pop(): string | undefined {
    const name = this.names.pop()
    if (name === undefined) return undefined
    this.foreign.pop()
    this.count.set(name, (this.count.get(name) ?? 1) - 1)
    if (!UNCOUNTED.has(name)) this.counted--
    if (name === 'table') this.tables--
    return name
  }

  /** Whether an element of this name is open. */
  has(name: string): boolean {
    return (this.count.get(name) ?? 0) > 0
  }

  /** Close what the opening of `name` implies closed on top of the stack. */
  openImplies(name: string): void {
    const closed = IMPLIES_CLOSE.get(name)
    if (closed === undefined) return
    while (this.names.length > 0 && closed.has(this.names[this.names.length - 1] as string)) this.pop()
  }

  /** Close elements down to the innermost `name`, as its end tag does. */
  close(name: string): void {
    if (!this.has(name)) return
    for (let popped = this.pop(); popped !== undefined && popped !== name; popped = this.pop());
  }
}

/**
 * The input with the tags that would nest past the limits blanked (each character of the tag a
 * space, line breaks kept), and which limit blanked them.
 *
 * @param input - HTML.
 */
export function flattenHtmlNesting(input: string): Flattened {
  const open = new OpenElements()
  /** Per element name, how many of its open tags were blanked (as many of its end tags are blanked too). */
  const blanked = new Map<string, number>()
  /** Tables blanked and not yet ended: every table part inside them is blanked. */
  let blankedTables = 0
  let limit: Flattened['limit']
  /** Start and end (exclusive) of each blanked tag, in pairs. */
  const cuts: number[] = []
  let at = input.indexOf('<')
  while (at >= 0 && at < input.length - 1) {
    if (input.startsWith('<!--', at)) {
      const end = input.indexOf('-->', at + 4)
      if (end < 0) break
      at = input.indexOf('<', end + 3)
      continue
    }
    const closing = input.charCodeAt(at + 1) === 0x2f
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
    let blank = false
    if (closing) {
      const count = blanked.get(name) ?? 0
      if (blankedTables > 0 && TABLE_PARTS.has(name)) {
        blank = true
        if (name === 'table') blankedTables--
      } else if (count > 0) {
        blanked.set(name, count - 1)
        blank = true
      } else open.close(name)
    } else if (blankedTables > 0 && TABLE_PARTS.has(name)) {
      blank = true
      if (name === 'table') blankedTables++
    } else {
      open.openImplies(name)
      const selfClosing = input.charCodeAt(end - 1) === 0x2f && open.inForeign
      if (!VOID.has(name) && !selfClosing) {
        if (name === 'table' && open.tables >= MAX_TABLE_DEPTH) {
          blank = true
          blankedTables++
          limit ??= 'tableNesting'
        } else if ((!UNCOUNTED.has(name) && open.counted >= MAX_HTML_DEPTH) || open.names.length >= MAX_STACK) {
          blanked.set(name, (blanked.get(name) ?? 0) + 1)
          blank = true
          limit ??= 'nesting'
        } else open.push(name)
      }
    }
    if (blank) cuts.push(at, end + 1)
    if (!closing && RAW.has(name)) {
      const close = rawEnd(input, name, end + 1)
      if (close < 0) break
      at = close
      continue
    }
    at = input.indexOf('<', end + 1)
  }
  if (cuts.length === 0) return { html: input }
  const parts: string[] = []
  let from = 0
  for (let k = 0; k < cuts.length; k += 2) {
    const start = cuts[k] as number
    const stop = cuts[k + 1] as number
    const tag = input.slice(start, stop)
    parts.push(input.slice(from, start), /[\n\r]/u.test(tag) ? tag.replace(/[^\n\r]/gu, ' ') : ' '.repeat(tag.length))
    from = stop
  }
  parts.push(input.slice(from))
  return { html: parts.join(''), ...(limit === undefined ? {} : { limit }), at: cuts[0] as number }
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
