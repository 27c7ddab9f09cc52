/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况) as its construct reads it (src/core/tables/table4.ts):
 * a header of at least two labels, then one row of fifteen numbers with no label; an all-empty
 * grid row is a row of blanks; a header with no row is a missing row.
 */
import { describe, expect, it } from 'vitest'
import { grid, map, text } from '../mapping.js'
import { CellState, type MapResult } from '../../../src/core/mapper.js'
import { parseReport } from '../../../src/index.js'
import { corpusInput, validReport2021 } from '../../helpers.js'

/** `code path` of each diagnostic, leaving out tables 二 and 三, which these inputs never print. */
const codes = (result: MapResult): string[] =>
  result.diagnostics
    .filter((diagnostic) => !(diagnostic.code === 'table_missing' && diagnostic.path !== 'reviewAndLitigation'))
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)

/** The fifteen cells of table 四, in the order printed. */
const PATHS = ['review', 'litigationDirect', 'litigationAfterReview'].flatMap((group) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((outcome) => `reviewAndLitigation.${group}.${outcome}`)
)

/** Each cell's value, in the order printed. */
const valuesOf = (result: MapResult): (number | null)[] => PATHS.map((path) => result.values[result.schema.indexOf(path)] ?? null)
/** Each cell's state, in the order printed. */
const statesOf = (result: MapResult): number[] => PATHS.map((path) => result.states[result.schema.indexOf(path)] ?? -1)

const OUTCOMES = '结果维持|结果纠正|其他结果|尚未审结|总计'
/** The header as text prints it: three rows. */
const HEADER = ['行政复议|行政诉讼', '未经复议直接起诉|复议后起诉', [OUTCOMES, OUTCOMES, OUTCOMES].join('|')]
/** The header as a 15-column grid prints it, spans expanded to empty cells. */
const GRID_HEADER = ['行政复议|||||行政诉讼|||||||||', '|||||未经复议直接起诉|||||复议后起诉||||', [OUTCOMES, OUTCOMES, OUTCOMES].join('|')]
const ROW = '2|1|1|3|7|1|2|1|1|5|3|1|2|1|7'
const VALUES = [2, 1, 1, 3, 7, 1, 2, 1, 1, 5, 3, 1, 2, 1, 7]

describe('table 四', () => {
  it('maps the fifteen numbers after the header to their cells', () => {
    const result = map('2021', text(...HEADER, ROW))
    expect(Object.fromEntries(PATHS.map((path, i) => [path, valuesOf(result)[i]]))).toEqual({
      'reviewAndLitigation.review.upheld': 2,
      'reviewAndLitigation.review.corrected': 1,
      'reviewAndLitigation.review.other': 1,
      'reviewAndLitigation.review.pending': 3,
      'reviewAndLitigation.review.total': 7,
      'reviewAndLitigation.litigationDirect.upheld': 1,
      'reviewAndLitigation.litigationDirect.corrected': 2,
      'reviewAndLitigation.litigationDirect.other': 1,
      'reviewAndLitigation.litigationDirect.pending': 1,
      'reviewAndLitigation.litigationDirect.total': 5,
      'reviewAndLitigation.litigationAfterReview.upheld': 3,
      'reviewAndLitigation.litigationAfterReview.corrected': 1,
      'reviewAndLitigation.litigationAfterReview.other': 2,
      'reviewAndLitigation.litigationAfterReview.pending': 1,
      'reviewAndLitigation.litigationAfterReview.total': 7
    })
    expect(statesOf(result)).toEqual(PATHS.map(() => CellState.printed))
    expect(result.found).toEqual({ 2: false, 3: false, 4: true })
    expect(codes(result)).toEqual([])
  })

  it('reads the row the same in both editions, and after a header of only two labels', () => {
    expect(valuesOf(map('2019', text(...HEADER, ROW)))).toEqual(VALUES)
    const short = map('2019', text('行政复议|行政诉讼', ROW))
    expect(valuesOf(short)).toEqual(VALUES)
    expect(codes(short)).toEqual([])
  })

  it('reads a 15-column grid', () => {
    const result = map('2021', grid(...GRID_HEADER, ROW))
    expect(valuesOf(result)).toEqual(VALUES)
    expect(codes(result)).toEqual([])
  })

  it('reads an all-empty grid row as fifteen blanks, not a missing row', () => {
    const result = map('2021', grid(...GRID_HEADER, '||||||||||||||'))
    expect(valuesOf(result)).toEqual(PATHS.map(() => null))
    expect(statesOf(result)).toEqual(PATHS.map(() => CellState.blank))
    expect(codes(result)).toEqual(PATHS.map((path) => `blank_cell ${path}`))
    expect(result.found[4]).toBe(true)
  })

  it('reads blank markers and empty grid cells as blanks where they stand', () => {
    const markers = map('2021', text(...HEADER, '2|/|1|-|7|1|2|1|1|5|3|1|2|1|7'))
    expect(valuesOf(markers)).toEqual([2, null, 1, null, 7, 1, 2, 1, 1, 5, 3, 1, 2, 1, 7])
    expect(codes(markers)).toEqual(['blank_cell reviewAndLitigation.review.corrected', 'blank_cell reviewAndLitigation.review.pending'])

    const empties = map('2021', grid(...GRID_HEADER, '2|1|1|3|7||2|1|1|5|3|1|2|1|'))
    expect(valuesOf(empties)).toEqual([2, 1, 1, 3, 7, null, 2, 1, 1, 5, 3, 1, 2, 1, null])
    expect(codes(empties)).toEqual([
      'blank_cell reviewAndLitigation.litigationDirect.upheld',
      'blank_cell reviewAndLitigation.litigationAfterReview.total'
    ])
  })

  it('reports a header with no row of numbers as row_missing at its row (reviewAndLitigation.*), not as a missing table', () => {
    const result = map('2021', text(...HEADER))
    expect(codes(result)).toEqual(['row_missing reviewAndLitigation.*'])
    expect(result.found[4]).toBe(true)
    expect(statesOf(result)).toEqual(PATHS.map(() => CellState.missing))

    // A grid row of fewer empty cells than the table has is no row of numbers.
    expect(codes(map('2021', grid(...GRID_HEADER, '|||')))).toEqual(['row_missing reviewAndLitigation.*'])
  })

  it('needs two header labels before it counts as found', () => {
    expect(codes(map('2021', text('行政复议')))).toEqual(['table_missing reviewAndLitigation'])
  })

  it('reports sixteen values with row_length_mismatch; all fifteen cells stay null', () => {
    const result = map('2021', text(...HEADER, `${ROW}|9`))
    expect(valuesOf(result)).toEqual(PATHS.map(() => null))
    expect(statesOf(result)).toEqual(PATHS.map(() => CellState.unaligned))
    expect(codes(result)).toEqual(['row_length_mismatch reviewAndLitigation.*'])
    expect(result.damaged).toHaveLength(1)
    expect(result.damaged[0]).toMatchObject({ table: 4, cells: PATHS.map((path) => result.schema.indexOf(path)), printed: [...VALUES, 9] })
  })

  it('reports fourteen values the same way', () => {
    const result = map('2021', text(...HEADER, ROW.slice(2)))
    expect(codes(result)).toEqual(['row_length_mismatch reviewAndLitigation.*'])
    expect(result.damaged[0]?.printed).toEqual(VALUES.slice(1))
  })
})

describe('table 四 through parseReport (text-2021-full)', () => {
  const full = corpusInput('text-2021-full')
  const valid = validReport2021()
  const printedRow = VALUES.join('\t')

  it('reads the row as printed', () => {
    expect(full).toContain(`\n${printedRow}\n`)
    const { report, diagnostics } = parseReport(full, { format: 'text', repair: false })
    expect(report?.reviewAndLitigation).toEqual(valid.reviewAndLitigation)
    expect(diagnostics).toEqual([])
  })

  it('leaves a row of sixteen values null with repair off, and says where it is', () => {
    const { report, diagnostics } = parseReport(full.replace(printedRow, `${printedRow}\t0`), { format: 'text', repair: false })
    expect(report?.reviewAndLitigation.review).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null })
    expect(report?.reviewAndLitigation.litigationAfterReview.total).toBeNull()
    expect(diagnostics).toMatchObject([{ code: 'row_length_mismatch', path: 'reviewAndLitigation.*', position: { line: 62, column: 1 } }])
    expect(diagnostics).toHaveLength(1)
  })
})
