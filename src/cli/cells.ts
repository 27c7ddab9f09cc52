/**
 * Where a diagnostic's cell stands in the printed tables, for a reader of a PDF, where a line of
 * extracted text is nothing they can find: the table and the Chinese row and column labels, as the
 * wide CSV's `--header label` names them (`表三 三、本年度办理结果 / （一）予以公开 | 申请人情况 / 总计`).
 *
 * @module
 */

import { pathNames } from '../model/paths.js'
import type { Edition } from '../model/types.js'
import { rowTemplate } from '../serialize/template.js'

/** Places worked out, by edition and path (a batch names the same few paths again and again). */
const PLACES = new Map<string, string | null>()

/**
 * The cells a diagnostic path names, as a reader finds them: one cell's table, row and column; a
 * row's or a column's table and labels; a table's name; `undefined` for a path that names no cell
 * (`organization`, `title`).
 *
 * @param edition - The report's edition.
 * @param path - The diagnostic's `path`.
 */
export function cellPlace(edition: Edition, path: string): string | undefined {
  const key = `${edition} ${path}`
  let place = PLACES.get(key)
  if (place === undefined) {
    place = placeOf(edition, path)
    if (PLACES.size < 4096) PLACES.set(key, place)
  }
  return place ?? undefined
}

function placeOf(edition: Edition, path: string): string | null {
  const template = rowTemplate(edition)
  const cells = template.filter((row) => pathNames(path, row.path))
  const first = cells[0]
  if (first === undefined || cells.some((cell) => cell.table !== first.table)) return null
  const table = `表${first.table}`
  if (cells.length === template.filter((row) => row.table === first.table).length) return table
  // A row, a column or a group of rows: the labels its cells share.
  const row = shared(cells.map((cell) => cell.row))
  const column = shared(cells.map((cell) => cell.column))
  return `${table} ${[row, column].filter((label) => label !== '').join(' | ')}`.trimEnd()
}

/** The levels (` / `) all the labels begin with, joined again; `''` when they share none. */
function shared(labels: readonly string[]): string {
  const levels = labels.map((label) => label.split(' / '))
  const first = levels[0] ?? []
  let n = 0
  while (n < first.length && levels.every((level) => level[n] === first[n])) n++
  return first.slice(0, n).join(' / ')
}
