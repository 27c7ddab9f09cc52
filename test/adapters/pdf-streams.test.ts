/**
 * The measure of a PDF's streams before pdfjs reads them (`streams.ts`, `filters.ts`): each filter
 * decodes what pdfjs would, within what the budget has left, and a file past its budget is refused.
 */
import { it as prop } from '@fast-check/vitest'
import fc from 'fast-check'
import * as fflate from 'fflate'
import { describe, expect, it } from 'vitest'
import { assemblePdf } from '../../bench/bomb-inputs.js'
import { decoderFor } from '../../src/adapters/pdf/filters.js'
import { checkDecoded, filtersOf } from '../../src/adapters/pdf/streams.js'
import { ResourceLimitError } from '../../src/index.js'

const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
const exceed = (): never => {
  throw new ResourceLimitError('decoded', 0)
}
const decode = (name: string, input: Uint8Array, left = 1 << 20, earlyChange = true): Uint8Array =>
  (decoderFor(name, fflate, earlyChange) as NonNullable<ReturnType<typeof decoderFor>>)(input, left, exceed)

/** LZW as PDF writes it (9–12-bit codes, a clear code first, the end code last), for the decoder to read back. */
function lzwEncode(data: Uint8Array, earlyChange = true): Uint8Array {
  const out: number[] = []
  let pending = 0
  let bits = 0
  let width = 9
  let next = 258
  let table = new Map<string, number>()
  const write = (code: number): void => {
    pending = (pending << width) | code
    bits += width
    while (bits >= 8) {
      out.push((pending >>> (bits - 8)) & 0xff)
      bits -= 8
      pending &= (1 << bits) - 1
    }
  }
  write(256)
  let current = ''
  for (const byte of data) {
    const extended = current + String.fromCharCode(byte)
    if (extended.length === 1 || table.has(extended)) {
      current = extended
      continue
    }
    write(current.length === 1 ? current.charCodeAt(0) : (table.get(current) as number))
    table.set(extended, next++)
    if (next + (earlyChange ? 1 : 0) > 1 << width) {
      if (width < 12) width++
      else {
        write(256)
        table = new Map()
        next = 258
        width = 9
      }
    }
    current = String.fromCharCode(byte)
  }
  if (current !== '') write(current.length === 1 ? current.charCodeAt(0) : (table.get(current) as number))
  write(257)
  if (bits > 0) out.push((pending << (8 - bits)) & 0xff)
  return Uint8Array.from(out)
}

describe('filters', () => {
  it('ASCIIHexDecode and ASCII85Decode read as PDF writes them', () => {
    expect(decode('AHx', encode('48 65 6c6C6f 2>'))).toEqual(encode('Hello '))
    // An odd digit before the end is followed by a 0.
    expect(decode('ASCIIHexDecode', encode('414>4243'))).toEqual(encode('A@'))
    // "Hello, world" in ASCII85, and z for four zero bytes.
    expect(decode('A85', encode('87cURD_*#TDfTZ)~>'))).toEqual(encode('Hello, world'))
    expect(decode('ASCII85Decode', encode('z~>'))).toEqual(new Uint8Array(4))
  })

  it('RunLengthDecode: literal runs, repeated bytes, the end code', () => {
    expect(decode('RL', Uint8Array.from([2, 0x61, 0x62, 0x63, 254, 0x78, 128, 0x7a]))).toEqual(encode('abcxxx'))
    expect(() => decode('RunLengthDecode', Uint8Array.from([129, 0x78, 129, 0x78]), 200)).toThrow(ResourceLimitError)
  })

  prop.prop([fc.uint8Array({ maxLength: 20_000 }), fc.boolean()], { numRuns: 60, seed: 20261209 })(
    'LZWDecode reads back what LZW writes, with and without early change',
    (data, earlyChange) => {
      expect(decode('LZW', lzwEncode(data, earlyChange), 1 << 20, earlyChange)).toEqual(data)
    }
  )

  it('LZWDecode of a long run: past the budget, it stops', () => {
    const run = new Uint8Array(50_000).fill(0x20)
    expect(decode('LZWDecode', lzwEncode(run))).toEqual(run)
    expect(() => decode('LZWDecode', lzwEncode(run), 10_000)).toThrow(ResourceLimitError)
  })

  it('FlateDecode: zlib, up to the budget; broken data counted up to the break', () => {
    const data = new Uint8Array(300_000).fill(0x41)
    const zlib = fflate.zlibSync(data)
    // Compared as one buffer: element by element, 300 000 bytes cost seconds on a busy machine.
    expect(Buffer.from(decode('FlateDecode', zlib)).equals(data)).toBe(true)
    expect(() => decode('Fl', zlib, 1000)).toThrow(ResourceLimitError)
    // A stream cut in its middle: zlib gives up, what came before is still decoded.
    const noise = Array.from({ length: 5000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('')
    const cut = fflate.zlibSync(fflate.strToU8('x'.repeat(50_000) + 'y'.repeat(50_000) + noise), { level: 1 })
    const broken = cut.slice()
    broken.fill(0xff, cut.length >> 1)
    expect(decode('Fl', broken).length).toBeGreaterThan(0)
  }, 30_000)

  it('leaves image codecs, Crypt and unknown filters unmeasured', () => {
    for (const name of ['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF', 'Crypt', 'Nonsense']) {
      expect(decoderFor(name, fflate, true), name).toBeUndefined()
    }
  })
})

describe('streams', () => {
  const resolve = (reference: string): string => (reference === '9 0' ? ' [/ASCII85Decode /FlateDecode] endobj' : '')

  it('reads a stream’s filters from its dictionary, direct or by reference', () => {
    expect(filtersOf('<< /Length 5 /Filter /FlateDecode >>', resolve)).toEqual(['FlateDecode'])
    expect(filtersOf('<</Filter/Fl/Length 5>>', resolve)).toEqual(['Fl'])
    expect(filtersOf('<< /Filter [ /AHx/LZWDecode ] >>', resolve)).toEqual(['AHx', 'LZWDecode'])
    expect(filtersOf('<< /Filter 9 0 R /Length 3 >>', resolve)).toEqual(['ASCII85Decode', 'FlateDecode'])
    expect(filtersOf('<< /Length 5 >>', resolve)).toEqual([])
    expect(filtersOf('<< /FilterX /FlateDecode >>', resolve)).toEqual([])
  })

  const page = (content: { dict: string; data: Uint8Array }, extra: string[] = []): Uint8Array =>
    assemblePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      content,
      ...extra
    ])
  const spaces = new Uint8Array(2 * 1024 * 1024).fill(0x20)

  it('counts every filter of a chain, and refuses a file past the budget', () => {
    const once = fflate.zlibSync(spaces, { level: 9 })
    const twice = page({ dict: '/Filter [/FlateDecode /FlateDecode]', data: fflate.zlibSync(once, { level: 9 }) })
    expect(checkDecoded(twice, 10 * 1024 * 1024, fflate)).toBe(once.length + spaces.length)
    expect(() => checkDecoded(twice, 1024 * 1024, fflate)).toThrow(ResourceLimitError)
  })

  it('finds the filters behind a reference, and a stream whose /Length is a reference', () => {
    const hex = new TextEncoder().encode(
      [...fflate.zlibSync(spaces, { level: 9 })].map((byte) => byte.toString(16).padStart(2, '0')).join('') + '>'
    )
    const pdf = page({ dict: '/Filter 5 0 R /Length 6 0 R', data: hex }, ['[/ASCIIHexDecode /FlateDecode]', String(hex.length)])
    expect(checkDecoded(pdf, 10 * 1024 * 1024, fflate)).toBe(spaces.length + (hex.length - 1) / 2)
  })

  it('reads a stream that is not filtered, or in an image codec, as costing nothing', () => {
    const plain = page({ dict: '', data: encode('BT /F1 12 Tf (stream) Tj ET') })
    expect(checkDecoded(plain, 1, fflate)).toBe(0)
    const jpeg = page({ dict: '/Filter /DCTDecode', data: new Uint8Array(100) })
    expect(checkDecoded(jpeg, 1, fflate)).toBe(0)
  })
})
