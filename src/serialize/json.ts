/**
 * JSON whose numbers are written as the model holds them: `JSON.stringify` writes `1e-7` and
 * `1e+21`, valid JSON but not what a report printed; here they are `0.0000001` and
 * `1000000000000000000000`, still valid JSON, and `JSON.parse` gives back the same numbers.
 *
 * @module
 */

import { printNumber } from '../model/decimal.js'

/**
 * A number token with an exponent as `JSON.stringify` writes one (`1e-7`, `1e+21`: a lower-case
 * `e` and a sign, always). A string may hold the same; then the slow way is taken for nothing.
 */
const EXPONENT = /\de[-+]\d/

/**
 * `JSON.stringify(value, null, indent)`, every number in plain decimal digits (see `printNumber`).
 * Everything else is exactly as `JSON.stringify` has it (`toJSON`, `undefined` left out, cycles throw).
 *
 * @param value - What to write: a report, a result, a list of diagnostics.
 * @param indent - Spaces of indentation (default: none, one line).
 * @returns The JSON text.
 */
export function toJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent) as string | undefined
  if (text === undefined || !EXPONENT.test(text)) return text as string
  // Numbers with an exponent go in as strings no other text of the output starts with (a quote and
  // more `#` than any quote in it is followed by, then their index), then come out as digits.
  let longest = 0
  for (const [, run] of text.matchAll(/"(#+)/gu)) longest = Math.max(longest, (run as string).length)
  const mark = '#'.repeat(longest + 1)
  const numbers: number[] = []
  const marked = JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item !== 'number' || !Number.isFinite(item) || !/e/u.test(String(item))) return item
      numbers.push(item)
      return `${mark}${numbers.length - 1}`
    },
    indent
  )
  return marked.replace(new RegExp(`"${mark}(\\d+)"`, 'gu'), (_, index: string) => printNumber(numbers[Number(index)] as number))
}
