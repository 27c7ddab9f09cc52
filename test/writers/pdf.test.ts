/**
 * The test PDF writer: its files open in pdfjs without a word on the console,
 * the text items come back with the strings and positions written, and the rules
 * come back as paths in the operator list.
 */
import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { validReport } from '../arbitraries.js'
import { layoutReport } from '../../src/model/layout.js'
import { textWidth, writePdf, type PdfMatrix, type PdfOp, type PdfPage } from './pdf-raw.js'
import { pdfLayoutOptions, reportPages, reportToPdf, tablePages, type PdfLayoutOptions, type TableBlock } from './pdf.js'

/** A text item as pdfjs gives it. */
interface Item {
  str: string
  x: number
  y: number
  width: number
  hasEOL: boolean
}

/** A path of the operator list: the paint op, its DrawOPS data, and the matrices of the `cm`s in force. */
interface Path {
  paint: number
  data: number[]
  ctm: number[][]
}

/** Read every page's text items and paths with pdfjs. */
async function readPdf(data: Uint8Array): Promise<{ items: Item[]; paths: Path[] }[]> {
  const doc = await pdfjs.getDocument({ data: data.slice(), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise
  const pages: { items: Item[]; paths: Path[] }[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const items: Item[] = []
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue
      items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, hasEOL: item.hasEOL })
    }
    const list = await page.getOperatorList()
    const paths: Path[] = []
    const stack: number[][][] = [[]]
    list.fnArray.forEach((fn, i) => {
      const args = list.argsArray[i] as unknown[]
      if (fn === pdfjs.OPS.save) stack.push([...(stack[stack.length - 1] ?? [])])
      else if (fn === pdfjs.OPS.restore) stack.pop()
      else if (fn === pdfjs.OPS.transform) stack[stack.length - 1]?.push(args as number[])
      else if (fn === pdfjs.OPS.constructPath) {
        const [paint, [buffer]] = args as [number, [Float32Array]]
        paths.push({ paint, data: Array.from(buffer), ctm: [...(stack[stack.length - 1] ?? [])] })
      }
    })
    pages.push({ items, paths })
  }
  await doc.destroy()
  return pages
}

/** The characters drawn on a page, in stream order, each where its glyph starts in page coordinates. */
function drawnChars(ops: readonly PdfOp[], matrix: PdfMatrix = [1, 0, 0, 1, 0, 0]): { char: string; x: number; y: number }[] {
  const [a, b, c, d, e, f] = matrix
  return ops.flatMap((op) => {
    if (op.op === 'group') {
      const [a2, b2, c2, d2, e2, f2] = op.matrix
      return drawnChars(op.ops, [
        a2 * a + b2 * c,
        a2 * b + b2 * d,
        c2 * a + d2 * c,
        c2 * b + d2 * d,
        e2 * a + f2 * c + e,
        e2 * b + f2 * d + f
      ])
    }
    if (op.op !== 'text') return []
    let x = op.x
    return [...op.text].map((char) => {
      const at = { char, x: a * x + c * op.y + e, y: b * x + d * op.y + f }
      x += textWidth(char, op.size, op.charSpacing ?? 0, op.hScale ?? 100)
      return at
    })
  })
}

/** How many rule operations a page draws. */
function ruleCount(ops: readonly PdfOp[]): number {
  return ops.reduce((n, op) => n + (op.op === 'group' ? ruleCount(op.ops) : op.op === 'text' ? 0 : 1), 0)
}

/**
 * Check that pdfjs's items are the drawn characters in order, white space aside:
 * each item is a run of them (pdfjs joins glyphs less than 0.6 em apart, with a
 * space for a gap over 0.1 em, and splits wider gaps with a whitespace item),
 * placed where its first character was drawn.
 */
function expectSameText(items: readonly Item[], drawn: readonly { char: string; x: number; y: number }[]): void {
  const queue = drawn.filter((d) => d.char.trim() !== '')
  for (const item of items) {
    const chars = [...item.str.replace(/\s/gu, '')]
    if (chars.length === 0) continue
    const first = queue[0]
    expect([item.str, item.x, item.y]).toEqual([item.str, expect.closeTo(first?.x ?? NaN, 2), expect.closeTo(first?.y ?? NaN, 2)])
    expect(queue.splice(0, chars.length).map((d) => d.char)).toEqual(chars)
  }
  expect(queue.map((d) => d.char)).toEqual([])
}

let logged: MockInstance[] = []
beforeEach(() => {
  logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level))
})
afterEach(() => {
  for (const spy of logged) {
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  }
})

describe('writePdf', () => {
  it('writes an xref table whose offsets point at their objects', () => {
    const file = new TextDecoder('latin1').decode(
      writePdf([{ ops: [{ op: 'text', text: '规章12', x: 72, y: 700, size: 10 }] }, { ops: [] }])
    )
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/u.exec(file)?.[1])
    const entries = file
      .slice(xref)
      .split('\n')
      .slice(3, -1)
      .filter((line) => / n $/u.test(line))
    expect(entries.length).toBe(10)
    entries.forEach((entry, i) => expect(file.slice(Number(entry.slice(0, 10))).startsWith(`${i + 1} 0 obj\n`)).toBe(true))
  })

  it('gives back each text item with its string, position and width', { timeout: 30000 }, async () => {
    const ops: PdfOp[] = [
      { op: 'text', text: '信息内容', x: 72, y: 700, size: 10 },
      { op: 'text', text: '本年收费金额（单位：万元）', x: 250, y: 700, size: 9 },
      { op: 'text', text: '303534.789975', x: 72, y: 650, size: 11, hScale: 80 },
      { op: 'text', text: '3.危及“三安全一稳定”', x: 250, y: 650, size: 7.5, charSpacing: 0.5 },
      { op: 'text', text: '-2-', x: 290, y: 40, size: 10.5, tmScale: 0.05 },
      { op: 'group', matrix: [1, 0, 0, 1, 100, 500], ops: [{ op: 'text', text: '自然人', x: -28, y: -100, size: 12 }] }
    ]
    const [page, second] = await readPdf(
      writePdf([{ ops }, { width: 300, height: 400, ops: [{ op: 'text', text: '第二页', x: 10, y: 300, size: 12 }] }])
    )
    const words = page?.items.filter((item) => item.str.trim() !== '')
    expect(words?.map((item) => [item.str, item.x, item.y])).toEqual([
      ['信息内容', 72, 700],
      ['本年收费金额（单位：万元）', 250, 700],
      ['303534.789975', 72, 650],
      ['3.危及“三安全一稳定”', 250, 650],
      ['-2-', 290, 40],
      ['自然人', 72, 400]
    ])
    // Widths from /W (CJK 1000, ASCII 500) with Tz and Tc; the last character's Tc is not counted.
    expect(words?.map((item) => item.width)).toEqual([
      40,
      expect.closeTo(117, 3),
      expect.closeTo(textWidth('303534.789975', 11, 0, 80), 3),
      expect.closeTo(textWidth('3.危及“三安全一稳定”', 7.5, 0.5) - 0.5, 3),
      15.75,
      36
    ])
    // Between two items on one line pdfjs puts a whitespace item as wide as the gap.
    expect(page?.items[1]).toMatchObject({ str: ' ', x: 112, width: 138 })
    expect(second?.items.map((item) => item.str)).toEqual(['第二页'])
  })

  it('gives back lines, rectangles and transforms as constructPath', { timeout: 30000 }, async () => {
    const [page] = await readPdf(
      writePdf([
        {
          ops: [
            { op: 'line', x1: 70, y1: 600, x2: 300, y2: 600, width: 0.5 },
            { op: 'rect', x: 70, y: 500, w: 100, h: 50, width: 0.5 },
            { op: 'fill', x: 70, y: 450, w: 100, h: 0.5 },
            { op: 'group', matrix: [1, 0, 0, 1, 10, 20], ops: [{ op: 'line', x1: 0, y1: 0, x2: 0, y2: 100, width: 1 }] }
          ]
        }
      ])
    )
    const { moveTo: M, lineTo: L, closePath: Z } = { moveTo: 0, lineTo: 1, closePath: 4 }
    expect(page?.paths).toEqual([
      { paint: pdfjs.OPS.stroke, data: [M, 70, 600, L, 300, 600], ctm: [] },
      { paint: pdfjs.OPS.stroke, data: [M, 70, 500, L, 170, 500, L, 170, 550, L, 70, 550, Z], ctm: [] },
      { paint: pdfjs.OPS.fill, data: [M, 70, 450, L, 170, 450, L, 170, 450.5, L, 70, 450.5, Z], ctm: [] },
      { paint: pdfjs.OPS.stroke, data: [M, 0, 0, L, 0, 100], ctm: [[1, 0, 0, 1, 10, 20]] }
    ])
  })
})

describe('tablePages', () => {
  // 3 × 3: A spans two rows, B two columns, E the whole last row.
  const label = (text: string, rowspan = 1, colspan = 1): TableBlock['rows'][number][number] => ({
    text,
    ...(rowspan > 1 ? { rowspan } : {}),
    ...(colspan > 1 ? { colspan } : {})
  })
  const table: TableBlock = {
    type: 'table',
    table: 0,
    columns: 3,
    rows: [[label('甲', 2), label('乙', 1, 2)], [label('丙'), label('丁')], [label('戊', 1, 3)]]
  }

  it.each([
    ['lines', 8, { [pdfjs.OPS.stroke]: 8 }],
    ['rects', 8, { [pdfjs.OPS.fill]: 8 }],
    ['mixed', 5, { [pdfjs.OPS.stroke]: 3, [pdfjs.OPS.fill]: 2 }]
  ] as const)('draws every cell boundary once, none inside a spanning cell (%s)', { timeout: 30000 }, async (rulesAs, count, byPaint) => {
    for (const transformed of [false, true]) {
      const [page] = await readPdf(writePdf(tablePages(table, { rulesAs, transformed })))
      expect(page?.paths.length).toBe(count)
      const paints: Record<number, number> = {}
      for (const path of page?.paths ?? []) paints[path.paint] = (paints[path.paint] ?? 0) + 1
      expect(paints).toEqual(byPaint)
      expect(page?.paths.every((path) => path.ctm.length === (transformed ? 1 : 0))).toBe(true)
      expect(page?.items.filter((item) => item.str.trim() !== '').map((item) => item.str)).toEqual(['甲', '乙', '丙', '丁', '戊'])
    }
  })
})

describe('reportToPdf', () => {
  // PDF_RUNS=300 npx vitest run test/writers/pdf.test.ts for a longer run (about 15 s).
  it('round-trips every text and rule for any report and options', { timeout: 60000 }, async () => {
    await fc.assert(
      fc.asyncProperty(validReport(), pdfLayoutOptions, async (report, options) => {
        const pages = reportPages(report, options)
        const read = await readPdf(writePdf(pages))
        expect(read.length).toBe(pages.length)
        pages.forEach((page: PdfPage, i) => {
          expectSameText(read[i]?.items ?? [], drawnChars(page.ops))
          expect(read[i]?.paths.length).toBe(ruleCount(page.ops))
        })
        // Table 三 (from its header to its last row) fits on one page unless broken on purpose.
        const texts = pages.map((page) =>
          drawnChars(page.ops)
            .map((d) => d.char)
            .join('')
            .replace(/\s/gu, '')
        )
        const span =
          texts.findIndex((text) => text.includes('四、结转下年度继续办理')) - texts.findIndex((text) => text.includes('申请人情况'))
        expect(span).toBe(options.pageBreakInTable3 === undefined ? 0 : 1)
      }),
      { numRuns: Number(process.env.PDF_RUNS ?? 12) }
    )
  })

  it('breaks table 三 after the given row, repeating its header if asked', { timeout: 30000 }, async () => {
    const [report] = fc.sample(validReport('2021'), { numRuns: 1, seed: 3 })
    if (report === undefined) throw new Error('no sample')
    const pageOf = (pages: { items: Item[] }[], text: string): number[] =>
      pages.flatMap((page, i) => (page.items.some((item) => item.str.replace(/\s/gu, '') === text) ? [i] : []))
    for (const repeatHeader of [false, true]) {
      const options: PdfLayoutOptions = { pageBreakInTable3: { afterRow: 1, repeatHeader }, pageNumbers: true }
      const pages = await readPdf(reportToPdf(report, options))
      expect(pages.length).toBeGreaterThanOrEqual(2)
      const [before] = pageOf(pages, '二、上年结转政府信息公开申请数量')
      expect(pageOf(pages, '（一）予以公开')).toEqual([(before ?? NaN) + 1])
      expect(pageOf(pages, '申请人情况')).toEqual(repeatHeader ? [before, (before ?? NaN) + 1] : [before])
      pages.forEach((page, i) => {
        const number = `-${i + 1}-`
        expect(page.items[0]).toMatchObject({ str: number, x: expect.closeTo((595 - textWidth(number, 10.5)) / 2, 2), y: 40 })
      })
    }
  })

  it('sets letter-spaced labels as pdfjs joins or splits them', { timeout: 30000 }, async () => {
    const [report] = fc.sample(validReport('2019'), { numRuns: 1, seed: 5 })
    if (report === undefined) throw new Error('no sample')
    const strings = async (options: PdfLayoutOptions): Promise<string[]> =>
      (await readPdf(reportToPdf(report, options))).flatMap((page) => page.items.map((item) => item.str))
    // Gaps under 0.6 em: one item with a space between characters.
    for (const letterSpaced of [{ as: 'spaces' }, { as: 'items', gap: 0.3 }, { as: 'charSpacing', gap: 0.5 }] as const) {
      expect(await strings({ letterSpaced })).toContain('信 息 内 容')
    }
    // Gaps over 0.6 em: an item per character, whitespace items between.
    for (const letterSpaced of [
      { as: 'items', gap: 1 },
      { as: 'charSpacing', gap: 1 }
    ] as const) {
      const all = await strings({ letterSpaced })
      const at = all.indexOf('信')
      expect(all.slice(at, at + 7)).toEqual(['信', ' ', '息', ' ', '内', ' ', '容'])
    }
  })

  const pdftoppm = spawnSync('pdftoppm', ['-v']).status === 0
  it.skipIf(!pdftoppm)('renders with pdftoppm without a message', { timeout: 30000 }, () => {
    const [report] = fc.sample(validReport('2021'), { numRuns: 1, seed: 11 })
    if (report === undefined) throw new Error('no sample')
    const options: PdfLayoutOptions = {
      letterSpaced: { as: 'items', gap: 1 },
      wrapLabels: true,
      verticalHeaders: true,
      pageBreakInTable3: { afterRow: 8, repeatHeader: true },
      pageNumbers: true,
      rulesAs: 'mixed',
      transformed: true,
      spaceItems: true
    }
    const run = spawnSync('pdftoppm', ['-png', '-r', '30', '-'], { input: reportToPdf(report, options), maxBuffer: 1 << 26 })
    expect([run.status, run.stderr.toString()]).toEqual([0, ''])
    expect(run.stdout.length).toBeGreaterThan(1000)
  })

  it('lays out the blocks of layoutReport in order', { timeout: 30000 }, async () => {
    const [report] = fc.sample(validReport('2019'), { numRuns: 1, seed: 9 })
    if (report === undefined) throw new Error('no sample')
    const text = (await readPdf(reportToPdf(report))).flatMap((page) => page.items.map((item) => item.str)).join('')
    let from = 0
    for (const block of layoutReport(report)) {
      if (block.type === 'table') continue
      const at = text.indexOf(block.text.slice(0, 8), from)
      expect(at, block.text).toBeGreaterThanOrEqual(from)
      from = at
    }
  })
})
