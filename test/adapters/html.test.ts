import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readHtml } from '../../src/adapters/html/index.js'
import { htmlAdapter, parseReport, type Diagnostic, type SourceTable } from '../../src/index.js'
import { CORPUS, corpusInput, withoutIdentityPositions } from '../helpers.js'

const tables = (html: string): SourceTable[] => readHtml(html).blocks.filter((block): block is SourceTable => block.type === 'table')
const texts = (table: SourceTable | undefined): string[][] => (table?.rows ?? []).map((row) => row.cells.map((cell) => cell.text))
const page = (name: string): string => corpusInput(name, 'input.html')

function at(input: string, diagnostic: Diagnostic | undefined): string {
  const position = diagnostic?.position
  if (position === undefined) throw new Error('no position')
  const lineStart =
    input
      .split('\n')
      .slice(0, position.line - 1)
      .join('\n').length + (position.line > 1 ? 1 : 0)
  expect(lineStart + position.column - 1).toBe(position.offset)
  return input.slice(position.offset)
}

describe('html adapter', () => {
  it('keeps a spanning cell once, where it starts, and knows which rows cover the whole width', () => {
    const [table2, table3] = tables(page('real-001-shanghai-2019'))
    expect(table2?.columns).toBe(5)
    expect(texts(table2).slice(1, 7)).toEqual([
      ['信息内容', '本年新\n制作数量', '本年新\n公开数量', '对外公开总数量'],
      ['规章', '13', '13', '524'],
      ['规范性文件', '60', '60', '368'],
      ['第二十条第（五）项'],
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '0', '0', '0']
    ])
    expect(table3?.columns).toBe(10)
    expect(table3?.rows.map((row) => row.complete)).toEqual(table3?.rows.map(() => true))
    expect(texts(table3)[6]).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3', '', '', '', '', '', ''])
  })

  it('reads labels split by <br> and <p>, without &nbsp;, U+3000 or <o:p> debris', () => {
    const [table] = tables(
      "<table><tr><td><p class=MsoNormal><span style='mso-bidi-font-size:10.5pt'>&nbsp;结果<br/>纠正　<o:p></o:p></span></p></td>" +
        '<th><p>本年新</p><p>制作数量</p></th><td><font color=red>&nbsp;12&nbsp;</font></td></tr></table>'
    )
    expect(texts(table)).toEqual([['结果\n纠正', '本年新\n制作数量', '12']])
  })

  it('marks a row that lacks a cell as incomplete, so its values are read by order and checked', () => {
    const [table] = tables(
      '<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td rowspan=2>x</td><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>'
    )
    expect(table?.rows.map((row) => row.complete)).toEqual([true, true, false])
    const { diagnostics } = parseReport(page('html-2021-missing-cells'))
    const mismatch = diagnostics.find((diagnostic) => diagnostic.path === 'activeDisclosure.normativeDocuments')
    expect(mismatch?.code).toBe('row_length_mismatch')
    expect(at(page('html-2021-missing-cells'), mismatch).startsWith('行政规范性文件</td><td>11</td><td>80</td>')).toBe(true)
  })

  it('ignores scripts, styles, the head, navigation, menus, breadcrumbs, share bars and footers', () => {
    const blocks = readHtml(page('html-2021-page')).blocks
    const text = JSON.stringify(blocks)
    for (const chrome of ['siteName', 'float: left', '_清河县人民政府', '首页', '政府信息公开指南', '2021年', '分享到', '备案号', '1024']) {
      expect(text).not.toContain(chrome)
    }
    expect(blocks.filter((block) => block.type === 'table')).toHaveLength(1)
    expect(blocks[0]).toMatchObject({ type: 'heading', depth: 1, text: '清河县人民政府办公室2022年政府信息公开工作年度报告' })
  })

  it('decodes GBK pages by <meta charset>, and GBK without one by the GB18030 fallback', () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'html-2021-page-gbk', 'input.html')))
    const utf8 = parseReport(page('html-2021-page'))
    // The same report; its <title> stands a few characters later in the GBK page (its <meta charset>).
    expect(withoutIdentityPositions(parseReport(bytes).report)).toEqual(withoutIdentityPositions(utf8.report))
    const text = new TextDecoder('gb18030').decode(bytes)
    const withoutMeta = bytes.slice(0, text.indexOf('<meta')).length
    expect(withoutMeta).toBeGreaterThan(0)
    const stripped = new Uint8Array([...bytes.subarray(0, withoutMeta), ...bytes.subarray(withoutMeta + '<meta charset="gbk">'.length)])
    expect(parseReport(stripped).report?.applications).toEqual(utf8.report?.applications)
  })

  it('detects HTML pages and fragments, and leaves Markdown with a raw table to the Markdown adapter', () => {
    for (const name of ['real-001-shanghai-2019', 'real-009-pingtan-2025', 'html-2019-word-export', 'html-2021-th-spans']) {
      expect(parseReport(page(name)).format, name).toBe('html')
    }
    expect(htmlAdapter.detect('  <!DOCTYPE html><html>')).toBe(0.95)
    expect(htmlAdapter.detect('规章\t0\t0')).toBe(0)
    expect(htmlAdapter.detect('规章\t0\t0<br>\n'.repeat(20) + '<span>注</span>'.repeat(10))).toBe(0)
    expect(htmlAdapter.detect('正文\n' + '<p>段落</p>'.repeat(10))).toBe(0.7)
    expect(parseReport(corpusInput('md-2021-embedded-html', 'input.md')).format).toBe('markdown')
  })

  it('reads tables inside layout tables, and the text around them', () => {
    const html =
      '<table><tr><td><p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>7</td></tr></table></td></tr></table>'
    const blocks = readHtml(html).blocks
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'table'])
    expect(parseReport(html).report?.activeDisclosure.licensing.decisions).toBe(7)
  })

  it('never throws on broken markup', () => {
    for (const html of [
      '<table><tr><td rowspan=99999 colspan=-3>1',
      '<td>2</td></tr>',
      '<<table>>',
      '<table><caption>表</caption></table>',
      '<p>'.repeat(5000)
    ]) {
      expect(() => parseReport(html, { format: 'html' })).not.toThrow()
    }
  })
})
