/**
 * What became of one file of a batch, as the worker (or this thread) hands it back: kept apart
 * from the processing, so that the main thread, which only writes outcomes, never loads the
 * parser.
 *
 * @module
 */

import type { CompactEntry } from '../dataset/compact.js'
import type { Lent } from './ring.js'

/** What became of one file. */
export interface Outcome {
  /** The file. */
  path: string
  /** Why it gave no report: it could not be read, was too large, its parse stopped, or it holds none. */
  failure?: string
  /** The adapter that read it. */
  format?: string
  /** What the command writes for it: text, or (from a worker) that text encoded as UTF-8, moved rather than copied. */
  chunk: string | Uint8Array
  /** How many diagnostics of each code it gave, and of each severity (`error`, `warning`, `info`). */
  counts: Record<string, number>
  /** Its reports (a file may hold several): each one's source (`a.txt`, or `a.txt#report=2`), edition, organisation and year. */
  reports: { source: string; edition: string; organization: string | null; year: number | null }[]
  /** `dataset`: each report of the file as the dataset keeps it (from a worker, their arrays moved, not copied). */
  records?: CompactEntry[]
  /** From a worker: where in its output ring `chunk` lies (the chunk itself is then empty). */
  lent?: Lent
  /** Set by the main thread on a chunk lent from a worker's ring: call it once the chunk is written, and not use the chunk after. */
  release?: () => void
}

/**
 * The outcome of a file that gave nothing to write.
 *
 * @param path - The file.
 * @param failure - Why.
 */
export function failed(path: string, failure: string): Outcome {
  return { path, failure, chunk: '', counts: {}, reports: [] }
}
