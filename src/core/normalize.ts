/**
 * Label normalisation: the one place that decides when two printed labels are the same.
 *
 * @module
 */

const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/gu
const QUOTES = /["'“”‘’「」『』〝〞＂＇`]/gu
const OPEN_BRACKETS = /[【〔［\[｛{〖]/gu
const CLOSE_BRACKETS = /[】〕］\]｝}〗]/gu
const LIST_SEPARATORS = /[、，,､]/gu
const EMPHASIS = /\*+|_{2,}/gu
const ENUMERATOR = /^(?:[一二三四五六七八九十]+[,.:]|\([一二三四五六七八九十\d]+\)|\d+[.,:)]|[一二三四五六七八九十]+\)|第[一二三四五六七八九十]+部分[,.:]?)/u

/**
 * Normalise a label for matching: NFKC (full-width to half-width), every kind of
 * whitespace removed (U+00A0 and U+3000 included), quotes removed, brackets
 * unified to `()`, `、` and `，` unified to `,`, Markdown emphasis removed.
 *
 * @param text - A label as printed.
 * @returns The normalised label.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(WHITESPACE, '')
    .replace(EMPHASIS, '')
    .replace(QUOTES, '')
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(LIST_SEPARATORS, ',')
    .replace(/[−－–]/gu, '-')
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
  return line
    .replace(/\[bookmark:[^\]]*\]/gu, '')
    .replace(/^[\s\u00a0\u3000]*#{1,6}[ \t]+/u, '')
    .replace(/^[\s\u00a0\u3000]*[-*+][ \t]+/u, '')
    .replace(/\*\*/gu, '')
    .replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000]+$/gu, '')
}

/**
 * Whether a normalised text is empty of content.
 *
 * @param text - Any text.
 */
export function isBlankText(text: string): boolean {
  return text.replace(WHITESPACE, '') === ''
}
