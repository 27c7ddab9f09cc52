/**
 * The generic table mapper (src/core/mapper.ts): which table it is in (section headings, labels,
 * table 二's captions printed as paragraphs), what it keeps as extras, and which texts in a row
 * it takes for damaged values rather than labels.
 */
import { describe, expect, it } from 'vitest'
import { cell, heading, map, paragraph, text } from './mapping.js'
import { CellState, type MapResult } from '../../src/core/mapper.js'
import { parseReport } from '../../src/index.js'

/** `code path` of each diagnostic, without `row_missing` and `table_missing` (these inputs print parts of tables). */
const codes = (result: MapResult): string[] =>
  result.diagnostics
    .filter((diagnostic) => diagnostic.code !== 'row_missing' && diagnostic.code !== 'table_missing')
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)

const ROW15 = '2|1|1|3|7|1|2|1|1|5|3|1|2|1|7'
const BLOCK_1 = ['第二十条第（一）项', '信息内容|本年新制作数量|本年新公开数量|对外公开总数量', '规章|1|2|3', '规范性文件|4|5|6']

describe('sections', () => {
  it('a 四、 heading opens table 四: a row of numbers under it with no header is its row', () => {
    const result = map('2021', heading('四、政府信息公开行政复议、行政诉讼情况'), text(ROW15))
    expect(result.found).toEqual({ 2: false, 3: false, 4: true })
    expect(cell(result, 'reviewAndLitigation.review.upheld').value).toBe(2)
    expect(cell(result, 'reviewAndLitigation.litigationAfterReview.total').value).toBe(7)
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)).toEqual([
      'table_missing activeDisclosure',
      'table_missing applications'
    ])
  })

  it('recognises heading variants printed as plain lines (`4、`, 因…被申请行政复议、提起行政诉讼)', () => {
    const result = map('2019', paragraph('4、因政府信息公开工作被申请行政复议、提起行政诉讼情况'), text(ROW15))
    expect(cell(result, 'reviewAndLitigation.litigationDirect.total').value).toBe(5)
  })

  it('without the heading, the same numbers belong to no table', () => {
    const result = map('2021', text(ROW15))
    expect(result.found).toEqual({ 2: false, 3: false, 4: false })
    expect(result.extras).toEqual([])
    expect(cell(result, 'reviewAndLitigation.review.upheld')).toEqual({ value: null, state: CellState.missing })
  })

  it('a heading switches away from the table before it: numbers after 四、 do not extend table 二', () => {
    const result = map(
      '2019',
      heading('二、主动公开政府信息情况'),
      text(...BLOCK_1),
      heading('四、政府信息公开行政复议、行政诉讼情况'),
      text(ROW15)
    )
    expect(cell(result, 'activeDisclosure.normativeDocuments.total').value).toBe(6)
    expect(cell(result, 'reviewAndLitigation.review.total').value).toBe(7)
    expect(codes(result)).toEqual([])
  })

  it('a paragraph inside a table section is an extra; after 五、 it is prose, not an extra', () => {
    const result = map(
      '2019',
      heading('二、主动公开政府信息情况'),
      text(...BLOCK_1),
      paragraph('注：本表数据截至12月31日'),
      heading('五、存在的主要问题及改进情况'),
      paragraph('一是公开内容的解读还不够深入。')
    )
    expect(result.extras).toEqual([{ label: '注', value: '本表数据截至12月31日', text: '注：本表数据截至12月31日' }])
    expect(codes(result)).toEqual(['unknown_label extras.0'])
  })
})

describe("table 二's caption printed as a paragraph", () => {
  const swapped = ['第二十条第（五）项', '信息内容|本年增/减|上一年项目数量|处理决定数量', '行政许可|-1|2|3']
  const valuesOf = (result: MapResult): (number | null)[] =>
    ['previousItems', 'change', 'decisions'].map((column) => cell(result, `activeDisclosure.punishment.${column}`).value)

  it('starts a new block: rows with no header of their own take the official order', () => {
    const result = map('2019', text(...swapped), paragraph('**第二十条第（六）项**'), text('行政处罚|4|5|6'))
    expect(valuesOf(result)).toEqual([4, 5, 6])
    expect(result.extras).toEqual([])
    expect(codes(result)).toEqual([])
  })

  it('without it, the rows would follow the header of the block before', () => {
    const result = map('2019', text(...swapped), text('行政处罚|4|5|6'))
    expect(valuesOf(result)).toEqual([5, 4, 6])
  })

  it('is read as table 二 even after another table', () => {
    const result = map(
      '2019',
      heading('四、政府信息公开行政复议、行政诉讼情况'),
      text(ROW15),
      paragraph('第二十条第（一）项'),
      text('规章|1|2|3')
    )
    expect(cell(result, 'activeDisclosure.regulations.published').value).toBe(2)
    expect(cell(result, 'reviewAndLitigation.review.total').value).toBe(7)
    expect(result.extras).toEqual([])
  })
})

describe('extras', () => {
  it('keeps a row outside the format inside a table as an extra, with unknown_label', () => {
    const result = map('2019', text(...BLOCK_1.slice(0, 3), '其他文件|5|6|7', BLOCK_1[3] as string))
    expect(result.extras).toEqual([{ label: '其他文件', value: '5 6 7', values: [5, 6, 7], text: '其他文件\t5\t6\t7' }])
    expect(codes(result)).toEqual(['unknown_label extras.0'])
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'unknown_label')?.severity).toBe('info')
    // The row after it is still read.
    expect(cell(result, 'activeDisclosure.normativeDocuments.made').value).toBe(4)
  })

  it('keeps a known local addition without a diagnostic (Hubei row, Jilin line)', () => {
    const result = map(
      '2019',
      text(...BLOCK_1, '其他主动公开文件|8|9|10'),
      paragraph('2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：60')
    )
    expect(result.extras).toEqual([
      { label: '其他主动公开文件', value: '8 9 10', values: [8, 9, 10], text: '其他主动公开文件\t8\t9\t10' },
      {
        label: '本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）',
        value: 60,
        text: '2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：60'
      }
    ])
    expect(codes(result)).toEqual([])
  })

  it('keeps nothing before the first table', () => {
    const result = map('2019', paragraph('本机关全年主动公开政府信息12条。'), paragraph('其他文件：5'), text(...BLOCK_1))
    expect(result.extras).toEqual([])
  })
})

describe('texts in a row', () => {
  it('takes `约12` in a row for a damaged value: invalid_number on that cell, the row still placed', () => {
    const result = map('2019', text(...BLOCK_1.slice(0, 3), '规范性文件|4|约12|6'))
    expect(cell(result, 'activeDisclosure.normativeDocuments.published')).toEqual({ value: null, state: CellState.invalid })
    expect(cell(result, 'activeDisclosure.normativeDocuments.made').value).toBe(4)
    expect(cell(result, 'activeDisclosure.normativeDocuments.total').value).toBe(6)
    expect(codes(result)).toEqual(['invalid_number activeDisclosure.normativeDocuments.published'])
    expect(result.extras).toEqual([])
  })

  it('takes a text with no digit for a new label: the row ends short and the text starts an extra', () => {
    const result = map('2019', text(...BLOCK_1.slice(0, 2), '规章|1|N/A|3'))
    expect(cell(result, 'activeDisclosure.regulations.made')).toEqual({ value: null, state: CellState.unaligned })
    expect(result.extras).toEqual([{ label: 'N/A', value: 3, text: 'N/A\t3' }])
    expect(codes(result)).toEqual(['row_length_mismatch activeDisclosure.regulations', 'unknown_label extras.0'])
  })

  it('reads a row of text cells one per line: the values run on to the next label', () => {
    const result = map(
      '2019',
      text(
        '第二十条第（一）项',
        '信息内容',
        '本年新制作数量',
        '本年新公开数量',
        '对外公开总数量',
        '规章',
        '1',
        '2',
        '3',
        '规范性文件',
        '4',
        '5',
        '6'
      )
    )
    expect(cell(result, 'activeDisclosure.regulations.total').value).toBe(3)
    expect(cell(result, 'activeDisclosure.normativeDocuments.made').value).toBe(4)
    expect(codes(result)).toEqual([])
  })
})

describe('no table', () => {
  it('finds nothing in prose: found is all false, each table is missing, no cell is set', () => {
    const result = map(
      '2021',
      paragraph('某某局2021年政府信息公开工作年度报告'),
      heading('一、总体情况'),
      paragraph('本机关全年主动公开政府信息12条。')
    )
    expect(result.found).toEqual({ 2: false, 3: false, 4: false })
    expect(result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)).toEqual([
      'table_missing activeDisclosure',
      'table_missing applications',
      'table_missing reviewAndLitigation'
    ])
    expect(result.states.every((state) => state === CellState.missing)).toBe(true)
    expect(result.values.every((value) => value === null)).toBe(true)
    expect(result.extras).toEqual([])
    expect(result.damaged).toEqual([])
  })

  it('parseReport gives no report and not_a_report', () => {
    const { report, diagnostics, ok } = parseReport(
      '某某局2021年政府信息公开工作年度报告\n\n一、总体情况\n\n本机关全年主动公开政府信息12条。\n',
      {
        format: 'text',
        repair: false
      }
    )
    expect(report).toBeNull()
    expect(ok).toBe(false)
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_a_report'])
  })
})

describe('through parseReport (text)', () => {
  it('follows the section headings of a text report from table to table', () => {
    const input = [
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t3\t1\t27',
      '注：含本年修订的规章',
      '四、政府信息公开行政复议、行政诉讼情况',
      ROW15.replaceAll('|', '\t'),
      '五、存在的主要问题及改进情况',
      '一是公开内容的解读还不够深入。',
      ''
    ].join('\n')
    const { report, diagnostics } = parseReport(input, { format: 'text', repair: false })
    if (report?.edition !== '2021') throw new Error('expected a 2021 report')
    expect(report.activeDisclosure.regulations).toEqual({ issued: 3, repealed: 1, inForce: 27 })
    expect(report.reviewAndLitigation.review).toEqual({ upheld: 2, corrected: 1, other: 1, pending: 3, total: 7 })
    expect(report.extras).toEqual([
      { label: '注', value: '含本年修订的规章', text: '注：含本年修订的规章', position: { line: 5, column: 1, offset: 59 } }
    ])
    expect(report.sections.problems).toBe('一是公开内容的解读还不够深入。')
    expect(
      diagnostics
        .filter((diagnostic) => diagnostic.code !== 'row_missing')
        .map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)
    ).toEqual([
      'unknown_label extras.0',
      'table_missing applications',
      'section_missing sections.other',
      'organization_unknown organization',
      'year_unknown year'
    ])
  })
})
