/**
 * One file of a batch, from its path to what the command writes for it: read (within the size
 * limit), parsed with `parseReportsAsync` (every report it holds), rendered for `parse`, `check` or
 * `view`, or for `dataset` made compact (`compactEntry`, and its `view` page for the dashboard).
 * Never throws: what goes wrong is the outcome's `failure`. Runs in a worker thread (in this one
 * only for tests and embedding).
 *
 * @module
 */

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import { parseReportsAsync } from '../parse.js'
import type { ParseResult } from '../model/types.js'
import { loadAdapters } from './adapters.js'
import { compactEntry, type CompactEntry } from '../dataset/compact.js'
import { identityOf, type IdentityMap } from './identity.js'
import { reasonOf } from './reason.js'
import { failed, type Outcome } from './outcome.js'

export { failed, type Outcome } from './outcome.js'
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
  /** `parse`: render `output`; `check`: render the diagnostics; `view`: an HTML page; `dataset`: compact entries. */
  command: 'parse' | 'check' | 'view' | 'dataset'
  /** How `parse` renders. */
  output: RenderJob
  /** How `check` renders. */
  check: CheckJob
  /** Modules of custom adapters (`--adapter`), absolute paths. */
  adapters: readonly string[]
  /** Each file's organisation and year as the `--identity` CSV gives them (default: none). */
  identity?: IdentityMap
  /** `dataset`: keep each report's title and sections (`--to json`), and render its `view` page (the dashboard). */
  dataset?: { text: boolean; view: boolean }
}

/** Opened without waiting: a FIFO put where a listed file was is refused, not waited on. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * Read one file within the size limit, synchronously (`fs/promises` costs more than a parse).
 * Opened without blocking and checked to be a regular file before a byte is read, so that a
 * FIFO or a device put in its place since the listing is refused, not waited on. What is read
 * is what its size said when opened (less if it shrank), so a file that grows meanwhile stays
 * within the limit.
 *
 * @param path - The file.
 * @param maxSize - The largest file read, in bytes.
 * @returns Its bytes, or the outcome of a file that could not be read.
 */
export function readInput(path: string, maxSize: number): Uint8Array | Outcome {
  let fd: number
  try {
    fd = openSync(path, OPEN_FLAGS)
  } catch (error) {
    return failed(path, reasonOf(error))
  }
  try {
    const stats = fstatSync(fd)
    if (stats.isDirectory()) return failed(path, 'is a directory')
    if (!stats.isFile()) return failed(path, 'not a regular file (not read)')
    if (stats.size > maxSize) return failed(path, `${stats.size} bytes, larger than --max-size (${maxSize})`)
    // What its size says, or less when it shrank meanwhile.
    const bytes = Buffer.allocUnsafeSlow(stats.size)
    let length = 0
    for (let read = -1; read !== 0 && length < bytes.length; length += read) read = readSync(fd, bytes, length, bytes.length - length, null)
    return bytes.subarray(0, length)
  } catch (error) {
    return failed(path, reasonOf(error))
  } finally {
    closeSync(fd)
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
  try {
    return await processOne(path, job, given)
  } catch (error) {
    // A fault of ours or of a custom adapter, but one file's: the batch goes on.
    return failed(path, `its processing stopped: ${reasonOf(error)}`)
  }
}

async function processOne(path: string, job: FileJob, given?: Uint8Array): Promise<Outcome> {
  const bytes = given ?? readInput(path, job.maxSize)
  if (!(bytes instanceof Uint8Array)) return bytes
  let results: ParseResult[]
  let known: ReturnType<typeof identityOf>
  try {
    const adapters = job.adapters.length === 0 ? null : await loadAdapters(job.adapters)
    known = identityOf(job.identity, path, job.command === 'dataset')
    results = await parseReportsAsync(bytes, {
      format: job.format ?? null,
      repair: job.repair,
      maxInput: job.maxSize,
      adapters,
      organization: known?.organization ?? null,
      year: known?.year ?? null
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
  let records: CompactEntry[] | undefined
  try {
    if (job.command === 'dataset')
      records = parts.map(({ result, source }) => compactEntry(result, source, known, { text: job.dataset?.text }))
    chunk =
      job.command === 'parse'
        ? renderParts(parts, job.output)
        : job.command === 'view' || (job.command === 'dataset' && job.dataset?.view === true)
          ? renderView(path, parts)
          : job.command === 'check'
            ? parts.map((part) => renderCheck(part.source, part.result, job.check)).join(job.check.report === 'json' ? ',\n' : '')
            : ''
  } catch (error) {
    // A fault of ours, but one file's: the batch goes on.
    return failed(path, `its output could not be written: ${reasonOf(error)}`)
  }
  const first = results[0]
  if (first === undefined) return failed(path, 'no report')
  const outcome: Outcome = { path, format: first.format, chunk, counts, reports: [] }
  if (records !== undefined) outcome.records = records
  for (const { source, result } of parts) {
    if (result.report === null) continue
    const { edition, organization, year } = result.report
    outcome.reports.push({ source, edition, organization, year })
  }
  if (outcome.reports.length === 0)
    outcome.failure = first.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message ?? 'no report'
  return outcome
}
