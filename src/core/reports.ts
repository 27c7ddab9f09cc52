/**
 * Several reports in one input (a page that carries two bodies' reports, files joined): where each
 * begins in the token stream, so that they are read apart and never merged.
 *
 * @module
 */

import { isTitle } from './title.js'
import { sectionOf } from './sections.js'
import type { Token } from './tokens.js'

/**
 * Where each report of a token stream starts, by token index (the first at 0). A report starts
 * again at a 一、总体情况 heading once the current report has had its own such heading and printed
 * a number in a table since; a title printed right above that heading starts the new report with
 * it. A table of contents (headings, no numbers) or a menu table above the first report starts
 * nothing.
 *
 * @param tokens - A document's token stream.
 */
export function reportStarts(tokens: readonly Token[]): number[] {
  const starts = [0]
  let overview = false
  let numbers = false
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token
    if (token.kind === 'value') {
      if (overview && token.value.kind === 'number') numbers = true
      continue
    }
    if (token.kind !== 'paragraph' || sectionOf(token.normalized, token.heading) !== 'overview') continue
    if (overview && numbers) {
      let start = i
      while (start > 0) {
        const before = tokens[start - 1] as Token
        if (before.kind !== 'paragraph' || !isTitle(before.text)) break
        start--
      }
      starts.push(start)
      numbers = false
    }
    overview = true
  }
  return starts
}
