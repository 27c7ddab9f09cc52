/**
 * The PDF reader on hand-drawn pages of table 四: how a number could be misread from geometry (a
 * number spilling over a column rule, two cells' numbers pdfjs joins into one item, a rule drawn
 * as a thin filled rectangle or under a transform, a cell with no bottom rule at the page's end).
 */
import { describe, expect, it } from 'vitest'
import { parseReportAsync, type Report } from '../../src/index.js'
import { reportToPdf, writePdf, type PdfOp } from '../writers/pdf.js'
import { fc } from '@fast-check/vitest'
import { validReport } from '../arbitraries.js'
import { withoutIdentity } from '../helpers.js'

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
const VALUES = [3, 1, 0, 2, 6, 4, 0, 1, 0, 5, 2, 0, 0, 1, 3]
const LEFT = 60
const WIDTH = 32
const TOP = 700
const HEIGHT = 24
const x = (column: number): number => LEFT + column * WIDTH

/** Table 四 drawn with rules around every cell; `values` are the texts of its last row, placed by the caller. */
function table4(
  values: PdfOp[],
  { rules = 'lines', open = false, shift }: { rules?: 'lines' | 'rects'; open?: boolean; shift?: [number, number] } = {}
): Uint8Array {
  const ops: PdfOp[] = [{ op: 'text', text: '四、政府信息公开行政复议、行政诉讼情况', x: LEFT, y: TOP + 30, size: 12 }]
  // Under a transform `1 0 0 1 dx dy cm`, every rule is drawn at its place less (dx, dy).
  const [dx, dy] = shift ?? [0, 0]
  const rule = (x1: number, y1: number, x2: number, y2: number): PdfOp =>
    rules === 'lines'
      ? { op: 'line', x1: x1 - dx, y1: y1 - dy, x2: x2 - dx, y2: y2 - dy, width: 0.5 }
      : {
          op: 'fill',
          x: Math.min(x1, x2) - 0.25 - dx,
          y: Math.min(y1, y2) - 0.25 - dy,
          w: Math.abs(x2 - x1) + 0.5,
          h: Math.abs(y2 - y1) + 0.5
        }
  const drawn: PdfOp[] = []
  const bottom = TOP - 4 * HEIGHT
  for (let r = 0; r <= (open ? 3 : 4); r++) drawn.push(rule(x(0), TOP - r * HEIGHT, x(15), TOP - r * HEIGHT))
  for (let c = 0; c <= 15; c++) {
    // The group header row spans 5 columns; the outcome row spans two rows in the review group.
    const from = c % 5 === 0 ? TOP : c < 5 ? TOP - HEIGHT : TOP - HEIGHT * 2
    drawn.push(rule(x(c), from, x(c), bottom))
  }
  ops.push(...(shift === undefined ? drawn : [{ op: 'group', matrix: [1, 0, 0, 1, dx, dy], ops: drawn } as PdfOp]))
  const label = (text: string, column: number, row: number): PdfOp => ({
    op: 'text',
    text,
    x: x(column) + 2,
    y: TOP - row * HEIGHT - 16,
    size: 7
  })
  ops.push(label('行政复议', 0, 0), label('行政诉讼', 5, 0), label('未经复议直接起诉', 5, 1), label('复议后起诉', 10, 1))
  OUTCOMES.forEach((text, i) => ops.push(label(text, i, 1)))
  for (let c = 5; c < 15; c++) ops.push(label(OUTCOMES[c % 5] as string, c, 2))
  ops.push(...values)
  return writePdf([{ ops }])
}

/** A value centred in its cell of the last row. */
const value = (text: string, column: number): PdfOp => ({
  op: 'text',
  text,
  x: x(column) + WIDTH / 2 - 3 * text.length,
  y: TOP - 3 * HEIGHT - 16,
  size: 10
})
const row = (values: readonly number[]): PdfOp[] => values.map((v, c) => value(String(v), c))

async function review(bytes: Uint8Array): Promise<{ values: unknown[]; codes: string[] }> {
  const result = await parseReportAsync(bytes)
  expect(result.format).toBe('pdf')
  const table = (result.report as Report | null)?.reviewAndLitigation
  const values =
    table === undefined ? [] : [table.review, table.litigationDirect, table.litigationAfterReview].flatMap((group) => Object.values(group))
  // These pages print table 四 alone: no title, no other table.
  return {
    values,
    codes: withoutIdentity(result.diagnostics)
      .map((d) => d.code)
      .filter((code) => code !== 'table_missing')
  }
}

describe('PDF cells from geometry', () => {
  it('reads table 四 drawn with lines, or with thin filled rectangles', async () => {
    for (const rules of ['lines', 'rects'] as const) {
      const { values, codes } = await review(table4(row(VALUES), { rules }))
      expect(values).toEqual(VALUES)
      expect(codes).toEqual([])
    }
  }, 30_000)

  it('keeps a number that spills over a column rule whole, in the cell that holds its middle', async () => {
    // 12 345 printed wider than its cell (25 pt from 12 pt in): its middle in the first cell, its tail over the rule.
    const values = [{ op: 'text', text: '12345', x: x(0) + 12, y: TOP - 3 * HEIGHT - 16, size: 10 } as PdfOp, ...row(VALUES).slice(1)]
    const result = await review(table4(values))
    expect(result.values[0] === 12345 || result.values[0] === null).toBe(true)
    expect(result.values.slice(1)).toEqual(VALUES.slice(1))
    // 12 345 breaks 总计 = 6: the totals say so.
    expect(result.codes).toContain('sum_mismatch')
  }, 30_000)

  it('cuts one item that holds two cells’ numbers (pdfjs joined them) at its space, each into its cell', async () => {
    // "3 1" as one text (half an em apart: pdfjs gives one item), astride the rule between the first two cells.
    const joined: PdfOp = { op: 'text', text: '3 1', x: x(1) - 8, y: TOP - 3 * HEIGHT - 16, size: 10 }
    const { values, codes } = await review(table4([joined, ...row(VALUES).slice(2)]))
    expect(values).toEqual(VALUES)
    expect(codes).toEqual([])
  }, 30_000)

  it('reads the last row of a table left open at the page’s end (no bottom rule)', async () => {
    const { values, codes } = await review(table4(row(VALUES), { open: true }))
    expect(values).toEqual(VALUES)
    expect(codes).toEqual([])
  }, 30_000)

  it('reads rules drawn under a transform', async () => {
    for (const shift of [
      [40, 300],
      [-20, -500]
    ] as [number, number][]) {
      const { values, codes } = await review(table4(row(VALUES), { shift }))
      expect(values).toEqual(VALUES)
      expect(codes).toEqual([])
    }
  }, 30_000)
})

describe('a title that is the widest line of its page', () => {
  it('does not swallow the heading under it: the title is whole, section 一 is read', async () => {
    // A short narrative: the title is the page's widest line, so it seemed to run on into the next
    // (3 of these 20 read as `…年度报告一、总体情况`, section 一 lost, before the fix).
    for (const [i, report] of fc.sample(validReport(), { seed: 20261208, numRuns: 20 }).entries()) {
      report.sections = { overview: '本年度共收到政府信息公开申请3件。', problems: '无。', other: '无。' }
      const result = await parseReportAsync(reportToPdf(report))
      expect(result.report?.title, `${i}`).toBe(report.title)
      expect(result.report?.sections.overview, `${i}`).toBe('本年度共收到政府信息公开申请3件。')
      expect(result.report?.statements.map((statement) => statement.value)).toEqual([3])
    }
  }, 60_000)
})
