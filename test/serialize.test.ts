import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cellPaths, formatReport, getCell, parseReport, toCsv, toRows, type OutputFormat, type Report } from '../src/index.js'
import { CORPUS, readCsv } from './helpers.js'

const FORMATS: OutputFormat[] = ['markdown', 'text', 'html', 'json']

function corpusReports(prefix = ''): { name: string; report: Report }[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => {
      const file = readdirSync(join(CORPUS, entry.name)).find((name) => name.startsWith('input.')) as string
      return { name: entry.name, report: parseReport(new Uint8Array(readFileSync(join(CORPUS, entry.name, file)))).report }
    })
    .filter((entry): entry is { name: string; report: Report } => entry.report !== null)
    .sort((a, b) => a.name.localeCompare(b.name))
}

describe('formatReport', () => {
  it('writes every corpus report so that each format reads back the same cells, title, sections and extras', () => {
    const reports = corpusReports()
    expect(reports.length).toBeGreaterThanOrEqual(20)
    for (const { name, report } of reports) {
      for (const format of FORMATS) {
        const back = parseReport(formatReport(report, { format }), { repair: false })
        expect(back.format, `${name} ${format}`).toBe(format)
        const again = back.report as Report
        for (const path of cellPaths(report.edition)) expect(getCell(again, path), `${name} ${format} ${path}`).toBe(getCell(report, path))
        expect([again.title, again.organization, again.year, again.sections], `${name} ${format}`).toEqual([
          report.title,
          report.organization,
          report.year,
          report.sections
        ])
        const kept = (extras: Report['extras']): unknown[] => extras.map(({ label, value, values }) => ({ label, value, values }))
        expect(kept(again.extras), `${name} ${format}`).toEqual(kept(report.extras))
      }
    }
  }, 30_000) // 88 parses, remark's among them: 2.7 s idle, 5.2 s measured under load

  it('writes seed 000 as Markdown in the official layout (docs/example-report.md)', () => {
    const [seed] = corpusReports('seed-000')
    const markdown = formatReport(seed?.report as Report, { format: 'markdown' })
    expect(readFileSync(join(import.meta.dirname, '..', 'docs', 'example-report.md'), 'utf8')).toContain(markdown)
    for (const text of [
      '## 一、总体情况',
      '| 第二十条第（一）项 |',
      '| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
      '勾稽关系',
      '| 申请人情况 |',
      '| 法人或其他组织 |',
      '| 行政复议 |',
      '## 六、其他需要报告的事项'
    ]) {
      expect(markdown).toContain(text)
    }
  })

  it('writes HTML with the rowspan and colspan of the official template', () => {
    const [seed] = corpusReports('text-2021-full')
    const html = formatReport(seed?.report as Report, { format: 'html' })
    expect(html).toContain(
      '<td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td>'
    )
    expect(html).toContain('<td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td>')
    expect(html).toContain('<td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>')
    expect(html).toContain('<td colspan="5">行政复议</td><td colspan="10">行政诉讼</td>')
  })

  it('names every value cell of the HTML by its path, once', () => {
    const [seed] = corpusReports('text-2021-full')
    const report = seed?.report as Report
    const html = formatReport(report, { format: 'html' })
    const named = [...html.matchAll(/<td[^>]* data-path="([^"]+)">([^<]*)<\/td>/gu)]
    expect(named.map((match) => match[1]).sort()).toEqual([...cellPaths('2021')].sort())
    for (const [, path, text] of named) expect(text, path).toBe(String(getCell(report, path as string)))
  })

  it('throws TypeError for an unknown format', () => {
    const [seed] = corpusReports('seed-000')
    expect(() => formatReport(seed?.report as Report, { format: 'pdf' as OutputFormat })).toThrow(TypeError)
  })
})

describe('toRows and toCsv', () => {
  it('puts every cell of every seed in one CSV, one per row, with Chinese labels', () => {
    const seeds = corpusReports('seed-')
    expect(seeds).toHaveLength(5)
    const csv = toCsv(
      seeds.flatMap(({ name, report }) => toRows(report, name)),
      { bom: true }
    )
    expect(csv.startsWith('\ufeffsource,table,path,row,column,value\r\n')).toBe(true)
    const [header, ...rows] = readCsv(csv.slice(1))
    expect(header).toEqual(['source', 'table', 'path', 'row', 'column', 'value'])
    expect(rows).toHaveLength(seeds.reduce((sum, { report }) => sum + cellPaths(report.edition).length, 0))
    for (const { name, report } of seeds) {
      const mine = new Map(rows.filter((row) => row[0] === name).map((row) => [row[2], row[5]]))
      expect(mine.size).toBe(cellPaths(report.edition).length)
      for (const path of cellPaths(report.edition)) {
        const value = getCell(report, path)
        expect(mine.get(path), `${name} ${path}`).toBe(value === null ? '' : String(value))
      }
    }
    const granted = rows.find((row) => row[0] === 'seed-004' && row[2] === 'applications.commercial.results.denied.stateSecret')
    expect(granted?.slice(1, 5)).toEqual([
      '三',
      'applications.commercial.results.denied.stateSecret',
      '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密',
      '申请人情况 / 法人或其他组织 / 商业企业'
    ])
  })

  it('labels table 二 by its block header and table 四 by its grouped header', () => {
    const [full] = corpusReports('text-2021-full')
    const rows = toRows(full?.report as Report)
    expect(rows.find((row) => row.path === 'activeDisclosure.fees.amount')).toEqual({
      table: '二',
      path: 'activeDisclosure.fees.amount',
      row: '行政事业性收费',
      column: '本年收费金额（单位：万元）',
      value: 4166.241619
    })
    expect(rows.find((row) => row.path === 'reviewAndLitigation.litigationDirect.corrected')?.column).toBe(
      '行政诉讼 / 未经复议直接起诉 / 结果纠正'
    )
    expect(rows).toHaveLength(200)
    expect(toCsv(full?.report as Report).split('\r\n')[0]).toBe('table,path,row,column,value')
  })
})

describe('json adapter', () => {
  it('gives not_a_report for JSON that is no report, and flags a value that is not a number', () => {
    expect(parseReport('{"edition": "2018"}').diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_a_report'])
    expect(parseReport('{"edition": ', { format: 'json' }).report).toBeNull()
    const [full] = corpusReports('text-2021-full')
    const json = JSON.parse(formatReport(full?.report as Report, { format: 'json' })) as {
      activeDisclosure: { licensing: { decisions: unknown } }
    }
    json.activeDisclosure.licensing.decisions = '约151件'
    const result = parseReport(JSON.stringify(json))
    expect(result.format).toBe('json')
    expect(result.report?.activeDisclosure.licensing.decisions).toBeNull()
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.path])).toEqual([
      ['invalid_number', 'activeDisclosure.licensing.decisions']
    ])
  })
})
