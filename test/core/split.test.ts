/**
 * Splitting a glued run (issue 13): every split the format's rules allow, cut short by the row's
 * sums, capped; the cases of the issue and of the real crawls.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { splitRun, type RowSum, type SplitColumn } from '../../src/core/split.js'

const count: SplitColumn = { signed: false, money: false }
const signed: SplitColumn = { signed: true, money: false }
const money: SplitColumn = { signed: false, money: true }
/** Table 三's row: six applicant columns and their 总计. */
const row3 = Array<SplitColumn>(7).fill(count)
const sum3: RowSum[] = [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }]
const keep3 = (values: readonly number[]): boolean => values.slice(0, 6).reduce((a, b) => a + b, 0) === values[6]
/** Table 四's row: three groups of four outcomes and their 总计. */
const sums4: RowSum[] = [0, 5, 10].map((at) => ({ total: at + 4, parts: [at, at + 1, at + 2, at + 3] }))
const keep4 = (values: readonly number[]): boolean =>
  sums4.every(({ total, parts }) => parts.reduce((a, part) => a + (values[part] as number), 0) === values[total])

describe('splitRun', () => {
  it('lists every split the rules allow where nothing else decides: 898989 in three counts', () => {
    const { splits, asPrinted, capped } = splitRun('898989', [count, count, count])
    expect(splits).toContainEqual([89, 89, 89])
    expect(splits).toHaveLength(10)
    expect(asPrinted).toBe(false)
    expect(capped).toBe(false)
  })

  it('white space always separates two values: 230 000023 is 23 | 0 | 0 | 0 | 0 | 0 | 23 by its row sum', () => {
    expect(splitRun('230 000023', row3, keep3, sum3).splits).toEqual([[23, 0, 0, 0, 0, 0, 23]])
  })

  it('reads one value per column apart by spaces as printed, whatever the sums say', () => {
    expect(splitRun('1 0 0 0 0 0 5', row3, keep3, sum3)).toMatchObject({ splits: [[1, 0, 0, 0, 0, 0, 5]], asPrinted: true })
  })

  it('a minus sign starts a value only in a signed column; a dash is never a sign', () => {
    const { splits } = splitRun('2648-18538', [count, signed, count])
    expect(splits).toContainEqual([2648, -18, 538])
    expect(splits.every((split) => split[0] === 2648)).toBe(true)
    expect(splitRun('5—12', [count, signed, count]).splits).toEqual([])
  })

  it('decimals and a unit only in money, converted to 万元: 13575394432.52元', () => {
    const { splits, pieces } = splitRun('13575394432.52元', [count, money])
    expect(splits).toContainEqual([135, 7539.443252])
    expect(pieces).toContainEqual(['135', '75394432.52元'])
    expect(splits.every((split) => Number.isInteger(split[0]))).toBe(true)
  })

  it('no leading zeros: 0000000 is seven zeros and nothing else', () => {
    expect(splitRun('0000000', row3).splits).toEqual([[0, 0, 0, 0, 0, 0, 0]])
  })

  it('table 四 as one run of 15 values: its group sums leave one split', () => {
    expect(splitRun('21317000001324019', Array<SplitColumn>(15).fill(count), keep4, sums4).splits).toEqual([
      [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]
    ])
  })

  it('the sums only cut the search short: the same splits with them as without', () => {
    for (const run of ['21710000218', '220000022', '191000020', '15130000154', '640020470']) {
      const withSums = splitRun(run, row3, keep3, sum3).splits
      expect(withSums, run).toEqual(splitRun(run, row3, keep3).splits)
    }
  })

  prop.prop([fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })), { minLength: 6, maxLength: 6 })], {
    seed: 20261122,
    numRuns: 300
  })(
    'any row of table 三 run together: the pruned search finds what the whole one finds, the row as printed among it',
    (parts) => {
      const values = [...parts, parts.reduce((a, b) => a + b, 0)]
      const run = values.join('')
      const whole = splitRun(run, row3, keep3)
      const pruned = splitRun(run, row3, keep3, sum3)
      if (!whole.capped) expect(pruned.splits).toEqual(whole.splits)
      if (!pruned.capped) expect(pruned.splits).toContainEqual(values)
    },
    60_000
  )

  it('stops at its cap, and at the budget the parse has left, saying so', () => {
    expect(splitRun('1'.repeat(40), row3).capped).toBe(true)
    const budget = { steps: 10 }
    expect(splitRun('21710000218', row3, keep3, sum3, budget).capped).toBe(true)
    expect(budget.steps).toBe(0)
  })
})
