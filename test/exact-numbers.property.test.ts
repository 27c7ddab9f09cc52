/**
 * Numbers that never change on the way out (issue 23): money from the smallest a report can print
 * to the largest, and counts to the largest, both editions, through every writer (the four formats
 * of formatReport, toCsv, and the command's JSON, NDJSON, long and wide CSV and Markdown) and back
 * (parseReport with no hint, JSON.parse, a CSV reader). Seeded and reproducible.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { csvHeader, renderParts, type RenderJob } from '../src/cli/render.js'
import { readCell } from '../src/core/number.js'
import { printNumber } from '../src/model/decimal.js'
import { setPath } from '../src/model/empty.js'
import { toJson } from '../src/serialize/json.js'
import {
  formatReport,
  getCell,
  getCellAt,
  parseReport,
  REPORT_SCHEMA_URL,
  toCsv,
  type Diagnostic,
  type Edition,
  type ParseResult,
  type Report,
  type Report2021
} from '../src/index.js'
import { validReport } from './arbitraries.js'
import { readCsv, validReport2021, withoutIdentity, withoutIdentityPositions } from './helpers.js'

const SEED = 20261124
/** The slowest run reads a report back seven times, Markdown twice (remark): about 0.3 s on an idle 2-core machine. */
const settings = { seed: SEED, numRuns: 60 }
const TIMEOUT = 90_000

/** The smallest positive double that holds 15 significant digits; closer to 0 the reader refuses a number (`tooSmall`). */
const MIN_NORMAL = 2.2250738585072014e-308

/** A decimal of `digits` (no sign) with `places` decimal places: `digits / 10^places`, written out. */
function decimal(digits: string, places: number): string {
  if (places === 0) return digits
  const padded = digits.padStart(places + 1, '0')
  return `${padded.slice(0, -places)}.${padded.slice(-places)}`
}

/**
 * Money as a report can print it in 万元, as printed: 1 to 15 digits (the reader's limit), from
 * `0.000…03` (307 zeros: the smallest normal double is 2.2e-308) to `999999999999999`, the
 * extremes and `0.0000001` (which `JSON.stringify` writes `1e-7`) more often than chance would.
 */
export const printableMoney: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('0.0000001', '999999999999999', `0.${'0'.repeat(307)}3`, '0', '100000000000000', '0.000001') },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 322 }))
      .map(([digits, places]) => decimal(digits.toString(), places))
      .filter((text) => Number(text) >= MIN_NORMAL)
  }
)

/** A count as a report can print it: 0 to 999 999 999 999 999 (15 digits, the reader's limit). */
const printableCount: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 999_999_999_999_999, 100_000_000_000_000),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((n) => n % 1_000_000_000_000_000)
)

const MONEY: Record<Edition, string> = { '2019': 'activeDisclosure.procurement.amount', '2021': 'activeDisclosure.fees.amount' }
/** A count of table 二, which no invariant ties to another cell. */
const COUNT: Record<Edition, string> = { '2019': 'activeDisclosure.regulations.made', '2021': 'activeDisclosure.regulations.issued' }

/** A valid report of either edition with its money cell and a count of table 二 at the values given. */
const reportWith = fc
  .tuple(
    fc.constantFrom<Edition>('2019', '2021').chain((edition) => validReport(edition)),
    printableMoney,
    printableCount
  )
  .map(([report, money, count]) => {
    setPath(report, MONEY[report.edition], Number(money))
    setPath(report, COUNT[report.edition], count)
    return { report, money: Number(money), printed: money, count }
  })

/** Warnings and errors, those of who and which year apart (generated reports often have no title). */
const serious = (diagnostics: Diagnostic[]): Diagnostic[] =>
  withoutIdentity(diagnostics).filter((diagnostic) => diagnostic.severity !== 'info')
const EXPONENT = /\d[eE][-+]?\d/u
/** What `parse` writes for one file holding one report. */
const render = (source: string, result: ParseResult, job: RenderJob): string => renderParts([{ source, result }], job)
const result = (report: Report): ParseResult => ({ report, diagnostics: [], format: 'text', ok: true })
const job = (to: RenderJob['to'], shape: RenderJob['shape'] = 'long'): RenderJob => ({ to, shape, header: 'path' })

describe('numbers out and back', () => {
  prop.prop([reportWith], settings)(
    'formatReport: markdown, text, html and json read back with no hint to the same report, money and counts exact',
    ({ report, money, count }) => {
      for (const format of ['markdown', 'text', 'html', 'json'] as const) {
        const written = formatReport(report, { format })
        expect(written, format).not.toMatch(EXPONENT)
        const back = parseReport(written)
        expect(back.format).toBe(format)
        expect(getCellAt(back.report as Report, MONEY[report.edition]), format).toBe(money)
        expect(getCellAt(back.report as Report, COUNT[report.edition]), format).toBe(count)
        expect(withoutIdentityPositions(back.report), format).toEqual(withoutIdentityPositions(report))
        expect(serious(back.diagnostics), format).toEqual([])
      }
      // The JSON is the report, its first key `$schema` naming the schema it follows.
      const { $schema, ...json } = JSON.parse(formatReport(report, { format: 'json' })) as Record<string, unknown>
      expect($schema).toBe(REPORT_SCHEMA_URL)
      expect(json).toEqual(report)
    },
    TIMEOUT
  )

  prop.prop([reportWith], settings)(
    'CSV (toCsv, the long and the wide shape) writes the exact value, status printed; JSON and NDJSON parse to it',
    ({ report, money, count }) => {
      const paths = [MONEY[report.edition], COUNT[report.edition]]
      const want = [money, count]
      const [header, ...rows] = readCsv(toCsv(report))
      const value = (header as string[]).indexOf('value')
      for (const [i, path] of paths.entries()) {
        const row = rows.find((cells) => cells.includes(path)) as string[]
        expect(row[value]).toBe(printNumber(want[i] as number))
        expect(Number(row[value])).toBe(want[i])
      }
      const [longHeader, ...longRows] = readCsv(csvHeader(job('csv')) + render('r.txt', result(report), job('csv')))
      const at = (name: string): number => (longHeader as string[]).indexOf(name)
      for (const [i, path] of paths.entries()) {
        const row = longRows.find((cells) => cells[at('path')] === path) as string[]
        expect(Number(row[at('value')])).toBe(want[i])
        expect(row[at('value')]).not.toMatch(EXPONENT)
        expect(row[at('status')]).toBe('printed')
      }
      const [names, wide] = readCsv(csvHeader(job('csv', 'wide')) + render('r.txt', result(report), job('csv', 'wide'))) as [
        string[],
        string[]
      ]
      for (const [i, path] of paths.entries()) expect(wide[names.indexOf(path)]).toBe(printNumber(want[i] as number))
      for (const to of ['json', 'ndjson'] as const) {
        const text = render('r.txt', result(report), job(to))
        expect(text, to).not.toMatch(EXPONENT)
        expect((JSON.parse(text) as { report: Report }).report, to).toEqual(report)
      }
    },
    TIMEOUT
  )

  prop.prop([reportWith], settings)(
    'Markdown as the command writes it (a <!-- file --> line first) reads back as Markdown with no hint, the same report',
    ({ report }) => {
      const back = parseReport(render('corpus/r.md', result(report), job('markdown')))
      expect(back.format).toBe('markdown')
      expect(withoutIdentityPositions(back.report)).toEqual(withoutIdentityPositions(report))
      expect(serious(back.diagnostics)).toEqual([])
    },
    TIMEOUT
  )

  prop.prop([printableMoney], { seed: SEED, numRuns: 500 })(
    'a printable amount reads as the number its digits say, and printNumber writes it back as the same number',
    (printed) => {
      const value = readCell(printed)
      expect(value).toMatchObject({ kind: 'number', value: Number(printed) })
      expect(readCell(printNumber(Number(printed)))).toMatchObject({ kind: 'number', value: Number(printed) })
    },
    TIMEOUT
  )
})

describe('0.0000001 万元', () => {
  it('goes out through JSON, CSV and Markdown as 0.0000001 and comes back as 0.0000001 (it was 1e-7 in JSON, 0 in the CSV)', () => {
    const report = validReport2021()
    report.activeDisclosure.fees.amount = 0.0000001
    const path = 'activeDisclosure.fees.amount'
    const json = formatReport(report, { format: 'json' })
    expect(json).toContain('"amount": 0.0000001')
    expect((JSON.parse(json) as Report2021).activeDisclosure.fees.amount).toBe(0.0000001)
    expect(getCell(parseReport(json).report as Report, path)).toBe(0.0000001)
    const ndjson = render('r.txt', result(report), job('ndjson'))
    expect(ndjson).toContain('"amount":0.0000001')
    const [header, ...rows] = readCsv(csvHeader(job('csv')) + render('r.txt', result(report), job('csv')))
    const row = rows.find((cells) => cells.includes(path)) as string[]
    expect([row[(header as string[]).indexOf('value')], row[(header as string[]).indexOf('status')]]).toEqual(['0.0000001', 'printed'])
    const [apiHeader, ...apiRows] = readCsv(toCsv(report))
    expect(apiRows.find((cells) => cells.includes(path))?.[(apiHeader as string[]).indexOf('value')]).toBe('0.0000001')
    for (const markdown of [formatReport(report), render('r.md', result(report), job('markdown'))]) {
      expect(markdown).toContain('| 行政事业性收费 | 0.0000001 |')
      expect(getCell(parseReport(markdown).report as Report, path)).toBe(0.0000001)
    }
  })
})

describe('printNumber and toJson', () => {
  prop.prop([fc.double({ noNaN: true, noDefaultInfinity: true })], { seed: SEED, numRuns: 2000 })(
    'printNumber writes any finite number in plain digits that read back as it',
    (value) => {
      const text = printNumber(value)
      expect(text).toMatch(/^-?\d+(?:\.\d+)?$/u)
      expect(Number(text)).toBe(value === 0 ? 0 : value)
    },
    TIMEOUT
  )

  prop.prop([fc.jsonValue(), fc.array(fc.double({ noNaN: true }), { maxLength: 5 })], { seed: SEED, numRuns: 500 })(
    'toJson is JSON.stringify with plain numbers: the same data back from JSON.parse',
    (value, numbers) => {
      const data = { value, numbers, text: '"#0" ##1 #' }
      for (const indent of [undefined, 2]) {
        const text = toJson(data, indent)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)))
      }
    },
    TIMEOUT
  )

  it('writes 1e-7 and 1e21 as digits, and strings that look like its marks as they are', () => {
    expect(toJson({ a: 1e-7, b: [1e21, -5e-324], c: '#0', d: '"#1"' })).toBe(
      `{"a":0.0000001,"b":[1000000000000000000000,-0.${'0'.repeat(323)}5],"c":"#0","d":"\\"#1\\""}`
    )
    expect(toJson({ a: 1 }, 2)).toBe('{\n  "a": 1\n}')
  })
})
