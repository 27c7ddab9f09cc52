/**
 * Resource bombs (issue 24): small inputs that ask for a great deal of work. Each is read to a
 * diagnostic that says why, and none ends the process, hangs, or leaves a rejection or exception
 * unobserved. The inputs are those of bench/bomb-inputs.js, which bench/bombs.js times; here a
 * child process reads them all and must live and stay under 500 MB, and the same reads in this
 * process must settle with their diagnostics.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  assemblePdf,
  corpusPdf,
  damagedPdf,
  docxBomb,
  nestedTables,
  pdfChainBomb,
  pdfImageBomb,
  pdfManyPages,
  pdfStreamBomb
} from '../bench/bomb-inputs.js'
import { readPdf } from '../src/adapters/pdf/index.js'
import { stopThread } from '../src/adapters/pdf/thread.js'
import { parseReportAsync, ResourceLimitError, type Diagnostic, type ParseResult, type Report } from '../src/index.js'
import { scoreCells } from './helpers.js'

const REPO = join(import.meta.dirname, '..')
const DIST = join(REPO, 'dist', 'index.js')

/** What escaped to the process while the tests ran: there must be nothing. */
const escaped: string[] = []
const onRejection = (reason: unknown): void => {
  escaped.push(`unhandledRejection: ${String(reason)}`)
}
const onException = (error: unknown): void => {
  escaped.push(`uncaughtException: ${String(error)}`)
}
beforeAll(() => {
  process.on('unhandledRejection', onRejection)
  process.on('uncaughtException', onException)
})
afterAll(() => {
  process.off('unhandledRejection', onRejection)
  process.off('uncaughtException', onException)
})

const limitOf = (result: ParseResult): Diagnostic | undefined => result.diagnostics.find((d) => d.code === 'resource_limit')

/** Let any promise pdfjs left behind settle, so that what it would leave unobserved shows. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50))

describe('bombs, each read to a diagnostic that says why', () => {
  it('a real PDF with one byte deleted: pdfjs recovers, and its failed look-ahead stays in its thread', async () => {
    const result = await parseReportAsync(damagedPdf())
    await settle()
    expect(result.format).toBe('pdf')
    expect(result.report?.organization).toBe('淮安市洪泽区人民政府')
    expect(escaped).toEqual([])
  }, 60_000)

  it('HTML tables nested 100 000 deep: deeper than 64 read as text, with the first blanked tag', async () => {
    const html = nestedTables()
    const result = await parseReportAsync(html)
    expect(limitOf(result)).toMatchObject({ severity: 'error', position: { offset: 64 * '<table><tr><td>'.length } })
    expect(limitOf(result)?.message).toContain('HTML tables nest deeper than 64')
  })

  it('a Word part inflating to 63 MiB: stopped at 64 times the file or maxInput, not read', async () => {
    const bytes = docxBomb()
    const result = await parseReportAsync(bytes)
    expect(result).toMatchObject({ report: null, format: 'docx', ok: false })
    expect(result.diagnostics.map((d) => d.code)).toEqual(['resource_limit'])
    expect(limitOf(result)?.message).toContain('word/document.xml of the docx file inflates to more than 10485760 bytes')
    // With a larger maxInput, the budget is 64 times the file.
    const larger = await parseReportAsync(bytes, { maxInput: 100 * 1024 * 1024 })
    expect(limitOf(larger)?.message).toContain(`inflates to more than ${64 * bytes.length} bytes`)
  })

  it.each([
    ['a content stream inflating to 40 MB', pdfStreamBomb],
    ['64 MB of spaces compressed twice', pdfChainBomb]
  ])('a PDF with %s: its streams measured before pdfjs reads them, not read', async (_, make) => {
    const result = await parseReportAsync(make())
    expect(result).toMatchObject({ report: null, format: 'pdf', ok: false })
    expect(result.diagnostics.map((d) => d.code)).toEqual(['resource_limit'])
    expect(limitOf(result)?.message).toContain('The compressed streams of the PDF decode to more than')
  })

  it('a PDF drawing a 20 000 × 20 000 image: the image is never decoded, the text is read', async () => {
    const result = await parseReportAsync(pdfImageBomb())
    await settle()
    expect(result.format).toBe('pdf')
    expect(limitOf(result)).toBeUndefined()
    expect(result.diagnostics.map((d) => d.code)).toEqual(['not_a_report'])
    expect(escaped).toEqual([])
  }, 60_000)

  it('a PDF of 10 000 pages: the first 256 read, the rest not, and the message says how many there are', async () => {
    const result = await parseReportAsync(pdfManyPages())
    expect(limitOf(result)?.message).toBe('The PDF has 10000 pages, and at most 256 are read; pages from 257 on were not read.')
  }, 60_000)
})

describe('the PDF reader within its budgets', () => {
  it('keeps the pages read before the operators ran out, and says from which page on none was', async () => {
    // 901 draws about 2 600 operators a page: a budget of 6 000 lasts two pages or so.
    const document = await readPdf(corpusPdf('real-901-huaian-2024'), undefined, undefined, { drawn: 6000 })
    const notice = document.notices?.find((each) => each.kind === 'resourceLimit')
    expect(notice).toMatchObject({ kind: 'resourceLimit', limit: 'operators', value: 6000 })
    const page = (notice as { page: number }).page
    expect(page).toBeGreaterThan(1)
    expect(page).toBeLessThan(6)
    const pages = new Set(document.blocks.map((block) => block.position?.page))
    expect(Math.max(...[...pages].map(Number))).toBe(page - 1)
  }, 60_000)

  it('refuses a file whose first page draws past the budget', async () => {
    await expect(readPdf(corpusPdf('real-902-hongze-2024'), undefined, undefined, { drawn: 100 })).rejects.toMatchObject({
      limit: 'operators',
      value: 100
    })
  }, 60_000)

  it('counts operators that decode within the stream budget: a page of 500 000 `q Q`', async () => {
    const ops = new TextEncoder().encode('q Q\n'.repeat(250_000))
    const { zlibSync } = await import('fflate')
    const pdf = assemblePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      { dict: '/Filter /FlateDecode', data: zlibSync(ops, { level: 9 }) }
    ])
    // Within the decoded budget (at least 1 MiB), past the operator budget (at least 100 000).
    expect(ops.length).toBeLessThan(1024 * 1024)
    const result = await parseReportAsync(pdf)
    expect(limitOf(result)?.message).toContain('draw more than 100000 operators and text items')
  }, 60_000)

  it('stops a read past its time, ends the thread, and reads the next file in a new one', async () => {
    const error: unknown = await readPdf(corpusPdf('real-902-hongze-2024'), undefined, undefined, { seconds: 0.001 }).catch((e) => e)
    expect(error).toBeInstanceOf(ResourceLimitError)
    expect(error).toMatchObject({ limit: 'time' })
    const next = await parseReportAsync(corpusPdf('real-902-hongze-2024'))
    expect(next.report?.organization, JSON.stringify(next.diagnostics.slice(0, 3))).toBe('淮安市洪泽区人民政府')
  }, 60_000)

  it('a file being read when the thread is stopped is read again, alone, to the end; the next in a new thread', async () => {
    const reading = parseReportAsync(corpusPdf('real-901-huaian-2024'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await stopThread()
    const result = await reading
    expect(result.diagnostics.filter((d) => d.code === 'not_a_report' || d.code === 'resource_limit')).toEqual([])
    expect(result.report?.organization).toBe('淮安市人民政府')
    const next = await parseReportAsync(corpusPdf('real-903-hongze-2023'))
    expect(next.report?.year).toBe(2023)
    await settle()
    expect(escaped).toEqual([])
  }, 60_000)

  it('one file past its time fails alone: the files read beside it in the same thread are read to the end', async () => {
    const names = ['real-901-huaian-2024', 'real-903-hongze-2023', 'real-902-hongze-2024'] as const
    const beside = names.map((name) => parseReportAsync(corpusPdf(name)))
    // Started after them, so that they are open in the thread when its time ends it.
    const late = readPdf(corpusPdf('real-902-hongze-2024'), undefined, undefined, { seconds: 0.2 }).catch((e: unknown) => e)
    expect(await late).toMatchObject({ limit: 'time' })
    const results = await Promise.all(beside)
    for (const [i, result] of results.entries()) {
      const truth = JSON.parse(readFileSync(join(REPO, 'corpus', names[i] as string, 'truth.json'), 'utf8')) as Report
      const tally = scoreCells(result, truth)
      expect(tally.wrong, names[i]).toEqual([])
      expect(tally.unnamed, names[i]).toEqual([])
      expect(tally.exact, names[i]).toBeGreaterThan(190)
    }
    await settle()
    expect(escaped).toEqual([])
  }, 120_000)
})

describe.runIf(existsSync(DIST))('in a child process (the built package)', () => {
  it('reads every bomb, lives, stays under 500 MB, and nothing escapes', () => {
    const script = `
const escaped = []
process.on('unhandledRejection', (r) => escaped.push(String(r)))
process.on('uncaughtException', (e) => escaped.push(String(e)))
const { BOMBS } = await import(${JSON.stringify(join(REPO, 'bench', 'bomb-inputs.js'))})
const { parseReportAsync } = await import(${JSON.stringify(DIST)})
const codes = {}
for (const [name, { make }] of Object.entries(BOMBS)) {
  const result = await parseReportAsync(make())
  codes[name] = result.diagnostics.map((d) => d.code)
}
await new Promise((resolve) => setTimeout(resolve, 200))
process.stdout.write(JSON.stringify({ codes, escaped, rss: process.resourceUsage().maxRSS / 1024 }))`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 240_000 })
    expect(run.signal).toBeNull()
    expect(run.status, run.stderr).toBe(0)
    const {
      codes,
      escaped: childEscaped,
      rss
    } = JSON.parse(run.stdout) as { codes: Record<string, string[]>; escaped: string[]; rss: number }
    expect(childEscaped).toEqual([])
    expect(rss).toBeLessThan(500)
    for (const [name, list] of Object.entries(codes)) {
      if (name.startsWith('real') || name.includes('image')) expect(list, name).not.toContain('resource_limit')
      else expect(list, name).toContain('resource_limit')
    }
  }, 300_000)
})
