/**
 * What a batch gave, counted as its outcomes are emitted, and the command's last lines on stderr:
 * `parse`'s and `dataset`'s one line, `check`'s counts by severity and by code; each says when the run was
 * interrupted (how many files were not read) or its output cut by a reader that stopped early.
 *
 * @module
 */

import type { Outcome } from './outcome.js'

/** What a batch gave, counted as its outcomes are emitted. */
export interface Tally {
  /** Files named or found, read or not. */
  files: number
  /** Reports read (a file may hold several). */
  reports: number
  /** Files that gave none: not found, not read, or holding no report. */
  failed: number
  /** Files not found or not read at all. */
  unread: number
  /** Files with a warning. */
  warnings: number
  /** Files read, by the adapter that read them. */
  formats: Map<string, number>
  /** Diagnostics by code, and by severity. */
  codes: Map<string, number>
}

/** How a run ended, besides its files. */
export interface Ending {
  /** Files never processed: the run was interrupted before them. */
  left: number
  /** The run was interrupted (a signal, a write that failed, an internal error). */
  interrupted: boolean
  /** Standard output (or a FIFO) was closed by its reader: what came after was not written. */
  cut: boolean
}

/** An empty tally. */
export function newTally(): Tally {
  return { files: 0, reports: 0, failed: 0, unread: 0, warnings: 0, formats: new Map(), codes: new Map() }
}

/**
 * Count one file's outcome.
 *
 * @param tally - The counts so far.
 * @param outcome - The file's outcome.
 */
export function count(tally: Tally, outcome: Outcome): void {
  tally.files++
  if (outcome.format !== undefined) tally.formats.set(outcome.format, (tally.formats.get(outcome.format) ?? 0) + 1)
  for (const [code, n] of Object.entries(outcome.counts)) tally.codes.set(code, (tally.codes.get(code) ?? 0) + n)
  tally.reports += outcome.reports.length
  if (outcome.failure !== undefined) tally.failed++
  if (outcome.format === undefined) tally.unread++
  if ((outcome.counts.warning ?? 0) > 0) tally.warnings++
}

/**
 * `1 file`, `2 files`.
 *
 * @param n - How many.
 * @param word - The singular.
 */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** `3 files (2 html, 1 text)`: how many files of each format were read, most first. */
function files(tally: Tally): string {
  const kinds = [...tally.formats]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([format, n]) => `${n} ${format}`)
    .join(', ')
  return `${plural(tally.files, 'file')}${kinds === '' ? '' : ` (${kinds})`}`
}

/** What follows the counts when the run did not end as it should: `; interrupted, 37 files not read`, `; output cut`. */
function endingOf(ending: Ending): string {
  if (ending.interrupted) return `; interrupted, ${plural(ending.left, 'file')} not read`
  return ending.cut ? '; output cut (its reader closed it)' : ''
}

/** The exit code when nothing interrupted the run: 1 when it failed, 141 (as a process killed by SIGPIPE) when its output was cut, else 0. */
function exitOf(failed: boolean, ending: Ending): number {
  return failed ? 1 : ending.cut ? 141 : 0
}

/**
 * `parse`'s last line: `N files (…): R reports, F failed, W with warnings`.
 *
 * @param tally - The counts.
 * @param ending - How the run ended.
 * @param stderr - Where to write it.
 * @returns The exit code (an interrupted run's is the caller's): 1 when a file failed.
 */
export function summarizeParse(tally: Tally, ending: Ending, stderr: (text: string) => void): number {
  stderr(
    `${files(tally)}: ${plural(tally.reports, 'report')}, ${tally.failed} failed, ${tally.warnings} with warnings${endingOf(ending)}\n`
  )
  return exitOf(tally.failed > 0, ending)
}

/**
 * `dataset`'s last line: `N files (…): R reports, F failed, B bodies, Y body-years, U unidentified, D findings`.
 *
 * @param tally - The counts.
 * @param ending - How the run ended.
 * @param dataset - The dataset's counts (`1 body, 7 body-years, …`), or `undefined` when it was not built (an interrupted run).
 * @param stderr - Where to write it.
 * @returns The exit code (an interrupted run's is the caller's): 1 when a file failed.
 */
export function summarizeDataset(tally: Tally, ending: Ending, dataset: string | undefined, stderr: (text: string) => void): number {
  stderr(
    `${files(tally)}: ${plural(tally.reports, 'report')}, ${tally.failed} failed${dataset === undefined ? '' : `, ${dataset}`}${endingOf(ending)}\n`
  )
  return exitOf(tally.failed > 0, ending)
}

/**
 * `check`'s last lines: counts by severity, then by code.
 *
 * @param tally - The counts.
 * @param ending - How the run ended.
 * @param frail - Whether warnings fail the run.
 * @param stderr - Where to write them.
 * @returns The exit code (an interrupted run's is the caller's): 1 on errors (or warnings with `frail`) or a file not read.
 */
export function summarizeCheck(tally: Tally, ending: Ending, frail: boolean, stderr: (text: string) => void): number {
  const of = (key: string): number => tally.codes.get(key) ?? 0
  const codes = [...tally.codes]
    .filter(([code]) => code !== 'error' && code !== 'warning' && code !== 'info')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => `${code} ×${n}`)
  stderr(
    `\n${files(tally)}: ${plural(of('error'), 'error')}, ${plural(of('warning'), 'warning')}, ${plural(of('info'), 'info')}${endingOf(ending)}\n${codes.length === 0 ? '' : `  ${codes.join(', ')}\n`}`
  )
  return exitOf(of('error') > 0 || (frail && of('warning') > 0) || tally.unread > 0, ending)
}
