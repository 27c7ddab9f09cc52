/**
 * Columns by their printed headers (issue 12): tables 三 and 四 printed in another column order
 * read back exactly, with a warning that says so, in every layout.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { formatReport, parseReport } from '../src/index.js'
import { LAYOUTS, TABLE3_ORDERS, TABLE4_ORDERS, table3Reordered, table4Reordered, withTable3Order, withTable4Order } from './damage.js'
import { validReport } from './arbitraries.js'
import { withoutIdentity } from './helpers.js'

const SEED = 20261122
const TIMEOUT = 60_000
/** The codes of a parse, without those of who and which year (these inputs print no title). */
const codes = (result: ReturnType<typeof parseReport>): string[] => withoutIdentity(result.diagnostics).map((diagnostic) => diagnostic.code)

describe('table 三 columns by their headers', () => {
  const [report] = fc.sample(validReport('2021'), { seed: SEED, numRuns: 1 })
  if (report === undefined) throw new Error('no sample')
  for (const layout of LAYOUTS) {
    for (const [name, order] of Object.entries(TABLE3_ORDERS)) {
      for (const totalBeside of [false, true]) {
        it(`${name}, ${layout}${totalBeside ? ', 总计 beside 申请人情况' : ''}`, () => {
          const result = parseReport(withTable3Order(report, order, layout, totalBeside))
          expect(result.report?.applications).toEqual(report.applications)
          const found = codes(result)
          if (name === 'official') expect(found).not.toContain('columns_reordered')
          else expect(found).toContain('columns_reordered')
          expect(found.filter((code) => code !== 'columns_reordered')).toEqual([])
        })
      }
    }
  }

  prop.prop([table3Reordered], { seed: SEED, numRuns: 150 })(
    'any column order in any layout: every cell of table 三 exact, and a warning when the order is not the official one',
    ({ text, report, order }) => {
      const result = parseReport(text)
      expect(result.report?.applications).toEqual(report.applications)
      const reordered = order.join() !== TABLE3_ORDERS.official?.join()
      expect(codes(result).includes('columns_reordered')).toBe(reordered)
    },
    TIMEOUT
  )
})

describe('table 四 columns by their headers', () => {
  const [report] = fc.sample(validReport('2019'), { seed: SEED + 1, numRuns: 1 })
  if (report === undefined) throw new Error('no sample')
  for (const layout of LAYOUTS) {
    for (const [name, order] of Object.entries(TABLE4_ORDERS)) {
      it(`${name}, ${layout}`, () => {
        const result = parseReport(withTable4Order(report, order, layout))
        expect(result.report?.reviewAndLitigation).toEqual(report.reviewAndLitigation)
        const found = codes(result)
        if (name === 'official') expect(found).not.toContain('columns_reordered')
        else expect(found).toContain('columns_reordered')
        expect(found.filter((code) => code !== 'columns_reordered')).toEqual([])
      })
    }
  }

  prop.prop([table4Reordered], { seed: SEED, numRuns: 150 })(
    'any group and outcome order in any layout: every cell of table 四 exact, and a warning when the order is not the official one',
    ({ text, report, order }) => {
      const result = parseReport(text)
      expect(result.report?.reviewAndLitigation).toEqual(report.reviewAndLitigation)
      const official = TABLE4_ORDERS.official as { groups: readonly string[]; outcomes: readonly string[] }
      const reordered = order.groups.join() !== official.groups.join() || order.outcomes.join() !== official.outcomes.join()
      expect(codes(result).includes('columns_reordered')).toBe(reordered)
    },
    TIMEOUT
  )
})

describe('a column header that cannot be read', () => {
  const [report] = fc.sample(validReport('2021'), { seed: SEED + 2, numRuns: 1 })
  if (report === undefined) throw new Error('no sample')

  it('table 三 naming a column twice: the official order, with a warning on the table', () => {
    const text = withTable3Order(report, TABLE3_ORDERS.official ?? [], 'tab', false).replace(
      '自然人\t法人或其他组织',
      '总计\t法人或其他组织'
    )
    const result = parseReport(text)
    expect(result.report?.applications).toEqual(report.applications)
    const warning = result.diagnostics.find((diagnostic) => diagnostic.code === 'column_header_unreadable')
    expect(warning).toMatchObject({ severity: 'warning', path: 'applications' })
    expect(warning?.message).toContain('“总计” twice')
    expect(parseReport(text, { locale: 'zh' }).diagnostics.find((d) => d.code === 'column_header_unreadable')?.message).toContain(
      '重复出现“总计”'
    )
  })

  it('table 四 without one outcome of a group: the official order, with a warning naming the group whose outcomes do not add up', () => {
    const text = withTable4Order(report, TABLE4_ORDERS.official as never, 'tab').replace('尚未审结', '')
    const result = parseReport(text)
    expect(result.report?.reviewAndLitigation).toEqual(report.reviewAndLitigation)
    const warning = result.diagnostics.find((diagnostic) => diagnostic.code === 'column_header_unreadable')
    expect(warning).toMatchObject({ severity: 'warning', path: 'reviewAndLitigation' })
    // The outcome texts run on into the next group's, so the first run names 结果维持 twice.
    expect(warning?.message).toContain('“行政复议 · 结果维持” twice')
  })
})

describe('header readings are remembered across parses', () => {
  const [report] = fc.sample(validReport('2019'), { seed: SEED + 3, numRuns: 1 })
  if (report === undefined) throw new Error('no sample')

  it('the same headers parsed again, after other headers, give the same report and diagnostics', () => {
    const three = withTable3Order(report, TABLE3_ORDERS['natural person and commercial swapped'] ?? [], 'tab', false)
    const four = withTable4Order(report, TABLE4_ORDERS['litigation first'] ?? TABLE4_ORDERS.official!, 'tab')
    const official = formatReport(report, { format: 'text' })
    const first = [three, four, official].map((text) => parseReport(text))
    expect(first.map((result) => codes(result).includes('columns_reordered'))).toEqual([true, true, false])
    for (const [i, text] of [official, four, three].entries()) {
      expect(parseReport(text)).toEqual(first[2 - i])
    }
  })
})
