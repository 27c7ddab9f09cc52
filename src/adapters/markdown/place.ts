/**
 * The state of one read, and where mdast nodes sit in the source.
 *
 * @module
 */

import type { Node } from 'mdast'
import type { Position } from '../../model/types.js'
import type { SourceBlock, SourceRow } from '../../source/document.js'
import type { LineIndex } from '../../source/position.js'

/** The state of one read of a Markdown input. */
export interface Context {
  /** The Markdown source, as given (not as flattened for remark). */
  readonly input: string
  /** Offsets of `input` to lines and columns. */
  readonly index: LineIndex
  /** The blocks read so far, in source order. */
  readonly blocks: SourceBlock[]
  /** Inside a block quote, whose `>` markers the line reader must not see. */
  quoted: boolean
}

/** A range of source offsets, start inclusive, end exclusive. */
export type Range = readonly [start: number, end: number]

/**
 * The source range of a node.
 *
 * @param node - An mdast node.
 * @returns Its start and end offsets, or `undefined` when remark gave none.
 */
export function rangeOf(node: Node): Range | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

/**
 * Where a node starts.
 *
 * @param node - An mdast node.
 * @param context - The read.
 * @returns The line, column and offset of its start, or `undefined` when remark gave none.
 */
export function startOf(node: Node, context: Context): Position | undefined {
  const offset = node.position?.start.offset
  return offset === undefined ? undefined : context.index.at(offset)
}

/**
 * The thing with its position, when there is one.
 *
 * @param thing - A block or row.
 * @param position - Where it starts, if known.
 * @returns `thing`, its `position` set.
 */
export function placed<T extends SourceBlock | SourceRow>(thing: T, position: Position | undefined): T {
  if (position !== undefined) thing.position = position
  return thing
}
