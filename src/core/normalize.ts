/**
 * Label normalisation: the one place that decides when two printed labels are the same.
 *
 * @module
 */

const ENUMERATOR =
  /^(?:[一二三四五六七八九十]+[,.:]|\([一二三四五六七八九十\d]+\)|\d+[.,:)]|[一二三四五六七八九十]+\)|第[一二三四五六七八九十]+部分[,.:]?)/u

/** What each character (by code unit) becomes after NFKC: '' to drop it, another character to replace it. */
const FOLD = new Map<number, string>()
const fold = (chars: string, to: string) => {
  for (const char of chars) FOLD.set(char.charCodeAt(0), to)
}
fold('"\'“”‘’「」『』〝〞`*', '')
fold('【〔[｛{〖', '(')
fold('】〕]｝}〗', ')')
fold('、，,､', ',')
fold('−－–', '-')
/** Whitespace of every kind (what `\s` matches, plus zero-width spaces), by code unit. */
function isSpace(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

const CACHE_LIMIT = 20000
const CACHEABLE_LENGTH = 64
const cache = new Map<string, string>()

/**
 * Normalise a label for matching: NFKC (full-width to half-width), every kind of
 * whitespace removed (U+00A0 and U+3000 included), quotes removed, brackets
 * unified to `()`, `、` and `，` unified to `,`, Markdown emphasis removed.
 *
 * @param text - A label as printed.
 * @returns The normalised label.
 */
export function normalizeLabel(text: string): string {
  const short = text.length <= CACHEABLE_LENGTH
  if (short) {
    const hit = cache.get(text)
    if (hit !== undefined) return hit
  }
  const folded = text.normalize('NFKC')
  // Copy runs of characters that stay as they are; most labels have none to change.
  let out = ''
  let run = 0
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i)
    const mapped = isSpace(code) ? '' : FOLD.get(code)
    if (mapped === undefined) continue
    out += folded.slice(run, i) + mapped
    run = i + 1
  }
  out = run === 0 ? folded : out + folded.slice(run)
  if (out.includes('__')) out = out.replace(/_{2,}/gu, '')
  if (short) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(text, out)
  }
  return out
}

/**
 * The core of a normalised label: without its leading enumerator (`一,`, `(三)`, `2.`).
 *
 * @param normalized - Output of {@link normalizeLabel}.
 * @returns The label without its numbering.
 */
export function labelCore(normalized: string): string {
  const stripped = normalized.replace(ENUMERATOR, '')
  return stripped === '' ? normalized : stripped
}

/**
 * Tidy a line of prose for output: remove Markdown emphasis and heading or list
 * markers, Word bookmark debris, and surrounding whitespace. Characters inside
 * the line are kept as printed.
 *
 * @param line - One line or paragraph.
 * @returns The tidied text (possibly empty).
 */
export function tidyProse(line: string): string {
  let tidy = line.includes('[bookmark:') ? line.replace(/\[bookmark:[^\]]*\]/gu, '') : line
  if (MARKER_STARTS.has(tidy.charCodeAt(firstVisible(tidy)))) {
    tidy = tidy.replace(/^\s*#{1,6}[ \t]+/u, '').replace(/^\s*[-*+][ \t]+/u, '')
  }
  if (tidy.includes('**')) tidy = tidy.replace(/\*\*/gu, '')
  // `trim()` removes exactly what `\s` matches (U+00A0, U+3000 and U+FEFF included).
  return tidy.trim()
}

/** The characters a heading or list marker starts with: `#`, `-`, `*`, `+`. */
const MARKER_STARTS = new Set([0x23, 0x2d, 0x2a, 0x2b])

/** The index of the first character of `text` that `\s` does not match (`text.length` if none). */
function firstVisible(text: string): number {
  let i = 0
  while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++
  return i
}

/**
 * Whether a UTF-16 code unit is what `String.prototype.trim` removes: ECMAScript white space and
 * line terminators.
 *
 * @param code - A code unit (`charCodeAt`).
 */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

/**
 * Fold the full-width forms of ASCII characters (U+FF01–U+FF5E: `２０２４`, `（`, `：`) to ASCII, and
 * U+3000 to a space; every other character is kept. Each character stays one code unit, so an
 * index into the result is one into `text`.
 *
 * @param text - Text as printed.
 */
export function foldWidth(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/u.test(text)) return text
  return text.replace(/[\uff01-\uff5e\u3000]/gu, (char) => (char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0)))
}
