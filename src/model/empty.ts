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
  return buildReport(edition, () => null)
}

/** A tree of the report's tables whose leaves are their cell paths, built once per edition. */
type PathTree = { [key: string]: PathTree | string }
const TREES = new Map<Edition, PathTree>()

function pathTree(edition: Edition): PathTree {
  let tree = TREES.get(edition)
  if (tree === undefined) {
    tree = {}
    for (const path of cellPaths(edition)) setPath(tree, path, path)
    TREES.set(edition, tree)
  }
  return tree
}

function fill(tree: PathTree, valueOf: (path: string) => Cell): Record<string, unknown> {
  const node: Record<string, unknown> = {}
  for (const key in tree) {
    const child = tree[key] as PathTree | string
    node[key] = typeof child === 'string' ? valueOf(child) : fill(child, valueOf)
  }
  return node
}

/**
 * A report of `edition` whose cells come from `valueOf(path)`, with `null` texts and no extras.
 *
 * @param edition - The edition.
 * @param valueOf - The value of each cell path.
 */
export function buildReport(edition: Edition, valueOf: (path: string) => Cell): Report {
  const tables = fill(pathTree(edition), valueOf)
  return {
    edition,
    title: null,
    organization: null,
    year: null,
    sections: { overview: null, problems: null, other: null },
    activeDisclosure: tables.activeDisclosure,
    applications: tables.applications,
    reviewAndLitigation: tables.reviewAndLitigation,
    extras: []
  } as Report
}

const CELL_PATHS = new Map<Edition, readonly string[]>()
const KEYS = new Map<string, readonly string[]>()

/** Beyond the ~500 cell paths of both editions, paths are split each time rather than kept. */
const KEYS_LIMIT = 2048

/** The keys of a dot path, split once for the paths the library itself uses. */
function keysOf(path: string): readonly string[] {
  let keys = KEYS.get(path)
  if (keys === undefined) {
    keys = path.split('.')
    if (KEYS.size < KEYS_LIMIT) KEYS.set(path, keys)
  }
  return keys
}

/** The dot path of every cell of an edition, table by table in official order. */
export function cellPaths(edition: Edition): readonly string[] {
  let paths = CELL_PATHS.get(edition)
  if (paths === undefined) {
    paths = Object.freeze(buildCellPaths(edition))
    CELL_PATHS.set(edition, paths)
  }
  return paths
}

function buildCellPaths(edition: Edition): string[] {
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
  for (const key of keysOf(path)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return typeof node === 'number' || node === null ? node : undefined
}

/** Write a value at a dot path, creating objects on the way. */
export function setPath(target: object, path: string, value: unknown): void {
  const keys = keysOf(path)
  let node = target as Record<string, unknown>
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    if (next === null || typeof next !== 'object') node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1] as string] = value
}
