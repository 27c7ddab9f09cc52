/**
 * A report as a PDF, for the PDF reader's property tests: the official layout
 * (`layoutReport`) set as text lines and ruled tables on A4 pages, with options
 * that reproduce what real reports' PDFs do (letter-spaced and wrapped labels,
 * stacked headers, a page break inside table 三, rules as lines or thin filled
 * rectangles, under a transform, whitespace items with bogus widths).
 */
import fc from 'fast-check'
import { layoutReport } from '../../src/model/layout.js'
import type { Report } from '../../src/model/types.js'
import { textWidth, writePdf, type PdfOp, type PdfPage } from './pdf-raw.js'
import {
  cellRows,
  fragmentRules,
  PAD_X,
  PAD_Y,
  spacedWidth,
  tableGeometry,
  wrapText,
  type CellBox,
  type Segment,
  type TableBlock,
  type TableGeometry
} from './pdf-table.js'

export { writePdf, type PdfOp, type PdfPage } from './pdf-raw.js'
export type { TableBlock } from './pdf-table.js'

/** How `reportToPdf` sets a report. Every option works alone or with any other. */
export interface PdfLayoutOptions {
  /**
   * Short table labels (at most 8 characters, as 商业企业 or 信息内容) with a gap
   * between characters: a text item per character (`items`), one item with `Tc`
   * character spacing (`charSpacing`), or one item with a space character between
   * characters (`spaces`, a gap of 0.5 em). `gap` is in em (default 0.5); pdfjs
   * joins glyphs less than 0.6 em apart into one item, with a space for a gap over
   * 0.1 em, and splits wider gaps into items with a whitespace item between.
   */
  letterSpaced?: { as: 'spaces' } | { as: 'items' | 'charSpacing'; gap?: number }
  /** Narrow label columns and wide line spacing: long labels wrap over 2–3 lines, values stay vertically centred. */
  wrapLabels?: boolean
  /** Table 三's applicant headers (自然人, 商业企业, …, 总计) and 三、本年度办理结果 stacked one character per item. */
  verticalHeaders?: boolean
  /**
   * Table 三 continues on a new page after its data row `afterRow` (0 is 一、本年新收…;
   * clamped so at least one row follows), optionally repeating its three header rows.
   */
  pageBreakInTable3?: { afterRow: number; repeatHeader?: boolean }
  /** A page number `-n-` centred at the bottom of each page (written first on the page). */
  pageNumbers?: boolean
  /** Rules as stroked lines (default), thin filled rectangles, or both (outer border a stroked rectangle, inner rules mixed). */
  rulesAs?: 'lines' | 'rects' | 'mixed'
  /** Each table fragment (rules and text) drawn under `q 1 0 0 1 left top cm … Q`. */
  transformed?: boolean
  /**
   * Table text written with a text matrix scaled by 0.05 (and the font size × 20),
   * followed by a space glyph: pdfjs then reports the whitespace items it inserts
   * between cells with widths 20 times the gap, as it does for WPS and Word files.
   */
  spaceItems?: boolean
}

/** Any combination of options, for property tests. */
export const pdfLayoutOptions: fc.Arbitrary<PdfLayoutOptions> = fc.record(
  {
    letterSpaced: fc.oneof(
      fc.constant({ as: 'spaces' as const }),
      fc.record({ as: fc.constantFrom('items' as const, 'charSpacing' as const), gap: fc.constantFrom(0.3, 0.5, 1) })
    ),
    wrapLabels: fc.boolean(),
    verticalHeaders: fc.boolean(),
    pageBreakInTable3: fc.record({ afterRow: fc.integer({ min: 0, max: 26 }), repeatHeader: fc.boolean() }),
    pageNumbers: fc.boolean(),
    rulesAs: fc.constantFrom('lines' as const, 'rects' as const, 'mixed' as const),
    transformed: fc.boolean(),
    spaceItems: fc.boolean()
  },
  { requiredKeys: [] }
)

/** Page geometry (A4, points). */
const PAGE = { width: 595, left: 72, right: 523, top: 770, bottom: 72, footer: 40 }
const RULE = 0.5
const TEXT = { title: 18, heading: 16, body: 12 }
/** Space between a table and what follows. */
const TABLE_GAP = 12

/** Pages being filled top to bottom. */
class Flow {
  pages: PdfOp[][] = [[]]
  y: number = PAGE.top
  get ops(): PdfOp[] {
    return this.pages[this.pages.length - 1] as PdfOp[]
  }
  newPage(): void {
    this.pages.push([])
    this.y = PAGE.top
  }
  /** Start a new page unless `height` fits below the cursor (or the page is still empty). */
  need(height: number): void {
    if (this.y - height < PAGE.bottom && this.y < PAGE.top) this.newPage()
  }
}

/** Lines of running text: headings and paragraphs. */
function textLines(flow: Flow, text: string, size: number, mode: 'center' | 'heading' | 'paragraph'): void {
  const width = PAGE.right - PAGE.left
  const indent = mode === 'center' ? 0 : 2 * size
  const first = wrapText(text, width - indent, size)[0] ?? ''
  const lines = [first, ...wrapText(text.slice(first.length), width, size)].filter((line) => line !== '')
  const lead = size * 1.75
  lines.forEach((line, i) => {
    flow.need(lead)
    flow.y -= lead
    const x =
      mode === 'center' ? (PAGE.left + PAGE.right - textWidth(line, size)) / 2 : PAGE.left + (i === 0 || mode === 'heading' ? indent : 0)
    flow.ops.push({ op: 'text', text: line, x, y: flow.y + size * 0.4, size })
  })
}

/** A rule as the options say: a line, a thin filled rectangle centred on it, or (mixed) each in turn. */
function ruleOps(segments: readonly Segment[], as: 'lines' | 'rects' | 'mixed'): PdfOp[] {
  const line = (s: Segment): PdfOp => ({ op: 'line', ...s, width: RULE })
  const fill = (s: Segment): PdfOp => ({
    op: 'fill',
    x: Math.min(s.x1, s.x2) - RULE / 2,
    y: Math.min(s.y1, s.y2) - RULE / 2,
    w: Math.abs(s.x2 - s.x1) + RULE,
    h: Math.abs(s.y2 - s.y1) + RULE
  })
  if (as === 'lines') return segments.map(line)
  if (as === 'rects') return segments.map(fill)
  // Mixed: the outer border as one stroked rectangle, inner horizontals filled, inner verticals stroked.
  const xs = segments.flatMap((s) => [s.x1, s.x2])
  const ys = segments.flatMap((s) => [s.y1, s.y2])
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  const outer = (s: Segment): boolean =>
    (s.y1 === s.y2 && (s.y1 === top || s.y1 === bottom) && s.x1 === left && s.x2 === right) ||
    (s.x1 === s.x2 && (s.x1 === left || s.x1 === right) && Math.max(s.y1, s.y2) === top && Math.min(s.y1, s.y2) === bottom)
  return [
    { op: 'rect', x: left, y: bottom, w: right - left, h: top - bottom, width: RULE },
    ...segments.filter((s) => !outer(s)).map((s) => (s.y1 === s.y2 ? fill(s) : line(s)))
  ]
}

/** The text operations of a cell's lines in the box [left, right] × [bottom, top]. */
function cellText(
  box: CellBox,
  lines: readonly string[],
  area: { left: number; right: number; top: number; bottom: number },
  size: number,
  options: PdfLayoutOptions,
  topAligned: boolean
): PdfOp[] {
  const ops: PdfOp[] = []
  const block = lines.length * box.lineGap
  const mid = (area.top + area.bottom) / 2
  const firstSlotTop = topAligned ? area.top - PAD_Y : mid + block / 2
  const spaced = box.spaced ? options.letterSpaced : undefined
  const gap = spaced === undefined ? 0 : spaced.as === 'spaces' ? 0.5 : (spaced.gap ?? 0.5)
  const scale = options.spaceItems === true ? { tmScale: 0.05 } : {}
  let end = { x: area.left, y: area.top }
  lines.forEach((line, i) => {
    // Each line's glyphs are centred in a slot of lineGap; CJK glyphs sit about 0.12 em below the baseline.
    const y = firstSlotTop - (i + 0.5) * box.lineGap - size * 0.38
    const width = spacedWidth(line, size, gap)
    const x = box.align === 'left' ? area.left + PAD_X : (area.left + area.right - width) / 2
    if (spaced?.as === 'items') {
      let at = x
      for (const char of line) {
        ops.push({ op: 'text', text: char, x: at, y, size, ...scale })
        at += spacedWidth(char, size) + gap * size
      }
    } else if (spaced?.as === 'charSpacing') ops.push({ op: 'text', text: line, x, y, size, charSpacing: gap * size, ...scale })
    else ops.push({ op: 'text', text: spaced?.as === 'spaces' ? [...line].join(' ') : line, x, y, size, ...scale })
    end = { x: x + width, y }
  })
  if (options.spaceItems === true && lines.length > 0) ops.push({ op: 'text', text: ' ', ...end, size, tmScale: 0.05 })
  return ops
}

/** Draw a table from the cursor down, splitting it over pages at row boundaries. */
function drawTable(flow: Flow, block: TableBlock, options: PdfLayoutOptions): void {
  const geometry = tableGeometry(block, {
    width: PAGE.right - PAGE.left,
    wrapLabels: options.wrapLabels === true,
    verticalHeaders: options.verticalHeaders === true,
    letterGap: options.letterSpaced === undefined ? 0 : options.letterSpaced.as === 'spaces' ? 0.5 : (options.letterSpaced.gap ?? 0.5)
  })
  const { rowH } = geometry
  const total = rowH.length
  const header = block.table === 3 && options.pageBreakInTable3?.repeatHeader === true ? [0, 1, 2] : []
  const afterRow = options.pageBreakInTable3?.afterRow
  const forced = block.table === 3 && afterRow !== undefined ? 3 + Math.max(0, Math.min(afterRow, total - 5)) + 1 : undefined
  const height = (rows: readonly number[]): number => rows.reduce((sum, r) => sum + (rowH[r] as number), 0)
  const firstPart = Array.from({ length: forced ?? total }, (_, i) => i)
  flow.need(height(firstPart))
  // Lines of spanning cells cut by a page break that did not fit above it.
  const carried = new Map<CellBox, string[]>()
  let rows: number[] = []
  let fresh = 0
  const flush = (): void => {
    drawFragment(flow, geometry, rows, options, carried)
    flow.y -= height(rows)
  }
  for (let r = 0; r < total; r++) {
    if (fresh > 0 && (r === forced || flow.y - height([...rows, r]) < PAGE.bottom)) {
      flush()
      flow.newPage()
      rows = [...header]
      fresh = 0
    }
    rows.push(r)
    fresh++
  }
  flush()
  flow.y -= TABLE_GAP
}

/** Draw the rows `rows` of a table with their top at the cursor. */
function drawFragment(
  flow: Flow,
  geometry: TableGeometry,
  rows: readonly number[],
  options: PdfLayoutOptions,
  carried: Map<CellBox, string[]>
): void {
  const { colX, rowH, size } = geometry
  const top = flow.y
  const yTop = [top]
  for (const row of rows) yTop.push((yTop[yTop.length - 1] as number) - (rowH[row] as number))
  const ops: PdfOp[] = []
  for (const box of geometry.cells) {
    const span = cellRows(box)
    const here = rows.flatMap((row, k) => (span.includes(row) ? [k] : []))
    const k0 = here[0]
    const k1 = here[here.length - 1]
    if (k0 === undefined || k1 === undefined) continue
    const starts = rows[k0] === box.row
    // A cell whose start is not here is the continuation of one cut by the page break.
    let lines = starts ? box.lines : (carried.get(box) ?? [])
    const area = {
      left: PAGE.left + (colX[box.column] as number),
      right: PAGE.left + (colX[Math.min(box.column + (box.cell.colspan ?? 1), geometry.columns)] as number),
      top: yTop[k0] as number,
      bottom: yTop[k1 + 1] as number
    }
    const fits = Math.max(0, Math.floor((area.top - area.bottom - 2 * PAD_Y) / box.lineGap))
    const whole = here.length === span.length
    if (!whole && lines.length > fits) {
      carried.set(box, lines.slice(fits))
      lines = lines.slice(0, fits)
    } else if (!whole) carried.delete(box)
    ops.push(...cellText(box, lines, area, size, options, !whole && (!starts || carried.has(box))))
  }
  const rules = fragmentRules(geometry, rows, top).map((s) => ({ ...s, x1: s.x1 + PAGE.left, x2: s.x2 + PAGE.left }))
  const all = [...ruleOps(rules, options.rulesAs ?? 'lines'), ...ops]
  if (options.transformed !== true) flow.ops.push(...all)
  else flow.ops.push({ op: 'group', matrix: [1, 0, 0, 1, PAGE.left, top], ops: all.map((op) => shift(op, -PAGE.left, -top)) })
}

/** An operation moved by (dx, dy), to be drawn under a translation by (−dx, −dy). */
function shift(op: PdfOp, dx: number, dy: number): PdfOp {
  switch (op.op) {
    case 'text':
      return { ...op, x: op.x + dx, y: op.y + dy }
    case 'line':
      return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy }
    case 'rect':
    case 'fill':
      return { ...op, x: op.x + dx, y: op.y + dy }
    case 'group':
      return { ...op, ops: op.ops.map((inner) => shift(inner, dx, dy)) }
  }
}

/** The flow's pages, numbered at the bottom if the options say so. */
function finish(flow: Flow, options: PdfLayoutOptions): PdfPage[] {
  return flow.pages.map((ops, i) => {
    if (options.pageNumbers !== true) return { ops }
    const text = `-${i + 1}-`
    return { ops: [{ op: 'text', text, x: (PAGE.width - textWidth(text, 10.5)) / 2, y: PAGE.footer, size: 10.5 }, ...ops] }
  })
}

/** The pages of a report as `reportToPdf` sets them, before writing (what was drawn, for tests to compare). */
export function reportPages(report: Report, options: PdfLayoutOptions = {}): PdfPage[] {
  const flow = new Flow()
  for (const block of layoutReport(report)) {
    if (block.type === 'heading' && block.depth === 1) textLines(flow, block.text, TEXT.title, 'center')
    else if (block.type === 'heading') textLines(flow, block.text, TEXT.heading, 'heading')
    else if (block.type === 'paragraph') textLines(flow, block.text, TEXT.body, 'paragraph')
    else {
      flow.y -= 6
      drawTable(flow, block, options)
    }
  }
  return finish(flow, options)
}

/**
 * The pages of one laid-out table alone, from the top of the first page (a
 * `pageBreakInTable3` applies when it is table 三).
 *
 * @param block - A table block of `layoutReport`'s output, or one made up.
 * @param options - As for `reportToPdf`.
 */
export function tablePages(block: TableBlock, options: PdfLayoutOptions = {}): PdfPage[] {
  const flow = new Flow()
  drawTable(flow, block, options)
  return finish(flow, options)
}

/**
 * Write a report as a PDF in the official layout.
 *
 * @param report - A report of either edition.
 * @param options - How to set it (default: plain labels, stroked rules, no transforms).
 * @returns The PDF file's bytes.
 */
export function reportToPdf(report: Report, options: PdfLayoutOptions = {}): Uint8Array {
  return writePdf(reportPages(report, options))
}
