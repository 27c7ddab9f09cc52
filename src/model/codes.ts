/**
 * The diagnostic codes: their list, what each means (documented per code for editors), and the
 * severity each always has.
 *
 * @module
 */

/** Severity of a diagnostic. */
export type Severity = 'error' | 'warning' | 'info'

/** Every diagnostic code, in documentation order. */
export const DIAGNOSTIC_CODES = [
  'not_a_report',
  'table_missing',
  'row_missing',
  'row_length_mismatch',
  'unknown_label',
  'blank_cell',
  'value_inferred',
  'ambiguous_value',
  'invalid_number',
  'sum_mismatch',
  'negative_value',
  'non_integer_count',
  'edition_conflict',
  'unit_converted',
  'unsupported_content',
  'columns_reordered',
  'column_header_unreadable',
  'conflicting_values',
  'several_reports',
  'read_as_text',
  'input_too_large',
  'unknown_unit',
  'values_split',
  'label_variant',
  'group_as_row',
  'unruled_table',
  'hidden_text',
  'organization_unknown',
  'year_unknown',
  'identity_conflict',
  'encoding_repaired',
  'encoding_guessed',
  'resource_limit',
  'text_table_mismatch',
  'section_missing'
] as const

/** A stable diagnostic code: one of {@link DIAGNOSTIC_CODES}. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]

/** What every diagnostic of a code has in common. */
export interface DiagnosticInfo {
  /** The severity a diagnostic of this code always has. */
  severity: Severity
  /** One sentence on what it means. */
  summary: string
}

/**
 * Every diagnostic code as a documented key: the code's Chinese name, its severity, and what it
 * means. Hover a key (or `DIAGNOSTIC_INFO.blank_cell`, or a completion after `DIAGNOSTIC_INFO.`)
 * to read it in an editor; docs/diagnostics.md has an example and what to do for each.
 *
 * The keys are exactly {@link DiagnosticCode} (checked at compile time below);
 * {@link DIAGNOSTIC_CODES} is the runtime list. An editor cannot show docs on a string-literal
 * completion such as `d.code === '…'`, so the documentation lives on these keys.
 */
export interface DiagnosticCodeMap {
  /**
   * 不是年度报告 · **error** — no table of the 2019 or 2021 format could be found; `report` is `null`.
   * A report from before 2019 (an unrelated 统计表) gives this; where texts of the format's tables
   * are in the input but no row could be read, the message names them.
   */
  not_a_report: DiagnosticInfo
  /**
   * 缺少表格 · **error** — one of tables 二, 三, 四 is absent; its cells are `null` and nothing stands in for them.
   */
  table_missing: DiagnosticInfo
  /**
   * 缺少行 · **warning** — a row of a table is absent; its cells are `null` unless `repair` can fill
   * them from the totals (each then with `value_inferred`).
   */
  row_missing: DiagnosticInfo
  /**
   * 行内数值个数不符 · **warning** — a row prints more or fewer values than the table has columns; its
   * cells are `null` unless exactly one placement keeps every invariant (then each gets `value_inferred`).
   */
  row_length_mismatch: DiagnosticInfo
  /**
   * 未知标签 · **info** — a row or line matched no label of the format; it is kept, values and all,
   * in `extras` (`path` is `extras.N`).
   */
  unknown_label: DiagnosticInfo
  /**
   * 空白单元格 · **info** — a cell printed blank, `/`, `-`, `—` or `无`; it is `null` unless `repair`
   * fills it from the totals. The library never assumes a blank means 0.
   */
  blank_cell: DiagnosticInfo
  /**
   * 推算填补 · **warning** — a missing or blank cell was filled from the totals invariants (`repair`);
   * `expected` holds the value filled in. Parse with `repair: false` for printed values only.
   */
  value_inferred: DiagnosticInfo
  /**
   * 数值无法确定 · **error** — the input admits more than one reading of a row (or none that keeps the
   * totals), e.g. digits run together; its cells stay `null`.
   */
  ambiguous_value: DiagnosticInfo
  /**
   * 非数字 · **warning** — a value cell holds text that is not a number (`约12`), or digits that are
   * not one number as printed (two numbers: `3 5`, `3<br>5`; a footnote mark: `13①`, `13¹`, `13*`;
   * more than 15 significant digits); the cell is `null` unless repair fills it.
   */
  invalid_number: DiagnosticInfo
  /**
   * 勾稽关系不符 · **warning** — an invariant of the format (I-1, I-3, I-4, I-5) does not hold as printed;
   * `expected` is what the parts add up to, `actual` what was printed. Printed values are never changed.
   */
  sum_mismatch: DiagnosticInfo
  /**
   * 负数 · **warning** — a count that must be ≥ 0 is negative (I-6); 本年增/减 may be negative and is not flagged.
   */
  negative_value: DiagnosticInfo
  /**
   * 计数非整数 · **warning** — a count that must be a whole number has decimals (I-7); money (万元) may have decimals.
   */
  non_integer_count: DiagnosticInfo
  /**
   * 格式版本冲突 · **warning** — markers of both the 2019 and the 2021 format are present; the edition
   * with more markers is used (ties go by the report's year).
   */
  edition_conflict: DiagnosticInfo
  /**
   * 单位已换算 · **info** — a money cell was converted to 万元 (10,000 yuan), e.g. `251000元` → `25.1`,
   * by the unit in the cell, its header, or a note of table 二 (`注：金额单位为元`); `actual` is the
   * figure as printed, `expected` the value in 万元.
   */
  unit_converted: DiagnosticInfo
  /**
   * 无法读取的内容 · **warning** — a part of the input in another format (such as a raw HTML table in
   * Markdown) could not be read by any adapter; what it holds is not in the report.
   */
  unsupported_content: DiagnosticInfo
  /**
   * 列序与格式不同 · **warning** — table 三 or 四 prints its columns in another order than the
   * format (总计 first, 商业企业 before 自然人, 行政诉讼 before 行政复议…); each value is placed in the
   * column its printed header names, not by its position. The message lists the printed order.
   */
  columns_reordered: DiagnosticInfo
  /**
   * 表头无法识别 · **warning** — the column header of table 三 or 四 names a column twice or leaves
   * one out, so the printed order of its columns is not known; its values are placed in the
   * official order, which may be wrong. Check the table against the original.
   */
  column_header_unreadable: DiagnosticInfo
  /**
   * 重复印出且数值不同 · **warning** — a row is printed twice (a table repeated, a row printed
   * again) and the second printing gives a cell another value: the first printing is kept, and
   * the message gives both values. The same values printed again say nothing.
   */
  conflicting_values: DiagnosticInfo
  /**
   * 一个文件中有多份报告 · **warning** — the input holds more than one report (a second 一、总体情况
   * after the first report's tables, with its title): `parseReport` reads the first only, never a
   * mix of both; its position is where the next one starts. `parseReports` reads each.
   */
  several_reports: DiagnosticInfo
  /**
   * 按纯文本读取 · **warning** — the input goes beyond what the Markdown parser may be given (larger
   * than 256 KB, a block without blank lines over 32 KB, or over 32 setext underlines, 1 024
   * emphasis marks or 1 024 link brackets in one block: shapes on which its time grows faster than
   * the input), so it was read as plain text: pipe and tab rows and `#` headings are read, raw HTML
   * tables, lists and links are not.
   */
  read_as_text: DiagnosticInfo
  /**
   * 输入过大 · **error** — the input is larger than `options.maxInput` (default 10 MiB); it was
   * not read, and `report` is `null`.
   */
  input_too_large: DiagnosticInfo
  /**
   * 未知金额单位 · **warning** — a money column's header or a note of table 二 states a unit that is
   * not one of the catalogue's (`单位：美元`, `单位：万`), or the header and a note state two units:
   * the cell is `null`, never read in a unit it might mean.
   */
  unknown_unit: DiagnosticInfo
  /**
   * 数值已拆分 · **warning** — a row's values were printed run together (a crawled page's table
   * flattened into one line: `21710000218`); they were cut where the only split that keeps the
   * format's rules and the totals says (`217 | 1 | 0 | 0 | 0 | 0 | 218`). The message names the run and
   * the split, and what decided it.
   */
  values_split: DiagnosticInfo
  /**
   * 标签异写 · **info** — a text in a table that is no label of the format as printed, but a few
   * characters from exactly one (a typo: `2.其他法律行政止公开`), was read as that label.
   */
  label_variant: DiagnosticInfo
  /**
   * 分组合并为一行 · **warning** — a group of table 三 that the format splits into rows (2021:
   * （六）其他处理 1.–3.) is printed as one row with values (the 2019 layout) and its rows are not:
   * in each column where it prints 0 they are 0, elsewhere `null`, the printed sum kept for repair.
   */
  group_as_row: DiagnosticInfo
  /**
   * 表格无框线 · **warning** — a page of a PDF holds table text but draws no ruling lines (or too
   * many to be a table's), so its cells could not be taken from a grid: its lines were kept as
   * text and its tables not read (their cells `null`; `table_missing` or `not_a_report` follows),
   * since which label a row of numbers belongs to would be a guess.
   */
  unruled_table: DiagnosticInfo
  /**
   * 隐藏文字未读取 · **warning** — text with digits that a reader of the page does not see stood in a
   * value cell and was not read: hidden by an inline style (`display:none`, `visibility:hidden`,
   * `mso-hide:all`) or the `hidden` attribute, deleted (`<del>`, `<s>`, `<strike>`, `~~…~~` in a
   * Markdown table), or drawn invisible in a PDF (render mode 3 or 7, fill alpha 0, white on white).
   * The cell holds what is seen; where only hidden digits stood, it is blank (with `blank_cell`).
   */
  hidden_text: DiagnosticInfo
  /**
   * 无法确定发布机关 · **warning** — no organisation could be read: the report prints no title
   * naming one (or one that reads as no body's name), and neither a crawler's `标题:` header nor an
   * HTML `<title>` names one; `organization` is `null` (`path` is `organization`). Give it with
   * `parseReport(input, { organization })` or the command's `--identity` CSV when you know it.
   */
  organization_unknown: DiagnosticInfo
  /**
   * 无法确定报告年度 · **warning** — no year could be read: no title, crawler header or HTML
   * `<title>` names one, and the report states no statistics period (`统计期限为2024年1月1日至12月31日`),
   * or the year it names is outside 2019 to next year; `year` is `null` (`path` is `year`). A
   * publication date is never taken for the year. Give it with `parseReport(input, { year })` or
   * `--identity` when you know it.
   */
  year_unknown: DiagnosticInfo
  /**
   * 年度或机关前后不一 · **warning** — two pieces of evidence disagree on the organisation or the
   * year (the title says 2023, the statistics period 2024): the stronger is kept (title, then
   * crawler header, then `<title>`, then period) and the message names both; `path` is the field.
   */
  identity_conflict: DiagnosticInfo
  /**
   * 编码已修复 · **warning** — bytes of the input could not be read in its encoding (a download cut
   * inside the last character, a stray `0xFF`) and were replaced with U+FFFD: the message says how
   * many, which encoding was read and why, and where the first is (`position` in the decoded text;
   * in UTF-8 its byte offset too). A cell holding one reads as text, never as a number.
   */
  encoding_repaired: DiagnosticInfo
  /**
   * 编码为推断 · **info** — the input has no byte order mark, declares no GB charset, and is not
   * valid UTF-8, so its encoding was chosen by what it holds: read as GB18030, whose reading holds
   * more of the format's labels than the UTF-8 one (the message gives both counts).
   */
  encoding_guessed: DiagnosticInfo
  /**
   * 超出资源上限 · **error** — the input asks for more work than its size allows, and what lay past
   * the limit was not read: a Word part inflating past 64 times the file's size (or past
   * `maxInput`), a PDF's streams decoding past 64 times its size, more pages than are read (256),
   * more operators and text items than its size allows, the PDF reader's memory or time running out,
   * HTML elements or tables nested deeper than are read. The message says which; where nothing was
   * read, `report` is `null`.
   */
  resource_limit: DiagnosticInfo
  /**
   * 文字与表格不符 · **info** — a sentence of the narrative states a figure of one quantity the
   * tables hold (`本年度共收到政府信息公开申请859件`: `applications.total.newReceived`), and the table
   * prints another. `path` is the cell (or the group whose sum it states), `expected` the table's
   * value, `actual` the sentence's, `position` the sentence's, `cellPosition` the cell's; the message
   * quotes the sentence. Where the cell is `null` because its glued run has several splits and none
   * gives the sentence's figure, `expected` is absent and the message lists what the splits give.
   * Nothing is said where they agree, and no cell is changed.
   */
  text_table_mismatch: DiagnosticInfo
  /**
   * 缺少章节 · **info** — section 五、存在的主要问题及改进情况 or 六、其他需要报告的事项, which every
   * report of the format prints, is missing or prints no text under its heading; `path` is
   * `sections.problems` or `sections.other`.
   */
  section_missing: DiagnosticInfo
}

/**
 * Compile-time check: the keys of {@link DiagnosticCodeMap} are exactly the codes of
 * {@link DIAGNOSTIC_CODES}. A code added to one and not the other fails to type-check here.
 */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Holds<T extends true> = T
// Never used: it exists to fail type-checking when the keys and the codes differ.
type CodeMapMatchesCodes = Holds<SameKeys<keyof DiagnosticCodeMap, DiagnosticCode>>

/**
 * Severity and one-line meaning of each code (the full text is docs/diagnostics.md). Each key is
 * documented on {@link DiagnosticCodeMap}, so hovering `DIAGNOSTIC_INFO.blank_cell` shows it.
 */
export const DIAGNOSTIC_INFO: Readonly<DiagnosticCodeMap> = {
  not_a_report: { severity: 'error', summary: 'No table of the format could be found; `report` is `null`.' },
  table_missing: { severity: 'error', summary: 'One of tables 二, 三, 四 is absent; its cells are `null`.' },
  row_missing: { severity: 'warning', summary: 'A row of a table is absent; its cells are `null` unless repaired.' },
  row_length_mismatch: {
    severity: 'warning',
    summary: 'A row prints more or fewer values than the table has columns; its cells are `null` unless repaired.'
  },
  unknown_label: { severity: 'info', summary: 'A row or line matched no known label; it is kept in `extras`.' },
  blank_cell: { severity: 'info', summary: "A cell printed blank, '/', '-', '—' or '无'; it is `null` unless repaired." },
  value_inferred: {
    severity: 'warning',
    summary: 'A cell was filled from the totals invariants (`repair`); `expected` holds the value.'
  },
  ambiguous_value: {
    severity: 'error',
    summary: 'The input admits more than one reading of a row (or none that keeps the totals); its cells stay `null`.'
  },
  invalid_number: {
    severity: 'warning',
    summary: 'A cell holds text that is not a number, or digits that are not one number as printed; it is `null` unless repaired.'
  },
  sum_mismatch: { severity: 'warning', summary: 'An invariant of the format does not hold as printed.' },
  negative_value: { severity: 'warning', summary: 'A count that must be ≥ 0 is negative.' },
  non_integer_count: { severity: 'warning', summary: 'A count that must be a whole number has decimals.' },
  edition_conflict: { severity: 'warning', summary: 'Markers of both the 2019 and the 2021 format are present.' },
  unit_converted: { severity: 'info', summary: 'A money cell was converted to 万元.' },
  unsupported_content: {
    severity: 'warning',
    summary: 'A part of the input in another format (a raw HTML table in Markdown) could not be read; what it holds is not in the report.'
  },
  columns_reordered: {
    severity: 'warning',
    summary: 'Table 三 or 四 prints its columns in another order; each value is placed by its column header.'
  },
  column_header_unreadable: {
    severity: 'warning',
    summary: 'The column header of table 三 or 四 could not be read; its values are placed in the official order.'
  },
  conflicting_values: {
    severity: 'warning',
    summary: 'A row is printed twice and gives a cell two different values; the first printing is kept.'
  },
  several_reports: {
    severity: 'warning',
    summary: 'The input holds more than one report; parseReport reads the first, parseReports each.'
  },
  read_as_text: {
    severity: 'warning',
    summary: 'The input goes beyond what the Markdown parser may be given, so it was read as plain text.'
  },
  input_too_large: { severity: 'error', summary: 'The input is larger than options.maxInput; it was not read.' },
  group_as_row: {
    severity: 'warning',
    summary: 'A group of table 三 is printed as one row, without its rows: they are 0 where it prints 0, else null.'
  },
  unruled_table: {
    severity: 'warning',
    summary: 'A PDF page holds table text but no ruling lines; its tables were not read, rather than guessed.'
  },
  label_variant: { severity: 'info', summary: 'A label with a typo was read as the one label of the format it is near.' },
  values_split: {
    severity: 'warning',
    summary: "A row's values were printed run together; they were cut where the only split that keeps the rules says."
  },
  unknown_unit: {
    severity: 'warning',
    summary: 'A money cell is stated in a unit that is not a money unit of the format, or in two units; its cell is null.'
  },
  hidden_text: {
    severity: 'warning',
    summary:
      'Text with digits that a reader of the page does not see (hidden, deleted, drawn invisible) stood in a value cell; it was not read.'
  },
  organization_unknown: {
    severity: 'warning',
    summary: 'No organisation could be read from the title, a crawler header or the HTML <title>; `organization` is null.'
  },
  year_unknown: {
    severity: 'warning',
    summary: 'No year from 2019 to next year could be read from the title, a header, <title> or the statistics period; `year` is null.'
  },
  identity_conflict: {
    severity: 'warning',
    summary: 'Two pieces of evidence disagree on the organisation or the year; the stronger is kept and both are named.'
  },
  encoding_repaired: {
    severity: 'warning',
    summary: 'Bytes of the input could not be read in its encoding and were replaced with U+FFFD; the message says how many and where.'
  },
  encoding_guessed: {
    severity: 'info',
    summary: 'The input declares no encoding and is not valid UTF-8: it was read as GB18030, the reading that holds the report.'
  },
  resource_limit: {
    severity: 'error',
    summary:
      'The input asks for more work than its size allows (a part inflating past its budget, too many pages …); nothing past the limit was read.'
  },
  text_table_mismatch: {
    severity: 'info',
    summary: 'A sentence of the narrative states a figure the tables hold, and the table prints another; both are named.'
  },
  section_missing: {
    severity: 'info',
    summary: 'Section 五 or 六 is missing, or prints no text under its heading.'
  }
}
