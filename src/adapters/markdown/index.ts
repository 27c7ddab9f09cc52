/**
 * The Markdown adapter: reports re-published by converters (pandoc, mammoth,
 * wiki exports) or transcribed by hand, parsed with unified, remark-parse and
 * remark-gfm.
 *
 * - GFM tables become grids, each row exactly as printed (remark never pads
 *   or trims a body row, and neither does this adapter).
 * - Headings of any depth become headings; paragraphs become one text block per line.
 * - Paragraphs and code blocks that hold tab-separated, pipe or number rows
 *   (a table pasted as text, `｜` rows that GFM does not take for a table) are
 *   read by the core's line reader, exactly as the text adapter reads them.
 * - A raw HTML `<table>` becomes an embedded part for the adapter named `html`.
 *
 * Every position is an offset into the Markdown source.
 *
 * The parts: `detect.ts` scores an input, `nesting.ts` guards remark against deep
 * nesting, `remark.ts` loads and runs remark, `walk.ts` reads the block tree,
 * `table.ts` the GFM tables, `inline.ts` the text of inline content and raw HTML,
 * `lines.ts` the offsets of lines in the source, `sanity.ts` what remark may be given (input beyond
 * its limits is read as plain text, with the notice `readAsText`).
 *
 * @module
 */

import type { Adapter, SourceBlock, SourceDocument } from '../../source/document.js'
import { readCrawlerHeader } from '../../source/crawler.js'
import { readLines } from '../../source/lines.js'
import { LineIndex } from '../../source/position.js'
import { detectMarkdown } from './detect.js'
import { flattenNesting } from './nesting.js'
import { parseMarkdown } from './remark.js'
import { beyondLimits } from './sanity.js'
import { walk } from './walk.js'

/**
 * The Markdown adapter. `detect()` gives 0.9 to input with a GFM table, 0.6 to
 * input with `#` headings, 0 otherwise (plain text goes to the text adapter).
 */
export const markdownAdapter: Adapter = {
  name: 'markdown',
  detect: detectMarkdown,
  read: readMarkdown
}

/**
 * Read Markdown into the neutral document.
 *
 * @param input - The report as Markdown.
 * @returns The blocks of the report in source order, every position an offset into `input`.
 */
export function readMarkdown(input: string): SourceDocument {
  const beyond = beyondLimits(input)
  if (beyond !== undefined) {
    // Not a report's Markdown, and too costly for remark: the line reader reads pipe rows, tab rows and # headings.
    const blocks: SourceBlock[] = []
    readLines(input, 0, new LineIndex(input), blocks)
    return { blocks, notices: [{ kind: 'readAsText', ...beyond }] }
  }
  const index = new LineIndex(input)
  const blocks: SourceBlock[] = []
  // A crawler's header is read as such, and blanked (line breaks kept) so that remark does not see it.
  const { body, title } = readCrawlerHeader(input, index)
  const masked = body === 0 ? input : input.slice(0, body).replace(/[^\n]/gu, ' ') + input.slice(body)
  const tree = parseMarkdown(flattenNesting(masked))
  const context = { input, index, blocks, quoted: false }
  walk(tree.children, context)
  return title === undefined ? { blocks: context.blocks } : { blocks: context.blocks, crawlerTitle: title }
}
