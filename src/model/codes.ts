/**
 * The diagnostic codes: one const array, so the runtime list and the type cannot drift apart.
 *
 * @module
 */

import type { Severity } from './types.js'

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
  'unsupported_content'
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

/** Severity and one-line meaning of each code (the full text is docs/diagnostics.md). */
export const DIAGNOSTIC_INFO: Readonly<Record<DiagnosticCode, DiagnosticInfo>> = {
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
  invalid_number: { severity: 'warning', summary: 'A cell holds text that is not a number; it is `null`.' },
  sum_mismatch: { severity: 'warning', summary: 'An invariant of the format does not hold as printed.' },
  negative_value: { severity: 'warning', summary: 'A count that must be ≥ 0 is negative.' },
  non_integer_count: { severity: 'warning', summary: 'A count that must be a whole number has decimals.' },
  edition_conflict: { severity: 'warning', summary: 'Markers of both the 2019 and the 2021 format are present.' },
  unit_converted: { severity: 'info', summary: 'A money cell was converted to 万元.' },
  unsupported_content: {
    severity: 'warning',
    summary: 'A part of the input in another format (a raw HTML table in Markdown) could not be read; what it holds is not in the report.'
  }
}
