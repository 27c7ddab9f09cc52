/**
 * Hidden and deleted runs inserted into the value cells of generated reports, in every layout
 * that can express them (`test/hidden-damage.ts`): every cell is exact, or null with a diagnostic
 * naming it; never a number that was not seen. A run with digits in an HTML cell is named by
 * `hidden_text` on that cell. And a PDF page read from its operators (as a page that hides text
 * is) gives the same report as from its text content.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { parseReport, parseReportAsync, type ParseResult, type Report } from '../src/index.js'
import { validReport } from './arbitraries.js'
import { scoreCells } from './helpers.js'
import { htmlWithHiddenRuns, markdownWithHiddenRuns, pdfWithHiddenRuns } from './hidden-damage.js'
import { pdfLayoutOptions, reportPages, writePdf } from './writers/pdf.js'

const SEED = 20261207
/**
 * A text run parses in about 10–30 ms and a PDF run in about 100–300 ms on an idle 2-core machine;
 * these hold with a wide margin when the suite's files run side by side, and still catch a hang.
 */
const TEXT_TIMEOUT = 120_000
const PDF_TIMEOUT = 300_000

/** Every cell exact, or null with a diagnostic naming it; the edition, organisation and year as generated. */
function seenExactly(result: ParseResult, report: Report): void {
  const tally = scoreCells(result, report)
  expect(tally.wrong).toEqual([])
  expect(tally.unnamed).toEqual([])
  expect(result.report?.edition).toBe(report.edition)
  expect(result.report?.organization ?? null).toBe(report.organization)
  expect(result.report?.year ?? null).toBe(report.year)
}

describe('hidden and deleted runs in value cells', () => {
  prop.prop([htmlWithHiddenRuns, fc.boolean()], { seed: SEED, numRuns: 150 })(
    'HTML (plain, Word export, CMS editor, a layout page): every cell exact or null and named; each hidden digit named on its cell',
    ({ text, report, named }, repair) => {
      const result = parseReport(text, { repair })
      expect(result.format).toBe('html')
      seenExactly(result, report)
      expect(result.report?.title ?? null).toBe(report.title)
      const hidden = new Set(result.diagnostics.filter((d) => d.code === 'hidden_text').map((d) => d.path))
      expect(named.filter((path) => !hidden.has(path))).toEqual([])
      expect(hidden.size).toBe(named.length)
    },
    TEXT_TIMEOUT
  )

  prop.prop([markdownWithHiddenRuns, fc.boolean()], { seed: SEED, numRuns: 150 })(
    'Markdown (strikethrough and inline HTML in GFM tables, a raw HTML table): every cell exact or null and named',
    ({ text, report }, repair) => {
      const result = parseReport(text, { format: 'markdown', repair })
      seenExactly(result, report)
      expect(result.report?.title ?? null).toBe(report.title)
    },
    TEXT_TIMEOUT
  )

  prop.prop([pdfWithHiddenRuns], { seed: SEED, numRuns: 30 })(
    'PDF (render mode 3 or 7, fill alpha 0, white): every cell exact or null and named',
    async ({ bytes, report }) => {
      const result = await parseReportAsync(bytes)
      expect(result.format).toBe('pdf')
      seenExactly(result, report)
    },
    PDF_TIMEOUT
  )
})

describe('a PDF page read from its operators', () => {
  prop.prop([validReport(), pdfLayoutOptions], { seed: SEED, numRuns: 20 })(
    'gives the same report and diagnostics as from its text content (one invisible glyph off the tables makes the reader use its operators)',
    async (report, options) => {
      const pages = reportPages(report, options)
      const plain = await parseReportAsync(writePdf(pages))
      const dot = { op: 'text' as const, text: '.', x: 560, y: 820, size: 8, ink: { render: 3 } }
      const inked = await parseReportAsync(writePdf(pages.map((page) => ({ ...page, ops: [...page.ops, dot] }))))
      const placeless = (value: unknown): string => JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v))
      expect(placeless(inked.report)).toBe(placeless(plain.report))
      expect(placeless(inked.diagnostics.map(({ message: _, ...rest }) => rest))).toBe(
        placeless(plain.diagnostics.map(({ message: _, ...rest }) => rest))
      )
    },
    PDF_TIMEOUT
  )
})
