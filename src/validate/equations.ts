/**
 * The sum invariants as equations over cell indices of the schema, shared by validation (check
 * them as printed) and repair (solve them for blanks).
 *
 * @module
 */

import { APPLICANTS, TABLE4_GROUPS, TABLE4_OUTCOMES } from '../model/catalogue.js'
import type { InvariantId } from '../model/diagnostics.js'
import { cellSchema, TABLES, type CellSchema } from '../model/schema.js'
import type { Edition } from '../model/types.js'

/**
 * One equation: the cells of `left` add up to the cells of `right` (indices into the edition's
 * cell schema). `actual` is the sum of `left` as printed, `expected` the sum of `right`.
 */
export interface Equation {
  /** The invariant. */
  readonly rule: InvariantId
  /** The path its diagnostic names: a cell, or a table 三 column for I-1. */
  readonly path: string
  /** The cell its diagnostic is placed at, or -1 (I-1 names a column, not a cell). */
  readonly at: number
  /** The printed total side. */
  readonly left: readonly number[]
  /** The parts side. */
  readonly right: readonly number[]
  /** `left` and `right` together. */
  readonly terms: readonly number[]
}

/** The equations of an edition, by rule, built once. */
export interface Equations {
  /** I-1, per table 三 column: 一 + 二 = （七）总计 + 四. */
  readonly i1: readonly Equation[]
  /** I-3, per table 三 column: （七）总计 = the sum of every leaf result row. */
  readonly i3: readonly Equation[]
  /** I-4, per table 三 row: 总计 = 自然人 + the five organisation columns. */
  readonly i4: readonly Equation[]
  /** I-5, per group of table 四: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
  readonly i5: readonly Equation[]
  /** All of them, in that order. */
  readonly all: readonly Equation[]
}

const EQUATIONS = new Map<Edition, Equations>()

/**
 * The sum equations of an edition.
 *
 * @param edition - The edition.
 */
export function equationsOf(edition: Edition): Equations {
  let equations = EQUATIONS.get(edition)
  if (equations === undefined) {
    equations = build(cellSchema(edition))
    EQUATIONS.set(edition, equations)
  }
  return equations
}

function equation(fields: Omit<Equation, 'terms'>): Equation {
  return Object.freeze({ ...fields, terms: [...fields.left, ...fields.right] })
}

function build(schema: CellSchema): Equations {
  const table3 = schema.table3
  const cell = (row: string, column: number): number => (table3.get(row) as readonly number[])[column] as number
  const total = APPLICANTS.indexOf('total')
  const leaves = [...table3.keys()].filter((row) => row.startsWith('results.') && row !== 'results.total')
  const i1 = APPLICANTS.map((applicant, c) =>
    equation({
      rule: 'I-1',
      path: `${TABLES[3].key}.${applicant}`,
      at: -1,
      left: [cell('results.total', c), cell('carriedForward', c)],
      right: [cell('newReceived', c), cell('carriedOver', c)]
    })
  )
  const i3 = APPLICANTS.map((_, c) => {
    const at = cell('results.total', c)
    return equation({
      rule: 'I-3',
      path: schema.paths[at] as string,
      at,
      left: [at],
      right: leaves.map((row) => cell(row, c))
    })
  })
  const i4 = [...table3.entries()].map(([, cells]) => {
    const at = cells[total] as number
    return equation({
      rule: 'I-4',
      path: schema.paths[at] as string,
      at,
      left: [at],
      right: cells.filter((_, c) => c !== total)
    })
  })
  const width = TABLE4_OUTCOMES.length
  const i5 = TABLE4_GROUPS.map((_, group) => {
    // Each group's cells in outcome order, 总计 last.
    const cells = schema.table4.slice(group * width, (group + 1) * width)
    const at = cells[width - 1] as number
    return equation({
      rule: 'I-5',
      path: schema.paths[at] as string,
      at,
      left: [at],
      right: cells.slice(0, width - 1)
    })
  })
  return Object.freeze({ i1, i3, i4, i5, all: [...i1, ...i3, ...i4, ...i5] })
}
