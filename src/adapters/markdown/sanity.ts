/**
 * What remark may be given. remark's parse grows faster than the input on some shapes (setext
 * underlines, runs of emphasis or link brackets without blank lines: 100 KB of `a\n=\n` takes
 * minutes) and its tree outgrows the heap on very large inputs. Such input is no report's Markdown:
 * a report is a few tens of KB, its blocks apart by blank lines. One linear pass finds input beyond
 * these limits, which the adapter then reads as plain text, saying so.
 *
 * @module
 */

/** The limits: each a line of data, checked in one pass. */
export const MARKDOWN_LIMITS = {
  /** Larger than this, the whole input is read as text (remark takes 0.5–1 s for 64 KB of report Markdown on a busy 2-core machine; a report is 5–30 KB). */
  input: 64 * 1024,
  /** A block (lines between blank lines) longer than this: a GFM table of a report is a few KB. */
  block: 32 * 1024,
  /** Setext underline lines (`===`, `---` under text) in one block. */
  setext: 32,
  /** Emphasis marks (`*`, `_`) in one block. */
  emphasis: 1024,
  /** Link and image brackets (`[`) in one block. */
  brackets: 1024
} as const

const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/u

/** Which limit an input goes beyond, and that limit. */
export type Beyond = { limit: keyof typeof MARKDOWN_LIMITS; value: number }

/**
 * Which of {@link MARKDOWN_LIMITS} the input goes beyond, or `undefined` when remark may have it.
 *
 * @param input - The Markdown source.
 */
export function beyondLimits(input: string): Beyond | undefined {
  const over = (limit: keyof typeof MARKDOWN_LIMITS): Beyond => ({ limit, value: MARKDOWN_LIMITS[limit] })
  if (input.length > MARKDOWN_LIMITS.input) return over('input')
  let start = 0
  let setext = 0
  let emphasis = 0
  let brackets = 0
  let from = 0
  for (;;) {
    let end = input.indexOf('\n', from)
    if (end < 0) end = input.length
    const line = input.slice(from, end)
    if (line.trim() === '') {
      start = end + 1
      setext = 0
      emphasis = 0
      brackets = 0
    } else {
      if (end - start > MARKDOWN_LIMITS.block) return over('block')
      if (SETEXT.test(line) && ++setext > MARKDOWN_LIMITS.setext) return over('setext')
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i)
        if (code === 0x2a || code === 0x5f) emphasis++
        else if (code === 0x5b) brackets++
      }
      if (emphasis > MARKDOWN_LIMITS.emphasis) return over('emphasis')
      if (brackets > MARKDOWN_LIMITS.brackets) return over('brackets')
    }
    if (end >= input.length) return undefined
    from = end + 1
  }
}
