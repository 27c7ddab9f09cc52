/**
 * Golden fixtures: each corpus/<case>/input.* beside an expected.json written by
 * reading the report. Every cell, the title, organisation, year, the section
 * texts, the extras, and the diagnostics (code, path, expected, actual) are compared.
 *
 * `UPDATE=1 npx vitest run test/golden.test.ts` rewrites each expected.json from what the parser
 * now gives (its `bytes` and `options` kept; numbers in plain digits, `0.0000001` and not `1e-7`),
 * to be reviewed in the diff: only on purpose, never to make a failing case pass unread. Then
 * `npx prettier --write corpus` formats them as the others.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseReport, parseReportAsync, type Diagnostic, type ParseResult, type Report } from '../src/index.js'
import { toJson } from '../src/serialize/json.js'

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

/** `value` with its object keys in the order `like` has them (new keys last), so a rewrite shows only what changed. */
function inOrderOf(value: unknown, like: unknown): unknown {
  if (Array.isArray(value)) return value.map((item, i) => inOrderOf(item, Array.isArray(like) ? like[i] : undefined))
  if (typeof value !== 'object' || value === null) return value
  const old = typeof like === 'object' && like !== null && !Array.isArray(like) ? (like as Record<string, unknown>) : {}
  const entries = Object.entries(value as Record<string, unknown>)
  const rank = (key: string): number => {
    const at = Object.keys(old).indexOf(key)
    return at < 0 ? Number.MAX_SAFE_INTEGER : at
  }
  entries.sort(([a], [b]) => rank(a) - rank(b))
  return Object.fromEntries(entries.map(([key, item]) => [key, inOrderOf(item, old[key])]))
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

      it.runIf(process.env.UPDATE === '1')('rewrites expected.json (UPDATE=1)', () => {
        const diagnostics = result.diagnostics.map(({ code, path, expected: want, actual }) => ({ code, path, expected: want, actual }))
        const written = { ...expected, format: result.format, report: comparable(result.report), diagnostics }
        writeFileSync(join(dir, 'expected.json'), `${toJson(inOrderOf(written, expected), 2)}\n`)
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
