/**
 * A cell's status: how its value came to be, read from the diagnostics that name it (the rule of
 * model/paths.ts). The CSV's `status` and `codes` columns, `toRows` and `view`'s colours all come
 * from here, so they cannot tell a cell's story three different ways.
 *
 * @module
 */

import { pathNames } from '../model/paths.js'
import type { Diagnostic, Edition } from '../model/types.js'
import { rowTemplate } from './template.js'

/**
 * How a cell's value came to be, most telling first when several diagnostics name it:
 *
 * - `inferred`: filled from the totals invariants (`value_inferred`), not printed;
 * - `invalid`: its text is not a number, or a money unit that is not one of the format's (`null`);
 * - `ambiguous`: its digits admit several readings (`null`);
 * - `conflicting`: printed twice with different values (the first kept);
 * - `unsure`: placed in the official column order because the table's header could not be read:
 *   the number is as printed, its column may not be;
 * - `hidden`: text in it was hidden or deleted in the input and not read (`hidden_text`);
 * - `blank`: printed blank, `/`, `-`, `—` or `无` (`null`), or `null` with nothing said;
 * - `missing`: its row or table is absent (`null`);
 * - `split`: cut from digits printed run together, where the format's rules and totals say;
 * - `converted`: money converted to 万元 from the unit printed;
 * - `group`: set from a group printed as one row (`group_as_row`);
 * - `reordered`: printed in a column order other than the format's, placed by its header;
 * - `printed`: exactly as printed, nothing said about it.
 */
export type CellStatus =
  | 'printed'
  | 'inferred'
  | 'invalid'
  | 'ambiguous'
  | 'conflicting'
  | 'unsure'
  | 'hidden'
  | 'blank'
  | 'missing'
  | 'split'
  | 'converted'
  | 'group'
  | 'reordered'

/** The status each code gives the cells it names, most telling first. */
const STATUS_BY_CODE: ReadonlyArray<readonly [string, CellStatus]> = [
  ['value_inferred', 'inferred'],
  ['invalid_number', 'invalid'],
  ['ambiguous_value', 'ambiguous'],
  ['unknown_unit', 'invalid'],
  ['conflicting_values', 'conflicting'],
  ['column_header_unreadable', 'unsure'],
  ['hidden_text', 'hidden'],
  ['blank_cell', 'blank'],
  ['row_missing', 'missing'],
  ['table_missing', 'missing'],
  ['values_split', 'split'],
  ['unit_converted', 'converted'],
  ['group_as_row', 'group'],
  ['columns_reordered', 'reordered']
]

/**
 * A cell's status from the codes of the diagnostics that name it (see {@link CellStatus}).
 *
 * @param value - The cell's value.
 * @param codes - The codes of the diagnostics naming it.
 */
export function cellStatus(value: number | null, codes: readonly string[]): CellStatus {
  for (const [code, status] of STATUS_BY_CODE) if (codes.includes(code)) return status
  return value === null ? 'blank' : 'printed'
}

/** For each diagnostic path met, the places in an edition's row template of the cells it names. */
const NAMED = new Map<Edition, Map<string, readonly number[]>>()
/** Paths remembered per edition at most (they are few: cells, rows, tables, `extras.N`). */
const NAMED_LIMIT = 4096

/**
 * The places in `rowTemplate(edition)` of the cells a diagnostic path names.
 *
 * @param edition - The report's edition.
 * @param path - A diagnostic's path.
 */
function namedPlaces(edition: Edition, path: string): readonly number[] {
  let byPath = NAMED.get(edition)
  if (byPath === undefined) NAMED.set(edition, (byPath = new Map()))
  let places = byPath.get(path)
  if (places === undefined) {
    places = []
    const rows = rowTemplate(edition)
    for (let i = 0; i < rows.length; i++) if (pathNames(path, (rows[i] as { path: string }).path)) (places as number[]).push(i)
    if (byPath.size >= NAMED_LIMIT) byPath.clear()
    byPath.set(path, places)
  }
  return places
}

/**
 * The codes of the diagnostics naming each cell, by its place in `rowTemplate(edition)`, each
 * code once, in the order the diagnostics come (`undefined` for a cell none names).
 *
 * @param edition - The report's edition.
 * @param diagnostics - The parse's diagnostics.
 */
export function codesByCell(edition: Edition, diagnostics: readonly Diagnostic[]): (string[] | undefined)[] {
  const codes: (string[] | undefined)[] = new Array(rowTemplate(edition).length)
  for (const diagnostic of diagnostics) {
    if (diagnostic.path === undefined) continue
    for (const place of namedPlaces(edition, diagnostic.path)) {
      const list = codes[place]
      if (list === undefined) codes[place] = [diagnostic.code]
      else if (!list.includes(diagnostic.code)) list.push(diagnostic.code)
    }
  }
  return codes
}
