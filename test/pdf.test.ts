/**
 * The PDF reader on the real files and on broken ones: places of diagnostics, a quiet console with
 * or without `@napi-rs/canvas`, and no throw for bytes that only look like a PDF.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cellPaths, parseReportAsync, type Report } from '../src/index.js'
import { CORPUS, scoreCells } from './helpers.js'

const DIST = join(import.meta.dirname, '..', 'dist')
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(CORPUS, name, 'input.pdf')))

describe('the three real PDFs, no hint, against truth.json read from their rendered pages', () => {
  const names = ['real-901-huaian-2024', 'real-902-hongze-2024', 'real-903-hongze-2023']
  it('901 all 200 cells exact; at least 97 % of all exact; every other cell null and named; none wrong', async () => {
    let exact = 0
    let all = 0
    for (const name of names) {
      const truth = JSON.parse(readFileSync(join(CORPUS, name, 'truth.json'), 'utf8')) as Report
      const result = await parseReportAsync(read(name))
      expect(result.format, name).toBe('pdf')
      expect(result.report?.organization, name).toBe(truth.organization)
      expect(result.report?.year, name).toBe(truth.year)
      const tally = scoreCells(result, truth)
      expect(tally.wrong, name).toEqual([])
      expect(tally.unnamed, name).toEqual([])
      if (name === 'real-901-huaian-2024') expect(tally.exact).toBe(200)
      exact += tally.exact
      all += cellPaths(truth.edition).length
    }
    expect(all).toBe(600)
    expect(exact / all).toBeGreaterThanOrEqual(0.97)
  }, 60_000)
})

describe('PDF', () => {
  it('names the page and the place of a diagnostic', async () => {
    const { diagnostics } = await parseReportAsync(read('real-903-hongze-2023'))
    const mismatch = diagnostics.find((d) => d.code === 'sum_mismatch' && d.path === 'reviewAndLitigation.review.total')
    expect(mismatch?.position).toMatchObject({ page: 4 })
    expect(mismatch?.position?.x).toBeGreaterThan(50)
    expect(mismatch?.position?.y).toBeGreaterThan(50)
    const typo = diagnostics.find((d) => d.code === 'label_variant')
    expect(typo?.position).toMatchObject({ page: 3 })
  }, 60_000)

  it('reads a Node Buffer as it reads a Uint8Array (readFile gives a Buffer)', async () => {
    const buffer = readFileSync(join(CORPUS, 'real-902-hongze-2024', 'input.pdf'))
    const result = await parseReportAsync(buffer)
    expect(result.report?.organization).toBe('淮安市洪泽区人民政府')
    expect(buffer.byteLength).toBeGreaterThan(1000) // not taken over
  }, 60_000)

  it('gives not_a_report, never a throw, for bytes that start as a PDF and are not one', async () => {
    const whole = read('real-902-hongze-2024')
    for (const bytes of [
      new TextEncoder().encode('%PDF-1.7\n'),
      new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'),
      whole.subarray(0, whole.length >> 1),
      whole.map((byte, i) => (i > 2000 && i % 97 === 0 ? byte ^ 0xff : byte))
    ]) {
      const result = await parseReportAsync(bytes)
      expect(result.format).toBe('pdf')
      if (result.report === null) expect(result.diagnostics.map((d) => d.code)).toContain('not_a_report')
    }
  }, 60_000)

  it.runIf(existsSync(join(DIST, 'index.js')))(
    'prints nothing, with @napi-rs/canvas or without it (a DOMMatrix stand-in then)',
    () => {
      const pdf = JSON.stringify(join(CORPUS, 'real-901-huaian-2024', 'input.pdf'))
      // Make `@napi-rs/canvas` fail to load, as where the optional package is not installed.
      const block = join(tmpdir(), 'zfxxgk-no-canvas.cjs')
      writeFileSync(
        block,
        `const Module = require('node:module'); const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { if (request.startsWith('@napi-rs/canvas')) throw new Error('not installed'); return resolve.call(this, request, ...rest) }`
      )
      const script = `import { readFileSync } from 'node:fs'
const { parseReportAsync } = await import('./index.js')
const result = await parseReportAsync(new Uint8Array(readFileSync(${pdf})))
process.stdout.write(JSON.stringify({ ok: result.ok, total: result.report?.applications.total.newReceived, domMatrix: typeof globalThis.DOMMatrix }))`
      for (const args of [[], ['--require', block]]) {
        const run = spawnSync('node', [...args, '--input-type=module', '-e', script], { cwd: DIST, encoding: 'utf8' })
        expect(run.stderr).toBe('')
        expect(JSON.parse(run.stdout)).toEqual({ ok: true, total: 3119, domMatrix: 'function' })
      }
    },
    60_000
  )
})
