/**
 * How a report's narrative states a figure its tables hold: the phrasings (one line each), and the
 * words that make a sentence's figure another quantity (a previous year's, a county-wide total, a
 * share …). Data only; core/statements.ts reads sentences with it.
 *
 * @module
 */

import type { Edition } from './types.js'

/** A phrasing: the words a clause holds before its figure when it states these cells. */
export interface Phrasing {
  /** Each entry: one of its words must stand in the clause before the figure (`[['收到', '受理'], ['申请']]`). */
  readonly words: readonly (readonly string[])[]
  /** The cells it states the sum of (the 总计 column of table 三). */
  readonly cells: readonly string[]
  /** What it states, as `Statement.path` names it: the cell, the group, or the cells joined by ` + `. */
  readonly path: string
  /** `'count'` (a figure in 件) or `'money'` (in a money unit, read in 万元). */
  readonly unit: 'count' | 'money'
  /** The editions whose tables hold it (default: both). */
  readonly editions?: readonly Edition[]
  /** One of these the sentence must hold too (行政复议 of disclosure, not of all the body's work). */
  readonly context?: readonly string[]
}

const T = 'applications.total.'
const R = 'reviewAndLitigation.'
const RECEIVE = ['新收', '收到', '受理', '接收', '接到']
const APPLICATION = ['申请']
const DISCLOSURE = ['信息公开', '依申请']
const ISSUE = ['制发', '制定', '出台', '印发', '新制作']
const DOCUMENTS = ['规范性文件']
const RULES = ['规章']
const DECISION = ['决定']
const v2021: readonly Edition[] = ['2021']
const v2019: readonly Edition[] = ['2019']

/** One phrasing for one cell. */
const cell = (path: string, words: Phrasing['words'], more: Partial<Phrasing> = {}): Phrasing => ({
  words,
  cells: [path],
  path,
  unit: 'count',
  ...more
})

/**
 * The phrasings, most of them one cell of the 总计 column. Where a clause holds the words of two
 * phrasings, the one whose words hold the other's wins (`行政复议结果维持` over `行政复议`); two that
 * do not hold each other (`予以公开及部分公开42件`) state no one quantity, and nothing is read.
 */
export const PHRASINGS: readonly Phrasing[] = [
  cell(`${T}newReceived`, [RECEIVE, APPLICATION]),
  cell(`${T}carriedOver`, [['上年结转', '上年度结转', '上一年度结转', '上年度遗留', '上年遗留']]),
  cell(`${T}results.total`, [['办结', '答复', '办理'], APPLICATION]),
  cell(`${T}results.granted`, [['予以公开', '同意公开']]),
  cell(`${T}results.partiallyGranted`, [['部分公开']]),
  cell(`${T}results.denied`, [['不予公开']]),
  cell(`${T}results.unavailable`, [['无法提供']]),
  cell(`${T}results.notProcessed`, [['不予处理']]),
  cell(`${T}carriedForward`, [['结转下年度', '结转至下年度', '结转下一年度', '结转到下年度', '转入下年度']]),
  cell(`${R}review.total`, [['行政复议']], { context: DISCLOSURE }),
  cell(`${R}review.upheld`, [['行政复议'], ['维持']], { context: DISCLOSURE }),
  cell(`${R}review.corrected`, [['行政复议'], ['纠正']], { context: DISCLOSURE }),
  cell(`${R}review.pending`, [['行政复议'], ['尚未审结', '未审结']], { context: DISCLOSURE }),
  {
    words: [['行政诉讼']],
    cells: [`${R}litigationDirect.total`, `${R}litigationAfterReview.total`],
    path: `${R}litigationDirect.total + ${R}litigationAfterReview.total`,
    unit: 'count',
    context: DISCLOSURE
  },
  cell(
    `${R}litigationDirect.total`,
    [
      ['行政诉讼', '起诉'],
      ['未经复议', '直接起诉']
    ],
    { context: DISCLOSURE }
  ),
  cell(
    `${R}litigationAfterReview.total`,
    [
      ['行政诉讼', '起诉'],
      ['复议后起诉', '经复议后']
    ],
    { context: DISCLOSURE }
  ),
  cell('activeDisclosure.regulations.issued', [ISSUE, RULES], { editions: v2021 }),
  cell('activeDisclosure.regulations.repealed', [['废止'], RULES], { editions: v2021 }),
  cell('activeDisclosure.regulations.inForce', [['现行有效'], RULES], { editions: v2021 }),
  cell('activeDisclosure.normativeDocuments.issued', [ISSUE, DOCUMENTS], { editions: v2021 }),
  cell('activeDisclosure.normativeDocuments.repealed', [['废止'], DOCUMENTS], { editions: v2021 }),
  cell('activeDisclosure.normativeDocuments.inForce', [['现行有效'], DOCUMENTS], { editions: v2021 }),
  cell('activeDisclosure.regulations.made', [ISSUE, RULES], { editions: v2019 }),
  cell('activeDisclosure.normativeDocuments.made', [ISSUE, DOCUMENTS], { editions: v2019 }),
  cell('activeDisclosure.licensing.decisions', [['行政许可'], DECISION]),
  cell('activeDisclosure.punishment.decisions', [['行政处罚'], DECISION]),
  cell('activeDisclosure.coercion.decisions', [['行政强制'], DECISION]),
  cell('activeDisclosure.fees.amount', [['行政事业性收费']], { editions: v2021, unit: 'money' }),
  cell('activeDisclosure.procurement.amount', [['政府集中采购', '集中采购']], { editions: v2019, unit: 'money' })
]

/**
 * Words that make a sentence's figure another quantity than this report's: before the figure in
 * its sentence (a scope or a time: `全区`, `累计`, `上年度`), or anywhere in its clause (a
 * comparison, a share, a rank, an approximation, another applicant column, another kind of request).
 */
export const STATEMENT_DECOYS = {
  /** Before the figure in its sentence: a scope wider than the body, a sum over years, another year. */
  sentence: [
    '累计',
    '历年',
    '以来',
    '至今',
    '全县',
    '全市',
    '全区',
    '全省',
    '全州',
    '全旗',
    '全盟',
    '全国',
    '各级',
    '上年度',
    '上一年',
    '去年',
    '前年',
    '上年同期',
    '往年'
  ],
  /** In the figure's clause. */
  clause: [
    '同比',
    '较上年',
    '比上年',
    '较去年',
    '环比',
    '增长',
    '增加',
    '减少',
    '下降',
    '上升',
    '占',
    '%',
    '％',
    '百分',
    '比例',
    '比重',
    '排名',
    '名列',
    '位列',
    '左右',
    '以上',
    '以下',
    '以内',
    '上下',
    '平均',
    '每',
    '自然人',
    '法人',
    '企业',
    '科研机构',
    '公益组织',
    '法律服务机构',
    '诉求',
    '咨询',
    '信访',
    '热线',
    '信息处理费',
    '预计',
    '计划',
    '目标',
    '等'
  ],
  /** Just before the figure: an approximation or a bound. */
  before: ['约', '近', '逾', '超过', '超', '第', '不足', '不到', '将近'],
  /** Just after the figure's unit or digits: an approximation. */
  after: ['余', '多']
} as const

/** Where a sentence ends; a clause ends at these and at the sentence's end. */
export const SENTENCE_ENDS = '。！？!?\n'
/** Where a clause ends inside a sentence. */
export const CLAUSE_ENDS = '，,；;：:、（）()'

/** The unit of a counted figure. */
export const COUNT_UNIT = '件'
