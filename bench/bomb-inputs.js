// Resource bombs (issue 24): small inputs that ask for a great deal of work, generated here so that
// the tests (test/bombs.test.ts) and the bench (bench/bombs.js) read the very same files. Each is
// built in memory in well under a second; none is a report.
//
// - a real PDF with one byte deleted, which left pdfjs with an unhandled XRefEntryException;
// - <table><tr><td> nested 100 000 deep (1.5 MB of HTML);
// - a Word file whose word/document.xml inflates to 63 MiB;
// - a PDF whose one content stream inflates to 40 MB of drawing operators;
// - a PDF whose content stream is 64 MB of spaces compressed twice (FlateDecode over FlateDecode);
// - a PDF drawing a 20 000 × 20 000 image (a JPEG whose header says so);
// - a PDF of 10 000 pages.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, Zip, ZipDeflate, Zlib, zlibSync } from 'fflate'

const repo = join(import.meta.dirname, '..')

/** The bytes of a corpus PDF. */
export function corpusPdf(name) {
  return new Uint8Array(readFileSync(join(repo, 'corpus', name, 'input.pdf')))
}

/** `bytes` with `count` bytes deleted at `at`. */
export function deleteBytes(bytes, at, count = 1) {
  const out = new Uint8Array(bytes.length - count)
  out.set(bytes.subarray(0, at))
  out.set(bytes.subarray(at + count), at)
  return out
}

/** real-902-hongze-2024.pdf with the byte at 106 732 deleted: an xref entry then points one byte off. */
export function damagedPdf() {
  return deleteBytes(corpusPdf('real-902-hongze-2024'), 106_732)
}

/** `<table><tr><td>` nested `depth` deep, then a line of text. */
export function nestedTables(depth = 100_000) {
  return '<table><tr><td>'.repeat(depth) + '规章 1 2 3'
}

/** `chunk` pushed into a compressing stream until `size` bytes, then `tail` ends it: the whole is never in memory. */
function pushRepeated(stream, chunk, size, tail = new Uint8Array(0)) {
  for (let done = 0; done < size; done += chunk.length) stream.push(done + chunk.length >= size ? chunk.subarray(0, size - done) : chunk)
  stream.push(tail, true)
}

/** A Word file whose word/document.xml inflates to `size` bytes (default 63 MiB) of paragraphs. */
export function docxBomb(size = 63 * 1024 * 1024) {
  const parts = []
  const zip = new Zip((error, data) => {
    if (error) throw error
    parts.push(data)
  })
  const types = new ZipDeflate('[Content_Types].xml', { level: 9 })
  zip.add(types)
  types.push(strToU8('<Types/>'), true)
  const body = new ZipDeflate('word/document.xml', { level: 9 })
  zip.add(body)
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
  const tail = '</w:body></w:document>'
  body.push(strToU8(head))
  const paragraph = '<w:p><w:r><w:t>规章 1 2 3</w:t></w:r></w:p>'
  pushRepeated(body, strToU8(paragraph.repeat(Math.ceil(65536 / paragraph.length))), size - head.length - tail.length, strToU8(tail))
  zip.end()
  return concat(parts)
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** `chunk` repeated until `size` bytes, compressed as a PDF's FlateDecode (zlib) as it is produced. */
function zlibRepeated(chunk, size) {
  const parts = []
  pushRepeated(new Zlib({ level: 9 }, (data) => parts.push(data)), chunk, size)
  return concat(parts)
}

/**
 * A PDF file from its objects, numbered from 1: each a dictionary string, or `{ dict, data }` for a
 * stream (its /Length is added). Object 1 is the catalog.
 */
export function assemblePdf(objects) {
  const parts = [strToU8('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')]
  let size = parts[0].length
  const offsets = []
  const add = (part) => {
    parts.push(part)
    size += part.length
  }
  objects.forEach((object, i) => {
    offsets.push(size)
    if (typeof object === 'string') add(strToU8(`${i + 1} 0 obj\n${object}\nendobj\n`))
    else {
      add(strToU8(`${i + 1} 0 obj\n<< ${object.dict} /Length ${object.data.length} >>\nstream\n`))
      add(object.data)
      add(strToU8('\nendstream\nendobj\n'))
    }
  })
  const xref = size
  let table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) table += `${String(offset).padStart(10, '0')} 00000 n \n`
  add(strToU8(`${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`))
  return concat(parts)
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'

/** A PDF of one page whose content stream inflates to `size` bytes (default 40 MB) of line drawing. */
export function pdfStreamBomb(size = 40 * 1000 * 1000) {
  const ops = strToU8('0 0 m 100 100 l S\n'.repeat(4096))
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    { dict: '/Filter /FlateDecode', data: zlibRepeated(ops, size) },
    FONT
  ])
}

/** A PDF of one page whose content stream is `size` spaces (default 64 MB), compressed twice: /Filter [/FlateDecode /FlateDecode]. */
export function pdfChainBomb(size = 64 * 1024 * 1024) {
  const once = zlibRepeated(new Uint8Array(65536).fill(0x20), size)
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    { dict: '/Filter [/FlateDecode /FlateDecode]', data: zlibSync(once, { level: 9 }) }
  ])
}

/**
 * A JPEG that declares `side` × `side` pixels of one component and holds almost no data: a baseline
 * header (quantisation and Huffman tables of one code each), then the scan cut short. A decoder
 * sizes its buffers from the header: 20 000 × 20 000 is 800 MB of coefficients before a pixel is read.
 */
export function jpegHeader(side) {
  const marker = (code, body) => [0xff, code, (body.length + 2) >> 8, (body.length + 2) & 255, ...body]
  const oneCode = (tableClass) => [tableClass, 1, ...new Array(15).fill(0), 0]
  return Uint8Array.from([
    0xff,
    0xd8,
    ...marker(0xdb, [0, ...new Array(64).fill(1)]),
    ...marker(0xc0, [8, side >> 8, side & 255, side >> 8, side & 255, 1, 1, 0x11, 0]),
    ...marker(0xc4, oneCode(0x00)),
    ...marker(0xc4, oneCode(0x10)),
    ...marker(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...new Array(64).fill(0),
    0xff,
    0xd9
  ])
}

/** A PDF of one page drawing a `side` × `side` JPEG image (default 20 000) under a line of text. */
export function pdfImageBomb(side = 20_000) {
  const content = strToU8('q 500 0 0 500 40 200 cm /Im1 Do Q BT /F1 12 Tf 72 760 Td (Report) Tj ET')
  return assemblePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >> /Contents 4 0 R >>',
    { dict: '', data: content },
    {
      dict: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`,
      data: jpegHeader(side)
    },
    FONT
  ])
}

/** A PDF of `count` pages (default 10 000), each drawing one word from one shared content stream. */
export function pdfManyPages(count = 10_000) {
  const kids = Array.from({ length: count }, (_, i) => `${i + 5} 0 R`).join(' ')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
    { dict: '', data: strToU8('BT /F1 12 Tf 72 720 Td (page) Tj ET') },
    FONT
  ]
  for (let i = 0; i < count; i++) {
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>')
  }
  return assemblePdf(objects)
}

/** Every bomb: its name, a function making its input, and the format it is read as. */
export const BOMBS = {
  'real PDF, one byte deleted': { make: damagedPdf, kind: 'pdf' },
  'HTML tables nested 100 000 deep': { make: () => nestedTables(), kind: 'html' },
  'Word part inflating to 63 MiB': { make: () => docxBomb(), kind: 'docx' },
  'PDF stream inflating to 40 MB': { make: () => pdfStreamBomb(), kind: 'pdf' },
  'PDF stream of 64 MB of spaces, compressed twice': { make: () => pdfChainBomb(), kind: 'pdf' },
  'PDF image 20 000 × 20 000': { make: () => pdfImageBomb(), kind: 'pdf' },
  'PDF of 10 000 pages': { make: () => pdfManyPages(), kind: 'pdf' }
}
