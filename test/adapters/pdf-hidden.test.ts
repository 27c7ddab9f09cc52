/**
 * The PDF reader and text a reader of the page does not see (issue 23): text drawn with render mode
 * 3 or 7, with a fill alpha of 0, or white where nothing coloured lies under it is not read; in a
 * cell it is named (`hidden_text`), elsewhere dropped. Pages of table 四 drawn by the test writer.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReportAsync, type Diagnostic, type ParseResult } from '../../src/index.js'
import { CORPUS } from '../helpers.js'
import { corpusPdf } from '../writers/pdf-hidden-fixture.js'
import { writePdf, type PdfOp } from '../writers/pdf.js'
import type { PdfInk } from '../writers/pdf-raw.js'

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
const VALUES = [3, 1, 0, 2, 6, 4, 0, 1, 0, 5, 2, 0, 0, 1, 3]
const LEFT = 60
const WIDTH = 32
const TOP = 700
const HEIGHT = 24
const SIZE = 10
const x = (column: number): number => LEFT + column * WIDTH
const BASELINE = TOP - 3 * HEIGHT - 16

/** Table 四 ruled, its labels, and `values`: ops for its last row (placed by the caller), under a title. */
function table4(values: PdfOp[], title: PdfOp[] = []): Uint8Array {
  const ops: PdfOp[] = [...title, { op: 'text', text: '四、政府信息公开行政复议、行政诉讼情况', x: LEFT, y: TOP + 30, size: 12 }]
  const bottom = TOP - 4 * HEIGHT
  for (let r = 0; r <= 4; r++) ops.push({ op: 'line', x1: x(0), y1: TOP - r * HEIGHT, x2: x(15), y2: TOP - r * HEIGHT, width: 0.5 })
  for (let c = 0; c <= 15; c++) {
    const from = c % 5 === 0 ? TOP : c < 5 ? TOP - HEIGHT : TOP - HEIGHT * 2
    ops.push({ op: 'line', x1: x(c), y1: from, x2: x(c), y2: bottom, width: 0.5 })
  }
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
  return writePdf([{ ops: [...ops, ...values] }])
}

/** Text in a cell of the last row, from `at` points right of its left edge. */
const text = (value: string, column: number, at = 8, ink?: PdfInk): PdfOp => ({
  op: 'text',
  text: value,
  x: x(column) + at,
  y: BASELINE,
  size: SIZE,
  ...(ink === undefined ? {} : { ink })
})
const row = (values: readonly number[] = VALUES): PdfOp[] => values.map((v, c) => text(String(v), c))

const INKS: Record<string, [PdfInk, string]> = {
  'render mode 3': [{ render: 3 }, 'render mode 3'],
  'render mode 7': [{ render: 7 }, 'render mode 7'],
  'fill alpha 0': [{ transparent: true }, 'fill alpha 0'],
  white: [{ rgb: [1, 1, 1] }, 'white on white']
}

async function read(bytes: Uint8Array): Promise<{ result: ParseResult; values: unknown[]; hidden: Diagnostic[] }> {
  const result = await parseReportAsync(bytes, { repair: false })
  expect(result.format).toBe('pdf')
  const table = result.report?.reviewAndLitigation
  const values =
    table === undefined ? [] : [table.review, table.litigationDirect, table.litigationAfterReview].flatMap((g) => Object.values(g))
  return { result, values, hidden: result.diagnostics.filter((d) => d.code === 'hidden_text') }
}

describe('PDF: text a reader does not see', () => {
  it.each(Object.keys(INKS))('does not read digits drawn over a value with %s, and names the cell', async (name) => {
    const [ink, by] = INKS[name] as [PdfInk, string]
    // An old figure left under the new one, drawn invisible at the same place.
    const { values, hidden } = await read(table4([...row(), text('9', 0, 8, ink), text('7', 4, 14, ink)]))
    expect(values).toEqual(VALUES)
    expect(hidden.map((d) => d.path)).toEqual(['reviewAndLitigation.review.upheld', 'reviewAndLitigation.review.total'])
    expect(hidden[0]?.message).toContain(`“9” (${by})`)
  })

  it('leaves a cell whose only digits are invisible blank, named', async () => {
    const values = row().filter((_, c) => c !== 3)
    const { values: read3, result } = await read(table4([...values.slice(0, 3), text('2', 3, 8, { render: 3 }), ...values.slice(3)]))
    expect(read3[3]).toBeNull()
    expect(result.diagnostics.filter((d) => d.path === 'reviewAndLitigation.review.pending').map((d) => d.code)).toEqual([
      'hidden_text',
      'blank_cell'
    ])
  })

  it('never reads an invisible digit inside a number: 5, an invisible 6, then 30 is not 5630 nor 530 but “5 30”, null and named', async () => {
    const ops = row().filter((_, c) => c !== 4)
    const five = text('5', 4, 4)
    const six = text('6', 4, 4 + SIZE / 2, { render: 3 })
    const thirty = text('30', 4, 4 + SIZE)
    const { values, result } = await read(table4([...ops, five, six, thirty]))
    expect(values[4]).toBeNull()
    const codes = result.diagnostics.filter((d) => d.path === 'reviewAndLitigation.review.total').map((d) => d.code)
    expect(codes).toEqual(['hidden_text', 'invalid_number'])
  })

  it('names every cell an invisible run lies over: one starting in a blank cell and ending in the next', async () => {
    const ops = row().filter((_, c) => c !== 1)
    const { values, result } = await read(table4([...ops, text('45678', 1, 8, { render: 3 })]))
    expect(values[1]).toBeNull()
    const named = result.diagnostics.filter((d) => d.code === 'hidden_text').map((d) => d.path)
    expect(named).toEqual(['reviewAndLitigation.review.corrected', 'reviewAndLitigation.review.other'])
  })

  it('reads white text on a coloured fill, as it is seen', async () => {
    const shade: PdfOp = { op: 'fill', x: x(0) + 1, y: TOP - 4 * HEIGHT + 1, w: WIDTH - 2, h: HEIGHT - 2, rgb: [0.2, 0.3, 0.6] }
    const ops = row().filter((_, c) => c !== 0)
    const { values, hidden } = await read(
      table4([shade, text('3', 0, 8, { rgb: [1, 1, 1] }), ...ops, text('8', 1, 20, { rgb: [1, 1, 1] })])
    )
    expect(values).toEqual(VALUES)
    expect(hidden.map((d) => d.path)).toEqual(['reviewAndLitigation.review.corrected'])
  })

  it('drops invisible text outside tables: the title reads as seen', async () => {
    const title: PdfOp[] = [
      { op: 'text', text: '某某局', x: LEFT, y: 790, size: 16 },
      { op: 'text', text: '2019', x: LEFT + 48, y: 790, size: 16, ink: { render: 3 } },
      { op: 'text', text: '2020年政府信息公开工作年度报告', x: LEFT + 48 + 32, y: 790, size: 16 }
    ]
    const { result } = await read(table4(row(), title))
    // (This page's title runs on into its one heading, by the reader's rule for lines that reach the right edge.)
    expect(result.report?.title?.replace(/\s+/gu, '')).toMatch(/^某某局2020年政府信息公开工作年度报告/u)
    expect(result.report?.year).toBe(2020)
  })
})

describe('the golden fixture pdf-2021-invisible-text', () => {
  it('is the file test/writers/pdf-hidden-fixture.ts writes (UPDATE=1 rewrites it)', () => {
    const file = join(CORPUS, 'pdf-2021-invisible-text', 'input.pdf')
    const bytes = corpusPdf()
    if (process.env.UPDATE === '1') writeFileSync(file, bytes)
    expect(new Uint8Array(readFileSync(file))).toEqual(bytes)
  })
})
