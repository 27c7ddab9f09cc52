/**
 * Blank reports and dot paths into them.
 *
 * @module
 */

import { cellSchema } from './schema.js'
import type { Cell, CellPath, Edition, Report, Report2019, Report2021 } from './types.js'

/**
 * A report of `edition` whose every cell is `null`, whose texts, organisation and year are `null`
 * (`identity` with them) and whose extras are empty.
 */
export function createEmptyReport(edition: '2019'): Report2019
export function createEmptyReport(edition: '2021'): Report2021
export function createEmptyReport(edition: Edition): Report
export function createEmptyReport(edition: Edition): Report {
  return buildReport(edition, [])
}

/** A tree of the report's tables whose leaves are cell indices, built once per edition. */
type IndexTree = { [key: string]: IndexTree | number }
const TREES = new Map<Edition, IndexTree>()

function indexTree(edition: Edition): IndexTree {
  let tree = TREES.get(edition)
  if (tree === undefined) {
    tree = {}
    for (const cell of cellSchema(edition).cells) setPath(tree, cell.path, cell.index)
    TREES.set(edition, tree)
  }
  return tree
}

/** The tree as parallel lists of keys and children, walked without enumerating an object. */
interface FillNode {
  readonly keys: readonly string[]
  readonly children: readonly (FillNode | number)[]
}
const FILL_TREES = new Map<Edition, FillNode>()

function fillTree(tree: IndexTree): FillNode {
  const keys = Object.keys(tree)
  return { keys, children: keys.map((key) => (typeof tree[key] === 'number' ? (tree[key] as number) : fillTree(tree[key] as IndexTree))) }
}

function fill(tree: FillNode, values: ArrayLike<Cell | undefined>): Record<string, unknown> {
  const node: Record<string, unknown> = {}
  const { keys, children } = tree
  for (let i = 0; i < keys.length; i++) {
    const child = children[i] as FillNode | number
    node[keys[i] as string] = typeof child === 'number' ? (values[child] ?? null) : fill(child, values)
  }
  return node
}

/**
 * A report of `edition` whose cells come from `values`, by index into the edition's cell schema
 * (`null` or `undefined` for none), with `null` texts and no extras.
 *
 * @param edition - The edition.
 * @param values - Each cell's value by index.
 */
export function buildReport(edition: Edition, values: ArrayLike<Cell | undefined>): Report {
  let tree = FILL_TREES.get(edition)
  if (tree === undefined) {
    tree = fillTree(indexTree(edition))
    FILL_TREES.set(edition, tree)
  }
  const tables = fill(tree, values)
  return {
    edition,
    title: null,
    organization: null,
    year: null,
    identity: { organization: null, year: null },
    sections: { overview: null, problems: null, other: null },
    narrative: [],
    statements: [],
    activeDisclosure: tables.activeDisclosure,
    applications: tables.applications,
    reviewAndLitigation: tables.reviewAndLitigation,
    extras: []
  } as Report
}

/**
 * Every cell of a report by index into its edition's cell schema; `undefined` where the report
 * lacks a cell (a hand-made object).
 *
 * @param report - A report.
 */
export function readCells(report: Report): (Cell | undefined)[] {
  let keys = CELL_KEYS.get(report.edition)
  if (keys === undefined) {
    keys = cellSchema(report.edition).paths.map((path) => path.split('.'))
    CELL_KEYS.set(report.edition, keys)
  }
  const values: (Cell | undefined)[] = new Array(keys.length)
  // The keys of each cell in schema order: a few property reads a cell, no walk of the tree.
  for (let i = 0; i < keys.length; i++) {
    let node: unknown = report
    for (const key of keys[i] as string[])
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined
    values[i] = typeof node === 'number' || node === null ? node : undefined
  }
  return values
}

/** Each edition's cell paths split into keys, in schema order. */
const CELL_KEYS = new Map<Edition, readonly string[][]>()

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
export function cellPaths<E extends Edition>(edition: E): readonly CellPath<E>[] {
  return cellSchema(edition).paths as readonly CellPath<E>[]
}

/**
 * Read the cell at a dot path (typed: a misspelt path does not compile); `undefined` when the
 * path names no cell of this report's edition. A path held as a plain `string` (read from a file,
 * say) goes through {@link getCellAt}.
 */
export function getCell<R extends Report>(report: R, path: CellPath<R['edition']>): Cell | undefined {
  return getCellAt(report, path)
}

/** Read the cell at a dot path given as any string; `undefined` when the path names no cell. */
export function getCellAt(report: Report, path: string): Cell | undefined {
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
