/**
 * The geometry of a laid-out table for the PDF writer: column widths, each
 * cell's lines of text, row heights, and the ruled grid of a page fragment (a run
 * of rows, possibly after repeated header rows) with every cell boundary and no
 * rule inside a spanning cell.
 */
import { placeCells, printNumber, type LayoutBlock, type LayoutCell, type PlacedCell } from '../../src/model/layout.js'
import { charWidth } from './pdf-raw.js'

/** A table block of the layout. */
export type TableBlock = Extract<LayoutBlock, { type: 'table' }>

/** How a table's text is set. */
export interface TableStyle {
  /** Total width in points. */
  width: number
  /** Narrow label columns and wide line spacing, so long labels wrap over 2–3 lines. */
  wrapLabels: boolean
  /** Table 三's header cells written one character per line. */
  verticalHeaders: boolean
  /** Extra space between the characters of a short label (at most `LETTER_SPACED_MAX` characters), in em (0 for none). */
  letterGap: number
}

/** A cell with its text broken into lines. */
export interface CellBox extends PlacedCell {
  /** The lines, top to bottom (one character each when `vertical`). */
  lines: string[]
  /** Stacked one character per line. */
  vertical: boolean
  /** A label (else a value). */
  label: boolean
  /** A label written with gaps between its characters (short, not stacked). */
  spaced: boolean
  /** Left-aligned (row headings), else centred. */
  align: 'left' | 'center'
  /** Distance between baselines. */
  lineGap: number
  /** Height needed: the lines plus padding. */
  need: number
}

/** A table ready to draw. */
export interface TableGeometry {
  size: number
  /** Column boundaries, from 0 to the table's width. */
  colX: number[]
  rowH: number[]
  cells: CellBox[]
  cover: (LayoutCell | undefined)[][]
  columns: number
}

/** A rule: a horizontal or vertical segment. */
export interface Segment {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** Cell padding in points. */
export const PAD_X = 3
export const PAD_Y = 3

/** Table 三's header cells that `verticalHeaders` stacks (and its results row heading). */
const VERTICAL_LABELS = new Set(['自然人', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '三、本年度办理结果'])

/** Labels this long or shorter are letter-spaced (as Word's distributed alignment does to short header cells). */
export const LETTER_SPACED_MAX = 8

/** Width of a string in points with `gap` em between characters. */
export function spacedWidth(text: string, size: number, gap = 0): number {
  const chars = [...text]
  return (chars.reduce((sum, char) => sum + charWidth(char), 0) / 1000) * size + Math.max(0, chars.length - 1) * gap * size
}

/**
 * Break a string into lines no wider than `width`, between characters, never
 * inside a run of ASCII (so a figure like 8098 stays whole when it fits).
 */
export function wrapText(text: string, width: number, size: number, gap = 0): string[] {
  const units = text.match(/[!-~]+|[^!-~]/gu) ?? []
  const lines: string[] = []
  let line = ''
  const push = (unit: string): void => {
    if (line !== '' && spacedWidth(line + unit, size, gap) > width) {
      lines.push(line)
      line = ''
    }
    line += unit
  }
  for (const unit of units) {
    if (spacedWidth(unit, size, gap) > width) for (const char of unit) push(char)
    else push(unit)
  }
  if (line !== '') lines.push(line)
  return lines
}

/** Column widths as fractions of the table's width. */
function columnShares(block: TableBlock, wrap: boolean): number[] {
  const equal = (n: number): number[] => Array.from({ length: n }, () => 1 / n)
  if (block.table === 2) return wrap ? [0.12, 0.29, 0.29, 0.3] : [0.34, 0.22, 0.22, 0.22]
  if (block.table === 3) {
    const labels = wrap ? [0.058, 0.1, 0.215] : [0.058, 0.16, 0.34]
    const rest = 1 - labels.reduce((a, b) => a + b, 0)
    return [...labels, ...equal(7).map((share) => share * rest)]
  }
  return equal(block.columns)
}

/** Lay out a table's cells: widths, lines, row heights. */
export function tableGeometry(block: TableBlock, style: TableStyle): TableGeometry {
  const size = block.table === 2 ? 9 : 7.5
  const lineGap = size * (style.wrapLabels ? 1.5 : 1.2)
  const colX = [0]
  for (const share of columnShares(block, style.wrapLabels)) colX.push((colX[colX.length - 1] as number) + share * style.width)
  const { placed, cover } = placeCells(block.rows, block.columns)
  const at = (i: number): number => colX[Math.min(i, block.columns)] as number
  const cells = placed.map((place): CellBox => {
    const { cell, row, column } = place
    const inner = at(column + (cell.colspan ?? 1)) - at(column) - 2 * PAD_X
    const label = cell.path === undefined
    const vertical = label && style.verticalHeaders && block.table === 3 && VERTICAL_LABELS.has(cell.text)
    const spaced = label && !vertical && style.letterGap > 0 && [...cell.text].length <= LETTER_SPACED_MAX
    let lines: string[]
    if (!label) lines = cell.value === null || cell.value === undefined ? [] : [printNumber(cell.value)]
    else if (vertical) lines = cell.text.match(/.[、，]?/gu) ?? []
    else lines = wrapText(cell.text, inner, size, spaced ? style.letterGap : 0)
    const gap = vertical ? size * 1.15 : lineGap
    const inValueRow = block.rows[row]?.some((c) => c.path !== undefined) === true
    const align = label && (inValueRow || (cell.colspan ?? 1) >= block.columns) ? 'left' : 'center'
    return { ...place, lines, vertical, label, spaced, align, lineGap: gap, need: lines.length * gap + 2 * PAD_Y }
  })
  // Row heights: a minimum, then what one-row cells need, then spanning cells (shortest
  // spans first) grow their last row when the rows they span are too short.
  const rowH = block.rows.map(() => size * 2.4)
  for (const box of cells) if ((box.cell.rowspan ?? 1) === 1) rowH[box.row] = Math.max(rowH[box.row] as number, box.need)
  const spanning = cells.filter((box) => (box.cell.rowspan ?? 1) > 1).sort((a, b) => (a.cell.rowspan ?? 1) - (b.cell.rowspan ?? 1))
  for (const box of spanning) {
    const last = Math.min(box.row + (box.cell.rowspan ?? 1), rowH.length) - 1
    const have = rowH.slice(box.row, last + 1).reduce((a, b) => a + b, 0)
    if (have < box.need) rowH[last] = (rowH[last] as number) + box.need - have
  }
  return { size, colX, rowH, cells, cover, columns: block.columns }
}

/** Rows of the table a cell covers. */
export function cellRows(box: CellBox): number[] {
  return Array.from({ length: box.cell.rowspan ?? 1 }, (_, i) => box.row + i)
}

/**
 * The rules of a fragment: the table's rows `rows` (increasing; a jump means
 * repeated header rows followed by the continuation) drawn with their top at
 * `top`. Horizontal rules first, top to bottom, then vertical ones, left to right;
 * each is a maximal run along one grid line.
 */
export function fragmentRules(geometry: TableGeometry, rows: readonly number[], top: number): Segment[] {
  const { colX, rowH, cover, columns } = geometry
  const yTop = [top]
  for (const row of rows) yTop.push((yTop[yTop.length - 1] as number) - (rowH[row] as number))
  const segments: Segment[] = []
  // Merge positions 0..n-1 where `on(i)` into runs [from, to).
  const runs = (n: number, on: (i: number) => boolean): [number, number][] => {
    const found: [number, number][] = []
    for (let i = 0; i < n; i++) {
      if (!on(i)) continue
      const last = found[found.length - 1]
      if (last !== undefined && last[1] === i) last[1] = i + 1
      else found.push([i, i + 1])
    }
    return found
  }
  for (let k = 0; k <= rows.length; k++) {
    const above = rows[k - 1]
    const below = rows[k]
    const full = above === undefined || below === undefined || below !== above + 1
    const y = yTop[k] as number
    for (const [from, to] of runs(columns, (c) => full || cover[above as number]?.[c] !== cover[below as number]?.[c])) {
      segments.push({ x1: colX[from] as number, y1: y, x2: colX[to] as number, y2: y })
    }
  }
  for (let c = 0; c <= columns; c++) {
    const on = (k: number): boolean => c === 0 || c === columns || cover[rows[k] as number]?.[c - 1] !== cover[rows[k] as number]?.[c]
    for (const [from, to] of runs(rows.length, on)) {
      segments.push({ x1: colX[c] as number, y1: yTop[from] as number, x2: colX[c] as number, y2: yTop[to] as number })
    }
  }
  return segments
}
