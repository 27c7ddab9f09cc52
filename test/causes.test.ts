/**
 * Inputs that hold no report for a reason they tell (issue 26): the message names the cause, not
 * "no table was found"; and bytes in every form a caller has them (`ArrayBuffer` from `fetch`, a
 * `DataView`, a `Buffer`, another typed array) are read like a `Uint8Array`.
 */
import { zipSync, strToU8 } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport, parseReportAsync } from '../src/index.js'
import { CORPUS } from './helpers.js'
import { writePdf } from './writers/pdf.js'

/** An OLE2 compound file's first sector and a directory entry naming a stream, as old Office files begin. */
function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  bytes.set(Array.from(stream, (char) => [char.charCodeAt(0), 0]).flat(), 1024)
  return bytes
}

const message = (bytes: Uint8Array | string): string => {
  const result = parseReport(bytes)
  expect(result.report).toBeNull()
  expect(result.diagnostics.map(({ code }) => code)).toEqual(['not_a_report'])
  return result.diagnostics[0]?.message ?? ''
}

describe('not_a_report names the cause it can tell', () => {
  it('an old binary Word .doc: save it as .docx', () => {
    expect(message(compoundFile('WordDocument'))).toContain('save it as .docx')
    expect(parseReport(compoundFile('WordDocument'), { locale: 'zh' }).diagnostics[0]?.message).toContain('另存为 .docx')
  })

  it('an Excel workbook, .xls or .xlsx: not a report', () => {
    expect(message(compoundFile('Workbook'))).toContain('Excel workbook (.xls)')
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') })
    expect(message(xlsx)).toContain('Excel workbook (.xlsx)')
  })

  it('a PDF whose pages hold no text (a scan): it needs OCR', async () => {
    const scan = writePdf([{ ops: [{ op: 'fill', x: 50, y: 50, w: 400, h: 600, rgb: [0.8, 0.8, 0.8] }] }])
    const result = await parseReportAsync(scan)
    expect(result.report).toBeNull()
    expect(result.diagnostics.map(({ code }) => code)).toEqual(['not_a_report'])
    expect(result.diagnostics[0]?.message).toContain('needs OCR')
  })

  it('a file path passed as the text: pass the bytes', () => {
    for (const path of ['reports/2024/某某县年报.pdf', 'C:\\\\报告\\\\a.docx', './page.shtml'])
      expect(message(path)).toContain('readFileSync(path)')
    // A one-line text that is not a path is not taken for one.
    expect(message('某某县2024年政府信息公开工作年度报告')).not.toContain('path')
  })

  it('a text that is no report for no reason it tells keeps the plain message', () => {
    expect(message(new TextEncoder().encode('hello'))).toContain('No table of the 2019 or 2021 format was found')
  })
})

describe('bytes in every form a caller has them', () => {
  const file = readFileSync(join(CORPUS, 'seed-003', 'input.txt'))
  const expected = parseReport(new Uint8Array(file))

  it('reads an ArrayBuffer (fetch), a DataView, a Buffer and another typed array like a Uint8Array', async () => {
    const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)
    const inputs = [buffer, new DataView(buffer), file, new Uint16Array(buffer.slice(0, buffer.byteLength - (buffer.byteLength % 2)))]
    for (const input of inputs.slice(0, 3)) {
      expect(parseReport(input)).toEqual(expected)
      expect(await parseReportAsync(input)).toEqual(expected)
    }
    // A view on part of a buffer reads only that part.
    const padded = new Uint8Array(file.byteLength + 10)
    padded.set(file, 5)
    expect(parseReport(new DataView(padded.buffer, 5, file.byteLength))).toEqual(expected)
  })

  it('still throws TypeError for what is not text or bytes', () => {
    for (const input of [42, null, {}, [1, 2]]) expect(() => parseReport(input as unknown as string)).toThrow(TypeError)
  })
})
