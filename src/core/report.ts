/**
 * The token stream of a document → a report: edition, tables, repair, validation.
 *
 * @module
 */

import { inDocumentOrder, makeDiagnostic } from '../model/diagnose.js'
import { TABLE_MARKERS } from '../model/catalogue.js'
import { buildReport } from '../model/empty.js'
import { TABLES, type CellSchema } from '../model/schema.js'
import type { Cell, Diagnostic, ParseResult } from '../model/types.js'
import { equationsOf } from '../validate/equations.js'
import { validateCells } from '../validate/index.js'
import { detectEditionOf } from './edition.js'
import { CellState, mapTables, type DamagedRow, type MapResult } from './mapper.js'
import { decideIdentity, type GivenIdentity, type IdentityEvidence } from './evidence.js'
import { readMeta, type NarrativePart } from './meta.js'
import type { UndecidedRow } from './cells.js'
import { checkStatements } from './stated.js'
import { readStatements } from './statements.js'
import { tidyProse } from './normalize.js'
import { isTitle } from './title.js'
import { repair, type RepairOutcome } from './repair.js'
import { rowPath } from './rows.js'
import type { Token } from './tokens.js'

/** What a report is read with besides its tokens: evidence of who and which year from its input, and the caller's. */
export interface ReportContext {
  /** A crawler's `标题:` line, a page's `<title>`, what the input records (default: none). */
  evidence?: Omit<IdentityEvidence, 'title' | 'period'> | undefined
  /** The caller's organisation and year (default: read from the report). */
  given?: GivenIdentity | undefined
}

/** A crawler's title that reads as a report's title, tidied as a title in the body is; `null` for none. */
function crawlerTitleOf(evidence: ReportContext['evidence']): string | null {
  const text = evidence?.crawlerTitle?.text
  return typeof text === 'string' && text.length <= MAX_LINE && isTitle(text) ? tidyProse(text).replace(/\s+/gu, '') : null
}

/** A crawler's title longer than this is no title. */
const MAX_LINE = 400

/**
 * Turn a document's token stream into a report: edition, tables, repair, validation.
 *
 * @param tokens - The document's token stream.
 * @param format - The adapter's name.
 * @param doRepair - Whether to repair.
 * @param early - Diagnostics found before (embedded parts that could not be read).
 * @param context - Evidence of who and which year from the input, and the caller's values.
 */
export function readReport(
  tokens: readonly Token[],
  format: string,
  doRepair: boolean,
  early: Diagnostic[],
  context: ReportContext = {}
): ParseResult {
  const meta = readMeta(tokens)
  const decided = decideIdentity({ ...context.evidence, title: meta.title, period: meta.period }, context.given)
  const labels: string[] = []
  for (const token of tokens) if (token.kind === 'text') labels.push(token.normalized)
  const guess = detectEditionOf(labels, decided.year)
  const mapped = mapTables(tokens, guess.edition, meta.headings)
  if (!mapped.found[2] && !mapped.found[3] && !mapped.found[4]) {
    const diagnostic = makeDiagnostic('not_a_report', { labels: tableTexts(tokens) })
    return { report: null, diagnostics: inDocumentOrder([...early, diagnostic]), format, ok: false }
  }
  const values = mapped.values
  const diagnostics: Diagnostic[] = [...early, ...mapped.diagnostics]
  if (doRepair) diagnostics.push(...repairCells(mapped))
  else diagnostics.push(...unsolvedGlued(mapped))
  const statements = readStatements(meta.narrative, {
    edition: guess.edition,
    year: decided.year,
    paths: mapped.schema.paths,
    shift: format === 'text'
  })
  diagnostics.push(...checkStatements(statements, mapped, diagnostics), ...sectionsMissing(meta.narrative))
  const report = buildReport(guess.edition, values)
  report.narrative = meta.narrative.map((part) => part.section)
  report.statements = statements
  // The title as printed in the body, else the crawler's (a page's <title> carries its site's name).
  report.title = meta.title?.text ?? crawlerTitleOf(context.evidence)
  report.organization = decided.organization
  report.year = decided.year
  report.identity = decided.identity
  report.sections = meta.sections
  report.extras = mapped.extras
  diagnostics.push(...decided.diagnostics)

  if (guess.conflict) {
    diagnostics.push(
      makeDiagnostic('edition_conflict', { markers2019: guess.markers['2019'], markers2021: guess.markers['2021'], edition: guess.edition })
    )
  }
  const checked = validateCells({ schema: mapped.schema, values, where: (cell) => mapped.positions[cell] })
  diagnostics.push(...checked)
  if (checked.some((diagnostic) => diagnostic.code === 'sum_mismatch' && (diagnostic.rule === 'I-1' || diagnostic.rule === 'I-3'))) {
    // No split of the whole table keeps its totals: the rows split by their own rules say that they rest on them alone.
    for (const split of mapped.splits) {
      if (split.table !== 3) continue
      const at = diagnostics.indexOf(split.diagnostic)
      const place = { path: split.diagnostic.path, position: split.position }
      if (at >= 0) diagnostics[at] = makeDiagnostic('values_split', { ...split.facts, by: 'rowOnly' }, place)
    }
  }
  const ordered = inDocumentOrder(diagnostics)
  return { report, diagnostics: ordered, format, ok: !ordered.some((diagnostic) => diagnostic.severity === 'error') }
}

/** The texts only the format's tables print that the input holds (`TABLE_MARKERS`), the first found of each table. */
function tableTexts(tokens: readonly Token[]): string[] {
  const found = new Map<number, string>()
  const tables = Object.entries(TABLE_MARKERS)
  for (const token of tokens) {
    if (token.kind !== 'text' && token.kind !== 'paragraph') continue
    for (const [table, markers] of tables) {
      if (found.has(Number(table))) continue
      const marker = markers.find((text) => token.text.includes(text))
      if (marker !== undefined) found.set(Number(table), marker)
    }
    if (found.size === tables.length) break
  }
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, marker]) => marker)
}

/** What the whole table's totals made of a glued row: its split, or why its cells stay null. */
function gluedOutcome(
  schema: CellSchema,
  row: DamagedRow,
  glued: NonNullable<DamagedRow['glued']>,
  state: RepairOutcome['rows'][number],
  exhausted: boolean,
  values: readonly Cell[]
): Diagnostic {
  if (state !== 'placed') return gluedAmbiguous(schema, row, glued, exhausted ? 'capped' : state === 'inconsistent' ? 'table' : 'tables')
  const chosen = glued.readings.findIndex((reading) => reading.every((value, i) => values[row.cells[i] as number] === value))
  const facts = { table: TABLES[row.table].name, row: row.label, run: glued.run, pieces: glued.pieces[chosen] ?? [], by: 'table' as const }
  return makeDiagnostic('values_split', facts, { path: rowPath(schema, row.table, row.cells), position: row.position })
}

/** A glued row whose cells stay null, and why (see `ambiguous_value`). */
function gluedAmbiguous(
  schema: CellSchema,
  row: DamagedRow,
  glued: NonNullable<DamagedRow['glued']>,
  reason: 'several' | 'capped' | 'table' | 'tables'
): Diagnostic {
  const facts = { table: TABLES[row.table].name, row: row.label, run: glued.run, splits: glued.readings.length, reason }
  return makeDiagnostic('ambiguous_value', facts, { path: rowPath(schema, row.table, row.cells), position: row.position })
}

/** Without repair, a glued row that its own rules leave with several splits: its cells stay null (their splits kept for the statements). */
function unsolvedGlued(mapped: MapResult): Diagnostic[] {
  return mapped.damaged.flatMap((row) => {
    if (row.glued === undefined) return []
    const diagnostic = gluedAmbiguous(mapped.schema, row, row.glued, 'several')
    mapped.undecided.push(unsettled(row, row.glued, diagnostic))
    return [diagnostic]
  })
}

/** A glued row of table 三 or 四 left null, for the statements to be compared with its splits (never to settle it). */
function unsettled(row: DamagedRow, glued: NonNullable<DamagedRow['glued']>, diagnostic: Diagnostic): UndecidedRow {
  const { table, label, cells, position } = row
  return { table, label, cells, run: glued.run, readings: glued.readings, pieces: glued.pieces, position, diagnostic, settles: false }
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
  // A group's printed sum (its rows not printed) is one more equation, its value in a cell of its own past the schema's.
  let equations = equationsOf(schema.edition).all
  if (mapped.groupSums.length > 0) {
    const base = schema.cells.length
    mapped.groupSums.forEach((sum, i) => known.set(base + i, sum.value))
    const sums = mapped.groupSums.map((sum, i) => ({
      rule: 'I-3' as const,
      path: TABLES[3].key,
      at: -1,
      left: [base + i],
      right: sum.cells,
      terms: [base + i, ...sum.cells]
    }))
    equations = [...equations, ...sums]
  }
  const outcome = repair(known, unknown, rows, equations)
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
    if (row?.glued !== undefined) continue
    const place = { path, position: positions[cell] ?? row?.position, expected: value }
    diagnostics.push(makeDiagnostic('value_inferred', { path, value, row: row === undefined ? undefined : facts(row) }, place))
  }
  rows.forEach((row, i) => {
    const state = outcome.rows[i] as RepairOutcome['rows'][number]
    if (row.glued !== undefined) {
      const diagnostic = gluedOutcome(schema, row, row.glued, state, outcome.exhausted, values)
      diagnostics.push(diagnostic)
      if (state !== 'placed') mapped.undecided.push(unsettled(row, row.glued, diagnostic))
      return
    }
    if (state === 'placed') return
    const placements = state === 'inconsistent' ? 'none' : 'several'
    diagnostics.push(
      makeDiagnostic(
        'ambiguous_value',
        { ...facts(row), placements },
        { path: rowPath(schema, row.table, row.cells), position: row.position }
      )
    )
  })
  return diagnostics
}

/** Sections 五 and 六, which every report prints: `section_missing` for each missing or printing no text. */
function sectionsMissing(narrative: readonly NarrativePart[]): Diagnostic[] {
  return (['problems', 'other'] as const).flatMap((section) => {
    const part = narrative.find((found) => found.section.section === section)
    if (part !== undefined && part.section.text !== null) return []
    const place = { path: `sections.${section}`, position: part?.section.position }
    return [makeDiagnostic('section_missing', { section, heading: part?.section.heading }, place)]
  })
}
