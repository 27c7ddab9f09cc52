/**
 * Parsing a batch: each file read, parsed and rendered in a worker thread (or, for tests and
 * embedding, in this one), and handed back in input order as soon as it and every file before it are
 * done, then dropped. At most a window of results waits for a slow file, so memory stays flat
 * whatever the number of files.
 *
 * Files go to a worker in parcels (several small files, or one large one) and come back the same
 * way: a message and a wake-up of each thread per file cost more than the parse of a small text
 * report, once two workers and this thread share two cores.
 *
 * One file never sinks the batch: a file too large, unreadable, holding no report, a worker that
 * runs out of memory or dies, or a parse past its time budget, is an outcome with its reason; the
 * worker is replaced and the batch goes on. Every file has the time budget, since every file is
 * parsed in a worker (a parse in this thread could not be stopped): a batch of fewer than
 * {@link WORKER_THRESHOLD} files in one worker, whose start costs less than a second one. Each worker shares two numbers with this thread (how
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
import type { Input } from './files.js'
import { failed, type Outcome } from './outcome.js'
import type { FileJob } from './process.js'
import { RING_BYTES, RingReader } from './ring.js'

/** Below this many files, one worker: a second costs more (its start) than it saves. */
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
  /** Worker threads, at most. */
  jobs: number
  /** A file's time budget in a worker, in milliseconds. */
  timeout: number
  /** A worker's heap limit, in MiB. */
  memory: number
  /** Use `jobs` workers however few the files (`--jobs` given): a batch under {@link WORKER_THRESHOLD} files otherwise has one. */
  always: boolean
  /** The worker's script (`worker.js` beside the command); absent: files are parsed in this thread, one after another, without a time budget (for tests and embedding). */
  worker?: URL
  /** Stops the batch: no file is taken up after it fires, the workers are stopped, and the call returns. */
  signal?: AbortSignal
}

/** A file of a batch: an input, with its bytes when they were read already (standard input's). */
export interface BatchFile extends Input {
  /** Its bytes, read already (`-`). */
  bytes?: Uint8Array
}

/** A file sent to a worker. */
export interface ParcelFile {
  /** Its place in the batch. */
  index: number
  /** Its path. */
  path: string
  /** Its bytes, read already (`-`). */
  bytes?: Uint8Array
  /** Found by a folder walk, not named: a `.json` is read only when it holds a report. */
  found?: true
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
 * @param files - The files (those that failed already are handed back with their failure).
 * @param job - What to do with each.
 * @param options - Workers, time budget, heap limit, what stops the batch.
 * @param emit - Called once per file, in order, with its outcome and the file; the next is not handed over before it settles.
 */
export async function processAll(
  files: readonly BatchFile[],
  job: FileJob,
  options: PoolOptions,
  emit: (outcome: Outcome, file: BatchFile) => void | Promise<void>
): Promise<void> {
  if (files.length === 0 || options.signal?.aborted === true) return
  // Files that failed already need no worker.
  if (options.worker === undefined || files.every((file) => file.failure !== undefined))
    return inThisThread(files, job, options.signal, emit)
  const threads = Math.max(1, Math.min(options.jobs, files.length, files.length < WORKER_THRESHOLD && !options.always ? 1 : Infinity))
  await inWorkers(files, job, options, options.worker, threads, emit)
}

/** Each file in turn, in this thread: an exception or a rejection while one is processed is that file's failure. */
async function inThisThread(
  files: readonly BatchFile[],
  job: FileJob,
  signal: AbortSignal | undefined,
  emit: (outcome: Outcome, file: BatchFile) => void | Promise<void>
): Promise<void> {
  for (const file of files) {
    if (signal?.aborted === true) return
    let outcome: Outcome
    if (file.failure !== undefined) outcome = failed(file.path, file.failure)
    else {
      try {
        // Loaded here: the main thread of the command, whose files are parsed in workers, never loads the parser.
        const { processFile } = await import('./process.js')
        outcome = await processFile(file.path, job, file.bytes, file.root !== undefined)
      } catch (error) {
        outcome = failed(file.path, `its processing stopped: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    await emit(outcome, file)
  }
}

/** The files in worker threads, `threads` of them. */
function inWorkers(
  files: readonly BatchFile[],
  job: FileJob,
  options: PoolOptions,
  script: URL,
  threads: number,
  emit: (outcome: Outcome, file: BatchFile) => void | Promise<void>
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = new Map<number, Outcome>()
    const epoch = Date.now()
    const window = threads * WINDOW_PER_WORKER
    /** Each worker, and how to stop it for good (its timer cleared). */
    const workers = new Map<Worker, () => void>()
    /** Workers idle because the window is full, until an earlier result is emitted. */
    const idle: Array<() => void> = []
    let next = 0
    let emitted = 0
    let emitting = Promise.resolve()
    /** The batch is over (every file emitted, or stopped): no file is taken up, no worker started. */
    let over = false

    const stopAll = (): void => {
      over = true
      for (const stop of [...workers.values()]) stop()
      workers.clear()
    }
    const onAbort = (): void => {
      if (over) return
      stopAll()
      // What is being written may wait on a stream that will not drain: not waited for.
      emitting.catch(() => undefined)
      resolve()
    }
    options.signal?.addEventListener('abort', onAbort, { once: true })

    const finish = (index: number, outcome: Outcome): void => {
      if (over) return
      done.set(index, outcome)
      while (done.has(emitted)) {
        const ready = done.get(emitted) as Outcome
        const file = files[emitted] as BatchFile
        done.delete(emitted)
        emitted++
        emitting = emitting.then(() => (options.signal?.aborted === true ? ready.release?.() : emit(ready, file)))
      }
      while (idle.length > 0 && next < files.length && next < emitted + window) (idle.shift() as () => void)()
      if (emitted === files.length) {
        stopAll()
        options.signal?.removeEventListener('abort', onAbort)
        emitting.then(resolve, reject)
      }
    }

    /** Files taken by a worker that was lost before it finished them: taken again first. */
    const retry: number[] = []

    const start = (): void => {
      if (over) return
      const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT))
      const ring = new SharedArrayBuffer(RING_BYTES)
      const reader = new RingReader(ring, shared, GIVEN_BACK)
      const setup: WorkerSetup = { job, shared, epoch, ring }
      const worker = new Worker(script, {
        workerData: setup,
        resourceLimits: { maxOldGenerationSizeMb: options.memory }
      })
      /** Files sent to this worker whose results have not come back, in the order it takes them. */
      const sent: number[] = []
      /** Parcels sent and not answered. */
      let parcels = 0
      /** Files whose results have come back (the worker's count of finished files, as this thread has seen it). */
      let answered = 0
      let timer: NodeJS.Timeout | undefined
      let gone = false
      workers.set(worker, () => {
        gone = true
        clearTimeout(timer)
        void worker.terminate()
      })
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
        if (next < files.length || retry.length > 0) start()
        if (lost !== undefined) finish(lost, failed(files[lost]?.path as string, reason))
      }
      const take = (): void => {
        while (!gone && !over && parcels < PARCELS_AHEAD) {
          const parcel: ParcelFile[] = []
          let size = 0
          while (parcel.length < PARCEL_FILES && size < PARCEL_BYTES) {
            let index = retry.shift()
            if (index === undefined) {
              if (next >= files.length || next >= emitted + window) break
              index = next++
            }
            // The worker reads the file; this thread needs only its size, to close a parcel and
            // to keep a file over --max-size from being sent at all.
            const file = files[index] as BatchFile
            if (file.failure !== undefined) {
              finish(index, failed(file.path, file.failure))
              continue
            }
            const bytes = file.bytes?.length ?? sizeOf(file.path)
            if (bytes > job.maxSize) {
              finish(index, failed(file.path, `${bytes} bytes, larger than --max-size (${job.maxSize})`))
              continue
            }
            const sent: ParcelFile = file.bytes === undefined ? { index, path: file.path } : { index, path: file.path, bytes: file.bytes }
            if (file.root !== undefined) sent.found = true
            parcel.push(sent)
            size += bytes
          }
          if (parcel.length === 0) {
            if (next < files.length && parcels === 0) idle.push(take)
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
