/** Shared helpers for tests. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  cellPaths,
  getCell,
  namesCell as libraryNamesCell,
  type Diagnostic,
  type ParseResult,
  type Report,
  type Report2021
} from '../src/index.js'
import { setPath } from '../src/model/empty.js'

export const CORPUS = join(import.meta.dirname, '..', 'corpus')

/** The input of a corpus case. */
export function corpusInput(name: string, file = 'input.txt'): string {
  return readFileSync(join(CORPUS, name, file), 'utf8')
}

/** A valid 2021 report with non-zero numbers everywhere (the text-2021-full fixture's expected report). */
export function validReport2021(): Report2021 {
  const expected = JSON.parse(readFileSync(join(CORPUS, 'text-2021-full', 'expected.json'), 'utf8')) as { report: Report2021 }
  return expected.report
}

/** A copy of a report with one cell changed. */
export function withCell<R extends Report>(report: R, path: string, value: number | null): R {
  const copy = structuredClone(report)
  setPath(copy, path, value)
  return copy
}

/** Whether a diagnostic that is not an info names a cell (the library's rule: its path is the cell, or a row, group or table covering it). */
export function namesCell(diagnostic: Diagnostic, path: string): boolean {
  return diagnostic.severity !== 'info' && libraryNamesCell(diagnostic, path)
}

/** Each cell against the truth: exact, null with a diagnostic naming it, or wrong (the paths of those). */
export function scoreCells(result: ParseResult, truth: Report): { exact: number; named: number; wrong: string[]; unnamed: string[] } {
  const tally = { exact: 0, named: 0, wrong: [] as string[], unnamed: [] as string[] }
  for (const path of cellPaths(truth.edition)) {
    const got = result.report === null ? null : getCell(result.report, path)
    const want = getCell(truth, path)
    if (got === want) tally.exact++
    else if (got !== null) tally.wrong.push(`${path}: ${got} for ${want}`)
    else if (result.diagnostics.some((diagnostic) => namesCell(diagnostic, path))) tally.named++
    else tally.unnamed.push(path)
  }
  return tally
}

/** The codes that say who issued a report or which year it is on could not be read, or that its evidence disagrees. */
export const IDENTITY_CODES: readonly string[] = ['organization_unknown', 'year_unknown', 'identity_conflict']

/** The codes that say a narrative section (五, 六) is missing or prints no text. */
export const SECTION_CODES: readonly string[] = ['section_missing']

/**
 * Diagnostics without those of who and which year, and of sections 五 and 六 missing: for tests of
 * the tables, whose inputs often print no title and no narrative (test/identity.test.ts and
 * test/narrative.test.ts check those).
 */
export function withoutIdentity<D extends { code: string }>(diagnostics: readonly D[]): D[] {
  return diagnostics.filter((diagnostic) => !IDENTITY_CODES.includes(diagnostic.code) && !SECTION_CODES.includes(diagnostic.code))
}

/**
 * A report with the positions of its identity's evidence left out, and its narrative and statements:
 * where a title or a heading stands differs from one output format to another, what it says does
 * not; and a report written out prints the six headings its model need not list
 * (test/narrative.test.ts checks the narrative).
 */
export function withoutIdentityPositions<R extends Report | null>(report: R): R {
  if (report === null) return report
  const source = (value: Report['identity']['year']): Report['identity']['year'] =>
    value === null ? null : { from: value.from, text: value.text }
  return {
    ...report,
    identity: { organization: source(report.identity.organization), year: source(report.identity.year) },
    narrative: [],
    statements: []
  }
}

/** A minimal CSV reader for tests: RFC 4180 quoting, CRLF rows. */
export function readCsv(csv: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i] as string
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') ((field += '"'), i++)
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') (row.push(field), (field = ''))
    else if (ch === '\r' && csv[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++)
    else field += ch
  }
  return rows
}
