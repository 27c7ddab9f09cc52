/**
 * Which cells a diagnostic names: the one rule the CSV's `status` and `codes`, `view`'s colours and
 * the tests all follow. A diagnostic's `path` is a cell (`applications.total.results.granted`), or a
 * path that stands for several: a table 二 row (`activeDisclosure.regulations`), a table 三 row,
 * written with `*` for its applicant column (`applications.*.results.granted`), table 四's row of
 * numbers (`reviewAndLitigation.*`), a group of rows (`applications.*.results.other`), a table 三
 * column (`applications.naturalPerson`, for I-1) or a whole table (`applications`). It names every
 * cell it is a prefix of, a `*` standing for any one key.
 *
 * @module
 */

import type { Diagnostic } from './diagnostics.js'

/**
 * Whether a diagnostic path names a cell: it is the cell's path, or a prefix of it, where a `*`
 * stands for any one key.
 *
 * @param pattern - A diagnostic's `path`.
 * @param cell - A cell's dot path.
 *
 * @example
 * ```ts
 * import { pathNames } from 'zfxxgk'
 *
 * pathNames('applications.*.results.granted', 'applications.total.results.granted') // true
 * pathNames('activeDisclosure.regulations', 'activeDisclosure.regulations.issued') // true
 * pathNames('applications.total', 'applications.totalX.results.granted') // false
 * ```
 */
export function pathNames(pattern: string, cell: string): boolean {
  if (pattern === cell) return true
  const keys = pattern.split('.')
  const cellKeys = cell.split('.')
  return keys.length <= cellKeys.length && keys.every((key, i) => key === '*' || key === cellKeys[i])
}

/**
 * Whether a diagnostic names a cell (see {@link pathNames}): a diagnostic with no `path` names none.
 *
 * @param diagnostic - A diagnostic of a parse.
 * @param cell - A cell's dot path.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { namesCell, parseReport } from 'zfxxgk'
 *
 * const { diagnostics } = parseReport(readFileSync('report.txt'))
 * const about = diagnostics.filter((d) => namesCell(d, 'applications.total.results.granted'))
 * ```
 */
export function namesCell(diagnostic: Pick<Diagnostic, 'path'>, cell: string): boolean {
  return diagnostic.path !== undefined && pathNames(diagnostic.path, cell)
}

/**
 * The path that names a set of cells of one table and nothing else: their common keys, `*` where
 * they differ, trailing `*` dropped but the one after the table's key (`activeDisclosure.regulations`,
 * `applications.*.results.granted`, `reviewAndLitigation.*`).
 * The cells must be all those the pattern names (a whole row, group or column); for one cell, its path.
 *
 * @param cells - Dot paths of cells of one table, at least one.
 */
export function pathOfCells(cells: readonly string[]): string {
  const keys = (cells[0] ?? '').split('.')
  // Each cell split once; a key where any cell differs (or has no such key) is `*`.
  for (let c = 1; c < cells.length; c++) {
    const other = (cells[c] as string).split('.')
    for (let i = 0; i < keys.length; i++) if (keys[i] !== '*' && other[i] !== keys[i]) keys[i] = '*'
  }
  let end = keys.length
  while (end > 2 && keys[end - 1] === '*') end--
  return keys.slice(0, end).join('.')
}
