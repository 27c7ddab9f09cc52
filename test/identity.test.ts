/**
 * Who and which year (issue 23): the organisation and the year as evidence, never a guess. From the
 * title (broken over lines, letter-spaced, behind a crawler's key), else a crawler's header, else
 * the page's `<title>`, else (the year) the statistics period; a publication date never; `null`
 * with a diagnostic naming the field where nothing names them; the caller's values first.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { formatReport, parseReport, parseReports, type ParseResult } from '../src/index.js'
import { compactTitle, readPeriod, readTitle, titleOfPage } from '../src/core/identity.js'
import { validReport } from './arbitraries.js'
import { IDENTITY_CODES } from './helpers.js'
import { identityCase } from './identity-damage.js'

const SEED = 20261122
const TIMEOUT = 120_000

/** A report's tables, as text, with no title: what each test puts its own head above. */
const [sample] = fc.sample(validReport('2021'), { seed: SEED, numRuns: 1 })
if (sample === undefined) throw new Error('no sample')
const body = formatReport(
  { ...sample, title: null, organization: null, year: null, identity: { organization: null, year: null } },
  { format: 'text' }
)

/** The codes of who and which year a parse gave. */
const identityCodes = (result: ParseResult): string[] =>
  result.diagnostics
    .filter((diagnostic) => IDENTITY_CODES.includes(diagnostic.code))
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)

describe('a title', () => {
  it.each([
    ['某某县发展和改革局2024年政府信息公开工作年度报告', '某某县发展和改革局', 2024],
    ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
    ['2024年某某县人民政府信息公开工作年度报告', '某某县人民政府', 2024],
    ['关于某某区教育局2022年度政府信息公开工作年度报告', '某某区教育局', 2022],
    ['某某县人民政府关于2021年政务公开工作年度报告', '某某县人民政府', 2021],
    ['《某某镇人民政府2020年政府信息公开工作年度报告》', '某某镇人民政府', 2020],
    ['某某市第二人民医院2023年政府信息公开工作年度报告', '某某市第二人民医院', 2023],
    ['某某县老年大学2023年政府信息公开工作年度报告', '某某县老年大学', 2023],
    ['某某县(区)人民政府2023年政府信息公开工作年度报告', '某某县(区)人民政府', 2023],
    ['某某县人民政府政府信息公开工作年度报告', '某某县人民政府', null],
    ['2024年政府信息公开工作年度报告', null, 2024],
    ['政务公开某某县人民政府2024年政府信息公开工作年度报告', null, 2024],
    ['某某县人民政府2018年政府信息公开工作年度报告', '某某县人民政府', null]
  ])('%s: %s, %s', (title, organization, year) => {
    const reading = readTitle(title)
    expect([reading.organization, reading.year]).toEqual([organization, year])
  })

  it('names a year outside 2019 to next year as outside, not as the year', () => {
    expect(readTitle('某某县人民政府2018年政府信息公开工作年度报告')).toMatchObject({ year: null, outside: 2018 })
    // Four digits inside a longer number are no year (`12024年` is not 2024).
    expect(readTitle('某某县人民政府12024年政府信息公开工作年度报告').year).toBeNull()
    expect(readTitle(compactTitle('某某县人民政府２０２４年政府信息公开工作年度报告')).year).toBe(2024)
    expect(readTitle(`某某县人民政府${new Date().getFullYear() + 2}年政府信息公开工作年度报告`).year).toBeNull()
    expect(readTitle(`某某县人民政府${new Date().getFullYear() + 1}年政府信息公开工作年度报告`).year).toBe(new Date().getFullYear() + 1)
  })

  it('reads a title broken after 政府信息公开工作, as PDF conversions break it (the issue’s case)', () => {
    const result = parseReport(`2024 年某某委政府信息公开工作\n年度报告\n\n${body}`)
    expect([result.report?.organization, result.report?.year]).toEqual(['某某委', 2024])
    expect(result.report?.title).toBe('2024年某某委政府信息公开工作年度报告')
    expect(result.report?.identity.organization).toEqual({
      from: 'title',
      text: '2024年某某委政府信息公开工作年度报告',
      position: { line: 1, column: 1, offset: 0 }
    })
    expect(identityCodes(result)).toEqual([])
  })

  it('takes a crawler’s key off the title and the organisation (the issue’s case)', () => {
    for (const key of ['标题：', '标题: ', 'title:', 'Title：']) {
      const result = parseReport(`${key}某某县发展和改革局2023年政府信息公开工作年度报告\n发布时间：2024-01-18\n\n${body}`)
      expect([result.report?.title, result.report?.organization, result.report?.year], key).toEqual([
        '某某县发展和改革局2023年政府信息公开工作年度报告',
        '某某县发展和改革局',
        2023
      ])
    }
  })

  it('compacts a letter-spaced title, full-width digits folded', () => {
    const result = parseReport(`某 某 县 人 民 政 府\n２ ０ ２ ４ 年 政 府 信 息 公 开 工 作 年 度 报 告\n\n${body}`)
    expect([result.report?.organization, result.report?.year]).toEqual(['某某县人民政府', 2024])
  })

  it('does not join a column’s name or a letterhead above a whole title, nor a date', () => {
    for (const above of ['政务公开', '政府信息公开年报', '某某县人民政府', '2025年1月20日', '首页 > 政务公开']) {
      const result = parseReport(`${above}\n某某县人民政府2024年政府信息公开工作年度报告\n\n${body}`)
      expect([result.report?.organization, result.report?.year], above).toEqual(['某某县人民政府', 2024])
    }
  })
})

describe('a year in Chinese numerals', () => {
  it.each([
    ['某某县人民政府二〇二四年度政府信息公开工作年度报告', '某某县人民政府', 2024],
    ['某某县人民政府二○二三年政府信息公开工作年度报告', '某某县人民政府', 2023],
    ['某某县发展和改革局二零二二年政府信息公开工作年度报告', '某某县发展和改革局', 2022],
    ['二〇一九年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
    ['二〇二四年某某县人民政府信息公开工作年度报告', '某某县人民政府', 2024],
    ['某某市第二人民医院二〇二一年政务公开工作年度报告', '某某市第二人民医院', 2021],
    ['二〇二〇年政府信息公开工作年度报告', null, 2020]
  ])('%s: %s, %s', (title, organization, year) => {
    const reading = readTitle(title)
    expect([reading.organization, reading.year]).toEqual([organization, year])
  })

  it.each([
    '某某县人民政府二〇二年政府信息公开工作年度报告',
    '某某县人民政府十年政府信息公开工作年度报告',
    '某某县人民政府二十四年政府信息公开工作年度报告',
    '某某县人民政府一九年政府信息公开工作年度报告',
    '某某县人民政府二四年政府信息公开工作年度报告',
    '某某县人民政府二〇二四五年政府信息公开工作年度报告',
    '某某县人民政府一二〇二四年政府信息公开工作年度报告',
    '某某县人民政府二〇2四年政府信息公开工作年度报告',
    '某某县人民政府三〇二四年政府信息公开工作年度报告'
  ])('%s: no year, and no organisation with a year’s remnant in it', (title) => {
    const reading = readTitle(title)
    expect(reading.year).toBeNull()
    expect(reading.outside).toBeUndefined()
    expect(reading.organization ?? '').not.toMatch(/年/u)
  })

  it('names a year outside 2019 to next year as outside', () => {
    expect(readTitle('某某县人民政府二〇一八年政府信息公开工作年度报告')).toMatchObject({ year: null, outside: 2018 })
  })

  it('reads a statistics period with Chinese years, months and days, and none that is no date', () => {
    expect(readPeriod('本报告中所列数据的统计期限自二〇二四年一月一日起至二〇二四年十二月三十一日止。')).toMatchObject({
      year: 2024,
      text: '统计期限自二〇二四年一月一日起至二〇二四年十二月三十一日止'
    })
    expect(readPeriod('本报告所列数据统计期限为二○二三年1月1日至12月31日。')?.year).toBe(2023)
    expect(readPeriod('统计期限为2022年一月一日至十二月三十一日。')?.year).toBe(2022)
    expect(readPeriod('统计期限为二零二一年一月一日至二零二一年十二月三十一日。')?.year).toBe(2021)
    for (const paragraph of [
      '统计期限为二〇二三年十二月一日至二〇二四年十一月三十日。',
      '统计期限为二〇二四年十三月一日至十二月三十一日。',
      '统计期限为二〇二四年一月三十二日至十二月三十一日。',
      '统计期限为二〇二四年十十月一日至十二月三十一日。',
      '统计期限为二〇二四年十二月三十一日至一月一日。',
      '统计期限为一二〇二四年一月一日至十二月三十一日。',
      '统计期限为二〇二年一月一日至十二月三十一日。'
    ])
      expect(readPeriod(paragraph), paragraph).toBeUndefined()
    expect(readPeriod('统计期限为二〇一八年一月一日至十二月三十一日。')).toMatchObject({ year: null, outside: 2018 })
  })

  it('reads a report whose title and period print it, and never a publication date in Chinese numerals', () => {
    const result = parseReport(
      `某某县人民政府二〇二四年度政府信息公开工作年度报告\n本报告中所列数据的统计期限自二〇二四年一月一日起至二〇二四年十二月三十一日止。\n二〇二五年一月二十日\n\n${body}`
    )
    expect([result.report?.title, result.report?.organization, result.report?.year]).toEqual([
      '某某县人民政府二〇二四年度政府信息公开工作年度报告',
      '某某县人民政府',
      2024
    ])
    expect(result.report?.identity.year).toMatchObject({ from: 'title', text: '某某县人民政府二〇二四年度政府信息公开工作年度报告' })
    expect(identityCodes(result)).toEqual([])
    const dated = parseReport(`二〇二五年一月二十日\n发布日期：二〇二五年二月十日\n\n${body}`)
    expect([dated.report?.organization, dated.report?.year]).toEqual([null, null])
    expect(identityCodes(dated)).toEqual(['organization_unknown organization', 'year_unknown year'])
  })

  it('reads a title broken inside its year or letter-spaced, ○ and all, and does not join a date above it', () => {
    for (const head of [
      '某某县人民政府二○\n二四年政府信息公开工作年度报告',
      '某某县人民政府二〇二\n四年政府信息公开\n工作年度报告',
      '某 某 县 人 民 政 府 二 ○ 二 四 年 政 府 信 息 公 开 工 作 年 度 报 告',
      '二〇二五年一月二十日\n某某县人民政府二〇二四年政府信息公开工作年度报告',
      '标题：某某县人民政府二零二四年政府信息公开工作年度报告'
    ]) {
      const result = parseReport(`${head}\n\n${body}`)
      expect([result.report?.organization, result.report?.year], head).toEqual(['某某县人民政府', 2024])
    }
  })

  it('reads it from a crawler’s header and a page’s <title>', () => {
    const crawled = parseReport(
      `标题: 某某县自然资源局二〇二三年政府信息公开工作年度报告\n发布时间: 2024-01-18 09:30\n栏目: 政府信息公开年报\n==================== 正文 ====================\n\n${body}`
    )
    expect([crawled.report?.organization, crawled.report?.year, crawled.report?.identity.year?.from]).toEqual([
      '某某县自然资源局',
      2023,
      'crawlerHeader'
    ])
    const page = parseReport(
      `<html><head><title>某某县自然资源局二〇二三年政府信息公开工作年度报告_某某县人民政府网</title></head><body>${formatReport({ ...sample, title: null }, { format: 'html' })}</body></html>`
    )
    expect([page.report?.organization, page.report?.year, page.report?.identity.year?.from]).toEqual([
      '某某县自然资源局',
      2023,
      'documentTitle'
    ])
  })

  it('keeps the title’s year where a period or the same title names another, and names both (identity_conflict)', () => {
    const period = parseReport(
      `某某县人民政府二〇二三年政府信息公开工作年度报告\n本报告所列数据统计期限为2024年1月1日至2024年12月31日。\n\n${body}`
    )
    expect(period.report?.year).toBe(2023)
    expect(identityCodes(period)).toEqual(['identity_conflict year'])
    const chinesePeriod = parseReport(
      `某某县人民政府2023年政府信息公开工作年度报告\n统计期限自二〇二四年一月一日起至二〇二四年十二月三十一日止。\n\n${body}`
    )
    expect(chinesePeriod.report?.year).toBe(2023)
    expect(identityCodes(chinesePeriod)).toEqual(['identity_conflict year'])
    const mixed = parseReport(`某某县人民政府二〇二三年度2024年政府信息公开工作年度报告\n\n${body}`)
    expect(mixed.report?.year).toBe(2023)
    const conflict = mixed.diagnostics.find((diagnostic) => diagnostic.code === 'identity_conflict')
    expect(conflict).toMatchObject({ path: 'year', severity: 'warning' })
    expect(conflict?.message).toContain('2023')
    expect(conflict?.message).toContain('2024')
    // The same year twice is no conflict.
    expect(identityCodes(parseReport(`某某县人民政府二〇二四年度（2024年）政府信息公开工作年度报告\n\n${body}`))).toEqual([])
  })
})

describe('a title behind a breadcrumb', () => {
  it('takes the title that names a body over a breadcrumb that holds a title’s words', () => {
    const result = parseReport(
      `当前位置：首页 > 政务公开 > 某某县人民政府2024年政府信息公开工作年度报告\n某某县人民政府2024年政府信息公开工作年度报告\n\n${body}`
    )
    expect([result.report?.title, result.report?.organization, result.report?.year]).toEqual([
      '某某县人民政府2024年政府信息公开工作年度报告',
      '某某县人民政府',
      2024
    ])
    expect(result.report?.identity.organization?.position?.line).toBe(2)
  })
})

describe('other evidence', () => {
  it('reads the year of a statistics period within one year, and none across two', () => {
    expect(readPeriod('本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。')?.year).toBe(2024)
    expect(readPeriod('本报告中所列数据统计期限为２０２３年１月１日至１２月３１日。')).toMatchObject({
      year: 2023,
      text: '统计期限为２０２３年１月１日至１２月３１日'
    })
    expect(readPeriod('本年度报告中所列数据统计期限从2019年1月1日到12月31日止。')?.year).toBe(2019)
    expect(readPeriod('统计时限为2023年12月1日至2024年11月30日。')).toBeUndefined()
    expect(readPeriod('统计期限为2024年12月31日至2024年1月1日。')).toBeUndefined()
    expect(readPeriod('2024年，我局共受理申请12件。')).toBeUndefined()
    expect(readPeriod('统计期限为2018年1月1日至2018年12月31日。')).toMatchObject({ year: null, outside: 2018 })
  })

  it('takes the site’s name off a page’s <title>, and reads none from a title that is only the site’s', () => {
    expect(titleOfPage('某某县自然资源局2024年政府信息公开工作年度报告_某某县人民政府网')).toBe(
      '某某县自然资源局2024年政府信息公开工作年度报告'
    )
    expect(titleOfPage('某某市人民政府 | 2023年某某市教育局政府信息公开工作年度报告')).toBe('2023年某某市教育局政府信息公开工作年度报告')
    expect(titleOfPage('信息公开_某某市人民政府门户网站')).toBeNull()
  })

  it('reads who and which year from a page’s <title> only where the body has no title, never as a paragraph', () => {
    const page = (title: string, h1 = ''): string =>
      `<html><head><title>${title}</title></head><body>${h1}${formatReport({ ...sample, title: null }, { format: 'html' })}</body></html>`
    const result = parseReport(page('某某县自然资源局2024年政府信息公开工作年度报告_某某县人民政府网'))
    expect([result.report?.title, result.report?.organization, result.report?.year]).toEqual([null, '某某县自然资源局', 2024])
    expect(result.report?.identity.year?.from).toBe('documentTitle')
    expect(result.report?.identity.organization?.position).toEqual({ line: 1, column: 20, offset: 19 })
    const both = parseReport(
      page('某某县自然资源局2024年政府信息公开工作年度报告_某某县人民政府网', '<h1>某某县自然资源局2024年政府信息公开工作年度报告</h1>')
    )
    expect(both.report?.identity.organization?.from).toBe('title')
    expect(identityCodes(both)).toEqual([])
    // An SVG's <title> names an image, not the page.
    const icon = parseReport(
      `<html><body><svg><title>某某县2023年政府信息公开工作年度报告</title></svg>${formatReport({ ...sample, title: null }, { format: 'html' })}</body></html>`
    )
    expect(icon.report?.organization).toBeNull()
  })

  it('reads the year from the statistics period where nothing else names it, and never from a publication date', () => {
    const result = parseReport(`发布时间：2025-01-20\n本报告所列数据统计期限为2024年1月1日至2024年12月31日。\n2025年1月20日\n\n${body}`)
    expect([result.report?.organization, result.report?.year]).toEqual([null, 2024])
    expect(result.report?.identity.year).toEqual({
      from: 'period',
      text: '统计期限为2024年1月1日至2024年12月31日',
      position: { line: 2, column: 1, offset: 16 }
    })
    expect(identityCodes(result)).toEqual(['organization_unknown organization'])
    const dated = parseReport(`发布时间：2025-01-20\n2025年1月20日\n\n${body}`)
    expect([dated.report?.organization, dated.report?.year]).toEqual([null, null])
    expect(identityCodes(dated)).toEqual(['organization_unknown organization', 'year_unknown year'])
  })

  it('keeps the title’s year where the statistics period says another, and names both (identity_conflict)', () => {
    const result = parseReport(
      `某某县人民政府2023年政府信息公开工作年度报告\n本报告所列数据统计期限为2024年1月1日至2024年12月31日。\n\n${body}`
    )
    expect(result.report?.year).toBe(2023)
    const conflict = result.diagnostics.find((diagnostic) => diagnostic.code === 'identity_conflict')
    expect(conflict).toMatchObject({ severity: 'warning', path: 'year', position: { line: 2 } })
    expect(conflict?.message).toContain('2023')
    expect(conflict?.message).toContain('2024')
    expect(conflict?.message).toContain('statistics period')
  })

  it('says why a year is not read when the only one printed is outside the formats’ years', () => {
    const result = parseReport(`某某县人民政府2018年政府信息公开工作年度报告\n\n${body}`)
    expect(result.report?.year).toBeNull()
    const unknown = result.diagnostics.find((diagnostic) => diagnostic.code === 'year_unknown')
    expect(unknown?.message).toContain('2018')
    expect(parseReport(`某某县人民政府2018年政府信息公开工作年度报告\n\n${body}`, { locale: 'zh' }).diagnostics.at(-1)?.message).toContain(
      '2018'
    )
  })

  it('gives no identity diagnostic for an input that holds no report', () => {
    expect(parseReport('某某县人民政府政府信息公开工作年度报告').diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_a_report'])
  })
})

describe('the caller’s values', () => {
  it('win over every reading, from: caller, and no *_unknown for them', () => {
    const result = parseReport(`2024年政府信息公开工作年度报告\n\n${body}`, { organization: '某某县发展和改革局', year: 2023 })
    expect([result.report?.organization, result.report?.year]).toEqual(['某某县发展和改革局', 2023])
    expect(result.report?.identity).toEqual({
      organization: { from: 'caller', text: '某某县发展和改革局' },
      year: { from: 'caller', text: '2023' }
    })
    expect(identityCodes(result)).toEqual([])
    const some = parseReport(body, { organization: '某某县发展和改革局' })
    expect(identityCodes(some)).toEqual(['year_unknown year'])
    expect(identityCodes(parseReport(body, { organization: null, year: null }))).toEqual([
      'organization_unknown organization',
      'year_unknown year'
    ])
  })

  it('are checked: a TypeError for a year outside 2019 to next year or a blank organisation', () => {
    for (const year of [2018, new Date().getFullYear() + 2, 2024.5, Number.NaN]) {
      expect(() => parseReport(body, { year }), String(year)).toThrow(TypeError)
    }
    expect(() => parseReport(body, { year: '2024' as unknown as number })).toThrow(TypeError)
    expect(() => parseReport(body, { organization: '  ' })).toThrow(TypeError)
    expect(() => parseReports(body, { organization: 42 as unknown as string })).toThrow(TypeError)
  })

  it('apply to every report of an input that holds several', () => {
    const results = parseReports(`${body}\n\n${body}`, { organization: '某某县人民政府', year: 2024 })
    expect(results).toHaveLength(2)
    for (const result of results) expect([result.report?.organization, result.report?.year]).toEqual(['某某县人民政府', 2024])
  })
})

describe('JSON', () => {
  it('reads back who and which year with their evidence, positions and all', () => {
    for (const input of [
      `发布时间：2025-01-20\n本报告所列数据统计期限为2024年1月1日至2024年12月31日。\n\n${body}`,
      `某某县人民政府\n2024年政府信息公开工作年度报告\n\n${body}`
    ]) {
      const first = parseReport(input).report
      const again = parseReport(formatReport(first!, { format: 'json' }))
      expect(again.format).toBe('json')
      expect([again.report?.organization, again.report?.year, again.report?.identity]).toEqual([
        first?.organization,
        first?.year,
        first?.identity
      ])
    }
    const given = parseReport(body, { organization: '某某县人民政府', year: 2022 }).report
    expect(parseReport(formatReport(given!, { format: 'json' })).report?.identity.year).toEqual({ from: 'caller', text: '2022' })
  })

  it('reads an identity whose value and evidence disagree as not recorded: from the title again', () => {
    const report = parseReport(`某某县人民政府2024年政府信息公开工作年度报告\n\n${body}`).report!
    const json = JSON.parse(formatReport(report, { format: 'json' })) as Record<string, unknown>
    for (const identity of [{ organization: 'x', year: null }, { organization: { from: 'nowhere', text: '' }, year: { text: 1 } }, []]) {
      const again = parseReport(JSON.stringify({ ...json, organization: 42, year: 1999, identity }))
      expect([again.report?.organization, again.report?.year, again.report?.identity.year?.from]).toEqual(['某某县人民政府', 2024, 'title'])
    }
  })
})

describe('a title damaged as converters and crawlers damage it', () => {
  prop.prop([identityCase], { seed: SEED, numRuns: 300 })(
    'organisation and year exact, or null with a diagnostic naming the field; never another value',
    ({ text, layout, damage, organization, year, numerals }) => {
      const result = parseReport(text)
      expect(result.format).toBe(layout)
      const report = result.report
      expect(report).not.toBeNull()
      const codes = identityCodes(result)
      // Exact where the input names them (a title however damaged, a crawler's header, a <title>, a period).
      expect(report?.organization, `${damage} ${numerals}`).toBe(organization)
      expect(report?.year, `${damage} ${numerals}`).toBe(year)
      expect(codes.includes('organization_unknown organization')).toBe(organization === null)
      expect(codes.includes('year_unknown year')).toBe(year === null)
      expect(codes.filter((code) => code.startsWith('identity_conflict'))).toEqual([])
      // What they were read from.
      const from = {
        broken: 'title',
        letterSpaced: 'title',
        crawlerKey: 'title',
        crawlerHeader: 'crawlerHeader',
        documentTitleOnly: 'documentTitle'
      }
      if (organization !== null) expect(report?.identity.organization?.from).toBe(from[damage as keyof typeof from] ?? '')
      if (year !== null && organization === null) expect(report?.identity.year?.from).toBe('period')
    },
    TIMEOUT
  )
})
