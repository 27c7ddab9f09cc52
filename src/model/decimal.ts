/**
 * Numbers as text, exactly: the shortest decimal that reads back as the same double (what
 * `String(value)` gives), written out in plain digits, never with an exponent.
 *
 * @module
 */

/**
 * A number as a report prints it, and as every writer of the library writes it: plain decimal
 * digits with at most one point and a leading minus, no exponent, no thousands separators, never
 * rounded. `1e-7` is `0.0000001`; `1e21` is `1000000000000000000000`; `Number(printNumber(x))`
 * is `x` for every finite `x` (`-0` is `0`). A value that is not finite is written as `String`
 * writes it.
 *
 * @param value - A cell's value.
 */
export function printNumber(value: number): string {
  const text = String(value)
  const e = text.indexOf('e')
  if (e < 0) return text
  // ECMAScript writes the shortest round-trip digits, with an exponent below 1e-6 and from 1e21:
  // the same digits, the point moved.
  const negative = text.charCodeAt(0) === 0x2d
  const mantissa = text.slice(negative ? 1 : 0, e)
  const dot = mantissa.indexOf('.')
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  const point = (dot < 0 ? mantissa.length : dot) + Number(text.slice(e + 1))
  const plain =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`
  return negative ? `-${plain}` : plain
}
