/**
 * Damage to a file's bytes, as downloads and copies do it: a byte no UTF-8 text holds inserted
 * anywhere (a stray `0xFF`, a lone continuation byte, a lead byte without its continuation), and a
 * file cut inside its last character. Reusable arbitraries for the decoding properties.
 */
import { fc } from '@fast-check/vitest'

/**
 * Bytes that are invalid wherever they stand in UTF-8 text: never a character's start or middle
 * (`0xC0`, `0xC1`, `0xF5`–`0xFF`), a continuation byte alone (`0x80`–`0xBF` after a complete
 * character), or a lead byte (`0xE4`) whose continuation does not follow.
 */
export const invalidByte: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0xff, 0xfe, 0xc0, 0xc1, 0xf5, 0xf8),
  fc.integer({ min: 0x80, max: 0xbf }),
  fc.constantFrom(0xc2, 0xe4, 0xe9, 0xf0)
)

/** One invalid byte and where it goes, as a fraction of the file (so one arbitrary serves any file). */
export const strayByte: fc.Arbitrary<{ byte: number; at: number }> = fc.record({
  byte: invalidByte,
  at: fc.double({ min: 0, max: 1, noNaN: true })
})

/**
 * The bytes with one byte inserted, before the character boundary nearest to `at` (a fraction of
 * the length) when `boundary`, else exactly there (inside a character too).
 *
 * @param bytes - The file.
 * @param stray - The byte and where.
 * @param boundary - Whether to keep every character of the file whole.
 */
export function insertByte(bytes: Uint8Array, stray: { byte: number; at: number }, boundary = false): Uint8Array {
  let at = Math.min(bytes.length, Math.floor(stray.at * (bytes.length + 1)))
  if (boundary) while (at < bytes.length && ((bytes[at] as number) & 0xc0) === 0x80) at++
  const out = new Uint8Array(bytes.length + 1)
  out.set(bytes.subarray(0, at))
  out[at] = stray.byte
  out.set(bytes.subarray(at), at + 1)
  return out
}

/**
 * The bytes cut inside their last multi-byte character, as a download stopped there: its lead
 * byte kept, the rest of the file dropped (`undefined` when the file has no such character).
 *
 * @param bytes - A UTF-8 file.
 */
export function cutInsideLastCharacter(bytes: Uint8Array): Uint8Array | undefined {
  for (let at = bytes.length - 1; at >= 0; at--)
    if ((bytes[at] as number) >= 0xc2 && (bytes[at] as number) <= 0xf4) return bytes.slice(0, at + 1)
  return undefined
}
