/**
 * Glued runs: a row whose values were printed with no separator between them (a crawled page's
 * table flattened into one line: `规范性文件898989`, `230 000023`, `行政处罚2648-18538`). Every way
 * to cut the run into one value per column under the format's rules is listed here; which one the
 * row printed is decided by the arithmetic (the row's own totals here, the whole table's in repair),
 * never by guessing.
 *
 * @module
 */

import { MONEY_UNITS } from '../model/catalogue.js'
import { toWanyuan, type MoneyUnit } from './number.js'

/** What a column admits: a sign (本年增/减), decimals and a unit (money). */
export interface SplitColumn {
  /** A signed count: a cell may start with `-` or `+`. */
  readonly signed: boolean
  /** Money: a cell may have decimals and end in a unit (`75394432.52元`). */
  readonly money: boolean
  /** The unit the column's header states, for a money cell that prints none. */
  readonly unit?: MoneyUnit | undefined
}

/** The splits of one run. */
export interface RunSplits {
  /** Each split: one value per column, in column order (money in 万元). */
  readonly splits: readonly (readonly number[])[]
  /** Each split as printed: one piece of the run per column. */
  readonly pieces: readonly (readonly string[])[]
  /** The run printed its values apart by white space, one per column: read as printed (the totals are checked later, as for any row). */
  readonly asPrinted: boolean
  /** How many splits the format's rules allow, before the row's own rules choose. */
  readonly allowed: number
  /** The search stopped at its cap ({@link MAX_SPLIT_STEPS} steps, the parse's {@link SplitBudget}, or {@link MAX_SPLITS} splits): the splits are not all. */
  readonly capped: boolean
}

/** At most this many steps of the search for one run. */
export const MAX_SPLIT_STEPS = 50_000
/** At most this many steps for all the runs of one parse (about 30 ms on a slow machine). */
export const MAX_PARSE_SPLIT_STEPS = 200_000

/** The steps left to the searches of one parse, shared by its runs. */
export interface SplitBudget {
  steps: number
}
/** At most this many splits of one run. */
export const MAX_SPLITS = 2_000

/** A cell holds at most this many characters: 15 digits, a sign, a decimal part of 6, a unit. */
const MAX_CELL = 26
const SIGNED = /^(?:0|[-+]?[1-9]\d{0,14})$/u
const UNITS = [...MONEY_UNITS.map(({ unit }) => unit)].sort((a, b) => b.length - a.length)
const MONEY = new RegExp(String.raw`^(0|[1-9]\d{0,14})(\.\d{1,9})?(${UNITS.join('|')})?$`, 'u')
/** Minus signs as printed (U+2212, full-width); a dash (`—`, `–`) marks a blank cell, never a sign. */
const DASHES = /[−－]/gu

/** A sum a row must keep: the value of column `total` is the sum of the values of columns `parts`, all ≥ 0 (I-4, I-5). */
export interface RowSum {
  readonly total: number
  readonly parts: readonly number[]
}

/**
 * Every split of a run into one value per column: white space always separates two values; inside
 * a stretch without white space, values are cut where the rules allow: no leading zero but a lone
 * `0`, a sign only at the start of a signed column's value, decimals and a unit only in money.
 *
 * The search cuts from the end of the run (a row's 总计 is printed last), so that a total is known
 * before its parts and a branch whose parts already exceed it is dropped at once.
 *
 * @param run - The run as printed.
 * @param columns - The row's columns, in order.
 * @param keep - The row's own rules (its totals): a split they reject is not listed.
 * @param sums - The row's sums, to cut the search short (each is also checked by `keep`).
 * @param budget - The steps left to the parse's searches; this search takes what it uses.
 */
export function splitRun(
  run: string,
  columns: readonly SplitColumn[],
  keep?: (values: readonly number[]) => boolean,
  sums: readonly RowSum[] = [],
  budget: SplitBudget = { steps: MAX_SPLIT_STEPS }
): RunSplits {
  const groups = run
    .normalize('NFKC')
    .replace(DASHES, '-')
    .split(/\s+/u)
    .filter((group) => group !== '')
  const width = columns.length
  if (groups.length === width && groups.every((group, i) => fits(group, columns[i] as SplitColumn, true))) {
    // One value per column, apart by white space: what was printed, whatever the totals say.
    const values = groups.map((group, i) => valueOf(group, columns[i] as SplitColumn))
    return { splits: [values], pieces: [groups], asPrinted: true, capped: false, allowed: 1 }
  }
  const splits: number[][] = []
  const pieces: string[][] = []
  const cut = new Array<string>(width).fill('')
  const values = new Array<number>(width).fill(0)
  const limit = Math.min(MAX_SPLIT_STEPS, budget.steps)
  let steps = 0
  let allowed = 0
  let capped = false
  // Characters before group g (each group needs a value of its own).
  const before = new Array<number>(groups.length + 1).fill(0)
  for (let g = 0; g < groups.length; g++) before[g + 1] = (before[g] as number) + (groups[g] as string).length

  /**
   * Whether a sum can no longer hold once columns `column` on are cut and `chars` characters are
   * left for the columns before: the parts cut already exceed their known total, or the parts left
   * cannot reach it (each is shorter than the characters left, one at least for every other column).
   */
  const unreachable = (column: number, chars: number): boolean =>
    sums.some((sum) => {
      if (sum.total < column) return false
      let parts = 0
      let left = 0
      for (const part of sum.parts) {
        if (part >= column) parts += values[part] as number
        else left++
      }
      const total = values[sum.total] as number
      if (parts > total + 1e-9) return true
      const digits = Math.min(15, chars - (column - 1))
      return left === 0 ? parts < total - 1e-9 : parts + left * 10 ** Math.max(0, digits) < total - 1e-9
    })

  // Cut the value of `column` ending at `end` of group `g` (exclusive), then the columns before it.
  const visit = (g: number, end: number, column: number): void => {
    if (capped) return
    if (++steps > limit || splits.length >= MAX_SPLITS) {
      capped = true
      return
    }
    if (column < 0) {
      if (g < 0) {
        allowed++
        if (keep === undefined || keep(values)) {
          pieces.push([...cut])
          splits.push([...values])
        }
      }
      return
    }
    if (g < 0) return
    const left = column + 1
    const chars = (before[g] as number) + end
    if (g + 1 > left || chars < left || chars > left * MAX_CELL) return
    const group = groups[g] as string
    const spec = columns[column] as SplitColumn
    for (let start = end - 1; start >= 0 && end - start <= MAX_CELL; start--) {
      // Every piece tried is a step, pruned or not.
      if (++steps > limit) {
        capped = true
        return
      }
      const piece = group.slice(start, end)
      if (!fits(piece, spec, end === group.length)) continue
      cut[column] = piece
      values[column] = valueOf(piece, spec)
      if (unreachable(column, (before[g] as number) + start)) continue
      if (start === 0) visit(g - 1, (groups[g - 1] ?? '').length, column - 1)
      else visit(g, start, column - 1)
    }
  }
  visit(groups.length - 1, (groups.at(-1) ?? '').length, width - 1)
  budget.steps -= Math.min(steps, budget.steps)
  return { splits, pieces, asPrinted: false, capped, allowed }
}

/** Whether a piece may be the value of a column; a unit only where the piece ends its group. */
function fits(piece: string, column: SplitColumn, endsGroup: boolean): boolean {
  if (column.money) {
    const match = MONEY.exec(piece)
    return match !== null && (match[3] === undefined || endsGroup)
  }
  if (column.signed) return SIGNED.test(piece)
  // A count: digits only, no leading zero but a lone 0 (the common case, without a regex).
  if (piece.length > 15 || (piece.length > 1 && piece.charCodeAt(0) === 0x30)) return false
  for (let i = 0; i < piece.length; i++) {
    const code = piece.charCodeAt(i)
    if (code < 0x30 || code > 0x39) return false
  }
  return true
}

/** A piece's value (money in 万元); `NaN` for an amount that in 万元 a number cannot hold exactly (see `toWanyuan`). */
function valueOf(piece: string, column: SplitColumn): number {
  if (!column.money) return Number(piece) + 0
  const match = MONEY.exec(piece) as RegExpExecArray
  const digits = `${match[1] as string}${match[2] ?? ''}`
  const unit = (match[3] as MoneyUnit | undefined) ?? column.unit
  if (unit === undefined || unit === '万元') return Number(digits)
  const value = toWanyuan(digits, unit)
  return typeof value === 'number' ? value : Number.NaN
}
