/**
 * fast-check arbitraries for reports of both editions: valid ones (every invariant
 * holds), ones with blank cells, and ones with one invariant broken. Shared by the
 * property tests.
 */
import { fc } from '@fast-check/vitest'
import { APPLICANTS, CATALOGUES, table3Paths, TABLE4_GROUPS } from '../src/model/catalogue.js'
import { buildReport, cellPaths, setPath } from '../src/model/empty.js'
import type { Cell, Edition, Report } from '../src/index.js'

/** Characters of generated prose: common CJK, none that spell a section heading or a label. */
const PROSE =
  '的一是在了有和人这中大为上个我以要他时来用们生到作地于出就对成会可发同工也能下过子说产种面而方后多定行学所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研'
const SUFFIXES = ['人民政府', '人民政府办公室', '教育局', '卫生健康委员会', '街道办事处', '市场监督管理局', '自然资源局']
const PUNCTUATION = ['，', '、', '；', '：', '“', '”', '（', '）', '《', '》']

/** A line of prose: CJK text with CJK punctuation and figures inside, ending with 。. */
export const proseLine: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...PROSE) },
      { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999 }).map((n) => `${n}件`) }
    ),
    { minLength: 4, maxLength: 40 }
  )
  .map((parts) => `${parts.join('')}。`)

/** A section's text: null, or one to four lines. */
export const sectionText: fc.Arbitrary<string | null> = fc.option(
  fc.array(proseLine, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n')),
  { nil: null, freq: 5 }
)

/** The issuing body: a place name of two to four characters and a kind of office. */
export const organization: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.constantFrom(...'东西南北清河山湖阳江临安平宁兴华'), { minLength: 2, maxLength: 4 }),
    fc.constantFrom('市', '县', '区', '镇'),
    fc.constantFrom(...SUFFIXES)
  )
  .map(([place, level, office]) => `${place.join('')}${level}${office}`)

const count = (max: number): fc.Arbitrary<number> =>
  fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: max }) })

/** Money in 万元 with up to six decimals, printed and read back exactly. */
export const money: fc.Arbitrary<number> = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([whole, digits, fraction]) => Number(`${whole}.${String(fraction).padStart(6, '0').slice(0, digits) || '0'}`))

/** Table 二's values of an edition: counts, signed 本年增/减, money. */
function table2Values(edition: Edition): fc.Arbitrary<Map<string, number>> {
  const catalogue = CATALOGUES[edition]
  const cells = catalogue.table2Rows.flatMap((row) =>
    row.columns.map((key) => {
      const column = catalogue.table2Columns.find((spec) => spec.key === key)
      const value = column?.money === true ? money : column?.signed === true ? fc.integer({ min: -60, max: 60 }) : count(20_000)
      return value.map((v) => [`activeDisclosure.${row.key}.${key}`, v] as const)
    })
  )
  return fc.tuple(...cells).map((entries) => new Map(entries))
}

/** Table 三 of an edition with I-1, I-3, I-4 holding and every count ≥ 0. */
function table3Values(edition: Edition): fc.Arbitrary<Map<string, number>> {
  const leaves = table3Paths(edition).filter((path) => path.startsWith('results.') && path !== 'results.total')
  const column = fc
    .tuple(fc.array(count(60), { minLength: leaves.length, maxLength: leaves.length }), count(30), count(30))
    .map(([values, forward, carriedRaw]) => {
      const total = values.reduce((sum, v) => sum + v, 0)
      const carried = Math.min(carriedRaw, total + forward)
      return { values, total, forward, carried, received: total + forward - carried }
    })
  const applicants = APPLICANTS.filter((applicant) => applicant !== 'total')
  return fc.array(column, { minLength: applicants.length, maxLength: applicants.length }).map((columns) => {
    const map = new Map<string, number>()
    columns.forEach((col, i) => {
      const a = applicants[i] as string
      leaves.forEach((path, j) => map.set(`applications.${a}.${path}`, col.values[j] as number))
      map.set(`applications.${a}.results.total`, col.total)
      map.set(`applications.${a}.carriedForward`, col.forward)
      map.set(`applications.${a}.carriedOver`, col.carried)
      map.set(`applications.${a}.newReceived`, col.received)
    })
    for (const path of table3Paths(edition)) {
      map.set(
        `applications.total.${path}`,
        applicants.reduce((sum, a) => sum + (map.get(`applications.${a}.${path}`) ?? 0), 0)
      )
    }
    return map
  })
}

/** Table 四 with I-5 holding. */
const table4Values: fc.Arbitrary<Map<string, number>> = fc
  .array(fc.array(count(40), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 })
  .map((groups) => {
    const map = new Map<string, number>()
    TABLE4_GROUPS.forEach((group, i) => {
      const [upheld, corrected, other, pending] = groups[i] as number[]
      const values = { upheld, corrected, other, pending, total: (upheld ?? 0) + (corrected ?? 0) + (other ?? 0) + (pending ?? 0) }
      for (const [key, value] of Object.entries(values)) map.set(`reviewAndLitigation.${group.key}.${key}`, value as number)
    })
    return map
  })

/**
 * A valid report of an edition (or either): every invariant holds, no cell is
 * blank, a title naming its organisation and year (its `identity`, without positions), or no title
 * at all (no organisation or year), section texts, no extras.
 *
 * @param edition - One edition, or both.
 */
export function validReport(edition?: Edition): fc.Arbitrary<Report> {
  const editions = edition === undefined ? fc.constantFrom<Edition>('2019', '2021') : fc.constant(edition)
  return editions.chain((ed) =>
    fc
      .record({
        t2: table2Values(ed),
        t3: table3Values(ed),
        t4: table4Values,
        named: fc.option(
          fc.tuple(organization, ed === '2019' ? fc.integer({ min: 2019, max: 2020 }) : fc.integer({ min: 2021, max: 2026 })),
          { nil: null, freq: 6 }
        ),
        overview: sectionText,
        problems: sectionText,
        other: sectionText
      })
      .map(({ t2, t3, t4, named, overview, problems, other }) => {
        const values = new Map<string, Cell>([...t2, ...t3, ...t4])
        const report = buildReport(
          ed,
          cellPaths(ed).map((path) => values.get(path) ?? null)
        )
        report.title = named === null ? null : `${named[0]}${named[1]}年政府信息公开工作年度报告`
        report.organization = named?.[0] ?? null
        report.year = named?.[1] ?? null
        // Read from the title: the evidence without a position (which depends on the format it is written in).
        const source = report.title === null ? null : { from: 'title' as const, text: report.title }
        report.identity = { organization: source, year: source }
        report.sections = { overview, problems, other }
        return report
      })
  )
}

/** A valid report with some cells blank (`null`), for round trips with `repair: false`. */
export function reportWithBlanks(edition?: Edition): fc.Arbitrary<Report> {
  return validReport(edition).chain((report) =>
    fc.subarray([...cellPaths(report.edition)], { maxLength: 12 }).map((paths) => {
      const copy = structuredClone(report)
      for (const path of paths) setPath(copy, path, null)
      return copy
    })
  )
}

/** A valid report, one cell of table 三 or 四 printed `delta` higher, and which cell. */
export function reportWithOneWrongCell(edition?: Edition): fc.Arbitrary<{ report: Report; original: Report; path: string; delta: number }> {
  return validReport(edition).chain((original) =>
    fc
      .tuple(
        fc.constantFrom(...cellPaths(original.edition).filter((path) => !path.startsWith('activeDisclosure.'))),
        fc.integer({ min: 1, max: 50 })
      )
      .map(([path, delta]) => {
        const report = structuredClone(original)
        setPath(report, path, (pathValue(original, path) ?? 0) + delta)
        return { report, original, path, delta }
      })
  )
}

/** The value at a path. */
export function pathValue(report: Report, path: string): Cell {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report) as Cell
}
