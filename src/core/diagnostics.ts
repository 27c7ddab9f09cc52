/**
 * Building diagnostics.
 *
 * @module
 */

import { DIAGNOSTIC_INFO, type DiagnosticCode } from '../model/codes.js'
import type { Diagnostic, InvariantId, Position } from '../model/types.js'

/** The parts of a diagnostic beside its code; absent ones are left out. */
export interface DiagnosticFields {
  /** One sentence. */
  message: string
  /** Dot path into the report. */
  path?: string | undefined
  /** Place in the input. */
  position?: Position | undefined
  /** Expected value. */
  expected?: number | undefined
  /** Printed value. */
  actual?: number | undefined
  /** The invariant concerned. */
  rule?: InvariantId | undefined
}

/**
 * A diagnostic with the severity its code always has.
 *
 * @param code - Its code.
 * @param fields - Message and optional place.
 */
export function makeDiagnostic(code: DiagnosticCode, fields: DiagnosticFields): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: DIAGNOSTIC_INFO[code].severity, message: fields.message }
  if (fields.path !== undefined) diagnostic.path = fields.path
  if (fields.position !== undefined) diagnostic.position = fields.position
  if (fields.expected !== undefined) diagnostic.expected = fields.expected
  if (fields.actual !== undefined) diagnostic.actual = fields.actual
  if (fields.rule !== undefined) diagnostic.rule = fields.rule
  return diagnostic
}

/**
 * Sort diagnostics into document order: by position, those without one after,
 * each group keeping its order.
 *
 * @param diagnostics - Diagnostics in any order.
 */
export function inDocumentOrder(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => {
      const pa = a.diagnostic.position?.offset ?? Number.POSITIVE_INFINITY
      const pb = b.diagnostic.position?.offset ?? Number.POSITIVE_INFINITY
      return pa === pb ? a.index - b.index : pa - pb
    })
    .map((entry) => entry.diagnostic)
}
