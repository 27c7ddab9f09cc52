/**
 * Tidying of what adapters read: a table cell as printed, a line of prose. Exported helpers for
 * custom adapters.
 *
 * @module
 */

export { isWhiteSpace, tidyProse } from '../core/normalize.js'

/**
 * Tidy a table cell as printed: remove Word bookmark debris and Markdown `**`
 * (stray or paired), and surrounding whitespace.
 *
 * @param text - A cell's text.
 * @returns The tidied text (possibly empty).
 */
export function tidyCell(text: string): string {
  let tidy = text
  if (tidy.includes('[bookmark:')) tidy = tidy.replace(/\[bookmark:[^\]]*\]/gu, '')
  if (tidy.includes('**')) tidy = tidy.replace(/\*\*/gu, '')
  return tidy.trim()
}
