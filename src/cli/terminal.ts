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

/** White space a message line folds into one space: line breaks, tabs, spaces (not U+3000, which a report prints as text). */
const BREAKS = /[\t\n\v\f\r \u0085\u2028\u2029]/u

/** The longest run of text from an input a message line quotes whole (a cell, a label): longer ones are cut with `…`. */
export const QUOTED_LENGTH = 60

/**
 * A message as one line, safe to print: each run of white space (line breaks and tabs included)
 * as one space, each quoted text (“…”) and each run without a space longer than
 * {@link QUOTED_LENGTH} characters cut with `…` (a 400-digit cell is not echoed whole), then
 * {@link plain}. In one pass, whatever the text.
 *
 * @param text - A message, or a reason, with text from an input in it.
 */
export function oneLine(text: string): string {
  let out = ''
  let quoted = false
  let run = 0
  let cut = false
  let space = false
  for (const raw of text) {
    const white = BREAKS.test(raw)
    if (white && space) continue
    space = white
    const char = white ? ' ' : raw
    if (char === '“' || char === '”' || (!quoted && white)) {
      quoted = char === '“' ? true : char === '”' ? false : quoted
      run = 0
      cut = false
      out += char
    } else if (++run <= QUOTED_LENGTH) out += char
    else if (!cut) {
      out += '…'
      cut = true
    }
  }
  return plain(out)
}
