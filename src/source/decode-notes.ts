/**
 * What decoding did, as diagnostics: `encoding_guessed` when the encoding was chosen by what the
 * bytes hold, `encoding_repaired` when bytes the encoding cannot read were replaced.
 *
 * @module
 */

import { makeDiagnostic } from '../model/diagnose.js'
import type { Diagnostic } from '../model/types.js'
import type { Decoding, ReadingScore } from './decode.js'
import { LineIndex } from './position.js'

/** A part of the decoded text: from `from` to `to` (exclusive), in UTF-16 code units. */
export interface TextPart {
  /** Where it starts. */
  from: number
  /** Where it ends (exclusive). */
  to: number
}

/** The whole text. */
const WHOLE: readonly TextPart[] = [{ from: 0, to: Number.POSITIVE_INFINITY }]

/**
 * The diagnostics of a decoding for each part of its text (each report of several; the whole text
 * by default): `encoding_guessed` for every part, `encoding_repaired` for a part that holds a
 * replaced sequence, with how many it holds and where the first is (in the bytes too, in UTF-8).
 * Linear in the text and the parts together: one line index, one lookup per part.
 *
 * @param decoding - The decoding, or `undefined` when the input came as text (or was never decoded).
 * @param parts - The parts, in order.
 * @returns The diagnostics of each part, in the order of `parts`.
 */
export function decodingDiagnostics(decoding: Decoding | undefined, parts: readonly TextPart[] = WHOLE): Diagnostic[][] {
  if (decoding === undefined) return parts.map(() => [])
  const { evidence, encoding, replaced } = decoding
  const guessed =
    decoding.by === 'evidence' && encoding === 'gb18030' && evidence !== undefined
      ? { declared: decoding.declared, invalid: evidence.utf8.replaced, labels: labels(evidence.gb18030, evidence.utf8) }
      : undefined
  const ranges = parts.map(({ from, to }) => ({ first: firstAtOrAfter(replaced, from), last: firstAtOrAfter(replaced, to) }))
  const firsts = ranges.filter(({ first, last }) => first < last).map(({ first }) => first)
  const bytes = new Map<number, number>()
  if (firsts.length > 0 && decoding.bytesOf !== undefined) {
    const offsets = decoding.bytesOf(firsts)
    firsts.forEach((first, i) => bytes.set(first, offsets[i] as number))
  }
  let index: LineIndex | undefined
  return ranges.map(({ first, last }) => {
    const diagnostics = guessed === undefined ? [] : [makeDiagnostic('encoding_guessed', guessed)]
    if (first >= last) return diagnostics
    const position = (index ??= new LineIndex(decoding.text)).at(replaced[first] as number)
    const facts = {
      encoding,
      by: decoding.by,
      declared: decoding.declared,
      count: last - first,
      byte: bytes.get(first),
      line: position.line,
      column: position.column,
      labels: evidence === undefined || encoding !== 'utf-8' ? undefined : labels(evidence.utf8, evidence.gb18030)
    }
    diagnostics.push(makeDiagnostic('encoding_repaired', facts, { position }))
    return diagnostics
  })
}

/** The format's characters in the reading taken and in the other. */
function labels(chosen: ReadingScore, other: ReadingScore): { chosen: number; other: number } {
  return { chosen: chosen.characters, other: other.characters }
}

/** The index of the first offset at or after `at` in an ascending list (its length when none). */
function firstAtOrAfter(offsets: Int32Array, at: number): number {
  let low = 0
  let high = offsets.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((offsets[mid] as number) < at) low = mid + 1
    else high = mid
  }
  return low
}
