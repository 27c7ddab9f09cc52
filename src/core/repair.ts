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
  /** Its columns' cells (indices into the edition's cell schema), in order. */
  cells: readonly number[]
  /** Printed values in order; `null` for a blank. */
  printed: readonly Cell[]
}

/** What repair decided. */
export interface RepairOutcome {
  /** Filled cells by index: blanks and the cells of placed rows. */
  filled: Map<number, number>
  /** Per damaged row: placed, more than one reading, or no reading that keeps the totals. */
  rows: ('placed' | 'ambiguous' | 'inconsistent')[]
}

/** Beyond this many readings of one row, or combinations in all, repair gives up (ambiguous). */
const MAX_READINGS = 5000
const MAX_COMBINATIONS = 20000

type Assignment = Map<number, number>

/**
 * Solve the equations for the unknown cells.
 *
 * @param known - Printed numbers by cell index.
 * @param unknown - Null cells outside damaged rows.
 * @param rows - Damaged rows.
 * @param equations - The sum invariants.
 */
export function repair(
  known: ReadonlyMap<number, number>,
  unknown: ReadonlySet<number>,
  rows: readonly RepairRow[],
  equations: readonly Equation[]
): RepairOutcome {
  const rowCells = new Set(rows.flatMap((row) => row.cells))
  const targets = new Set([...unknown, ...rowCells])
  const relevant = equations.filter((equation) => equation.terms.some((path) => targets.has(path)))
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

  const filled = new Map<number, number>()
  const agreed = (path: number): number | undefined => {
    if (exhausted || results.length === 0) return undefined
    const first = results[0]?.get(path)
    return first !== undefined && results.every((result) => result.get(path) === first) ? first : undefined
  }
  for (const path of unknown) {
    const value = agreed(path)
    if (value !== undefined) filled.set(path, value)
  }
  const outcome: RepairOutcome['rows'] = rows.map((row) => {
    const values = row.cells.map(agreed)
    if (values.every((value) => value !== undefined)) {
      row.cells.forEach((path, i) => filled.set(path, values[i] as number))
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
  const width = row.cells.length
  const count = row.printed.length
  const inside = new Set(row.cells)
  const local = equations.filter((equation) => equation.terms.every((path) => inside.has(path)))
  const readings = new Map<string, Assignment>()
  let tried = 0
  for (const placement of placements(count, width)) {
    if (++tried > MAX_READINGS) return undefined
    const assignment: Assignment = new Map()
    const open = new Set<number>()
    row.cells.forEach((path, column) => {
      const source = placement[column]
      const value = source === undefined ? null : (row.printed[source] ?? null)
      if (value === null) open.add(path)
      else assignment.set(path, value)
    })
    if (!propagate(local, assignment, open)) continue
    const key = row.cells.map((path) => assignment.get(path) ?? '?').join(',')
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

/** The increasing k-subsets of 0..n-1, in lexicographic order. */
function* combinations(n: number, k: number): Generator<number[]> {
  if (k > n) return
  const chosen = Array.from({ length: k }, (_, i) => i)
  for (;;) {
    yield [...chosen]
    let i = k - 1
    while (i >= 0 && (chosen[i] as number) === n - k + i) i--
    if (i < 0) return
    chosen[i] = (chosen[i] as number) + 1
    for (let j = i + 1; j < k; j++) chosen[j] = (chosen[j - 1] as number) + 1
  }
}

/**
 * Solve what the equations pin, in place: an equation with one unknown gives
 * it; one whose unknowns must add up to 0 gives them all 0. Every value must be
 * a whole number ≥ 0.
 *
 * @returns `false` when the equations cannot all hold.
 */
function propagate(equations: readonly Equation[], values: Assignment, unknown: ReadonlySet<number>): boolean {
  const settled = new Uint8Array(equations.length)
  let changed = true
  while (changed) {
    changed = false
    for (let e = 0; e < equations.length; e++) {
      if (settled[e] === 1) continue
      const equation = equations[e] as Equation
      let balance = 0
      let assessable = true
      let openCount = 0
      let openSign = 0
      let mixed = false
      let openPath = -1
      for (let side = 0; side < 2 && assessable; side++) {
        const paths = side === 0 ? equation.left : equation.right
        const sign = side === 0 ? 1 : -1
        for (const path of paths) {
          const value = values.get(path)
          if (value !== undefined) balance += sign * value
          else if (unknown.has(path)) {
            if (openCount > 0 && openSign !== sign) mixed = true
            openSign = sign
            openPath = path
            openCount++
          } else {
            assessable = false
            break
          }
        }
      }
      if (!assessable) {
        settled[e] = 1
        continue
      }
      if (openCount === 0) {
        if (Math.abs(balance) > 1e-9) return false
        settled[e] = 1
      } else if (openCount === 1) {
        const value = -balance / openSign + 0 // + 0 turns -0 into 0
        if (value < 0 || !Number.isInteger(value)) return false
        values.set(openPath, value)
        settled[e] = 1
        changed = true
      } else if (!mixed) {
        const sum = -balance / openSign
        if (sum < 0) return false
        if (sum === 0) {
          for (const path of equation.terms) if (!values.has(path) && unknown.has(path)) values.set(path, 0)
          settled[e] = 1
          changed = true
        }
      }
    }
  }
  return true
}
