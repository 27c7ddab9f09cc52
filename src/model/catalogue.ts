/**
 * The catalogue of each edition's tables: blocks, rows, columns and the label
 * variants seen in real reports. Data, shared by every adapter: a new label
 * variant is one string in a `labels` list here, never a new `if`.
 *
 * Labels are written as printed; matching normalises them (NFKC, no
 * whitespace, no quotes, unified brackets and 、/，) and drops a leading
 * enumerator (`一、`, `（三）`, `2.`), see `core/normalize.ts`.
 *
 * @module
 */

import type { Applicant, Edition, SectionKey } from './types.js'

/** A column of table 二. */
export interface ColumnSpec {
  /** Key in the model, e.g. `made`. */
  readonly key: string
  /** Header labels as printed; the first is the official one. */
  readonly labels: readonly string[]
  /** A money column, in 万元, that may have decimals. */
  readonly money?: boolean
  /** A signed count (本年增/减). */
  readonly signed?: boolean
  /** For a money column: words by which a note of the table that states a unit names it (`采购总金额单位为元`). */
  readonly noteWords?: readonly string[]
  /** What a count of this column counts, when not {@link COUNT_UNIT} (`项`: items of a list); a money column is in {@link MONEY_UNIT}. */
  readonly unit?: string
}

/** What a count of the format counts unless its column says otherwise: documents, applications, cases (`件`). */
export const COUNT_UNIT = '件'

/** The unit of every money cell of the model (a printed amount in another unit is converted to it). */
export const MONEY_UNIT = '万元'

/** A data row of table 二. */
export interface Table2RowSpec {
  /** Key in `activeDisclosure`, e.g. `regulations`. */
  readonly key: string
  /** Row labels as printed; the first is the official one. */
  readonly labels: readonly string[]
  /** Its column keys, in the official order. */
  readonly columns: readonly string[]
}

/** A row of table 三: a data row (`path` set) or a group label over data rows. */
export interface Table3RowSpec {
  /** Path inside one applicant column, e.g. `results.denied.stateSecret`; absent for a group label. */
  readonly path?: string
  /** Labels as printed; the first is the official one. */
  readonly labels: readonly string[]
}

/** Everything that differs between the editions. */
export interface EditionCatalogue {
  /** The edition. */
  readonly edition: Edition
  /** Texts whose presence marks a report of this edition (FORMATS.md, Format detection). */
  readonly markers: readonly string[]
  /** Columns of table 二. */
  readonly table2Columns: readonly ColumnSpec[]
  /** Data rows of table 二, in the official order. */
  readonly table2Rows: readonly Table2RowSpec[]
  /** Rows of table 三, in the official order, groups included. */
  readonly table3Rows: readonly Table3RowSpec[]
  /** Table 二's blocks in the official layout: each 第二十条 caption and the rows under it. */
  readonly table2Blocks: readonly Table2Block[]
}

/** A block of table 二 in the official layout. */
export interface Table2Block {
  /** Its caption, e.g. `第二十条第（一）项`. */
  readonly caption: string
  /** The keys of its rows, in order. */
  readonly rows: readonly string[]
}

/** The applicant columns of table 三, official order. */
export const APPLICANT_COLUMNS: readonly { readonly key: Applicant; readonly labels: readonly string[] }[] = [
  { key: 'naturalPerson', labels: ['自然人'] },
  { key: 'commercial', labels: ['商业企业'] },
  { key: 'research', labels: ['科研机构'] },
  { key: 'nonProfit', labels: ['社会公益组织'] },
  { key: 'legalService', labels: ['法律服务机构'] },
  { key: 'otherOrganization', labels: ['其他'] },
  { key: 'total', labels: ['总计'] }
]

/**
 * The money units a cell or a header may name, each with the power of ten that turns it into
 * 万元 (the unit of the model): `251000元` is 25.1 万元, `1.5百万元` is 150 万元. A new unit is one
 * line here.
 */
export const MONEY_UNITS: readonly { readonly unit: string; readonly toWanyuan: number }[] = [
  { unit: '元', toWanyuan: -4 },
  { unit: '千元', toWanyuan: -1 },
  { unit: '万元', toWanyuan: 0 },
  { unit: '十万元', toWanyuan: 1 },
  { unit: '百万元', toWanyuan: 2 },
  { unit: '千万元', toWanyuan: 3 },
  { unit: '亿元', toWanyuan: 4 }
]

/**
 * How a note or caption of table 二 that states a unit may begin (`注：金额单位为元`), and words
 * a stated unit may carry that do not change it (`万元人民币` is 万元).
 */
export const UNIT_NOTE = { prefixes: ['注', '说明', '备注'], ignored: ['人民币'] } as const

/**
 * Texts that only a table of the format prints, by table: an input holding some of them holds a
 * table of the format, even where no row of it could be read.
 */
export const TABLE_MARKERS: Readonly<Record<2 | 3 | 4, readonly string[]>> = {
  2: ['第二十条第', '信息内容'],
  3: ['申请人情况', '本年新收政府信息公开申请数量'],
  4: ['结果维持', '尚未审结', '复议后起诉']
}

/** The applicant keys in official column order. */
export const APPLICANTS: readonly Applicant[] = APPLICANT_COLUMNS.map((column) => column.key)

/** The applicant columns that 法人或其他组织 spans. */
export const ORGANIZATION_APPLICANTS: readonly Applicant[] = ['commercial', 'research', 'nonProfit', 'legalService', 'otherOrganization']

/** Header texts of table 三 that are not columns. */
export const TABLE3_HEADER_LABELS = {
  /** The spanning header over the five organisation columns. */
  organizations: ['法人或其他组织'],
  /** The header over all applicant columns. */
  applicants: ['申请人情况'],
  /** A fragment of the balance note in the top-left cell. */
  noteFragment: '勾稽关系'
} as const

/** The groups of table 四, official order. */
export const TABLE4_GROUPS = [
  { key: 'review', labels: ['行政复议'] },
  { key: 'litigationDirect', labels: ['未经复议直接起诉'] },
  { key: 'litigationAfterReview', labels: ['复议后起诉'] }
] as const

/** The spanning header over the two litigation groups of table 四. */
export const TABLE4_LITIGATION_LABELS: readonly string[] = ['行政诉讼']

/** The five outcome columns of each group of table 四, official order. */
export const TABLE4_OUTCOMES = [
  { key: 'upheld', labels: ['结果维持'] },
  { key: 'corrected', labels: ['结果纠正'] },
  { key: 'other', labels: ['其他结果'] },
  { key: 'pending', labels: ['尚未审结'] },
  { key: 'total', labels: ['总计'] }
] as const

/** Table 二 texts that are neither rows nor columns. */
export const TABLE2_HEADER_LABELS = {
  /** The first header cell of each block. */
  content: ['信息内容'],
  /** Prefix of the block captions `第二十条第（一）项`. */
  captionPrefix: '第二十条'
} as const

/** Local additions to the format, kept in `extras` without an `unknown_label` note. A fragment each. */
export const KNOWN_EXTRAS: readonly string[] = [
  '政府信息公开发布总数量', // Jilin: 2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）：60
  '其他主动公开文件' // Hubei: an extra row in table 二 block （一）
]

const TABLE3_COMMON_HEAD: readonly Table3RowSpec[] = [
  { path: 'newReceived', labels: ['一、本年新收政府信息公开申请数量'] },
  { path: 'carriedOver', labels: ['二、上年结转政府信息公开申请数量'] },
  { labels: ['三、本年度办理结果'] },
  { path: 'results.granted', labels: ['（一）予以公开'] },
  {
    path: 'results.partiallyGranted',
    labels: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开']
  },
  { labels: ['（三）不予公开'] },
  { path: 'results.denied.stateSecret', labels: ['1.属于国家秘密'] },
  { path: 'results.denied.prohibitedByLaw', labels: ['2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开'] },
  { path: 'results.denied.endangersSafety', labels: ['3.危及“三安全一稳定”'] },
  { path: 'results.denied.thirdPartyRights', labels: ['4.保护第三方合法权益'] },
  { path: 'results.denied.internalAffairs', labels: ['5.属于三类内部事务信息'] },
  { path: 'results.denied.processInformation', labels: ['6.属于四类过程性信息'] },
  { path: 'results.denied.enforcementFiles', labels: ['7.属于行政执法案卷'] },
  { path: 'results.denied.administrativeQuery', labels: ['8.属于行政查询事项'] },
  { labels: ['（四）无法提供'] },
  { path: 'results.unavailable.notHeld', labels: ['1.本机关不掌握相关政府信息'] },
  { path: 'results.unavailable.needsCreation', labels: ['2.没有现成信息需要另行制作'] },
  { path: 'results.unavailable.unclearAfterCorrection', labels: ['3.补正后申请内容仍不明确'] },
  { labels: ['（五）不予处理'] },
  { path: 'results.notProcessed.complaint', labels: ['1.信访举报投诉类申请'] },
  { path: 'results.notProcessed.duplicate', labels: ['2.重复申请'] },
  { path: 'results.notProcessed.publication', labels: ['3.要求提供公开出版物'] },
  { path: 'results.notProcessed.excessive', labels: ['4.无正当理由大量反复申请'] },
  { path: 'results.notProcessed.confirmation', labels: ['5.要求行政机关确认或重新出具已获取信息'] }
]

const TABLE3_COMMON_TAIL: readonly Table3RowSpec[] = [
  { path: 'results.total', labels: ['（七）总计'] },
  { path: 'carriedForward', labels: ['四、结转下年度继续办理'] }
]

/** The 2019 format (国办公开办函〔2019〕60号). */
export const CATALOGUE_2019: EditionCatalogue = {
  edition: '2019',
  markers: ['本年新制作数量', '本年新公开数量', '上一年项目数量', '本年增/减', '第二十条第（九）项', '政府集中采购'],
  table2Columns: [
    { key: 'made', labels: ['本年新制作数量'] },
    { key: 'published', labels: ['本年新公开数量'] },
    { key: 'total', labels: ['对外公开总数量'] },
    { key: 'previousItems', labels: ['上一年项目数量'], unit: '项' },
    { key: 'change', labels: ['本年增/减', '本年增减'], signed: true, unit: '项' },
    { key: 'decisions', labels: ['处理决定数量'] },
    { key: 'projects', labels: ['采购项目数量'], unit: '项' },
    { key: 'amount', labels: ['采购总金额'], money: true, noteWords: ['采购'] }
  ],
  table2Rows: [
    { key: 'regulations', labels: ['规章'], columns: ['made', 'published', 'total'] },
    { key: 'normativeDocuments', labels: ['规范性文件', '行政规范性文件'], columns: ['made', 'published', 'total'] },
    { key: 'licensing', labels: ['行政许可'], columns: ['previousItems', 'change', 'decisions'] },
    { key: 'otherServices', labels: ['其他对外管理服务事项'], columns: ['previousItems', 'change', 'decisions'] },
    { key: 'punishment', labels: ['行政处罚'], columns: ['previousItems', 'change', 'decisions'] },
    { key: 'coercion', labels: ['行政强制'], columns: ['previousItems', 'change', 'decisions'] },
    { key: 'fees', labels: ['行政事业性收费'], columns: ['previousItems', 'change'] },
    { key: 'procurement', labels: ['政府集中采购'], columns: ['projects', 'amount'] }
  ],
  table3Rows: [...TABLE3_COMMON_HEAD, { path: 'results.other', labels: ['（六）其他处理'] }, ...TABLE3_COMMON_TAIL],
  table2Blocks: [
    { caption: '第二十条第（一）项', rows: ['regulations', 'normativeDocuments'] },
    { caption: '第二十条第（五）项', rows: ['licensing', 'otherServices'] },
    { caption: '第二十条第（六）项', rows: ['punishment', 'coercion'] },
    { caption: '第二十条第（八）项', rows: ['fees'] },
    { caption: '第二十条第（九）项', rows: ['procurement'] }
  ]
}

/** The 2021 format (国办公开办函〔2021〕30号). */
export const CATALOGUE_2021: EditionCatalogue = {
  edition: '2021',
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '逾期不补正', '收费通知'],
  table2Columns: [
    { key: 'issued', labels: ['本年制发件数'] },
    { key: 'repealed', labels: ['本年废止件数'] },
    { key: 'inForce', labels: ['现行有效件数'] },
    { key: 'decisions', labels: ['本年处理决定数量', '处理决定数量'] },
    { key: 'amount', labels: ['本年收费金额'], money: true, noteWords: ['收费'] }
  ],
  table2Rows: [
    { key: 'regulations', labels: ['规章'], columns: ['issued', 'repealed', 'inForce'] },
    { key: 'normativeDocuments', labels: ['行政规范性文件', '规范性文件'], columns: ['issued', 'repealed', 'inForce'] },
    { key: 'licensing', labels: ['行政许可'], columns: ['decisions'] },
    { key: 'punishment', labels: ['行政处罚'], columns: ['decisions'] },
    { key: 'coercion', labels: ['行政强制'], columns: ['decisions'] },
    { key: 'fees', labels: ['行政事业性收费'], columns: ['amount'] }
  ],
  table3Rows: [
    ...TABLE3_COMMON_HEAD,
    { labels: ['（六）其他处理'] },
    {
      path: 'results.other.overdueCorrection',
      labels: ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']
    },
    {
      path: 'results.other.overdueFee',
      labels: ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']
    },
    { path: 'results.other.other', labels: ['3.其他'] },
    ...TABLE3_COMMON_TAIL
  ],
  table2Blocks: [
    { caption: '第二十条第（一）项', rows: ['regulations', 'normativeDocuments'] },
    { caption: '第二十条第（五）项', rows: ['licensing'] },
    { caption: '第二十条第（六）项', rows: ['punishment', 'coercion'] },
    { caption: '第二十条第（八）项', rows: ['fees'] }
  ]
}

/** The catalogue of each edition. */
export const CATALOGUES: Readonly<Record<Edition, EditionCatalogue>> = {
  '2019': CATALOGUE_2019,
  '2021': CATALOGUE_2021
}

const TABLE3_PATHS: Readonly<Record<Edition, readonly string[]>> = {
  '2019': Object.freeze(CATALOGUE_2019.table3Rows.flatMap((row) => (row.path === undefined ? [] : [row.path]))),
  '2021': Object.freeze(CATALOGUE_2021.table3Rows.flatMap((row) => (row.path === undefined ? [] : [row.path])))
}

/** The paths of table 三's data rows inside one applicant column, official order. */
export function table3Paths(edition: Edition): readonly string[] {
  return TABLE3_PATHS[edition]
}

/** The six sections of a report (the model's {@link SectionKey}). */
export type SectionId = SectionKey

/**
 * Section headings: for each section, fragments of its heading as printed in
 * real reports (FORMATS.md, Sections). A heading is a short line with numbering
 * (`一、`, `1、`, `##`) holding one of these.
 */
export const SECTION_HEADINGS: readonly { readonly id: SectionId; readonly fragments: readonly string[] }[] = [
  { id: 'overview', fragments: ['总体情况'] },
  { id: 'activeDisclosure', fragments: ['主动公开政府信息情况', '主动公开情况'] },
  { id: 'applications', fragments: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请'] },
  {
    id: 'reviewAndLitigation',
    fragments: ['行政复议、行政诉讼情况', '行政复议和行政诉讼情况', '行政复议、提起行政诉讼', '行政法复议', '行政复议,行政诉讼']
  },
  { id: 'problems', fragments: ['存在的主要问题及改进情况', '存在的主要问题和改进情况', '存在的主要问题'] },
  { id: 'other', fragments: ['其他需要报告的事项', '其他需要报告事项'] }
]

/**
 * Who and which year: the words the identity of a report is read by (docs in `ReportBase.identity`).
 * A crawler's key or a page's site name is never part of an organisation; a word of `notInName`
 * in what stands before a title's year means the words are not one body's name (a page's chrome,
 * a column's name joined to a title broken over lines), and no organisation is read from them.
 */
export const IDENTITY_WORDS = {
  /** Keys a crawler writes before a title (`标题：…`, `title: …`), taken off. */
  titleKeys: ['标题', '题目', '文章标题', '信息名称', 'title'],
  /** What separates a page's `<title>` from its site's name (`…年度报告_某某县人民政府网`). */
  siteSeparators: ['_', '|', '｜', '-', '－', '—', '–'],
  /** Words no body's name holds: the title's own words, a page's chrome. */
  notInName: ['信息公开', '政务公开', '年度报告', '工作报告', '年报', '首页', '当前位置', '网站', '门户', '栏目', '专栏', '附件'],
  /** The first year of the formats: an earlier year is no report's year. */
  firstYear: 2019
} as const

/**
 * The digits a year is written with in Chinese numerals (`二〇二四年`, `二○二三年`, `二零二二年`): each
 * character and its value, one a line. A year is exactly four of them before `年`; `十` is no digit
 * of a year (`二十四年` is no year) and only counts a month's or a day's tens (`十二月三十一日`).
 * The real reports of corpus-real print only `〇` (U+3007) in such a year; `○` (U+25CB, a circle)
 * and `零` are the forms editors type for it.
 */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
}

/** The character for ten in a month or a day written in Chinese numerals (`十二月`, `三十一日`). */
export const CHINESE_TEN = '十'

/** The last year a report can be on: next year (a report on this year may be published before it ends). */
export function lastYear(): number {
  return new Date().getFullYear() + 1
}

/**
 * Whether a year is one a report of the formats can be on: a whole number from 2019 to next year.
 *
 * @param year - A year.
 */
export function isReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= IDENTITY_WORDS.firstYear && year <= lastYear()
}
