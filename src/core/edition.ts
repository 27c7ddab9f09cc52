/**
 * Which edition of the format a report follows.
 *
 * @module
 */

import { CATALOGUES } from '../model/catalogue.js'
import type { Edition } from '../model/types.js'
import { normalizeLabel } from './normalize.js'

/** The edition detected, with the evidence. */
export interface EditionGuess {
  /** The edition. */
  edition: Edition
  /** Markers of both editions were present. */
  conflict: boolean
  /** How many markers of each edition were seen. */
  markers: Record<Edition, number>
}

const MARKERS: Record<Edition, string[]> = {
  '2019': CATALOGUES['2019'].markers.map((marker) => normalizeLabel(marker)),
  '2021': CATALOGUES['2021'].markers.map((marker) => normalizeLabel(marker))
}
/** Every marker with its edition, in one list. */
const ALL_MARKERS = (['2019', '2021'] as const).flatMap((edition) => MARKERS[edition].map((marker) => ({ edition, marker })))

/** Which markers a label holds, by index into `ALL_MARKERS`, for labels this short (they recur in every report). */
const HITS = new Map<string, readonly number[]>()
const MEMO_LENGTH = 64
const MEMO_LIMIT = 20000
const NONE: readonly number[] = []

function hitsOf(label: string): readonly number[] {
  let hits = label.length <= MEMO_LENGTH ? HITS.get(label) : undefined
  if (hits !== undefined) return hits
  const found: number[] = []
  ALL_MARKERS.forEach(({ marker }, i) => {
    if (label.includes(marker)) found.push(i)
  })
  hits = found.length === 0 ? NONE : found
  if (label.length <= MEMO_LENGTH) {
    if (HITS.size >= MEMO_LIMIT) HITS.clear()
    HITS.set(label, hits)
  }
  return hits
}

/**
 * Detect the edition from markers in the normalised text of the tables
 * (FORMATS.md, Format detection); ties fall back to the year: ≤ 2020 is 2019.
 *
 * @param normalizedText - The normalised text of the report's tables.
 * @param year - The year reported on, if known.
 */
export function detectEdition(normalizedText: string, year: number | null): EditionGuess {
  return detectEditionOf([normalizedText], year)
}

/**
 * {@link detectEdition} over the tables' texts one by one (no marker holds a cell boundary, so
 * this is the same as over their joined text).
 *
 * @param labels - The normalised texts of the tables' cells.
 * @param year - The year reported on, if known.
 */
export function detectEditionOf(labels: Iterable<string>, year: number | null): EditionGuess {
  const seen = new Uint8Array(ALL_MARKERS.length)
  for (const label of labels) for (const i of hitsOf(label)) seen[i] = 1
  const markers = { '2019': 0, '2021': 0 }
  ALL_MARKERS.forEach(({ edition }, i) => {
    markers[edition] += seen[i] as number
  })
  const byYear: Edition = year !== null && year <= 2020 ? '2019' : '2021'
  const edition: Edition = markers['2019'] === markers['2021'] ? byYear : markers['2019'] > markers['2021'] ? '2019' : '2021'
  return { edition, conflict: markers['2019'] > 0 && markers['2021'] > 0, markers }
}
