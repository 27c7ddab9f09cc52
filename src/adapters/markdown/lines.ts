/**
 * Lines of the Markdown source: where a paragraph's lines start, and block quote markers.
 *
 * @module
 */

const INDENT = /^[ \t]*/u
const QUOTED_INDENT = /^(?:[ \t]*>)*[ \t]*/u
const QUOTE_MARKERS = /^(?:[ \t]*>)+/gmu

/**
 * The offsets where each line of a paragraph's text starts, past indentation and, inside a
 * block quote, past `>` markers.
 *
 * @param raw - The paragraph's source.
 * @param base - The offset of `raw` in the whole input.
 * @param quoted - Whether the paragraph is inside a block quote.
 * @returns One offset per line of `raw` (lines apart by `\n`).
 */
export function lineStarts(raw: string, base: number, quoted: boolean): number[] {
  const pattern = quoted ? QUOTED_INDENT : INDENT
  const starts: number[] = []
  let start = 0
  for (;;) {
    const end = raw.indexOf('\n', start)
    const line = end < 0 ? raw.slice(start) : raw.slice(start, end)
    starts.push(base + start + (pattern.exec(line)?.[0].length ?? 0))
    if (end < 0) return starts
    start = end + 1
  }
}

/**
 * Blank the `>` markers of a block quote's lines, keeping every offset.
 *
 * @param raw - Source lines inside a block quote.
 * @returns A copy of `raw` of the same length, each marker a space.
 */
export function unquote(raw: string): string {
  return raw.replace(QUOTE_MARKERS, (markers) => ' '.repeat(markers.length))
}
