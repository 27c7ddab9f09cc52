/**
 * Standard input (`-`), read chunk by chunk within `--max-size`: reading stops at the first byte
 * past the limit, so that a stream of any length costs no more memory than the limit.
 *
 * @module
 */

import { reasonOf } from './reason.js'

/** Standard input as the command gets it: bytes already read, or a stream of chunks. */
export type StdinSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>

/**
 * Read standard input within the size limit.
 *
 * @param source - Its bytes, or its chunks (reading stops, and the stream is closed, past the limit).
 * @param maxSize - The most bytes read.
 * @param signal - Stops the reading (what was read is dropped).
 * @returns The bytes, or why they were not read.
 */
export async function readStdin(source: StdinSource, maxSize: number, signal?: AbortSignal): Promise<Uint8Array | { failure: string }> {
  const tooLarge = { failure: `more than --max-size (${maxSize}) bytes; not read further` }
  if (source instanceof Uint8Array) return source.length > maxSize ? tooLarge : source
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    // Leaving the loop early (past the limit, or stopped) closes the stream.
    for await (const chunk of source) {
      if (signal?.aborted === true) return { failure: 'interrupted' }
      size += chunk.length
      if (size > maxSize) return tooLarge
      chunks.push(chunk)
    }
  } catch (error) {
    return { failure: reasonOf(error) }
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return bytes
}
