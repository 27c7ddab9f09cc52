/**
 * The Markdown reader and what a reader of the page does not see (issue 23): in a GFM table,
 * struck-out text (`~~6~~`) and inline HTML hidden or deleted are the cell's hidden text; in prose
 * and headings hidden inline HTML is dropped and strikethrough read; raw HTML blocks drop hidden
 * elements; a raw HTML table goes to the HTML reader.
 */
import { describe, expect, it } from 'vitest'
import { readMarkdown } from '../../src/adapters/markdown/index.js'
import { formatReport, parseReport, type SourceBlock } from '../../src/index.js'
import { validReport2021 } from '../helpers.js'

const row = (cell: string): string => `| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | ${cell} |\n`
const cellOf = (blocks: readonly SourceBlock[]) => {
  const table = blocks.find((block) => block.type === 'table')
  return table?.type === 'table' ? table.rows[1]?.cells[1] : undefined
}
const texts = (blocks: readonly SourceBlock[]): string[] => blocks.flatMap((block) => (block.type === 'table' ? [] : [block.text]))

describe('Markdown: hidden and deleted text in a GFM table cell', () => {
  it.each([
    ['5~~6~~30', '~~'],
    ['5~6~30', '~~'],
    ['5<span style="display:none">6</span>30', 'display:none'],
    ["5<span style='mso-hide:all'><b>6</b></span>30", 'mso-hide:all'],
    ['5<del>6</del>30', '<del>'],
    ['5<s>6</s>30', '<s>'],
    ['5<span hidden>6</span>30', 'hidden']
  ])('%s is 530, the 6 hidden by %s', (cell, by) => {
    expect(cellOf(readMarkdown(row(cell)).blocks)).toMatchObject({ text: '530', hidden: [{ text: '6', by }] })
  })

  it('leaves a cell whose only digits are struck out empty', () => {
    expect(cellOf(readMarkdown(row('~~12~~')).blocks)).toMatchObject({ text: '', hidden: [{ text: '12', by: '~~' }] })
  })

  it('hides to the end of the cell after a hidden element never closed, and reads the next cell', () => {
    const blocks = readMarkdown('| a | b |\n|---|---|\n| 5<span style="display:none">6 | 7 |\n').blocks
    const table = blocks[0]
    expect(table?.type === 'table' ? table.rows[1]?.cells.map((cell) => [cell.text, cell.hidden]) : undefined).toEqual([
      ['5', [{ text: '6', by: 'display:none' }]],
      ['7', undefined]
    ])
  })

  it('reads a cell with <br> and <sup> as before', () => {
    expect(cellOf(readMarkdown(row('3<br>5')).blocks)?.text).toBe('3\n5')
    expect(cellOf(readMarkdown(row('13<sup>1</sup>')).blocks)?.text).toBe('13 1')
  })
})

describe('Markdown: hidden text outside tables', () => {
  it('drops hidden inline HTML from headings and paragraphs, and keeps struck-out prose', () => {
    const { blocks } = readMarkdown(
      '# 某局<span style="display:none">2019</span>2020年政府信息公开工作年度报告\n\n全年公开<del>99</del>368条，~~约~~按时办结。\n'
    )
    expect(texts(blocks)).toEqual(['某局2020年政府信息公开工作年度报告', '全年公开368条，约按时办结。'])
  })

  it('drops hidden elements of a raw HTML block that is not a table', () => {
    const { blocks } = readMarkdown('<div>\n<p>共<span style="display:none">9</span>6件<p hidden>修订说明</p></p>\n</div>\n\n后文\n')
    expect(texts(blocks)).toEqual(['共6件', '后文'])
  })
})

describe('Markdown reports with hidden runs', () => {
  const valid = validReport2021()
  const markdown = formatReport(valid, { format: 'markdown' })
  const decisions = String(valid.activeDisclosure.licensing.decisions)

  it('reads a GFM cell as seen and names it', () => {
    const input = markdown.replace(`| 行政许可 | ${decisions} |`, `| 行政许可 | ~~9~~${decisions} |`)
    expect(input).not.toBe(markdown)
    const result = parseReport(input, { format: 'markdown' })
    expect(result.report?.activeDisclosure.licensing.decisions).toBe(valid.activeDisclosure.licensing.decisions)
    expect(result.diagnostics.map((d) => `${d.code} ${d.path ?? ''}`)).toEqual(['hidden_text activeDisclosure.licensing.decisions'])
  })

  it('reads a raw HTML table in Markdown through the HTML reader', () => {
    const html = formatReport(valid, { format: 'html' })
    const table4 = html.slice(html.lastIndexOf('<table'), html.lastIndexOf('</table>') + '</table>'.length)
    const hidden = table4.replace(
      'data-path="reviewAndLitigation.review.upheld">',
      'data-path="reviewAndLitigation.review.upheld"><del>8</del>'
    )
    const start = markdown.indexOf('## 四、')
    const end = markdown.indexOf('## 五、')
    const input = `${markdown.slice(0, start)}## 四、政府信息公开行政复议、行政诉讼情况\n\n${hidden}\n\n${markdown.slice(end)}`
    const result = parseReport(input, { format: 'markdown' })
    expect(result.report?.reviewAndLitigation).toEqual(valid.reviewAndLitigation)
    expect(result.diagnostics.map((d) => `${d.code} ${d.path ?? ''}`)).toEqual(['hidden_text reviewAndLitigation.review.upheld'])
  })
})
