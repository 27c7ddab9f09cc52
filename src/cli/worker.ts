/**
 * A worker thread of the command: reads, parses and renders the files it is sent, one at a time,
 * and answers each parcel of files with one message, their output in the ring it shares with the
 * main thread.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads'
import { FINISHED, GIVEN_BACK, STARTED, type ParcelFile, type ParcelResult, type WorkerSetup } from './pool.js'
import type { Outcome } from './outcome.js'
import { processFile } from './process.js'
import { RingWriter } from './ring.js'

const { job, shared, epoch, ring } = workerData as WorkerSetup
const encoder = new TextEncoder()
const writer = new RingWriter(ring, shared, GIVEN_BACK)
/** Parcels are worked on one at a time, in the order sent. */
let queue = Promise.resolve()
parentPort?.on('message', (parcel: ParcelFile[]) => {
  queue = queue.then(() => work(parcel))
})

async function work(parcel: ParcelFile[]): Promise<void> {
  const results: ParcelResult['results'] = []
  const moved: ArrayBuffer[] = []
  for (const file of parcel) {
    // The main thread stops this worker when a file has been started longer ago than its budget.
    Atomics.store(shared, STARTED, Date.now() - epoch + 1)
    let outcome: Outcome = await processFile(file.path, job, file.bytes)
    Atomics.store(shared, STARTED, 0)
    Atomics.add(shared, FINISHED, 1)
    // Encoded here, so that the main thread only writes bytes (the encoding costs as much as the
    // rendering of a long CSV): into the ring it shares with the main thread, or when that is
    // full, into a buffer moved to it. (check's text goes to stderr as text.)
    if ((job.command !== 'check' || job.check.report === 'json') && typeof outcome.chunk === 'string' && outcome.chunk !== '') {
      const lent = writer.lend(outcome.chunk)
      if (lent !== undefined) outcome = { ...outcome, chunk: '', lent }
      else {
        const bytes = encoder.encode(outcome.chunk)
        moved.push(bytes.buffer as ArrayBuffer)
        outcome = { ...outcome, chunk: bytes }
      }
    }
    // The dataset's cells: moved to the main thread, not copied.
    for (const record of outcome.records ?? [])
      if (record.report !== null) moved.push(record.report.values.buffer as ArrayBuffer, record.report.statuses.buffer as ArrayBuffer)
    results.push({ index: file.index, outcome })
  }
  const answer: ParcelResult = { results }
  parentPort?.postMessage(answer, moved)
}
