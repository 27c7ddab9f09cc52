/**
 * What a PDF's streams decode to, measured before pdfjs reads the file. pdfjs decodes a stream
 * whole when it reads it, with no limit: a 110 KB file whose content stream inflates to 40 MB of
 * drawing took 30 s and 2 GB, and 1 KB compressed twice (`[/FlateDecode /FlateDecode]`) unfolds
 * into 64 MB of spaces. So the file is scanned once for `stream … endstream`, each stream's filters
 * read from its dictionary (a name, an array, or a reference to either), and its bytes run through
 * decoders that stop at the budget (`filters.ts`); the sum of what every stream and every filter of
 * its chain decodes to must stay within the budget, or the file is not read.
 *
 * What is not measured: streams of an encrypted file (their bytes are ciphertext until pdfjs
 * decrypts them), and filters that are image codecs (DCT, JPX, JBIG2, CCITT), which pdfjs is told
 * never to decode. The thread's heap limit and the operator budget (`thread.ts`) stand behind those.
 *
 * @module
 */

import type * as Fflate from 'fflate'
import { ResourceLimitError } from '../../source/limits.js'
import { decoderFor } from './filters.js'

/** How far before `stream` its dictionary is looked for (an image's palette as a hex string fits). */
const LOOKBACK = 8192
/** An object number, generation and `obj`, at the start of an object. */
const OBJECT = /(\d+)\s+(\d+)\s+obj\b/gu

/**
 * Check that the streams of a PDF decode to at most `budget` bytes in all.
 *
 * @param bytes - The PDF file.
 * @param budget - The most bytes its streams may decode to, every stage of a chain counted.
 * @param fflate - fflate, loaded by the caller.
 * @returns The bytes they decode to (as far as measured).
 * @throws {@link ResourceLimitError} (`decoded`) past the budget.
 */
export function checkDecoded(bytes: Uint8Array, budget: number, fflate: typeof Fflate): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let objects: Map<string, number> | undefined
  const counter = { used: 0 }
  const exceed = (): never => {
    throw new ResourceLimitError('decoded', budget)
  }
  let at = buffer.indexOf('stream', 0, 'latin1')
  // Where the last stream's data ended: no dictionary reaches back into it, so each byte is read a bounded number of times.
  let previous = 0
  while (at >= 0) {
    const start = dataStart(bytes, at + 6)
    // `endstream`, or `stream` standing in a name or a string: not a stream's start.
    if (start < 0 || (at >= 3 && buffer.toString('latin1', at - 3, at) === 'end')) {
      at = buffer.indexOf('stream', at + 6, 'latin1')
      continue
    }
    const dictionary = dictionaryBefore(buffer, Math.max(previous, at - LOOKBACK), at)
    const end = dataEnd(buffer, start, dictionary)
    previous = end
    const filters = filtersOf(dictionary, (reference) => {
      objects ??= objectIndex(buffer)
      const offset = objects.get(reference)
      return offset === undefined ? '' : buffer.toString('latin1', offset, Math.min(buffer.length, offset + 512))
    })
    if (filters.length > 0) measure(bytes.subarray(start, end), filters, dictionary, budget, counter, fflate, exceed)
    at = buffer.indexOf('stream', Math.max(end, at + 6), 'latin1')
  }
  return counter.used
}

/** Where a stream's data starts: after `stream` and its end of line; -1 if no end of line follows (not a stream keyword). */
function dataStart(bytes: Uint8Array, after: number): number {
  if (bytes[after] === 0x0d) return bytes[after + 1] === 0x0a ? after + 2 : after + 1
  if (bytes[after] === 0x0a) return after + 1
  return -1
}

/** The text of the dictionary before `stream` at `at`: from the last `obj` after `from`. */
function dictionaryBefore(buffer: Buffer, from: number, at: number): string {
  const text = buffer.toString('latin1', from, at)
  const object = text.lastIndexOf('obj')
  return object < 0 ? text : text.slice(object + 3)
}

/** Where a stream's data ends: at its direct `/Length` when `endstream` stands there, else at the next `endstream`. */
function dataEnd(buffer: Buffer, start: number, dictionary: string): number {
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/u.exec(dictionary)
  if (length !== null) {
    const end = start + Number(length[1])
    if (end <= buffer.length) {
      const after = buffer.toString('latin1', end, Math.min(buffer.length, end + 12)).trimStart()
      if (after.startsWith('endstream')) return end
    }
  }
  const end = buffer.indexOf('endstream', start, 'latin1')
  return end < 0 ? buffer.length : end
}

/**
 * The filter names of a stream's dictionary, in order: `/Filter /Name`, `/Filter [/A /B]`, or
 * `/Filter n g R` looked up with `resolve`. None when it has no filter.
 */
export function filtersOf(dictionary: string, resolve: (reference: string) => string): string[] {
  const match = /\/Filter(?![\w.#-])\s*(.*)/su.exec(dictionary)
  if (match === null) return []
  let value = match[1] as string
  const reference = /^(\d+)\s+(\d+)\s+R\b/u.exec(value)
  if (reference !== null) value = resolve(`${reference[1] as string} ${reference[2] as string}`)
  value = value.trimStart()
  if (value.startsWith('['))
    return [...value.slice(1, value.indexOf(']') < 0 ? undefined : value.indexOf(']')).matchAll(/\/([^\s/[\]<>()]+)/gu)].map(
      (m) => m[1] as string
    )
  const name = /^\/([^\s/[\]<>()]+)/u.exec(value)
  return name === null ? [] : [name[1] as string]
}

/** Where each object starts after its `n g obj`, by `n g` (the first of a number wins, as an incremental update's is older). */
function objectIndex(buffer: Buffer): Map<string, number> {
  const index = new Map<string, number>()
  const text = buffer.toString('latin1', 0, buffer.length)
  OBJECT.lastIndex = 0
  for (let match = OBJECT.exec(text); match !== null; match = OBJECT.exec(text)) {
    index.set(`${match[1] as string} ${match[2] as string}`, match.index + match[0].length)
  }
  return index
}

/** Run a stream's data through its filters, counting what each decodes to, until one is not measured. */
function measure(
  data: Uint8Array,
  filters: readonly string[],
  dictionary: string,
  budget: number,
  counter: { used: number },
  fflate: typeof Fflate,
  exceed: () => never
): void {
  const earlyChange = !/\/EarlyChange\s+0\b/u.test(dictionary)
  let input = data
  for (const name of filters) {
    const decode = decoderFor(name, fflate, earlyChange)
    // A filter not measured: what it decodes to is not known, so neither is anything after it.
    if (decode === undefined) return
    input = decode(input, budget - counter.used, exceed)
    counter.used += input.length
    if (counter.used > budget) exceed()
  }
}
