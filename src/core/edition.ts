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

/**
 * Detect the edition from markers in the normalised text of the tables
 * (FORMATS.md, Format detection); ties fall back to the year: ≤ 2020 is 2019.
 *
 * @param normalizedText - The normalised text of the report's tables.
 * @param year - The year reported on, if known.
 */
export function detectEdition(normalizedText: string, year: number | null): EditionGuess {
  const markers = {
    '2019': MARKERS['2019'].filter((marker) => normalizedText.includes(marker)).length,
    '2021': MARKERS['2021'].filter((marker) => normalizedText.includes(marker)).length
  }
  const byYear: Edition = year !== null && year <= 2020 ? '2019' : '2021'
  const edition: Edition = markers['2019'] === markers['2021'] ? byYear : markers['2019'] > markers['2021'] ? '2019' : '2021'
  return { edition, conflict: markers['2019'] > 0 && markers['2021'] > 0, markers }
}
