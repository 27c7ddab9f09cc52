// The command's rendering (issue 15): the time `zfxxgk parse --to csv` spends writing one report's
// rows, long (one row per cell) and wide (one row per report), against JSON.stringify of the same
// result (what --to ndjson costs), in the same process. Target: CSV at most 30 µs a report.
//
//   npm run build && node bench/cli.js
//
// Inputs: every report of corpus/ in text, Markdown or HTML that parses, parsed once; each render
// is timed over all of them, 20 times a round, 15 rounds, median per report. A second column adds
// the UTF-8 encoding of the text (what writing it to a file or a pipe costs on top).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const repo = join(import.meta.dirname, '..')
const { parseReport } = await import(pathToFileURL(join(repo, 'dist', 'index.js')).href)
const { render } = await import(pathToFileURL(join(repo, 'dist', 'render.js')).href)
const corpus = join(repo, 'corpus')
const results = readdirSync(corpus)
  .filter((name) => readdirSync(join(corpus, name)).some((file) => /^input\.(txt|md|html)$/u.test(file)))
  .sort()
  .map((name) => {
    const file = readdirSync(join(corpus, name)).find((entry) => entry.startsWith('input.'))
    return { path: `corpus/${name}/${file}`, result: parseReport(new Uint8Array(readFileSync(join(corpus, name, file)))) }
  })
  .filter(({ result }) => result.report !== null)

const jobs = {
  'csv long': { to: 'csv', shape: 'long', header: 'path' },
  'csv wide': { to: 'csv', shape: 'wide', header: 'path' },
  ndjson: { to: 'ndjson', shape: 'long', header: 'path' }
}
let sink = 0
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]
console.log(`node ${process.version}; ${results.length} reports of corpus/, each rendered; median of 15 rounds\n`)
const rows = []
for (const [name, job] of Object.entries(jobs)) {
  for (let i = 0; i < 3; i++) for (const { path, result } of results) sink += render(path, result, job).length
  const times = []
  for (let round = 0; round < 15; round++) {
    const start = performance.now()
    for (let k = 0; k < 20; k++) for (const { path, result } of results) sink += render(path, result, job).length
    times.push(((performance.now() - start) * 1000) / (20 * results.length))
  }
  const encoded = []
  for (let round = 0; round < 15; round++) {
    const start = performance.now()
    for (let k = 0; k < 20; k++) for (const { path, result } of results) sink += Buffer.byteLength(render(path, result, job))
    encoded.push(((performance.now() - start) * 1000) / (20 * results.length))
  }
  rows.push({
    render: name,
    'µs a report': median(times).toFixed(1),
    'with UTF-8 encoding': median(encoded).toFixed(1),
    target: name.startsWith('csv') ? '≤ 30' : ''
  })
}
console.table(rows)
if (sink === 0) console.log('')
