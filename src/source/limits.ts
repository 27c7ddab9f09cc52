/**
 * Budgets that follow the input's size: what an adapter may decode, draw or nest for an input of
 * so many bytes, and the error an adapter throws when the input asks for more. A small file must
 * not ask for a large amount of work (a ZIP part that inflates 300 times, a PDF stream that
 * decodes to 40 MB, ten thousand pages, tables nested 100 000 deep): past its budget, the rest is
 * not read, and the diagnostic `resource_limit` says what and where.
 *
 * @module
 */

import type { ResourceLimitKind } from '../model/diagnose.js'

export type { ResourceLimitKind } from '../model/diagnose.js'

/** What an adapter is told of the parse's limits (the third argument of `Adapter.readBytes`). */
export interface ReadLimits {
  /** `ParseOptions.maxInput`: the largest input read, in bytes or UTF-16 code units. */
  maxInput: number
}

/**
 * How many bytes the compressed parts of a file may decode to, per byte of the file: a Word
 * file's `word/document.xml` and `word/styles.xml`, a PDF's streams. Real files stay under 15
 * (Word XML about 11–15, the PDFs of the corpus about 5); a part that inflates past this is a bomb.
 */
export const DECODED_PER_BYTE = 64

/** The least a file's compressed parts may decode to, however small the file (1 MiB). */
export const MIN_DECODED = 1024 * 1024

/**
 * How many bytes a file's compressed parts may decode to: {@link DECODED_PER_BYTE} times its size,
 * at least {@link MIN_DECODED}, and for text a parser reads (Word XML) at most `maxInput`, as any
 * text input is.
 *
 * @param size - The file's size in bytes.
 * @param maxInput - `ParseOptions.maxInput`, when the decoded bytes are text that is parsed; omit it for data that is not (a PDF's streams).
 */
export function decodedBudget(size: number, maxInput = Number.POSITIVE_INFINITY): number {
  return Math.min(maxInput, Math.max(MIN_DECODED, DECODED_PER_BYTE * size))
}

/**
 * An input asks for more work than its size allows. An adapter throws it when nothing of the
 * input is read (a Word part that inflates past its budget); the parse then gives the error
 * `resource_limit` and `report: null`. Where part of the input was read, the adapter returns it
 * with a `resourceLimit` notice instead.
 */
export class ResourceLimitError extends Error {
  /** What went beyond its budget. */
  readonly limit: ResourceLimitKind
  /** The budget (bytes, pages, operators, megabytes or seconds, by `limit`). */
  readonly value: number
  /** What the message names: the part, the page, the count reached. */
  readonly detail: ResourceLimitDetail

  /**
   * @param limit - What went beyond its budget.
   * @param value - The budget (bytes, pages, operators, megabytes or seconds, by `limit`).
   * @param detail - What the message names: the part, the page, the count reached.
   */
  constructor(limit: ResourceLimitKind, value: number, detail: ResourceLimitDetail = {}) {
    super(`${limit} past its limit of ${value}`)
    this.name = 'ResourceLimitError'
    this.limit = limit
    this.value = value
    this.detail = detail
  }
}

/** What a `resource_limit` diagnostic's message names, where it applies. */
export interface ResourceLimitDetail {
  /** The part of the file (`word/document.xml`). */
  part?: string
  /** The first page not read (1-based). */
  page?: number
  /** How much the input has or asked for, where known (pages in the file). */
  actual?: number
}
