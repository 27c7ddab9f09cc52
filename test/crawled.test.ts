/**
 * Crawled text (issue 13): reports whose body a crawler flattened onto one line, cells glued. The
 * seven real crawls of corpus/real-002 … real-008 against their truth.json (the tables as the
 * page's HTML prints them, read by hand), and generated reports flattened with random glue: every
 * cell exact, or null with a diagnostic naming it (its path, its row, or its table), never wrong.
 */
import { it as prop } from '@fast-check/vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cellPaths, getCell, parseReport, toCsv, toRows, type ParseResult, type Report } from '../src/index.js'
import { scoreCells as score } from './helpers.js'
import { flattenedReport } from './flat-damage.js'

const SEED = 20261122
const TIMEOUT = 120_000
const CORPUS = join(import.meta.dirname, '..', 'corpus')
/** The crawls: the real reports of corpus/ kept as text, with the truth of their tables (the PDFs have one too). */
const CRAWLS = readdirSync(CORPUS)
  .filter((name) => name.startsWith('real-') && existsSync(join(CORPUS, name, 'input.txt')) && existsSync(join(CORPUS, name, 'truth.json')))
  .sort()
  .map((name) => name.slice('real-'.length))
const dir = (name: string): string => join(CORPUS, `real-${name}`)

describe('the seven real crawls, no format hint', () => {
  const results = CRAWLS.map((name) => {
    const truth = JSON.parse(readFileSync(join(dir(name), 'truth.json'), 'utf8')) as Report
    return { name, truth, result: parseReport(readFileSync(join(dir(name), 'input.txt'), 'utf8')) }
  })

  it('at least 95 % of all cells exact, every other cell null with a diagnostic naming it, none wrong', () => {
    expect(CRAWLS).toHaveLength(7)
    let exact = 0
    let all = 0
    for (const { name, truth, result } of results) {
      expect(result.format, name).toBe('text')
      const tally = score(result, truth)
      expect(tally.wrong, name).toEqual([])
      expect(tally.unnamed, name).toEqual([])
      exact += tally.exact
      all += cellPaths(truth.edition).length
    }
    expect(all).toBe(1396)
    expect(exact / all).toBeGreaterThanOrEqual(0.95)
    // 1345 from the tables alone; 2022's 行政规范性文件 row settled by its two sentences (issue 27).
    expect(exact).toBeGreaterThanOrEqual(1348)
  })

  it('organisation and year from the 标题: line, the title without its key', () => {
    for (const { name, result } of results) {
      const year = Number(name.slice(-4))
      expect(result.report?.organization, name).toBe('平潭综合实验区')
      expect(result.report?.year, name).toBe(year)
      expect(result.report?.title, name).toBe(`平潭综合实验区${year}年度政府信息公开工作年度报告`)
      // The body prints no title of its own (its first line runs on into the preamble): the header is the evidence.
      expect(result.report?.identity.organization, name).toMatchObject({ from: 'crawlerHeader', position: { line: 1 } })
      expect(result.report?.identity.year?.from, name).toBe('crawlerHeader')
    }
  })

  it('no crawler header line or site chrome reaches the sections or the extras', () => {
    for (const { name, result } of results) {
      const kept = JSON.stringify([result.report?.sections, result.report?.extras])
      for (const chrome of ['标题:', '发布时间:', '发布机构:', '原文链接:', '本地目录:', '栏目:', '正文 ====', '附件下载', '当前位置']) {
        expect(kept, `${name} ${chrome}`).not.toContain(chrome)
      }
    }
  })

  it('2020 reports its own printed I-3 break as sum_mismatch, the rows split by their own rules saying so', () => {
    const result = results[1]?.result as ParseResult
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'sum_mismatch')).toMatchObject([
      { rule: 'I-3', path: 'applications.naturalPerson.results.total', expected: 26, actual: 20 },
      { rule: 'I-3', path: 'applications.total.results.total', expected: 27, actual: 21 }
    ])
    const splits = result.diagnostics.filter(
      (diagnostic) => diagnostic.code === 'values_split' && diagnostic.path?.startsWith('applications.*.')
    )
    expect(splits.length).toBeGreaterThan(0)
    for (const split of splits) expect(split.message).toContain('rests on the row alone')
  })

  it('without repair, a run its own row leaves with several splits stays null, named', () => {
    const text = readFileSync(join(dir('006-pingtan-2023'), 'input.txt'), 'utf8')
    const result = parseReport(text, { repair: false })
    expect(getCell(result.report as Report, 'applications.naturalPerson.results.granted')).toBeNull()
    const named = result.diagnostics.find(
      (diagnostic) => diagnostic.code === 'ambiguous_value' && diagnostic.message.includes('“220000022”')
    )
    expect(named?.message).toContain('2 splits')
    for (const path of cellPaths('2021')) {
      const value = getCell(result.report as Report, path)
      if (value !== null) expect(value, path).toBe(getCell(results[4]?.truth as Report, path))
    }
  })

  it('a glued money amount under a header unit that is not of the format is null with unknown_unit; one in 元 is converted, with unit_converted', () => {
    const crawl = readFileSync(join(dir('003-pingtan-2020'), 'input.txt'), 'utf8')
    const row = '采购总金额政府集中采购39573802895.90元'
    expect(crawl).toContain(row)
    const dollars = parseReport(crawl.replace(row, '采购总金额（单位：美元）政府集中采购395 73802895.90'))
    expect(getCell(dollars.report as Report, 'activeDisclosure.procurement.amount')).toBeNull()
    expect(dollars.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'unknown_unit', path: 'activeDisclosure.procurement.amount' })
    )
    const yuan = parseReport(crawl.replace(row, '采购总金额（单位：元）政府集中采购395 73802895.90'))
    expect(getCell(yuan.report as Report, 'activeDisclosure.procurement.amount')).toBe(7380.28959)
    expect(yuan.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'unit_converted', path: 'activeDisclosure.procurement.amount', expected: 7380.28959 })
    )
  })

  it('a note of table 二 in a crawl puts a glued amount in its unit, or refuses it against the header', () => {
    const crawl = readFileSync(join(dir('007-pingtan-2024'), 'input.txt'), 'utf8')
    const note = (from: string, to: string): ParseResult => {
      expect(crawl).toContain(from)
      return parseReport(crawl.replace(from, to))
    }
    const bare = note('本年收费金额（单位：万元）行政事业性收费18651.06三、', '本年收费金额行政事业性收费18651.06注：金额单位为元三、')
    expect(getCell(bare.report as Report, 'activeDisclosure.fees.amount')).toBe(1.865106)
    expect(bare.diagnostics).toContainEqual(expect.objectContaining({ code: 'unit_converted', path: 'activeDisclosure.fees.amount' }))
    const twoUnits = note('行政事业性收费18651.06三、', '行政事业性收费18651.06注：金额单位为元三、')
    expect(getCell(twoUnits.report as Report, 'activeDisclosure.fees.amount')).toBeNull()
    expect(twoUnits.diagnostics).toContainEqual(expect.objectContaining({ code: 'unknown_unit', path: 'activeDisclosure.fees.amount' }))
  })

  it('no diagnostic about cells names a bare table: a row of 三 is applications.*.<row>, the row of 四 reviewAndLitigation.*', () => {
    const tableWide = new Set(['table_missing', 'columns_reordered', 'column_header_unreadable'])
    for (const { name, result } of results) {
      for (const diagnostic of result.diagnostics) {
        if (tableWide.has(diagnostic.code)) continue
        expect(['activeDisclosure', 'applications', 'reviewAndLitigation'], `${name} ${diagnostic.code}`).not.toContain(diagnostic.path)
      }
    }
  })

  it('no CSV cell cut from a glued run says printed: per table, every printed cell of 三 and 四 is printed apart in the input', () => {
    const statuses: Record<string, Record<string, number>> = {}
    for (const { name, result } of results) {
      const text = readFileSync(join(dir(name), 'input.txt'), 'utf8')
      const rows = toRows(result, name)
      // The long CSV the command writes is the same rows (same status, same codes).
      expect(toCsv(rows)).toBe(toCsv(result).replaceAll('\r\n,', `\r\n${name},`))
      for (const row of rows) {
        const table = (statuses[row.table] ??= {})
        table[row.status as string] = (table[row.status as string] ?? 0) + 1
      }
      // A row of 三 or 四 whose cells say printed: its values stand in the input apart, as printed.
      const printed = new Map<string, number[]>()
      for (const row of rows) {
        if (row.table === '二' || row.status !== 'printed') continue
        const key = row.table === '四' ? '四' : row.path.replace(/^applications\.\w+\./u, '')
        printed.set(key, [...(printed.get(key) ?? []), row.value as number])
      }
      for (const [key, values] of printed) {
        expect(values, `${name} ${key}`).toHaveLength(key === '四' ? 15 : 7)
        expect(text, `${name} ${key}`).toMatch(new RegExp(`(?<![\\d.])${values.join('\\s+')}(?![\\d.])`, 'u'))
      }
    }
    // All of table 三 (1 197 cells) and 四 (105) was printed run together but one row of each, printed apart
    // by spaces: 2020's （六）其他处理 `4 0 0 0 0 0 4` and 2022's table 四 `0 1 1 0 2 1 0 0 0 1 0 0 0 0 0`.
    expect(statuses['三']).toEqual({ split: 1190, printed: 7 })
    expect(statuses['四']).toEqual({ split: 90, printed: 15 })
  })

  it('a run split by the whole table names the run and the split', () => {
    const result = results[4]?.result as ParseResult // 2023: （一）予以公开 220000022 is 22 | 0 … or 2 | 20 … by its row alone
    const split = result.diagnostics.find((diagnostic) => diagnostic.code === 'values_split' && diagnostic.message.includes('“220000022”'))
    expect(split?.message).toContain('22 | 0 | 0 | 0 | 0 | 0 | 22')
    expect(split?.message).toContain('whole table')
  })
})

describe('prose that names the rows is not a flattened table', () => {
  it('a summary line naming six rows of table 三 with figures, in a report whose tables are tab rows, changes no cell', () => {
    const full = readFileSync(join(import.meta.dirname, '..', 'corpus', 'text-2021-full', 'input.txt'), 'utf8')
    const summary =
      '本年新收政府信息公开申请数量105件，其中予以公开33件，部分公开38件，不予公开5件，无法提供50件，不予处理2件，其他处理1件，行政复议3件'
    const heading = '三、收到和处理政府信息公开申请情况'
    const withSummary = full.replace(heading, `${heading}\n${summary}\n`)
    expect(withSummary).not.toBe(full)
    const plain = parseReport(full)
    const result = parseReport(withSummary)
    for (const path of cellPaths('2021')) expect(getCell(result.report as Report, path), path).toBe(getCell(plain.report as Report, path))
  })
})

describe('honest not_a_report', () => {
  it('labels of the tables present but no row read: the message names them, not absent tables', () => {
    const crawl = readFileSync(join(dir('007-pingtan-2024'), 'input.txt'), 'utf8')
    const headless = ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况'].reduce(
      (text, heading) => text.replace(heading, ''),
      crawl
    )
    const result = parseReport(headless)
    expect(result.report).toBeNull()
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]?.code).toBe('not_a_report')
    expect(result.diagnostics[0]?.message).toContain('“申请人情况”')
    expect(result.diagnostics[0]?.message).not.toContain('absent')
  })

  it('a report from before 2019, with headings like the format’s over prose, is still not a report', () => {
    const result = parseReport(readFileSync(join(import.meta.dirname, '..', 'corpus', 'real-010-pingtan-2018', 'input.txt'), 'utf8'))
    expect(result.report).toBeNull()
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_a_report'])
  })
})

describe('generated reports flattened with random glue', () => {
  /** Cells of table 三 exact, and all, over every run: a reader that left everything null would pass the property alone. */
  const table3 = { exact: 0, all: 0 }

  prop.prop([flattenedReport], { seed: SEED, numRuns: 300 })(
    'both editions: every cell exact, or null with a diagnostic naming it; never wrong',
    ({ text, report }) => {
      const result = parseReport(text)
      expect(result.report).not.toBeNull()
      const tally = score(result, report)
      expect(tally.wrong).toEqual([])
      expect(tally.unnamed).toEqual([])
      for (const path of cellPaths(report.edition)) {
        if (!path.startsWith('applications.')) continue
        table3.all++
        if (getCell(result.report as Report, path) === getCell(report, path)) table3.exact++
      }
    },
    TIMEOUT
  )

  it('reads most of table 三 exactly over those runs (its totals decide most splits)', () => {
    expect(table3.all).toBeGreaterThan(0)
    expect(table3.exact / table3.all).toBeGreaterThan(0.8)
  })
})
