// Benchmarks: `npm run bench` (builds first). Each parser runs beside a baseline on the same input
// in the same process, and the ratio is what to compare across machines.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as cheerio from 'cheerio'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { Bench } from 'tinybench'
import { unified } from 'unified'
import { parseReport } from '../dist/index.js'
import { baseline } from './baseline.js'

const corpus = join(import.meta.dirname, '..', 'corpus')
const seeds = readdirSync(corpus)
  .filter((name) => name.startsWith('seed-'))
  .sort()
  .map((name) => readFileSync(join(corpus, name, 'input.txt'), 'utf8'))
const bytes = seeds.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
/** The Markdown inputs: every corpus/md-* fixture and seed 001, which is Markdown. */
const markdown = readdirSync(corpus)
  .filter((name) => name.startsWith('md-'))
  .sort()
  .map((name) => readFileSync(join(corpus, name, 'input.md'), 'utf8'))
markdown.push(readFileSync(join(corpus, 'seed-001', 'input.txt'), 'utf8'))
const markdownBytes = markdown.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
const remark = unified().use(remarkParse).use(remarkGfm)
/** The HTML inputs: every corpus case whose input is a page or fragment (real-001, real-009, html-*), but the GBK copy of html-2021-page. */
const html = readdirSync(corpus)
  .filter((name) => readdirSync(join(corpus, name)).includes('input.html') && !name.endsWith('-gbk'))
  .sort()
  .map((name) => readFileSync(join(corpus, name, 'input.html'), 'utf8'))
const htmlBytes = html.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
/** The seeds as the UTF-8 bytes of their files: what reading a file costs on top of its text (decoding). */
const seedBytes = seeds.map((text) => new TextEncoder().encode(text))

let sink = 0
const ROUNDS = 5

/**
 * Run a task and its baseline in alternating tinybench rounds (the same process, the same
 * input), so a slow moment of the machine hits both; report the median of the rounds.
 */
async function compare(name, task, baselineName, baselineTask) {
  const seconds = { task: [], baseline: [] }
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: 1500, iterations: 1, warmupTime: round === 0 ? 300 : 50, warmupIterations: 1 })
    bench.add(name, task).add(baselineName, baselineTask)
    await bench.run()
    const [a, b] = bench.tasks.map((entry) => entry.result.latency.mean / 1000)
    seconds.task.push(a)
    seconds.baseline.push(b)
  }
  const ratios = seconds.task.map((a, i) => a / seconds.baseline[i])
  return { task: median(seconds.task), baseline: median(seconds.baseline), ratio: median(ratios), ratios }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const row = (name, seconds, size, count) => ({
  task: name,
  'MB/s': (size / 1e6 / seconds).toFixed(1),
  'reports/s': Math.round(count / seconds),
  'ms per report': ((seconds * 1000) / count).toFixed(3)
})
const rounds = (ratios) => ratios.map((ratio) => ratio.toFixed(2)).join(', ')

const text = await compare(
  "parseReport(text, { format: 'text' })",
  () => {
    for (const input of seeds) sink += parseReport(input, { format: 'text' }).diagnostics.length
  },
  "baseline: split('\\n') + regex scan",
  () => {
    for (const input of seeds) sink += baseline(input)
  }
)
const md = await compare(
  'parseReport(md)',
  () => {
    for (const input of markdown) sink += parseReport(input).diagnostics.length
  },
  'unified().use(remarkParse).use(remarkGfm).parse(md)',
  () => {
    for (const input of markdown) sink += remark.parse(input).children.length
  }
)
const page = await compare(
  'parseReport(html)',
  () => {
    for (const input of html) sink += parseReport(input).diagnostics.length
  },
  'cheerio.load(html)',
  () => {
    for (const input of html) sink += cheerio.load(input).root().children().length
  }
)

/** The parser options the HTML adapter gives cheerio (htmlparser2 in HTML mode, with start offsets). */
const HTMLPARSER2 = { xml: { xmlMode: false, withStartIndices: true, decodeEntities: true } }
const own = await compare(
  'parseReport(html)',
  () => {
    for (const input of html) sink += parseReport(input).diagnostics.length
  },
  'cheerio.load(html, htmlparser2 options of the adapter)',
  () => {
    for (const input of html) sink += cheerio.load(input, HTMLPARSER2).root().children().length
  }
)

const decoding = await compare(
  "parseReport(bytes, { format: 'text' })",
  () => {
    for (const input of seedBytes) sink += parseReport(input, { format: 'text' }).diagnostics.length
  },
  "parseReport(text, { format: 'text' })",
  () => {
    for (const input of seeds) sink += parseReport(input, { format: 'text' }).diagnostics.length
  }
)

console.log(`node ${process.version}; each pair in ${ROUNDS} alternating rounds, medians shown`)
console.log(`\ntext: ${seeds.length} seed reports, ${(bytes / 1024).toFixed(1)} KiB (UTF-8)`)
console.table([
  row("parseReport(text, { format: 'text' })", text.task, bytes, seeds.length),
  row('baseline split + regex', text.baseline, bytes, seeds.length)
])
console.log(`ratio parse / baseline (time): ${text.ratio.toFixed(2)}× (rounds: ${rounds(text.ratios)})`)
console.log(`target ≥ 20 MB/s end to end: ${bytes / 1e6 / text.task >= 20 ? 'met' : 'NOT met'}`)
console.log(`\nmarkdown: ${markdown.length} reports (corpus/md-* and seed 001), ${(markdownBytes / 1024).toFixed(1)} KiB (UTF-8)`)
console.table([
  row('parseReport(md)', md.task, markdownBytes, markdown.length),
  row('unified + remark-parse + remark-gfm parse', md.baseline, markdownBytes, markdown.length)
])
console.log(
  `ratio parseReport(md) / remark parse (time): ${md.ratio.toFixed(2)}× (rounds: ${rounds(md.ratios)}; target ≤ 1.3: ${md.ratio <= 1.3 ? 'met' : 'NOT met'})`
)
console.log(`\nhtml: ${html.length} pages and fragments (corpus real-001, real-009, html-*), ${(htmlBytes / 1024).toFixed(1)} KiB (UTF-8)`)
console.table([
  row('parseReport(html)', page.task, htmlBytes, html.length),
  row('cheerio.load(html)', page.baseline, htmlBytes, html.length)
])
console.log(
  `ratio parseReport(html) / cheerio.load (time): ${page.ratio.toFixed(2)}× (rounds: ${rounds(page.ratios)}; target ≤ 1.5: ${page.ratio <= 1.5 ? 'met' : 'NOT met'})`
)
console.log(
  `ratio parseReport(html) / cheerio.load with the adapter's htmlparser2 options: ${own.ratio.toFixed(2)}× (rounds: ${rounds(own.ratios)}; ${((own.baseline * 1000) / html.length).toFixed(3)} ms per page to load)`
)
console.log(
  `\nbytes: the ${seeds.length} seed reports as UTF-8 bytes, decoded first: ${((decoding.task * 1000) / seeds.length).toFixed(3)} ms per report against ${((decoding.baseline * 1000) / seeds.length).toFixed(3)} ms from text; ratio ${decoding.ratio.toFixed(2)}× (rounds: ${rounds(decoding.ratios)})`
)
if (sink === 0) console.log('')
