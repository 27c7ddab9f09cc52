/**
 * The dataset as a CSV panel. Wide (the default): one row per body and year, with the body's
 * identity, the year's sources, its number of problems across reports and the statuses of its
 * cells, then the key cells and every indicator. Long: one row per body, year and cell of its
 * merged report, with the cell's status and the problems that name it.
 *
 * @module
 */

import { INDICATOR_NAMES } from '../../dataset/indicators.js'
import type { DatasetBody, DatasetYear } from '../../dataset/types.js'
import { cellSchema } from '../../model/schema.js'
import { csvText, valueText } from '../../serialize/rows.js'
import { KEY_CELLS, statusCounts, type YearCells } from './cells.js'

/** The wide panel's columns before the key cells and the indicators. */
export const PANEL_LEAD = ['body', 'region', 'level', 'year', 'edition', 'sources', 'problems', 'cell_statuses'] as const

/** The long panel's columns. */
export const PANEL_LONG = ['body', 'region', 'level', 'year', 'edition', 'path', 'value', 'status', 'problems'] as const

/**
 * The panel's header line.
 *
 * @param shape - `wide` or `long`.
 */
export function panelHeader(shape: 'wide' | 'long'): string {
  const names = shape === 'long' ? PANEL_LONG : [...PANEL_LEAD, ...KEY_CELLS.map((cell) => cell.path), ...INDICATOR_NAMES]
  return `${names.map(csvText).join(',')}\r\n`
}

/** A body's fields, escaped once: `body,region,level`. */
export function bodyFields(body: DatasetBody): string {
  return [body.body, body.region ?? '', body.level ?? ''].map(csvText).join(',')
}

/**
 * A body's year as a wide row.
 *
 * @param lead - {@link bodyFields} of its body.
 * @param year - The year.
 * @param cells - Its cells, read once.
 * @param problems - How many dataset diagnostics name this body and year.
 */
export function wideRow(lead: string, year: DatasetYear, cells: YearCells, problems: number): string {
  let line = `${lead},${year.year},${year.edition},${csvText(year.sources.map((source) => source.source).join(' | '))},${problems},${csvText(statusCounts(cells.statuses))}`
  for (const value of cells.keys) line += `,${valueText(value)}`
  for (const name of INDICATOR_NAMES) line += `,${valueText(year.indicators[name])}`
  return `${line}\r\n`
}

/**
 * A body's year as long rows: one per cell of its merged report, in schema order.
 *
 * @param lead - {@link bodyFields} of its body.
 * @param year - The year.
 * @param cells - Its cells, read once.
 * @param problems - The codes of the dataset diagnostics naming each cell of this body and year, by path.
 */
export function longRows(
  lead: string,
  year: DatasetYear,
  cells: YearCells,
  problems: ReadonlyMap<string, readonly string[]> | undefined
): string {
  const head = `${lead},${year.year},${year.edition},`
  const paths = cellSchema(year.edition).paths
  let out = ''
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i] as string
    const codes = problems?.get(path)
    out += `${head}${path},${valueText(cells.cells[i] ?? null)},${cells.statuses[i] as string},${codes === undefined ? '' : codes.join(' ')}\r\n`
  }
  return out
}
