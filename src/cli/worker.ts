/**
 * A worker thread of the command: reads, parses and renders the files it is sent, one at a time.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads'
import { processFile, type FileJob } from './process.js'

const job = workerData as FileJob
parentPort?.on('message', (message: { index: number; path: string }) => {
  void processFile(message.path, job).then((outcome) => parentPort?.postMessage({ index: message.index, outcome }))
})
