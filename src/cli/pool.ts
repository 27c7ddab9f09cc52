/**
 * Parsing a batch: each file read, parsed and rendered where it is taken up (in this thread, or
 * in worker threads), and handed back in input order as soon as it and every file before it are
 * done, then dropped. At most a window of results waits for a slow file, so memory stays flat
 * whatever the number of files.
 *
 * One file never sinks the batch: a file too large, unreadable, holding no report, a worker that
 * runs out of memory or dies, or a parse past its time budget, is an outcome with its reason; the
 * worker is replaced and the batch goes on.
 *
 * @module
 */

import { Worker } from 'node:worker_threads'
import { failed, processFile, readInput, type FileJob, type Outcome } from './process.js'

/** Below this many files, worker threads cost more than they save. */
export const WORKER_THRESHOLD = 32
/** Results kept waiting for a slow file, per worker. */
const WINDOW_PER_WORKER = 16
/** Files sent to a worker at once: the one it works on and those next, so that it never waits for this thread. */
const DEPTH = 4

/** How a batch runs. */
export interface PoolOptions {
  /** Worker threads (1: in this thread). */
  jobs: number
  /** A file's time budget in a worker, in milliseconds. */
  timeout: number
  /** A worker's heap limit, in MiB. */
  memory: number
  /** Use workers however few the files (`--jobs` given): a small batch otherwise runs in this thread. */
  always: boolean
}

/**
 * Process files, handing each outcome to `emit` in input order.
 *
 * @param paths - The files.
 * @param job - What to do with each.
 * @param options - Workers, time budget, heap limit.
 * @param emit - Called once per file, in order; the next is not handed over before it settles.
 */
export async function processAll(
  paths: readonly string[],
  job: FileJob,
  options: PoolOptions,
  emit: (outcome: Outcome) => void | Promise<void>
): Promise<void> {
  const threads = Math.min(options.jobs, paths.length)
  if (threads <= 1 || (paths.length < WORKER_THRESHOLD && !options.always)) {
    for (const path of paths) await emit(await processFile(path, job))
    return
  }
  await new Promise<void>((resolve, reject) => {
    const done = new Map<number, Outcome>()
    const window = threads * WINDOW_PER_WORKER
    const workers = new Set<Worker>()
    /** Workers idle because the window is full, until an earlier result is emitted. */
    const idle: Array<() => void> = []
    let next = 0
    let emitted = 0
    let emitting = Promise.resolve()

    const finish = (index: number, outcome: Outcome): void => {
      done.set(index, outcome)
      while (done.has(emitted)) {
        const ready = done.get(emitted) as Outcome
        done.delete(emitted)
        emitted++
        emitting = emitting.then(() => emit(ready))
      }
      while (idle.length > 0 && next < paths.length && next < emitted + window) (idle.shift() as () => void)()
      if (emitted === paths.length) {
        for (const worker of workers) void worker.terminate()
        emitting.then(resolve, reject)
      }
    }

    /** Files taken by a worker that was lost before it started them: taken again first. */
    const retry: number[] = []

    const start = (): void => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: options.memory }
      })
      workers.add(worker)
      /** Files sent to this worker, in order; it works on the first, the next waits in its queue (no idle gap between files). */
      const sent: number[] = []
      let timer: NodeJS.Timeout | undefined
      let gone = false
      const clock = (): void => {
        clearTimeout(timer)
        if (sent.length > 0)
          timer = setTimeout(() => lose(`took longer than ${options.timeout / 1000} s (its parse was stopped)`), options.timeout)
      }
      /** The worker is done for: the file it was on gets `reason`, the files waiting for it go to another worker. */
      const lose = (reason: string): void => {
        if (gone) return
        gone = true
        clearTimeout(timer)
        workers.delete(worker)
        void worker.terminate()
        const lost = sent.shift()
        retry.unshift(...sent)
        sent.length = 0
        if (next < paths.length || retry.length > 0) start()
        if (lost !== undefined) finish(lost, failed(paths[lost] as string, reason))
      }
      const take = (): void => {
        while (!gone && sent.length < DEPTH) {
          let index = retry.shift()
          if (index === undefined) {
            if (next >= paths.length) return
            if (next >= emitted + window) {
              idle.push(take)
              return
            }
            index = next++
          }
          // Read here: the main thread is idle, and a read in a worker took ten times as long (it
          // waits for its core, which the other worker holds).
          const path = paths[index] as string
          const bytes = readInput(path, job.maxSize)
          if (!(bytes instanceof Uint8Array)) {
            finish(index, bytes)
            continue
          }
          // Moved, not copied, unless it shares its memory (Node pools small reads): then a copy of its own.
          const copy = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : new Uint8Array(bytes)
          sent.push(index)
          if (sent.length === 1) clock()
          worker.postMessage({ index, path, bytes: copy }, [copy.buffer as ArrayBuffer])
        }
      }
      worker.on('message', (message: { index: number; outcome: Outcome }) => {
        if (gone) return
        sent.shift()
        clock()
        finish(message.index, message.outcome)
        take()
      })
      worker.on('error', (error: Error & { code?: string }) =>
        lose(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `ran out of memory (over ${options.memory} MiB)`
            : `stopped its worker: ${error.message}`
        )
      )
      worker.on('exit', () => lose('its worker exited'))
      take()
    }

    for (let i = 0; i < threads; i++) start()
  })
}
