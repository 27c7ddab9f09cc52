// Resource bombs (issue 24): time and peak memory of each input of bench/bomb-inputs.js, each parsed
// once by parseReportAsync in a fresh Node process (so that its peak memory is its own).
//
//   npm run build && node bench/bombs.js [name filter]
//
// Printed: the wall time of the parse alone (the input is made before the clock starts), the
// process's peak resident memory (its whole life: Node, the input, pdfjs and its thread), the
// diagnostics, and whether the process saw an unhandled rejection or an uncaught exception. A
// process killed or over 120 s is reported as such. Target: each bomb in ≤ 2 s and ≤ 500 MB.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BOMBS } from './bomb-inputs.js'

const repo = join(import.meta.dirname, '..')

if (process.argv[2] === '--child') {
  const name = process.argv[3]
  const escaped = []
  process.on('unhandledRejection', (reason) => escaped.push(`unhandledRejection: ${String(reason)}`))
  process.on('uncaughtException', (error) => escaped.push(`uncaughtException: ${String(error)}`))
  const input = BOMBS[name].make()
  const { parseReportAsync } = await import(pathToFileURL(join(repo, 'dist', 'index.js')).href)
  const start = performance.now()
  const result = await parseReportAsync(input)
  const ms = performance.now() - start
  // What pdfjs might still do after the promise settled shows in the peak memory a moment later.
  await new Promise((resolve) => setTimeout(resolve, 500))
  const rss = process.resourceUsage().maxRSS / 1024
  const codes = [...new Set(result.diagnostics.map((d) => d.code))].join(', ')
  const limit = result.diagnostics.find((d) => d.code === 'resource_limit' || d.code === 'not_a_report')?.message ?? ''
  console.log(JSON.stringify({ ms, rss, codes, limit, escaped, size: input.length }))
  process.exit(0)
}

const filter = process.argv[2]
console.log(`node ${process.version}; one fresh process per bomb; parse time / peak RSS / diagnostics\n`)
console.log('| bomb | size | time | peak RSS | diagnostics | escaped |')
console.log('|---|---|---|---|---|---|')
let failed = false
const details = []
for (const name of Object.keys(BOMBS)) {
  if (filter !== undefined && !name.includes(filter)) continue
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8', timeout: 120_000 })
  if (run.status !== 0) {
    failed = true
    const why = run.error?.code === 'ETIMEDOUT' ? 'over 120 s' : `killed (${run.signal ?? run.status})`
    console.log(`| ${name} | | **${why}** | | | ${run.stderr.trim().split('\n').slice(-3).join(' ').slice(0, 200)} |`)
    continue
  }
  const { ms, rss, codes, limit, escaped, size } = JSON.parse(run.stdout.trim().split('\n').at(-1))
  if (ms > 2000 || rss > 500 || escaped.length > 0) failed = true
  const kb = size < 1024 * 1024 ? `${Math.round(size / 1024)} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`
  console.log(
    `| ${name} | ${kb} | ${(ms / 1000).toFixed(2)} s | ${Math.round(rss)} MB | ${codes} | ${escaped.length === 0 ? 'none' : escaped.length} |`
  )
  details.push(`${name}: ${limit}`)
}
console.log(`\n${details.join('\n')}`)
console.log(failed ? '\nSOME TARGET NOT MET (≤ 2 s, ≤ 500 MB, nothing escaped, no kill)' : '\nall targets met')
process.exitCode = failed ? 1 : 0
