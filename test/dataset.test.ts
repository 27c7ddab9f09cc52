/**
 * Many reports as one dataset (issue 25): the real 平潭综合实验区 reports 2019–2025 as parsed and as
 * read by hand (their truth.json), and generated series with faults planted at random.
 */
import { it as prop } from '@fast-check/vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  buildDataset,
  cellPaths,
  CROSS_YEAR_CHECKS,
  DatasetBuilder,
  getCell,
  INDICATOR_NAMES,
  INDICATORS,
  parseReport,
  type DatasetEntry,
  type ParseResult,
  type Report
} from '../src/index.js'
import { datasetSeries } from './dataset-damage.js'
import { CORPUS, corpusInput } from './helpers.js'

const CRAWLS = [
  '002-pingtan-2019',
  '003-pingtan-2020',
  '004-pingtan-2021',
  '005-pingtan-2022',
  '006-pingtan-2023',
  '007-pingtan-2024',
  '008-pingtan-2025'
]
const BODY = '平潭综合实验区'
const read = (name: string, file: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS, `real-${name}`, file)))
const truthOf = (name: string): Report => JSON.parse(readFileSync(join(CORPUS, `real-${name}`, 'truth.json'), 'utf8')) as Report

describe('the real 平潭综合实验区 reports, 2019–2025', () => {
  const crawls: DatasetEntry[] = CRAWLS.map((name) => ({ source: `real-${name}/input.txt`, result: parseReport(read(name, 'input.txt')) }))
  // The 2025 page prints no title: its body and year are given, as a mapping would.
  const page: DatasetEntry = {
    source: 'real-009-pingtan-2025/input.html',
    result: parseReport(read('009-pingtan-2025', 'input.html')),
    organization: BODY,
    year: 2025
  }
  const dataset = buildDataset([...crawls, page])

  it('is one body of seven years, 2025 merged from the crawl and the page with no conflict, no carry-over finding', () => {
    expect(dataset.unidentified).toEqual([])
    expect(dataset.bodies.map(({ body }) => body)).toEqual([BODY])
    const years = dataset.bodies[0]?.years ?? []
    expect(years.map(({ year, sources }) => [year, sources.length])).toEqual([
      [2019, 1],
      [2020, 1],
      [2021, 1],
      [2022, 1],
      [2023, 1],
      [2024, 1],
      [2025, 2]
    ])
    // The page leaves no cell blank, so it is the primary source.
    expect(years[6]?.sources.map(({ source }) => source)).toEqual([page.source, crawls[6]?.source])
    expect(dataset.diagnostics.filter(({ code }) => code === 'conflicting_reports' || code === 'carry_over_mismatch')).toEqual([])
    // The crawl's table 二 runs 行政规范性文件5845546 … stay null; read from the page, the merged report has them.
    const crawl = crawls[6]?.result.report as Report
    const merged = years[6]?.report as Report
    const truth = truthOf('008-pingtan-2025')
    const filled = cellPaths('2021').filter((path) => getCell(crawl, path) === null)
    expect(filled).toEqual([
      'activeDisclosure.normativeDocuments.issued',
      'activeDisclosure.normativeDocuments.repealed',
      'activeDisclosure.normativeDocuments.inForce'
    ])
    for (const path of cellPaths('2021')) expect(getCell(merged, path), path).toBe(getCell(truth, path))
    expect(merged.organization).toBe(BODY)
    expect(merged.year).toBe(2025)
  })

  it('finds nothing else in the parsed reports: the crawls’ stocks are null where their runs were ambiguous', () => {
    expect(dataset.diagnostics).toEqual([])
  })

  it('as read by hand: stock_mismatch for 行政规范性文件 in 2023, 2024, 2025 (470, 440, 546 printed; 643, 499, 453 implied), nothing else', () => {
    const entries = CRAWLS.map((name) => {
      const report: Report = { ...truthOf(name), organization: BODY, year: Number(name.slice(-4)) }
      const result: ParseResult = { report, diagnostics: [], format: 'json', ok: true }
      return { source: name, result }
    })
    const { diagnostics } = buildDataset(entries)
    expect(
      diagnostics.map(({ code, severity, rule, years, path, expected, actual, body, sources }) => ({
        code,
        severity,
        rule,
        years,
        path,
        expected,
        actual,
        body,
        sources: sources.map(({ source, year }) => [source, year])
      }))
    ).toEqual(
      [
        [2023, 643, 470],
        [2024, 499, 440],
        [2025, 453, 546]
      ].map(([year, expected, actual]) => ({
        code: 'stock_mismatch',
        severity: 'info',
        rule: 'H-2',
        years: [(year as number) - 1, year],
        path: 'activeDisclosure.normativeDocuments.inForce',
        expected,
        actual,
        body: BODY,
        sources: [
          [CRAWLS[(year as number) - 2020], (year as number) - 1],
          [CRAWLS[(year as number) - 2019], year]
        ]
      }))
    )
    // H-3 holds from 2019 to 2020 (396, 10, 2648, 126, 35 carried into 上一年项目数量), and H-1 in all six pairs.
    expect(CROSS_YEAR_CHECKS.filter(({ rule }) => rule === 'H-3')).toHaveLength(5)
    expect(CROSS_YEAR_CHECKS.filter(({ rule }) => rule === 'H-1')).toHaveLength(7)
  })

  it('works out the indicators of 2025 from the merged cells, each as its formula says', () => {
    const year = dataset.bodies[0]?.years[6]
    const truth = truthOf('008-pingtan-2025')
    const t = truth.applications.total
    expect(year?.indicators.received).toBe(t.newReceived)
    expect(year?.indicators.handled).toBe(t.results.total)
    expect(year?.indicators.grantedRate).toBe((t.results.granted as number) / (t.results.total as number))
    const denied = Object.values(t.results.denied).reduce((sum: number, value) => sum + (value as number), 0)
    expect(year?.indicators.deniedRate).toBe(denied / (t.results.total as number))
    const previous = truthOf('007-pingtan-2024').applications.total.newReceived as number
    expect(year?.indicators.receivedChange).toBe(((t.newReceived as number) - previous) / previous)
    const review = truth.reviewAndLitigation.review
    expect(year?.indicators.reviewCorrectionRate).toBe(
      (review.corrected as number) / ((review.upheld as number) + (review.corrected as number) + (review.other as number))
    )
    expect(Object.keys(year?.indicators ?? {})).toEqual([...INDICATOR_NAMES])
    expect(INDICATORS.map(({ name }) => name)).toEqual([...INDICATOR_NAMES])
  })

  it('lists a source with no report, or no body or year, and never guesses it into a group', () => {
    const builder = new DatasetBuilder({ locale: 'zh' })
    builder.add(parseReport(read('010-pingtan-2018', 'input.txt')), '2018.txt')
    builder.add(page.result, 'page.html')
    builder.add(page.result, 'page-year.html', { year: 2025 })
    builder.add(page.result, 'page-both.html', { organization: BODY, year: 2025 })
    const { bodies, unidentified } = builder.build()
    expect(unidentified.map(({ source, reason }) => [source, reason])).toEqual([
      ['2018.txt', 'noReport'],
      ['page.html', 'organization'],
      ['page-year.html', 'organization']
    ])
    expect(bodies.map(({ body, years }) => [body, years.map(({ year }) => year)])).toEqual([[BODY, [2025]]])
  })
})

describe('a body whose reports print their year in Chinese numerals or in Arabic digits', () => {
  // 二〇二三年 in its title and period (the golden case); the same body's next report, 2024年.
  const chinese = corpusInput('text-2023-chinese-year')
  const arabic = chinese
    .replace('某某县自然资源局二〇二三年度', '某某县自然资源局2024年度')
    .replace('自二〇二三年一月一日起至二〇二三年十二月三十一日止', '自2024年1月1日起至2024年12月31日止')
    .replace('二〇二三年，我局', '2024年，我局')
    .replace('行政规范性文件\t3\t1\t12', '行政规范性文件\t3\t1\t14')

  it('are that body’s two years, checked across them', () => {
    const dataset = buildDataset([
      { source: '2024.txt', result: parseReport(arabic) },
      { source: '2023.txt', result: parseReport(chinese) }
    ])
    expect(dataset.unidentified).toEqual([])
    expect(
      dataset.bodies.map(({ body, years }) => [body, years.map(({ year, sources }) => [year, sources.map(({ source }) => source)])])
    ).toEqual([
      [
        '某某县自然资源局',
        [
          [2023, ['2023.txt']],
          [2024, ['2024.txt']]
        ]
      ]
    ])
    // This year's 二 is last year's 四, and the stock of 行政规范性文件 carries on (12 + 3 − 1 = 14): nothing to report.
    expect(dataset.diagnostics).toEqual([])
  })
})

describe('generated series with faults planted at random', () => {
  prop.prop([datasetSeries], { seed: 20261207, numRuns: 150 })(
    'exactly the planted faults are named, each with its body, year, path and sources; a name written otherwise is the same body',
    ({ sources, planted, bodies }) => {
      const dataset = buildDataset(sources)
      expect(dataset.unidentified).toEqual([])
      expect(dataset.bodies.map(({ body }) => body)).toEqual([...bodies].sort())
      const found = dataset.diagnostics.map(({ code, body, year, path, sources: from }) => ({
        code,
        body,
        year,
        ...(path === undefined ? {} : { path }),
        sources: from.map(({ source }) => source).sort()
      }))
      const want = planted.map(({ sources: from, ...rest }) => ({ ...rest, sources: [...from].sort() }))
      const key = (finding: { code: string; body: string; year: number }): string => JSON.stringify(finding)
      expect(found.map(key).sort()).toEqual(want.map(key).sort())
    },
    120_000
  )
})
