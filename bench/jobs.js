// The command's use of two cores (issue 15): `zfxxgk parse --to csv` and `zfxxgk check` on a folder
// of text reports with --jobs 2 against --jobs 1, wall-clock time, in runs taken in turn. Target:
// --jobs 2 at least 1.7 times the throughput of --jobs 1.
//
//   npm run build && node bench/jobs.js [files] [rounds]
//
// The folder (default 20 000 files) is written to a temporary directory from the reports of corpus/
// that read as text, each written out as text (formatReport), in turn. Each command runs `rounds`
// times (default 3) with each --jobs, the two in turn, output to /dev/null; medians.
//
// For comparison, the same work without the command: the same files already in memory, parsed and
// rendered as long CSV and encoded, in one worker thread and in two (no reading, no writing, no
// messages per file), from a cold start and after a warm-up of 1 500 files each. It shows what two
// threads of this work gain on this machine at best.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

const repo = join(import.meta.dirname, '..')
const index = pathToFileURL(join(repo, 'dist', 'index.js')).href
const renderModule = pathToFileURL(join(repo, 'dist', 'render.js')).href

if (!isMainThread) {
  // A thread of the in-memory comparison: its share of the files, parsed, rendered and encoded.
  const { parseReport } = await import(index)
  const { render } = await import(renderModule)
  const { files, part, threads, warm } = workerData
  const encoder = new TextEncoder()
  const job = { to: 'csv', shape: 'long', header: 'path' }
  let sink = 0
  const one = (i) => {
    const result = parseReport(files[i % files.length])
    sink += encoder.encode(render('x.txt', result, job)).length
  }
  for (let i = 0; i < warm; i++) one(i)
  parentPort.postMessage('ready')
  parentPort.once('message', () => {
    for (let i = part; i < files.length; i += threads) one(i)
    parentPort.postMessage(sink)
  })
} else {
  const count = Number(process.argv[2] ?? 20_000)
  const rounds = Number(process.argv[3] ?? 3)
  const { parseReport, formatReport } = await import(index)
  const corpus = join(repo, 'corpus')
  const texts = readdirSync(corpus)
    .sort()
    .flatMap((name) => {
      const input = readdirSync(join(corpus, name)).find((file) => /^input\.(txt|md|html|json)$/u.test(file))
      if (input === undefined) return []
      const { report } = parseReport(new Uint8Array(readFileSync(join(corpus, name, input))))
      return report === null ? [] : [formatReport(report, { format: 'text' })]
    })
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-jobs-'))
  const files = []
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'))
    if (i % 1000 === 0) mkdirSync(sub)
    const file = join(sub, `r${String(i).padStart(6, '0')}.txt`)
    writeFileSync(file, texts[i % texts.length])
    files.push(file)
  }
  const cli = join(repo, 'dist', 'cli.js')
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]
  const time = (args) => {
    const start = performance.now()
    const run = spawnSync('node', [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 })
    const seconds = (performance.now() - start) / 1000
    if (!run.stderr.split('\n').some((line) => line.startsWith(`${count} files (`)))
      throw new Error(`zfxxgk ${args.join(' ')}: ${run.stderr.slice(-2000)}`)
    return seconds
  }
  console.log(
    `node ${process.version}; ${cpus().length} cores (${cpus()[0]?.model}); ${count} text files from ${texts.length} reports of corpus/; median of ${rounds} runs each\n`
  )
  const rows = []
  /** Time `run(1)` and `run(2)` in turn, `rounds` times, and add a row of the medians and their ratio. */
  const compare = async (work, target, run) => {
    const one = []
    const two = []
    for (let round = 0; round < rounds; round++) {
      one.push(await run(1))
      two.push(await run(2))
    }
    rows.push({
      work,
      '--jobs 1 (s)': median(one).toFixed(2),
      '--jobs 2 (s)': median(two).toFixed(2),
      ratio: (median(one) / median(two)).toFixed(2),
      target
    })
  }
  try {
    for (const [name, args] of [
      ['parse --to csv', ['parse', dir, '--to', 'csv']],
      ['check --report json', ['check', dir, '--report', 'json']]
    ])
      await compare(`zfxxgk ${name}`, '≥ 1.7', (jobs) => time([...args, '--jobs', String(jobs)]))
    // The in-memory comparison, on the first 20 000 files at most.
    const bytes = files.slice(0, 20_000).map((file) => new Uint8Array(readFileSync(file)))
    const threaded = async (threads, warm) => {
      const workers = Array.from(
        { length: threads },
        (_, part) => new Worker(new URL(import.meta.url), { workerData: { files: bytes, part, threads, warm } })
      )
      const next = () => Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))))
      await next()
      const start = performance.now()
      for (const worker of workers) worker.postMessage('go')
      await next()
      const seconds = (performance.now() - start) / 1000
      await Promise.all(workers.map((worker) => worker.terminate()))
      return seconds
    }
    for (const warm of [0, 1500])
      await compare(`in memory, parse + CSV + encode, ${warm === 0 ? 'cold' : 'warmed up'} (${bytes.length} files)`, '', (threads) =>
        threaded(threads, warm)
      )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  console.table(rows)
}
