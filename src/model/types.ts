/**
 * The report model: the public contract of `../shared/SCHEMA.md`.
 *
 * Names here are public API. Add fields freely; never rename or drop one
 * without a CHANGELOG entry and a migration note.
 *
 * @module
 */

import type { DiagnosticCode } from './codes.js'

/**
 * One number of a table as printed.
 *
 * `null` means the cell was printed blank, `/`, `-`, `—` or `无`, or could not
 * be recovered; a diagnostic then says which.
 */
export type Cell = number | null

/** A place in the input: 1-based `line` and `column`, 0-based `offset` (UTF-16 code units). */
export interface Position {
  /** Line, 1-based. */
  line: number
  /** Column, 1-based, in UTF-16 code units. */
  column: number
  /** Offset from the start of the input, 0-based, in UTF-16 code units. */
  offset: number
}

/** The two official editions of the format: 2019 (试行, reports on 2019–2020) and 2021 (reports on 2021 on). */
export type Edition = '2019' | '2021'

/** Severity of a diagnostic. */
export type Severity = 'error' | 'warning' | 'info'

/**
 * A problem or note about the input, as data with a place.
 *
 * Every number in a report that is not exactly what the input printed in
 * that cell carries a diagnostic whose `path` names it (or a table prefix of it).
 */
export interface Diagnostic {
  /** Stable snake_case code, documented in docs/diagnostics.md. */
  code: DiagnosticCode
  /** `error`, `warning` or `info`. */
  severity: Severity
  /** One sentence: what and where, in plain words. */
  message: string
  /** Dot path into the report, e.g. `applications.total.results.total`. */
  path?: string
  /** Where in the input. */
  position?: Position
  /** For sum rules: what the parts add up to; for `value_inferred`: the value filled in. */
  expected?: number
  /** What was printed. */
  actual?: number
  /** The invariant of FORMATS.md that failed or was used (`I-1` … `I-7`), where one applies. */
  rule?: InvariantId
}

/** Identifiers of the invariants (勾稽关系) of FORMATS.md. */
export type InvariantId = 'I-1' | 'I-3' | 'I-4' | 'I-5' | 'I-6' | 'I-7'

/** 二、主动公开政府信息情况, 2019 format. */
export interface ActiveDisclosure2019 {
  /** 规章 */
  regulations: MadePublishedTotal
  /** 规范性文件 */
  normativeDocuments: MadePublishedTotal
  /** 行政许可 */
  licensing: ItemsChangeDecisions
  /** 其他对外管理服务事项 */
  otherServices: ItemsChangeDecisions
  /** 行政处罚 */
  punishment: ItemsChangeDecisions
  /** 行政强制 */
  coercion: ItemsChangeDecisions
  /** 行政事业性收费 */
  fees: ItemsChange
  /** 政府集中采购 */
  procurement: Procurement
}

/** Columns 本年新制作数量, 本年新公开数量, 对外公开总数量 (2019 block （一）). */
export interface MadePublishedTotal {
  /** 本年新制作数量 */
  made: Cell
  /** 本年新公开数量 */
  published: Cell
  /** 对外公开总数量 */
  total: Cell
}

/** Columns 上一年项目数量, 本年增/减 (2019 block （八）). */
export interface ItemsChange {
  /** 上一年项目数量 */
  previousItems: Cell
  /** 本年增/减: signed. */
  change: Cell
}

/** Columns 上一年项目数量, 本年增/减, 处理决定数量 (2019 blocks （五）, （六）). */
export interface ItemsChangeDecisions extends ItemsChange {
  /** 处理决定数量 */
  decisions: Cell
}

/** 政府集中采购 (2019 block （九）). */
export interface Procurement {
  /** 采购项目数量 */
  projects: Cell
  /** 采购总金额, in 万元. */
  amount: Cell
}

/** 二、主动公开政府信息情况, 2021 format. */
export interface ActiveDisclosure2021 {
  /** 规章 */
  regulations: IssuedRepealedInForce
  /** 行政规范性文件 */
  normativeDocuments: IssuedRepealedInForce
  /** 行政许可 */
  licensing: Decisions
  /** 行政处罚 */
  punishment: Decisions
  /** 行政强制 */
  coercion: Decisions
  /** 行政事业性收费 */
  fees: FeeAmount
}

/** Columns 本年制发件数, 本年废止件数, 现行有效件数 (2021 block （一）). */
export interface IssuedRepealedInForce {
  /** 本年制发件数 */
  issued: Cell
  /** 本年废止件数 */
  repealed: Cell
  /** 现行有效件数 */
  inForce: Cell
}

/** Column 本年处理决定数量 (2021 blocks （五）, （六）). */
export interface Decisions {
  /** 本年处理决定数量 */
  decisions: Cell
}

/** Column 本年收费金额 (2021 block （八）). */
export interface FeeAmount {
  /** 本年收费金额, in 万元. */
  amount: Cell
}

/** The applicant columns of table 三; 法人或其他组织 is a spanning header, not a column. */
export type Applicant =
  | 'naturalPerson'
  | 'commercial'
  | 'research'
  | 'nonProfit'
  | 'legalService'
  | 'otherOrganization'
  | 'total'

/** 三、收到和处理政府信息公开申请情况, column-major: one column per applicant. */
export type Applications<O> = Record<Applicant, ApplicationColumn<O>>

/** One applicant column of table 三. */
export interface ApplicationColumn<O> {
  /** 一、本年新收政府信息公开申请数量 */
  newReceived: Cell
  /** 二、上年结转政府信息公开申请数量 */
  carriedOver: Cell
  /** 三、本年度办理结果 */
  results: Results<O>
  /** 四、结转下年度继续办理 */
  carriedForward: Cell
}

/** 三、本年度办理结果 */
export interface Results<O> {
  /** （一）予以公开 */
  granted: Cell
  /** （二）部分公开 */
  partiallyGranted: Cell
  /** （三）不予公开 */
  denied: Denied
  /** （四）无法提供 */
  unavailable: Unavailable
  /** （五）不予处理 */
  notProcessed: NotProcessed
  /** （六）其他处理 */
  other: O
  /** （七）总计 */
  total: Cell
}

/** （三）不予公开 */
export interface Denied {
  /** 1.属于国家秘密 */
  stateSecret: Cell
  /** 2.其他法律行政法规禁止公开 */
  prohibitedByLaw: Cell
  /** 3.危及“三安全一稳定” */
  endangersSafety: Cell
  /** 4.保护第三方合法权益 */
  thirdPartyRights: Cell
  /** 5.属于三类内部事务信息 */
  internalAffairs: Cell
  /** 6.属于四类过程性信息 */
  processInformation: Cell
  /** 7.属于行政执法案卷 */
  enforcementFiles: Cell
  /** 8.属于行政查询事项 */
  administrativeQuery: Cell
}

/** （四）无法提供 */
export interface Unavailable {
  /** 1.本机关不掌握相关政府信息 */
  notHeld: Cell
  /** 2.没有现成信息需要另行制作 */
  needsCreation: Cell
  /** 3.补正后申请内容仍不明确 */
  unclearAfterCorrection: Cell
}

/** （五）不予处理 */
export interface NotProcessed {
  /** 1.信访举报投诉类申请 */
  complaint: Cell
  /** 2.重复申请 */
  duplicate: Cell
  /** 3.要求提供公开出版物 */
  publication: Cell
  /** 4.无正当理由大量反复申请 */
  excessive: Cell
  /** 5.要求行政机关确认或重新出具已获取信息 */
  confirmation: Cell
}

/** （六）其他处理, 2019 format: one row. */
export type Other2019 = Cell

/** （六）其他处理, 2021 format: three rows. */
export interface Other2021 {
  /** 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 */
  overdueCorrection: Cell
  /** 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 */
  overdueFee: Cell
  /** 3.其他 */
  other: Cell
}

/** 四、政府信息公开行政复议、行政诉讼情况 */
export interface ReviewAndLitigation {
  /** 行政复议 */
  review: Outcomes
  /** 行政诉讼 · 未经复议直接起诉 */
  litigationDirect: Outcomes
  /** 行政诉讼 · 复议后起诉 */
  litigationAfterReview: Outcomes
}

/** The five columns of each group of table 四. */
export interface Outcomes {
  /** 结果维持 */
  upheld: Cell
  /** 结果纠正 */
  corrected: Cell
  /** 其他结果 */
  other: Cell
  /** 尚未审结 */
  pending: Cell
  /** 总计 */
  total: Cell
}

/** A row or line outside the official format, kept, never dropped. */
export interface Extra {
  /** Its label as printed, without a leading year (`2020年`). */
  label: string
  /** Its value: a number, a text, or `null` when it has none. */
  value: Cell | string
  /** The whole row or line as printed. */
  text: string
  /** Where it starts in the input. */
  position?: Position
  /** For a row of several cells: each value as printed (numbers, or `null` for blanks and text). */
  values?: Cell[]
}

/** The narrative sections. */
export interface Sections {
  /** 一、总体情况: its text, headings and tables excluded. */
  overview: string | null
  /** 五、存在的主要问题及改进情况 */
  problems: string | null
  /** 六、其他需要报告的事项 */
  other: string | null
}

/** What both editions share. */
export interface ReportBase {
  /** `'2019'` or `'2021'`: which official format the tables follow. */
  edition: Edition
  /** The title line as printed, e.g. `德亭镇人民政府2020年政府信息公开工作年度报告`. */
  title: string | null
  /** Issuing body from the title, e.g. `德亭镇人民政府`. */
  organization: string | null
  /** The year reported on, e.g. `2020`. */
  year: number | null
  /** The narrative sections 一, 五, 六. */
  sections: Sections
  /** 四、政府信息公开行政复议、行政诉讼情况 */
  reviewAndLitigation: ReviewAndLitigation
  /** Rows and lines outside the official format. */
  extras: Extra[]
}

/** A report in the 2019 format (试行), used for reports on 2019 and 2020. */
export interface Report2019 extends ReportBase {
  /** Discriminant. */
  edition: '2019'
  /** 二、主动公开政府信息情况 */
  activeDisclosure: ActiveDisclosure2019
  /** 三、收到和处理政府信息公开申请情况 */
  applications: Applications<Other2019>
}

/** A report in the 2021 format, used for reports on 2021 onward. */
export interface Report2021 extends ReportBase {
  /** Discriminant. */
  edition: '2021'
  /** 二、主动公开政府信息情况 */
  activeDisclosure: ActiveDisclosure2021
  /** 三、收到和处理政府信息公开申请情况 */
  applications: Applications<Other2021>
}

/** A report of either edition; narrow on `edition`. */
export type Report = Report2019 | Report2021

/** What `parseReport()` returns. */
export interface ParseResult {
  /** The report, or `null` only when the input holds no recognisable report. */
  report: Report | null
  /** All diagnostics, in document order. */
  diagnostics: Diagnostic[]
  /** The adapter that produced it: `'text'`, `'markdown'`, `'html'` or a custom adapter's name. */
  format: string
  /** `true` when no diagnostic has severity `'error'`. */
  ok: boolean
}
