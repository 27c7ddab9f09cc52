/**
 * The sum invariants of FORMATS.md as equations over cell paths, shared by
 * validation (check them as printed) and repair (solve them for blanks).
 *
 * @module
 */

import { APPLICANTS, TABLE4_GROUPS, table3Paths } from '../model/catalogue.js'
import type { Edition, InvariantId } from '../model/types.js'

/**
 * One equation: the cells of `left` add up to the cells of `right`.
 * `actual` is the sum of `left` as printed, `expected` the sum of `right`.
 */
export interface Equation {
  /** The invariant. */
  rule: InvariantId
  /** The path its diagnostic names. */
  path: string
  /** The printed total side. */
  left: readonly string[]
  /** The parts side. */
  right: readonly string[]
  /** Human words for the message. */
  label: string
  /** `left` and `right` together. */
  terms: readonly string[]
}

function equation(fields: Omit<Equation, 'terms'>): Equation {
  return { ...fields, terms: [...fields.left, ...fields.right] }
}

const cache = new Map<string, Equation[]>()

function memo(key: string, build: () => Equation[]): Equation[] {
  let equations = cache.get(key)
  if (equations === undefined) {
    equations = build()
    cache.set(key, equations)
  }
  return equations
}

/**
 * I-1, per table 三 column: 一 + 二 = （七）总计 + 四 (the note printed in the table).
 * `expected` is 一 + 二, `actual` is （七） + 四; the path names the column.
 */
export function equationsI1(): Equation[] {
  return memo('I-1', () =>
    APPLICANTS.map((applicant) => {
      const column = `applications.${applicant}`
      return equation({
        rule: 'I-1',
        path: column,
        left: [`${column}.results.total`, `${column}.carriedForward`],
        right: [`${column}.newReceived`, `${column}.carriedOver`],
        label: '三、（七）总计 + 四、结转下年度 against 一、本年新收 + 二、上年结转'
      })
    })
  )
}

/** I-3, per table 三 column: （七）总计 = the sum of every leaf result row. */
export function equationsI3(edition: Edition): Equation[] {
  return memo(`I-3:${edition}`, () => {
    const leaves = table3Paths(edition).filter((path) => path.startsWith('results.') && path !== 'results.total')
    return APPLICANTS.map((applicant) =>
      equation({
        rule: 'I-3',
      path: `applications.${applicant}.results.total`,
      left: [`applications.${applicant}.results.total`],
      right: leaves.map((leaf) => `applications.${applicant}.${leaf}`),
        label: '（七）总计 against the sum of the result rows'
      })
    )
  })
}

/** I-4, per table 三 row: 总计 = 自然人 + the five organisation columns. */
export function equationsI4(edition: Edition): Equation[] {
  return memo(`I-4:${edition}`, () =>
    table3Paths(edition).map((row) =>
      equation({
        rule: 'I-4',
      path: `applications.total.${row}`,
      left: [`applications.total.${row}`],
      right: APPLICANTS.filter((applicant) => applicant !== 'total').map((applicant) => `applications.${applicant}.${row}`),
        label: '总计 against the sum of the six applicant columns'
      })
    )
  )
}

/** I-5, per group of table 四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function equationsI5(): Equation[] {
  return memo('I-5', () =>
    TABLE4_GROUPS.map((group) => {
      const prefix = `reviewAndLitigation.${group.key}`
      return equation({
        rule: 'I-5',
        path: `${prefix}.total`,
        left: [`${prefix}.total`],
        right: ['upheld', 'corrected', 'other', 'pending'].map((key) => `${prefix}.${key}`),
        label: '总计 against 结果维持 + 结果纠正 + 其他结果 + 尚未审结'
      })
    })
  )
}

/** Every sum equation of an edition. */
export function allEquations(edition: Edition): Equation[] {
  return [...equationsI1(), ...equationsI3(edition), ...equationsI4(edition), ...equationsI5()]
}
