/**
 * The official layout of a report: the six headings, table 二's 第二十条 blocks with
 * their headers, table 三 with its three levels of labels, the 勾稽 note and all seven
 * columns, table 四's grouped header, and the narrative sections. Every serialiser
 * renders this one layout, and the JSON adapter reads a report back through it.
 *
 * @module
 */

import {
  APPLICANT_COLUMNS,
  CATALOGUES,
  ORGANIZATION_APPLICANTS,
  TABLE3_HEADER_LABELS,
  TABLE4_GROUPS,
  TABLE4_LITIGATION_LABELS,
  TABLE4_OUTCOMES,
  type Table3RowSpec
} from './catalogue.js'
import { readCells } from './empty.js'
import { cellSchema, type CellSchema } from './schema.js'
import type { Cell, Report } from './types.js'

export { printNumber } from './decimal.js'

/** A cell of a laid-out table: a label, or a value with its model path. */
export interface LayoutCell {
  /** A label's text; for a value, empty (renderers print the value). */
  text: string
  /** The model path of a value cell. */
  path?: string
  /** A value cell's value. */
  value?: Cell
  /** Rows it spans (default 1). */
  rowspan?: number
  /** Columns it spans (default 1). */
  colspan?: number
}

/** A block of the layout. */
export type LayoutBlock =
  | { type: 'heading'; depth: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; table: 0 | 2 | 3 | 4; columns: number; rows: LayoutCell[][] }

/** The official section headings, in order. */
export const OFFICIAL_HEADINGS = {
  overview: '一、总体情况',
  activeDisclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reviewAndLitigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项'
} as const

/** The balance note in table 三's top-left cell. */
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'

/**
 * Lay a report out in the official format.
 *
 * @param report - A report of either edition.
 * @returns Its blocks in document order.
 */
export function layoutReport(report: Report): LayoutBlock[] {
  const blocks: LayoutBlock[] = []
  if (report.title !== null) blocks.push({ type: 'heading', depth: 1, text: report.title })
  const section = (heading: string, text: string | null): void => {
    blocks.push({ type: 'heading', depth: 2, text: heading })
    for (const line of text === null ? [] : text.split('\n')) blocks.push({ type: 'paragraph', text: line })
  }
  section(OFFICIAL_HEADINGS.overview, report.sections.overview)
  const cells: Cells = { schema: cellSchema(report.edition), values: readCells(report) }
  section(OFFICIAL_HEADINGS.activeDisclosure, null)
  blocks.push({ type: 'table', table: 2, columns: 4, rows: table2(cells) })
  section(OFFICIAL_HEADINGS.applications, null)
  blocks.push({ type: 'table', table: 3, columns: 10, rows: table3(cells) })
  section(OFFICIAL_HEADINGS.reviewAndLitigation, null)
  blocks.push({ type: 'table', table: 4, columns: 15, rows: table4(cells) })
  // Extras as printed, after table 四, where the core keeps them as extras again: a line as a
  // paragraph, a row with values as a one-row table (table 0).
  for (const extra of report.extras) {
    const cells = extra.text.split('\t')
    if (extra.values === undefined || cells.length < 2) blocks.push({ type: 'paragraph', text: extra.text })
    else blocks.push({ type: 'table', table: 0, columns: cells.length, rows: [cells.map((text) => label(text))] })
  }
  section(OFFICIAL_HEADINGS.problems, report.sections.problems)
  section(OFFICIAL_HEADINGS.other, report.sections.other)
  return blocks
}

/** A report's cells by index into its edition's schema. */
interface Cells {
  schema: CellSchema
  values: readonly (Cell | undefined)[]
}

function value({ schema, values }: Cells, index: number, colspan = 1): LayoutCell {
  const cell: LayoutCell = { text: '', path: schema.paths[index] as string, value: values[index] ?? null }
  if (colspan > 1) cell.colspan = colspan
  return cell
}

function label(text: string, rowspan = 1, colspan = 1): LayoutCell {
  const cell: LayoutCell = { text }
  if (rowspan > 1) cell.rowspan = rowspan
  if (colspan > 1) cell.colspan = colspan
  return cell
}

function table2(cells: Cells): LayoutCell[][] {
  const edition = cells.schema.edition
  const catalogue = CATALOGUES[edition]
  const rows: LayoutCell[][] = []
  for (const block of catalogue.table2Blocks) {
    const specs = block.rows.map((key) => catalogue.table2Rows.find((row) => row.key === key)).filter((row) => row !== undefined)
    const columns = specs[0]?.columns ?? []
    const last = 4 - columns.length
    rows.push([label(block.caption, 1, 4)])
    rows.push([
      label('信息内容'),
      ...columns.map((key, i) => {
        const column = catalogue.table2Columns.find((spec) => spec.key === key)
        const text = `${column?.labels[0] ?? key}${column?.money === true && edition === '2021' ? '（单位：万元）' : ''}`
        return label(text, 1, i === columns.length - 1 ? last : 1)
      })
    ])
    for (const spec of specs) {
      rows.push([
        label(spec.labels[0] ?? spec.key),
        ...(cells.schema.table2.get(spec.key) ?? []).map((index, i) => value(cells, index, i === spec.columns.length - 1 ? last : 1))
      ])
    }
  }
  return rows
}

/** How a row of table 三 sits in the label columns. */
function level(row: Table3RowSpec): 'top' | 'results' | 'group' | 'single' | 'item' {
  if (row.path === undefined) return row.labels[0]?.startsWith('三') === true ? 'results' : 'group'
  if (!row.path.startsWith('results.')) return 'top'
  return row.path.split('.').length === 2 ? 'single' : 'item'
}

function table3(cells: Cells): LayoutCell[][] {
  const specs = CATALOGUES[cells.schema.edition].table3Rows
  const organizations = APPLICANT_COLUMNS.filter((column) => ORGANIZATION_APPLICANTS.includes(column.key))
  const rows: LayoutCell[][] = [
    [label(TABLE3_NOTE, 3, 3), label(TABLE3_HEADER_LABELS.applicants[0], 1, 7)],
    [label('自然人', 2), label(TABLE3_HEADER_LABELS.organizations[0], 1, 5), label('总计', 2)],
    organizations.map((column) => label(column.labels[0] ?? column.key))
  ]
  const resultRows = specs.filter((spec) => level(spec) === 'single' || level(spec) === 'item').length
  let pending: LayoutCell[] = []
  specs.forEach((spec, i) => {
    const kind = level(spec)
    const text = spec.labels[0] ?? ''
    if (kind === 'results') {
      pending.push(label(text, resultRows))
      return
    }
    if (kind === 'group') {
      let items = 0
      while (specs[i + 1 + items] !== undefined && level(specs[i + 1 + items] as Table3RowSpec) === 'item') items++
      pending.push(label(text, items))
      return
    }
    const labels = kind === 'top' ? [label(text, 1, 3)] : kind === 'single' ? [label(text, 1, 2)] : [label(text)]
    rows.push([...pending, ...labels, ...(cells.schema.table3.get(spec.path ?? '') ?? []).map((index) => value(cells, index))])
    pending = []
  })
  return rows
}

function table4(cells: Cells): LayoutCell[][] {
  const outcomes = TABLE4_OUTCOMES.map((outcome) => outcome.labels[0] as string)
  const [review, ...litigation] = TABLE4_GROUPS
  return [
    [label(review.labels[0], 1, 5), label(TABLE4_LITIGATION_LABELS[0] ?? '行政诉讼', 1, 10)],
    [...outcomes.map((text) => label(text, 2)), ...litigation.map((group) => label(group.labels[0], 1, 5))],
    [...outcomes, ...outcomes].map((text) => label(text)),
    cells.schema.table4.map((index) => value(cells, index))
  ]
}

/** A cell of a laid-out table at the place it starts. */
export interface PlacedCell {
  /** The cell. */
  cell: LayoutCell
  /** Its first row. */
  row: number
  /** Its first column. */
  column: number
}

/**
 * Work out where each cell of a laid-out table stands, rowspans and colspans
 * taken into account.
 *
 * @param rows - The table's rows.
 * @param columns - Its width.
 * @returns Each cell where it starts, and which cell covers each position.
 */
export function placeCells(rows: readonly LayoutCell[][], columns: number): { placed: PlacedCell[]; cover: (LayoutCell | undefined)[][] } {
  const cover: (LayoutCell | undefined)[][] = rows.map(() => Array.from({ length: columns }, () => undefined))
  const placed: PlacedCell[] = []
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (cover[r]?.[c] !== undefined) c++
      for (let y = r; y < Math.min(rows.length, r + (cell.rowspan ?? 1)); y++) {
        for (let x = c; x < Math.min(columns, c + (cell.colspan ?? 1)); x++) (cover[y] as (LayoutCell | undefined)[])[x] = cell
      }
      if (c < columns) placed.push({ cell, row: r, column: c })
      c += cell.colspan ?? 1
    }
  })
  return { placed, cover }
}

/**
 * A laid-out table as a rectangle: each spanning cell's text where it starts,
 * empty strings where it spans (what Markdown and text can print).
 *
 * @param rows - The table's rows.
 * @param columns - Its width.
 * @param print - How to print a value cell.
 */
export function toGrid(rows: readonly LayoutCell[][], columns: number, print: (cell: LayoutCell) => string): string[][] {
  const grid: string[][] = rows.map(() => Array.from({ length: columns }, () => ''))
  for (const { cell, row, column } of placeCells(rows, columns).placed) {
    ;(grid[row] as string[])[column] = cell.path === undefined ? cell.text : print(cell)
  }
  return grid
}
