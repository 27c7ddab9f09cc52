/**
 * The plain-text adapter: copied, crawled and converted text.
 *
 * The layouts it reads are those of the core's line reader (`core/lines.ts`):
 * tab-separated rows, one cell per line, `X |` cells, pipe rows, numbers apart
 * by spaces. Tables come out with `grid: false`: in such text only the order of
 * cells is sure.
 *
 * @module
 */

import type { Adapter, SourceBlock, SourceDocument } from '../../source/document.js'
import { readCrawlerHeader } from '../../source/crawler.js'
import { readLines } from '../../source/lines.js'
import { LineIndex } from '../../source/position.js'

/** The plain-text adapter. Its `detect()` gives a low score: it is the fallback. */
export const textAdapter: Adapter = {
  name: 'text',
  detect: () => 0.1,
  read: readText
}

/**
 * Read plain text into the neutral document.
 *
 * @param input - The report as text.
 */
export function readText(input: string): SourceDocument {
  const blocks: SourceBlock[] = []
  const index = new LineIndex(input)
  const { body, title } = readCrawlerHeader(input, index)
  readLines(body === 0 ? input : input.slice(body), body, index, blocks)
  return title === undefined ? { blocks } : { blocks, crawlerTitle: title }
}
