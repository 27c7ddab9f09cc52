/**
 * Decoding a report's bytes. The `<meta charset>` of an HTML page is looked for in the first 2 KiB
 * without decoding them (a TextDecoder for them cost more than decoding a whole text report), so
 * what it finds is checked against the plain reading: those 2 KiB decoded as latin1, the regular
 * expression run over them.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/source/decode.js'

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
      let expected: string
      try {
        expected = new TextDecoder(declared !== undefined && GB.has(declared) ? 'gb18030' : 'utf-8', { fatal: true }).decode(bytes)
      } catch {
        expected = new TextDecoder('gb18030').decode(bytes)
      }
      expect(decodeBytes(bytes)).toBe(expected)
    },
    20_000
  )
})
