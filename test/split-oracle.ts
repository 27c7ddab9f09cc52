/**
 * An oracle for glued runs, written from the format alone (not from src/core/split.ts): every way to
 * cut a run into one value per column, where white space always separates two values and a value is
 * a non-negative integer printed without a leading zero (a lone `0` aside), or, in a signed column
 * (2019's 本年增/减), such an integer with a `-` before it; and where the row holds a 总计 (table 三's
 * total column, each group's total in table 四), it is the sum of the others.
 */
import { CATALOGUES } from '../src/model/catalogue.js'
import type { Edition } from '../src/index.js'

/** A value as a report prints it in a count column, or a signed one. */
const COUNT = /^(?:0|[1-9]\d*)$/u
const SIGNED = /^(?:0|-?[1-9]\d*)$/u

/** A sum a row keeps: column `total` is the sum of columns `parts`. */
export interface Sum {
  total: number
  parts: number[]
}

/** The sums a row of cells keeps: table 三's 总计 column of its row, each group's 总计 in table 四; none in table 二. */
export function sumsOf(cells: readonly string[]): Sum[] {
  const groups = new Map<string, { total?: number; parts: number[] }>()
  cells.forEach((path, i) => {
    const parts = path.split('.')
    let key: string | undefined
    let isTotal = false
    if (parts[0] === 'applications') ((key = parts.slice(2).join('.')), (isTotal = parts[1] === 'total'))
    else if (parts[0] === 'reviewAndLitigation') ((key = parts[1]), (isTotal = parts[2] === 'total'))
    if (key === undefined) return
    const group = groups.get(key) ?? { parts: [] }
    if (isTotal) group.total = i
    else group.parts.push(i)
    groups.set(key, group)
  })
  return [...groups.values()].flatMap((group) => (group.total === undefined ? [] : [{ total: group.total, parts: group.parts }]))
}

/** Every split of `run` into `signed.length` values (column `i` signed when `signed[i]`) that keeps `sums`. */
export function splitsOf(run: string, signed: readonly boolean[], sums: readonly Sum[] = []): number[][] {
  const groups = run.split(/\s+/u).filter((group) => group !== '')
  const out: number[][] = []
  const values: number[] = []
  // The sums to check once column i is cut (all their columns cut by then).
  const due = signed.map((_, i) => sums.filter((sum) => Math.max(sum.total, ...sum.parts) === i))
  const keeps = (column: number): boolean =>
    (due[column] ?? []).every((sum) => sum.parts.reduce((total, part) => total + (values[part] as number), 0) === values[sum.total])
  // Cut the rest of group g from character `at` on, column `column` next.
  const walk = (g: number, at: number, column: number): void => {
    if (g === groups.length) {
      if (column === signed.length) out.push([...values])
      return
    }
    if (column === signed.length) return
    const group = groups[g] as string
    for (let end = at + 1; end <= group.length; end++) {
      const piece = group.slice(at, end)
      if (!(signed[column] === true ? SIGNED : COUNT).test(piece)) continue
      values.push(Number(piece))
      if (keeps(column)) {
        if (end === group.length) walk(g + 1, 0, column + 1)
        else walk(g, end, column + 1)
      }
      values.pop()
    }
  }
  walk(0, 0, 0)
  return out
}

/** Whether column `key` of table 二 is signed, in an edition. */
export function signedColumn(edition: Edition, path: string): boolean {
  const key = path.split('.').at(-1)
  return CATALOGUES[edition].table2Columns.some((column) => column.key === key && column.signed === true)
}

/** Whether a table 二 row (by its cells) is one of counts only (a money amount in it is not settled by a statement). */
export function countRow(cells: readonly string[]): boolean {
  return cells.every((path) => path.startsWith('activeDisclosure.') && !path.endsWith('.amount'))
}
