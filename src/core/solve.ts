/**
 * The equations compiled for repair, and what solves them: flat typed arrays by cell index
 * (`NaN`: not known), so that trying a combination of row readings copies one array.
 *
 * @module
 */

import type { Equation } from '../validate/equations.js'

/** The equations as flat arrays: equation `e`'s terms are `cells[start[e]..start[e + 1]]`, each with its side's sign. */
export interface Compiled {
  readonly start: Int32Array
  readonly cells: Int32Array
  readonly signs: Int8Array
  /** One more than the largest cell index in any equation. */
  readonly size: number
  /** The equations each cell is a term of, in order. */
  readonly byCell: Map<number, number[]>
}

const COMPILED = new WeakMap<readonly Equation[], Compiled>()

export function compile(equations: readonly Equation[]): Compiled {
  let compiled = COMPILED.get(equations)
  if (compiled !== undefined) return compiled
  const total = equations.reduce((sum, equation) => sum + equation.left.length + equation.right.length, 0)
  const start = new Int32Array(equations.length + 1)
  const cells = new Int32Array(total)
  const signs = new Int8Array(total)
  let size = 0
  const byCell = new Map<number, number[]>()
  let at = 0
  equations.forEach((equation, e) => {
    start[e] = at
    for (const [terms, sign] of [
      [equation.left, 1],
      [equation.right, -1]
    ] as const) {
      for (const cell of terms) {
        cells[at] = cell
        signs[at++] = sign
        size = Math.max(size, cell + 1)
        const list = byCell.get(cell)
        if (list === undefined) byCell.set(cell, [e])
        else if (list[list.length - 1] !== e) list.push(e)
      }
    }
  })
  start[equations.length] = at
  compiled = { start, cells, signs, size, byCell }
  COMPILED.set(equations, compiled)
  return compiled
}

/**
 * The equations with a term among `cells`, in order; with `all`, only those whose every term
 * `marked` flags (`marked` flags at least `cells`).
 */
export function equationsWith(compiled: Compiled, cells: Iterable<number>, marked: Uint8Array, all: boolean): Int32Array {
  const count = compiled.start.length - 1
  const touched = new Uint8Array(count)
  for (const cell of cells) for (const e of compiled.byCell.get(cell) ?? []) touched[e] = 1
  const list: number[] = []
  for (let e = 0; e < count; e++) {
    if (touched[e] === 0) continue
    let every = true
    for (let t = compiled.start[e] as number; t < (compiled.start[e + 1] as number) && every; t++)
      every = marked[compiled.cells[t] as number] === 1
    if (every || !all) list.push(e)
  }
  return new Int32Array(list)
}

/** A fresh array of `size` values, all `NaN` (not known). */
export function unknownValues(size: number): Float64Array {
  return new Float64Array(size).fill(Number.NaN)
}

/** Which of the chosen equations `propagate` has settled; one array, reused (propagate runs to its end before any other call). */
let settledFlags = new Uint8Array(64)

/**
 * Solve what the equations pin, in place: an equation with one unknown gives
 * it; one whose unknowns must add up to 0 gives them all 0. Every value must be
 * a whole number ≥ 0. A cell may be solved when `open` marks it; a cell neither
 * known nor open leaves its equations unassessable.
 *
 * @returns `false` when the equations cannot all hold.
 */
export function propagate(compiled: Compiled, chosen: Int32Array, values: Float64Array, open: Uint8Array): boolean {
  const { start, cells, signs } = compiled
  if (settledFlags.length < chosen.length) settledFlags = new Uint8Array(chosen.length * 2)
  const settled = settledFlags
  settled.fill(0, 0, chosen.length)
  let changed = true
  while (changed) {
    changed = false
    for (let c = 0; c < chosen.length; c++) {
      if (settled[c] === 1) continue
      const e = chosen[c] as number
      const from = start[e] as number
      const to = start[e + 1] as number
      let balance = 0
      let assessable = true
      let openCount = 0
      let openSign = 0
      let mixed = false
      let openCell = -1
      for (let t = from; t < to; t++) {
        const cell = cells[t] as number
        const sign = signs[t] as number
        const value = values[cell] as number
        if (value === value) balance += sign * value
        else if (open[cell] === 1) {
          if (openCount > 0 && openSign !== sign) mixed = true
          openSign = sign
          openCell = cell
          openCount++
        } else {
          assessable = false
          break
        }
      }
      if (!assessable) {
        settled[c] = 1
        continue
      }
      if (openCount === 0) {
        if (Math.abs(balance) > 1e-9) return false
        settled[c] = 1
      } else if (openCount === 1) {
        const value = -balance / openSign + 0 // + 0 turns -0 into 0
        if (value < 0 || !Number.isInteger(value)) return false
        values[openCell] = value
        settled[c] = 1
        changed = true
      } else if (!mixed) {
        const sum = -balance / openSign
        if (sum < 0) return false
        if (sum === 0) {
          for (let t = from; t < to; t++) {
            const cell = cells[t] as number
            if (open[cell] === 1 && Number.isNaN(values[cell])) values[cell] = 0
          }
          settled[c] = 1
          changed = true
        }
      }
    }
  }
  return true
}
