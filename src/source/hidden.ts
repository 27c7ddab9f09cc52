/**
 * Which HTML elements a reader of the page does not see: those an inline style hides
 * (`display:none`, `visibility:hidden` or `collapse`, Word's `mso-hide:all`), those with the
 * `hidden` attribute, and deletions (`<del>`, `<s>`, `<strike>`). Style sheets and classes are not
 * evaluated: an element hidden by a rule of a `<style>` sheet is read.
 *
 * Shared by the HTML adapter and the Markdown adapter's raw HTML, which also needs the tags of
 * inline HTML read ({@link readTag}).
 *
 * @module
 */

/** Elements that strike their text out: a deletion, not read. */
const DELETIONS: ReadonlySet<string> = new Set(['del', 's', 'strike'])

/** Declarations of an inline style that hide an element, by property: the values that hide it. */
const HIDING: ReadonlyMap<string, readonly string[]> = new Map([
  ['display', ['none']],
  ['visibility', ['hidden', 'collapse']],
  ['mso-hide', ['all']]
])
/** A style that may hide: it names one of the properties of {@link HIDING}. */
const MAY_HIDE = /display|visibility|mso-hide/iu

/**
 * What hides an element from a reader of the page, or `undefined` when nothing does: `<del>`, `<s>`
 * or `<strike>`; `hidden` (the attribute); `display:none`, `visibility:hidden`,
 * `visibility:collapse` or `mso-hide:all` (its inline style).
 *
 * @param name - The element's name, lower-cased.
 * @param attributes - Its attributes, names lower-cased.
 */
export function hiddenBy(name: string, attributes: Readonly<Record<string, string | undefined>>): string | undefined {
  if (DELETIONS.has(name)) return `<${name}>`
  if (attributes['hidden'] !== undefined) return 'hidden'
  const style = attributes['style']
  return style === undefined ? undefined : hidingStyle(style)
}

/**
 * The declaration of an inline style that hides its element (`display:none`), or `undefined`.
 * The last declaration of a property wins, as in a browser; `!important` is allowed.
 *
 * @param style - The value of a `style` attribute.
 */
export function hidingStyle(style: string): string | undefined {
  if (!MAY_HIDE.test(style)) return undefined
  const last = new Map<string, string>()
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const property = declaration.slice(0, colon).trim().toLowerCase()
    if (!HIDING.has(property)) continue
    last.set(
      property,
      declaration
        .slice(colon + 1)
        .replace(/!\s*important/iu, '')
        .trim()
        .toLowerCase()
    )
  }
  for (const [property, value] of last) if (HIDING.get(property)?.includes(value) === true) return `${property}:${value}`
  return undefined
}

/** A tag of raw HTML as {@link readTag} reads it. */
export interface Tag {
  /** The element's name, lower-cased. */
  name: string
  /** An end tag (`</span>`). */
  closing: boolean
  /** A tag that opens no element: a void element (`<br>`, `<img>`) or one written `<… />`. */
  empty: boolean
  /** Its attributes, names lower-cased, the first of duplicates kept, entities not decoded. */
  attributes: Record<string, string>
}

/** Elements that never have content. */
const VOID: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr'
])

const TAG_NAME = /^<(\/?)([a-z][\w:-]*)/iu
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gu

/**
 * One tag of raw HTML (`<span style="display:none">`, `</del>`), as Markdown holds inline HTML:
 * its name, whether it ends an element or opens none, and its attributes; `undefined` for anything
 * that is not a start or end tag (a comment, a declaration, text).
 *
 * @param raw - The tag, from its `<` to its `>`.
 */
export function readTag(raw: string): Tag | undefined {
  const head = TAG_NAME.exec(raw)
  if (head === null) return undefined
  const closing = head[1] === '/'
  const name = (head[2] as string).toLowerCase()
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>
  let body = raw.slice(head[0].length).trimEnd()
  if (body.endsWith('>')) body = body.slice(0, -1).trimEnd()
  const selfClosing = body.endsWith('/')
  if (!closing) {
    ATTRIBUTE.lastIndex = 0
    for (let match = ATTRIBUTE.exec(body); match !== null; match = ATTRIBUTE.exec(body)) {
      const key = (match[1] as string).toLowerCase()
      if (!Object.hasOwn(attributes, key)) attributes[key] = match[2] ?? match[3] ?? match[4] ?? ''
    }
  }
  return { name, closing, empty: !closing && (VOID.has(name) || selfClosing), attributes }
}

/** Elements whose end tag may be left out (`<p>` before `<p>`): not counted in the depth of a hidden element. */
const IMPLIED_END: ReadonlySet<string> = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rp',
  'caption',
  'colgroup',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th'
])

/**
 * How a tag moves the depth of the elements open inside a hidden element: +1 for a start tag that
 * opens an element, -1 for an end tag, 0 for a void or self-closed tag and for elements whose end
 * tag may be left out (their end is implied, so counting them would never return to 0).
 *
 * @param tag - A tag read by {@link readTag}.
 */
export function depthStep(tag: Tag): number {
  if (tag.empty || IMPLIED_END.has(tag.name)) return 0
  return tag.closing ? -1 : 1
}

/**
 * A hidden element of raw HTML read tag by tag (inline HTML in Markdown comes as one node per tag):
 * which tags belong to it, and when it ends. Linear: a count, no stack.
 */
export class HiddenScope {
  /** What hides the element being read through (`display:none`, `<del>`), or `undefined` outside one. */
  why: string | undefined = undefined
  private depth = 0
  private opener = ''

  /**
   * Read a tag. Returns `true` when the tag belongs to a hidden element: it opens one, stands inside
   * one, or ends one (then {@link why} is `undefined` again). A void or self-closed hidden tag
   * (`<br hidden>`) belongs to none: it hides nothing.
   *
   * @param tag - A tag read by {@link readTag}.
   */
  read(tag: Tag): boolean {
    if (this.why === undefined) {
      if (tag.closing) return false
      const why = hiddenBy(tag.name, tag.attributes)
      if (why === undefined) return false
      if (!tag.empty) {
        this.why = why
        this.depth = 1
        this.opener = tag.name
      }
      return true
    }
    this.depth = tag.closing && this.depth === 1 && tag.name === this.opener ? 0 : this.depth + depthStep(tag)
    if (this.depth <= 0) this.why = undefined
    return true
  }
}
