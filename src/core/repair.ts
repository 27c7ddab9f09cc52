/**
 * Repair: fill blank cells and place the values of damaged rows, but only where
 * the totals invariants admit exactly one assignment.
 *
 * Every reading of each damaged row is tried (which printed values are missing
 * or surplus, order kept); each combination of readings is solved against the
 * equations, with every count a whole number ≥ 0. A cell is filled only when
 * every consistent combination gives it the same value; a damaged row only
 * when every consistent combination places all its cells the same way.
 *
 * @module
 */

import type { Cell } from '../model/types.js'
import type { Equation } from '../validate/equations.js'

/** A row whose printed values do not fit its columns. */
export interface RepairRow {
  /** Paths of its columns, in order. */
  paths: readonly string[]
  /** Printed values in order; `null` for a blank. */
  printed: readonly Cell[]
}

/** What repair decided. */
export interface RepairOutcome {
  /** Filled cells: blanks and the cells of placed rows. */
  filled: Map<string, number>
  /** Per damaged row: placed, more than one reading, or no reading that keeps the totals. */
  rows: ('placed' | 'ambiguous' | 'inconsistent')[]
}

/** Beyond this many readings of one row, or combinations in all, repair gives up (ambiguous). */
const MAX_READINGS = 5000
const MAX_COMBINATIONS = 20000

type Assignment = Map<string, number>

/**
 * Solve the equations for the unknown cells.
 *
 * @param known - Printed numbers by path.
 * @param unknown - Paths of null cells outside damaged rows.
 * @param rows - Damaged rows.
 * @param equations - The sum invariants.
 */
export function repair(
  known: ReadonlyMap<string, number>,
  unknown: ReadonlySet<string>,
  rows: readonly RepairRow[],
  equations: readonly Equation[]
): RepairOutcome {
  const rowPaths = new Set(rows.flatMap((row) => row.paths))
  const targets = new Set([...unknown, ...rowPaths])
  const relevant = equations.filter((equation) => [...equation.left, ...equation.right].some((path) => targets.has(path)))
  const readings = rows.map((row) => rowReadings(row, equations))
  const results: Assignment[] = []
  let combinations = 0
  let exhausted = readings.some((list) => list === undefined)

  const choose = (depth: number, base: Assignment): void => {
    if (exhausted) return
    if (depth === rows.length) {
      if (++combinations > MAX_COMBINATIONS) {
        exhausted = true
        return
      }
      const assignment = new Map(base)
      if (propagate(relevant, assignment, targets)) results.push(assignment)
      return
    }
    for (const reading of readings[depth] ?? []) {
      const next = new Map(base)
      for (const [path, value] of reading) next.set(path, value)
      choose(depth + 1, next)
    }
  }
  if (!exhausted) choose(0, new Map(known))

  const filled = new Map<string, number>()
  const agreed = (path: string): number | undefined => {
    if (exhausted || results.length === 0) return undefined
    const first = results[0]?.get(path)
    return first !== undefined && results.every((result) => result.get(path) === first) ? first : undefined
  }
  for (const path of unknown) {
    const value = agreed(path)
    if (value !== undefined) filled.set(path, value)
  }
  const outcome: RepairOutcome['rows'] = rows.map((row) => {
    const values = row.paths.map(agreed)
    if (values.every((value) => value !== undefined)) {
      row.paths.forEach((path, i) => filled.set(path, values[i] as number))
      return 'placed'
    }
    return !exhausted && results.length === 0 ? 'inconsistent' : 'ambiguous'
  })
  return { filled, rows: outcome }
}

/**
 * The distinct readings of a damaged row that keep the equations lying wholly
 * inside it; `undefined` when there are too many to try.
 */
function rowReadings(row: RepairRow, equations: readonly Equation[]): Assignment[] | undefined {
  const width = row.paths.length
  const count = row.printed.length
  const inside = new Set(row.paths)
  const local = equations.filter((equation) => [...equation.left, ...equation.right].every((path) => inside.has(path)))
  const readings = new Map<string, Assignment>()
  let tried = 0
  for (const placement of placements(count, width)) {
    if (++tried > MAX_READINGS) return undefined
    const assignment: Assignment = new Map()
    const open = new Set<string>()
    row.paths.forEach((path, column) => {
      const source = placement[column]
      const value = source === undefined ? null : (row.printed[source] ?? null)
      if (value === null) open.add(path)
      else assignment.set(path, value)
    })
    if (!propagate(local, assignment, open)) continue
    const key = row.paths.map((path) => assignment.get(path) ?? '?').join(',')
    if (!readings.has(key)) readings.set(key, assignment)
  }
  return [...readings.values()]
}

/**
 * Every way to lay `count` printed values over `width` columns in order: for
 * each column, the index of the printed value it takes, or `undefined` for a gap.
 */
function* placements(count: number, width: number): Generator<(number | undefined)[]> {
  if (count <= width) {
    for (const columns of combinations(width, count)) {
      const placement: (number | undefined)[] = new Array<number | undefined>(width).fill(undefined)
      columns.forEach((column, i) => {
        placement[column] = i
      })
      yield placement
    }
  } else {
    for (const kept of combinations(count, width)) yield kept
  }
}

/** The increasing k-subsets of 0..n-1. */
function* combinations(n: number, k: number): Generator<number[]> {
  const chosen: number[] = []
  function* walk(start: number): Generator<number[]> {
    if (chosen.length === k) {
      yield [...chosen]
      return
    }
    for (let i = start; i <= n - (k - chosen.length); i++) {
      chosen.push(i)
      yield* walk(i + 1)
      chosen.pop()
    }
  }
  yield* walk(0)
}

/**
 * Solve what the equations pin, in place: an equation with one unknown gives
 * it; one whose unknowns must add up to 0 gives them all 0. Every value must be
 * a whole number ≥ 0.
 *
 * @returns `false` when the equations cannot all hold.
 */
function propagate(equations: readonly Equation[], values: Assignment, unknown: ReadonlySet<string>): boolean {
  let changed = true
  while (changed) {
    changed = false
    for (const equation of equations) {
      let balance = 0
      const open: [string, number][] = []
      const add = (path: string, sign: number): boolean => {
        const value = values.get(path)
        if (value !== undefined) balance += sign * value
        else if (unknown.has(path)) open.push([path, sign])
        else return false
        return true
      }
      let assessable = true
      for (const path of equation.left) assessable = add(path, 1) && assessable
      for (const path of equation.right) assessable = add(path, -1) && assessable
      if (!assessable) continue
      if (open.length === 0) {
        if (Math.abs(balance) > 1e-9) return false
        continue
      }
      const signs = new Set(open.map(([, sign]) => sign))
      if (open.length === 1) {
        const [path, sign] = open[0] as [string, number]
        const value = -balance / sign + 0 // + 0 turns -0 into 0
        if (value < 0 || !Number.isInteger(value)) return false
        values.set(path, value)
        changed = true
      } else if (signs.size === 1) {
        const sum = -balance / (open[0] as [string, number])[1]
        if (sum < 0) return false
        if (sum === 0) {
          for (const [path] of open) values.set(path, 0)
          changed = true
        }
      }
    }
  }
  return true
}
