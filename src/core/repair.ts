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
 * Values live in typed arrays by cell index (`NaN`: not known), so trying a
 * combination copies one array instead of building maps.
 *
 * @module
 */

import type { Cell } from '../model/types.js'
import type { Equation } from '../validate/equations.js'
import { compile, equationsWith, propagate, unknownValues, type Compiled } from './solve.js'

/** A row whose printed values do not fit its columns. */
export interface RepairRow {
  /** Its columns' cells (indices into the edition's cell schema), in order. */
  cells: readonly number[]
  /** Printed values in order; `null` for a blank. */
  printed: readonly Cell[]
  /** Instead of placements of `printed`: the readings to choose from, each one value per cell (a glued row's splits). */
  glued?: { readonly readings: readonly (readonly number[])[] }
}

/** What repair decided. */
export interface RepairOutcome {
  /** Filled cells by index: blanks and the cells of placed rows. */
  filled: Map<number, number>
  /** Per damaged row: placed, more than one reading, or no reading that keeps the totals. */
  rows: ('placed' | 'ambiguous' | 'inconsistent')[]
  /** Whether the search stopped at its cap (rows then ambiguous). */
  exhausted: boolean
}

/** Beyond this many readings of one row, or combinations in all, or steps of the search, repair gives up (ambiguous). */
const MAX_READINGS = 5000
const MAX_COMBINATIONS = 20000
const MAX_NODES = 20_000
/** Beyond this many combinations of readings, each branch is checked against the totals as it grows. */
const PRUNE_ABOVE = 256

/** The arrays one repair works in, by cell index. */
interface Workspace {
  /** Cells repair may solve. */
  open: Uint8Array
  /** All `NaN`, for one row's readings. */
  scratch: Float64Array
  /** All 0, for one row's readings. */
  rowOpen: Uint8Array
  /** The values of the combination being tried: the known ones, the rest `NaN`. */
  current: Float64Array
  /** One combination solved. */
  leaf: Float64Array
  /** Cells that differ between solved combinations. */
  differs: Uint8Array
}

/** Workspaces by size, reused: allocating typed arrays cost more than the rest of a small repair, and repair runs to its end before the next. */
const WORKSPACES = new Map<number, Workspace>()

/** A workspace of `size` cells, every array as its doc says (`leaf`: any values). */
function workspace(size: number): Workspace {
  let space = WORKSPACES.get(size)
  if (space === undefined) {
    if (WORKSPACES.size >= 8) WORKSPACES.clear()
    space = {
      open: new Uint8Array(size),
      scratch: unknownValues(size),
      rowOpen: new Uint8Array(size),
      current: unknownValues(size),
      leaf: new Float64Array(size),
      differs: new Uint8Array(size)
    }
    WORKSPACES.set(size, space)
    return space
  }
  space.open.fill(0)
  space.scratch.fill(Number.NaN)
  space.rowOpen.fill(0)
  space.current.fill(Number.NaN)
  space.differs.fill(0)
  return space
}

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
  const compiled = compile(equations)
  let size = compiled.size
  for (const cell of known.keys()) size = Math.max(size, cell + 1)
  for (const cell of unknown) size = Math.max(size, cell + 1)
  for (const row of rows) for (const cell of row.cells) size = Math.max(size, cell + 1)

  const { open, scratch, rowOpen, current, leaf, differs } = workspace(size)
  for (const cell of unknown) open[cell] = 1
  for (const row of rows) for (const cell of row.cells) open[cell] = 1
  const targets = [...unknown]
  for (const row of rows) targets.push(...row.cells)
  const relevant = equationsWith(compiled, targets, open, false)
  const readings: Float64Array[][] = []
  let exhausted = false
  for (const row of rows) {
    const list = rowReadings(row, compiled, scratch, rowOpen)
    if (list === undefined) exhausted = true
    readings.push(list ?? [])
  }

  // Depth-first over the rows' readings, writing each row's reading into one array and undoing it after;
  // a branch whose readings so far already break the totals (every open cell a count ≥ 0) is cut.
  for (const [cell, value] of known) current[cell] = value
  let nodes = 0
  const saved = rows.map((row) => new Float64Array(row.cells.length))
  let first: Float64Array | undefined
  let results = 0
  let combinations = 0
  const choose = (depth: number): void => {
    if (depth === rows.length) {
      if (++combinations > MAX_COMBINATIONS) {
        exhausted = true
        return
      }
      leaf.set(current)
      if (!propagate(compiled, relevant, leaf, open)) return
      results++
      if (first === undefined) first = Float64Array.from(leaf)
      else for (let cell = 0; cell < size; cell++) if (leaf[cell] !== first[cell]) differs[cell] = 1
      return
    }
    const cells = (rows[depth] as RepairRow).cells
    const before = saved[depth] as Float64Array
    for (let i = 0; i < cells.length; i++) before[i] = current[cells[i] as number] as number
    for (const reading of readings[depth] as Float64Array[]) {
      if (exhausted) break
      for (let i = 0; i < cells.length; i++) {
        const value = reading[i] as number
        if (!Number.isNaN(value)) current[cells[i] as number] = value
      }
      if (++nodes > MAX_NODES) exhausted = true
      else if (depth + 1 === rows.length || !prune || feasible()) choose(depth + 1)
      for (let i = 0; i < cells.length; i++) current[cells[i] as number] = before[i] as number
    }
  }
  // Few combinations are cheaper to try whole than to check branch by branch.
  const prune = readings.reduce((product, list) => product * Math.max(1, list.length), 1) > PRUNE_ABOVE
  const feasible = (): boolean => {
    leaf.set(current)
    return propagate(compiled, relevant, leaf, open)
  }
  if (!exhausted) choose(0)

  const filled = new Map<number, number>()
  const agreed = (cell: number): number | undefined => {
    if (exhausted || first === undefined || differs[cell] === 1) return undefined
    const value = first[cell] as number
    return Number.isNaN(value) ? undefined : value
  }
  for (const cell of unknown) {
    const value = agreed(cell)
    if (value !== undefined) filled.set(cell, value)
  }
  const outcome: RepairOutcome['rows'] = rows.map((row) => {
    const values = row.cells.map(agreed)
    if (values.every((value) => value !== undefined)) {
      row.cells.forEach((cell, i) => filled.set(cell, values[i] as number))
      return 'placed'
    }
    return !exhausted && results === 0 ? 'inconsistent' : 'ambiguous'
  })
  return { filled, rows: outcome, exhausted }
}

/**
 * The distinct readings of a damaged row that keep the equations lying wholly
 * inside it (each the row's values in column order, `NaN` where unsettled);
 * `undefined` when there are too many to try. `scratch` (all `NaN`) and `open` (all 0) are left as found.
 */
function rowReadings(row: RepairRow, compiled: Compiled, scratch: Float64Array, open: Uint8Array): Float64Array[] | undefined {
  const width = row.cells.length
  const count = row.printed.length
  for (const cell of row.cells) open[cell] = 1
  const local = equationsWith(compiled, row.cells, open, true)
  const readings: Float64Array[] = []
  let tried = 0
  let tooMany = false
  const keep = (): void => {
    if (propagate(compiled, local, scratch, open) && !readings.some((reading) => sameReading(reading, row.cells, scratch))) {
      const reading = new Float64Array(width)
      for (let column = 0; column < width; column++) reading[column] = scratch[row.cells[column] as number] as number
      readings.push(reading)
    }
  }
  if (row.glued !== undefined) {
    for (const values of row.glued.readings) {
      row.cells.forEach((cell, column) => {
        open[cell] = 0
        scratch[cell] = values[column] as number
      })
      keep()
    }
  } else
    forEachPlacement(count, width, (placement) => {
      if (++tried > MAX_READINGS) {
        tooMany = true
        return false
      }
      for (let column = 0; column < width; column++) {
        const cell = row.cells[column] as number
        const source = placement[column] as number
        const value = source < 0 ? null : (row.printed[source] ?? null)
        open[cell] = value === null ? 1 : 0
        scratch[cell] = value === null ? Number.NaN : value
      }
      keep()
      return true
    })
  for (const cell of row.cells) {
    scratch[cell] = Number.NaN
    open[cell] = 0
  }
  return tooMany ? undefined : readings
}

/** Whether a reading holds the same values (NaN equal to NaN) as the row's cells in `values`. */
function sameReading(reading: Float64Array, cells: readonly number[], values: Float64Array): boolean {
  for (let column = 0; column < reading.length; column++) {
    const a = reading[column] as number
    const b = values[cells[column] as number] as number
    if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return false
  }
  return true
}

/**
 * Call `visit` with every way to lay `count` printed values over `width` columns in order: for
 * each column, the index of the printed value it takes, or -1 for a gap. `visit` returns `false` to stop.
 */
function forEachPlacement(count: number, width: number, visit: (placement: Int32Array) => boolean): void {
  const placement = new Int32Array(width)
  const n = Math.max(count, width)
  const k = Math.min(count, width)
  const chosen = new Int32Array(k)
  for (let i = 0; i < k; i++) chosen[i] = i
  for (;;) {
    if (count <= width) {
      placement.fill(-1)
      for (let i = 0; i < k; i++) placement[chosen[i] as number] = i
    } else {
      placement.set(chosen)
    }
    if (!visit(placement)) return
    // The next increasing k-subset of 0..n-1, in lexicographic order.
    let i = k - 1
    while (i >= 0 && (chosen[i] as number) === n - k + i) i--
    if (i < 0) return
    chosen[i] = (chosen[i] as number) + 1
    for (let j = i + 1; j < k; j++) chosen[j] = (chosen[j - 1] as number) + 1
  }
}
