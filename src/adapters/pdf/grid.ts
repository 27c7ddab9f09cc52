/**
 * Tables from rules: the rules that touch one another form a table; its distinct rule positions
 * cut it into elementary cells, and two neighbouring elementary cells with no rule drawn between
 * them are one cell (a row or column span).
 *
 * @module
 */

import type { Rule, Rules } from './rules.js'

/** Rules closer than this (points) are the same line; a line this close to a crossing touches it. */
const NEAR = 1.5
/** Column rules running this far (points) past the last row rule close an open row there. */
const OPEN_EDGE = 4
/** A table has at least this many horizontal and vertical lines. */
const LEAST_LINES = 2
/**
 * A page with more rules than this is not read for tables (a drawing, a chart, or a hostile file):
 * matching rules costs their count squared. A report's page has about 60.
 */
export const MAX_RULES = 3000
/** A table with more elementary cells than this is not read as a grid. A report's largest has about 300. */
const MAX_CELLS = 20000

/** A cell of a ruled table: elementary rows `top`…`bottom` and columns `left`…`right` (inclusive), top row 0. */
export interface GridCell {
  top: number
  bottom: number
  left: number
  right: number
}

/** A ruled table of a page. */
export interface Grid {
  /** Column edges, left to right (x). */
  xs: number[]
  /** Row edges, top to bottom (y, decreasing: PDF space grows upwards). */
  ys: number[]
  /** Its cells, each elementary cell in exactly one. */
  cells: GridCell[]
  /** The cell of each elementary cell, `row * columns + column`. */
  owner: Int32Array
}

/**
 * The ruled tables of a page, top to bottom.
 *
 * @param rules - The page's rules.
 */
export function findGrids(rules: Rules): Grid[] {
  if (rules.horizontal.length + rules.vertical.length > MAX_RULES) return []
  const horizontal = mergeRules(rules.horizontal)
  const vertical = mergeRules(rules.vertical)
  // Rules that cross or touch are one table (union–find over the rules, horizontal first).
  const { find, join } = sets(horizontal.length + vertical.length)
  for (let h = 0; h < horizontal.length; h++) {
    const row = horizontal[h] as Rule
    for (let v = 0; v < vertical.length; v++) {
      const column = vertical[v] as Rule
      if (column.at >= row.from - NEAR && column.at <= row.to + NEAR && row.at >= column.from - NEAR && row.at <= column.to + NEAR) {
        join(h, horizontal.length + v)
      }
    }
  }
  const groups = new Map<number, { horizontal: Rule[]; vertical: Rule[] }>()
  for (let i = 0; i < horizontal.length + vertical.length; i++) {
    const root = find(i)
    let group = groups.get(root)
    if (group === undefined) groups.set(root, (group = { horizontal: [], vertical: [] }))
    if (i < horizontal.length) group.horizontal.push(horizontal[i] as Rule)
    else group.vertical.push(vertical[i - horizontal.length] as Rule)
  }
  const grids: Grid[] = []
  for (const group of groups.values()) {
    if (group.horizontal.length < LEAST_LINES || group.vertical.length < LEAST_LINES) continue
    const grid = gridOf(group.horizontal, group.vertical)
    if (grid !== undefined) grids.push(grid)
  }
  return grids.sort((a, b) => (b.ys[0] as number) - (a.ys[0] as number))
}

/** Disjoint sets of `0 … size - 1` (union–find with path halving): `join` merges two sets, `find` names one's root. */
function sets(size: number): { find: (i: number) => number; join: (a: number, b: number) => void } {
  const parent = new Int32Array(size).map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number
      parent[i] = up
      i = up
    }
    return i
  }
  return { find, join: (a, b) => void (parent[find(a)] = find(b)) }
}

/** Rules on the same line joined where they overlap or touch, sorted by position. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from)
  const merged: Rule[] = []
  // Rules of one line (positions within NEAR of the line's first), then joined along it.
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j < sorted.length && (sorted[j] as Rule).at - (sorted[i] as Rule).at <= NEAR) j++
    const line = sorted.slice(i, j).sort((a, b) => a.from - b.from)
    const at = line.reduce((sum, rule) => sum + rule.at, 0) / line.length
    let open: Rule | undefined
    for (const rule of line) {
      if (open !== undefined && rule.from <= open.to + NEAR) open.to = Math.max(open.to, rule.to)
      else merged.push((open = { at, from: rule.from, to: rule.to }))
    }
    i = j
  }
  return merged
}

/** Distinct positions of rules, within NEAR of one another counted once. */
function edges(rules: readonly Rule[]): number[] {
  const positions = rules.map((rule) => rule.at).sort((a, b) => a - b)
  const distinct: number[] = []
  for (const position of positions) {
    if (distinct.length === 0 || position - (distinct[distinct.length - 1] as number) > NEAR) distinct.push(position)
  }
  return distinct
}

/** Whether a rule lies along `at` and covers the point `along` on it. */
function drawn(rules: readonly Rule[], at: number, along: number): boolean {
  for (const rule of rules) {
    if (Math.abs(rule.at - at) <= NEAR && along >= rule.from - NEAR && along <= rule.to + NEAR) return true
  }
  return false
}

function gridOf(horizontal: readonly Rule[], vertical: readonly Rule[]): Grid | undefined {
  const xs = edges(vertical)
  const ys = edges(horizontal).reverse()
  // Column rules that run on past the last row rule close the table there: a table broken by the
  // page often leaves its last row open at the bottom (the next page draws the rule), and its first
  // row open at the top.
  const lowest = vertical.reduce((low, rule) => Math.min(low, rule.from), Infinity)
  const highest = vertical.reduce((high, rule) => Math.max(high, rule.to), -Infinity)
  if (lowest < (ys[ys.length - 1] as number) - OPEN_EDGE) ys.push(lowest)
  if (highest > (ys[0] as number) + OPEN_EDGE) ys.unshift(highest)
  const columns = xs.length - 1
  const rows = ys.length - 1
  if (columns < 1 || rows < 1 || rows * columns > MAX_CELLS) return undefined
  // Union–find over elementary cells: neighbours with no rule between them are one cell.
  const { find, join } = sets(rows * columns)
  for (let r = 0; r < rows; r++) {
    const middle = ((ys[r] as number) + (ys[r + 1] as number)) / 2
    for (let c = 0; c + 1 < columns; c++) {
      if (!drawn(vertical, xs[c + 1] as number, middle)) join(r * columns + c + 1, r * columns + c)
    }
  }
  for (let c = 0; c < columns; c++) {
    const middle = ((xs[c] as number) + (xs[c + 1] as number)) / 2
    for (let r = 0; r + 1 < rows; r++) {
      if (!drawn(horizontal, ys[r + 1] as number, middle)) join((r + 1) * columns + c, r * columns + c)
    }
  }
  const byRoot = new Map<number, number>()
  const owner = new Int32Array(rows * columns)
  const cells: GridCell[] = []
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const root = find(r * columns + c)
      let index = byRoot.get(root)
      if (index === undefined) {
        index = cells.push({ top: r, bottom: r, left: c, right: c }) - 1
        byRoot.set(root, index)
      }
      const cell = cells[index] as GridCell
      cell.bottom = Math.max(cell.bottom, r)
      cell.left = Math.min(cell.left, c)
      cell.right = Math.max(cell.right, c)
      owner[r * columns + c] = index
    }
  }
  return { xs, ys, cells, owner }
}
