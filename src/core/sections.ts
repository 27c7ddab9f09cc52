/**
 * Recognising section headings.
 *
 * @module
 */

import { SECTION_HEADINGS, type SectionId } from '../model/catalogue.js'
import { normalizeLabel } from './normalize.js'

const NUMBERED = /^(?:[一二三四五六七八九十]+|\d+)[,.:]/u
/** `（一）`, `(1)`: the numbering of a sub-heading (`（一）主动公开情况` under 一、总体情况), never of a section. */
const SUB_NUMBERED = /^\([一二三四五六七八九十\d]+\)/u
const MAX_HEADING_LENGTH = 48
const FRAGMENTS = SECTION_HEADINGS.map((section) => ({
  id: section.id,
  fragments: section.fragments.map((fragment) => normalizeLabel(fragment))
}))

/**
 * Which section a heading or short line opens, if any.
 *
 * @param normalized - The line, normalised by `normalizeLabel`.
 * @param isHeading - Whether the input marks it as a heading (Markdown `#`, HTML `<h*>`).
 */
export function sectionOf(normalized: string, isHeading: boolean): SectionId | undefined {
  if (normalized.length > MAX_HEADING_LENGTH || normalized.endsWith('。')) return undefined
  if (SUB_NUMBERED.test(normalized) || (!isHeading && !NUMBERED.test(normalized))) return undefined
  for (const section of FRAGMENTS) {
    if (section.fragments.some((fragment) => normalized.includes(fragment))) return section.id
  }
  return undefined
}
