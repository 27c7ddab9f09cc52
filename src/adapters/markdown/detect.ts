/**
 * How much an input looks like Markdown.
 *
 * @module
 */

/**
 * A GFM delimiter row: at least two cells of dashes, apart by pipes. Written so that no two parts
 * can match the same characters (`[ \t]*(?:\|[ \t]*)?`, not `[ \t]*\|?[ \t]*`; `(?::-*:?|-+:?)?`,
 * not `:?-*:?`): the test stays linear in the line, where the ambiguous form backtracked
 * exponentially on `|:|:|:…` and quadratically on a run of spaces.
 */
const DELIMITER_ROW = /^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*(?:(?::-*:?|-+:?)[ \t]*)?)*$/mu
/** An ATX heading. */
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+\S/mu

/**
 * Score an input for the Markdown adapter: 0.9 with a GFM delimiter row, 0.6 with an ATX
 * (`#`) heading, 0 otherwise.
 *
 * @param input - The whole input.
 * @returns The score, from 0 to 1.
 */
export function detectMarkdown(input: string): number {
  if (DELIMITER_ROW.test(input)) return 0.9
  if (ATX_HEADING.test(input)) return 0.6
  return 0
}
