/**
 * The bytes a worker writes for the main thread, in memory the two share: a ring the worker
 * encodes each file's output into, and the main thread writes out from, then gives back.
 *
 * Output moved from a worker in buffers of its own (about 48 KB of long CSV a report) was memory
 * outside the main thread's heap that its garbage collector counted: 190 to 400 full collections
 * for 100 000 reports, which cost that thread four seconds and slowed the workers sharing its
 * cores. Here the memory is allocated once per worker.
 *
 * The worker lends a span (its bytes, and the end of the ring it skipped to keep them in one
 * piece); the main thread gives spans back once written, in any order; the worker reuses the
 * ring up to the first span not given back. When a file's output does not fit in what is free,
 * the worker sends it in a buffer of its own, as before: a slow reader never blocks a worker.
 *
 * @module
 */

/** Bytes of a ring: a power of two, so positions can wrap with 32-bit counters. */
export const RING_BYTES = 4 * 1024 * 1024

/** A file's output lent from a ring. */
export interface Lent {
  /** Where its bytes start. */
  offset: number
  /** How many bytes. */
  length: number
  /** Bytes of the ring it holds: its own, and any it skipped at the end of the ring. */
  span: number
}

/** The worker's side: places each output in the ring. */
export class RingWriter {
  private readonly bytes: Uint8Array
  private readonly encoder = new TextEncoder()
  /** Bytes lent so far, counted modulo 2³² (at the start, as many as were given back: none are out). */
  private head: number

  /**
   * @param ring - The ring's memory (a power of two bytes).
   * @param given - Shared with the main thread: slot `slot` counts the bytes given back (modulo 2³²).
   * @param slot - See `given`.
   */
  constructor(
    ring: SharedArrayBuffer,
    private readonly given: Int32Array,
    private readonly slot: number
  ) {
    this.bytes = new Uint8Array(ring)
    this.head = Atomics.load(given, slot) >>> 0
  }

  /**
   * Encode `text` into the ring as UTF-8.
   *
   * @returns Where it lies, or `undefined` when what is free cannot hold it (the caller sends it otherwise).
   */
  lend(text: string): Lent | undefined {
    const size = this.bytes.length
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const most = text.length * 3
    const used = (this.head - (Atomics.load(this.given, this.slot) >>> 0)) >>> 0
    const at = this.head & (size - 1)
    const skip = at + most > size ? size - at : 0
    if (used + skip + most > size) return undefined
    const offset = skip === 0 ? at : 0
    const { read, written } = this.encoder.encodeInto(text, this.bytes.subarray(offset, offset + most))
    if (read !== text.length) return undefined
    const span = skip + written
    this.head = (this.head + span) >>> 0
    return { offset, length: written, span }
  }
}

/** The main thread's side: gives spans back, in any order, counting only those that free the ring's oldest bytes. */
export class RingReader {
  private readonly bytes: Uint8Array
  /** Spans lent and not yet counted as given back, oldest first; `true` once written. */
  private readonly out: Array<{ span: number; done: boolean }> = []
  private first = 0

  /**
   * @param ring - The ring's memory.
   * @param given - Slot `slot` counts the bytes given back (modulo 2³²), read by the worker.
   * @param slot - See `given`.
   */
  constructor(
    ring: SharedArrayBuffer,
    private readonly given: Int32Array,
    private readonly slot: number
  ) {
    this.bytes = new Uint8Array(ring)
  }

  /**
   * Take a lent output, in the order the worker lent them.
   *
   * @returns Its bytes (a view of the ring, valid until `giveBack` is called), and the call that gives them back.
   */
  take(lent: Lent): { bytes: Uint8Array; giveBack: () => void } {
    const entry = { span: lent.span, done: false }
    this.out.push(entry)
    return {
      bytes: this.bytes.subarray(lent.offset, lent.offset + lent.length),
      giveBack: () => {
        if (entry.done) return
        entry.done = true
        let freed = 0
        while (this.first < this.out.length && (this.out[this.first] as { done: boolean }).done) {
          freed += (this.out[this.first] as { span: number }).span
          this.first++
        }
        if (this.first > 1024) {
          this.out.splice(0, this.first)
          this.first = 0
        }
        if (freed > 0) Atomics.add(this.given, this.slot, freed)
      }
    }
  }
}
