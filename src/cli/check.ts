/**
 * What `check` writes for one file: its diagnostics grouped under its name, one line each, the
 * place first (`line:column`, or `page N` in a PDF); a `blank_cell` and the `value_inferred` that
 * filled the same cell on one line. Or, with `--report json`, the file's diagnostics as data.
 *
 * @module
 */

import type { Diagnostic, ParseResult } from '../model/types.js'
import { toJson } from '../serialize/json.js'
import { plain } from './terminal.js'

/** How `check` renders. */
export interface CheckJob {
  /** Which diagnostics are shown: all, warnings and errors (`quiet`), errors only (`silent`). */
  level: 'all' | 'quiet' | 'silent'
  /** Lines for people (`text`), or a JSON entry per file (`json`). */
  report: 'text' | 'json'
}

/**
 * One file's part of `check`'s report.
 *
 * @param path - The file.
 * @param result - Its parse.
 * @param job - Level and report format.
 */
export function renderCheck(path: string, result: ParseResult, job: CheckJob): string {
  const shown = result.diagnostics.filter((d) =>
    job.level === 'silent' ? d.severity === 'error' : job.level === 'quiet' ? d.severity !== 'info' : true
  )
  if (job.report === 'json') return toJson({ file: path, format: result.format, ok: result.ok, diagnostics: shown })
  // Report text and file names reach a terminal: their control characters are shown, not obeyed.
  const name = plain(path)
  if (shown.length === 0) return job.level === 'all' ? `${name}: no issues\n` : ''
  // A blank cell the invariants filled: one line, the inference's, naming both codes.
  const inferred = new Set(shown.filter((d) => d.code === 'value_inferred').map((d) => d.path))
  const lines = shown
    .filter((d) => !(d.code === 'blank_cell' && inferred.has(d.path)))
    .map((d) => {
      const codes =
        d.code === 'value_inferred' && shown.some((b) => b.code === 'blank_cell' && b.path === d.path)
          ? 'blank_cell, value_inferred'
          : d.code
      return [placeOf(d), d.severity, plain(d.message), codes] as const
    })
  const width = lines.reduce((widest, [place]) => Math.max(widest, place.length), 0)
  return `${name}\n${lines.map(([place, severity, message, codes]) => `  ${place.padEnd(width)}  ${severity.padEnd(7)}  ${message}  ${codes}\n`).join('')}`
}

/** Where a diagnostic stands: `line:column`, or in a PDF `page N`; `1:1` when it names no place. */
function placeOf(diagnostic: Diagnostic): string {
  const position = diagnostic.position
  if (position === undefined) return '1:1'
  return position.page === undefined ? `${position.line}:${position.column}` : `page ${position.page}`
}
