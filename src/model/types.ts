/**
 * The report model: the public contract of this package.
 *
 * Names here are public API. Add fields freely; never rename or drop one
 * without a CHANGELOG entry and a migration note.
 *
 * @module
 */

import type { Diagnostic, Position } from './diagnostics.js'
import type { ActiveDisclosure2019, ActiveDisclosure2021, Applications, Cell, Other2019, Other2021, ReviewAndLitigation } from './tables.js'

export type { Diagnostic, InvariantId, Position, Severity } from './diagnostics.js'
export type {
  ActiveDisclosure2019,
  ActiveDisclosure2021,
  Applicant,
  ApplicationColumn,
  Applications,
  Cell,
  Decisions,
  Denied,
  FeeAmount,
  IssuedRepealedInForce,
  ItemsChange,
  ItemsChangeDecisions,
  MadePublishedTotal,
  NotProcessed,
  Other2019,
  Other2021,
  Outcomes,
  Procurement,
  Results,
  ReviewAndLitigation,
  Unavailable
} from './tables.js'

/**
 * The two official editions of the format:
 *
 * - `'2019'`: 《中华人民共和国政府信息公开工作年度报告格式（试行）》, attached to 国办公开办函〔2019〕60号;
 *   used for reports on 2019 and 2020.
 * - `'2021'`: 《中华人民共和国政府信息公开工作年度报告格式》, issued by 国办公开办函〔2021〕30号
 *   (2021-09-26); used for reports on 2021 onward.
 */
export type Edition = '2019' | '2021'

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

/**
 * The six sections of a report: `'overview'` (一、总体情况), `'activeDisclosure'` (二、主动公开政府信息情况),
 * `'applications'` (三、收到和处理政府信息公开申请情况), `'reviewAndLitigation'` (四、政府信息公开行政复议、行政诉讼情况),
 * `'problems'` (五、存在的主要问题及改进情况), `'other'` (六、其他需要报告的事项).
 */
export type SectionKey = 'overview' | 'activeDisclosure' | 'applications' | 'reviewAndLitigation' | 'problems' | 'other'

/** One section of a report as printed: its heading, its prose (tables excluded), where it stands. */
export interface NarrativeSection {
  /** Which section it is. */
  section: SectionKey
  /** Its heading as printed, e.g. `一、总体情况`, `4、因政府信息公开工作被申请行政复议、提起行政诉讼情况`. */
  heading: string
  /**
   * Its prose as printed, tables excluded: every paragraph from its heading to the next section's
   * (before and after its table), joined by `\n`; `null` when it prints none.
   */
  text: string | null
  /** Where its heading starts. */
  position?: Position
}

/**
 * A figure the narrative states that the tables also hold: `本年度共收到政府信息公开申请859件` states
 * `applications.total.newReceived` = 859. Only a sentence that names one quantity of this report's
 * year is read (never a cumulative, a previous year's, a county-wide total, a share, a rank, a
 * range or an approximation); see docs/diagnostics.md (`text_table_mismatch`).
 */
export interface Statement {
  /**
   * What it states: a cell (`applications.total.newReceived`), a group whose cells it sums
   * (`applications.total.results.denied`: 不予公开), or, for a sum of cells of no one group, their
   * paths joined by ` + ` (行政诉讼: `reviewAndLitigation.litigationDirect.total + reviewAndLitigation.litigationAfterReview.total`).
   */
  path: string
  /** The cells whose sum it states (one for a cell). */
  cells: string[]
  /** The figure in the cells' unit: a count, or money in 万元 (`251000元` is `25.1`). */
  value: number
  /** The unit as printed: `件`, or a money unit (`元`, `万元` …). */
  unit: string
  /** The sentence as printed (up to its `。`). */
  text: string
  /**
   * Where the sentence starts: in plain text, its line and column; in other formats, where the
   * paragraph holding it starts.
   */
  position?: Position
}

/**
 * Where a report's organisation or year was read from, strongest first:
 *
 * - `'title'`: the report's title in its body (near the top; lines of a broken title joined,
 *   letter-spacing and a crawler's key such as `标题：` removed);
 * - `'crawlerHeader'`: the `标题:` line of the header a crawler wrote over the article it saved;
 * - `'documentTitle'`: the title the file gives itself apart from its body (an HTML page's
 *   `<title>`, its site's name after `_`, `-`, `|` or `—` left out);
 * - `'period'`: the year only, from the statistics period the report states
 *   (`本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止`);
 * - `'caller'`: given by the caller (`ParseOptions.organization`, `ParseOptions.year`, or the
 *   command's `--identity` CSV).
 *
 * Each of the first four reads a year printed in Arabic digits or in Chinese numerals alike
 * (`2024年`, `二〇二四年`, `二○二四年`, `二零二四年`; a period's `一月一日` to `十二月三十一日`).
 * A publication date (`发布时间：2025-01-20`, a date under the title or at the end) is never evidence of the year.
 */
export type IdentityOrigin = 'title' | 'crawlerHeader' | 'documentTitle' | 'period' | 'caller'

/** The evidence a report's organisation or year was read from. */
export interface IdentitySource {
  /** What kind of evidence it is. */
  from: IdentityOrigin
  /**
   * The words the value was read from: the title as joined (`某某县发展和改革局2023年政府信息公开工作年度报告`),
   * the `<title>` as printed, the period's words (`统计期限为2024年1月1日至12月31日`), or, for
   * `'caller'`, the value as given.
   */
  text: string
  /**
   * Where those words start in the input (for a title broken over lines, its first line; for the
   * period, the start of the paragraph that states it). Absent for `'caller'`, and where the
   * adapter gives no positions. A report read back from JSON keeps the position it was written
   * with, a place in the input first read.
   */
  position?: Position
}

/**
 * Who issued a report and which year it reports on, as evidence: each field the reading that
 * `organization` and `year` hold, or `null` when nothing the report prints could be read (then a
 * diagnostic `organization_unknown` or `year_unknown` names the field).
 */
export interface Identity {
  /** What `organization` was read from; `null` when it is `null`. */
  organization: IdentitySource | null
  /** What `year` was read from; `null` when it is `null`. */
  year: IdentitySource | null
}

/** What both editions share. */
export interface ReportBase {
  /**
   * `'2019'` or `'2021'`: which official format the tables follow — `'2019'` is
   * 国办公开办函〔2019〕60号 (试行, reports on 2019–2020), `'2021'` is 国办公开办函〔2021〕30号
   * (reports on 2021 onward). Narrow on it to get the edition's tables 二 and 三.
   */
  edition: Edition
  /** The title line as printed, e.g. `德亭镇人民政府2020年政府信息公开工作年度报告`. */
  title: string | null
  /**
   * The issuing body, e.g. `德亭镇人民政府`: from the title, else the crawler's header, else the
   * HTML `<title>` (see `identity.organization`), or as the caller gave it. Only white space, the
   * full-width forms of ASCII characters (`（` → `(`), a crawler's key and a leading `关于` are taken
   * off what was printed. `null` (with `organization_unknown`) when none of these names it.
   */
  organization: string | null
  /**
   * The year reported on, e.g. `2020`: from the title, else the crawler's header, else the HTML
   * `<title>`, else the statistics period (see `identity.year`), or as the caller gave it; only a
   * year from 2019 to next year counts. `null` (with `year_unknown`) when none of these gives one;
   * never a publication date.
   */
  year: number | null
  /** Where `organization` and `year` were read from: the evidence for each, or `null`. */
  identity: Identity
  /** The narrative sections 一, 五, 六. */
  sections: Sections
  /** Every section found (一 to 六), in document order: its heading, its prose (tables excluded), its position. */
  narrative: NarrativeSection[]
  /** The figures the narrative states that the tables also hold, in document order (see {@link Statement}). */
  statements: Statement[]
  /** 四、政府信息公开行政复议、行政诉讼情况 — administrative reconsiderations and lawsuits over disclosure. */
  reviewAndLitigation: ReviewAndLitigation
  /** Rows and lines outside the official format. */
  extras: Extra[]
}

/** A report in the 2019 format (试行), used for reports on 2019 and 2020. */
export interface Report2019 extends ReportBase {
  /**
   * `'2019'`: the tables follow 《中华人民共和国政府信息公开工作年度报告格式（试行）》, the format attached to
   * 国办公开办函〔2019〕60号, used for reports on 2019 and 2020. Discriminant of {@link Report}.
   */
  edition: '2019'
  /** 二、主动公开政府信息情况 — proactive disclosure, 2019 format: five blocks, with 本年增/减 and 政府集中采购. */
  activeDisclosure: ActiveDisclosure2019
  /** 三、收到和处理政府信息公开申请情况 — requests received and handled; （六）其他处理 is one row. */
  applications: Applications<Other2019>
}

/** A report in the 2021 format, used for reports on 2021 onward. */
export interface Report2021 extends ReportBase {
  /**
   * `'2021'`: the tables follow 《中华人民共和国政府信息公开工作年度报告格式》, issued by
   * 国办公开办函〔2021〕30号 (2021-09-26), used for reports on 2021 onward. Discriminant of {@link Report}.
   */
  edition: '2021'
  /** 二、主动公开政府信息情况 — proactive disclosure, 2021 format: four blocks, with 现行有效件数 and 本年收费金额. */
  activeDisclosure: ActiveDisclosure2021
  /** 三、收到和处理政府信息公开申请情况 — requests received and handled; （六）其他处理 has three rows. */
  applications: Applications<Other2021>
}

/** A report of either edition; narrow on `edition`. */
export type Report = Report2019 | Report2021

/** The built-in readers' names; `'none'` when no reader was run (an input past `maxInput`). */
export type BuiltInFormat = 'text' | 'markdown' | 'html' | 'json' | 'docx' | 'pdf' | 'none'

/**
 * The name of the reader that read a report: a built-in one (your editor lists them), or the name
 * of a custom adapter you registered (any other string).
 */
// `string & {}` keeps the built-in names offered by editors while any adapter's name is accepted.
export type FormatName = BuiltInFormat | (string & {})

/** What `parseReport()` returns. */
export interface ParseResult {
  /** The report, or `null` only when the input holds no recognisable report. */
  report: Report | null
  /** All diagnostics, in document order. */
  diagnostics: Diagnostic[]
  /** The adapter that produced it: `'text'`, `'markdown'`, `'html'`, `'json'`, `'docx'`, `'pdf'` or a custom adapter's name. */
  format: FormatName
  /** `true` when no diagnostic has severity `'error'`. */
  ok: boolean
  /**
   * Where this report starts in the input, when the input holds several (`parseReports`,
   * `parseReportsAsync`): the first text of its title or section 一 (with `page` in a PDF).
   */
  start?: Position
}

/**
 * The dot paths below `T` that lead to a cell (`number | null`), each prefixed with `P`. Objects
 * are followed; strings, arrays and other leaves are not.
 */
export type CellPathsOf<T, P extends string = ''> = {
  [K in keyof T & string]-?: T[K] extends Cell
    ? `${P}${K}`
    : T[K] extends readonly unknown[]
      ? never
      : T[K] extends object
        ? CellPathsOf<T[K], `${P}${K}.`>
        : never
}[keyof T & string]

/**
 * The dot path of a cell of an edition's report, e.g. `'applications.total.results.granted'`:
 * a typo does not compile. `CellPath` alone is a cell of either edition.
 */
export type CellPath<E extends Edition = Edition> = E extends '2019'
  ? CellPathsOf<Pick<Report2019, 'activeDisclosure' | 'applications' | 'reviewAndLitigation'>>
  : E extends '2021'
    ? CellPathsOf<Pick<Report2021, 'activeDisclosure' | 'applications' | 'reviewAndLitigation'>>
    : never
