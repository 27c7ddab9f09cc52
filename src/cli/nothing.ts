/**
 * What the command says when a run read nothing: no file matched, or every one it found was
 * skipped or could not be read. One line naming what was found and passed over, with what to do
 * about the kinds it knows (`reports/: no file to read (12 .doc skipped: save them as .docx)`).
 *
 * @module
 */

import { plural } from './summary.js'

/** What to do with files of an extension a walk passes over (data: one line per kind). */
const ADVICE: Readonly<Record<string, string>> = {
  '.doc': 'save them as .docx',
  '.wps': 'save them as .docx',
  '.rtf': 'save them as .docx',
  '.ofd': 'save them as .pdf',
  '.asp': '--ext .asp reads them as pages',
  '.aspx': '--ext .aspx reads them as pages',
  '.jsp': '--ext .jsp reads them as pages',
  '.php': '--ext .php reads them as pages',
  '.do': '--ext .do reads them as pages'
}

/** How many kinds of skipped files are named before the rest are counted together. */
const NAMED = 3

/** What a run that read nothing found. */
export interface NothingRead {
  /** The names given on the command line. */
  names: readonly string[]
  /** Files a walk passed over, by extension (`''`: none). */
  skipped: ReadonlyMap<string, number>
  /** `.json` files found by a walk that hold no report. */
  notReports: number
  /** Inputs the listing could not read: not found, a folder not listed, a FIFO (each listed above the summary). */
  unread: number
}

/**
 * The line: `reports/: no file to read (12 .doc skipped: save them as .docx; 3 .json skipped: not reports)`.
 *
 * @param found - What the run found.
 */
export function nothingRead(found: NothingRead): string {
  const shown = found.names.slice(0, NAMED).join(', ') + (found.names.length > NAMED ? ', …' : '')
  const parts: string[] = []
  if (found.unread > 0) parts.push(`${plural(found.unread, 'file')} could not be read`)
  if (found.notReports > 0) parts.push(`${found.notReports} .json skipped: not reports`)
  const kinds = [...found.skipped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  for (const [extension, n] of kinds.slice(0, NAMED)) {
    const what = extension === '' ? `${plural(n, 'file')} without an extension` : `${n} ${extension}`
    const advice = ADVICE[extension]
    parts.push(`${what} skipped${advice === undefined ? '' : `: ${advice}`}`)
  }
  const rest = kinds.slice(NAMED).reduce((sum, [, n]) => sum + n, 0)
  if (rest > 0) parts.push(`${plural(rest, 'other file')} skipped`)
  return `${shown}: no file to read (${parts.length === 0 ? 'nothing found' : parts.join('; ')})`
}
