/**
 * The command's inputs: files, directories walked for reports, and `-` for stdin;
 * and parsing them, in this thread or in worker threads.
 *
 * @module
 */

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { extname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { parseReportAsync } from '../parse.js'
import type { ParseResult } from '../model/types.js'

/** File extensions a directory walk picks up. */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.docx', '.pdf'])

/** One input: a path, or `-` for standard input. */
export interface Input {
  /** The path as given or found, or `-`. */
  path: string
}

/** What parsing one input gave: a result, or the reason it could not be read. */
export type Outcome = { path: string; result: ParseResult } | { path: string; error: string }

/**
 * The inputs named on the command line, directories walked (sorted, hidden
 * entries and node_modules skipped) for files with a report extension.
 *
 * @param names - Paths, directories, or `-`.
 * @returns The inputs in order, and the names that could not be found.
 */
export function collectInputs(names: readonly string[]): { inputs: Input[]; missing: string[] } {
  const inputs: Input[] = []
  const missing: string[] = []
  for (const name of names) {
    if (name === '-') {
      inputs.push({ path: '-' })
      continue
    }
    let isDirectory: boolean
    try {
      isDirectory = statSync(name).isDirectory()
    } catch {
      missing.push(name)
      continue
    }
    if (isDirectory) walk(name, inputs)
    else inputs.push({ path: name })
  }
  return { inputs, missing }
}

function walk(directory: string, into: Input[]): void {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(directory, entry.name)
    if (entry.isDirectory()) walk(path, into)
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) into.push({ path })
  }
}

/** Options that reach every parse. */
export interface ParseJob {
  /** `options.format` of parseReport (`undefined` to detect). */
  format: string | undefined
}

/**
 * Parse one input (PDF included: with `parseReportAsync`); a file that cannot be read gives an
 * error, never a throw.
 *
 * @param path - A file path (not `-`).
 * @param job - Parse options.
 */
export async function parseFile(path: string, job: ParseJob): Promise<Outcome> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(path))
  } catch (error) {
    return { path, error: error instanceof Error ? error.message : String(error) }
  }
  try {
    return { path, result: await parseReportAsync(bytes, job.format === undefined ? {} : { format: job.format }) }
  } catch (error) {
    return { path, error: error instanceof Error ? error.message : String(error) }
  }
}

/** Below this many files, worker threads cost more than they save. */
export const WORKER_THRESHOLD = 32

/**
 * Parse files, in order, reporting each as it is done; with many files and more
 * than one CPU, in worker threads.
 *
 * @param paths - File paths.
 * @param job - Parse options.
 * @param done - Called once per file as it finishes (in any order).
 * @returns The outcomes in the order of `paths`.
 */
export async function parseAll(paths: readonly string[], job: ParseJob, done: (outcome: Outcome) => void): Promise<Outcome[]> {
  const threads = Math.min(availableParallelism() - 1, 4, Math.floor(paths.length / (WORKER_THRESHOLD / 2)))
  if (paths.length < WORKER_THRESHOLD || threads < 1) {
    const outcomes: Outcome[] = []
    for (const path of paths) {
      const outcome = await parseFile(path, job)
      done(outcome)
      outcomes.push(outcome)
    }
    return outcomes
  }
  const outcomes: Outcome[] = new Array(paths.length)
  let next = 0
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: job })
      const feed = (): void => {
        if (next >= paths.length) {
          void worker.terminate().then(() => resolve())
          return
        }
        const index = next++
        worker.postMessage({ index, path: paths[index] })
      }
      worker.on('message', (message: { index: number; outcome: Outcome }) => {
        outcomes[message.index] = message.outcome
        done(message.outcome)
        feed()
      })
      worker.on('error', reject)
      feed()
    })
  await Promise.all(Array.from({ length: threads }, run))
  return outcomes
}
