/**
 * One bad byte never loses a report (issue 23): reports of corpus/ as the bytes of their files,
 * with a byte no UTF-8 text holds inserted anywhere, or cut inside their last character, read as
 * UTF-8 with the bad bytes replaced and `encoding_repaired` saying so; every cell exact, or null
 * with a diagnostic naming it, never wrong. A GBK page that declares nothing, damaged the same way,
 * is read as GB18030 with `encoding_guessed`, never wrong either. Seeded and reproducible.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport, parseReports, type ParseResult, type Report } from '../src/index.js'
import { cutInsideLastCharacter, insertByte, strayByte } from './byte-damage.js'
import { CORPUS, scoreCells } from './helpers.js'

const SEED = 20261126
const TIMEOUT = 60_000

/** UTF-8 files of every format the text adapters read: text, a crawl, Markdown, HTML pages. */
const FILES = [
  'seed-000/input.txt',
  'seed-001/input.txt',
  'seed-003/input.txt',
  'text-2021-full/input.txt',
  'real-008-pingtan-2025/input.txt',
  'md-2021-gfm/input.md',
  'real-009-pingtan-2025/input.html',
  'html-2021-page/input.html'
].map((file) => {
  const bytes = new Uint8Array(readFileSync(join(CORPUS, file)))
  return { file, bytes, clean: parseReport(bytes) }
})

/** The GBK page with its `<meta charset>` taken out. */
const GBK = (() => {
  const page = readFileSync(join(CORPUS, 'html-2021-page-gbk', 'input.html'), 'latin1').replace('<meta charset="gbk">', '')
  const bytes = new Uint8Array(Buffer.from(page, 'latin1'))
  return { bytes, clean: parseReport(bytes) }
})()

/** Every cell of the damaged parse is the clean parse's, or null with a diagnostic naming it. */
function neverWrong(result: ParseResult, clean: ParseResult, file: string): void {
  expect(result.report, file).not.toBeNull()
  const tally = scoreCells(result, clean.report as Report)
  expect(tally.wrong, file).toEqual([])
  expect(tally.unnamed, file).toEqual([])
}

const codes = (result: ParseResult): string[] => result.diagnostics.map((diagnostic) => diagnostic.code)

describe('one bad byte', () => {
  it('the clean files are valid UTF-8, read with no encoding diagnostic', () => {
    for (const { file, clean } of FILES) {
      expect(clean.report, file).not.toBeNull()
      expect(
        codes(clean).filter((code) => code.startsWith('encoding_')),
        file
      ).toEqual([])
    }
    expect(codes(GBK.clean)).toContain('encoding_guessed')
  })

  prop.prop([fc.nat(FILES.length - 1), strayByte], { seed: SEED, numRuns: 200 })(
    'between two characters: read as UTF-8, one sequence replaced and said; every cell exact or named, never wrong',
    (pick, stray) => {
      const { file, bytes, clean } = FILES[pick] as (typeof FILES)[number]
      const result = parseReport(insertByte(bytes, stray, true))
      expect(result.format, file).toBe(clean.format)
      const repaired = result.diagnostics.filter((diagnostic) => diagnostic.code === 'encoding_repaired')
      expect(repaired, file).toHaveLength(1)
      expect(repaired[0]?.message, file).toContain('with 1 byte sequence it cannot hold replaced by U+FFFD')
      neverWrong(result, clean, file)
    },
    TIMEOUT
  )

  prop.prop([fc.nat(FILES.length - 1), strayByte], { seed: SEED, numRuns: 200 })(
    'anywhere, inside a character too: read as UTF-8, the replacements said; never wrong',
    (pick, stray) => {
      const { file, bytes, clean } = FILES[pick] as (typeof FILES)[number]
      const result = parseReport(insertByte(bytes, stray))
      expect(codes(result), file).toContain('encoding_repaired')
      expect(codes(result), file).not.toContain('encoding_guessed')
      neverWrong(result, clean, file)
    },
    TIMEOUT
  )

  it('a download cut inside its last character: every cell exact, the cut said', () => {
    for (const { file, bytes, clean } of FILES) {
      const cut = cutInsideLastCharacter(bytes)
      if (cut === undefined) continue
      const result = parseReport(cut)
      const repaired = result.diagnostics.filter((diagnostic) => diagnostic.code === 'encoding_repaired')
      expect(repaired, file).toHaveLength(1)
      expect(repaired[0]?.position?.offset, file).toBe(new TextDecoder().decode(cut).length - 1)
      expect(scoreCells(result, clean.report as Report).exact, file).toBe(scoreCells(clean, clean.report as Report).exact)
    }
  })

  prop.prop([strayByte], { seed: SEED, numRuns: 60 })(
    'a GBK page that declares nothing, a byte inserted: read as GB18030, guessed and said; never wrong',
    (stray) => {
      const result = parseReport(insertByte(GBK.bytes, stray))
      expect(codes(result)).toContain('encoding_guessed')
      neverWrong(result, GBK.clean, 'gbk')
    },
    TIMEOUT
  )

  it('parseReports and parseReportAsync carry the same diagnostics; with several reports, each its own replacements', async () => {
    const { bytes } = FILES[0] as (typeof FILES)[number]
    const damaged = insertByte(bytes, { byte: 0xff, at: 0.5 }, true)
    const one = parseReport(damaged)
    expect(parseReports(damaged)).toEqual([one])
    const { parseReportAsync } = await import('../src/index.js')
    expect(await parseReportAsync(damaged)).toEqual(one)
    // Two reports in one file, the bad byte in the second.
    const text = new TextDecoder().decode(bytes)
    const two = new TextEncoder().encode(`${text}\n\n${text}`)
    const at = two.length - 200 + two.subarray(two.length - 200).findIndex((byte) => (byte & 0xc0) !== 0x80)
    const both = parseReports(insertByte(two, { byte: 0xff, at: at / (two.length + 1) }))
    expect(both).toHaveLength(2)
    expect(codes(both[0] as ParseResult)).not.toContain('encoding_repaired')
    expect(codes(both[1] as ParseResult)).toContain('encoding_repaired')
  })
})
