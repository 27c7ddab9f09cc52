/**
 * The `Diagnostic` type, narrowed by code, with its place in the input. The codes, their
 * severities and meanings are in codes.ts (re-exported here); messages and the building of
 * diagnostics are in diagnose.ts.
 *
 * @module
 */

import type { DiagnosticCode, Severity } from './codes.js'
// For links in the documentation only.
import type { namesCell, pathNames } from './paths.js'

export {
  DIAGNOSTIC_CODES,
  DIAGNOSTIC_INFO,
  type DiagnosticCode,
  type DiagnosticCodeMap,
  type DiagnosticInfo,
  type Severity
} from './codes.js'

/**
 * A place in the input: 1-based `line` and `column`, 0-based `offset` (UTF-16 code units).
 *
 * In a PDF, `line`, `column` and `offset` count in the text the reader took from the file (one line
 * per row of a table or line of prose, in reading order); `page`, `x` and `y` say where it is
 * printed. In a Word file they count in `word/document.xml`; `paragraph`, or `table`, `row` and
 * `cell`, say which paragraph or table cell it came from.
 */
export interface Position {
  /** Line, 1-based. */
  line: number
  /** Column, 1-based, in UTF-16 code units. */
  column: number
  /** Offset from the start of the input, 0-based, in UTF-16 code units. */
  offset: number
  /** PDF: the page, 1-based. */
  page?: number
  /** PDF: the left edge of the text or cell, in points (PDF user space) from the page's left edge. */
  x?: number
  /** PDF: the top of the text or cell, in points (PDF user space) from the page's bottom edge. */
  y?: number
  /** Word: the paragraph of the document body, 1-based, counting those in table cells. */
  paragraph?: number
  /** Word and PDF: the table, 1-based, in document order (tables inside tables counted too). */
  table?: number
  /** Word and PDF: the row of that table, 1-based. */
  row?: number
  /** Word and PDF: the cell of that row, 1-based, as the file has it (a cell spanning columns counts once). */
  cell?: number
}

/**
 * What every diagnostic has: a code, its severity, a message, and where the code calls for them,
 * a path, a position, the expected and printed numbers and the invariant.
 */
export interface DiagnosticBase {
  /**
   * Stable snake_case code: one of {@link DIAGNOSTIC_CODES}. Each code's severity and meaning is
   * documented on its key of {@link DiagnosticCodeMap} (hover `DIAGNOSTIC_INFO.blank_cell` in an
   * editor), and at length in docs/diagnostics.md.
   */
  code: DiagnosticCode
  /** `error`, `warning` or `info`. */
  severity: Severity
  /** One sentence: what and where, in plain words (English, or Chinese with `locale: 'zh'`). */
  message: string
  /**
   * Dot path into the report: a cell (`applications.total.results.total`), or a row, group, column
   * or table standing for each of its cells (`applications.*.results.granted`, `*` for any one key):
   * see {@link pathNames} and {@link namesCell}.
   */
  path?: string
  /** Where in the input. */
  position?: Position
  /** For sum rules: what the parts add up to; for `value_inferred`: the value filled in; for `unit_converted`: the value in 万元. */
  expected?: number
  /** What was printed. */
  actual?: number
  /** The invariant that failed or was used (`I-1` … `I-7`, listed in docs/diagnostics.md), where one applies. */
  rule?: InvariantId
}

/** The fields each code always carries, beyond those of {@link DiagnosticBase}. */
export interface DiagnosticFields {
  /** No field beyond the base: the input as a whole is not a report. */
  not_a_report: object
  /** The table's key, e.g. `reviewAndLitigation`. */
  table_missing: Required<Pick<DiagnosticBase, 'path'>>
  /** The row's path: `activeDisclosure.licensing`, `applications.*.carriedOver`, `reviewAndLitigation.*` (see {@link pathNames}). */
  row_missing: Required<Pick<DiagnosticBase, 'path'>>
  /** The row's path: `activeDisclosure.licensing`, `applications.*.results.granted`, `reviewAndLitigation.*`. */
  row_length_mismatch: Required<Pick<DiagnosticBase, 'path'>>
  /** The extra it was kept as, e.g. `extras.0`. */
  unknown_label: Required<Pick<DiagnosticBase, 'path'>>
  /** The cell. */
  blank_cell: Required<Pick<DiagnosticBase, 'path'>>
  /** The cell, and the value filled in. */
  value_inferred: Required<Pick<DiagnosticBase, 'path' | 'expected'>>
  /** The path of the row whose values could not be placed (`applications.*.results.granted`), or of an empty table 二 cell beside one printing two numbers. */
  ambiguous_value: Required<Pick<DiagnosticBase, 'path'>>
  /**
   * The row's path (`applications.*.newReceived`, `reviewAndLitigation.*`); its position is the run's;
   * where a sentence of the narrative decided the split, `statementPosition` is the sentence's.
   */
  values_split: Required<Pick<DiagnosticBase, 'path'>> & {
    /** Where the sentence that decided the split starts, when one did (and the input gives positions). */
    statementPosition?: Position
  }
  /** No field beyond the base (`path` names the row when the label is a row's); its position is the label's. */
  label_variant: object
  /** The group's path (`applications.*.results.other`); its position is the group label's. */
  group_as_row: Required<Pick<DiagnosticBase, 'path'>>
  /** No field beyond the base; its position is the page's first line. */
  unruled_table: object
  /** The cell. */
  invalid_number: Required<Pick<DiagnosticBase, 'path'>>
  /** The total's cell (a table 三 column for I-1), what the parts add up to, what was printed, and the rule. */
  sum_mismatch: Required<Pick<DiagnosticBase, 'path' | 'expected' | 'actual'>> & {
    /** I-1, I-3, I-4 or I-5. */
    rule: 'I-1' | 'I-3' | 'I-4' | 'I-5'
  }
  /** The cell and its value. */
  negative_value: Required<Pick<DiagnosticBase, 'path' | 'actual'>> & {
    /** Always I-6. */
    rule: 'I-6'
  }
  /** The cell and its value. */
  non_integer_count: Required<Pick<DiagnosticBase, 'path' | 'actual'>> & {
    /** Always I-7. */
    rule: 'I-7'
  }
  /** No field beyond the base. */
  edition_conflict: object
  /** The money cell, the number as printed, and its value in 万元. */
  unit_converted: Required<Pick<DiagnosticBase, 'path' | 'expected' | 'actual'>>
  /** No field beyond the base; its position is where the part starts. */
  unsupported_content: object
  /** The table's key (`applications`, `reviewAndLitigation`). */
  columns_reordered: Required<Pick<DiagnosticBase, 'path'>>
  /** The table's key (`applications`, `reviewAndLitigation`). */
  column_header_unreadable: Required<Pick<DiagnosticBase, 'path'>>
  /**
   * The cell printed twice (`expected`: the first value, kept; `actual`: the second; either absent
   * when that printing is blank), or, when the second printing does not fit the columns, the row's path.
   */
  conflicting_values: Required<Pick<DiagnosticBase, 'path'>>
  /** No field beyond the base; its position is where the next report starts. */
  several_reports: object
  /** No field beyond the base. */
  read_as_text: object
  /** No field beyond the base. */
  input_too_large: object
  /** The money cell. */
  unknown_unit: Required<Pick<DiagnosticBase, 'path'>>
  /** The cell (the row, or its table, where the hidden text stood in a row whose values could not be placed). */
  hidden_text: Required<Pick<DiagnosticBase, 'path'>>
  /** The field. */
  organization_unknown: {
    /** Always `organization`. */
    path: 'organization'
  }
  /** The field. */
  year_unknown: {
    /** Always `year`. */
    path: 'year'
  }
  /** The field the evidence disagrees on; its position is the evidence not kept. */
  identity_conflict: {
    /** `organization` or `year`. */
    path: 'organization' | 'year'
  }
  /** Where the first replaced sequence stands in the decoded text (in UTF-8 its byte offset is in the message). */
  encoding_repaired: Required<Pick<DiagnosticBase, 'position'>>
  /** No field beyond the base: it is about the input as a whole. */
  encoding_guessed: object
  /** No field beyond the base (`position`: where the input was cut, where known). */
  resource_limit: object
  /**
   * The cell (or group) the sentence states, the sentence's figure (`actual`), the table's
   * (`expected`, absent where the cell is `null`), the sentence's `position` and the cell's.
   */
  text_table_mismatch: Required<Pick<DiagnosticBase, 'path' | 'actual'>> & {
    /** Where the table prints the cell (or the first cell of the group), where the input says. */
    cellPosition?: Position
  }
  /** `sections.problems` or `sections.other`; its position is the heading's, where one is printed. */
  section_missing: {
    /** The section's field. */
    path: 'sections.problems' | 'sections.other'
  }
}

/** A diagnostic of one code, with the fields that code always carries. */
export type DiagnosticOf<C extends DiagnosticCode> = DiagnosticBase & {
  /** Its code. */
  code: C
} & DiagnosticFields[C]

/**
 * A problem or note about the input, as data with a place: a union narrowed by `code`
 * (`if (d.code === 'sum_mismatch') d.expected` is a `number`).
 *
 * Every number in a report that is not exactly what the input printed in
 * that cell carries a diagnostic whose `path` names it (or a table prefix of it).
 */
export type Diagnostic = { [C in DiagnosticCode]: DiagnosticOf<C> }[DiagnosticCode]

/** Identifiers of the invariants (勾稽关系) of the format, listed in docs/diagnostics.md (there is no I-2). */
export type InvariantId = 'I-1' | 'I-3' | 'I-4' | 'I-5' | 'I-6' | 'I-7'
