/**
 * The output ring a worker shares with the main thread. What matters: bytes lent are never
 * overwritten before they are given back, whatever the order they are given back in, the sizes,
 * the characters, or where the 32-bit counters wrap; and a ring with nothing out always takes
 * a text that can fit.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { RingReader, RingWriter } from '../../src/cli/ring.js'

const SIZE = 256
const decoder = new TextDecoder()

function ring(start: number): { writer: RingWriter; reader: RingReader; given: Int32Array } {
  const memory = new SharedArrayBuffer(SIZE)
  const given = new Int32Array(new SharedArrayBuffer(4))
  given[0] = start | 0
  return { writer: new RingWriter(memory, given, 0), reader: new RingReader(memory, given, 0), given }
}

/** Texts of one to three bytes a character (and four, as surrogate pairs): mostly a fraction of the ring, at times more than it holds. */
const text = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom('a', ',', 'é', '政', '府', '😀', '\r\n'), minLength: 1, maxLength: 45 }), weight: 6 },
  { arbitrary: fc.string({ unit: fc.constantFrom('a', '政'), minLength: 40, maxLength: 120 }), weight: 1 }
)
const step = fc.oneof({ arbitrary: fc.record({ lend: text }), weight: 3 }, { arbitrary: fc.record({ giveBack: fc.nat() }), weight: 2 })

describe('the output ring', () => {
  it('lends in one piece, wraps at the end, and refuses what cannot fit', () => {
    const { writer, reader } = ring(0)
    const first = writer.lend('a'.repeat(60)) // worst case 180 bytes: fits at 0
    expect(first).toEqual({ offset: 0, length: 60, span: 60 })
    // 60 of 256 out; 40 characters may take 120 bytes: from 60 to 180.
    const second = writer.lend('b'.repeat(40))
    expect(second).toEqual({ offset: 60, length: 40, span: 40 })
    // At 100, 60 characters may take 180 bytes: past the end, and the start is taken.
    expect(writer.lend('c'.repeat(60))).toBeUndefined()
    const one = reader.take(first!)
    const two = reader.take(second!)
    expect(decoder.decode(one.bytes)).toBe('a'.repeat(60))
    // Given back out of order: nothing is freed until the oldest is.
    two.giveBack()
    expect(writer.lend('c'.repeat(60))).toBeUndefined()
    one.giveBack()
    // Now all is free. At 100, 40 characters (120 bytes at most) fit before the end.
    const third = writer.lend('c'.repeat(40))
    expect(third).toEqual({ offset: 100, length: 40, span: 40 })
    reader.take(third!).giveBack()
    // At 140 they do not: the 116 bytes to the end are skipped, and the text lent at 0.
    const fourth = writer.lend('é'.repeat(40))
    expect(fourth).toEqual({ offset: 0, length: 80, span: 116 + 80 })
    expect(decoder.decode(reader.take(fourth!).bytes)).toBe('é'.repeat(40))
    expect(writer.lend('d'.repeat(86))).toBeUndefined()
  })

  prop.prop([fc.array(step, { maxLength: 200 }), fc.constantFrom(0, 2 ** 32 - 300, 2 ** 31 - 100)], { numRuns: 300 })(
    'never overwrites bytes lent and not given back, in any order, wherever the counters wrap',
    (steps, start) => {
      const { writer, reader, given } = ring(start)
      const out: Array<{ text: string; bytes: Uint8Array; giveBack: () => void; lent: { span: number; done: boolean } }> = []
      /** Every span lent, in order: the count given back is the sum of the longest run of them given back from the first. */
      const spans: Array<{ span: number; done: boolean }> = []
      for (const [n, next] of steps.entries()) {
        if ('lend' in next) {
          // Each text starts with a character of its own, so that one written over another shows.
          const own = String.fromCharCode(0x4e00 + n) + next.lend
          const lent = writer.lend(own)
          if (lent === undefined) {
            // With nothing out, a text whose worst case (three bytes a unit) takes at most half
            // the ring is always lent: it fits before the end, or after skipping to the start.
            if (out.length === 0) expect(own.length * 3).toBeGreaterThan(SIZE / 2)
            continue
          }
          expect(lent.length).toBe(new TextEncoder().encode(own).length)
          expect(lent.offset + lent.length).toBeLessThanOrEqual(SIZE)
          const entry = { span: lent.span, done: false }
          spans.push(entry)
          out.push({ text: own, ...reader.take(lent), lent: entry })
        } else if (out.length > 0) {
          const [entry] = out.splice(next.giveBack % out.length, 1)
          entry!.giveBack()
          entry!.giveBack() // twice: counted once
          entry!.lent.done = true
          let expected = start
          for (const span of spans) {
            if (!span.done) break
            expected += span.span
          }
          expect(given[0]! >>> 0).toBe(expected % 2 ** 32)
        }
        for (const entry of out) expect(decoder.decode(entry.bytes)).toBe(entry.text)
      }
    },
    30_000
  )
})
