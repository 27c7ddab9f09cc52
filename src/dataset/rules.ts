/**
 * The rules across years, as data: each says which cell of year N must equal which cells of year
 * N−1 and N, added or taken away. They come from the catalogue (every applicant column, every table
 * 二 row with a stock), so a row added to the format is a rule here without a line of code.
 *
 * - **H-1** (carry-over, both editions and across them): 二、上年结转[c] of N = 四、结转下年度继续办理[c] of N−1.
 * - **H-2** (stock, 2021 format): 现行有效件数 of N = that of N−1 + 本年制发件数 of N − 本年废止件数 of N.
 * - **H-3** (items, 2019 format): 上一年项目数量 of N = that of N−1 + 本年增/减 of N−1.
 *
 * @module
 */

import { APPLICANTS, CATALOGUES } from '../model/catalogue.js'
import type { Edition } from '../model/types.js'
import type { CrossYearRule, DatasetCode } from './codes.js'

/** A cell of one of the two years, added (`1`) or taken away (`-1`). */
export interface RuleTerm {
  /** The cell's dot path. */
  path: string
  /** Which year's report it is read from. */
  of: 'previous' | 'current'
  /** `1` added, `-1` taken away. */
  sign: 1 | -1
}

/** One check across two consecutive years: `target` of year N equals the sum of `terms`. */
export interface CrossYearCheck {
  /** The rule it belongs to. */
  rule: CrossYearRule
  /** The code of a finding. */
  code: Extract<DatasetCode, 'carry_over_mismatch' | 'stock_mismatch'>
  /** The edition both years' reports must be in, or `undefined`: any (carry-over holds across the change of edition). */
  edition?: Edition
  /** The cell of year N that is checked. */
  target: string
  /** What it must equal. */
  terms: readonly RuleTerm[]
}

const carryOver: CrossYearCheck[] = APPLICANTS.map((applicant) => ({
  rule: 'H-1',
  code: 'carry_over_mismatch',
  target: `applications.${applicant}.carriedOver`,
  terms: [{ path: `applications.${applicant}.carriedForward`, of: 'previous', sign: 1 }]
}))

/** 2021: each row with 本年制发件数, 本年废止件数 and 现行有效件数. */
const stock: CrossYearCheck[] = CATALOGUES['2021'].table2Rows
  .filter((row) => ['issued', 'repealed', 'inForce'].every((column) => row.columns.includes(column)))
  .map((row) => {
    const at = (column: string): string => `activeDisclosure.${row.key}.${column}`
    return {
      rule: 'H-2',
      code: 'stock_mismatch',
      edition: '2021',
      target: at('inForce'),
      terms: [
        { path: at('inForce'), of: 'previous', sign: 1 },
        { path: at('issued'), of: 'current', sign: 1 },
        { path: at('repealed'), of: 'current', sign: -1 }
      ]
    }
  })

/** 2019: each row with 上一年项目数量 and 本年增/减. */
const items: CrossYearCheck[] = CATALOGUES['2019'].table2Rows
  .filter((row) => ['previousItems', 'change'].every((column) => row.columns.includes(column)))
  .map((row) => {
    const at = (column: string): string => `activeDisclosure.${row.key}.${column}`
    return {
      rule: 'H-3',
      code: 'stock_mismatch',
      edition: '2019',
      target: at('previousItems'),
      terms: [
        { path: at('previousItems'), of: 'previous', sign: 1 },
        { path: at('change'), of: 'previous', sign: 1 }
      ]
    }
  })

/** Every check across two consecutive years of a body. */
export const CROSS_YEAR_CHECKS: readonly CrossYearCheck[] = [...carryOver, ...stock, ...items]
