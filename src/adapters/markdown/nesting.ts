/**
 * The guard against deep nesting, applied to the input before remark sees it.
 *
 * @module
 */

/** One container marker at the start of a line: a block quote `>`, or a list marker before a space. */
const CONTAINER = String.raw`[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))`
/** How deep containers may nest on one line before the rest is flattened. */
const MAX_NESTING = 16
const DEEP_LINE = new RegExp(String.raw`^(?:${CONTAINER}){${MAX_NESTING + 1},}`, 'mu')
const DEEP_LINES = new RegExp(DEEP_LINE.source, 'gmu')
const KEPT = new RegExp(String.raw`^(?:${CONTAINER}){${MAX_NESTING}}`, 'u')

/**
 * Blank the container markers of a line beyond the sixteenth (`- - - - …`, `> > > …`), keeping
 * every offset. remark's time grows with the square of the nesting depth, and its stack
 * overflows near four thousand; no report nests that deep, but crawled garbage does.
 *
 * @param input - The Markdown source.
 * @returns `input` itself when no line nests that deep, else a copy of the same length.
 */
export function flattenNesting(input: string): string {
  if (!DEEP_LINE.test(input)) return input
  return input.replace(DEEP_LINES, (prefix) => {
    const kept = KEPT.exec(prefix)?.[0] ?? ''
    return kept + ' '.repeat(prefix.length - kept.length)
  })
}
