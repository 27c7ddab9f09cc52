/**
 * A run of the command over its inputs: each file's outcome counted, its failure listed and its
 * output written, in input order; then the summary. Stopped early, leaving no output that looks
 * whole, by a signal, a write that fails or an internal error; counting on without writing when
 * the reader of standard output has gone.
 *
 * @module
 */

import { plain } from './terminal.js'
import type { Io } from './index.js'
import type { Input } from './files.js'
import type { Output } from './output.js'
import { processAll, type BatchFile, type PoolOptions } from './pool.js'
import type { Outcome } from './outcome.js'
import type { FileJob } from './process.js'
import { progress } from './progress.js'
import { reasonOf } from './reason.js'
import { csvHeader } from './render.js'
import { readStdin } from './stdin.js'
import { count, newTally, summarizeCheck, summarizeDataset, summarizeParse, type Ending } from './summary.js'

/** Why a run stopped before its end, and its exit code. */
interface Stop {
  /** `interrupted by SIGINT`, `could not write all.csv: no space left on device` … */
  why: string
  /** The exit code. */
  code: number
}

/** A stop from the reason of {@link Io.signal}. */
function stopOf(reason: unknown): Stop {
  if (reason === 'SIGINT') return { why: 'interrupted by SIGINT', code: 130 }
  if (reason === 'SIGTERM') return { why: 'interrupted by SIGTERM', code: 143 }
  return { why: `internal error: ${reason instanceof Error ? reason.message : String(reason)}`, code: 1 }
}

/**
 * Process the inputs in order, each outcome counted and written, then the summary. Stops early
 * (no file started after, the output abandoned, the summary saying so) on `io.signal` or a write
 * that fails; goes on counting, writing nothing more, when the reader of standard output stops.
 *
 * @param command - The command.
 * @param job - What to do with each file.
 * @param inputs - The inputs, in order.
 * @param output - Where the outputs go (opened, nothing written yet).
 * @param options - How files are processed.
 * @param io - Streams, and what stops the run.
 * @param frail - `check --frail`.
 * @returns The exit code.
 */
export async function runBatch(
  command: 'parse' | 'check' | 'view' | 'dataset',
  job: FileJob,
  inputs: readonly Input[],
  output: Output,
  options: PoolOptions,
  io: Io,
  frail: boolean
): Promise<number> {
  const stop = new AbortController()
  const stopped = new Promise<void>((done) => stop.signal.addEventListener('abort', () => done(), { once: true }))
  const onSignal = (): void => stop.abort(stopOf(io.signal?.reason))
  if (io.signal?.aborted === true) onSignal()
  else io.signal?.addEventListener('abort', onSignal, { once: true })
  const pool: PoolOptions = { ...options, signal: stop.signal }
  const ending: Ending = { left: 0, interrupted: false, cut: false }
  /** A write failed: its reader closed it (stop writing, count on), or stop the run. */
  const writeFailed = (error: unknown): void => {
    if (stop.signal.aborted) return
    if ((error as { code?: string }).code === 'EPIPE') ending.cut = true
    else stop.abort({ why: `could not write ${output.name}: ${reasonOf(error)}`, code: 1 } satisfies Stop)
  }
  const bar = progress(inputs.length, io)
  const tally = newTally()
  const emit = async (outcome: Outcome, file: Input): Promise<void> => {
    if (stop.signal.aborted) return outcome.release?.()
    bar.tick()
    count(tally, outcome)
    if (outcome.failure !== undefined && (command === 'parse' || command === 'dataset' || outcome.format === undefined)) {
      bar.clear()
      // File names and reasons from the input reach a terminal: their control characters are shown, not obeyed.
      io.stderr(`${plain(outcome.path)}: ${outcome.format === undefined ? 'could not be read' : 'no report'}: ${plain(outcome.failure)}\n`)
    }
    if (command === 'check' && job.check.report === 'text') {
      bar.clear()
      io.stderr(typeof outcome.chunk === 'string' ? outcome.chunk : new TextDecoder().decode(outcome.chunk))
      return outcome.release?.()
    }
    if (ending.cut) return outcome.release?.()
    try {
      await output.write(outcome, file)
    } catch (error) {
      writeFailed(error)
    }
  }
  /** Something of ours failed: stop the run, saying so. */
  const internal = (error: unknown): void => {
    if (!stop.signal.aborted) stop.abort(stopOf(error instanceof Error ? error : new Error(String(error))))
  }
  /** Wait for `work`, or for the run to stop; `failed` handles its rejection. */
  const untilStopped = async (work: Promise<unknown>, failed: (error: unknown) => void): Promise<void> => {
    await Promise.race([work.catch(failed), stopped])
  }
  if (!stop.signal.aborted)
    await untilStopped(output.start(command === 'parse' && job.output.to === 'csv' ? csvHeader(job.output) : ''), writeFailed)
  // In the order named: the files between two `-` as one batch, standard input read where it stands.
  let batch: BatchFile[] = []
  for (const input of inputs) {
    if (stop.signal.aborted) break
    if (input.path !== '-' || input.failure !== undefined) {
      batch.push(input)
      continue
    }
    await untilStopped(processAll(batch, job, pool, emit), internal)
    batch = []
    if (stop.signal.aborted) break
    let read: Uint8Array | { failure: string } = { failure: 'interrupted' }
    await untilStopped(
      readStdin(io.stdin(), job.maxSize, stop.signal).then((bytes) => (read = bytes)),
      internal
    )
    batch.push(read instanceof Uint8Array ? { path: '-', bytes: read } : { path: '-', failure: read.failure })
  }
  if (!stop.signal.aborted) await untilStopped(processAll(batch, job, pool, emit), internal)
  if (!stop.signal.aborted && !ending.cut) await untilStopped(output.end(), writeFailed)
  bar.end()
  io.signal?.removeEventListener('abort', onSignal)
  const halt = stop.signal.aborted ? (stop.signal.reason as Stop) : undefined
  if (halt !== undefined || ending.cut) output.abandon()
  if (halt !== undefined) {
    ending.interrupted = true
    ending.left = inputs.length - tally.files
    io.stderr(`zfxxgk: ${halt.why}; ${output.unfinished}\n`)
  }
  const code =
    command === 'check'
      ? summarizeCheck(tally, ending, frail, io.stderr)
      : command === 'dataset'
        ? summarizeDataset(tally, ending, output.summary?.(), io.stderr)
        : summarizeParse(tally, ending, io.stderr)
  return halt?.code ?? code
}
