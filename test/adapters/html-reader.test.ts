/**
 * The HTML adapter reads parser events as they come, with no document tree: what that must keep
 * (the output a tree walk gave) and what it adds (no recursion, spans in time linear in the cells).
 */
import { describe, expect, it } from 'vitest'
import { flattenHtmlNesting, MAX_HTML_DEPTH, MAX_TABLE_DEPTH } from '../../src/adapters/html/nesting.js'
import { readHtml } from '../../src/adapters/html/index.js'
import type { SourceBlock, SourceTable } from '../../src/index.js'

const shape = (blocks: SourceBlock[]): string[] =>
  blocks.map((block) =>
    block.type === 'table'
      ? `table:${block.rows.map((row) => row.cells.map((cell) => cell.text).join(',')).join('/')}`
      : `${block.type}:${block.text}`
  )

describe('html reader', () => {
  it('reads a table inside 100 000 nested elements: tags deeper than MAX_HTML_DEPTH are blanked, offsets kept', () => {
    const deep = '<div>'.repeat(100_000)
    const html = `${deep}<table><tr><td>规章</td><td>1</td></tr></table>`
    const { html: flat, limit } = flattenHtmlNesting(html)
    expect(limit).toBe('nesting')
    expect(flat).toHaveLength(html.length)
    expect(flat.slice(0, MAX_HTML_DEPTH * 5)).toBe(deep.slice(0, MAX_HTML_DEPTH * 5))
    expect(flat.slice(MAX_HTML_DEPTH * 5, deep.length).trim()).toBe('')
    const { blocks } = readHtml(html)
    expect(shape(blocks)).toEqual(['table:规章,1'])
    expect(blocks[0]?.type === 'table' && blocks[0].rows[0]?.cells[1]?.position?.offset).toBe(html.indexOf('1</td>'))
    // Implied ends, void elements, comments and raw text are not nesting.
    const page = `${'<p>x'.repeat(40_000)}<br>`.repeat(1) + `<script>${'<div>'.repeat(40_000)}</script><!-- ${'<div>'.repeat(40_000)} -->`
    expect(flattenHtmlNesting(page)).toEqual({ html: page })
  })

  it('reads tables nested 64 deep as tables, deeper ones as text of their cell, and says so', () => {
    const nest = (depth: number): string =>
      '<table><tr><td>'.repeat(depth - 1) + '<table><tr><td>规章</td><td>1</td></tr></table>' + '</td></tr></table>'.repeat(depth - 1)
    const inside = readHtml(nest(MAX_TABLE_DEPTH))
    expect(shape(inside.blocks)).toEqual(['table:规章,1'])
    expect(inside.notices).toBeUndefined()
    const deeper = readHtml(nest(MAX_TABLE_DEPTH + 1))
    // The deepest table left holds the blanked one's text in its one cell.
    expect(shape(deeper.blocks)).toEqual(['table:规章 1'])
    expect(deeper.notices).toEqual([
      {
        kind: 'resourceLimit',
        limit: 'tableNesting',
        value: MAX_TABLE_DEPTH,
        position: expect.objectContaining({ offset: 15 * MAX_TABLE_DEPTH })
      }
    ])
  })

  it('bounds what the parser never closes: <thead> or <caption> opened 100 000 times', () => {
    for (const part of ['<thead>', '<caption>', '<tbody><tr>']) {
      const html = `<table>${part.repeat(100_000)}<tr><td>规章</td><td>1</td></tr></table>`
      const { html: flat, limit } = flattenHtmlNesting(html)
      expect(limit, part).toBe('nesting')
      expect(flat).toHaveLength(html.length)
    }
  })

  it('reads a table inside 12 000 nested elements (no recursion in the walk)', () => {
    const html = '<div>'.repeat(12_000) + '<table><tr><td>规章</td><td>1</td></tr></table>' + '<span>注'.repeat(12_000)
    const { blocks } = readHtml(html)
    expect(shape(blocks)).toEqual(['table:规章,1', `paragraph:${'注'.repeat(12_000)}`])
  })

  it('works out spans by runs of columns: 100 cells of colspan=1000 rowspan=1000 over 1000 rows', () => {
    const html = `<table><tr>${'<td colspan=1000 rowspan=1000>x</td>'.repeat(100)}</tr>${'<tr></tr>'.repeat(999)}<tr><td>y</td></tr></table>`
    const [table] = readHtml(html).blocks as SourceTable[]
    expect(table?.columns).toBe(100_000)
    expect(table?.rows).toHaveLength(1001)
    expect(table?.rows.map((row) => row.complete)).toEqual([...Array.from({ length: 1000 }, () => true), false])
  })

  it('places a cell after the columns a rowspan above takes, and knows rows that miss one', () => {
    const html = '<table><tr><td rowspan=2>项目</td><td colspan=2>数量</td></tr><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>'
    const [table] = readHtml(html).blocks as SourceTable[]
    expect(table?.columns).toBe(3)
    expect(table?.rows.map((row) => row.complete)).toEqual([true, true, false])
  })

  it('turns a table into a layout when a table opens in it: cells so far are paragraphs, a late caption comes first', () => {
    const html = '<table><tr><td>a</td></tr><tr><td><table><tr><td>x</td></tr></table></td></tr><caption>C</caption></table>'
    expect(shape(readHtml(html).blocks)).toEqual(['paragraph:C', 'paragraph:a', 'table:x'])
  })

  it('keeps the text of a cell around the table that made it a layout, and drops a chrome cell', () => {
    const html =
      '<table><tr><td class=nav>菜单<table><tr><td>q</td></tr></table></td><td>前<table><tr><td>x</td></tr></table>后</td></tr></table>'
    const blocks = readHtml(html).blocks
    expect(shape(blocks)).toEqual(['paragraph:前', 'table:x', 'paragraph:后'])
    expect(blocks[2]?.position?.offset).toBe(html.indexOf('后'))
  })

  it('collapses white space across entities as one text node, and not across a comment', () => {
    expect(shape(readHtml('<p>a &#32; b<!-- c -->  c</p>').blocks)).toEqual(['paragraph:a b c'])
  })

  it('ignores a start tag the input cuts short', () => {
    expect(shape(readHtml('<table><tr><td>1</td><td class="x').blocks)).toEqual(['table:1'])
    expect(shape(readHtml('<p>a</p><table class=').blocks)).toEqual(['paragraph:a'])
  })
})
