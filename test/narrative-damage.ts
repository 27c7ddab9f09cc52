/**
 * Reports whose narrative restates figures of their tables: sentences that agree with the table,
 * sentences that disagree (the figure changed), and decoys (a previous year's, a county-wide total,
 * a cumulative, an approximation, a share, another applicant column, another fee) whose figure
 * differs from the table but states no quantity of this report. Printed in every layout of
 * damage.ts, and crawled (test/flat-damage.ts); and reports whose glued row of table 二 the
 * narrative may settle. Used by test/narrative.property.test.ts.
 */
import { fc } from '@fast-check/vitest'
import { getCell, type Edition, type Report } from '../src/index.js'
import { printNumber } from '../src/model/decimal.js'
import { CATALOGUES } from '../src/model/catalogue.js'
import { cellPaths, setPath } from '../src/model/empty.js'
import { validReport } from './arbitraries.js'
import { LAYOUTS, TABLE3_ORDERS, withTable3Order, type Layout } from './damage.js'
import { flatten, glue, type FlatRow, type Glue } from './flat-damage.js'
import { docxOptions, reportToDocx } from './writers/docx.js'
import { pdfLayoutOptions, reportToPdf } from './writers/pdf.js'

/** A sentence that states one quantity of the tables: the cells it sums, and how it is written with a figure. */
interface Phrase {
  /** The statement's path, as the library names it. */
  path: string
  /** The cells it sums (a prefix names a group). */
  cells: readonly string[]
  /** The edition whose tables hold it (default: both). */
  edition?: Edition
  /** Money (in 万元), else a count. */
  money?: boolean
  /** The sentence, with the figure written in. */
  write: (figure: string) => string
}

const T = 'applications.total.'
const R = 'reviewAndLitigation.'

/** Phrasings of single quantities, each as a report might print it. */
export const PHRASES: readonly Phrase[] = [
  { path: `${T}newReceived`, cells: [`${T}newReceived`], write: (v) => `本年度共收到政府信息公开申请${v}件` },
  { path: `${T}carriedOver`, cells: [`${T}carriedOver`], write: (v) => `上年结转政府信息公开申请${v}件` },
  { path: `${T}results.total`, cells: [`${T}results.total`], write: (v) => `全年共办结政府信息公开申请${v}件` },
  { path: `${T}results.granted`, cells: [`${T}results.granted`], write: (v) => `其中予以公开${v}件` },
  { path: `${T}results.partiallyGranted`, cells: [`${T}results.partiallyGranted`], write: (v) => `部分公开${v}件` },
  { path: `${T}results.denied`, cells: [`${T}results.denied`], write: (v) => `不予公开${v}件` },
  { path: `${T}results.unavailable`, cells: [`${T}results.unavailable`], write: (v) => `无法提供${v}件` },
  { path: `${T}results.notProcessed`, cells: [`${T}results.notProcessed`], write: (v) => `不予处理${v}件` },
  { path: `${T}carriedForward`, cells: [`${T}carriedForward`], write: (v) => `结转下年度继续办理${v}件` },
  { path: `${R}review.total`, cells: [`${R}review.total`], write: (v) => `因政府信息公开被申请行政复议${v}件` },
  {
    path: `${R}litigationDirect.total + ${R}litigationAfterReview.total`,
    cells: [`${R}litigationDirect.total`, `${R}litigationAfterReview.total`],
    write: (v) => `因政府信息公开被提起行政诉讼${v}件`
  },
  {
    path: 'activeDisclosure.normativeDocuments.issued',
    cells: ['activeDisclosure.normativeDocuments.issued'],
    edition: '2021',
    write: (v) => `本年度制发行政规范性文件${v}件`
  },
  {
    path: 'activeDisclosure.normativeDocuments.inForce',
    cells: ['activeDisclosure.normativeDocuments.inForce'],
    edition: '2021',
    write: (v) => `集中公开现行有效行政规范性文件${v}件`
  },
  {
    path: 'activeDisclosure.regulations.repealed',
    cells: ['activeDisclosure.regulations.repealed'],
    edition: '2021',
    write: (v) => `废止规章${v}件`
  },
  {
    path: 'activeDisclosure.normativeDocuments.made',
    cells: ['activeDisclosure.normativeDocuments.made'],
    edition: '2019',
    write: (v) => `本年新制作规范性文件${v}件`
  },
  {
    path: 'activeDisclosure.licensing.decisions',
    cells: ['activeDisclosure.licensing.decisions'],
    write: (v) => `全年作出行政许可决定${v}件`
  },
  {
    path: 'activeDisclosure.punishment.decisions',
    cells: ['activeDisclosure.punishment.decisions'],
    write: (v) => `作出行政处罚决定${v}件`
  },
  {
    path: 'activeDisclosure.fees.amount',
    cells: ['activeDisclosure.fees.amount'],
    edition: '2021',
    money: true,
    write: (v) => `本年行政事业性收费金额${v}万元`
  }
]

/** Sentences whose figure is no quantity of this report's tables (each is read as nothing, whatever its figure). */
export const DECOYS: readonly ((figure: string) => string)[] = [
  (v) => `全区共收到政府信息公开申请${v}件`,
  (v) => `全市累计受理政府信息公开申请${v}件`,
  (v) => `历年累计收到政府信息公开申请${v}件`,
  (v) => `上年度共收到政府信息公开申请${v}件`,
  (v) => `2018年收到政府信息公开申请${v}件`,
  (v) => `收到政府信息公开申请较上年增加${v}件`,
  (v) => `予以公开及部分公开${v}件`,
  (v) => `收到自然人申请${v}件`,
  (v) => `予以公开约${v}件`,
  (v) => `受理政府信息公开申请${v}余件`,
  (v) => `受理政府信息公开申请${v}多件`,
  (v) => `收到政府信息公开申请${v}至${v}0件`,
  (v) => `收取信息处理费${v}元`,
  (v) => `收到群众诉求${v}件`,
  (v) => `行政复议${v}件`,
  (v) => `不予公开的占${v}%`,
  (v) => `在全省排名第${v}位`,
  (v) => `收到企业申请${v}件`
]

/** A sentence planted in a report's narrative. */
export interface Planted {
  /** `agree`: the table's figure; `disagree`: another; `decoy`: no quantity of the tables. */
  kind: 'agree' | 'disagree' | 'decoy'
  /** The sentence, ending with 。. */
  sentence: string
  /** For agree and disagree: the statement's path. */
  path?: string
  /** For agree and disagree: the figure written (in 万元 for money). */
  value?: number
}

/** The figure a statement sums to in a report. */
function tableValue(report: Report, cells: readonly string[]): number {
  let sum = 0
  for (const cell of cells) {
    for (const path of cellPaths(report.edition)) if (path === cell || path.startsWith(`${cell}.`)) sum += getCell(report, path) as number
  }
  return sum
}

/** One sentence to plant. */
interface Pick {
  phrase: number
  kind: Planted['kind']
  delta: number
  decoy: number
}

/** What to plant: which phrasing, which kind of sentence, by how much a disagreement or a decoy is off, which decoy. */
const picks: fc.Arbitrary<Pick[]> = fc.array(
  fc.record({
    phrase: fc.nat(),
    kind: fc.constantFrom<Planted['kind']>('agree', 'disagree', 'decoy'),
    delta: fc.integer({ min: 1, max: 40 }),
    decoy: fc.nat()
  }),
  { minLength: 1, maxLength: 6 }
)

/** A copy of a report whose section 一 is the sentences picked (run together, or a line each), and what was planted. */
function plant(report: Report, picked: readonly Pick[], joined: boolean): { report: Report; planted: Planted[] } {
  const phrases = PHRASES.filter((phrase) => phrase.edition === undefined || phrase.edition === report.edition)
  const used = new Set<string>()
  const planted: Planted[] = []
  for (const pick of picked) {
    const phrase = phrases[pick.phrase % phrases.length] as Phrase
    const value = tableValue(report, phrase.cells)
    if (pick.kind === 'decoy') {
      const decoy = DECOYS[pick.decoy % DECOYS.length] as (figure: string) => string
      planted.push({ kind: 'decoy', sentence: `${decoy(printNumber(value + pick.delta))}。` })
      continue
    }
    // One statement per quantity: two would be two findings, or none, on the same cell.
    if (used.has(phrase.path)) continue
    used.add(phrase.path)
    const written = pick.kind === 'agree' ? value : phrase.money === true ? value + pick.delta / 100 : value + pick.delta
    const figure = Number(printNumber(written))
    planted.push({ kind: pick.kind, sentence: `${phrase.write(printNumber(figure))}。`, path: phrase.path, value: figure })
  }
  const copy = structuredClone(report)
  copy.sections = { overview: planted.map((one) => one.sentence).join(joined ? '' : '\n'), problems: '无。', other: '无。' }
  return { report: copy, planted }
}

/**
 * A valid report (either edition) whose section 一 states figures of its tables, some agreeing,
 * some disagreeing, with decoys among them, printed in one of the layouts: the text, the report,
 * and what was planted.
 */
export const narrativeStatements: fc.Arbitrary<{ text: string; report: Report; planted: Planted[]; layout: Layout }> = fc
  .record({ report: validReport(), layout: fc.constantFrom<Layout>(...LAYOUTS), picks, joined: fc.boolean() })
  .map(({ report, layout, picks: picked, joined }) => {
    const { report: copy, planted } = plant(report, picked, joined)
    const text = withTable3Order(copy, TABLE3_ORDERS.official as NonNullable<(typeof TABLE3_ORDERS)['official']>, layout, false)
    return { text, report: copy, planted, layout }
  })

/**
 * The same reports as files: a PDF (test/writers/pdf.ts, any of its layout options: letter-spaced
 * and wrapped labels, a page break in table 三 …; the narrative set as wrapped lines of text) or a
 * Word document (test/writers/docx.ts): the bytes, the report, what was planted, and which.
 */
export const narrativeFile: fc.Arbitrary<{ bytes: Uint8Array; report: Report; planted: Planted[]; layout: 'pdf' | 'docx' }> = fc
  .record({
    report: validReport(),
    file: fc.oneof(
      pdfLayoutOptions.map((options) => ({ layout: 'pdf' as const, write: (report: Report) => reportToPdf(report, options) })),
      docxOptions.map((options) => ({ layout: 'docx' as const, write: (report: Report) => reportToDocx(report, options) }))
    ),
    picks,
    joined: fc.boolean()
  })
  .map(({ report, file, picks: picked, joined }) => {
    const { report: copy, planted } = plant(report, picked, joined)
    return { bytes: file.write(copy), report: copy, planted, layout: file.layout }
  })

/**
 * The same reports crawled (test/flat-damage.ts): the body on one line, cells glued at random, so
 * that some rows print runs several splits fit: the text, the report, what was planted, the glue,
 * and each table row as printed (its cells and its run).
 */
export const narrativeCrawl: fc.Arbitrary<{ text: string; report: Report; planted: Planted[]; how: Glue; rows: FlatRow[] }> = fc
  .record({ report: validReport(), how: glue, picks, joined: fc.boolean() })
  .map(({ report, how, picks: picked, joined }) => {
    const { report: copy, planted } = plant(report, picked, joined)
    const rows: FlatRow[] = []
    const text = flatten(copy, how, rows)
    return { text, report: copy, planted, how, rows }
  })

/** Sentences stating one cell of table 二, by path, each as a report might print it. */
export const ROW_PHRASES: Readonly<Record<string, (figure: string) => string>> = {
  'activeDisclosure.regulations.issued': (v) => `本年度制定规章${v}件`,
  'activeDisclosure.regulations.repealed': (v) => `废止规章${v}件`,
  'activeDisclosure.regulations.inForce': (v) => `现行有效规章${v}件`,
  'activeDisclosure.normativeDocuments.issued': (v) => `本年度制发行政规范性文件${v}件`,
  'activeDisclosure.normativeDocuments.repealed': (v) => `废止行政规范性文件${v}件`,
  'activeDisclosure.normativeDocuments.inForce': (v) => `集中公开现行有效行政规范性文件${v}件`,
  'activeDisclosure.regulations.made': (v) => `本年新制作规章${v}件`,
  'activeDisclosure.normativeDocuments.made': (v) => `本年新制作规范性文件${v}件`,
  'activeDisclosure.licensing.decisions': (v) => `全年作出行政许可决定${v}件`,
  'activeDisclosure.punishment.decisions': (v) => `作出行政处罚决定${v}件`,
  'activeDisclosure.coercion.decisions': (v) => `作出行政强制决定${v}件`
}

/**
 * A valid report (either edition) whose table 二 prints one row of counts (two columns or more,
 * one of them stated by a phrasing) with nothing between its values, small values that several
 * splits often fit, and section 一 stating one or two of that row's cells (agreeing, or now and
 * then one disagreeing), crawled with random glue elsewhere: the text, the report, the row (its
 * cells and run), and the statements planted.
 */
export const settlingRow: fc.Arbitrary<{ text: string; report: Report; row: FlatRow; planted: Planted[] }> = fc
  .record({
    report: validReport(),
    how: glue,
    pick: fc.nat(),
    values: fc.array(fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 })), { minLength: 3, maxLength: 3 }),
    change: fc.integer({ min: -99, max: 99 }),
    stated: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 2 }),
    disagree: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }) })
  })
  .map(({ report, how, pick, values, change, stated, disagree }) => {
    const rows = CATALOGUES[report.edition].table2Rows.filter(
      (spec) => spec.columns.length >= 2 && spec.columns.some((key) => ROW_PHRASES[`activeDisclosure.${spec.key}.${key}`] !== undefined)
    )
    const spec = rows[pick % rows.length] as (typeof rows)[number]
    const cells = spec.columns.map((key) => `activeDisclosure.${spec.key}.${key}`)
    const copy = structuredClone(report)
    cells.forEach((path, i) => setPath(copy, path, path.endsWith('.change') ? change : (values[i] as number)))
    const phrased = cells.filter((path) => ROW_PHRASES[path] !== undefined)
    const chosen = [...new Set(stated.map((i) => phrased[i % phrased.length] as string))]
    const planted: Planted[] = chosen.map((path, i) => {
      const value = (getCell(copy, path as never) as number) + (i === 0 && disagree !== null ? disagree : 0)
      const write = ROW_PHRASES[path] as (figure: string) => string
      return { kind: i === 0 && disagree !== null ? 'disagree' : 'agree', sentence: `${write(printNumber(value))}。`, path, value }
    })
    copy.sections = { overview: planted.map((one) => one.sentence).join(''), problems: '无。', other: '无。' }
    const flat: FlatRow[] = []
    const text = flatten(copy, { ...how, tight: new Set([cells[0] as string]) }, flat)
    const row = flat.find((candidate) => candidate.cells[0] === cells[0]) as FlatRow
    return { text, report: copy, row, planted }
  })
