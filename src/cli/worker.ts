/**
 * A worker thread of the command: parses and renders the files it is sent (their bytes, read by the
 * main thread), one at a time.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads'
import { processFile, type FileJob } from './process.js'

const job = workerData as FileJob
const encoder = new TextEncoder()
/** Files are worked on one at a time, in the order sent: the time budget counts from a file's start. */
let queue = Promise.resolve()
parentPort?.on('message', (message: { index: number; path: string; bytes: Uint8Array }) => {
  queue = queue.then(() => work(message))
})

async function work(message: { index: number; path: string; bytes: Uint8Array }): Promise<void> {
  await processFile(message.path, job, message.bytes).then((outcome) => {
    // Encoded here and moved to the main thread, which then only writes bytes: the encoding (as
    // long as the rendering for a long CSV) is spread over the workers.
    if (job.command === 'check' || typeof outcome.chunk !== 'string' || outcome.chunk === '') {
      parentPort?.postMessage({ index: message.index, outcome })
      return
    }
    const bytes = encoder.encode(outcome.chunk)
    parentPort?.postMessage({ index: message.index, outcome: { ...outcome, chunk: bytes } }, [bytes.buffer])
  })
}
