/**
 * Reading one part of a ZIP archive within a budget. The archive's central directory says where
 * each part's compressed bytes are; the part is inflated by fflate in slices, its output counted
 * as it comes, and the inflation stops as soon as the count passes the budget. The sizes the
 * archive declares are never trusted: a part that declares 1 KB and inflates to 1 GB stops at the
 * budget, having used about the budget's memory and time.
 *
 * @module
 */

import type * as Fflate from 'fflate'
import { ResourceLimitError } from '../../source/limits.js'
import { joinChunks } from '../../source/bytes.js'

/** Where a part's compressed bytes are, and how they are compressed. */
export interface ZipEntry {
  /** 0: stored, 8: deflated; anything else is not read. */
  method: number
  /** Its compressed bytes, as the central directory bounds them (cut at the archive's end). */
  data: Uint8Array
}

/** End of central directory: its signature, and the most it can stand from the end (22 bytes and a 64 KiB comment). */
const EOCD = 0x06054b50
const EOCD_SEARCH = 22 + 0xffff
const EOCD64_LOCATOR = 0x07064b50
const EOCD64 = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** A field that says its value is in the ZIP64 extra field. */
const IN_ZIP64 = 0xffffffff
/** Compressed bytes handed to the inflater at a time: at most about a thousand times this comes out of one slice. */
const SLICE = 4096

/**
 * The entry of the part named `name`, from the central directory; `undefined` when the archive
 * has no such part or its directory cannot be read.
 *
 * @param bytes - The archive.
 * @param name - The part's name, e.g. `word/document.xml`.
 */
export function zipEntry(bytes: Uint8Array, name: string): ZipEntry | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (at: number): number => (at >= 0 && at + 4 <= bytes.length ? view.getUint32(at, true) : -1)
  const u16 = (at: number): number => (at >= 0 && at + 2 <= bytes.length ? view.getUint16(at, true) : -1)
  const u64 = (at: number): number => (at >= 0 && at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : -1)
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_SEARCH); at--) {
    if (u32(at) === EOCD) {
      end = at
      break
    }
  }
  if (end < 0) return undefined
  let count = u16(end + 10)
  let at = u32(end + 16)
  if ((count === 0xffff || at === IN_ZIP64) && u32(end - 20) === EOCD64_LOCATOR) {
    const end64 = u64(end - 12)
    if (u32(end64) === EOCD64) {
      count = u64(end64 + 32)
      at = u64(end64 + 48)
    }
  }
  const wanted = new TextEncoder().encode(name)
  for (let k = 0; k < count && u32(at) === CENTRAL; k++) {
    const method = u16(at + 10)
    let compressed = u32(at + 20)
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    let local = u32(at + 42)
    const next = at + 46 + nameLength + extraLength + commentLength
    if (sameBytes(bytes, at + 46, nameLength, wanted)) {
      // ZIP64: the fields set to 0xFFFFFFFF stand in the extra field, in order (original size first).
      if (compressed === IN_ZIP64 || local === IN_ZIP64) {
        const zip64 = extraField(bytes, u16, at + 46 + nameLength, extraLength, 0x0001)
        if (zip64 >= 0) {
          let field = zip64 + (u32(at + 24) === IN_ZIP64 ? 8 : 0)
          if (compressed === IN_ZIP64) {
            compressed = u64(field)
            field += 8
          }
          if (local === IN_ZIP64) local = u64(field)
        }
      }
      if (u32(local) !== LOCAL) return undefined
      const start = local + 30 + u16(local + 26) + u16(local + 28)
      if (start > bytes.length || compressed < 0) return undefined
      return { method, data: bytes.subarray(start, Math.min(bytes.length, start + compressed)) }
    }
    at = next
  }
  return undefined
}

/** Whether `bytes` holds `wanted` at `at`, `length` long. */
function sameBytes(bytes: Uint8Array, at: number, length: number, wanted: Uint8Array): boolean {
  if (length !== wanted.length || at + length > bytes.length) return false
  for (let i = 0; i < length; i++) if (bytes[at + i] !== wanted[i]) return false
  return true
}

/** Where the data of extra field `id` starts, in the extra fields from `at`, `length` long; -1 if absent. */
function extraField(bytes: Uint8Array, u16: (at: number) => number, at: number, length: number, id: number): number {
  const end = Math.min(bytes.length, at + length)
  while (at + 4 <= end) {
    const size = u16(at + 2)
    if (u16(at) === id) return at + 4
    at += 4 + size
  }
  return -1
}

/**
 * A part's bytes, inflated within a budget.
 *
 * @param entry - The part (see {@link zipEntry}).
 * @param budget - The most bytes it may inflate to.
 * @param fflate - fflate, loaded by the caller.
 * @param part - Its name, for the error.
 * @returns Its bytes.
 * @throws {@link ResourceLimitError} (`inflated`) when it inflates past `budget`; an `Error` when it
 *   is compressed in a way not read or its data is broken.
 */
export function inflateEntry(entry: ZipEntry, budget: number, fflate: typeof Fflate, part: string): Uint8Array {
  if (entry.method === 0) {
    if (entry.data.length > budget) throw new ResourceLimitError('inflated', budget, { part })
    return entry.data
  }
  if (entry.method !== 8) throw new Error(`${part} is compressed with method ${entry.method}, which is not read`)
  const chunks: Uint8Array[] = []
  let size = 0
  const inflater = new fflate.Inflate((chunk) => {
    size += chunk.length
    if (size > budget) throw new ResourceLimitError('inflated', budget, { part })
    chunks.push(chunk)
  })
  const { data } = entry
  for (let at = 0; at < data.length; at += SLICE) inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length)
  if (data.length === 0) inflater.push(data, true)
  return joinChunks(chunks, size)
}
