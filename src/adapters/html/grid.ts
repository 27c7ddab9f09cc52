/**
 * Rowspan and colspan worked out: how many columns each row of a table covers,
 * with its own cells and with cells of rows above that span down into it.
 *
 * Columns taken from above are kept as runs (first column, end column, last row
 * taken), not one entry per column, so a row costs what its cells and the spans
 * alive over it cost, whatever their widths: `colspan=1000 rowspan=1000` is one run.
 *
 * @module
 */

/** The largest span honoured; larger values (typos, attacks) count as this. */
const MAX_SPAN = 1000

/**
 * A `rowspan` or `colspan` attribute as a span: 1 when absent, not a number or
 * below 1; at most 1000.
 *
 * @param value - The attribute's value.
 */
export function spanOf(value: string | undefined): number {
  if (value === undefined) return 1
  const span = Number.parseInt(value, 10)
  return Number.isFinite(span) && span >= 1 ? Math.min(span, MAX_SPAN) : 1
}

/** The spans of one cell. */
export interface Spans {
  /** Columns it spans (at least 1). */
  readonly colspan: number
  /** Rows it spans (at least 1). */
  readonly rowspan: number
}

/**
 * How many columns each row covers. A cell stands in the first column not
 * taken by a cell above, as browsers place it; a rowspan past the last row
 * ends there.
 *
 * @param rows - Each row's cells, left to right.
 * @returns For each row, the number of its columns taken.
 */
export function coverage(rows: ReadonlyArray<readonly Spans[]>): number[] {
  const covered: number[] = []
  /** Runs of columns taken by rows above, flat: first, end, last row; sorted and disjoint. */
  let above: number[] = []
  for (let r = 0; r < rows.length; r++) {
    const own: number[] = []
    let column = 0
    let run = 0
    for (const cell of rows[r] as readonly Spans[]) {
      while (run < above.length && (above[run] as number) <= column) {
        const end = above[run + 1] as number
        if (end > column) column = end
        run += 3
      }
      const down = Math.min(cell.rowspan, rows.length - r)
      own.push(column, column + cell.colspan, r + down - 1)
      column += cell.colspan
    }
    const taken = overlay(above, own)
    let count = 0
    above = []
    for (let i = 0; i < taken.length; i += 3) {
      const start = taken[i] as number
      const end = taken[i + 1] as number
      const last = taken[i + 2] as number
      count += end - start
      if (last <= r) continue
      const n = above.length
      if (n > 0 && above[n - 1] === last && above[n - 2] === start) above[n - 2] = end
      else above.push(start, end, last)
    }
    covered.push(count)
  }
  return covered
}

/**
 * Two sorted lists of disjoint runs as one: where both take a column, the later last row wins.
 *
 * @param a - Runs, flat (first, end, last row).
 * @param b - Runs, flat.
 */
function overlay(a: readonly number[], b: readonly number[]): readonly number[] {
  if (a.length === 0) return b
  if (b.length === 0) return a
  const out: number[] = []
  let i = 0
  let j = 0
  let x = Math.min(a[0] as number, b[0] as number)
  while (i < a.length || j < b.length) {
    const aStart = i < a.length ? (a[i] as number) : Infinity
    const bStart = j < b.length ? (b[j] as number) : Infinity
    if (x < aStart && x < bStart) x = Math.min(aStart, bStart)
    const inA = aStart <= x
    const inB = bStart <= x
    const end = Math.min(inA ? (a[i + 1] as number) : aStart, inB ? (b[j + 1] as number) : bStart)
    out.push(x, end, Math.max(inA ? (a[i + 2] as number) : -1, inB ? (b[j + 2] as number) : -1))
    x = end
    if (inA && a[i + 1] === end) i += 3
    if (inB && b[j + 1] === end) j += 3
  }
  return out
}
