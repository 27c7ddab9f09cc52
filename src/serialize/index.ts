/**
 * `formatReport()`: a report written back out in the official layout, as
 * Markdown, text, HTML or JSON.
 *
 * @module
 */

import { printNumber } from '../model/decimal.js'
import { layoutReport, toGrid, type LayoutBlock, type LayoutCell } from '../model/layout.js'
import type { Report } from '../model/types.js'
import { toJson } from './json.js'
import { REPORT_SCHEMA_URL } from './schema-url.js'

/** The formats `formatReport` writes. */
export type OutputFormat = 'markdown' | 'text' | 'html' | 'json'

/** Options of {@link formatReport}. */
export interface FormatOptions {
  /** The output format (default: `'markdown'`). */
  format?: OutputFormat | null | undefined
}

/**
 * Write a report in the official layout: the six headings, table 二's 第二十条 blocks
 * with their headers, table 三 with its three levels of labels, the 勾稽 note and
 * seven columns, table 四's grouped header, the narrative sections, then extras.
 *
 * - `markdown`: GFM tables (spanning cells printed once, the rest of the span empty);
 * - `text`: tab-separated rows, as reports are copied from Word (`—` for a blank cell);
 * - `html`: a fragment with real rowspan and colspan, like the official template, each value cell
 *   naming its model path in `data-path` (`<td data-path="applications.total.results.granted">`);
 * - `json`: the report itself, with two-space indentation, its first key `$schema` naming the JSON
 *   Schema it follows ({@link REPORT_SCHEMA_URL}, shipped as `zfxxgk/schema/report.schema.json`).
 *
 * Every number is written as the model holds it: the shortest decimal that reads back as the same
 * number, in plain digits (`0.0000001`, never `1e-7`), never rounded; JSON stays valid JSON.
 *
 * `parseReport` reads each back to the same numbers, sections, title and extras
 * (written as printed after table 四: a line as a paragraph, a row as a one-row table).
 *
 * @param report - A report of either edition.
 * @param options - The format.
 * @returns The text of the report.
 *
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs'
 * import { formatReport, parseReport } from 'zfxxgk'
 *
 * const { report } = parseReport(readFileSync('report.html'))
 * if (report) writeFileSync('report.md', formatReport(report, { format: 'markdown' }))
 * ```
 */
export function formatReport(report: Report, options?: FormatOptions | null): string {
  const format = options?.format ?? 'markdown'
  if (format === 'json') return `${toJson({ $schema: REPORT_SCHEMA_URL, ...report }, 2)}\n`
  const blocks = layoutReport(report)
  if (format === 'markdown') return blocks.map(markdownBlock).join('\n\n') + '\n'
  if (format === 'text') return blocks.map(textBlock).join('\n\n') + '\n'
  if (format === 'html') return blocks.map(htmlBlock).join('\n') + '\n'
  throw new TypeError(`Unknown output format “${String(format)}”: expected 'markdown', 'text', 'html' or 'json'`)
}

const printCell =
  (blank: string) =>
  (cell: LayoutCell): string =>
    cell.value === null || cell.value === undefined ? blank : printNumber(cell.value)

function markdownBlock(block: LayoutBlock): string {
  if (block.type === 'heading') return `${'#'.repeat(block.depth)} ${escapeMarkdown(block.text)}`
  if (block.type === 'paragraph') return escapeMarkdown(block.text)
  const grid = toGrid(block.rows, block.columns, printCell(''))
  const line = (cells: string[]): string => `| ${cells.map((cell) => cell.replace(/\|/gu, '\\|')).join(' | ')} |`
  return [line(grid[0] ?? []), `|${' --- |'.repeat(block.columns)}`, ...grid.slice(1).map(line)].join('\n')
}

/** Escape what Markdown would read as markup, so the text comes back as written. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|#~]/gu, (ch) => `\\${ch}`)
    .replace(/^(\s*)([-+]|\d+[.)])(?=\s)/u, (_, space: string, marker: string) => `${space}${marker.replace(/([-+.)])$/u, '\\$1')}`)
}

function textBlock(block: LayoutBlock): string {
  if (block.type !== 'table') return block.text
  return toGrid(block.rows, block.columns, printCell('—'))
    .map((cells) => cells.join('\t'))
    .join('\n')
}

function htmlBlock(block: LayoutBlock): string {
  if (block.type === 'heading') return `<h${block.depth}>${escapeHtml(block.text)}</h${block.depth}>`
  if (block.type === 'paragraph') return `<p>${escapeHtml(block.text)}</p>`
  const print = printCell('')
  const rows = block.rows.map((row) => {
    const cells = row.map((cell) => {
      const spans = `${cell.rowspan === undefined ? '' : ` rowspan="${cell.rowspan}"`}${cell.colspan === undefined ? '' : ` colspan="${cell.colspan}"`}`
      // A value cell names its model path, for pages and scripts that style or read cells.
      const path = cell.path === undefined ? '' : ` data-path="${cell.path}"`
      return `<td${spans}${path}>${escapeHtml(cell.path === undefined ? cell.text : print(cell))}</td>`
    })
    return `<tr>${cells.join('')}</tr>`
  })
  return `<table border="1">\n${rows.join('\n')}\n</table>`
}

/** Text for HTML: `&`, `<`, `>` and `"` as entities (in text and in attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
}
