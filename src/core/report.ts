/**
 * The token stream of a document → a report: edition, tables, repair, validation.
 *
 * @module
 */

import { inDocumentOrder, makeDiagnostic } from '../model/diagnose.js'
import { buildReport } from '../model/empty.js'
import { TABLES } from '../model/schema.js'
import type { Diagnostic, ParseResult } from '../model/types.js'
import { equationsOf } from '../validate/equations.js'
import { validateCells } from '../validate/index.js'
import { detectEditionOf } from './edition.js'
import { CellState, mapTables, type DamagedRow, type MapResult } from './mapper.js'
import { readMeta } from './meta.js'
import { repair } from './repair.js'
import type { Token } from './tokens.js'

/**
 * Turn a document's token stream into a report: edition, tables, repair, validation.
 *
 * @param tokens - The document's token stream.
 * @param format - The adapter's name.
 * @param doRepair - Whether to repair.
 * @param early - Diagnostics found before (embedded parts that could not be read).
 */
export function readReport(tokens: readonly Token[], format: string, doRepair: boolean, early: Diagnostic[]): ParseResult {
  const meta = readMeta(tokens)
  const labels: string[] = []
  for (const token of tokens) if (token.kind === 'text') labels.push(token.normalized)
  const guess = detectEditionOf(labels, meta.year)
  const mapped = mapTables(tokens, guess.edition, meta.headings)
  if (!mapped.found[2] && !mapped.found[3] && !mapped.found[4]) {
    const diagnostic = makeDiagnostic('not_a_report', {})
    return { report: null, diagnostics: inDocumentOrder([...early, diagnostic]), format, ok: false }
  }
  const values = mapped.values
  const diagnostics: Diagnostic[] = [...early, ...mapped.diagnostics]
  if (doRepair) diagnostics.push(...repairCells(mapped))
  const report = buildReport(guess.edition, values)
  report.title = meta.title
  report.organization = meta.organization
  report.year = meta.year
  report.sections = meta.sections
  report.extras = mapped.extras

  if (guess.conflict) {
    diagnostics.push(
      makeDiagnostic('edition_conflict', { markers2019: guess.markers['2019'], markers2021: guess.markers['2021'], edition: guess.edition })
    )
  }
  diagnostics.push(...validateCells({ schema: mapped.schema, values, where: (cell) => mapped.positions[cell] }))
  const ordered = inDocumentOrder(diagnostics)
  return { report, diagnostics: ordered, format, ok: !ordered.some((diagnostic) => diagnostic.severity === 'error') }
}

/** Run repair over tables 三 and 四, write what it fills into the mapped values, and say so in diagnostics. */
function repairCells(mapped: MapResult): Diagnostic[] {
  const { schema, values, states, positions } = mapped
  const solvable: number[] = []
  for (const table of [3, 4] as const) if (mapped.found[table]) solvable.push(...schema.byTable[table])
  const unknown = new Set<number>()
  for (const index of solvable) if (values[index] === null && states[index] !== CellState.unaligned) unknown.add(index)
  const rows = mapped.damaged.filter((row) => row.table !== 2)
  if (unknown.size === 0 && rows.length === 0) return []
  const known = new Map<number, number>()
  for (const index of solvable) if (values[index] !== null) known.set(index, values[index] as number)
  const outcome = repair(known, unknown, rows, equationsOf(schema.edition).all)
  const diagnostics: Diagnostic[] = []
  const rowOf = new Map<number, DamagedRow>()
  for (const row of rows) for (const cell of row.cells) rowOf.set(cell, row)
  const facts = (row: DamagedRow) => ({
    table: TABLES[row.table].name,
    row: row.label,
    printed: row.printed.length,
    columns: row.cells.length
  })
  for (const [cell, value] of outcome.filled) {
    values[cell] = value
    const path = schema.paths[cell] as string
    const row = rowOf.get(cell)
    const place = { path, position: positions[cell] ?? row?.position, expected: value }
    diagnostics.push(makeDiagnostic('value_inferred', { path, value, row: row === undefined ? undefined : facts(row) }, place))
  }
  rows.forEach((row, i) => {
    const state = outcome.rows[i]
    if (state === 'placed') return
    const placements = state === 'inconsistent' ? 'none' : 'several'
    diagnostics.push(
      makeDiagnostic('ambiguous_value', { ...facts(row), placements }, { path: TABLES[row.table].key, position: row.position })
    )
  })
  return diagnostics
}
