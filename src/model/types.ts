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
  /** Issuing body from the title, e.g. `德亭镇人民政府`. */
  organization: string | null
  /** The year reported on, e.g. `2020`. */
  year: number | null
  /** The narrative sections 一, 五, 六. */
  sections: Sections
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

/** What `parseReport()` returns. */
export interface ParseResult {
  /** The report, or `null` only when the input holds no recognisable report. */
  report: Report | null
  /** All diagnostics, in document order. */
  diagnostics: Diagnostic[]
  /** The adapter that produced it: `'text'`, `'markdown'`, `'html'`, `'json'`, `'docx'`, `'pdf'` or a custom adapter's name. */
  format: string
  /** `true` when no diagnostic has severity `'error'`. */
  ok: boolean
  /**
   * Where this report starts in the input, when the input holds several (`parseReports`,
   * `parseReportsAsync`): the first text of its title or section 一 (with `page` in a PDF).
   */
  start?: Position
}
