/**
 * A worker thread of the command: reads, parses and renders the files it is sent, one at a time, and answers each parcel of files with one message.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads'
import { FINISHED, STARTED, type ParcelFile, type ParcelResult, type WorkerSetup } from './pool.js'
import { processFile, type Outcome } from './process.js'

const { job, shared, epoch } = workerData as WorkerSetup
const encoder = new TextEncoder()
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
    let outcome: Outcome = await processFile(file.path, job)
    Atomics.store(shared, STARTED, 0)
    Atomics.add(shared, FINISHED, 1)
    // Encoded here and moved to the main thread, which then only writes bytes: the encoding (as
    // long as the rendering for a long CSV) is spread over the workers.
    if (job.command !== 'check' && typeof outcome.chunk === 'string' && outcome.chunk !== '') {
      const bytes = encoder.encode(outcome.chunk)
      moved.push(bytes.buffer as ArrayBuffer)
      outcome = { ...outcome, chunk: bytes }
    }
    results.push({ index: file.index, outcome })
  }
  const answer: ParcelResult = { results }
  parentPort?.postMessage(answer, moved)
}
