/**
 * Text from a report or a file name on its way to a terminal: control characters (C0, DEL, C1:
 * escape sequences that move the cursor, retitle the window, write hyperlinks (OSC 8) or clear the
 * screen) and the bidirectional overrides that reorder what is shown, each written as a visible
 * escape (`\x1B`, `\u202E`) so that what is printed is what the file holds, and nothing acts on the
 * terminal.
 *
 * @module
 */

/** Control characters, and bidi embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

/**
 * Text safe to print on a terminal: every control character as a visible escape.
 *
 * @param text - Text from an input (a report's words, a file name).
 */
export function plain(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0)
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`
  })
}
