/**
 * Title, statistics period and the narrative sections, from the paragraphs of the token stream.
 *
 * @module
 */

import type { SectionId } from '../model/catalogue.js'
import type { NarrativeSection, Position, Sections } from '../model/types.js'
import { readPeriod, type PeriodReading } from './identity.js'
import { tidyProse } from './normalize.js'
import { sectionOf } from './sections.js'
import { findTitle, type Blocks, type FoundTitle } from './title.js'
import type { ParagraphToken, Token } from './tokens.js'

/** What the text blocks say about the report. */
export interface ReportMeta {
  /** The title in the body, if one stands before the first section heading or table. */
  title: FoundTitle | null
  /** The first statistics period a paragraph states, with where that paragraph starts. */
  period: (PeriodReading & { position?: Position | undefined }) | undefined
  /** Sections 一, 五, 六. */
  sections: Sections
  /** The section each heading opens, by block index: the one place headings are recognised. */
  headings: ReadonlyMap<number, SectionId>
  /** Every section found, in document order, with the paragraphs of its prose (tables excluded). */
  narrative: NarrativePart[]
}

/** A section found: what the report's `narrative` shows of it, and its paragraphs as read. */
export interface NarrativePart {
  /** What the report shows. */
  section: NarrativeSection
  /** Its prose paragraphs, in order (their text tidied as `text` joins them). */
  paragraphs: { text: string; position?: Position | undefined }[]
}

interface Heading {
  id: SectionId
  block: number
}

/**
 * Read title, statistics period and sections from a document's tokens.
 *
 * @param tokens - The token stream of the document.
 */
export function readMeta(tokens: readonly Token[]): ReportMeta {
  const { blocks: document, rows } = blocksOf(tokens)
  const headings = findHeadings(document)
  const firstHeading = headings[0]?.block ?? -1
  /** The first table after the first section heading (a page may have a menu table above the report). */
  const firstTable = document.findIndex((block, i) => block === null && i > firstHeading)
  return {
    title: findTitle(document, firstHeading >= 0 ? firstHeading : firstTable >= 0 ? firstTable : document.length, rows),
    period: findPeriod(document),
    headings: new Map(headings.map((heading) => [heading.block, heading.id])),
    narrative: narrativeOf(document, headings, firstTable),
    sections: {
      overview: sectionText(document, headings, 'overview', firstTable),
      problems: sectionText(document, headings, 'problems', -1),
      other: sectionText(document, headings, 'other', -1)
    }
  }
}

/** The first statistics period a paragraph states (`统计期限为2024年1月1日至12月31日`). */
function findPeriod(document: Blocks): ReportMeta['period'] {
  for (const block of document) {
    if (block === null || block === undefined) continue
    const period = readPeriod(block.text)
    if (period !== undefined) return { ...period, position: block.position }
  }
  return undefined
}

/** A table of at most this many cells and characters in one row may be a line of a title a reader took for a row (a letter-spaced year: a digit a cell). */
const SHORT_ROW = { cells: 6, length: 64 } as const

/**
 * Every block a paragraph or a table ends in: each block of the document, in order; and the text of
 * each table that is one short row, by block index.
 */
function blocksOf(tokens: readonly Token[]): { blocks: Blocks; rows: Map<number, string> } {
  const blocks: (ParagraphToken | null)[] = []
  const rows = new Map<number, string>()
  let cells: string[] = []
  let row: number | undefined
  let single = true
  for (const token of tokens) {
    if (token.kind === 'paragraph') blocks[token.block] = token
    else if (token.kind === 'text' || token.kind === 'value') {
      if (row !== undefined && token.row !== row) single = false
      row = token.row
      if (single && cells.length < SHORT_ROW.cells + 1) cells.push(token.text)
    } else if (token.kind === 'tableEnd') {
      blocks[token.block] = null
      const text = cells.join('')
      if (single && cells.length <= SHORT_ROW.cells && text.length <= SHORT_ROW.length) rows.set(token.block, text)
      cells = []
      row = undefined
      single = true
    }
  }
  return { blocks, rows }
}

function findHeadings(document: Blocks): Heading[] {
  const headings: Heading[] = []
  document.forEach((block, index) => {
    if (block === null) return
    const id = sectionOf(block.normalized, block.heading)
    if (id !== undefined) headings.push({ id, block: index })
  })
  return headings
}

/**
 * The text under a section's heading up to the next heading or table, as lines
 * joined by `\n`. The last heading of the section counts (a preamble may list
 * the headings first); for 一, the last before the first table.
 */
function sectionText(document: Blocks, headings: Heading[], id: SectionId, before: number): string | null {
  const candidates = headings.filter((heading) => heading.id === id && (before < 0 || heading.block < before))
  const start = candidates[candidates.length - 1]
  if (start === undefined) return null
  const lines: string[] = []
  for (let i = start.block + 1; i < document.length; i++) {
    const block = document[i]
    if (block === null || block === undefined || headings.some((heading) => heading.block === i)) break
    const line = tidyProse(block.text)
    if (line !== '') lines.push(line)
  }
  return lines.length === 0 ? null : lines.join('\n')
}

/**
 * Every section the report prints, in document order: the heading each section's text is read
 * under (the last of its id; for 一, the last before the first table), and every paragraph from
 * it to the next heading, tables passed over.
 */
function narrativeOf(document: Blocks, headings: Heading[], firstTable: number): NarrativePart[] {
  const chosen = new Map<SectionId, Heading>()
  for (const heading of headings)
    if (heading.id !== 'overview' || firstTable < 0 || heading.block < firstTable) chosen.set(heading.id, heading)
  const isHeading = new Set(headings.map((heading) => heading.block))
  const parts: NarrativePart[] = []
  for (const heading of [...chosen.values()].sort((a, b) => a.block - b.block)) {
    const token = document[heading.block] as ParagraphToken
    const paragraphs: NarrativePart['paragraphs'] = []
    for (let i = heading.block + 1; i < document.length && !isHeading.has(i); i++) {
      const block = document[i]
      if (block === null || block === undefined) continue
      const text = tidyProse(block.text)
      if (text !== '') paragraphs.push({ text, position: block.position })
    }
    const section: NarrativeSection = {
      section: heading.id,
      heading: tidyProse(token.text),
      text: paragraphs.length === 0 ? null : paragraphs.map((paragraph) => paragraph.text).join('\n')
    }
    if (token.position !== undefined) section.position = token.position
    parts.push({ section, paragraphs })
  }
  return parts
}
