/** Shared helpers for tests. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Report, Report2021 } from '../src/index.js'
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
