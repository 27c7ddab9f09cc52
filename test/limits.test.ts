/**
 * Bounded input (issue 12): a size limit, and what the Markdown parser may be given. Times are in
 * bench/adversarial.js; these tests check what is read and said.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MARKDOWN_LIMITS } from '../src/adapters/markdown/sanity.js'
import { DEFAULT_MAX_INPUT, parseReport } from '../src/index.js'

const gfm = readFileSync(join(import.meta.dirname, '..', 'corpus', 'md-2021-gfm', 'input.md'), 'utf8')
const codes = (result: ReturnType<typeof parseReport>): string[] => result.diagnostics.map((diagnostic) => diagnostic.code)

describe('options.maxInput', () => {
  it('reads nothing larger, string or bytes, and says so with input_too_large', () => {
    for (const input of [gfm, new TextEncoder().encode(gfm)]) {
      const result = parseReport(input, { maxInput: 1000 })
      expect(result).toMatchObject({ report: null, ok: false, format: 'none' })
      expect(codes(result)).toEqual(['input_too_large'])
      expect(result.diagnostics[0]?.severity).toBe('error')
    }
    expect(parseReport(gfm, { maxInput: 1000, format: 'markdown' }).format).toBe('markdown')
    expect(parseReport(gfm, { maxInput: gfm.length }).report).not.toBeNull()
    expect(DEFAULT_MAX_INPUT).toBe(10 * 1024 * 1024)
  })
})

describe('what the Markdown parser may be given', () => {
  it('reads a report under the limits through remark, as before', () => {
    expect(codes(parseReport(gfm, { format: 'markdown' }))).not.toContain('read_as_text')
  })

  const storms: [string, string][] = [
    ['setext underlines', 'a\n=\n'.repeat(MARKDOWN_LIMITS.setext + 1)],
    ['emphasis marks', '**a'.repeat(MARKDOWN_LIMITS.emphasis)],
    ['link brackets', '[a]('.repeat(MARKDOWN_LIMITS.brackets + 1)],
    ['a long block', 'x'.repeat(MARKDOWN_LIMITS.block + 1)],
    ['a large input', `${gfm}\n\n`.repeat(Math.ceil(MARKDOWN_LIMITS.input / gfm.length) + 1)]
  ]
  for (const [name, storm] of storms) {
    it(`reads ${name} beyond the limit as plain text, with read_as_text`, () => {
      expect(codes(parseReport(storm, { format: 'markdown' }))).toContain('read_as_text')
    })
  }

  it('still reads the GFM tables of a report that goes beyond a limit, as pipe rows', () => {
    const storm = `${gfm}\n\n${'a\n=\n'.repeat(MARKDOWN_LIMITS.setext + 1)}`
    const result = parseReport(storm, { format: 'markdown' })
    expect(codes(result)).toContain('read_as_text')
    expect(result.report?.applications).toEqual(parseReport(gfm, { format: 'markdown' }).report?.applications)
    expect(result.report?.activeDisclosure).toEqual(parseReport(gfm, { format: 'markdown' }).report?.activeDisclosure)
  })
})
