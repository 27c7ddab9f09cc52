/**
 * A money unit on a count (issue 23): `4亿元` as 本年新收, `5元` as 本年制发件数, `3万元` in table 四
 * is no count; the cell is `null` with `invalid_number` (or filled by repair, with
 * `value_inferred`), never the bare figure. Money cells keep their conversion. (Any table 三 cell
 * with a money unit, in every layout, is a kind of `CELL_NOISE` in damage.ts, tested in
 * cells.test.ts.) Also the amounts the model cannot hold exactly: in 万元 beyond 15 digits, or
 * closer to 0 than a double holds.
 */
import { describe, expect, it } from 'vitest'
import { readCell } from '../src/core/number.js'
import { cellPaths, getCellAt, parseReport, type Diagnostic, type ParseResult, type Report } from '../src/index.js'
import { corpusInput, namesCell } from './helpers.js'

const full = corpusInput('text-2021-full')
const crawl = corpusInput('real-008-pingtan-2025')
const cell = (result: ParseResult, path: string): unknown => (result.report === null ? undefined : getCellAt(result.report, path))
const on = (result: ParseResult, path: string): Diagnostic[] => result.diagnostics.filter((diagnostic) => diagnostic.path === path)

describe('a money unit on a count', () => {
  it('本年制发件数 printed 5元: null with invalid_number saying a count carries no money unit', () => {
    const path = 'activeDisclosure.regulations.issued'
    for (const locale of ['en', 'zh'] as const) {
      const result = parseReport(full.replace('规章\t3\t1\t27', '规章\t5元\t1\t27'), { locale })
      expect(cell(result, path)).toBeNull()
      const [diagnostic] = on(result, path)
      expect(diagnostic).toMatchObject({ code: 'invalid_number', severity: 'warning' })
      expect(diagnostic?.message).toContain(locale === 'en' ? 'a count cannot carry a money unit' : '数量不能带金额单位')
    }
  })

  it('a count of table 三 printed 4亿元, and one of table 四 printed 3万元: never the bare figure', () => {
    const three = full.replace('3.要求提供公开出版物\t1\t1', '3.要求提供公开出版物\t4亿元\t1')
    const path = 'applications.naturalPerson.results.notProcessed.publication'
    const bare = parseReport(three, { repair: false })
    expect(cell(bare, path)).toBeNull()
    expect(on(bare, path).map((diagnostic) => diagnostic.code)).toEqual(['invalid_number'])
    // With repair, the row's total pins it (6 − 5): filled, and said so.
    const repaired = parseReport(three)
    expect(cell(repaired, path)).toBe(1)
    expect(on(repaired, path).map((diagnostic) => diagnostic.code)).toEqual(['invalid_number', 'value_inferred'])
    const four = parseReport(full.replace(/^(\t*)(\d+)(\t\d+\t\d+\t\d+\t\d+\t)/mu, '$1$2万元$3'), { repair: false })
    expect(four.diagnostics.filter((diagnostic) => diagnostic.code === 'invalid_number')).toHaveLength(1)
  })

  it('a count with a unit of counts (件, 个) is read, and money keeps its conversion', () => {
    expect(cell(parseReport(full.replace('规章\t3\t1\t27', '规章\t3件\t1\t27')), 'activeDisclosure.regulations.issued')).toBe(3)
    const money = parseReport(full.replace('行政事业性收费\t4166.241619', '行政事业性收费\t251000元'))
    expect(cell(money, 'activeDisclosure.fees.amount')).toBe(25.1)
    expect(on(money, 'activeDisclosure.fees.amount').map((diagnostic) => diagnostic.code)).toEqual(['unit_converted'])
  })

  it('in a crawl whose values ran together, a unit in a count run is never dropped: no split reads it', () => {
    const clean = parseReport(crawl)
    for (const [from, to, path] of [
      ['行政许可2418', '行政许可2418元', 'activeDisclosure.licensing'],
      ['一、本年新收政府信息公开申请数量15130000154', '一、本年新收政府信息公开申请数量151万元30000154', 'applications.*.newReceived']
    ] as const) {
      const result = parseReport(crawl.replace(from, to))
      for (const cellPath of cellPaths('2021')) {
        const value = cell(result, cellPath)
        if (value === cell(clean, cellPath)) continue
        expect(value, cellPath).toBeNull()
        expect(
          result.diagnostics.some((diagnostic) => namesCell(diagnostic, cellPath)),
          cellPath
        ).toBe(true)
      }
      expect(result.diagnostics.some((diagnostic) => diagnostic.path === path && diagnostic.severity !== 'info')).toBe(true)
    }
  })
})

describe('amounts a number cannot hold exactly', () => {
  it('closer to 0 than a double holds: invalid_number, tooSmall', () => {
    expect(readCell(`0.${'0'.repeat(307)}3`)).toMatchObject({ kind: 'number', value: 3e-308 })
    expect(readCell(`0.${'0'.repeat(307)}2`)).toEqual({ kind: 'unreadable', why: 'tooSmall', digits: `0.${'0'.repeat(307)}2` })
    expect(readCell(`0.${'0'.repeat(400)}1`)).toMatchObject({ kind: 'unreadable', why: 'tooSmall' })
    const result = parseReport(full.replace('行政事业性收费\t4166.241619', `行政事业性收费\t0.${'0'.repeat(400)}1`))
    expect(cell(result, 'activeDisclosure.fees.amount')).toBeNull()
    expect(on(result, 'activeDisclosure.fees.amount')[0]?.message).toContain('closer to 0 than a number holds exactly')
  })

  it('15 digits in 亿元 are 19 in 万元: invalid_number, where 15 digits in 万元 and the largest count are read', () => {
    const fees = (printed: string): ParseResult => parseReport(full.replace('行政事业性收费\t4166.241619', `行政事业性收费\t${printed}`))
    expect(cell(fees('999999999999999'), 'activeDisclosure.fees.amount')).toBe(999_999_999_999_999)
    expect(cell(fees('99999999999.9999亿元'), 'activeDisclosure.fees.amount')).toBe(999_999_999_999_999)
    const beyond = fees('999999999999999亿元')
    expect(cell(beyond, 'activeDisclosure.fees.amount')).toBeNull()
    expect(on(beyond, 'activeDisclosure.fees.amount')[0]?.message).toContain('in 万元 it has more than 15 significant digits')
    expect(cell(fees(`0.${'0'.repeat(303)}3元`), 'activeDisclosure.fees.amount')).toBe(3e-308)
    expect(cell(fees(`0.${'0'.repeat(304)}3元`), 'activeDisclosure.fees.amount')).toBeNull()
    const count = parseReport(full.replace('规章\t3\t1\t27', '规章\t999999999999999\t1\t27'))
    expect(cell(count, 'activeDisclosure.regulations.issued')).toBe(999_999_999_999_999)
    expect(
      cell(parseReport(full.replace('规章\t3\t1\t27', '规章\t1000000000000000\t1\t27')), 'activeDisclosure.regulations.issued')
    ).toBeNull()
  })

  it('a note that puts a bare amount in 亿元 beyond 15 digits, and a crawl’s run in 亿元: invalid_number, never rounded', () => {
    const bare = full
      .replace('本年收费金额（单位：万元）', '本年收费金额')
      .replace('行政事业性收费\t4166.241619\t\t\n', '行政事业性收费\t999999999999999\t\t\n注：金额单位为亿元\n')
    const noted = parseReport(bare)
    expect(cell(noted, 'activeDisclosure.fees.amount')).toBeNull()
    expect(on(noted, 'activeDisclosure.fees.amount').map((diagnostic) => diagnostic.code)).toEqual(['invalid_number'])
    const run = parseReport(crawl.replace('行政事业性收费4166.241619', '行政事业性收费999999999999999亿元'))
    expect(cell(run, 'activeDisclosure.fees.amount')).toBeNull()
    expect(on(run, 'activeDisclosure.fees.amount').map((diagnostic) => diagnostic.code)).toEqual(['invalid_number'])
    expect((parseReport(crawl).report as Report).activeDisclosure).toBeDefined()
  })
})
