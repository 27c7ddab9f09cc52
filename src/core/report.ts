/**
 * The token stream of a document → a report: edition, tables, repair, validation.
 *
 * @module
 */

import { inDocumentOrder, makeDiagnostic } from '../model/diagnostics.js'
import { buildReport } from '../model/empty.js'
import type { Cell, Diagnostic, Edition, ParseResult, Position } from '../model/types.js'
import { allEquations } from '../validate/equations.js'
import { validateReport } from '../validate/index.js'
import { detectEdition } from './edition.js'
import { mapTables, type MapResult } from './mapper.js'
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
  const tableText = tokens.map((token) => (token.kind === 'text' ? token.normalized : '')).join('|')
  const guess = detectEdition(tableText, meta.year)
  const mapped = mapTables(tokens, guess.edition)
  if (!mapped.found[2] && !mapped.found[3] && !mapped.found[4]) {
    const diagnostic = makeDiagnostic('not_a_report', {
      message: 'No table of the 2019 or 2021 format was found (tables 二, 三 and 四 are all absent).'
    })
    return { report: null, diagnostics: inDocumentOrder([...early, diagnostic]), format, ok: false }
  }
  const values = new Map<string, Cell>()
  for (const [path, cell] of mapped.cells) values.set(path, cell.value)
  const diagnostics: Diagnostic[] = [...early, ...mapped.diagnostics]
  if (doRepair) diagnostics.push(...repairCells(guess.edition, mapped, values))
  const report = buildReport(guess.edition, (path) => values.get(path) ?? null)
  report.title = meta.title
  report.organization = meta.organization
  report.year = meta.year
  report.sections = meta.sections
  report.extras = mapped.extras

  if (guess.conflict) {
    diagnostics.push(
      makeDiagnostic('edition_conflict', {
        message: `Markers of both formats are present (2019: ${guess.markers['2019']}, 2021: ${guess.markers['2021']}); read as the ${guess.edition} format.`
      })
    )
  }
  const where = (path: string): Position | undefined => mapped.cells.get(path)?.position
  diagnostics.push(...validateReport(report, where, (path) => values.get(path)))
  const ordered = inDocumentOrder(diagnostics)
  return { report, diagnostics: ordered, format, ok: !ordered.some((diagnostic) => diagnostic.severity === 'error') }
}

/** Run repair over tables 三 and 四, write what it fills into `values`, and say so in diagnostics. */
function repairCells(edition: Edition, mapped: MapResult, values: Map<string, Cell>): Diagnostic[] {
  const known = new Map<string, number>()
  const unknown = new Set<string>()
  for (const [path, cell] of mapped.cells) {
    const table = path.startsWith('applications.') ? 3 : path.startsWith('reviewAndLitigation.') ? 4 : 2
    if (table === 2 || !mapped.found[table]) continue
    if (cell.value !== null) known.set(path, cell.value)
    else if (cell.state !== 'unaligned') unknown.add(path)
  }
  const rows = mapped.damaged.filter((row) => row.table !== 2)
  if (unknown.size === 0 && rows.length === 0) return []
  const outcome = repair(known, unknown, rows, allEquations(edition))
  const diagnostics: Diagnostic[] = []
  const rowOf = new Map(rows.flatMap((row) => row.paths.map((path) => [path, row] as const)))
  for (const [path, value] of outcome.filled) {
    values.set(path, value)
    const row = rowOf.get(path)
    const how = row === undefined ? 'was blank or missing' : `stands in ${row.label}, which printed ${row.printed.length} values for ${row.paths.length} columns`
    diagnostics.push(
      makeDiagnostic('value_inferred', {
        message: `Cell ${path} ${how}; the totals invariants admit only ${value}.`,
        path,
        position: mapped.cells.get(path)?.position ?? row?.position,
        expected: value
      })
    )
  }
  rows.forEach((row, i) => {
    const state = outcome.rows[i]
    if (state === 'placed') return
    diagnostics.push(
      makeDiagnostic('ambiguous_value', {
        message:
          state === 'inconsistent'
            ? `In table ${row.table === 3 ? '三' : '四'}, ${row.label} printed ${row.printed.length} values for ${row.paths.length} columns and no placement keeps the totals; its cells are left null.`
            : `In table ${row.table === 3 ? '三' : '四'}, ${row.label} printed ${row.printed.length} values for ${row.paths.length} columns and more than one placement keeps the totals; its cells are left null.`,
        path: row.table === 3 ? 'applications' : 'reviewAndLitigation',
        position: row.position
      })
    )
  })
  return diagnostics
}
