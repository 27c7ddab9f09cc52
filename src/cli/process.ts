/**
 * One file of a batch, from its path to what the command writes for it: read (within the size
 * limit), parsed with `parseReportsAsync` (every report it holds), rendered for `parse`, `check` or `view`. Never throws: what goes
 * wrong is the outcome's `failure`. Runs in a worker thread, or in this one for small batches.
 *
 * @module
 */

import { readFileSync, statSync } from 'node:fs'
import { parseReportsAsync } from '../parse.js'
import type { ParseResult } from '../model/types.js'
import { loadAdapters } from './adapters.js'
import { identityKey, type IdentityMap } from './identity.js'
import type { Lent } from './ring.js'
import { renderCheck, type CheckJob } from './check.js'
import { renderParts, type FilePart, type RenderJob } from './render.js'
import { renderView } from './view.js'

/** What to do with each file. */
export interface FileJob {
  /** `options.format` of the parse (`undefined`: detected). */
  format: string | undefined
  /** `options.repair` of the parse. */
  repair: boolean
  /** The largest file read, in bytes. */
  maxSize: number
  /** `parse`: render `output`; `check`: render the diagnostics; `view`: an HTML page. */
  command: 'parse' | 'check' | 'view'
  /** How `parse` renders. */
  output: RenderJob
  /** How `check` renders. */
  check: CheckJob
  /** Modules of custom adapters (`--adapter`), absolute paths. */
  adapters: readonly string[]
  /** Each file's organisation and year as the `--identity` CSV gives them (default: none). */
  identity?: IdentityMap
}

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

/**
 * Read one file within the size limit, synchronously (`fs/promises` costs more than a parse).
 *
 * @param path - The file.
 * @param maxSize - The largest file read, in bytes.
 * @returns Its bytes, or the outcome of a file that could not be read.
 */
export function readInput(path: string, maxSize: number): Uint8Array | Outcome {
  try {
    const size = statSync(path).size
    if (size > maxSize) return failed(path, `${size} bytes, larger than --max-size (${maxSize})`)
    return readFileSync(path)
  } catch (error) {
    return failed(path, reasonOf(error))
  }
}

/**
 * Read, parse and render one file. Never throws: what goes wrong is the outcome's `failure`.
 *
 * @param path - The file, or `-`.
 * @param job - What to do.
 * @param given - The file's bytes when already read (standard input's for `-`).
 */
export async function processFile(path: string, job: FileJob, given?: Uint8Array): Promise<Outcome> {
  const bytes = given ?? readInput(path, job.maxSize)
  if (!(bytes instanceof Uint8Array)) return bytes
  let results: ParseResult[]
  try {
    const adapters = job.adapters.length === 0 ? null : await loadAdapters(job.adapters)
    const given = job.identity?.get(identityKey(path))
    results = await parseReportsAsync(bytes, {
      format: job.format ?? null,
      repair: job.repair,
      maxInput: job.maxSize,
      adapters,
      organization: given?.organization ?? null,
      year: given?.year ?? null
    })
  } catch (error) {
    return failed(path, reasonOf(error))
  }
  // Every report of the file, each named by its place in it when there are several (`a.txt#report=2`).
  const parts: FilePart[] = results.map((result, i) => ({
    source: results.length > 1 ? `${path}#report=${i + 1}` : path,
    result,
    ...(results.length > 1 ? { part: { index: i + 1, count: results.length } } : {})
  }))
  const counts: Record<string, number> = {}
  for (const { result } of parts) {
    for (const diagnostic of result.diagnostics) {
      counts[diagnostic.code] = (counts[diagnostic.code] ?? 0) + 1
      counts[diagnostic.severity] = (counts[diagnostic.severity] ?? 0) + 1
    }
  }
  let chunk: string
  try {
    chunk =
      job.command === 'parse'
        ? renderParts(parts, job.output)
        : job.command === 'view'
          ? renderView(path, parts)
          : parts.map((part) => renderCheck(part.source, part.result, job.check)).join(job.check.report === 'json' ? ',\n' : '')
  } catch (error) {
    // A fault of ours, but one file's: the batch goes on.
    return failed(path, `its output could not be written: ${reasonOf(error)}`)
  }
  const first = results[0] as ParseResult
  const outcome: Outcome = { path, format: first.format, chunk, counts, reports: [] }
  for (const { source, result } of parts) {
    if (result.report === null) continue
    const { edition, organization, year } = result.report
    outcome.reports.push({ source, edition, organization, year })
  }
  if (outcome.reports.length === 0)
    outcome.failure = first.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message ?? 'no report'
  return outcome
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'EACCES') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}
