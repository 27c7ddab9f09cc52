/** Shared helpers for tests. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cellPaths, getCell, type Diagnostic, type ParseResult, type Report, type Report2021 } from '../src/index.js'
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

/** Whether a diagnostic names a cell: the cell itself, its table 二 row, or its table (rows of 三 and 四 are named on the table). */
export function namesCell(diagnostic: Diagnostic, path: string): boolean {
  const at = diagnostic.path
  return at !== undefined && diagnostic.severity !== 'info' && (at === path || path.startsWith(`${at}.`))
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
