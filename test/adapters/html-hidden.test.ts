/**
 * The HTML reader and what a reader of the page does not see (issue 23): hidden and deleted text in
 * cells is kept apart as the cell's hidden text, hidden cells, rows and tables are not read at all,
 * hidden text elsewhere is dropped; and text a browser moves out of a table is a line before it.
 */
import { fc } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { readHtml } from '../../src/adapters/html/index.js'
import { hiddenBy, hidingStyle, readTag } from '../../src/source/hidden.js'
import { formatReport, parseReport, type Report2019, type SourceBlock, type SourceCell, type SourceTable } from '../../src/index.js'
import { validReport } from '../arbitraries.js'

const tables = (html: string): SourceTable[] => readHtml(html).blocks.filter((block): block is SourceTable => block.type === 'table')
const cells = (html: string): SourceCell[] => (tables(html)[0]?.rows ?? []).flatMap((row) => row.cells)
const cell = (inside: string): SourceCell | undefined => cells(`<table><tr><td>规章</td><td>${inside}</td></tr></table>`)[1]
const outline = (blocks: readonly SourceBlock[]): unknown[] =>
  blocks.map((block) =>
    block.type === 'table' ? block.rows.map((row) => row.cells.map((c) => c.text)) : block.type === 'embedded' ? '' : block.text
  )

describe('hidden and deleted text in a cell', () => {
  it.each([
    ['<span style="display:none">6</span>', 'display:none'],
    ['<span style="DISPLAY : None !important">6</span>', 'display:none'],
    ["<span style='visibility:hidden'>6</span>", 'visibility:hidden'],
    ['<span style="visibility: collapse">6</span>', 'visibility:collapse'],
    ["<span style='display:none;mso-hide:all'>6</span>", 'display:none'],
    ["<span style='mso-hide:all'>6</span>", 'mso-hide:all'],
    ['<span hidden>6</span>', 'hidden'],
    ['<del>6</del>', '<del>'],
    ['<s>6</s>', '<s>'],
    ['<strike>6</strike>', '<strike>'],
    ['<del><b>6</b></del>', '<del>'],
    ['<div style="display:none"><p>6</p></div>', 'display:none']
  ])('5%s30 is 530, the 6 hidden by %s', (hidden, by) => {
    expect(cell(`5${hidden}30`)).toMatchObject({ text: '530', hidden: [{ text: '6', by }] })
  })

  it('leaves a cell whose only text is hidden empty, and keeps every hidden run in order', () => {
    expect(cell('<del>12</del><ins>13</ins>')).toMatchObject({ text: '13', hidden: [{ text: '12', by: '<del>' }] })
    expect(cell('<span style="display:none">7</span>&nbsp;<s>8</s>')).toMatchObject({
      text: '',
      hidden: [
        { text: '7', by: 'display:none' },
        { text: '8', by: '<s>' }
      ]
    })
  })

  it('reads what is not hidden: a later declaration that shows, styles that do not hide, classes (style sheets are not evaluated)', () => {
    expect(cell('<span style="display:none;display:inline">6</span>')).toEqual(expect.objectContaining({ text: '6' }))
    expect(cell('<span style="visibility:visible;color:#fff;font-size:0">6</span>')?.hidden).toBeUndefined()
    expect(cell('<style>.x{display:none}</style><span class="x">6</span>')?.text).toBe('6')
  })

  it('reads Word’s conditional comments as a browser does: <![if …]> shows what it holds, <!--[if …]> is a comment', () => {
    expect(cell('1<![if !supportMisc]>2<![endif]>3<!--[if supportFields]>9<![endif]-->4')?.text).toBe('1234')
  })

  it('does not read a hidden cell, row or table at all, so no column shifts', () => {
    expect(cells('<table><tr><td>规章</td><td style="display:none">9</td><td>3</td></tr></table>').map((c) => c.text)).toEqual([
      '规章',
      '3'
    ])
    expect(tables('<table><tr hidden><td>规章</td><td>9</td></tr><tr><td>规章</td><td>3</td></tr></table>')[0]?.rows).toHaveLength(1)
    expect(tables('<table style="visibility:hidden"><tr><td>9</td></tr></table><table><tr><td>3</td></tr></table>')).toHaveLength(1)
  })

  it('keeps a table hidden inside a cell out of the cell, and its table a grid', () => {
    const [table] = tables('<table><tr><td>规章</td><td><table style="display:none"><tr><td>8</td></tr></table>4</td></tr></table>')
    expect(table?.rows[0]?.cells.map((c) => [c.text, c.hidden])).toEqual([
      ['规章', undefined],
      ['4', [{ text: '8', by: 'display:none' }]]
    ])
  })

  it('drops hidden text outside cells: a paragraph, a heading, a caption', () => {
    const { blocks } = readHtml(
      '<h1>某某局<span style="display:none">2019</span>2020年政府信息公开工作年度报告</h1><p>共<del>5</del>6件</p>' +
        '<table><caption>表<s>一</s>二</caption><tr><td>1</td></tr></table>'
    )
    expect(outline(blocks)).toEqual(['某某局2020年政府信息公开工作年度报告', '共6件', '表二', [['1']]])
  })

  it('reads deeply nested hidden content without recursion, and the cell after it', () => {
    const deep = `${'<span>'.repeat(10_000)}9${'</span>'.repeat(10_000)}`
    const [, hidden, after] = cells(`<table><tr><td>规章</td><td><del>${deep}</del></td><td>3</td></tr></table>`)
    expect(hidden).toMatchObject({ text: '', hidden: [{ text: '9', by: '<del>' }] })
    expect(after?.text).toBe('3')
  })
})

describe('text a browser moves out of a table', () => {
  it('reads text standing in <table>, <tbody> or <tr> outside any cell as a line before the table', () => {
    for (const html of [
      '<table>注：金额单位为元。<tr><td>1</td></tr></table>',
      '<table><tbody>注：金额单位为元。<tr><td>1</td></tr></tbody></table>',
      '<table><tr><td>1</td>注：金额单位为元。</tr></table>',
      '<table><tr><td>1</td></tr><p>注：金额单位为<b>元</b>。</p></table>'
    ])
      expect(outline(readHtml(`<p>前</p>${html}<p>后</p>`).blocks), html).toEqual(['前', '注：金额单位为元。', [['1']], '后'])
  })

  it('reads a unit note standing in table 二 outside any cell, so the amount is converted to 万元', () => {
    const [report] = fc.sample(validReport('2019'), { numRuns: 1, seed: 23 }) as Report2019[]
    if (report === undefined) throw new Error('no report')
    report.activeDisclosure.procurement.amount = 25.1
    const html = formatReport(report, { format: 'html' }).replace(
      'data-path="activeDisclosure.procurement.amount">25.1</td></tr>',
      'data-path="activeDisclosure.procurement.amount">251000</td></tr>注：金额单位为元。'
    )
    expect(html).toContain('</td></tr>注：金额单位为元。')
    const result = parseReport(html)
    expect(result.report?.activeDisclosure).toEqual(report.activeDisclosure)
    const converted = result.diagnostics.filter((d) => d.code === 'unit_converted')
    expect(converted).toMatchObject([{ path: 'activeDisclosure.procurement.amount', actual: 251000, expected: 25.1 }])
    expect(result.report?.extras).toEqual([])
  })

  it('still skips table parts out of place, and chrome', () => {
    expect(outline(readHtml('<table><tr><td>1</td></tr><span><td>9</td></span><div class="nav">菜单</div></table>').blocks)).toEqual([
      [['1']]
    ])
  })
})

describe('hiddenBy and readTag', () => {
  it('names what hides an element', () => {
    expect(hiddenBy('span', { style: 'color:red' })).toBeUndefined()
    expect(hiddenBy('span', { style: 'display:none' })).toBe('display:none')
    expect(hiddenBy('strike', {})).toBe('<strike>')
    expect(hidingStyle('constructor:none;__proto__:x;display:block')).toBeUndefined()
  })

  it('reads a tag of raw HTML', () => {
    expect(readTag('<span style="display:none" hidden>')).toEqual({
      name: 'span',
      closing: false,
      empty: false,
      attributes: Object.assign(Object.create(null) as object, { style: 'display:none', hidden: '' })
    })
    expect(readTag('</DEL >')).toMatchObject({ name: 'del', closing: true, empty: false })
    expect(readTag('<br hidden/>')).toMatchObject({ name: 'br', empty: true })
    expect(readTag('<!-- x -->')).toBeUndefined()
  })
})
