/**
 * Tidying of what adapters read: a table cell as printed, a line of prose. Exported helpers for
 * custom adapters.
 *
 * @module
 */

export { tidyProse } from '../core/normalize.js'

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
