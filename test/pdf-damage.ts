/**
 * Damage to a PDF's bytes, as broken downloads, bad copies and careless tools do it: bytes deleted,
 * bytes flipped, the file cut short, a range of it repeated. Each place is a fraction of the file's
 * length, so one arbitrary serves any file. Reusable arbitraries for the PDF fuzz.
 */
import { fc } from '@fast-check/vitest'

/** One kind of damage, its places as fractions of the file's length. */
export type PdfDamage =
  /** `count` bytes deleted at `at`. */
  | { kind: 'delete'; at: number; count: number }
  /** The bytes at each of `at` XORed with `mask`. */
  | { kind: 'flip'; at: number[]; mask: number }
  /** The file cut at `at`. */
  | { kind: 'truncate'; at: number }
  /** `length` bytes from `from` copied in again at `to`. */
  | { kind: 'duplicate'; from: number; length: number; to: number }

/** A place in the file, uniform (fast-check's usual bias towards 0 would damage the `%PDF-` header most of the time). */
const place = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000)

/** Any one damage. */
export const pdfDamage: fc.Arbitrary<PdfDamage> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: place, count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(place, { minLength: 1, maxLength: 8 }),
    mask: fc.integer({ min: 1, max: 255 })
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: place }),
  fc.record({ kind: fc.constant('duplicate' as const), from: place, length: fc.integer({ min: 1, max: 4096 }), to: place })
)

/**
 * The file with the damage done (a copy; the file is not changed).
 *
 * @param bytes - The file.
 * @param damage - What to do to it.
 */
export function damagePdf(bytes: Uint8Array, damage: PdfDamage): Uint8Array {
  const at = (fraction: number): number => Math.min(bytes.length, Math.floor(fraction * bytes.length))
  switch (damage.kind) {
    case 'delete': {
      const start = at(damage.at)
      const end = Math.min(bytes.length, start + damage.count)
      const out = new Uint8Array(bytes.length - (end - start))
      out.set(bytes.subarray(0, start))
      out.set(bytes.subarray(end), start)
      return out
    }
    case 'flip': {
      const out = bytes.slice()
      for (const fraction of damage.at) {
        const k = Math.min(out.length - 1, at(fraction))
        out[k] = (out[k] as number) ^ damage.mask
      }
      return out
    }
    case 'truncate':
      return bytes.slice(0, at(damage.at))
    case 'duplicate': {
      const from = at(damage.from)
      const piece = bytes.subarray(from, Math.min(bytes.length, from + damage.length))
      const to = at(damage.to)
      const out = new Uint8Array(bytes.length + piece.length)
      out.set(bytes.subarray(0, to))
      out.set(piece, to)
      out.set(bytes.subarray(to), to + piece.length)
      return out
    }
  }
}
