/**
 * Table 三 (收到和处理政府信息公开申请情况) as its construct reads it (src/core/tables/table3.ts):
 * a header of applicant columns, then one row of seven values per item under group labels that
 * hold none; 总计 is a column before the first row and a row after; missing and damaged rows.
 */
import { describe, expect, it } from 'vitest'
import { cell, grid, map, text } from '../mapping.js'
import { CellState, type MapResult } from '../../../src/core/mapper.js'
import { parseReport } from '../../../src/index.js'
import type { Diagnostic } from '../../../src/model/types.js'
import { corpusInput, validReport2021 } from '../../helpers.js'

/** `code path` of each diagnostic, leaving out tables 二 and 四, which these inputs never print. */
const codes = (result: MapResult): string[] =>
  result.diagnostics
    .filter((diagnostic) => !(diagnostic.code === 'table_missing' && diagnostic.path !== 'applications'))
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)

/** The diagnostics of a code. */
const all = (result: MapResult, code: string): Diagnostic[] => result.diagnostics.filter((diagnostic) => diagnostic.code === code)

/** The seven columns of table 三, in the order printed. */
const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'nonProfit', 'legalService', 'otherOrganization', 'total'] as const

const HEADER = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|申请人情况',
  '自然人|法人或其他组织|总计',
  '商业企业|科研机构|社会公益组织|法律服务机构|其他'
]

/** Rows of the 2019 format as printed: a data row's path inside an applicant column, or `null` for a group label. */
const ROWS_2019: readonly (readonly [string, string | null])[] = [
  ['一、本年新收政府信息公开申请数量', 'newReceived'],
  ['二、上年结转政府信息公开申请数量', 'carriedOver'],
  ['三、本年度办理结果', null],
  ['（一）予以公开', 'results.granted'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'results.partiallyGranted'],
  ['（三）不予公开', null],
  ['1.属于国家秘密', 'results.denied.stateSecret'],
  ['2.其他法律行政法规禁止公开', 'results.denied.prohibitedByLaw'],
  ['3.危及“三安全一稳定”', 'results.denied.endangersSafety'],
  ['4.保护第三方合法权益', 'results.denied.thirdPartyRights'],
  ['5.属于三类内部事务信息', 'results.denied.internalAffairs'],
  ['6.属于四类过程性信息', 'results.denied.processInformation'],
  ['7.属于行政执法案卷', 'results.denied.enforcementFiles'],
  ['8.属于行政查询事项', 'results.denied.administrativeQuery'],
  ['（四）无法提供', null],
  ['1.本机关不掌握相关政府信息', 'results.unavailable.notHeld'],
  ['2.没有现成信息需要另行制作', 'results.unavailable.needsCreation'],
  ['3.补正后申请内容仍不明确', 'results.unavailable.unclearAfterCorrection'],
  ['（五）不予处理', null],
  ['1.信访举报投诉类申请', 'results.notProcessed.complaint'],
  ['2.重复申请', 'results.notProcessed.duplicate'],
  ['3.要求提供公开出版物', 'results.notProcessed.publication'],
  ['4.无正当理由大量反复申请', 'results.notProcessed.excessive'],
  ['5.要求行政机关确认或重新出具已获取信息', 'results.notProcessed.confirmation'],
  ['（六）其他处理', 'results.other'],
  ['（七）总计', 'results.total'],
  ['四、结转下年度继续办理', 'carriedForward']
]

/** The 2021 format: （六）其他处理 is a group over three rows. */
const ROWS_2021: readonly (readonly [string, string | null])[] = [
  ...ROWS_2019.slice(0, 24),
  ['（六）其他处理', null],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'results.other.overdueCorrection'],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'results.other.overdueFee'],
  ['3.其他', 'results.other.other'],
  ...ROWS_2019.slice(25)
]

/** The value printed in data row `row` (0-based, groups not counted), column `column`. */
const printed = (row: number, column: number): number => (row + 1) * 10 + column

/** The lines of a table 三: header, then each row (`label|v1|…|v7`, a group label alone). */
function layout(rows: readonly (readonly [string, string | null])[]): string[] {
  let data = 0
  const lines = rows.map(([label, path]) => {
    if (path === null) return label
    const row = data++
    return [label, ...APPLICANTS.map((_, column) => String(printed(row, column)))].join('|')
  })
  return [...HEADER, ...lines]
}

/** The lines with the one starting `from` replaced by `to` (one line, several, or none). */
function edit(lines: readonly string[], from: string, ...to: string[]): string[] {
  const at = lines.findIndex((line) => line.startsWith(from))
  if (at < 0) throw new Error(`no line ${from}`)
  return [...lines.slice(0, at), ...to, ...lines.slice(at + 1)]
}

/** Every data cell holds what `layout` printed for it. */
function expectEveryCell(result: MapResult, rows: readonly (readonly [string, string | null])[]): void {
  const paths = rows.flatMap(([, path]) => (path === null ? [] : [path]))
  const got: Record<string, number | null> = {}
  const want: Record<string, number> = {}
  paths.forEach((path, row) => {
    APPLICANTS.forEach((applicant, column) => {
      const full = `applications.${applicant}.${path}`
      got[full] = cell(result, full).value
      want[full] = printed(row, column)
    })
  })
  expect(got).toEqual(want)
}

describe('table 三, 2019 format', () => {
  it('maps all 23 rows × 7 columns; 总计 is a column in the header and （七）总计 a row', () => {
    const result = map('2019', text(...layout(ROWS_2019)))
    expectEveryCell(result, ROWS_2019)
    expect(cell(result, 'applications.naturalPerson.newReceived')).toEqual({ value: 10, state: CellState.printed })
    expect(cell(result, 'applications.total.newReceived').value).toBe(16)
    expect(cell(result, 'applications.otherOrganization.results.other').value).toBe(215)
    expect(cell(result, 'applications.total.results.total').value).toBe(226)
    expect(cell(result, 'applications.total.carriedForward').value).toBe(236)
    expect(result.found).toEqual({ 2: false, 3: true, 4: false })
    expect(codes(result)).toEqual([])
    expect(result.extras).toEqual([])
    expect(result.damaged).toEqual([])
  })

  it('reads 总计 printed without （七） after the rows as the total row', () => {
    const result = map('2019', text(...edit(layout(ROWS_2019), '（七）总计', `总计|${[230, 231, 232, 233, 234, 235, 236].join('|')}`)))
    expect(cell(result, 'applications.naturalPerson.results.total').value).toBe(230)
    expect(cell(result, 'applications.total.results.total').value).toBe(236)
    expect(codes(result)).toEqual([])
  })

  it('maps the label variants seen in real reports', () => {
    let lines = layout(ROWS_2019)
    lines = edit(lines, '自然人', '自 然 人|法人或其他组织|总 计')
    lines = edit(lines, '商业企业', '商业 企业|科研机构|社会公益组织|法律服务机构|其他')
    lines = edit(lines, '三、本年度办理结果', '三、本年度办 理结果')
    lines = edit(lines, '（一）予以公开', `(一)予以公开|${[40, 41, 42, 43, 44, 45, 46].join('|')}`)
    lines = edit(lines, '2.其他法律行政法规禁止公开', `2.其他法律法规禁止公开|${[70, 71, 72, 73, 74, 75, 76].join('|')}`)
    lines = edit(lines, '3.危及', `3.危及"三安全一稳定"|${[80, 81, 82, 83, 84, 85, 86].join('|')}`)
    const result = map('2019', text(...lines))
    expect(cell(result, 'applications.naturalPerson.results.granted').value).toBe(40)
    expect(cell(result, 'applications.total.results.granted').value).toBe(46)
    expect(cell(result, 'applications.research.results.denied.prohibitedByLaw').value).toBe(72)
    expect(cell(result, 'applications.legalService.results.denied.endangersSafety').value).toBe(84)
    expect(codes(result)).toEqual([])
  })

  it('keeps the values a group label prints as an extra; the rows under it are unchanged', () => {
    const result = map('2019', text(...edit(layout(ROWS_2019), '（三）不予公开', '（三）不予公开|9|9|9|9|9|9|54')))
    expect(result.extras).toEqual([
      { label: '（三）不予公开', value: '9 9 9 9 9 9 54', values: [9, 9, 9, 9, 9, 9, 54], text: '（三）不予公开\t9\t9\t9\t9\t9\t9\t54' }
    ])
    expectEveryCell(result, ROWS_2019)
    expect(codes(result)).toEqual(['unknown_label extras.0'])
  })

  it('reports each row not printed with row_missing naming the row (applications.*.<row>); its cells stay missing', () => {
    const result = map('2019', text(...edit(edit(layout(ROWS_2019), '2.重复申请'), '二、上年结转')))
    expect(codes(result)).toEqual(['row_missing applications.*.carriedOver', 'row_missing applications.*.results.notProcessed.duplicate'])
    const messages = all(result, 'row_missing').map((diagnostic) => diagnostic.message)
    expect(messages[0]).toContain('二、上年结转政府信息公开申请数量')
    expect(messages[1]).toContain('2.重复申请')
    for (const applicant of APPLICANTS) {
      expect(cell(result, `applications.${applicant}.results.notProcessed.duplicate`)).toEqual({ value: null, state: CellState.missing })
      expect(cell(result, `applications.${applicant}.carriedOver`)).toEqual({ value: null, state: CellState.missing })
    }
    expect(cell(result, 'applications.total.results.notProcessed.publication').value).toBe(186)
  })

  it('reports blank markers with blank_cell on their cell', () => {
    const result = map('2019', text(...edit(layout(ROWS_2019), '（一）予以公开', '（一）予以公开|30|31|/|33|-|35|36')))
    expect(cell(result, 'applications.research.results.granted')).toEqual({ value: null, state: CellState.blank })
    expect(cell(result, 'applications.legalService.results.granted')).toEqual({ value: null, state: CellState.blank })
    expect(cell(result, 'applications.nonProfit.results.granted').value).toBe(33)
    expect(cell(result, 'applications.total.results.granted').value).toBe(36)
    expect(codes(result)).toEqual([
      'blank_cell applications.research.results.granted',
      'blank_cell applications.legalService.results.granted'
    ])
  })

  it('reports text in a cell with invalid_number; the other cells of the row are placed', () => {
    const result = map('2019', text(...edit(layout(ROWS_2019), '1.属于国家秘密', '1.属于国家秘密|50|3（件）|52|53|54|55|56')))
    expect(cell(result, 'applications.commercial.results.denied.stateSecret')).toEqual({ value: null, state: CellState.invalid })
    expect(cell(result, 'applications.naturalPerson.results.denied.stateSecret').value).toBe(50)
    expect(cell(result, 'applications.research.results.denied.stateSecret').value).toBe(52)
    expect(codes(result)).toEqual(['invalid_number applications.commercial.results.denied.stateSecret'])
  })

  it('reports a row of six values with row_length_mismatch; its cells stay null', () => {
    const result = map('2019', text(...edit(layout(ROWS_2019), '（一）予以公开', '（一）予以公开|30|31|32|33|34|36')))
    for (const applicant of APPLICANTS) {
      expect(cell(result, `applications.${applicant}.results.granted`)).toEqual({ value: null, state: CellState.unaligned })
    }
    expect(codes(result)).toEqual(['row_length_mismatch applications.*.results.granted'])
    expect(result.damaged).toHaveLength(1)
    expect(result.damaged[0]).toMatchObject({
      table: 3,
      cells: APPLICANTS.map((applicant) => result.schema.indexOf(`applications.${applicant}.results.granted`)),
      printed: [30, 31, 32, 33, 34, 36]
    })
  })

  it('reads a complete grid row by position: an empty cell is a blank where it stands', () => {
    const result = map(
      '2019',
      grid(
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）||申请人情况|||||||',
        '||自然人|法人或其他组织|||||总计',
        '|||商业企业|科研机构|社会公益组织|法律服务机构|其他|',
        '一、本年新收政府信息公开申请数量||1|2||4|5|6|18',
        '三、本年度办理结果|（一）予以公开|7|8|9|10|11|12|57'
      )
    )
    expect(cell(result, 'applications.research.newReceived')).toEqual({ value: null, state: CellState.blank })
    expect(cell(result, 'applications.nonProfit.newReceived').value).toBe(4)
    expect(cell(result, 'applications.total.newReceived').value).toBe(18)
    expect(cell(result, 'applications.naturalPerson.results.granted').value).toBe(7)
    expect(cell(result, 'applications.total.results.granted').value).toBe(57)
    expect(codes(result).filter((code) => !code.startsWith('row_missing applications.*.'))).toEqual([
      'blank_cell applications.research.newReceived'
    ])
    expect(all(result, 'row_missing')).toHaveLength(21)
  })
})

describe('table 三, 2021 format', () => {
  it('maps all 25 rows × 7 columns, the three （六） sub-rows included', () => {
    const result = map('2021', text(...layout(ROWS_2021)))
    expectEveryCell(result, ROWS_2021)
    expect(cell(result, 'applications.naturalPerson.results.other.overdueCorrection').value).toBe(210)
    expect(cell(result, 'applications.commercial.results.other.overdueFee').value).toBe(221)
    expect(cell(result, 'applications.total.results.other.other').value).toBe(236)
    expect(cell(result, 'applications.total.results.total').value).toBe(246)
    expect(codes(result)).toEqual([])
    expect(result.extras).toEqual([])
  })

  it('maps the （六） sub-rows printed with ， instead of 、', () => {
    let lines = layout(ROWS_2021)
    lines = edit(
      lines,
      '1.申请人无正当理由',
      `1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请|${[1, 2, 3, 4, 5, 6, 21].join('|')}`
    )
    lines = edit(
      lines,
      '2.申请人逾期未按',
      `2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请|${[7, 0, 0, 0, 0, 0, 7].join('|')}`
    )
    const result = map('2021', text(...lines))
    expect(cell(result, 'applications.otherOrganization.results.other.overdueCorrection').value).toBe(6)
    expect(cell(result, 'applications.total.results.other.overdueCorrection').value).toBe(21)
    expect(cell(result, 'applications.naturalPerson.results.other.overdueFee').value).toBe(7)
    expect(codes(result)).toEqual([])
  })

  it('reports a （六） sub-row not printed', () => {
    const result = map('2021', text(...edit(layout(ROWS_2021), '3.其他')))
    expect(codes(result)).toEqual(['row_missing applications.*.results.other.other'])
    expect(all(result, 'row_missing')[0]?.message).toContain('3.其他')
    expect(cell(result, 'applications.total.results.other.other')).toEqual({ value: null, state: CellState.missing })
  })
})

describe('table 三 through parseReport (text-2021-full, repair off)', () => {
  const full = corpusInput('text-2021-full')
  const valid = validReport2021()

  it('reads the total row printed as plain 总计, with no diagnostic', () => {
    const input = full.replace('\t（七）总计\t', '\t总计\t')
    expect(input).not.toBe(full)
    const { report, diagnostics } = parseReport(input, { format: 'text', repair: false })
    expect(report?.applications).toEqual(valid.applications)
    expect(diagnostics).toEqual([])
  })

  it('keeps the subtotals a group label prints in extras, where they were printed', () => {
    const input = full.replace('\t（三）不予公开\t1.属于国家秘密\t', '\t（三）不予公开\t46\t36\t32\t36\t44\t29\t223\n\t\t1.属于国家秘密\t')
    const { report, diagnostics } = parseReport(input, { format: 'text', repair: false })
    expect(report?.applications).toEqual(valid.applications)
    expect(report?.extras).toMatchObject([
      { label: '（三）不予公开', values: [46, 36, 32, 36, 44, 29, 223], position: { line: 35, column: 2 } }
    ])
    expect(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)).toEqual(['unknown_label extras.0'])
  })
})
