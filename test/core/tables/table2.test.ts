/**
 * Table 二 (主动公开政府信息情况) as its construct reads it (src/core/tables/table2.ts): stacked
 * blocks, each a 第二十条 caption, a 信息内容 header and rows whose values follow that header's
 * printed order; money units in headers and cells; missing, repeated and damaged rows.
 */
import { describe, expect, it } from 'vitest'
import { cell, grid, map, text } from '../mapping.js'
import { CellState, type MapResult } from '../../../src/core/mapper.js'
import { parseReport } from '../../../src/index.js'
import type { Diagnostic } from '../../../src/model/types.js'

/** The values of some cells, by path. */
const values = (result: MapResult, paths: readonly string[]): Record<string, number | null> =>
  Object.fromEntries(paths.map((path) => [path, cell(result, path).value]))

/** `code path` of each diagnostic, leaving out tables 三 and 四, which these inputs never print. */
const codes = (result: MapResult): string[] =>
  result.diagnostics
    .filter((diagnostic) => !(diagnostic.code === 'table_missing' && diagnostic.path !== 'activeDisclosure'))
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)

/** The first diagnostic of a code. */
const find = (result: MapResult, code: string): Diagnostic | undefined => result.diagnostics.find((diagnostic) => diagnostic.code === code)

const AD = 'activeDisclosure'

/** Table 二 of the 2019 format as printed: captions, headers, rows. */
const LAYOUT_2019 = [
  '第二十条第（一）项',
  '信息内容|本年新制作数量|本年新公开数量|对外公开总数量',
  '规章|1|2|3',
  '规范性文件|4|5|6',
  '第二十条第（五）项',
  '信息内容|上一年项目数量|本年增/减|处理决定数量',
  '行政许可|7|-1|8',
  '其他对外管理服务事项|9|+2|10',
  '第二十条第（六）项',
  '信息内容|上一年项目数量|本年增/减|处理决定数量',
  '行政处罚|11|0|12',
  '行政强制|13|减少3|14',
  '第二十条第（八）项',
  '信息内容|上一年项目数量|本年增/减',
  '行政事业性收费|15|-4',
  '第二十条第（九）项',
  '信息内容|采购项目数量|采购总金额',
  '政府集中采购|16|117万元'
]

const EXPECTED_2019: Record<string, number> = {
  [`${AD}.regulations.made`]: 1,
  [`${AD}.regulations.published`]: 2,
  [`${AD}.regulations.total`]: 3,
  [`${AD}.normativeDocuments.made`]: 4,
  [`${AD}.normativeDocuments.published`]: 5,
  [`${AD}.normativeDocuments.total`]: 6,
  [`${AD}.licensing.previousItems`]: 7,
  [`${AD}.licensing.change`]: -1,
  [`${AD}.licensing.decisions`]: 8,
  [`${AD}.otherServices.previousItems`]: 9,
  [`${AD}.otherServices.change`]: 2,
  [`${AD}.otherServices.decisions`]: 10,
  [`${AD}.punishment.previousItems`]: 11,
  [`${AD}.punishment.change`]: 0,
  [`${AD}.punishment.decisions`]: 12,
  [`${AD}.coercion.previousItems`]: 13,
  [`${AD}.coercion.change`]: -3,
  [`${AD}.coercion.decisions`]: 14,
  [`${AD}.fees.previousItems`]: 15,
  [`${AD}.fees.change`]: -4,
  [`${AD}.procurement.projects`]: 16,
  [`${AD}.procurement.amount`]: 117
}

/** Table 二 of the 2021 format as printed. */
const LAYOUT_2021 = [
  '第二十条第（一）项',
  '信息内容|本年制发件数|本年废止件数|现行有效件数',
  '规章|3|1|27',
  '行政规范性文件|58|45|546',
  '第二十条第（五）项',
  '信息内容|本年处理决定数量',
  '行政许可|151',
  '第二十条第（六）项',
  '信息内容|本年处理决定数量',
  '行政处罚|3',
  '行政强制|2',
  '第二十条第（八）项',
  '信息内容|本年收费金额（单位：万元）',
  '行政事业性收费|4166.241619'
]

const EXPECTED_2021: Record<string, number> = {
  [`${AD}.regulations.issued`]: 3,
  [`${AD}.regulations.repealed`]: 1,
  [`${AD}.regulations.inForce`]: 27,
  [`${AD}.normativeDocuments.issued`]: 58,
  [`${AD}.normativeDocuments.repealed`]: 45,
  [`${AD}.normativeDocuments.inForce`]: 546,
  [`${AD}.licensing.decisions`]: 151,
  [`${AD}.punishment.decisions`]: 3,
  [`${AD}.coercion.decisions`]: 2,
  [`${AD}.fees.amount`]: 4166.241619
}

/** The layout with the line starting `from` replaced by `to` (one line, several, or none). */
function edit(layout: readonly string[], from: string, ...to: string[]): string[] {
  const at = layout.findIndex((line) => line.startsWith(from))
  if (at < 0) throw new Error(`no line ${from}`)
  return [...layout.slice(0, at), ...to, ...layout.slice(at + 1)]
}

describe('table 二, 2019 format', () => {
  it('maps every cell of the official layout, signed changes included', () => {
    const result = map('2019', text(...LAYOUT_2019))
    expect(values(result, Object.keys(EXPECTED_2019))).toEqual(EXPECTED_2019)
    for (const path of Object.keys(EXPECTED_2019)) expect(cell(result, path).state).toBe(CellState.printed)
    expect(result.found).toEqual({ 2: true, 3: false, 4: false })
    expect(codes(result)).toEqual([])
    expect(result.extras).toEqual([])
    expect(result.damaged).toEqual([])
  })

  it('maps values by the columns in the order the block header prints them', () => {
    let layout = edit(LAYOUT_2019, '信息内容|本年新制作数量', '信息内容|本年新公开数量|本年新制作数量|对外公开总数量')
    layout = edit(layout, '信息内容|上一年项目数量|本年增/减|处理决定数量', '信息内容|处理决定数量|本年增/减|上一年项目数量')
    const result = map('2019', text(...layout))
    expect(values(result, [`${AD}.regulations.made`, `${AD}.regulations.published`, `${AD}.regulations.total`])).toEqual({
      [`${AD}.regulations.made`]: 2,
      [`${AD}.regulations.published`]: 1,
      [`${AD}.regulations.total`]: 3
    })
    expect(values(result, [`${AD}.normativeDocuments.made`, `${AD}.normativeDocuments.published`])).toEqual({
      [`${AD}.normativeDocuments.made`]: 5,
      [`${AD}.normativeDocuments.published`]: 4
    })
    // Block （五） reversed its header; block （六） below it prints the official one again.
    expect(values(result, [`${AD}.licensing.previousItems`, `${AD}.licensing.change`, `${AD}.licensing.decisions`])).toEqual({
      [`${AD}.licensing.previousItems`]: 8,
      [`${AD}.licensing.change`]: -1,
      [`${AD}.licensing.decisions`]: 7
    })
    expect(cell(result, `${AD}.otherServices.previousItems`).value).toBe(10)
    expect(cell(result, `${AD}.otherServices.decisions`).value).toBe(9)
    expect(values(result, [`${AD}.punishment.previousItems`, `${AD}.punishment.decisions`])).toEqual({
      [`${AD}.punishment.previousItems`]: 11,
      [`${AD}.punishment.decisions`]: 12
    })
    expect(codes(result)).toEqual([])
  })

  it('maps a header cut short: ambiguous cells in the official order, unambiguous ones where they stand', () => {
    let layout = edit(LAYOUT_2019, '信息内容|本年新制作数量', '信息内容|本年新|本年新|对外公开总数量')
    const official = map('2019', text(...layout))
    expect(values(official, [`${AD}.regulations.made`, `${AD}.regulations.published`, `${AD}.regulations.total`])).toEqual({
      [`${AD}.regulations.made`]: 1,
      [`${AD}.regulations.published`]: 2,
      [`${AD}.regulations.total`]: 3
    })
    expect(codes(official)).toEqual([])

    layout = edit(LAYOUT_2019, '信息内容|本年新制作数量', '信息内容|本年新公开|本年新制|对外公开')
    const swapped = map('2019', text(...layout))
    expect(values(swapped, [`${AD}.regulations.made`, `${AD}.regulations.published`, `${AD}.regulations.total`])).toEqual({
      [`${AD}.regulations.made`]: 2,
      [`${AD}.regulations.published`]: 1,
      [`${AD}.regulations.total`]: 3
    })
    expect(codes(swapped)).toEqual([])
  })

  it('maps annotated headers, half- or full-width, and the variant 本年增减', () => {
    let layout = edit(
      LAYOUT_2019,
      '信息内容|上一年项目数量|本年增/减|处理决定数量',
      '信息内容|本年增减|上一年项目数量(指2019年事项数)|处理决定数量'
    )
    layout = edit(
      layout,
      '信息内容|上一年项目数量|本年增/减|处理决定数量',
      '信息内容|上一年项目数量（指2019年事项数）|本年增/减|处理决定数量（件）'
    )
    const result = map('2019', text(...layout))
    expect(values(result, [`${AD}.licensing.previousItems`, `${AD}.licensing.change`, `${AD}.licensing.decisions`])).toEqual({
      [`${AD}.licensing.previousItems`]: -1,
      [`${AD}.licensing.change`]: 7,
      [`${AD}.licensing.decisions`]: 8
    })
    expect(values(result, [`${AD}.coercion.previousItems`, `${AD}.coercion.change`, `${AD}.coercion.decisions`])).toEqual({
      [`${AD}.coercion.previousItems`]: 13,
      [`${AD}.coercion.change`]: -3,
      [`${AD}.coercion.decisions`]: 14
    })
    expect(codes(result)).toEqual([])
  })

  it('falls back to the official order when the header names fewer columns than the row has', () => {
    const layout = edit(LAYOUT_2019, '信息内容|本年新制作数量', '信息内容|对外公开总数量|本年新制作数量')
    const result = map('2019', text(...layout))
    expect(values(result, [`${AD}.regulations.made`, `${AD}.regulations.published`, `${AD}.regulations.total`])).toEqual({
      [`${AD}.regulations.made`]: 1,
      [`${AD}.regulations.published`]: 2,
      [`${AD}.regulations.total`]: 3
    })
    expect(codes(result)).toEqual([])
  })

  it('converts 采购总金额 to 万元 by the unit its header names, with unit_converted', () => {
    const layout = edit(LAYOUT_2019, '信息内容|采购项目数量', '信息内容|采购项目数量|采购总金额（单位：元）')
    const result = map('2019', text(...edit(layout, '政府集中采购', '政府集中采购|16|251000')))
    expect(cell(result, `${AD}.procurement.amount`)).toEqual({ value: 25.1, state: CellState.printed })
    expect(cell(result, `${AD}.procurement.projects`).value).toBe(16)
    expect(codes(result)).toEqual([`unit_converted ${AD}.procurement.amount`])
    expect(find(result, 'unit_converted')).toMatchObject({ severity: 'info', expected: 25.1, actual: 251000 })
  })

  it('converts by the unit in the cell; leaves 万元 as printed', () => {
    const yuan = map('2019', text(...edit(LAYOUT_2019, '政府集中采购', '政府集中采购|16|251000元')))
    expect(cell(yuan, `${AD}.procurement.amount`).value).toBe(25.1)
    expect(codes(yuan)).toEqual([`unit_converted ${AD}.procurement.amount`])
    expect(find(yuan, 'unit_converted')).toMatchObject({ expected: 25.1, actual: 251000 })

    let layout = edit(LAYOUT_2019, '信息内容|采购项目数量', '信息内容|采购项目数量|采购总金额(亿元)')
    const yi = map('2019', text(...edit(layout, '政府集中采购', '政府集中采购|16|1.5')))
    expect(cell(yi, `${AD}.procurement.amount`).value).toBe(15000)
    expect(find(yi, 'unit_converted')).toMatchObject({ expected: 15000, actual: 1.5 })

    layout = edit(LAYOUT_2019, '信息内容|采购项目数量', '信息内容|采购项目数量|采购总金额（单位：万元，保留4位小数）')
    layout = edit(layout, '政府集中采购', '政府集中采购|16|117.1234')
    const wan = map('2019', text(...layout))
    expect(cell(wan, `${AD}.procurement.amount`).value).toBe(117.1234)
    expect(codes(wan)).toEqual([])
  })

  it('reports a row that is not printed with row_missing and its path; its cells stay missing', () => {
    const result = map('2019', text(...edit(LAYOUT_2019, '行政强制')))
    expect(codes(result)).toEqual([`row_missing ${AD}.coercion`])
    expect(find(result, 'row_missing')?.severity).toBe('warning')
    expect(cell(result, `${AD}.coercion.previousItems`)).toEqual({ value: null, state: CellState.missing })
    expect(cell(result, `${AD}.coercion.decisions`)).toEqual({ value: null, state: CellState.missing })
    expect(cell(result, `${AD}.punishment.decisions`).value).toBe(12)
  })

  it('says which cells a row printed a second time gives other values; the first printing stands', () => {
    const result = map('2019', text(...edit(LAYOUT_2019, '规范性文件', '规范性文件|4|5|6', '规章|9|9|9')))
    expect(values(result, [`${AD}.regulations.made`, `${AD}.regulations.published`, `${AD}.regulations.total`])).toEqual({
      [`${AD}.regulations.made`]: 1,
      [`${AD}.regulations.published`]: 2,
      [`${AD}.regulations.total`]: 3
    })
    // Not an extra: 规章 is a label of the format (issue 12: it carried a wrong unknown_label).
    expect(result.extras).toEqual([])
    expect(codes(result)).toEqual([
      `conflicting_values ${AD}.regulations.made`,
      `conflicting_values ${AD}.regulations.published`,
      `conflicting_values ${AD}.regulations.total`
    ])
    const conflicts = result.diagnostics.filter((diagnostic) => diagnostic.code === 'conflicting_values')
    expect(conflicts.map((diagnostic) => [diagnostic.expected, diagnostic.actual])).toEqual([
      [1, 9],
      [2, 9],
      [3, 9]
    ])
  })

  it('reports a row with one value too many as row_length_mismatch; its cells stay null', () => {
    const result = map('2019', text(...edit(LAYOUT_2019, '规范性文件', '规范性文件|4|5|6|7')))
    const paths = [`${AD}.normativeDocuments.made`, `${AD}.normativeDocuments.published`, `${AD}.normativeDocuments.total`]
    for (const path of paths) expect(cell(result, path)).toEqual({ value: null, state: CellState.unaligned })
    expect(codes(result)).toEqual([`row_length_mismatch ${AD}.normativeDocuments`])
    expect(result.damaged).toHaveLength(1)
    expect(result.damaged[0]).toMatchObject({ table: 2, cells: paths.map((path) => result.schema.indexOf(path)), printed: [4, 5, 6, 7] })
    expect(cell(result, `${AD}.regulations.total`).value).toBe(3)
  })
})

describe('table 二, 2021 format', () => {
  it('maps every cell of the official layout; 本年收费金额 in 万元 keeps its decimals', () => {
    const result = map('2021', text(...LAYOUT_2021))
    expect(values(result, Object.keys(EXPECTED_2021))).toEqual(EXPECTED_2021)
    expect(result.found).toEqual({ 2: true, 3: false, 4: false })
    expect(codes(result)).toEqual([])
  })

  it('maps values by the block header order', () => {
    const layout = edit(LAYOUT_2021, '信息内容|本年制发件数', '信息内容|现行有效件数|本年制发件数|本年废止件数')
    const result = map('2021', text(...layout))
    expect(values(result, [`${AD}.regulations.issued`, `${AD}.regulations.repealed`, `${AD}.regulations.inForce`])).toEqual({
      [`${AD}.regulations.issued`]: 1,
      [`${AD}.regulations.repealed`]: 27,
      [`${AD}.regulations.inForce`]: 3
    })
    expect(cell(result, `${AD}.normativeDocuments.inForce`).value).toBe(58)
    expect(codes(result)).toEqual([])
  })

  it('converts 本年收费金额 printed in 元 to 万元, with unit_converted', () => {
    let layout = edit(LAYOUT_2021, '信息内容|本年收费金额', '信息内容|本年收费金额（单位：元）')
    layout = edit(layout, '行政事业性收费', '行政事业性收费|41662416.19')
    const result = map('2021', text(...layout))
    expect(cell(result, `${AD}.fees.amount`).value).toBe(4166.241619)
    expect(codes(result)).toEqual([`unit_converted ${AD}.fees.amount`])
    expect(find(result, 'unit_converted')).toMatchObject({ expected: 4166.241619, actual: 41662416.19 })
  })

  it('reports the rows not printed, each by its path', () => {
    const result = map('2021', text(...edit(edit(LAYOUT_2021, '行政强制'), '行政许可')))
    expect(codes(result)).toEqual([`row_missing ${AD}.licensing`, `row_missing ${AD}.coercion`])
    expect(cell(result, `${AD}.licensing.decisions`)).toEqual({ value: null, state: CellState.missing })
  })

  it('reads a grid: an empty cell is a blank where it stands, surplus empties of a narrow block are dropped', () => {
    const result = map(
      '2021',
      grid(
        '第二十条第（一）项|||',
        '信息内容|本年制发件数|本年废止件数|现行有效件数',
        '规章|3|1|27',
        '行政规范性文件|58||546',
        '第二十条第（五）项|||',
        '信息内容|本年处理决定数量||',
        '行政许可|151||',
        '第二十条第（六）项|||',
        '信息内容|本年处理决定数量||',
        '行政处罚|3||',
        '行政强制|2||',
        '第二十条第（八）项|||',
        '信息内容|本年收费金额（单位：万元）||',
        '行政事业性收费|4166.241619||'
      )
    )
    expect(cell(result, `${AD}.normativeDocuments.repealed`)).toEqual({ value: null, state: CellState.blank })
    expect(values(result, [`${AD}.normativeDocuments.issued`, `${AD}.normativeDocuments.inForce`, `${AD}.licensing.decisions`])).toEqual({
      [`${AD}.normativeDocuments.issued`]: 58,
      [`${AD}.normativeDocuments.inForce`]: 546,
      [`${AD}.licensing.decisions`]: 151
    })
    expect(cell(result, `${AD}.fees.amount`).value).toBe(4166.241619)
    expect(codes(result)).toEqual([`blank_cell ${AD}.normativeDocuments.repealed`])
  })
})

describe('table 二 through parseReport (text, repair off)', () => {
  const input = [
    '二、主动公开政府信息情况',
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年新公开数量\t本年新制作数量\t对外公开总数量',
    '规章\t1\t2\t3',
    '规范性文件\t4\t5\t6\t7',
    '第二十条第（九）项\t\t',
    '信息内容\t采购项目数量\t采购总金额（单位：元）',
    '政府集中采购\t2\t251000',
    ''
  ].join('\n')

  it('reads the 2019 edition, follows the header, converts the unit, and leaves a damaged row null', () => {
    const { report, diagnostics } = parseReport(input, { format: 'text', repair: false })
    expect(report?.edition).toBe('2019')
    if (report?.edition !== '2019') return
    expect(report.activeDisclosure.regulations).toEqual({ made: 2, published: 1, total: 3 })
    expect(report.activeDisclosure.normativeDocuments).toEqual({ made: null, published: null, total: null })
    expect(report.activeDisclosure.procurement).toEqual({ projects: 2, amount: 25.1 })
    expect(diagnostics.slice(0, 2)).toMatchObject([
      { code: 'row_length_mismatch', path: `${AD}.normativeDocuments`, position: { line: 5, column: 1 } },
      { code: 'unit_converted', path: `${AD}.procurement.amount`, position: { line: 8, column: 10 }, expected: 25.1, actual: 251000 }
    ])
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'row_missing').map((diagnostic) => diagnostic.path)).toEqual([
      `${AD}.licensing`,
      `${AD}.otherServices`,
      `${AD}.punishment`,
      `${AD}.coercion`,
      `${AD}.fees`
    ])
  })

  it('does not repair table 二: the damaged row stays null with repair on', () => {
    const { report } = parseReport(input, { format: 'text' })
    if (report?.edition !== '2019') throw new Error('expected a 2019 report')
    expect(report.activeDisclosure.normativeDocuments).toEqual({ made: null, published: null, total: null })
  })
})
