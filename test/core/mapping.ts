/**
 * A small harness for the mapper and the table constructs: neutral documents written in a line
 * each, run through the tokenizer, readMeta and mapTables as parseReport does.
 */
import { mapTables, type MapResult } from '../../src/core/mapper.js'
import { readMeta } from '../../src/core/meta.js'
import type { Edition } from '../../src/model/types.js'
import type { ResolvedBlock, SourceTable } from '../../src/source/document.js'
import { tokenize } from '../../src/source/tokenize.js'

/** A table: one row per line, cells apart by `|`. */
export const table = (isGrid: boolean, lines: string[]): SourceTable => ({
  type: 'table',
  grid: isGrid,
  rows: lines.map((line) => ({ cells: line.split('|').map((cell) => ({ text: cell })) }))
})

/** A table of text (`grid: false`): only the order of its cells is known. */
export const text = (...lines: string[]): SourceTable => table(false, lines)

/** A grid table (HTML, GFM): cells stand in their real columns. */
export const grid = (...lines: string[]): SourceTable => table(true, lines)

/** A paragraph between tables. */
export const paragraph = (line: string): ResolvedBlock => ({ type: 'paragraph', text: line })

/** A heading between tables. */
export const heading = (line: string): ResolvedBlock => ({ type: 'heading', text: line, depth: 2 })

/** Neutral document → tokens → readMeta → mapTables. */
export function map(edition: Edition, ...blocks: ResolvedBlock[]): MapResult {
  const tokens = tokenize({ blocks })
  return mapTables(tokens, edition, readMeta(tokens).headings)
}

/** A cell's value and state, by path. */
export function cell(result: MapResult, path: string): { value: number | null; state: number } {
  const index = result.schema.indexOf(path)
  if (index < 0) throw new Error(`no cell ${path}`)
  return { value: result.values[index] ?? null, state: result.states[index] ?? -1 }
}
