/**
 * Which adapter reads an input given no `options.format`: by its bytes first (magic bytes, before
 * anything is decoded), then by its text.
 *
 * @module
 */

import type { Adapter } from './document.js'

/**
 * The adapter for an input. Bytes go to the adapter whose `detectBytes` scores them highest above
 * 0; bytes no adapter claims, and text, to the one whose `detect` scores the text highest (the
 * last adapter, the text adapter, when none scores above the others). Bytes no `detectBytes`
 * claimed are not given by their text to an adapter of bytes: a broken ZIP archive decodes to
 * text that starts as one, but is no Word file to read.
 *
 * @param adapters - Custom adapters first, then the built-in ones, the text adapter last.
 * @param input - The input as given.
 * @param text - The input as text (bytes decoded on first call).
 */
export function pickAdapter(adapters: readonly Adapter[], input: string | Uint8Array, text: () => string): Adapter {
  if (typeof input !== 'string') {
    const claimed = best(adapters, (adapter) => (adapter.detectBytes === undefined ? 0 : adapter.detectBytes(input)), 0)
    if (claimed !== undefined) return claimed
    const textual = adapters.filter((adapter) => adapter.detectBytes === undefined)
    if (textual.length > 0) adapters = textual
  }
  const decoded = text()
  return best(adapters, (adapter) => adapter.detect(decoded), Number.NEGATIVE_INFINITY) ?? (adapters[adapters.length - 1] as Adapter)
}

/** The first adapter of the highest score above `floor`; a detector that throws scores 0. */
function best(adapters: readonly Adapter[], score: (adapter: Adapter) => number, floor: number): Adapter | undefined {
  let chosen: Adapter | undefined
  let top = floor
  for (const adapter of adapters) {
    let value = 0
    try {
      value = score(adapter)
    } catch {
      value = 0
    }
    if (value > top) {
      chosen = adapter
      top = value
    }
  }
  return chosen
}
