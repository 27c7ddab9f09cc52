// Crawled text (issue 13): the time of parseReport on the seven real crawls of corpus/real-002 …
// real-008 (one line each, values glued), on hostile variants of them (every run replaced by long
// or repetitive digits, which maximise the splits to search), and on the hostile text shapes of
// bench/adversarial.js at 100 KB. Target: no input of up to 100 KB over 50 ms in the text path.
//
//   npm run build && node bench/crawled.js
//
// In one process, after a warm-up on one crawl: each input is parsed 9 times; printed are the
// first parse and the median, and the worst median. Splits are capped (MAX_SPLIT_STEPS a row,
// MAX_PARSE_SPLIT_STEPS a parse, src/core/split.ts); rows past the cap are null with ambiguous_value.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const repo = join(import.meta.dirname, '..')
const { parseReport } = await import(pathToFileURL(join(repo, 'dist', 'index.js')).href)
const crawl = (name) => readFileSync(join(repo, 'corpus', `real-${name}`, 'input.txt'), 'utf8')
// The crawls: the real reports of corpus/ kept as text, with the truth of their tables (as test/crawled.test.ts takes them).
const corpus = join(repo, 'corpus')
const CRAWLS = readdirSync(corpus)
  .filter((name) => name.startsWith('real-') && existsSync(join(corpus, name, 'input.txt')) && existsSync(join(corpus, name, 'truth.json')))
  .sort()
  .map((name) => name.slice('real-'.length))

// A fixed pseudo-random digit stream, so that runs are the same from run to run.
let seed = 20261122
const digit = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return String(seed % 10)
}
/** The crawl with every run of three digits or more replaced. */
const everyRun = (text, make) => text.replace(/(?<=[^\d])\d{3,}(?=[^\d])/gu, make)
const base = crawl('007-pingtan-2024')
const table3 = base.slice(base.indexOf('一、本年新收'), base.indexOf('四、政府信息公开行政复议'))
const upTo = (text, size) => text.repeat(Math.ceil(size / text.length)).slice(0, size)

const inputs = [
  ...CRAWLS.map((name) => [`real ${name}`, crawl(name)]),
  ['every run 25 digits (2024)', everyRun(base, () => Array.from({ length: 25 }, digit).join(''))],
  ['every run 30 ones (2024)', everyRun(base, () => '1'.repeat(30))],
  ['every run 2 000 ones (2024, 100 KB)', everyRun(base, () => '1'.repeat(2000))],
  [
    'table 三 printed 40 times (100 KB)',
    base.slice(0, base.indexOf('四、政府信息公开行政复议')) + upTo(table3, 97_000) + base.slice(base.indexOf('四、政府信息公开行政复议'))
  ],
  [
    'lines of table 三 header and digits (100 KB)',
    upTo('申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他1234567\n', 102_400)
  ],
  ['one huge line (100 KB)', upTo('规章 1 2 3 行政许可 4 5 6 ', 102_400)],
  ['short lines (100 KB)', upTo('a\n', 102_400)],
  ['setext lines as text (100 KB)', upTo('a\n=\n', 102_400)],
  ['tab rows repeated (100 KB)', upTo('规章\t1\t2\t3\n行政许可\t4\t5\t6\n\n', 102_400)]
]

for (let i = 0; i < 20; i++) parseReport(crawl('008-pingtan-2025'))
console.log(`node ${process.version}; parseReport(text) with no format hint, 9 parses each\n`)
console.log('| input | size | first | median | diagnostics |')
console.log('|---|---|---|---|---|')
let worst = { name: '', ms: 0 }
for (const [name, text] of inputs) {
  const times = []
  let result
  for (let i = 0; i < 9; i++) {
    const start = performance.now()
    result = parseReport(text)
    times.push(performance.now() - start)
  }
  const median = [...times].sort((a, b) => a - b)[4]
  if (median > worst.ms) worst = { name, ms: median }
  const counts = {}
  for (const diagnostic of result.diagnostics) counts[diagnostic.code] = (counts[diagnostic.code] ?? 0) + 1
  const summary = Object.entries(counts)
    .map(([code, count]) => `${code} ${count}`)
    .join(', ')
  console.log(`| ${name} | ${(text.length / 1024).toFixed(1)} K chars | ${times[0].toFixed(1)} ms | ${median.toFixed(1)} ms | ${summary} |`)
}
console.log(`\nworst median: ${worst.ms.toFixed(1)} ms (${worst.name}); target ≤ 50 ms: ${worst.ms <= 50 ? 'met' : 'NOT met'}`)
process.exitCode = worst.ms <= 50 ? 0 : 1
