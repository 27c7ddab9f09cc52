#!/usr/bin/env node
/**
 * The `zfxxgk` executable.
 *
 * @module
 */

import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { main } from './index.js'

// A reader that stops early (`zfxxgk parse … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await main(process.argv.slice(2), {
  // Wait for the stream to drain when it asks to: output stays streamed, memory flat.
  stdout: (chunk, written) =>
    process.stdout.write(chunk, written === undefined ? undefined : () => written())
      ? undefined
      : once(process.stdout, 'drain').then(() => undefined),
  stderr: (text) => process.stderr.write(text),
  stdin: () => new Uint8Array(readFileSync(0)),
  tty: process.stderr.isTTY === true
})
