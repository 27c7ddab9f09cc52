import { describe, expect, it } from 'vitest'
import { checkI1, checkI3, checkI4, checkI5, checkI6, checkI7, validateReport } from '../../src/validate/index.js'
import { validReport2021, withCell } from '../helpers.js'

const valid = validReport2021()
const np = valid.applications.naturalPerson
const totals = valid.applications.total

describe('invariants on a valid report', () => {
  it('all hold', () => {
    expect(validateReport(valid)).toEqual([])
  })
})

describe('I-1: 一 + 二 = （七）总计 + 四, per column', () => {
  it('fails when 结转下年度 is off, naming the column', () => {
    const report = withCell(valid, 'applications.naturalPerson.carriedForward', (np.carriedForward ?? 0) + 3)
    expect(checkI1(report)).toEqual([
      expect.objectContaining({
        code: 'sum_mismatch',
        rule: 'I-1',
        path: 'applications.naturalPerson',
        expected: (np.newReceived ?? 0) + (np.carriedOver ?? 0),
        actual: (np.results.total ?? 0) + (np.carriedForward ?? 0) + 3
      })
    ])
  })

  it('is not assessable with a null operand', () => {
    expect(checkI1(withCell(valid, 'applications.naturalPerson.carriedOver', null))).toEqual([])
  })
})

describe('I-3: （七）总计 = the sum of the result rows, per column', () => {
  it('fails when a leaf is off, naming the column total', () => {
    const report = withCell(valid, 'applications.research.results.denied.stateSecret', 99)
    const research = valid.applications.research.results
    expect(checkI3(report)).toEqual([
      expect.objectContaining({
        rule: 'I-3',
        path: 'applications.research.results.total',
        expected: (research.total ?? 0) - (research.denied.stateSecret ?? 0) + 99,
        actual: research.total
      })
    ])
  })

  it('counts the three （六） rows of 2021', () => {
    const report = withCell(valid, 'applications.research.results.other.overdueFee', 0)
    expect(checkI3(report).map((diagnostic) => diagnostic.path)).toEqual(['applications.research.results.total'])
  })

  it('is not assessable with a null leaf', () => {
    expect(checkI3(withCell(valid, 'applications.research.results.granted', null))).toEqual([])
  })
})

describe('I-4: 总计 = the six applicant columns, per row', () => {
  it('fails when the total column is off, naming it', () => {
    const report = withCell(valid, 'applications.total.newReceived', 1)
    expect(checkI4(report)).toEqual([
      expect.objectContaining({ rule: 'I-4', path: 'applications.total.newReceived', expected: totals.newReceived, actual: 1 })
    ])
  })

  it('is not assessable with a null applicant cell', () => {
    expect(checkI4(withCell(valid, 'applications.legalService.newReceived', null))).toEqual([])
  })
})

describe('I-5: table 四 总计 = its four outcomes', () => {
  it('fails per group', () => {
    const report = withCell(valid, 'reviewAndLitigation.litigationDirect.pending', 10)
    const group = valid.reviewAndLitigation.litigationDirect
    expect(checkI5(report)).toEqual([
      expect.objectContaining({
        rule: 'I-5',
        path: 'reviewAndLitigation.litigationDirect.total',
        expected: (group.total ?? 0) - (group.pending ?? 0) + 10,
        actual: group.total
      })
    ])
  })

  it('holds on the valid report', () => {
    expect(checkI5(valid)).toEqual([])
  })
})

describe('I-6: counts are ≥ 0', () => {
  it('flags a negative count', () => {
    expect(checkI6(withCell(valid, 'activeDisclosure.licensing.decisions', -2))).toEqual([
      expect.objectContaining({ code: 'negative_value', path: 'activeDisclosure.licensing.decisions', actual: -2 })
    ])
  })

  it('allows a negative 本年增/减 (2019)', async () => {
    const { createEmptyReport } = await import('../../src/index.js')
    const report = createEmptyReport('2019')
    report.activeDisclosure.licensing.change = -18
    expect(checkI6(report)).toEqual([])
  })
})

describe('I-7: counts are whole numbers', () => {
  it('flags decimals in a count', () => {
    expect(checkI7(withCell(valid, 'applications.commercial.newReceived', 2.5))).toEqual([
      expect.objectContaining({ code: 'non_integer_count', path: 'applications.commercial.newReceived', actual: 2.5 })
    ])
  })

  it('allows decimals in money', () => {
    expect(checkI7(withCell(valid, 'activeDisclosure.fees.amount', 0.000123))).toEqual([])
  })
})
