/**
 * Title, organisation, year and the narrative sections, from the text blocks.
 *
 * @module
 */

import type { SectionId } from '../model/catalogue.js'
import type { Sections } from '../model/types.js'
import type { ResolvedDocument } from './document.js'
import { tidyProse } from './normalize.js'
import { headOf } from './tokens.js'
import { sectionOf } from './sections.js'

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
 * Read title, organisation, year and sections from a document.
 *
 * @param document - The neutral document.
 */
export function readMeta(document: ResolvedDocument): ReportMeta {
  const headings = findHeadings(document)
  const firstHeading = headings[0]?.block ?? -1
  /** The first table after the first section heading (a page may have a menu table above the report). */
  const firstTable = document.blocks.findIndex((block, i) => block.type === 'table' && i > firstHeading)
  const title = findTitle(document, firstHeading >= 0 ? firstHeading : firstTable >= 0 ? firstTable : document.blocks.length)
  const parts = title === null ? null : (TITLE_PARTS.exec(title)?.groups ?? null)
  const named = parts?.organization === '' && title !== null ? YEAR_FIRST.exec(title)?.groups : undefined
  const organization = (named?.organization ?? parts?.organization)?.replace(/^关于/u, '') ?? null
  return {
    title,
    organization: organization === '' ? null : organization,
    year: parts?.year === undefined ? null : Number(parts.year),
    sections: {
      overview: sectionText(document, headings, 'overview', firstTable),
      problems: sectionText(document, headings, 'problems', -1),
      other: sectionText(document, headings, 'other', -1)
    }
  }
}

function findHeadings(document: ResolvedDocument): Heading[] {
  const headings: Heading[] = []
  document.blocks.forEach((block, index) => {
    if (block.type === 'table') return
    const id = sectionOf(headOf(block.text), block.type === 'heading')
    if (id !== undefined) headings.push({ id, block: index })
  })
  return headings
}

/** The first title-like line before the body; a line before it is joined when the title was broken (`…办事处2020年` / `政府信息公开工作年度报告`). */
function findTitle(document: ResolvedDocument, end: number): string | null {
  for (let i = 0; i < end; i++) {
    const block = document.blocks[i]
    if (block === undefined || block.type === 'table') continue
    const text = compact(block.text)
    if (!TITLE.test(text) || text.length > 80 || /[。；]/u.test(text)) continue
    if (!TITLE_PARTS.test(text) || /^(?:19|20)\d{2}/u.test(text)) {
      const previous = document.blocks[i - 1]
      if (previous !== undefined && previous.type !== 'table') {
        const head = compact(previous.text)
        if (head.length <= MAX_TITLE_PART && !/[。；，,:：]/u.test(head)) return head + text
      }
    }
    return text
  }
  return null
}

function compact(text: string): string {
  return tidyProse(text).replace(/[\s\u00a0\u3000]+/gu, '')
}

/**
 * The text under a section's heading up to the next heading or table, as lines
 * joined by `\n`. The last heading of the section counts (a preamble may list
 * the headings first); for 一, the last before the first table.
 */
function sectionText(document: ResolvedDocument, headings: Heading[], id: SectionId, before: number): string | null {
  const candidates = headings.filter((heading) => heading.id === id && (before < 0 || heading.block < before))
  const start = candidates[candidates.length - 1]
  if (start === undefined) return null
  const lines: string[] = []
  for (let i = start.block + 1; i < document.blocks.length; i++) {
    const block = document.blocks[i] as ResolvedDocument['blocks'][number]
    if (block.type === 'table' || headings.some((heading) => heading.block === i)) break
    const line = tidyProse(block.text)
    if (line !== '') lines.push(line)
  }
  return lines.length === 0 ? null : lines.join('\n')
}
