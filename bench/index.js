// Benchmarks: `npm run bench` (builds first). Each parser runs beside a baseline on the same input
// in the same process, and the ratio is what to compare across machines.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Bench } from 'tinybench'
import { parseReport } from '../dist/index.js'

const corpus = join(import.meta.dirname, '..', 'corpus')
const seeds = readdirSync(corpus)
  .filter((name) => name.startsWith('seed-'))
  .sort()
  .map((name) => readFileSync(join(corpus, name, 'input.txt'), 'utf8'))
const bytes = seeds.reduce((sum, text) => sum + Buffer.byteLength(text), 0)

/** The baseline: what any reader of the text must at least do — split it into lines and scan each for numbers. */
function baseline(text) {
  let numbers = 0
  for (const line of text.split('\n')) {
    const found = line.match(/[-+]?\d+(?:\.\d+)?/g)
    if (found !== null) numbers += found.length
  }
  return numbers
}

let sink = 0
const bench = new Bench({ time: 2000, warmupTime: 500 })
bench
  .add('parseReport(text), 5 seeds', () => {
    for (const text of seeds) sink += parseReport(text).diagnostics.length
  })
  .add("baseline: split('\\n') + regex scan, 5 seeds", () => {
    for (const text of seeds) sink += baseline(text)
  })
await bench.run()

const [parse, scan] = bench.tasks.map((task) => task.result)
const mean = (result) => result.latency.mean / 1000 // seconds per iteration (5 reports)
const rows = [
  ['parseReport(text)', mean(parse)],
  ['baseline split + regex', mean(scan)]
].map(([name, seconds]) => ({
  task: name,
  'MB/s': (bytes / 1e6 / seconds).toFixed(1),
  'reports/s': Math.round(seeds.length / seconds),
  'ms per report': ((seconds * 1000) / seeds.length).toFixed(3)
}))
console.log(`input: ${seeds.length} seed reports, ${(bytes / 1024).toFixed(1)} KiB (UTF-8); node ${process.version}`)
console.table(rows)
console.log(`ratio parse / baseline (time): ${(mean(parse) / mean(scan)).toFixed(1)}×`)
console.log(`target ≥ 20 MB/s end to end: ${bytes / 1e6 / mean(parse) >= 20 ? 'met' : 'NOT met'}`)
if (sink === 0) console.log('')
