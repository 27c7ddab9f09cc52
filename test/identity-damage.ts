/**
 * Who and which year, damaged as converters and crawlers damage them (issue 23), as reusable
 * arbitraries: an organisation's name from realistic parts, and a report whose title is broken over
 * lines at any character, letter-spaced, behind a crawler's key or header, or missing (the year only
 * in the statistics period, or organisation and year only in the page's `<title>` beside the site's
 * name), followed by a publication date of the next year; in some runs every year, month and day is
 * printed in Chinese numerals (`二〇二四年`, `二○二四年`, `二零二四年`; `十二月三十一日`). Each gives the input and what it must
 * read back to: the organisation and the year, or `null` where nothing the input prints names them.
 */
import { fc } from '@fast-check/vitest'
import { formatReport, type Report } from '../src/index.js'
import { validReport } from './arbitraries.js'

/** Places: two to four characters (no two of which spell a word of a title or a page's chrome), then a level. */
const PLACE = fc
  .tuple(
    fc.array(fc.constantFrom(...'东西南北清河山湖阳江临安平宁兴华昌川溪桥林'), { minLength: 2, maxLength: 4 }),
    fc.constantFrom('省', '市', '县', '区', '镇', '乡', '街道', '经济开发区'),
    fc.option(
      fc.tuple(fc.array(fc.constantFrom(...'城关新港龙泉白沙'), { minLength: 2, maxLength: 3 }), fc.constantFrom('区', '县', '镇')),
      {
        nil: undefined
      }
    )
  )
  .map(([name, level, under]) => `${name.join('')}${level}${under === undefined ? '' : `${under[0].join('')}${under[1]}`}`)

/** Bodies, some of them with digits or 年 in their names, some with 人民 or 政府 where a title's words could begin. */
const OFFICES = [
  '人民政府',
  '人民政府办公室',
  '发展和改革局',
  '街道办事处',
  '卫生健康委员会',
  '自然资源局',
  '市场监督管理局',
  '第二人民医院',
  '第1中学',
  '老年大学',
  '老龄工作委员会办公室',
  '青年志愿者协会',
  '公安局交通警察大队',
  '综合行政执法局',
  '住房和城乡建设局',
  '政府',
  '人民代表大会常务委员会办公室'
] as const

/** An issuing body: a place and an office. */
export const organizationName: fc.Arbitrary<string> = fc.tuple(PLACE, fc.constantFrom(...OFFICES)).map(([place, office]) => place + office)

/** A year reported on (the formats' years, and the next). */
export const reportYear: fc.Arbitrary<number> = fc.integer({ min: 2019, max: 2025 })

/** How a title names the body and the year (the year as printed). */
const TITLE_FORMS = [
  (organization: string, year: string) => `${organization}${year}年政府信息公开工作年度报告`,
  (organization: string, year: string) => `${organization}${year}年度政府信息公开工作年度报告`,
  (organization: string, year: string) => `${year}年${organization}政府信息公开工作年度报告`,
  (organization: string, year: string) => `${organization}${year}年政务公开工作年度报告`
] as const

/** How years, months and days are printed: Arabic digits, or Chinese numerals with one of the three zeros. */
export type Numerals = 'arabic' | '〇' | '○' | '零'

/** The Chinese digits one to nine. */
const CHINESE = [...'一二三四五六七八九']

/** A year as printed: `2024`, or `二〇二四` with the given zero. */
export function printYear(year: number, numerals: Numerals): string {
  if (numerals === 'arabic') return String(year)
  return [...String(year)].map((digit) => (digit === '0' ? numerals : CHINESE[Number(digit) - 1])).join('')
}

/** A month or a day as printed: `12`, or `十二` (`十`, `二十`, `三十一`). */
export function printSmall(value: number, numerals: Numerals): string {
  if (numerals === 'arabic') return String(value)
  const tens = Math.floor(value / 10)
  const units = value % 10
  return `${tens === 0 ? '' : `${tens === 1 ? '' : CHINESE[tens - 1]}十`}${units === 0 ? '' : CHINESE[units - 1]}`
}

/** What stands in for the title in the body. */
export type TitleDamage = 'broken' | 'letterSpaced' | 'crawlerKey' | 'crawlerHeader' | 'periodOnly' | 'documentTitleOnly' | 'none'

/** A report's input with its who and which year damaged, and what must be read back. */
export interface IdentityCase {
  /** The input. */
  text: string
  /** `text` or `html`. */
  layout: 'text' | 'html'
  /** How the title was damaged. */
  damage: TitleDamage
  /** The organisation the input names, or `null` where it names none. */
  organization: string | null
  /** The year the input names, or `null` where it names none. */
  year: number | null
  /** The report whose tables the input prints. */
  report: Report
  /** How its years, months and days are printed. */
  numerals: Numerals
}

/** Cut a title into two or three lines at the given character positions. */
function cut(title: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((point) => 1 + (point % (title.length - 1))))].sort((a, b) => a - b)
  const lines: string[] = []
  let from = 0
  for (const point of points) {
    lines.push(title.slice(from, point))
    from = point
  }
  lines.push(title.slice(from))
  return lines
}

/** A publication date of the next year, as pages print it under a title or at its end. */
const publicationDate = (year: number, pick: number, numerals: Numerals): string => {
  const next = printYear(year + 1, numerals)
  const day = (month: number, date: number): string => `${printSmall(month, numerals)}月${printSmall(date, numerals)}日`
  return [`发布时间：${year + 1}-01-20`, `${next}年${day(1, 20)}`, `发布日期：${next}年${day(2, 10)} 09:30`, `（${next}年${day(3, 5)}）`][
    pick % 4
  ] as string
}

/** The statistics period, as reports state it. */
const periodSentence = (year: number, pick: number, numerals: Numerals): string => {
  const printed = printYear(year, numerals)
  const [first, last] = [
    `${printSmall(1, numerals)}月${printSmall(1, numerals)}日`,
    `${printSmall(12, numerals)}月${printSmall(31, numerals)}日`
  ]
  return [
    `本报告所列数据的统计期限自${printed}年${first}起至${printed}年${last}止。`,
    `本报告中所列数据统计期限为${printed}年${first}至${last}。`,
    `本年度报告中所列数据统计期限从${printed}年${first}到${last}止。`
  ][pick % 3] as string
}

/**
 * A report whose title is damaged one way, in the text or the HTML layout, followed by a
 * publication date of the next year; with the statistics period stated or not.
 */
export const identityCase: fc.Arbitrary<IdentityCase> = fc
  .record({
    report: validReport(),
    organization: organizationName,
    year: reportYear,
    form: fc.integer({ min: 0, max: TITLE_FORMS.length - 1 }),
    damage: fc.constantFrom<TitleDamage>(
      'broken',
      'broken',
      'letterSpaced',
      'crawlerKey',
      'crawlerHeader',
      'periodOnly',
      'documentTitleOnly',
      'none'
    ),
    layout: fc.constantFrom<'text' | 'html'>('text', 'html'),
    cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
    spaces: fc.constantFrom(' ', '\u3000', '  '),
    period: fc.boolean(),
    pick: fc.nat(),
    numerals: fc.constantFrom<Numerals>('arabic', 'arabic', '〇', '○', '零')
  })
  .map(({ report, organization, year, form, damage, layout: asked, cuts, spaces, period, pick, numerals }) => {
    // A crawler writes its header over the text it saved, never over a page's HTML.
    const layout = damage === 'crawlerHeader' ? 'text' : asked
    const body = structuredClone(report)
    body.title = null
    body.organization = null
    body.year = null
    body.identity = { organization: null, year: null }
    const title = (TITLE_FORMS[form] as (organization: string, year: string) => string)(organization, printYear(year, numerals))
    const date = publicationDate(year, pick, numerals)
    const siteTitle = `${title}${['_', ' - ', '|', '——'][pick % 4] as string}${organization.slice(0, 3)}人民政府网`
    // The page's <title> names the body only where the damage says so; otherwise the site alone.
    const documentTitle = damage === 'documentTitleOnly' ? siteTitle : '信息公开_某某市人民政府门户网站'
    let head: string[]
    let crawler: string[] = []
    if (damage === 'broken') head = cut(title, cuts)
    else if (damage === 'letterSpaced') head = cut([...title].join(spaces), cuts.slice(0, pick % 2))
    else if (damage === 'crawlerKey') head = cut(`${['标题：', '标题:', 'title: '][pick % 3] as string}${title}`, cuts.slice(0, pick % 2))
    else if (damage === 'crawlerHeader') {
      head = []
      crawler = [
        `标题: ${title}`,
        `发布时间: ${year + 1}-03-10 15:35`,
        '栏目: 政府信息公开年报',
        '==================== 正文 ===================='
      ]
    } else head = []
    const lines = [...head, date, ...(period || damage === 'periodOnly' ? [periodSentence(year, pick, numerals)] : [])]
    const printed = formatReport(body, { format: layout })
    let text: string
    if (layout === 'text') text = [...crawler, ...lines, '', printed].join('\n')
    else {
      const paragraphs = lines.map((line) => `<p>${line}</p>`).join('\n')
      text = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${documentTitle}</title></head>\n<body>\n<div class="nav"><a href="/">首页</a></div>\n${paragraphs}\n${printed}</body></html>\n`
    }
    const named = damage !== 'periodOnly' && damage !== 'none' && (damage !== 'documentTitleOnly' || layout === 'html')
    const dated = named || damage === 'periodOnly' || period
    return { text, layout, damage, organization: named ? organization : null, year: dated ? year : null, report: body, numerals }
  })
