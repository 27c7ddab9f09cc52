/**
 * Parsing a batch: each file read, parsed and rendered where it is taken up (in this thread, or
 * in worker threads), and handed back in input order as soon as it and every file before it are
 * done, then dropped. At most a window of results waits for a slow file, so memory stays flat
 * whatever the number of files.
 *
 * Files go to a worker in parcels (several small files, or one large one) and come back the same
 * way: a message and a wake-up of each thread per file cost more than the parse of a small text
 * report, once two workers and this thread share two cores.
 *
 * One file never sinks the batch: a file too large, unreadable, holding no report, a worker that
 * runs out of memory or dies, or a parse past its time budget, is an outcome with its reason; the
 * worker is replaced and the batch goes on. Each worker shares two numbers with this thread (how
 * many files it has finished, and when it started the one it is on), so that the time budget is
 * a file's own and the file a lost worker was on is known without a message per file.
 *
 * What a worker writes for a file comes back in its output ring (`ring.ts`), memory it shares
 * with this thread, given back once written.
 *
 * @module
 */

import { Worker } from 'node:worker_threads'
import { statSync } from 'node:fs'
import { failed, processFile, type FileJob, type Outcome } from './process.js'
import { RING_BYTES, RingReader } from './ring.js'

/** Below this many files, worker threads cost more than they save. */
export const WORKER_THRESHOLD = 32
/** The most files in one parcel. */
const PARCEL_FILES = 16
/** A parcel is closed once its files hold this many bytes (a large file travels alone). */
const PARCEL_BYTES = 64 * 1024
/** Parcels sent to a worker and not yet answered: the one it works on and the next, so that it never waits for this thread. */
const PARCELS_AHEAD = 2
/** Results kept waiting for a slow file, per worker. */
const WINDOW_PER_WORKER = PARCEL_FILES * (PARCELS_AHEAD + 2)

/** How a batch runs. */
export interface PoolOptions {
  /** Worker threads (1: in this thread). */
  jobs: number
  /** A file's time budget in a worker, in milliseconds. */
  timeout: number
  /** A worker's heap limit, in MiB. */
  memory: number
  /** Use workers however few the files (`--jobs` or `--timeout` given): a small batch otherwise runs in this thread. */
  always: boolean
  /** A time budget was asked for (`--timeout`): even one job runs in a worker, since a parse in this thread cannot be stopped. */
  budget: boolean
}

/** A file sent to a worker. */
export interface ParcelFile {
  /** Its place in the batch. */
  index: number
  /** Its path. */
  path: string
}

/** What a worker answers for a parcel: each file's outcome, in the parcel's order. */
export interface ParcelResult {
  /** Place in the batch and outcome, per file. */
  results: Array<{ index: number; outcome: Outcome }>
}

/** What a worker is started with. */
export interface WorkerSetup {
  /** What to do with each file. */
  job: FileJob
  /** Shared with this thread: slot {@link FINISHED} counts the files the worker has finished, slot {@link STARTED} holds when it started the one it is on. */
  shared: Int32Array
  /** `Date.now()` when the batch began: {@link STARTED} counts milliseconds from it, plus one (0: between files). */
  epoch: number
  /** The worker's output ring ({@link RING_BYTES}); slot {@link GIVEN_BACK} of `shared` counts the bytes this thread has given back. */
  ring: SharedArrayBuffer
}

/** Slot of {@link WorkerSetup.shared}: files finished. */
export const FINISHED = 0
/** Slot of {@link WorkerSetup.shared}: when the file in work was started (ms since the epoch + 1; 0 between files). */
export const STARTED = 1
/** Slot of {@link WorkerSetup.shared}: bytes of the output ring given back, modulo 2³². */
export const GIVEN_BACK = 2

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
  if (threads === 0 || (threads === 1 && !options.budget) || (paths.length < WORKER_THRESHOLD && !options.always)) {
    for (const path of paths) await emit(await processFile(path, job))
    return
  }
  await new Promise<void>((resolve, reject) => {
    const done = new Map<number, Outcome>()
    const epoch = Date.now()
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

    /** Files taken by a worker that was lost before it finished them: taken again first. */
    const retry: number[] = []

    const start = (): void => {
      const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT))
      const ring = new SharedArrayBuffer(RING_BYTES)
      const reader = new RingReader(ring, shared, GIVEN_BACK)
      const setup: WorkerSetup = { job, shared, epoch, ring }
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: setup,
        resourceLimits: { maxOldGenerationSizeMb: options.memory }
      })
      workers.add(worker)
      /** Files sent to this worker whose results have not come back, in the order it takes them. */
      const sent: number[] = []
      /** Parcels sent and not answered. */
      let parcels = 0
      /** Files whose results have come back (the worker's count of finished files, as this thread has seen it). */
      let answered = 0
      let timer: NodeJS.Timeout | undefined
      let gone = false
      /** Watch the file the worker is on: lost once it has been on it longer than the budget. */
      const watch = (): void => {
        clearTimeout(timer)
        timer = undefined
        if (gone || sent.length === 0) return
        const started = Atomics.load(shared, STARTED)
        const elapsed = started === 0 ? 0 : Date.now() - epoch - (started - 1)
        if (elapsed >= options.timeout) lose(`took longer than ${options.timeout / 1000} s (its parse was stopped)`)
        else timer = setTimeout(watch, options.timeout - elapsed)
      }
      /** The worker is done for: the file it was on gets `reason`, every other file it held goes to another worker. */
      const lose = (reason: string): void => {
        if (gone) return
        gone = true
        clearTimeout(timer)
        workers.delete(worker)
        void worker.terminate()
        // Finished but not yet answered (their results die with the worker), then the one it was on.
        const on = Atomics.load(shared, FINISHED) - answered
        const lost = on < sent.length ? sent[on] : undefined
        const again = sent.filter((index) => index !== lost)
        for (let i = again.length - 1; i >= 0; i--) retry.unshift(again[i] as number)
        sent.length = 0
        if (next < paths.length || retry.length > 0) start()
        if (lost !== undefined) finish(lost, failed(paths[lost] as string, reason))
      }
      const take = (): void => {
        while (!gone && parcels < PARCELS_AHEAD) {
          const parcel: ParcelFile[] = []
          let size = 0
          while (parcel.length < PARCEL_FILES && size < PARCEL_BYTES) {
            let index = retry.shift()
            if (index === undefined) {
              if (next >= paths.length || next >= emitted + window) break
              index = next++
            }
            // The worker reads the file; this thread needs only its size, to close a parcel and
            // to keep a file over --max-size from being sent at all.
            const path = paths[index] as string
            const bytes = sizeOf(path)
            if (bytes > job.maxSize) {
              finish(index, failed(path, `${bytes} bytes, larger than --max-size (${job.maxSize})`))
              continue
            }
            parcel.push({ index, path })
            size += bytes
          }
          if (parcel.length === 0) {
            if (next < paths.length && parcels === 0) idle.push(take)
            return
          }
          parcels++
          for (const file of parcel) sent.push(file.index)
          worker.postMessage(parcel)
          if (timer === undefined) watch()
        }
      }
      worker.on('message', (message: ParcelResult) => {
        if (gone) return
        parcels--
        answered += message.results.length
        sent.splice(0, message.results.length)
        for (const { index, outcome } of message.results) {
          if (outcome.lent !== undefined) {
            const { bytes, giveBack } = reader.take(outcome.lent)
            outcome.chunk = bytes
            outcome.release = giveBack
            delete outcome.lent
          }
          finish(index, outcome)
        }
        watch()
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

/** A file's size, or 0 when it cannot be read (the worker that reads it says why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
