/**
 * The adapter contract for bytes and promises: detection by magic bytes, `readBytes`, `async`
 * adapters, and what `parseReport` says of an input only `parseReportAsync` reads.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  cellPaths,
  formatReport,
  getCell,
  parseReport,
  parseReportAsync,
  textAdapter,
  type Adapter,
  type Report,
  type SourceDocument
} from '../src/index.js'
import { CORPUS, validReport2021, withoutIdentity } from './helpers.js'

const pdf = new Uint8Array(readFileSync(join(CORPUS, 'real-902-hongze-2024', 'input.pdf')))
const text = formatReport(validReport2021(), { format: 'text' })
const encoder = new TextEncoder()

/** A document of the report in `text`, as the text adapter reads it. */
const textDocument = (): SourceDocument => textAdapter.read(text) as SourceDocument

describe('bytes and promises', () => {
  it('parseReport gives not_a_report naming parseReportAsync for a PDF, and never starts reading it', () => {
    const result = parseReport(pdf)
    expect(result).toMatchObject({ report: null, format: 'pdf', ok: false })
    expect(result.diagnostics.map((d) => d.code)).toEqual(['not_a_report'])
    expect(result.diagnostics[0]?.message).toContain('parseReportAsync')
    expect(parseReport(pdf, { locale: 'zh' }).diagnostics[0]?.message).toContain('parseReportAsync')
  })

  it('detects a PDF by %PDF- anywhere in its first kilobyte, not later', async () => {
    const late = new Uint8Array(pdf.length + 2000)
    late.set(encoder.encode(' '.repeat(2000)))
    late.set(pdf, 2000)
    expect(parseReport(late).format).not.toBe('pdf')
    const early = new Uint8Array(pdf.length + 100)
    early.set(pdf, 100)
    expect(parseReport(early).format).toBe('pdf')
    expect((await parseReportAsync(early)).report?.organization).toBe('淮安市洪泽区人民政府')
  }, 60_000)

  it('says a PDF decoded as text must be passed as bytes', async () => {
    const decoded = new TextDecoder('latin1').decode(pdf.subarray(0, 4096))
    expect(parseReport(decoded).format).toBe('pdf')
    const result = await parseReportAsync(decoded)
    expect(result).toMatchObject({ format: 'pdf', report: null })
    expect(result.diagnostics[0]?.code).toBe('not_a_report')
    expect(result.diagnostics[0]?.message).toContain('Uint8Array')
  })

  it('rejects with TypeError only for a wrong argument or an unknown format', async () => {
    await expect(parseReportAsync(42 as unknown as string)).rejects.toThrow(TypeError)
    await expect(parseReportAsync('', { format: 'xlsx' })).rejects.toThrow(TypeError)
    await expect(parseReportAsync(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).resolves.toMatchObject({
      report: null,
      format: 'pdf'
    })
  })

  it('reads text, Markdown, HTML and JSON through parseReportAsync as parseReport does', async () => {
    for (const format of ['text', 'markdown', 'html', 'json'] as const) {
      const input = formatReport(validReport2021(), { format })
      expect(await parseReportAsync(input)).toEqual(parseReport(input))
      expect(await parseReportAsync(encoder.encode(input))).toEqual(parseReport(encoder.encode(input)))
    }
  })

  it('hands a custom adapter the bytes, and their text on demand', () => {
    let seen: Uint8Array | undefined
    const magic: Adapter = {
      name: 'magic',
      detect: () => 0,
      read: () => ({ blocks: [] }),
      detectBytes: (bytes) => (bytes[0] === 0x01 ? 1 : 0),
      readBytes: (bytes, decoded) => {
        seen = bytes
        return parseReport(decoded().slice(1)).report === null ? { blocks: [] } : textDocument()
      }
    }
    const bytes = new Uint8Array([0x01, ...encoder.encode(text)])
    const result = parseReport(bytes, { adapters: [magic] })
    expect(result.format).toBe('magic')
    expect(seen).toBe(bytes)
    expect(result.report).toEqual(parseReport(text).report)
    // Text is not bytes: `read` reads it.
    expect(parseReport(text, { adapters: [magic], format: 'magic' }).report).toBeNull()
  })

  it('reads an async custom adapter with parseReportAsync only', async () => {
    const later: Adapter = { name: 'later', async: true, detect: () => 1, read: async () => textDocument() }
    expect(parseReport(text, { adapters: [later] }).diagnostics.map((d) => d.code)).toEqual(['not_a_report'])
    const result = await parseReportAsync(text, { adapters: [later] })
    expect(result.format).toBe('later')
    expect(result.report).toEqual(parseReport(text).report)
  })

  it('gives not_a_report, and no unhandled rejection, for an adapter that returns a promise without saying so', async () => {
    const quiet: Adapter = { name: 'quiet', detect: () => 1, read: () => Promise.reject(new Error('no')) }
    expect(parseReport(text, { adapters: [quiet] }).diagnostics[0]?.message).toContain('parseReportAsync')
    const failed = await parseReportAsync(text, { adapters: [quiet] })
    expect(failed.diagnostics[0]).toMatchObject({ code: 'not_a_report', message: 'The quiet adapter failed: no' })
  })

  it('reads a Word file synchronously, and refuses one decoded as text', () => {
    const docx = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'template-2021-format.docx')))
    const result = parseReport(docx)
    expect(result.format).toBe('docx')
    expect(result.report?.edition).toBe('2021')
    // The official template, empty: every cell blank, none invented.
    expect(cellPaths('2021').filter((path) => getCell(result.report as Report, path) !== null)).toEqual([])
    expect(withoutIdentity(result.diagnostics).map((d) => d.code)).toEqual(cellPaths('2021').map(() => 'blank_cell'))
    const decoded = parseReport(new TextDecoder('latin1').decode(docx))
    expect(decoded).toMatchObject({ format: 'docx', report: null })
    expect(decoded.diagnostics[0]?.message).toContain('Uint8Array')
  })

  it('reads a ZIP archive that is not a Word file as no report, not as Word', () => {
    const docx = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'template-2021-format.docx')))
    const result = parseReport(docx.subarray(0, 200))
    expect(result.format).not.toBe('docx')
    expect(result.report).toBeNull()
    expect(parseReport(docx.subarray(0, 200), { format: 'docx' }).diagnostics[0]?.message).toContain('docx adapter failed')
  })
})
