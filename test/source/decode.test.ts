/**
 * Decoding a report's bytes. The `<meta charset>` of an HTML page is looked for in the first 2 KiB
 * without decoding them (a TextDecoder for them cost more than decoding a whole text report), so
 * what it finds is checked against the plain reading: those 2 KiB decoded as latin1, the regular
 * expression run over them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { decodeBytes, decodeReport } from '../../src/source/decode.js'
import { scanUtf8 } from '../../src/source/utf8.js'
import { CORPUS } from '../helpers.js'

/** Valid UTF-8 that reads as other characters in GB18030: which decoding was chosen shows. */
const BODY = new TextEncoder().encode('政府信息公开工作年度报告')
const AS_GB = new TextDecoder('gb18030').decode(BODY)
const AS_UTF8 = new TextDecoder('utf-8').decode(BODY)

function withHead(head: string): Uint8Array {
  const bytes = new Uint8Array(head.length + BODY.length)
  for (let i = 0; i < head.length; i++) bytes[i] = head.charCodeAt(i)
  bytes.set(BODY, head.length)
  return bytes
}

/** The plain reading of the declared charset. */
function declaredPlainly(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  return /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head)?.[1]?.toLowerCase()
}

const GB = new Set(['gbk', 'gb2312', 'gb18030'])

describe('decodeBytes', () => {
  it('follows a <meta charset> in the first 2 KiB, in any case, wherever it starts', () => {
    for (const head of [
      '<meta charset="gbk">',
      '<META CHARSET=GB2312>',
      '<p>x</p><Meta http-equiv="Content-Type" content="text/html; charset=gbk">'
    ]) {
      expect(decodeBytes(withHead(head))).toBe(head + AS_GB)
    }
    const far = `<p>${'x'.repeat(1500)}</p><meta charset="gbk">`
    expect(decodeBytes(withHead(far))).toBe(far + AS_GB)
  })

  it('reads UTF-8 where no charset is declared before 2 KiB, or where the declaration is cut there', () => {
    for (const head of ['', 'plain text <a> <b>', '<metadata>', `<p>${'x'.repeat(2100)}</p><meta charset="gbk">`]) {
      expect(decodeBytes(withHead(head))).toBe(head + AS_UTF8)
    }
    const cut = `${'x'.repeat(2048 - '<meta char'.length)}<meta charset="gbk">`
    expect(decodeBytes(withHead(cut))).toBe(cut + AS_UTF8)
  })

  const piece = fc.constantFrom(
    '<',
    '<meta',
    '<MeTa ',
    'meta',
    ' charset',
    'charset',
    '=',
    ' = ',
    '"',
    "'",
    'gbk',
    'GB2312',
    'utf-8',
    '>',
    ' ',
    'x',
    '\u00e9',
    '\u00ff',
    'content="text/html; '
  )
  const padding = fc.nat({ max: 2100 })

  prop.prop([fc.array(piece, { maxLength: 40 }), padding, fc.array(piece, { maxLength: 20 })], { numRuns: 400 })(
    'chooses the decoding the plain reading of the head would choose',
    (before, pad, after) => {
      const head = before.join('') + ' '.repeat(pad) + after.join('')
      const bytes = withHead(head)
      const declared = declaredPlainly(bytes)
      const decoding = decodeReport(bytes)
      expect(decoding.text).toBe(decodeBytes(bytes))
      if (declared !== undefined && GB.has(declared)) {
        expect(decoding).toMatchObject({ encoding: 'gb18030', by: 'declared', declared })
        expect(decoding.text).toBe(new TextDecoder('gb18030').decode(bytes))
        return
      }
      let valid: string | undefined
      try {
        valid = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        valid = undefined
      }
      if (valid !== undefined) {
        expect(decoding).toMatchObject({ encoding: 'utf-8', by: 'valid' })
        expect(decoding.text).toBe(valid)
        return
      }
      // Not UTF-8 (a latin1 é or ÿ in the head), no GB charset declared: one of the two readings, by evidence.
      expect(decoding.by).toBe('evidence')
      expect(decoding.text).toBe(new TextDecoder(decoding.encoding).decode(bytes))
    },
    20_000
  )
})

/** A report's text as UTF-8 bytes: the seed 000 fixture. */
const SEED = new Uint8Array(readFileSync(join(CORPUS, 'seed-000', 'input.txt')))
/** A report's page in GBK, its `<meta charset="gbk">` taken out. */
const GBK = (() => {
  const page = readFileSync(join(CORPUS, 'html-2021-page-gbk', 'input.html'), 'latin1').replace('<meta charset="gbk">', '')
  return new Uint8Array(Buffer.from(page, 'latin1'))
})()

function spliced(bytes: Uint8Array, at: number, ...inserted: number[]): Uint8Array {
  const out = new Uint8Array(bytes.length + inserted.length)
  out.set(bytes.subarray(0, at))
  out.set(inserted, at)
  out.set(bytes.subarray(at), at + inserted.length)
  return out
}

describe('decodeReport', () => {
  it('reads valid UTF-8 as UTF-8 and says nothing was replaced', () => {
    const decoding = decodeReport(SEED)
    expect(decoding).toMatchObject({ encoding: 'utf-8', by: 'valid' })
    expect(decoding.replaced.length).toBe(0)
    expect(decoding.evidence).toBeUndefined()
  })

  it('reads a UTF-8 report with one stray byte as UTF-8, that byte replaced, and says where', () => {
    const at = 1000 + SEED.subarray(1000).findIndex((byte) => (byte & 0xc0) !== 0x80)
    const bytes = spliced(SEED, at, 0xff)
    const decoding = decodeReport(bytes)
    expect(decoding).toMatchObject({ encoding: 'utf-8', by: 'evidence' })
    expect([...decoding.replaced]).toEqual([new TextDecoder().decode(SEED.subarray(0, at)).length])
    expect(decoding.bytesOf?.([0])[0]).toBe(at)
    expect(decoding.text).toBe(new TextDecoder().decode(bytes))
    expect(decoding.evidence?.utf8.characters).toBeGreaterThan(20 * (decoding.evidence?.gb18030.characters ?? 0))
  })

  it('reads a UTF-8 report cut inside its last character as UTF-8', () => {
    const end = SEED.length - [...SEED].reverse().findIndex((byte) => byte >= 0xe0)
    const decoding = decodeReport(SEED.subarray(0, end))
    expect(decoding).toMatchObject({ encoding: 'utf-8', by: 'evidence' })
    expect(decoding.replaced.length).toBe(1)
    expect(decoding.bytesOf?.([0])[0]).toBe(end - 1)
  })

  it('reads GBK that declares nothing as GB18030, by evidence, whatever a <meta charset=utf-8> says', () => {
    for (const bytes of [GBK, withMeta(GBK, 'utf-8')]) {
      const decoding = decodeReport(bytes)
      expect(decoding).toMatchObject({ encoding: 'gb18030', by: 'evidence' })
      expect(decoding.text).toBe(new TextDecoder('gb18030').decode(bytes))
      expect(decoding.replaced.length).toBe(0)
      expect(decoding.evidence?.utf8.characters).toBe(0)
      expect(decoding.evidence?.gb18030.characters).toBeGreaterThan(500)
    }
    expect(decodeReport(withMeta(GBK, 'utf-8')).declared).toBe('utf-8')
  })

  it('follows a declared GB charset as before, and says where in the text GB18030 could not read bytes', () => {
    const page = withMeta(GBK, 'gbk')
    expect(decodeReport(page)).toMatchObject({ encoding: 'gb18030', by: 'declared', declared: 'gbk' })
    // Bytes GB18030 cannot read: 0xFF alone, and 0x81 0xFF (a lead byte whose trail cannot be one).
    const at = [200, 1200, 2400, page.length - 10]
    let damaged = page
    for (const [i, start] of [...at].reverse().entries()) damaged = spliced(damaged, start, ...(i % 2 === 0 ? [0xff] : [0x81, 0xff]))
    const decoding = decodeReport(damaged)
    expect(decoding.replaced.length).toBe(at.length)
    for (const offset of decoding.replaced) expect(decoding.text[offset]).toBe('\ufffd')
    expect(decoding.text.replaceAll('\ufffd', '')).toBe(decodeReport(page).text)
    // Node's GB18030 decoder, fed piece by piece, throws on some invalid sequences: no byte offsets here.
    expect(decoding.bytesOf).toBeUndefined()
    expect(() => new TextDecoder('gb18030').decode(new Uint8Array([0x81, 0x30, 0x80]))).not.toThrow()
  })

  it('reads UTF-8 after a BOM as UTF-8, bad bytes replaced, their offsets counting the BOM', () => {
    const bytes = spliced(spliced(SEED, 500 + SEED.subarray(500).findIndex((byte) => (byte & 0xc0) !== 0x80), 0xc0), 0, 0xef, 0xbb, 0xbf)
    const decoding = decodeReport(bytes)
    expect(decoding).toMatchObject({ encoding: 'utf-8', by: 'bom' })
    expect(decoding.replaced.length).toBe(1)
    expect(bytes[decoding.bytesOf?.([0])[0] as number]).toBe(0xc0)
  })

  it('reads bytes that are neither as whichever reading loses less, and never throws', () => {
    for (const bytes of [new Uint8Array([0xff]), new Uint8Array([0x80, 0x80, 0x41]), new Uint8Array(0), new Uint8Array([0xe4, 0xb8])]) {
      const decoding = decodeReport(bytes)
      expect(decoding.text).toBe(new TextDecoder(decoding.encoding).decode(bytes))
    }
  })
})

/** The page with a `<meta charset>` first in its head. */
function withMeta(page: Uint8Array, charset: string): Uint8Array {
  const text = Buffer.from(page).toString('latin1').replace('<head>', `<head><meta charset="${charset}">`)
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

describe('scanUtf8', () => {
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc
      .array(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 8 }).map((text) => [...new TextEncoder().encode(text)]),
          fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 })
        ),
        { maxLength: 30 }
      )
      .map((parts) => new Uint8Array(parts.flat()))
  )

  prop.prop([bytes], { numRuns: 1000, seed: 20261123 })(
    'finds each U+FFFD the WHATWG decoder puts, where it puts it, and the byte its sequence starts at',
    (input) => {
      const text = new TextDecoder().decode(input)
      const { invalid } = scanUtf8(input)
      const scan = scanUtf8(input, invalid)
      const offsets = [...(scan.offsets as Int32Array)]
      const starts = [...(scan.bytes as Int32Array)]
      for (const [i, offset] of offsets.entries()) {
        expect(text[offset]).toBe('\ufffd')
        // The text up to a bad sequence is the decoding of the bytes before it.
        expect(new TextDecoder().decode(input.subarray(0, starts[i]))).toHaveLength(offset)
      }
      const genuine = new TextDecoder().decode(input).length - text.replaceAll('\ufffd', '').length - invalid
      expect(genuine).toBeGreaterThanOrEqual(0)
      let valid = true
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(input)
      } catch {
        valid = false
      }
      expect(invalid === 0).toBe(valid)
    },
    20_000
  )
})
