/**
 * What `zfxxgk dataset` says on stderr once the dataset is built: each source it could not place
 * (a report whose body or year is not known), and each problem across reports, one line each,
 * as `check` writes its lines; and the counts the summary line adds.
 *
 * @module
 */

import type { DatasetDiagnostic } from '../../dataset/codes.js'
import type { Dataset, Unidentified } from '../../dataset/types.js'
import { plain } from '../terminal.js'

/** Why a source is not placed, in words. */
export const REASONS: Readonly<Record<Unidentified['reason'], string>> = {
  noReport: 'no report',
  organization: 'no body known',
  year: 'no year known',
  organizationAndYear: 'no body or year known'
}

/**
 * A source not placed: `a.html: not placed: no body known (2024)`. Sources holding no report are
 * not listed here (the batch lists them as failed, `no report`).
 *
 * @param entry - The source.
 */
export function unidentifiedLine(entry: Unidentified): string {
  const known = [entry.organization, entry.year].filter((part) => part !== null).join(', ')
  return `${plain(entry.source)}: not placed: ${REASONS[entry.reason]}${known === '' ? '' : ` (${plain(known)})`}; give it with --identity\n`
}

/**
 * A problem across reports: `body year  severity  message  code`.
 *
 * @param diagnostic - The problem.
 */
export function findingLine(diagnostic: DatasetDiagnostic): string {
  return `${plain(diagnostic.body)} ${diagnostic.year}  ${diagnostic.severity.padEnd(7)}  ${plain(diagnostic.message)}  ${diagnostic.code}\n`
}

/**
 * What a dataset adds to the summary line: `1 body, 7 body-years, 0 unidentified, 0 findings`
 * (unidentified: reports whose body or year is not known; a source holding no report counts as failed).
 *
 * @param dataset - The dataset.
 */
export function datasetCounts(dataset: Dataset): string {
  const years = dataset.bodies.reduce((sum, body) => sum + body.years.length, 0)
  const unidentified = dataset.unidentified.filter((entry) => entry.reason !== 'noReport').length
  const findings = dataset.diagnostics.length
  const bodies = dataset.bodies.length
  return `${bodies} ${bodies === 1 ? 'body' : 'bodies'}, ${years} body-year${years === 1 ? '' : 's'}, ${unidentified} unidentified, ${findings} finding${findings === 1 ? '' : 's'}`
}
