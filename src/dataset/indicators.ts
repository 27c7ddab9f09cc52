/**
 * Indicators, as data: one entry each, a name, Chinese and English labels, a unit and a formula
 * over cell paths. A term is a path whose cells are summed: a cell (`applications.total.newReceived`)
 * or a prefix of several (`applications.total.results.denied`: the eight 不予公开 rows). An
 * indicator is `null` when a cell it reads is `null`, or its denominator is 0. docs/dataset.md
 * gives each with its formula, so a figure can be cited.
 *
 * @module
 */

import { cellSchema } from '../model/schema.js'
import type { Edition } from '../model/types.js'

/** How an indicator is worked out from cells (each list of paths summed, see the module). */
export type IndicatorFormula = SumFormula | RatioFormula | ChangeFormula

/** A count: the sum of the cells. */
export interface SumFormula {
  /** Discriminant. */
  readonly kind: 'sum'
  /** The paths summed. */
  readonly terms: readonly string[]
}

/** A share: the sum of `numerator` over the sum of `denominator`. */
export interface RatioFormula {
  /** Discriminant. */
  readonly kind: 'ratio'
  /** The paths summed above the line. */
  readonly numerator: readonly string[]
  /** The paths summed below it. */
  readonly denominator: readonly string[]
}

/** The change on the year before, as a share: (this year − last year) / last year, of the sum of `terms`. */
export interface ChangeFormula {
  /** Discriminant. */
  readonly kind: 'change'
  /** The paths summed in each year. */
  readonly terms: readonly string[]
}

/** An indicator's labels. */
export interface IndicatorLabel {
  /** In Chinese. */
  readonly zh: string
  /** In English. */
  readonly en: string
}

/** The name of every indicator, in the order of the panel's columns. */
export const INDICATOR_NAMES = [
  'received',
  'handled',
  'grantedRate',
  'partiallyGrantedRate',
  'disclosedRate',
  'deniedRate',
  'unavailableRate',
  'notProcessedRate',
  'carriedForwardRate',
  'reviews',
  'reviewCorrectionRate',
  'lawsuits',
  'litigationCorrectionRate',
  'receivedChange'
] as const

/** The name of an indicator: one of {@link INDICATOR_NAMES}. */
export type IndicatorName = (typeof INDICATOR_NAMES)[number]

/** One indicator. */
export interface IndicatorSpec {
  /** Its name: a key of `DatasetYear.indicators` and a CSV column. */
  readonly name: IndicatorName
  /** Its Chinese and English labels. */
  readonly label: IndicatorLabel
  /** `count` (a number of requests or cases) or `ratio` (a share from 0 to 1; a change may be negative or above 1). */
  readonly unit: 'count' | 'ratio'
  /** How it is worked out. */
  readonly formula: IndicatorFormula
}

const T = 'applications.total'
const decided = (group: string): string[] => ['upheld', 'corrected', 'other'].map((outcome) => `reviewAndLitigation.${group}.${outcome}`)

/** Every indicator, in the order of {@link INDICATOR_NAMES}. */
export const INDICATORS: readonly IndicatorSpec[] = [
  {
    name: 'received',
    label: { zh: '本年新收申请数', en: 'requests received this year' },
    unit: 'count',
    formula: { kind: 'sum', terms: [`${T}.newReceived`] }
  },
  {
    name: 'handled',
    label: { zh: '本年办理结果总计', en: 'requests handled (results, total)' },
    unit: 'count',
    formula: { kind: 'sum', terms: [`${T}.results.total`] }
  },
  {
    name: 'grantedRate',
    label: { zh: '予以公开率', en: 'share granted' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: [`${T}.results.granted`], denominator: [`${T}.results.total`] }
  },
  {
    name: 'partiallyGrantedRate',
    label: { zh: '部分公开率', en: 'share partially granted' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: [`${T}.results.partiallyGranted`], denominator: [`${T}.results.total`] }
  },
  {
    name: 'disclosedRate',
    label: { zh: '公开率（予以公开与部分公开）', en: 'share disclosed (granted or partially)' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: [`${T}.results.granted`, `${T}.results.partiallyGranted`], denominator: [`${T}.results.total`] }
  },
  {
    name: 'deniedRate',
    label: { zh: '不予公开率', en: 'share denied' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: [`${T}.results.denied`], denominator: [`${T}.results.total`] }
  },
  {
    name: 'unavailableRate',
    label: { zh: '无法提供率', en: 'share unavailable' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: [`${T}.results.unavailable`], denominator: [`${T}.results.total`] }
  },
  {
    name: 'notProcessedRate',
    label: { zh: '不予处理率', en: 'share not processed' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: [`${T}.results.notProcessed`], denominator: [`${T}.results.total`] }
  },
  {
    name: 'carriedForwardRate',
    label: { zh: '结转率', en: 'share carried forward' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: [`${T}.carriedForward`], denominator: [`${T}.newReceived`, `${T}.carriedOver`] }
  },
  {
    name: 'reviews',
    label: { zh: '行政复议数', en: 'administrative reviews' },
    unit: 'count',
    formula: { kind: 'sum', terms: ['reviewAndLitigation.review.total'] }
  },
  {
    name: 'reviewCorrectionRate',
    label: { zh: '复议纠错率', en: 'share of decided reviews corrected' },
    unit: 'ratio',
    formula: { kind: 'ratio', numerator: ['reviewAndLitigation.review.corrected'], denominator: decided('review') }
  },
  {
    name: 'lawsuits',
    label: { zh: '行政诉讼数', en: 'lawsuits' },
    unit: 'count',
    formula: { kind: 'sum', terms: ['reviewAndLitigation.litigationDirect.total', 'reviewAndLitigation.litigationAfterReview.total'] }
  },
  {
    name: 'litigationCorrectionRate',
    label: { zh: '诉讼纠错率', en: 'share of decided lawsuits corrected' },
    unit: 'ratio',
    formula: {
      kind: 'ratio',
      numerator: ['reviewAndLitigation.litigationDirect.corrected', 'reviewAndLitigation.litigationAfterReview.corrected'],
      denominator: [...decided('litigationDirect'), ...decided('litigationAfterReview')]
    }
  },
  {
    name: 'receivedChange',
    label: { zh: '新收申请同比变化', en: 'change in requests received on the year before' },
    unit: 'ratio',
    formula: { kind: 'change', terms: [`${T}.newReceived`] }
  }
]

/** Each indicator's value for a body's year (`null`: a cell it reads is `null`, or it divides by 0). */
export type Indicators = Record<IndicatorName, number | null>

/** The cell indices each term covers, per edition, worked out once (no key built per call: this runs for every year of a dataset). */
const TERMS: Record<Edition, Map<string, readonly number[]>> = { '2019': new Map(), '2021': new Map() }

function cellsOf(edition: Edition, term: string): readonly number[] {
  const terms = TERMS[edition]
  let cells = terms.get(term)
  if (cells === undefined) {
    const schema = cellSchema(edition)
    cells = schema.paths.flatMap((path, index) => (path === term || path.startsWith(`${term}.`) ? [index] : []))
    terms.set(term, cells)
  }
  return cells
}

/** The sum of terms' cells, `null` when one is `null` (NaN in `values`) or a term names no cell. */
function sum(edition: Edition, values: Float64Array, terms: readonly string[]): number | null {
  let total = 0
  for (const term of terms) {
    const cells = cellsOf(edition, term)
    if (cells.length === 0) return null
    for (const cell of cells) {
      const value = values[cell] as number
      if (Number.isNaN(value)) return null
      total += value
    }
  }
  return total
}

/** A year's cells, as indicators read them: its edition and values by schema index (NaN for `null`). */
export interface IndicatorCells {
  /** The report's edition. */
  edition: Edition
  /** Each cell's value by index into the edition's schema; NaN for `null`. */
  values: Float64Array
}

/**
 * Every indicator of a body's year.
 *
 * @param year - The year's cells.
 * @param before - The year before's, when the body has a report for it (for `change` indicators).
 */
export function indicatorsOf(year: IndicatorCells, before: IndicatorCells | undefined): Indicators {
  const out = {} as Record<string, number | null>
  for (const { name, formula } of INDICATORS) {
    if (formula.kind === 'sum') out[name] = sum(year.edition, year.values, formula.terms)
    else if (formula.kind === 'ratio') {
      const top = sum(year.edition, year.values, formula.numerator)
      const bottom = sum(year.edition, year.values, formula.denominator)
      out[name] = top === null || bottom === null || bottom === 0 ? null : top / bottom
    } else {
      const now = sum(year.edition, year.values, formula.terms)
      const then = before === undefined ? null : sum(before.edition, before.values, formula.terms)
      out[name] = now === null || then === null || then === 0 ? null : (now - then) / then
    }
  }
  return out as Indicators
}
