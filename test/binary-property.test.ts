/**
 * Generated reports written to Word and PDF files by the test writers (`test/writers/`), with what
 * real files do to them (runs split, tracked changes, content controls, nested tables; rules as
 * lines or thin rectangles under transforms, letter-spaced, wrapped and stacked labels, table 三
 * broken across pages, whitespace items with bogus widths): every cell exact, or null with a
 * diagnostic naming it; never wrong. Title, organisation and year as written.
 */
import { it as prop } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { parseReport, parseReportAsync, type ParseResult, type Report } from '../src/index.js'
import { validReport } from './arbitraries.js'
import { scoreCells } from './helpers.js'
import { docxOptions, reportToDocx } from './writers/docx.js'
import { pdfLayoutOptions, reportToPdf } from './writers/pdf.js'

const SEED = 20261122
/** Generous for a busy 2-core machine: a PDF run costs about 50 ms, a Word run about 10 ms. */
const TIMEOUT = 240_000

function expectRead(result: ParseResult, report: Report, format: string): void {
  expect(result.format).toBe(format)
  const tally = scoreCells(result, report)
  expect(tally.wrong).toEqual([])
  expect(tally.unnamed).toEqual([])
  expect(result.report?.edition).toBe(report.edition)
  expect(result.report?.organization).toBe(report.organization)
  expect(result.report?.year).toBe(report.year)
}

describe('generated Word and PDF files', () => {
  prop.prop([validReport(), docxOptions], { numRuns: 150, seed: SEED })(
    'Word: every cell exact or null with a diagnostic naming it, never wrong',
    (report, options) => {
      const result = parseReport(reportToDocx(report, options))
      expectRead(result, report, 'docx')
      // Word files come out of the writer clean: every cell is read exactly.
      expect(scoreCells(result, report).named).toBe(0)
    },
    TIMEOUT
  )

  prop.prop([validReport(), pdfLayoutOptions], { numRuns: 80, seed: SEED })(
    'PDF: every cell exact or null with a diagnostic naming it, never wrong',
    async (report, options) => {
      const result = await parseReportAsync(reportToPdf(report, options))
      expectRead(result, report, 'pdf')
    },
    TIMEOUT
  )

  prop.prop([validReport(), pdfLayoutOptions.filter((options) => options.pageBreakInTable3 === undefined)], { numRuns: 30, seed: SEED })(
    'PDF without a forced page break: every cell exact',
    async (report, options) => {
      const result = await parseReportAsync(reportToPdf(report, options))
      expectRead(result, report, 'pdf')
      expect(scoreCells(result, report).named).toBe(0)
    },
    TIMEOUT
  )
})
