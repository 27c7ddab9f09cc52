import { describe, expect, it } from 'vitest'
import { readText } from '../../src/adapters/text/index.js'
import type { SourceTable } from '../../src/index.js'
import { parseReport } from '../../src/index.js'

const tables = (text: string): SourceTable[] => readText(text).blocks.filter((block): block is SourceTable => block.type === 'table')
const cellTexts = (text: string): string[] =>
  tables(text).flatMap((table) => table.rows.flatMap((row) => row.cells.map((cell) => cell.text)))

describe('text adapter layouts', () => {
  it('splits tab-separated rows, keeping empty cells', () => {
    expect(cellTexts('规章\t0\t\t3')).toEqual(['规章', '0', '', '3'])
  })

  it('reads one cell per line behind a tab, joining a broken header cell', () => {
    expect(cellTexts('\t信息内容\n\t本年新\n制作数量\n\t本年新\n公开数量\n\n\t规章\n\t0')).toEqual([
      '信息内容',
      '本年新制作数量',
      '本年新公开数量',
      '规章',
      '0'
    ])
  })

  it('reads `X |` lines as cells and `|||` as three empty cells', () => {
    expect(cellTexts('规章 |\n0 |\n|||')).toEqual(['规章', '0', '', '', ''])
  })

  it('reads pipe rows', () => {
    expect(cellTexts('| 规章 | 1 | 2 |')).toEqual(['规章', '1', '2'])
  })

  it('reads numbers apart by spaces', () => {
    expect(cellTexts('0 0 1 2')).toEqual(['0', '0', '1', '2'])
    expect(cellTexts('行政处罚 3 0 12')).toEqual(['行政处罚', '3', '0', '12'])
  })

  it('drops separator lines and bookmark debris, keeps headings', () => {
    const document = readText('## 二、主动公开政府信息情况\n--------\t---\n[bookmark: _GoBack]\n正文')
    expect(document.blocks).toEqual([
      { type: 'heading', text: '二、主动公开政府信息情况', depth: 2, position: { line: 1, column: 1, offset: 0 } },
      expect.objectContaining({ type: 'paragraph', text: '正文' })
    ])
  })

  it('gives positions of cells', () => {
    const [table] = tables('标题\n规章\t10\t20')
    expect(table?.rows[0]?.cells[2]?.position).toEqual({ line: 2, column: 7, offset: 9 })
  })

  it('reads CRLF text the same as LF', () => {
    const lf = '二、主动公开政府信息情况\n规章\t1\t2\t3\n'
    const crlf = lf.replace(/\n/g, '\r\n')
    expect(parseReport(crlf).report?.activeDisclosure).toEqual(parseReport(lf).report?.activeDisclosure)
  })
})

describe('numbers in table 二', () => {
  const block = (header: string, row: string): string =>
    `二、主动公开政府信息情况\n第二十条第（九）项\t\t\n信息内容\t采购项目数量\t${header}\n政府集中采购\t${row}\n`

  it('converts 元 to 万元 with unit_converted', () => {
    const result = parseReport(block('采购总金额', '2\t251000元'))
    expect(result.report?.edition).toBe('2019')
    expect(result.report?.edition === '2019' && result.report.activeDisclosure.procurement.amount).toBe(25.1)
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('unit_converted')
  })

  it('takes a bare number in the unit its header names', () => {
    const result = parseReport(block('采购总金额（元）', '2\t30000'))
    expect(result.report?.edition === '2019' && result.report.activeDisclosure.procurement.amount).toBe(3)
  })

  it('keeps 万元 as printed, with no note', () => {
    const result = parseReport(block('采购总金额', '2\t117万元'))
    expect(result.report?.edition === '2019' && result.report.activeDisclosure.procurement.amount).toBe(117)
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('unit_converted')
  })

  it('maps values by the block header order', () => {
    const text = '第二十条第（一）项\n信息内容\t对外公开总数量\t本年新制作数量\t本年新公开数量\n规章\t30\t1\t2\n'
    const report = parseReport(text).report
    expect(report?.edition === '2019' && report.activeDisclosure.regulations).toEqual({ made: 1, published: 2, total: 30 })
  })

  it('flags text in a value cell as invalid_number', () => {
    const text = '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t约2\t3\n'
    const result = parseReport(text)
    expect(result.report?.edition === '2019' && result.report.activeDisclosure.regulations).toEqual({ made: 1, published: null, total: 3 })
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'invalid_number', path: 'activeDisclosure.regulations.published' })
    )
  })
})
