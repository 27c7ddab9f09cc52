/**
 * Bytes read in chunks (an inflater's output, a decoded stream, standard input), joined.
 *
 * @module
 */

/**
 * The chunks joined into a new array of `size` bytes (their total length).
 *
 * @param chunks - The chunks, in order.
 * @param size - Their total length.
 */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
