/**
 * Generated reports written to Word and PDF files by the test writers (`test/writers/`), with what
 * real files do to them (runs split, tracked changes, content controls, nested tables; rules as
 * lines or thin rectangles under transforms, letter-spaced, wrapped and stacked labels, table 三
 * broken across pages, whitespace items with bogus widths): every cell exact, or null with a
 * diagnostic naming it; never wrong. Title, organisation and year as written.
 */
import { it as prop } from '@fast-check/vitest'
import fc from 'fast-check'
import { describe, expect } from 'vitest'
import { parseReport, parseReportAsync, type ParseResult, type Report } from '../src/index.js'
import { validReport } from './arbitraries.js'
import { scoreCells } from './helpers.js'
import { docxOptions, reportToDocx } from './writers/docx.js'
import { pdfLayoutOptions, reportPages, reportToPdf, writePdf, type PdfOp } from './writers/pdf.js'

const SEED = 20261122

/** A page's drawing with its rules left out: its text only. */
function bare(ops: readonly PdfOp[]): PdfOp[] {
  const kept: PdfOp[] = []
  for (const op of ops) {
    if (op.op === 'group') kept.push({ ...op, ops: bare(op.ops) })
    else if (op.op === 'text') kept.push(op)
  }
  return kept
}
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

  // With its title (the year tells the edition when table 二's page is the one not read).
  const titled = validReport().filter((report) => report.year !== null)
  prop.prop([titled, pdfLayoutOptions, fc.integer({ min: 1, max: 4 })], { numRuns: 40, seed: SEED })(
    'PDF with the rules of one page (or all) left out: that page gives unruled_table and no number, never a wrong one',
    async (report, options, which) => {
      const pages = reportPages(report, options)
      const stripped = pages.map((page, i) => (which === 4 || i + 1 === which ? { ...page, ops: bare(page.ops) } : page))
      const result = await parseReportAsync(writePdf(stripped))
      expect(scoreCells(result, report).wrong).toEqual([])
      const unruled = result.diagnostics.filter((d) => d.code === 'unruled_table').map((d) => d.position?.page)
      if (which === 4) expect(unruled.length).toBeGreaterThan(0)
      else expect(unruled.every((page) => page === which)).toBe(true)
      // Every cell not read is named: by its table, or the report is null with not_a_report.
      if (result.report !== null) expect(scoreCells(result, report).unnamed).toEqual([])
      else expect(result.diagnostics.map((d) => d.code)).toContain('not_a_report')
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
