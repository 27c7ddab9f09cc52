/**
 * Column headers of tables 三 and 四 read in linear order. Both are nested: a spanning label
 * (法人或其他组织, 行政诉讼) stands over some of the columns, which are named on the header row
 * below it. In reading order (a grid read row by row, or text with its cells in a line), the
 * columns of the top row come first, the span among them, then those under the span; the printed
 * order is the top row's with the span replaced by the columns under it.
 *
 * @module
 */

import type { HeaderProblem } from '../../model/diagnose.js'
import type { TextToken } from '../tokens.js'

/** One header text in reading order: a column's key, or the spanning label. */
export type HeaderItem<K extends string> = { readonly key: K } | { readonly span: true }

/**
 * The printed order of the columns a nested header names.
 *
 * @param items - The header texts in reading order.
 * @param under - The keys the spanning label stands over.
 * @returns The keys in printed order (repeated or missing keys left as they are): those of the top
 * row in reading order, the span replaced by the keys under it in reading order.
 */
export function printedOrder<K extends string>(items: readonly HeaderItem<K>[], under: ReadonlySet<K>): K[] {
  const top: (K | null)[] = []
  const sub: K[] = []
  let span = false
  for (const item of items) {
    if ('span' in item) {
      if (!span) top.push(null)
      span = true
    } else if (under.has(item.key)) sub.push(item.key)
    else top.push(item.key)
  }
  if (!span) return items.map((item) => (item as { key: K }).key)
  return top.flatMap((key) => (key === null ? sub : [key]))
}

/**
 * Whether `order` names each of `official` exactly once; if not, the first problem.
 *
 * @param order - Keys in printed order.
 * @param official - Every key, in the official order.
 * @param label - A key's label, for the problem.
 */
export function headerProblem<K extends string>(
  order: readonly K[],
  official: readonly K[],
  label: (key: K) => string
): HeaderProblem | undefined {
  const seen = new Set<K>()
  for (const key of order) {
    if (seen.has(key)) return { kind: 'repeated', column: label(key) }
    seen.add(key)
  }
  const missing = official.find((key) => !seen.has(key))
  return missing === undefined ? undefined : { kind: 'missing', column: label(missing) }
}

/**
 * Whether the header texts `from` and `to` (indices into `tokens`, in reading order) stand on the
 * same header row: in the same row of the document, or, where each header text is a row of its own
 * (one cell per line), on lines that follow one another with no gap from `from` to `to` (rows of
 * such text are set apart by a blank or filler line).
 */
export function sameHeaderRow(tokens: readonly TextToken[], from: number, to: number): boolean {
  const first = tokens[from] as TextToken
  const last = tokens[to] as TextToken
  if (first.row === last.row) return true
  const rows = new Set(tokens.map((token) => token.row))
  if (rows.size !== tokens.length) return false
  for (let i = from; i < to; i++) {
    const line = tokens[i]?.position?.line
    const next = tokens[i + 1]?.position?.line
    if (line === undefined || next !== line + 1) return false
  }
  return true
}
