/**
 * Golden fixtures: each corpus/<case>/input.* beside an expected.json written by
 * reading the report. Every cell, the title, organisation, year, the section
 * texts, the extras, and the diagnostics (code, path, expected, actual) are compared.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseReport, parseReportAsync, type Diagnostic, type ParseResult, type Report } from '../src/index.js'

const CORPUS = join(import.meta.dirname, '..', 'corpus')

interface ExpectedDiagnostic {
  code: string
  path?: string
  expected?: number
  actual?: number
}

interface Expected {
  format: string
  /** Parse the input file's bytes, not its UTF-8 text (a page in GBK). */
  bytes?: boolean
  options?: { format?: string; repair?: boolean }
  report: Report | null
  diagnostics: ExpectedDiagnostic[]
}

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

function inputName(dir: string): string {
  const name = readdirSync(dir).find((file) => file.startsWith('input.'))
  if (name === undefined) throw new Error(`no input.* in ${dir}`)
  return name
}

function inputOf(dir: string, bytes: boolean): string | Uint8Array {
  const name = inputName(dir)
  return bytes ? new Uint8Array(readFileSync(join(dir, name))) : readFileSync(join(dir, name), 'utf8')
}

/** Extras are compared without their positions, which the diagnostics test covers. */
function comparable(report: Report | null): unknown {
  if (report === null) return null
  return { ...report, extras: report.extras.map(({ position: _position, ...rest }) => rest) }
}

function shape(diagnostic: Diagnostic | ExpectedDiagnostic): string {
  const { code, path, expected, actual } = diagnostic
  return JSON.stringify({ code, path, expected, actual })
}

describe('golden corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7)
  })

  for (const name of cases) {
    describe(name, () => {
      const dir = join(CORPUS, name)
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected
      // A PDF is read only by parseReportAsync; every other input by parseReport, and the same by parseReportAsync.
      const pdf = inputName(dir).endsWith('.pdf')
      let result: ParseResult
      beforeAll(async () => {
        const input = inputOf(dir, expected.bytes === true)
        result = pdf ? await parseReportAsync(input, expected.options ?? {}) : parseReport(input, expected.options ?? {})
      }, 60_000)

      it.runIf(!pdf)('reads the same through parseReportAsync', async () => {
        const again = await parseReportAsync(inputOf(dir, expected.bytes === true), expected.options ?? {})
        expect(again).toEqual(result)
      })

      it('reads the format', () => {
        expect(result.format).toBe(expected.format)
      })

      it('reads every cell, the title, organisation, year, sections and extras', () => {
        expect(comparable(result.report)).toEqual(expected.report)
      })

      it('gives exactly the expected diagnostics', () => {
        expect(result.diagnostics.map(shape).sort()).toEqual(expected.diagnostics.map(shape).sort())
      })

      it('lists diagnostics in document order', () => {
        const offsets = result.diagnostics.flatMap((diagnostic) => (diagnostic.position ? [diagnostic.position.offset] : []))
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b))
      })
    })
  }
})
