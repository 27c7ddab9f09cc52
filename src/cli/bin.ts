#!/usr/bin/env node
/**
 * The `zfxxgk` executable. Nothing ends it without its summary: Ctrl-C (SIGINT) or SIGTERM, and
 * an exception or a rejection nothing caught, stop the run, which prints what it did and leaves
 * no output that looks whole; a second Ctrl-C exits at once (temporary files removed).
 *
 * @module
 */

import { constants } from 'node:os'
import { main } from './index.js'
import { writerOf } from './output.js'
import { removeTemporaries } from './replace.js'

const worker = new URL('./worker.js', import.meta.url)

const controller = new AbortController()
let running = true

/** Stop the run; when it has stopped already, or is over, exit now. */
function stop(reason: 'SIGINT' | 'SIGTERM' | Error): void {
  if (running && !controller.signal.aborted) return controller.abort(reason)
  if (reason instanceof Error) {
    if (running) return // The run is stopping already.
    process.stderr.write(`zfxxgk: internal error: ${reason.message}\n`)
    process.exit(1)
  }
  removeTemporaries()
  process.exit(128 + constants.signals[reason])
}

process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('uncaughtException', (error) => stop(error))
process.on('unhandledRejection', (reason) => stop(reason instanceof Error ? reason : new Error(String(reason))))
process.on('exit', removeTemporaries)
// With standard error closed there is nowhere left to say anything; the exit code still says it.
process.stderr.on('error', () => undefined)

const code = await main(process.argv.slice(2), {
  // Waits for the stream to drain when it asks to: output stays streamed, memory flat.
  stdout: writerOf(process.stdout),
  stderr: (text) => void process.stderr.write(text),
  stdin: () => process.stdin,
  tty: process.stderr.isTTY === true,
  stdoutTty: process.stdout.isTTY === true,
  signal: controller.signal,
  worker
})
running = false
// Exit once standard output has taken what was written (a custom adapter may have left a timer
// running); an interrupted run exits at once.
process.exitCode = code
if (controller.signal.aborted) process.exit(code)
process.stdout.write('', () => process.exit(code))
