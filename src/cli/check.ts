/**
 * What `check` writes for one file. `text`: its diagnostics grouped under its name, one line each,
 * the place first (`line:column`; in a PDF `page N`, in a Word file `table T row R cell C` or
 * `paragraph P`, with the table and the row and column labels of the cell), a `blank_cell` and
 * the `value_inferred` that filled the same cell on one line. `compact` and `github`: a line per diagnostic for editors, CI and GitHub's annotations.
 * `json`: the file's diagnostics as data. Every message on one line, long texts from the input cut
 * (`oneLine`), except in JSON, which keeps them whole.
 *
 * @module
 */

import type { Diagnostic, Edition, ParseResult, Position } from '../model/types.js'
import { toJson } from '../serialize/json.js'
import { cellPlace } from './cells.js'
import type { About } from './render.js'
import { machineLine } from './formats.js'
import { oneLine, plain } from './terminal.js'

/** How `check` renders. */
export interface CheckJob {
  /** Which diagnostics are shown: all, warnings and errors (`quiet`), errors only (`silent`). */
  level: 'all' | 'quiet' | 'silent'
  /** Lines for people (`text`), a line per problem (`compact`, `github`), or a JSON entry per file (`json`). */
  report: 'text' | 'json' | 'compact' | 'github'
  /** The version and options of the run, carried by each JSON entry (`zfxxgk`), as `parse` JSON records carry them. */
  about?: About
}

/** Which report of its file a result is, when the file holds several. */
export interface PartOf {
  /** The file. */
  file: string
  /** The report's place in it (1 for the first); absent when the file holds one. */
  index?: number
}

/**
 * One file's part of `check`'s report.
 *
 * @param path - The file (`a.txt#report=2` for the second report of a file that holds several).
 * @param result - Its parse.
 * @param job - Level and report format.
 * @param part - The file itself and the report's place in it, for `compact` and `github` (default: `path`, one report).
 */
export function renderCheck(path: string, result: ParseResult, job: CheckJob, part: PartOf = { file: path }): string {
  const shown = result.diagnostics.filter((d) =>
    job.level === 'silent' ? d.severity === 'error' : job.level === 'quiet' ? d.severity !== 'info' : true
  )
  if (job.report === 'json')
    return toJson({
      file: path,
      format: result.format,
      ok: result.ok,
      diagnostics: shown,
      ...(job.about === undefined ? {} : { zfxxgk: job.about })
    })
  const edition = result.report?.edition
  if (job.report === 'compact' || job.report === 'github') {
    const format = job.report
    const of = part.index === undefined ? '' : ` (report ${part.index})`
    return shown
      .map((d) => {
        const where = pageOf(d, edition)
        const line = {
          file: part.file,
          severity: d.severity,
          message: `${oneLine(d.message)}${where === '' ? '' : ` (${where})`}${of}`,
          code: d.code
        }
        const position = d.position
        // A PDF's page and a Word file's table and cell are in the message: no line and column of the file's text.
        const placed = position === undefined || position.page !== undefined || wordPlace(position) !== undefined
        return machineLine(format, placed ? line : { ...line, at: { line: position.line, column: position.column } })
      })
      .join('')
  }
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
      const placed = d.position?.page !== undefined || wordPlace(d.position) !== undefined
      const cell = !placed || d.path === undefined || edition === undefined ? undefined : cellPlace(edition, d.path)
      return [placeOf(d), d.severity, `${oneLine(d.message)}${cell === undefined ? '' : ` (${cell})`}`, codes] as const
    })
  const width = lines.reduce((widest, [place]) => Math.max(widest, place.length), 0)
  return `${name}\n${lines.map(([place, severity, message, codes]) => `  ${place.padEnd(width)}  ${severity.padEnd(7)}  ${message}  ${codes}\n`).join('')}`
}

/**
 * Where a diagnostic stands: `line:column`; in a PDF `page N`; in a Word file its table, row and
 * cell (`table 2 row 5 cell 3`) or its paragraph, as Word counts them (a line and column of
 * `word/document.xml` would mean nothing to a reader); `1:1` when it names no place.
 */
function placeOf(diagnostic: Diagnostic): string {
  const position = diagnostic.position
  if (position === undefined) return '1:1'
  if (position.page !== undefined) return `page ${position.page}`
  return wordPlace(position) ?? `${position.line}:${position.column}`
}

/** In a Word file: `table 2 row 5 cell 3`, `table 2 row 5`, `table 2` or `paragraph 12`; elsewhere `undefined`. */
function wordPlace(position: Position | undefined): string | undefined {
  if (position === undefined || position.page !== undefined) return undefined
  if (position.table !== undefined) {
    const row = position.row === undefined ? '' : ` row ${position.row}${position.cell === undefined ? '' : ` cell ${position.cell}`}`
    return `table ${position.table}${row}`
  }
  return position.paragraph === undefined ? undefined : `paragraph ${position.paragraph}`
}

/**
 * In a PDF: `page 3`, with the cell the diagnostic names (`page 3, 表三 … | …`); in a Word file its
 * place as {@link placeOf} gives it, with the cell; elsewhere nothing (its line and column say it).
 */
function pageOf(diagnostic: Diagnostic, edition: Edition | undefined): string {
  const page = diagnostic.position?.page
  const place = page === undefined ? wordPlace(diagnostic.position) : `page ${page}`
  if (place === undefined) return ''
  const cell = diagnostic.path === undefined || edition === undefined ? undefined : cellPlace(edition, diagnostic.path)
  return cell === undefined ? place : `${place}, ${cell}`
}
