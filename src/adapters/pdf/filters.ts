/**
 * The filters of a PDF stream as decoders within a budget: each decodes a stream's bytes (or the
 * output of the filter before it in a chain) to at most the bytes the budget has left, and calls
 * `exceed` when they would decode to more. They decode as pdfjs does where it matters for size
 * (FlateDecode after its two-byte zlib header and without its checksum, LZW with its early change),
 * and stop quietly where the data is broken, keeping what came before, as pdfjs does.
 *
 * FlateDecode goes to Node's zlib, which stops at the budget by itself; a stream zlib finds broken
 * is decoded again by fflate in slices, so that what it holds before the break is counted too.
 *
 * @module
 */

import type * as Fflate from 'fflate'
import { joinChunks } from '../../source/bytes.js'
import { brotliDecompressSync, constants, inflateRawSync } from 'node:zlib'

/** Decode `input` to at most `left` bytes; call `exceed` (which throws) when it decodes to more. */
export type Decoder = (input: Uint8Array, left: number, exceed: () => never) => Uint8Array

/** Compressed bytes fflate is given at a time, when a broken stream is decoded again: about a thousand times this comes out of one. */
const SLICE = 16_384

/**
 * The decoder for a filter name (full or abbreviated, as pdfjs takes them); `undefined` for one not
 * measured (the image codecs, which pdfjs is told never to decode, Crypt, and unknown names).
 *
 * @param name - The filter's name, without its slash.
 * @param fflate - fflate, loaded by the caller.
 * @param earlyChange - LZW's `/EarlyChange` (default on).
 */
export function decoderFor(name: string, fflate: typeof Fflate, earlyChange: boolean): Decoder | undefined {
  switch (name) {
    case 'FlateDecode':
    case 'Fl':
      return (input, left, exceed) => flate(input, left, exceed, fflate)
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex
    case 'ASCII85Decode':
    case 'A85':
      return ascii85
    case 'RunLengthDecode':
    case 'RL':
      return runLength
    case 'LZWDecode':
    case 'LZW':
      return (input, left, exceed) => lzw(input, left, exceed, earlyChange)
    case 'BrotliDecode':
      return brotli
    default:
      return undefined
  }
}

/** Whether an error is zlib's for output past `maxOutputLength`. */
const tooLarge = (error: unknown): boolean => (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'

/** FlateDecode: zlib, read as raw deflate after its two-byte header. */
function flate(input: Uint8Array, left: number, exceed: () => never, fflate: typeof Fflate): Uint8Array {
  const body = input.subarray(2)
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, left), finishFlush: constants.Z_SYNC_FLUSH })
  } catch (error) {
    if (tooLarge(error)) exceed()
  }
  // Broken: what fflate decodes before the break, a slice at a time.
  const chunks: Uint8Array[] = []
  let size = 0
  const inflater = new fflate.Inflate((chunk) => {
    size += chunk.length
    if (size > left) exceed()
    chunks.push(chunk)
  })
  try {
    for (let at = 0; at < body.length; at += SLICE) inflater.push(body.subarray(at, at + SLICE), at + SLICE >= body.length)
  } catch (error) {
    // fflate's own errors carry a numeric code; the budget's goes on up.
    if (!(error instanceof Error && 'code' in error)) throw error
  }
  return joinChunks(chunks, size)
}

const hexValue = (code: number): number =>
  code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x41 && code <= 0x46 ? code - 0x37 : code >= 0x61 && code <= 0x66 ? code - 0x57 : -1

/** ASCIIHexDecode: two hex digits a byte, white space skipped, `>` ends it (never more bytes than it is given). */
function asciiHex(input: Uint8Array): Uint8Array {
  const out = new Uint8Array((input.length >> 1) + 1)
  let n = 0
  let high = -1
  for (const code of input) {
    if (code === 0x3e) break
    const value = hexValue(code)
    if (value < 0) continue
    if (high < 0) high = value
    else {
      out[n++] = (high << 4) | value
      high = -1
    }
  }
  if (high >= 0) out[n++] = high << 4
  return out.subarray(0, n)
}

/** ASCII85Decode: five characters four bytes, `z` four zeros, `~>` ends it (at most four bytes a character). */
function ascii85(input: Uint8Array, left: number, exceed: () => never): Uint8Array {
  const out = new Uint8Array(Math.min(input.length * 4, left + 1))
  let n = 0
  let value = 0
  let digits = 0
  const put = (byte: number): void => {
    if (n >= left) exceed()
    out[n++] = byte
  }
  const flush = (): void => {
    if (digits < 2) return
    const count = digits - 1
    for (; digits < 5; digits++) value = value * 85 + 84
    for (let k = 0; k < count; k++) put(Math.floor(value / 2 ** (24 - 8 * k)) & 0xff)
  }
  for (const code of input) {
    if (code === 0x7e) break
    if (code === 0x7a && digits === 0) for (let k = 0; k < 4; k++) put(0)
    else if (code >= 0x21 && code <= 0x75) {
      value = value * 85 + (code - 0x21)
      if (++digits === 5) {
        flush()
        value = 0
        digits = 0
      }
    }
  }
  flush()
  return out.subarray(0, n)
}

/** RunLengthDecode: a length byte, then that many bytes plus one, or one byte repeated 257 minus it; 128 ends it. */
function runLength(input: Uint8Array, left: number, exceed: () => never): Uint8Array {
  const chunks: Uint8Array[] = []
  let size = 0
  for (let at = 0; at < input.length;) {
    const code = input[at++] as number
    if (code === 128) break
    const piece = code < 128 ? input.subarray(at, at + code + 1) : new Uint8Array(257 - code).fill(input[at] ?? 0)
    at += code < 128 ? code + 1 : 1
    size += piece.length
    if (size > left) exceed()
    chunks.push(piece)
  }
  return joinChunks(chunks, size)
}

/** LZWDecode: codes of 9 to 12 bits, 256 clears, 257 ends; the width grows one code early unless `earlyChange` is off. */
function lzw(input: Uint8Array, left: number, exceed: () => never, earlyChange: boolean): Uint8Array {
  const prefix = new Int32Array(4096)
  const suffix = new Uint8Array(4096)
  const length = new Uint16Array(4096)
  for (let k = 0; k < 256; k++) {
    suffix[k] = k
    length[k] = 1
  }
  const chunks: Uint8Array[] = []
  let size = 0
  let next = 258
  let width = 9
  let previous = -1
  let bits = 0
  let pending = 0
  /** The string of `code` (with `last` appended when given), as new bytes. */
  const spell = (code: number, last?: number): Uint8Array => {
    const own = length[code] as number
    const out = new Uint8Array(own + (last === undefined ? 0 : 1))
    for (let k = own - 1, c = code; k >= 0; k--, c = prefix[c] as number) out[k] = suffix[c] as number
    if (last !== undefined) out[own] = last
    return out
  }
  for (const byte of input) {
    pending = ((pending << 8) | byte) & 0xffffff
    bits += 8
    while (bits >= width) {
      const code = (pending >>> (bits - width)) & ((1 << width) - 1)
      bits -= width
      if (code === 256) {
        next = 258
        width = 9
        previous = -1
        continue
      }
      if (code === 257 || code > next || (code === next && previous < 0)) return joinChunks(chunks, size)
      // The code being defined is the previous string and its own first character.
      const piece = code < next ? spell(code) : spell(previous, suffix[firstOf(previous, prefix)] as number)
      if (previous >= 0 && next < 4096) {
        prefix[next] = previous
        suffix[next] = piece[0] as number
        length[next] = (length[previous] as number) + 1
        next++
      }
      size += piece.length
      if (size > left) exceed()
      chunks.push(piece)
      previous = code
      if (next + (earlyChange ? 1 : 0) >= 1 << width && width < 12) width++
    }
  }
  return joinChunks(chunks, size)
}

/** The first character's code of an LZW string. */
function firstOf(code: number, prefix: Int32Array): number {
  let c = code
  for (let step = 0; c >= 256 && step < 4096; step++) c = prefix[c] as number
  return c
}

/** BrotliDecode: Node's zlib, which stops at the budget by itself. */
function brotli(input: Uint8Array, left: number, exceed: () => never): Uint8Array {
  try {
    return brotliDecompressSync(input, { maxOutputLength: Math.max(1, left) })
  } catch (error) {
    if (tooLarge(error)) exceed()
    return new Uint8Array(0)
  }
}
