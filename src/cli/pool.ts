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
import { processFile, type FileJob, type Outcome } from './process.js'

/** Below this many files, worker threads cost more than they save. */
export const WORKER_THRESHOLD = 32
/** Results kept waiting for a slow file, per worker. */
const WINDOW_PER_WORKER = 16

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

    const start = (): void => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: options.memory }
      })
      workers.add(worker)
      let current: { index: number; path: string } | undefined
      let timer: NodeJS.Timeout | undefined
      let gone = false
      /** The worker is done for: its file (if any) gets `reason`, and a new worker takes over. */
      const lose = (reason: string): void => {
        if (gone) return
        gone = true
        clearTimeout(timer)
        workers.delete(worker)
        void worker.terminate()
        const lost = current
        current = undefined
        if (next < paths.length) start()
        if (lost !== undefined) finish(lost.index, { path: lost.path, failure: reason, chunk: '', counts: {} })
      }
      const take = (): void => {
        if (gone) return
        if (next >= paths.length) return
        if (next >= emitted + window) {
          idle.push(take)
          return
        }
        const index = next++
        current = { index, path: paths[index] as string }
        timer = setTimeout(() => lose(`took longer than ${options.timeout / 1000} s (its parse was stopped)`), options.timeout)
        worker.postMessage(current)
      }
      worker.on('message', (message: { index: number; outcome: Outcome }) => {
        if (gone) return
        clearTimeout(timer)
        current = undefined
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
