/**
 * Round trips and invariant properties over generated reports, seeded and reproducible:
 * every format reads back exactly, perturbations change no number, one broken invariant
 * gives exactly its diagnostics, one blank cell comes back when the invariants pin it.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { APPLICANTS, CATALOGUES, table3Paths, TABLE4_GROUPS, TABLE4_OUTCOMES } from '../src/model/catalogue.js'
import { cellPaths, setPath } from '../src/model/empty.js'
import { formatReport, getCell, getCellAt, parseReport, type Diagnostic, type OutputFormat, type Report } from '../src/index.js'
import { pathValue, reportWithBlanks, reportWithOneWrongCell, validReport } from './arbitraries.js'
import { IDENTITY_CODES, withoutIdentity, withoutIdentityPositions } from './helpers.js'

/** Fixed seed: a failure names its seed and replays the same way. */
const SEED = 20261121
/** 200 runs of each property. */
const settings = { seed: SEED, numRuns: 200 }
/**
 * Explicit per-property timeout. The slowest properties are the Markdown round trips (200 runs,
 * the time spent in remark): 5–6 s on an idle 2-core machine, 8–9 s with two `npm test` at once.
 * 60 s holds with a wide margin on a loaded machine and still catches a hang.
 */
const TIMEOUT = 60_000
const FORMATS: OutputFormat[] = ['markdown', 'text', 'html', 'json']

interface Shape {
  code: string
  path?: string | undefined
  expected?: number | undefined
  actual?: number | undefined
}
const shape = ({ code, path, expected, actual }: Shape): string => JSON.stringify({ code, path, expected, actual })
/** Warnings and errors, those of who and which year aside ({@link sameReport} checks them). */
const serious = (diagnostics: Diagnostic[]): Diagnostic[] =>
  withoutIdentity(diagnostics).filter((diagnostic) => diagnostic.severity !== 'info')

/**
 * The report read back is the one written (the positions of its identity's evidence aside, which
 * depend on the format), and it says it cannot tell who or which year exactly when the report names none.
 */
function sameReport(result: ReturnType<typeof parseReport>, report: Report): void {
  expect(withoutIdentityPositions(result.report)).toEqual(report)
  const unknown = [...(report.organization === null ? ['organization_unknown'] : []), ...(report.year === null ? ['year_unknown'] : [])]
  expect(result.diagnostics.filter((diagnostic) => IDENTITY_CODES.includes(diagnostic.code)).map((diagnostic) => diagnostic.code)).toEqual(
    unknown
  )
}

describe('round trips', () => {
  for (const format of FORMATS) {
    prop.prop([validReport()], settings)(
      `${format}: a valid report reads back exactly, with no hint and no warning`,
      (report) => {
        const result = parseReport(formatReport(report, { format }))
        expect(result.format).toBe(format)
        sameReport(result, report)
        expect(serious(result.diagnostics)).toEqual([])
      },
      TIMEOUT
    )

    prop.prop([reportWithBlanks()], settings)(
      `${format}: blank cells read back as null with repair off`,
      (report) => {
        const result = parseReport(formatReport(report, { format }), { repair: false })
        sameReport(result, report)
        expect(serious(result.diagnostics)).toEqual([])
        const blanks = cellPaths(report.edition).filter((path) => getCell(report, path) === null)
        expect(withoutIdentity(result.diagnostics).map(shape).sort()).toEqual(
          blanks.map((path) => shape({ code: 'blank_cell', path })).sort()
        )
      },
      TIMEOUT
    )
  }
})

/** Ways to print the same numbers differently; each maps a text-format report to a variant. */
const PERTURBATIONS: Record<string, (text: string, edition: Report['edition']) => string> = {
  spaces: (text) => text.replace(/\t/gu, ' \t  '),
  nbsp: (text) => text.replace(/\t(?=[\d—-])/gu, '\t\u00a0').replace(/(\d)\t/gu, '$1\u3000\t'),
  fullWidthDigits: (text) =>
    text
      .split('\n')
      .map((line) => (line.includes('\t') ? line.replace(/\d/gu, (d) => String.fromCharCode(0xff10 + Number(d))) : line))
      .join('\n'),
  thousands: (text) => text.replace(/(?<=\t)(\d{4,})(?=\t|$)/gmu, (digits: string) => Number(digits).toLocaleString('en-US')),
  labelVariants: (text, edition) => {
    let out = text
    const catalogue = CATALOGUES[edition]
    for (const spec of [...catalogue.table2Rows, ...catalogue.table2Columns, ...catalogue.table3Rows]) {
      const [official, variant] = spec.labels
      if (official !== undefined && variant !== undefined)
        out = out.replace(new RegExp(`(?<=^|\\t)${escape(official)}(?=\\t|$)`, 'gmu'), variant)
    }
    return out
  },
  asciiQuotes: (text) => text.replace(/[“”]/gu, '"'),
  arabicHeadings: (text) => text.replace(/^([一二三四五六])、/gmu, (_, numeral: string) => `${'一二三四五六'.indexOf(numeral) + 1}、`)
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')
}

describe('perturbations change no number', () => {
  prop.prop([validReport(), fc.subarray(Object.keys(PERTURBATIONS), { minLength: 1 })], settings)(
    'whitespace, U+00A0/U+3000, full-width digits, thousands separators, label variants, quotes, 1、 headings',
    (report, chosen) => {
      let text = formatReport(report, { format: 'text' })
      for (const name of chosen) text = (PERTURBATIONS[name] as (t: string, e: Report['edition']) => string)(text, report.edition)
      const result = parseReport(text)
      expect(result.report).not.toBeNull()
      for (const path of cellPaths(report.edition)) expect(getCell(result.report as Report, path), path).toBe(getCell(report, path))
      expect(serious(result.diagnostics)).toEqual([])
    },
    TIMEOUT
  )
})

/** The sum rules recomputed here, independently of src/validate: the diagnostics a report must get. */
function sumMismatches(report: Report): Shape[] {
  const out: Shape[] = []
  const value = (path: string): number => getCellAt(report, path) ?? 0
  const paths = table3Paths(report.edition)
  const leaves = paths.filter((path) => path.startsWith('results.') && path !== 'results.total')
  for (const applicant of APPLICANTS) {
    const at = (path: string): number => value(`applications.${applicant}.${path}`)
    const received = at('newReceived') + at('carriedOver')
    const settled = at('results.total') + at('carriedForward')
    if (received !== settled) out.push({ code: 'sum_mismatch', path: `applications.${applicant}`, expected: received, actual: settled })
    const sum = leaves.reduce((total, path) => total + at(path), 0)
    if (sum !== at('results.total'))
      out.push({ code: 'sum_mismatch', path: `applications.${applicant}.results.total`, expected: sum, actual: at('results.total') })
  }
  for (const path of paths) {
    const sum = APPLICANTS.filter((applicant) => applicant !== 'total').reduce(
      (total, applicant) => total + value(`applications.${applicant}.${path}`),
      0
    )
    if (sum !== value(`applications.total.${path}`))
      out.push({ code: 'sum_mismatch', path: `applications.total.${path}`, expected: sum, actual: value(`applications.total.${path}`) })
  }
  for (const group of TABLE4_GROUPS) {
    const at = (key: string): number => value(`reviewAndLitigation.${group.key}.${key}`)
    const sum = TABLE4_OUTCOMES.filter((outcome) => outcome.key !== 'total').reduce((total, outcome) => total + at(outcome.key), 0)
    if (sum !== at('total'))
      out.push({ code: 'sum_mismatch', path: `reviewAndLitigation.${group.key}.total`, expected: sum, actual: at('total') })
  }
  return out
}

describe('invariants', () => {
  prop.prop([reportWithOneWrongCell(), fc.constantFrom(...FORMATS)], settings)(
    'one cell printed wrong gives exactly the sum_mismatch diagnostics it breaks, and nothing else',
    ({ report, path }, format) => {
      const expected = sumMismatches(report)
      expect(expected.length).toBeGreaterThan(0)
      const result = parseReport(formatReport(report, { format }))
      sameReport(result, report)
      expect(withoutIdentity(result.diagnostics).map(shape).sort()).toEqual(expected.map(shape).sort())
      expect(
        withoutIdentity(result.diagnostics).every(
          (diagnostic) => diagnostic.path !== undefined && path.startsWith(diagnostic.path.split('.')[0] as string)
        )
      ).toBe(true)
    },
    TIMEOUT
  )

  prop.prop([validReport(), fc.nat(), fc.constantFrom(...FORMATS)], settings)(
    'one blank cell comes back with value_inferred when the invariants pin it, and stays null with blank_cell when not',
    (report, pick, format) => {
      const paths = cellPaths(report.edition)
      const path = paths[pick % paths.length] as string
      const blanked = structuredClone(report)
      setPath(blanked, path, null)
      const result = parseReport(formatReport(blanked, { format }))
      if (path.startsWith('activeDisclosure.')) {
        // Table 二 has no invariant: nothing pins the cell.
        sameReport(result, blanked)
        expect(withoutIdentity(result.diagnostics).map(shape)).toEqual([shape({ code: 'blank_cell', path })])
      } else {
        sameReport(result, report)
        expect(withoutIdentity(result.diagnostics).map(shape).sort()).toEqual(
          [shape({ code: 'blank_cell', path }), shape({ code: 'value_inferred', path, expected: pathValue(report, path) as number })].sort()
        )
      }
    },
    TIMEOUT
  )
})
