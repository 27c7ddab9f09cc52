/**
 * `parseReport()`: input → adapter → neutral document → tables, repair, validation.
 *
 * @module
 */

import { htmlAdapter } from '../adapters/html/index.js'
import { jsonAdapter } from '../adapters/json/index.js'
import { markdownAdapter } from '../adapters/markdown/index.js'
import { textAdapter } from '../adapters/text/index.js'
import { buildReport } from '../model/empty.js'
import type { Cell, Diagnostic, Edition, ParseResult, Position } from '../model/types.js'
import { allEquations } from '../validate/equations.js'
import { validateReport } from '../validate/index.js'
import { decodeBytes } from './decode.js'
import { inDocumentOrder, makeDiagnostic } from './diagnostics.js'
import type { Adapter, ResolvedDocument, SourceDocument } from './document.js'
import { resolveEmbedded } from './embedded.js'
import { detectEdition } from './edition.js'
import { mapTables, type MapResult } from './mapper.js'
import { readMeta } from './meta.js'
import { repair } from './repair.js'
import { tokenize } from './tokens.js'

/** Options of {@link parseReport}. */
export interface ParseOptions {
  /**
   * The input format: `'text'`, `'markdown'`, `'html'`, `'json'`, or the name of an adapter in `adapters`
   * (default: detected from the input, each adapter's `detect()` scoring it).
   */
  format?: string | null | undefined
  /** Extra adapters, tried before the built-in ones (default: none). */
  adapters?: readonly Adapter[] | null | undefined
  /**
   * Fill a blank or missing cell, or place the values of a row that printed too
   * many or too few, when the totals invariants admit exactly one assignment;
   * every filled cell gets `value_inferred` (default: `true`).
   */
  repair?: boolean | null | undefined
}

/** The built-in adapters, in the order they are tried. */
export const builtinAdapters: readonly Adapter[] = [jsonAdapter, htmlAdapter, markdownAdapter, textAdapter]

/**
 * Parse one report.
 *
 * Never throws for any string or byte input; throws `TypeError` only for a
 * wrong argument type or an unknown `options.format`.
 *
 * @param input - The report: text, or the bytes of a file (decoded by BOM, `<meta charset>`, else UTF-8 or GB18030).
 * @param options - Format, extra adapters, repair.
 * @returns The report (or `null`), its diagnostics in document order, the format used, and `ok`.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { parseReport } from 'zfxxgk'
 *
 * const { report, diagnostics } = parseReport(readFileSync('report.html'))
 * if (report?.edition === '2021') console.log(report.activeDisclosure.fees.amount)
 * for (const d of diagnostics) console.log(d.severity, d.code, d.message)
 * ```
 */
export function parseReport(input: string | Uint8Array, options?: ParseOptions | null): ParseResult {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`parseReport() takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`)
  }
  const adapters = [...(options?.adapters ?? []), ...builtinAdapters]
  const format = options?.format ?? undefined
  let adapter: Adapter | undefined
  if (format !== undefined) {
    adapter = adapters.find((candidate) => candidate.name === format)
    if (adapter === undefined) {
      throw new TypeError(`Unknown format “${format}”: expected one of ${adapters.map((item) => `'${item.name}'`).join(', ')}`)
    }
  }
  const text = typeof input === 'string' ? input : decodeBytes(input)
  adapter ??= pickAdapter(adapters, text)
  let document: SourceDocument
  try {
    document = adapter.read(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const diagnostic = makeDiagnostic('not_a_report', { message: `The ${adapter.name} adapter failed: ${reason}` })
    return { report: null, diagnostics: [diagnostic], format: adapter.name, ok: false }
  }
  const resolved = resolveEmbedded(document, adapters)
  return parseDocument(resolved.document, adapter.name, options?.repair ?? true, resolved.diagnostics)
}

function pickAdapter(adapters: readonly Adapter[], text: string): Adapter {
  let best = adapters[adapters.length - 1] as Adapter
  let bestScore = Number.NEGATIVE_INFINITY
  for (const adapter of adapters) {
    let score = 0
    try {
      score = adapter.detect(text)
    } catch {
      score = 0
    }
    if (score > bestScore) {
      best = adapter
      bestScore = score
    }
  }
  return best
}

/**
 * Turn a neutral document into a report.
 *
 * @param document - An adapter's output, embedded parts resolved.
 * @param format - The adapter's name.
 * @param doRepair - Whether to repair.
 * @param early - Diagnostics found before (embedded parts that could not be read).
 */
function parseDocument(document: ResolvedDocument, format: string, doRepair: boolean, early: Diagnostic[]): ParseResult {
  const tokens = tokenize(document)
  const meta = readMeta(document)
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
