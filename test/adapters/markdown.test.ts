import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readMarkdown } from '../../src/adapters/markdown/index.js'
import {
  cellPaths,
  getCell,
  markdownAdapter,
  parseReport,
  type Adapter,
  type Diagnostic,
  type SourceBlock,
  type SourceTable
} from '../../src/index.js'
import { CORPUS, corpusInput } from '../helpers.js'

const tables = (markdown: string): SourceTable[] =>
  readMarkdown(markdown).blocks.filter((block): block is SourceTable => block.type === 'table')
const rowTexts = (table: SourceTable | undefined): string[][] => (table?.rows ?? []).map((row) => row.cells.map((cell) => cell.text))
const shape = ({ code, path, expected, actual }: Diagnostic): string => JSON.stringify({ code, path, expected, actual })

/** The text at a position of the input. */
function at(input: string, diagnostic: Diagnostic | undefined): string {
  const offset = diagnostic?.position?.offset
  if (offset === undefined) throw new Error('no position')
  const line = input.split('\n')[(diagnostic?.position?.line ?? 0) - 1] ?? ''
  expect(line.slice((diagnostic?.position?.column ?? 0) - 1)).toBe(
    input.slice(offset, offset + line.length - (diagnostic?.position?.column ?? 0) + 1)
  )
  return input.slice(offset)
}

function inputs(): { name: string; input: string }[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const file = readdirSync(join(CORPUS, entry.name)).find((name) => name.startsWith('input.')) as string
      return { name: entry.name, input: readFileSync(join(CORPUS, entry.name, file), 'utf8') }
    })
}

describe('markdown adapter', () => {
  it('reads seed 001 as markdown, as text and with no hint to the same report and diagnostics', () => {
    const input = corpusInput('seed-001')
    const markdown = parseReport(input, { format: 'markdown' })
    const text = parseReport(input, { format: 'text' })
    const guessed = parseReport(input)
    expect(guessed.format).toBe('markdown')
    expect(markdown.report).not.toBeNull()
    expect(text.report).toEqual(markdown.report)
    expect(guessed.report).toEqual(markdown.report)
    expect(text.diagnostics.map(shape)).toEqual(markdown.diagnostics.map(shape))
  })

  // Every corpus case read twice: 2 s on an idle 2-core machine, more than the default 5 s on a busy one.
  it('loses no number on a wrong guess: every text and Markdown input gives the same cells as markdown and as text', () => {
    // HTML pages are out of scope, and so is Markdown holding a raw HTML table: only Markdown (or HTML) reads that.
    const cases = inputs().filter(({ name, input }) => !input.includes('<table') && !name.startsWith('html-') && !name.includes('-html'))
    expect(cases.length).toBeGreaterThanOrEqual(14)
    for (const { name, input } of cases) {
      const markdown = parseReport(input, { format: 'markdown' }).report
      const text = parseReport(input, { format: 'text' }).report
      expect(markdown?.edition, name).toBe(text?.edition)
      if (markdown === null || text === null) continue
      for (const path of cellPaths(markdown.edition)) expect(getCell(markdown, path), `${name} ${path}`).toBe(getCell(text, path))
      expect(markdown.title, name).toBe(text.title)
    }
  }, 60_000) // 36 parses of 22 inputs: 2–3.6 s idle, 5 s measured on 2 cores at a load of 9

  it('detects Markdown by GFM tables and # headings, and leaves plain text to the text adapter', () => {
    expect(markdownAdapter.detect('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(0.9)
    expect(markdownAdapter.detect('前言\n\n## 一、总体情况\n正文')).toBe(0.6)
    expect(markdownAdapter.detect('一、总体情况\n规章\t0\t0\t0\n--------\t---\t--------')).toBe(0)
    expect(markdownAdapter.detect('#一、总体情况')).toBe(0)
    for (const seed of ['seed-000', 'seed-002', 'seed-003', 'seed-004']) expect(parseReport(corpusInput(seed)).format).toBe('text')
  })

  it('keeps short and long GFM body rows as printed, never padded or trimmed', () => {
    const [table] = tables('| 信息内容 | a | b | c |\n|---|---|---|---|\n| 规章 | 1 | 2 |\n| 规章 | 1 | 2 | 3 | 4 |\n| 规章 |  | 2 | 3 |')
    expect(table?.grid).toBe(true)
    expect(rowTexts(table)).toEqual([
      ['信息内容', 'a', 'b', 'c'],
      ['规章', '1', '2'],
      ['规章', '1', '2', '3', '4'],
      ['规章', '', '2', '3']
    ])
  })

  it('does not take full-width pipe lines for a GFM table, and reads them as rows', () => {
    const [table] = tables('｜信息内容｜本年处理决定数量｜\n｜－｜－｜\n｜行政许可｜5｜')
    expect(table?.grid).toBe(false)
    expect(rowTexts(table)).toEqual([
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '5']
    ])
  })

  it('keeps an escaped pipe inside a cell', () => {
    const [table] = tables('| 信息内容 | 数量 |\n|---|---|\n| 其他\\|转发 | 5 |')
    expect(rowTexts(table)[1]).toEqual(['其他|转发', '5'])
  })

  it('never lets emphasis markers into labels or section text, a stray ** included', () => {
    const [table] = tables('| **信息内容** | *数量* |\n|---|---|\n| **行政许可** | **5** |')
    expect(rowTexts(table)).toEqual([
      ['信息内容', '数量'],
      ['行政许可', '5']
    ])
    const blocks = readMarkdown('## 一、总体情况\n\n**一是**健全制度；*二是*强化培训。**\n\n- 1.加强领导。**我局重视')
    expect(blocks.blocks.map((block) => (block.type === 'embedded' || block.type === 'table' ? '' : block.text))).toEqual([
      '一、总体情况',
      '一是健全制度；二是强化培训。',
      '1.加强领导。我局重视'
    ])
  })

  it('reads headings of any depth and numbering, bold lines and ordered-list numbering included', () => {
    const report = parseReport(corpusInput('md-2019-headings', 'input.md')).report
    expect(report?.sections.overview).toContain('1. 加强组织领导。')
    expect(report?.sections.problems).toBe('一是公开内容与群众需求还有差距；二是政策解读的深度不够。')
    expect(report?.sections.other).toBe('无。')
    const blocks = readMarkdown('#### 四、政府信息公开行政复议、行政诉讼情况\n\n6. 其他需要报告的事项\n').blocks
    expect(blocks).toMatchObject([
      { type: 'heading', depth: 4, text: '四、政府信息公开行政复议、行政诉讼情况' },
      { type: 'paragraph', text: '6. 其他需要报告的事项' }
    ])
  })

  it('reads tab rows in a block quote and in a fenced code block, positions in the source', () => {
    const quoted = '> 规章\t1\t2\t3\n> 行政许可\t4'
    const [table] = tables(quoted)
    expect(rowTexts(table)).toEqual([
      ['规章', '1', '2', '3'],
      ['行政许可', '4']
    ])
    expect(table?.rows[1]?.cells[1]?.position).toEqual({ line: 2, column: 8, offset: 18 })
    const fenced = '```\n规章\t1\t2\t3\n```'
    const [code] = tables(fenced)
    expect(rowTexts(code)).toEqual([['规章', '1', '2', '3']])
    expect(code?.rows[0]?.cells[3]?.position).toEqual({ line: 2, column: 8, offset: 11 })
  })

  it('keeps a cell broken across an indented code block and the paragraph after it as one cell', () => {
    const [table] = tables('第二十条第（一）项\n\n\t信息内容\n\t本年新\n制作数量\n\t规章\n\t1')
    expect(rowTexts(table).flat()).toEqual(['信息内容', '本年新制作数量', '规章', '1'])
  })

  it('hands a raw <table> to the adapter named html, with positions shifted into the Markdown', () => {
    const cells = /<td>(.*?)<\/td>/gu
    const html: Adapter = {
      name: 'html',
      detect: () => 0,
      read: (input) => ({
        blocks: [
          {
            type: 'table',
            grid: true,
            rows: [
              {
                cells: [...input.matchAll(cells)].map((match) => ({
                  text: match[1] as string,
                  position: { line: 1, column: match.index + 5, offset: match.index + 4 }
                }))
              }
            ]
          }
        ]
      })
    }
    const markdown = '# 报告\n\n## 二、主动公开政府信息情况\n\n<table><tr><td>行政许可</td><td>约5件</td></tr></table>\n'
    const result = parseReport(markdown, { adapters: [html] })
    expect(result.format).toBe('markdown')
    const invalid = result.diagnostics.find((diagnostic) => diagnostic.code === 'invalid_number')
    expect(invalid?.path).toBe('activeDisclosure.licensing.decisions')
    const offset = markdown.indexOf('约5件')
    expect(invalid?.position).toEqual({ line: 5, column: offset - markdown.lastIndexOf('\n', offset), offset })
    expect(at(markdown, invalid).startsWith('约5件')).toBe(true)
  })

  it('reads a raw <table> with the built-in html adapter, and says unsupported_content when none can', () => {
    const input = corpusInput('md-2021-embedded-html', 'input.md')
    const result = parseReport(input)
    expect(result.format).toBe('markdown')
    expect(result.diagnostics).toEqual([])
    expect(result.report?.applications.total.newReceived).toBe(625)
    const failing: Adapter = {
      name: 'html',
      detect: () => 0,
      read: () => {
        throw new Error('boom')
      }
    }
    const failed = parseReport(input, { adapters: [failing] })
    const unsupported = failed.diagnostics.filter((diagnostic) => diagnostic.code === 'unsupported_content')
    expect(unsupported).toHaveLength(1)
    expect(unsupported[0]?.severity).toBe('warning')
    expect(unsupported[0]?.message).toContain('boom')
    expect(at(input, unsupported[0]).startsWith('<table>')).toBe(true)
    expect(failed.diagnostics.map((diagnostic) => diagnostic.code)).toContain('table_missing')
    const unknown: Adapter = {
      name: 'wrapper',
      detect: () => 1,
      read: (text) => ({ blocks: [{ type: 'embedded', format: 'csv', text, position: { line: 1, column: 1, offset: 0 } }] })
    }
    expect(parseReport('规章,1', { adapters: [unknown] }).diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'unsupported_content',
      'not_a_report'
    ])
  })

  it('shifts the positions of an embedded HTML table into the Markdown source', () => {
    const input = corpusInput('md-2021-embedded-html', 'input.md')
    const broken = input.replace('<td>625</td>', '<td>约625</td>')
    const invalid = parseReport(broken).diagnostics.find((diagnostic) => diagnostic.code === 'invalid_number')
    expect(invalid?.path).toBe('applications.total.newReceived')
    expect(at(broken, invalid).startsWith('约625</td>')).toBe(true)
  })

  it('points diagnostics into the Markdown source', () => {
    const input = corpusInput('md-2021-damaged-rows', 'input.md')
    const { diagnostics } = parseReport(input)
    const byPath = (code: string, path: string): Diagnostic | undefined =>
      diagnostics.find((diagnostic) => diagnostic.code === code && diagnostic.path === path)
    expect(at(input, byPath('row_length_mismatch', 'activeDisclosure.punishment')).startsWith('行政处罚 | 58 | 3 |')).toBe(true)
    expect(at(input, byPath('blank_cell', 'applications.total.results.notProcessed.duplicate')).startsWith('  |\n')).toBe(true)
    expect(at(input, byPath('row_length_mismatch', 'applications.*.results.partiallyGranted')).startsWith('（二）部分公开')).toBe(true)
    expect(at(input, byPath('value_inferred', 'reviewAndLitigation.review.upheld')).startsWith('5 | 1 | 4 |')).toBe(true)
  })

  it('reads a row of table 三 as wide as its table by position, and a shorter one only by order', () => {
    const markdown = [
      '## 三、收到和处理政府信息公开申请情况',
      '',
      '| 申请人情况 |  |  | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |',
      '|---|---|---|---|---|---|---|---|---|---|',
      '| 一、本年新收政府信息公开申请数量 |  |  |  | 2 | 3 | 4 | 5 | 6 | 20 |',
      '| 二、上年结转政府信息公开申请数量 |  |  | 2 | 3 | 4 | 5 | 6 | 20 |'
    ].join('\n')
    const { report, diagnostics } = parseReport(markdown, { repair: false })
    expect(report?.applications.naturalPerson.newReceived).toBeNull()
    expect(report?.applications.commercial.newReceived).toBe(2)
    expect(report?.applications.total.newReceived).toBe(20)
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'blank_cell')?.path).toBe('applications.naturalPerson.newReceived')
    for (const applicant of ['naturalPerson', 'commercial', 'total'] as const)
      expect(report?.applications[applicant].carriedOver).toBeNull()
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'row_length_mismatch')).toHaveLength(1)
  })

  it('flattens containers nested deeper than sixteen on one line, keeping the text and its offsets', () => {
    const deep = '> '.repeat(40) + '规章\t1\t2\t3'
    const [table] = tables(deep)
    expect(rowTexts(table)).toEqual([['规章', '1', '2', '3']])
    expect(table?.rows[0]?.cells[0]?.position).toEqual({ line: 1, column: 81, offset: 80 })
    // 16 KB of nesting, within what remark may be given (MARKDOWN_LIMITS.block); beyond it, the text path reads it.
    const lists = parseReport('- '.repeat(8000) + '规章', { format: 'markdown' })
    expect(lists.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_a_report'])
    const beyond = parseReport('- '.repeat(20000) + '规章', { format: 'markdown' })
    expect(beyond.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['read_as_text', 'not_a_report'])
  })

  it('never throws and never reads numbers out of Markdown without tables', () => {
    const blocks: SourceBlock[] = readMarkdown('# 标题\n\n正文 *强调* [链接](http://x) ![图](a.png)\n\n---\n\n[^1]: 注释\n').blocks
    expect(blocks.every((block) => block.type !== 'table')).toBe(true)
    expect(parseReport('# 标题\n\n正文').diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_a_report'])
  })
})
