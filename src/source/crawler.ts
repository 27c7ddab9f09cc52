/**
 * The header a crawler writes over an article it saved (`标题: …`, `发布时间: …`, `原文链接: …`,
 * `==== 正文 ====`): the title is evidence of the report's title, organisation and year, the rest is the
 * crawler's and never part of the report.
 *
 * @module
 */

import type { SourceTitle } from './document.js'
import type { LineIndex } from './position.js'

/** A crawler's header over the article: `标题: …`, `发布时间: …`, … `==== 正文 ====` (at most this many lines). */
const CRAWLER_HEADER = { title: /^\uFEFF?标题\s*[:：]\s*(.*?)\s*$/u, end: /^=+\s*正文\s*=+\s*$/u, lines: 24 } as const

/** Words that open a page's breadcrumb (`当前位置：首页 政务公开`), which a crawler keeps on the body's first line. */
const BREADCRUMBS = ['当前位置', '您的位置', '您现在的位置', '您所在的位置']
/** A section heading that ends the breadcrumb's line, after white space (`… 政务公开 一、总体情况`). */
const HEADING_AFTER = /\s([一二三四五六]、[^\s。]{2,40})\s*$/u

/**
 * How much of the body's first line is a breadcrumb before a section heading that ends the line
 * (0 when the line opens no breadcrumb, or holds more than one: the title or prose after it).
 */
function breadcrumb(input: string, at: number): number {
  const end = input.indexOf('\n', at)
  const line = input.slice(at, end < 0 ? input.length : end).replace(/\r$/u, '')
  if (!BREADCRUMBS.some((word) => line.startsWith(word))) return 0
  const heading = HEADING_AFTER.exec(line)
  return heading === null ? 0 : heading.index + 1
}

/** A crawler's header: where the body starts, and the header's title. */
export interface CrawlerHeader {
  /** Where the body starts: after the header's last line, or 0 without such a header. */
  body: number
  /** The header's title (after `标题:`), where it has one. */
  title?: SourceTitle
}

/**
 * A crawler's header: its title is kept apart (the document's `crawlerTitle`), its other lines
 * (date, issuer, links, local paths) are dropped.
 *
 * @param input - The whole input.
 * @param index - Its line index, for the title's position.
 * @returns Where the body starts (0 without such a header), and the header's title.
 */
export function readCrawlerHeader(input: string, index: LineIndex): CrawlerHeader {
  const firstEnd = input.indexOf('\n')
  const title = CRAWLER_HEADER.title.exec(input.slice(0, firstEnd < 0 ? input.length : firstEnd).replace(/\r$/u, ''))
  if (title === null) return { body: 0 }
  let at = firstEnd + 1
  for (let line = 1; line < CRAWLER_HEADER.lines && at > 0 && at < input.length; line++) {
    const end = input.indexOf('\n', at)
    const text = input.slice(at, end < 0 ? input.length : end).replace(/\r$/u, '')
    at = end < 0 ? input.length : end + 1
    if (!CRAWLER_HEADER.end.test(text)) continue
    const heading = title[1] as string
    const body = at + breadcrumb(input, at)
    return heading === '' ? { body } : { body, title: { text: heading, position: index.at(input.indexOf(heading)) } }
  }
  return { body: 0 }
}
