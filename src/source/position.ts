/**
 * Offsets to line and column.
 *
 * @module
 */

import type { Position } from '../model/types.js'

/**
 * Turns offsets of one input into 1-based line and column positions: build it once per input,
 * then ask `at(offset)` for each cell or block an adapter reads (a binary search, no scan).
 *
 * @example
 * ```ts
 * import { LineIndex } from 'zfxxgk'
 *
 * const index = new LineIndex('规章\t1\n行政许可\t2\n')
 * console.log(index.at(10)) // { line: 2, column: 6, offset: 10 }: the 2 of 行政许可
 * ```
 */
export class LineIndex {
  /** The offset where each line starts, found on the first `at()` past the first line (none may be asked). */
  private starts: number[] | undefined

  /** @param input - The whole input. */
  constructor(private readonly input: string) {}

  private lineStarts(): number[] {
    const starts = [0]
    const input = this.input
    for (let i = 0; i < input.length; i++) {
      const code = input.charCodeAt(i)
      if (code === 0x0a) starts.push(i + 1)
      else if (code === 0x0d) starts.push(input.charCodeAt(i + 1) === 0x0a ? ++i + 1 : i + 1)
    }
    this.starts = starts
    return starts
  }

  /**
   * The position of an offset.
   *
   * @param offset - 0-based offset into the input.
   */
  at(offset: number): Position {
    if (offset === 0) return { line: 1, column: 1, offset }
    const starts = this.starts ?? this.lineStarts()
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((starts[mid] as number) <= offset) low = mid
      else high = mid - 1
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1, offset }
  }
}
