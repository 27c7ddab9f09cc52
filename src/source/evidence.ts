/**
 * How much of a report a reading of bytes holds: the ideographs of the format's labels and
 * headings it has. A report read in its own encoding has hundreds of them; read in the wrong one
 * (UTF-8 bytes as GB18030, GBK bytes as UTF-8), its characters become others, few of them these.
 *
 * @module
 */

import {
  APPLICANT_COLUMNS,
  CATALOGUES,
  SECTION_HEADINGS,
  TABLE2_HEADER_LABELS,
  TABLE3_HEADER_LABELS,
  TABLE4_GROUPS,
  TABLE4_LITIGATION_LABELS,
  TABLE4_OUTCOMES
} from '../model/catalogue.js'

const FIRST = 0x4e00
const LAST = 0x9fff

/** The format's texts: labels of rows and columns of both editions, headings, table texts. */
function formatTexts(): string[] {
  const texts: string[] = []
  for (const catalogue of Object.values(CATALOGUES)) {
    texts.push(...catalogue.markers)
    for (const spec of [...catalogue.table2Columns, ...catalogue.table2Rows, ...catalogue.table3Rows]) texts.push(...spec.labels)
  }
  for (const spec of [...APPLICANT_COLUMNS, ...TABLE4_GROUPS, ...TABLE4_OUTCOMES]) texts.push(...spec.labels)
  for (const heading of SECTION_HEADINGS) texts.push(...heading.fragments)
  texts.push(...TABLE4_LITIGATION_LABELS, ...TABLE2_HEADER_LABELS.content, TABLE2_HEADER_LABELS.captionPrefix)
  texts.push(...TABLE3_HEADER_LABELS.applicants, ...TABLE3_HEADER_LABELS.organizations, TABLE3_HEADER_LABELS.noteFragment)
  return texts
}

let ideographs: Uint8Array | undefined

/** The ideographs of the format's texts, as flags by code point from U+4E00 (built on first use). */
function formatIdeographs(): Uint8Array {
  if (ideographs !== undefined) return ideographs
  const flags = new Uint8Array(LAST - FIRST + 1)
  for (const text of formatTexts()) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code >= FIRST && code <= LAST) flags[code - FIRST] = 1
    }
  }
  return (ideographs = flags)
}

/**
 * How many characters of a text are ideographs of the format's labels and headings (政, 府, 信,
 * 息, 申, 请 …).
 *
 * @param text - A reading of the input.
 */
export function formatCharacters(text: string): number {
  const flags = formatIdeographs()
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= FIRST && code <= LAST) count += flags[code - FIRST] as number
  }
  return count
}

/**
 * How many U+FFFD (the replacement character a decoder puts for bytes it cannot read) a text holds.
 *
 * @param text - A reading of the input.
 */
export function replacementCount(text: string): number {
  let count = 0
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) count++
  return count
}
