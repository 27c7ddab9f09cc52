/**
 * Blank reports and dot paths into them.
 *
 * @module
 */

import { APPLICANTS, CATALOGUES, TABLE4_GROUPS, TABLE4_OUTCOMES, table3Paths } from './catalogue.js'
import type { Cell, Edition, Report, Report2019, Report2021 } from './types.js'

/**
 * A report of `edition` whose every cell is `null`, whose texts are `null`
 * and whose extras are empty.
 */
export function createEmptyReport(edition: '2019'): Report2019
export function createEmptyReport(edition: '2021'): Report2021
export function createEmptyReport(edition: Edition): Report
export function createEmptyReport(edition: Edition): Report {
  const report: Record<string, unknown> = {
    edition,
    title: null,
    organization: null,
    year: null,
    sections: { overview: null, problems: null, other: null },
    activeDisclosure: {},
    applications: {},
    reviewAndLitigation: {},
    extras: []
  }
  for (const path of cellPaths(edition)) setPath(report, path, null)
  return report as unknown as Report
}

/** The dot path of every cell of an edition, table by table in official order. */
export function cellPaths(edition: Edition): string[] {
  const catalogue = CATALOGUES[edition]
  const paths: string[] = []
  for (const row of catalogue.table2Rows) {
    for (const column of row.columns) paths.push(`activeDisclosure.${row.key}.${column}`)
  }
  for (const applicant of APPLICANTS) {
    for (const rowPath of table3Paths(edition)) paths.push(`applications.${applicant}.${rowPath}`)
  }
  for (const group of TABLE4_GROUPS) {
    for (const outcome of TABLE4_OUTCOMES) paths.push(`reviewAndLitigation.${group.key}.${outcome.key}`)
  }
  return paths
}

/** Read the cell at a dot path; `undefined` when the path names no cell. */
export function getCell(report: Report, path: string): Cell | undefined {
  let node: unknown = report
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return typeof node === 'number' || node === null ? node : undefined
}

/** Write a value at a dot path, creating objects on the way. */
export function setPath(target: object, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target as Record<string, unknown>
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    if (next === null || typeof next !== 'object') node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1] as string] = value
}
