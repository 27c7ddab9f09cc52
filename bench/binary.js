// PDF and Word (issue 14): the time of a parse against the time of the libraries' own work on the
// same file, in the same process, as ratios. Targets:
//
// - PDF: parseReportAsync ≤ 1.3× pdfjs-dist alone opening the file and extracting every page's text
//   and operator list (the reader runs the operator list only on pages holding table text);
// - Word: parseReport ≤ 2× fflate unzipping word/document.xml and htmlparser2 loading it as a DOM.
//
//   npm run build && node bench/binary.js
//
// Files: the three real PDFs and the two filled Word templates of corpus/, and generated ones are
// not needed: the real files are the shapes users hold. Each is run 7 times after a warm-up (PDF)
// or 25 times (Word); printed are the medians and their ratio.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const repo = join(import.meta.dirname, '..')
const require = createRequire(join(repo, 'package.json'))
const { parseReport, parseReportAsync } = await import(pathToFileURL(join(repo, 'dist', 'index.js')).href)
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
const { unzipSync } = require('fflate')
const { parseDocument } = require('htmlparser2')
const file = (name, input) => new Uint8Array(readFileSync(join(repo, 'corpus', name, input)))

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]
async function time(runs, work) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** pdfjs alone: open, and every page's text content and operator list. */
async function pdfjsAlone(bytes) {
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true
  })
  const document = await task.promise
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number)
    await page.getTextContent()
    await page.getOperatorList()
    page.cleanup()
  }
  await task.destroy()
}

/** fflate and htmlparser2 alone: unzip word/document.xml and load it as a DOM. */
function docxAlone(bytes) {
  const files = unzipSync(bytes, { filter: (entry) => entry.name === 'word/document.xml' })
  return parseDocument(new TextDecoder().decode(files['word/document.xml']), { xmlMode: true })
}

console.log(`node ${process.version}\n`)
const rows = []
const pdfs = ['real-901-huaian-2024', 'real-902-hongze-2024', 'real-903-hongze-2023'].map((name) => [name, file(name, 'input.pdf')])
for (const [, bytes] of pdfs) {
  await pdfjsAlone(bytes)
  await parseReportAsync(bytes)
}
for (const [name, bytes] of pdfs) {
  const baseline = await time(7, () => pdfjsAlone(bytes))
  const ours = await time(7, () => parseReportAsync(bytes))
  rows.push({
    file: `${name}.pdf`,
    baseline: 'pdfjs text + operator list',
    'baseline (ms)': baseline.toFixed(1),
    'parse (ms)': ours.toFixed(1),
    ratio: (ours / baseline).toFixed(2),
    target: '≤ 1.3'
  })
}
const docx = ['docx-2021-filled', 'docx-2019-filled'].map((name) => [name, file(name, 'input.docx')])
for (const [, bytes] of docx) for (let i = 0; i < 10; i++) (docxAlone(bytes), parseReport(bytes))
for (const [name, bytes] of docx) {
  const baseline = await time(25, () => docxAlone(bytes))
  const ours = await time(25, () => parseReport(bytes))
  rows.push({
    file: `${name}.docx`,
    baseline: 'fflate + XML DOM',
    'baseline (ms)': baseline.toFixed(1),
    'parse (ms)': ours.toFixed(1),
    ratio: (ours / baseline).toFixed(2),
    target: '≤ 2'
  })
}
console.table(rows)
