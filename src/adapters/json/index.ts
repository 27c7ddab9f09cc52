/**
 * The JSON adapter: a report as `formatReport(report, { format: 'json' })` writes it
 * (or any object of the model's shape) read back through the official layout, so
 * its numbers pass the same mapping and checks as every other input.
 *
 * @module
 */

import type { Adapter, SourceBlock, SourceDocument, SourceIdentity } from '../../source/document.js'
import { createEmptyReport } from '../../model/empty.js'
import { printNumber } from '../../model/decimal.js'
import { layoutReport, toGrid } from '../../model/layout.js'
import type { Edition, Report } from '../../model/types.js'

/** The JSON adapter. `detect()` gives 0.99 to a JSON object with an `edition`, 0 otherwise. */
export const jsonAdapter: Adapter = {
  name: 'json',
  detect: (input) => (/^[\s\ufeff]*\{/u.test(input) && /"edition"\s*:/u.test(input) ? 0.99 : 0),
  read: readJson
}

/** The longest `edition` value a message quotes whole. */
const QUOTED = 40

/** Why a JSON object is of no edition: its `edition` key is missing, or holds something else (quoted, cut short). */
function editionProblem(record: Record<string, unknown>): string {
  if (!('edition' in record))
    return 'the JSON is not a report: it has no "edition" key (a report as zfxxgk writes it has "edition": "2019" or "2021")'
  const given = JSON.stringify(record.edition) ?? typeof record.edition
  const shown = given.length > QUOTED ? `${given.slice(0, QUOTED)}…` : given
  return `the JSON's "edition" is ${shown}, not "2019" or "2021"`
}

/**
 * Read a report written as JSON into the neutral document. Throws (and so gives
 * `not_a_report`) for text that is not JSON or not of either edition.
 *
 * @param input - The JSON text.
 */
export function readJson(input: string): SourceDocument {
  const data: unknown = JSON.parse(input.replace(/^\ufeff/u, ''))
  if (typeof data !== 'object' || data === null) throw new Error('the JSON is not an object')
  const record = data as Record<string, unknown>
  const edition = record.edition
  if (edition !== '2019' && edition !== '2021') throw new Error(editionProblem(record))
  const report: Report = createEmptyReport(edition as Edition)
  report.title = typeof record.title === 'string' ? record.title : null
  const sections = (record.sections ?? {}) as Record<string, unknown>
  for (const key of ['overview', 'problems', 'other'] as const) {
    const text = sections[key]
    report.sections[key] = typeof text === 'string' ? text : null
  }
  if (Array.isArray(record.extras)) {
    for (const extra of record.extras as unknown[]) {
      const entry = (typeof extra === 'object' && extra !== null ? extra : {}) as Record<string, unknown>
      if (typeof entry.text !== 'string' || typeof entry.label !== 'string') continue
      const kept: Report['extras'][number] = { label: entry.label, value: null, text: entry.text }
      if (Array.isArray(entry.values)) kept.values = []
      report.extras.push(kept)
    }
  }
  const raw = (path: string): unknown =>
    path
      .split('.')
      .reduce<unknown>(
        (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
        record
      )
  const print = (path: string): string => {
    const value = raw(path)
    if (typeof value === 'number') return printNumber(value)
    return typeof value === 'string' ? value : ''
  }
  const blocks: SourceBlock[] = layoutReport(report).map((block) =>
    block.type === 'table'
      ? {
          type: 'table',
          grid: true,
          columns: block.columns,
          rows: toGrid(block.rows, block.columns, (cell) => print(cell.path ?? '')).map((cells) => ({
            cells: cells.map((text) => ({ text }))
          }))
        }
      : block.type === 'heading'
        ? { type: 'heading', text: block.text, depth: block.depth }
        : { type: 'paragraph', text: block.text }
  )
  // Who and which year as written, with their evidence (the core checks each field); an older
  // JSON without `identity` has them read again from its title.
  if (typeof record.identity !== 'object' || record.identity === null) return { blocks }
  const identity = { organization: record.organization, year: record.year, identity: record.identity } as SourceIdentity
  return { blocks, identity }
}
