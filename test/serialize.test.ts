import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderParts } from '../src/cli/render.js'
import {
  cellPaths,
  formatReport,
  getCell,
  getCellAt,
  LONG_HEADER,
  parseReport,
  toCsv,
  toRows,
  type OutputFormat,
  type ParseResult,
  type Report
} from '../src/index.js'
import { CORPUS, readCsv } from './helpers.js'

const FORMATS: OutputFormat[] = ['markdown', 'text', 'html', 'json']

function corpusResults(prefix = ''): { name: string; report: Report; result: ParseResult }[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(prefix))
    .map((entry) => {
      const file = readdirSync(join(CORPUS, entry.name)).find((name) => name.startsWith('input.')) as string
      const result = parseReport(new Uint8Array(readFileSync(join(CORPUS, entry.name, file))))
      return { name: entry.name, report: result.report as Report, result }
    })
    .filter((entry) => entry.report !== null)
    .sort((a, b) => a.name.localeCompare(b.name))
}

function corpusReports(prefix = ''): { name: string; report: Report }[] {
  return corpusResults(prefix)
}

describe('formatReport', () => {
  it('writes every corpus report so that each format reads back the same cells, title, sections, extras, and who and which year as printed', () => {
    const reports = corpusReports()
    expect(reports.length).toBeGreaterThanOrEqual(20)
    for (const { name, report } of reports) {
      for (const format of FORMATS) {
        const back = parseReport(formatReport(report, { format }), { repair: false })
        expect(back.format, `${name} ${format}`).toBe(format)
        const again = back.report as Report
        for (const path of cellPaths(report.edition)) expect(getCell(again, path), `${name} ${format} ${path}`).toBe(getCell(report, path))
        expect([again.title, again.sections], `${name} ${format}`).toEqual([report.title, report.sections])
        // JSON keeps who and which year with their evidence; the other formats print the title, and
        // what was read from elsewhere (the statistics period, a page's <title>) is not printed.
        if (format === 'json') expect(again.identity, name).toEqual(report.identity)
        for (const field of ['organization', 'year'] as const) {
          const printed = format === 'json' || report.identity[field]?.from === 'title' || report.identity[field]?.from === 'crawlerHeader'
          expect(again[field], `${name} ${format} ${field}`).toBe(printed ? report[field] : null)
        }
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
    for (const [, path, text] of named) expect(text, path).toBe(String(getCellAt(report, path as string)))
  })

  it('throws TypeError for an unknown format', () => {
    const [seed] = corpusReports('seed-000')
    expect(() => formatReport(seed?.report as Report, { format: 'pdf' as OutputFormat })).toThrow(TypeError)
  })
})

describe('toRows and toCsv', () => {
  it('puts every cell of every seed in one CSV, one per row, with Chinese labels, status and codes', () => {
    const seeds = corpusResults('seed-')
    expect(seeds).toHaveLength(5)
    const csv = toCsv(
      seeds.flatMap(({ name, result }) => toRows(result, name)),
      { bom: true }
    )
    expect(csv.startsWith(`\ufeff${LONG_HEADER}\r\n`)).toBe(true)
    const [header, ...rows] = readCsv(csv.slice(1))
    expect(header).toEqual(['source', 'organization', 'year', 'edition', 'table', 'path', 'row', 'column', 'value', 'status', 'codes'])
    expect(rows).toHaveLength(seeds.reduce((sum, { report }) => sum + cellPaths(report.edition).length, 0))
    for (const { name, report } of seeds) {
      const mine = new Map(rows.filter((row) => row[0] === name).map((row) => [row[5], row]))
      expect(mine.size).toBe(cellPaths(report.edition).length)
      for (const path of cellPaths(report.edition)) {
        const value = getCell(report, path)
        const row = mine.get(path) as string[]
        expect(row.slice(1, 4), `${name} ${path}`).toEqual([report.organization ?? '', String(report.year ?? ''), report.edition])
        expect(row[8], `${name} ${path}`).toBe(value === null ? '' : String(value))
      }
    }
    const granted = rows.find((row) => row[0] === 'seed-004' && row[5] === 'applications.commercial.results.denied.stateSecret')
    expect(granted?.slice(4)).toEqual([
      '三',
      'applications.commercial.results.denied.stateSecret',
      '三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密',
      '申请人情况 / 法人或其他组织 / 商业企业',
      '0',
      'inferred',
      'row_length_mismatch value_inferred'
    ])
  })

  it('gives the same rows, statuses and codes as the command’s long CSV, for every corpus case', () => {
    for (const { name, result } of corpusResults()) {
      expect(toCsv(toRows(result, name)), name).toBe(
        `${LONG_HEADER}\r\n${renderParts([{ source: name, result }], { to: 'csv', shape: 'long', header: 'path' })}`
      )
      expect(toCsv(result), name).toBe(toCsv(toRows(result)))
    }
  })

  it('says nothing of a cell’s status for rows made from a report alone, whose diagnostics it does not know', () => {
    const [seed] = corpusResults('seed-004')
    const rows = toRows(seed?.report as Report, 'seed-004')
    expect(rows.every((row) => row.status === undefined && row.codes === undefined)).toBe(true)
    const [, first] = readCsv(toCsv(rows))
    expect(first?.slice(9)).toEqual(['', ''])
    expect(toRows(seed?.result as ParseResult).filter((row) => row.status === 'inferred')).toHaveLength(147)
  })

  it('labels table 二 by its block header and table 四 by its grouped header', () => {
    const [full] = corpusResults('text-2021-full')
    const rows = toRows(full?.result as ParseResult)
    expect(rows.find((row) => row.path === 'activeDisclosure.fees.amount')).toEqual({
      organization: full?.report.organization,
      year: full?.report.year,
      edition: '2021',
      table: '二',
      path: 'activeDisclosure.fees.amount',
      row: '行政事业性收费',
      column: '本年收费金额（单位：万元）',
      value: 4166.241619,
      status: 'printed',
      codes: []
    })
    expect(rows.find((row) => row.path === 'reviewAndLitigation.litigationDirect.corrected')?.column).toBe(
      '行政诉讼 / 未经复议直接起诉 / 结果纠正'
    )
    expect(rows).toHaveLength(200)
    expect(toCsv(full?.report as Report).split('\r\n')[0]).toBe(LONG_HEADER)
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
