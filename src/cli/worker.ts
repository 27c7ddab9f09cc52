/**
 * A worker thread of the command: parses the files it is sent, one at a time.
 *
 * @module
 */

import { parentPort, workerData } from 'node:worker_threads'
import { parseFile, type ParseJob } from './files.js'

const job = workerData as ParseJob
parentPort?.on('message', (message: { index: number; path: string }) => {
  void parseFile(message.path, job).then((outcome) => parentPort?.postMessage({ index: message.index, outcome }))
})
