/**
 * Title, organisation, year and the narrative sections, from the paragraphs of the token stream.
 *
 * @module
 */

import type { SectionId } from '../model/catalogue.js'
import type { Sections } from '../model/types.js'
import { tidyProse } from './normalize.js'
import { sectionOf } from './sections.js'
import type { ParagraphToken, Token } from './tokens.js'

/** The document's blocks in order: a paragraph, or `null` for a table. */
type Blocks = readonly (ParagraphToken | null)[]

/** What the text blocks say about the report. */
export interface ReportMeta {
  /** The title as printed (lines of a broken title joined, whitespace removed). */
  title: string | null
  /** The issuing body from the title. */
  organization: string | null
  /** The year reported on, from the title. */
  year: number | null
  /** Sections 一, 五, 六. */
  sections: Sections
  /** The section each heading opens, by block index: the one place headings are recognised. */
  headings: ReadonlyMap<number, SectionId>
}

interface Heading {
  id: SectionId
  block: number
}

const TITLE = /(?:政府信息公开|政务公开).{0,12}报告/u
const TITLE_PARTS = /^(?<organization>.*?)(?<year>(?:19|20)\d{2})\s*年度?/u
/** A title that names the year first: `2019年上海市人民政府办公厅政府信息公开工作年度报告`. */
const YEAR_FIRST = /^(?:19|20)\d{2}\s*年度?(?<organization>.+?)(?:政府信息公开|政务公开)/u
const MAX_TITLE_PART = 48

/**
 * Read title, organisation, year and sections from a document's tokens.
 *
 * @param tokens - The token stream of the document.
 */
export function readMeta(tokens: readonly Token[]): ReportMeta {
  const document = blocksOf(tokens)
  const headings = findHeadings(document)
  const firstHeading = headings[0]?.block ?? -1
  /** The first table after the first section heading (a page may have a menu table above the report). */
  const firstTable = document.findIndex((block, i) => block === null && i > firstHeading)
  const title = findTitle(document, firstHeading >= 0 ? firstHeading : firstTable >= 0 ? firstTable : document.length)
  const parts = title === null ? null : (TITLE_PARTS.exec(title)?.groups ?? null)
  const named = parts?.organization === '' && title !== null ? YEAR_FIRST.exec(title)?.groups : undefined
  const organization = (named?.organization ?? parts?.organization)?.replace(/^关于/u, '') ?? null
  return {
    title,
    headings: new Map(headings.map((heading) => [heading.block, heading.id])),
    organization: organization === '' ? null : organization,
    year: parts?.year === undefined ? null : Number(parts.year),
    sections: {
      overview: sectionText(document, headings, 'overview', firstTable),
      problems: sectionText(document, headings, 'problems', -1),
      other: sectionText(document, headings, 'other', -1)
    }
  }
}

/** Every block a paragraph or a table ends in: each block of the document, in order. */
function blocksOf(tokens: readonly Token[]): Blocks {
  const blocks: (ParagraphToken | null)[] = []
  for (const token of tokens) {
    if (token.kind === 'paragraph') blocks[token.block] = token
    else if (token.kind === 'tableEnd') blocks[token.block] = null
  }
  return blocks
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

/** A title is looked for in the first this many blocks. */
const MAX_TITLE_BLOCK = 1000

/** The first title-like line before the body; a line before it is joined when the title was broken (`…办事处2020年` / `政府信息公开工作年度报告`). */
function findTitle(document: Blocks, end: number): string | null {
  // A title stands near the top: past the first blocks, a page holds no title of its report.
  for (let i = 0; i < Math.min(end, MAX_TITLE_BLOCK); i++) {
    const block = document[i]
    if (block === undefined || block === null) continue
    const text = compact(block.text)
    if (!isTitleText(text)) continue
    if (!TITLE_PARTS.test(text) || /^(?:19|20)\d{2}/u.test(text)) {
      const previous = document[i - 1]
      if (previous !== undefined && previous !== null) {
        const head = compact(previous.text)
        if (head.length <= MAX_TITLE_PART && !/[。；，,:：]/u.test(head)) return head + text
      }
    }
    return text
  }
  return null
}

/** Whether a line of text, white space removed, reads as a report's title. */
function isTitleText(text: string): boolean {
  return TITLE.test(text) && text.length <= 80 && !/[。；]/u.test(text)
}

/**
 * Whether a paragraph reads as a report's title (`…政府信息公开工作年度报告`, not a sentence).
 *
 * @param text - The paragraph as printed.
 */
export function isTitle(text: string): boolean {
  return isTitleText(compact(text))
}

function compact(text: string): string {
  return tidyProse(text).replace(/[\s\u00a0\u3000]+/gu, '')
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
