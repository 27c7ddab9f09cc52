// Time and memory on hostile shapes (issue 12): none of these inputs is a report; each must parse in
// bounded time and memory, and never crash.
//
//   npm run build && node bench/adversarial.js [sizes…]      (default sizes: 100k 1m 10m)
//
// Each shape at each size is parsed once in a fresh Node process (so that its peak memory is its
// own), with the format it would be detected as or forced into. Printed: the wall time of
// parseReport alone, the process's peak resident memory, and the first diagnostic. A run that
// crashes or takes over 120 s is reported as such. Targets: ≤ 1 MB in ≤ 1 s and ≤ 500 MB; 10 MB
// never crashes, and its time is about ten times that of 1 MB (linear).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = join(import.meta.dirname, '..')
const SIZES = { '100k': 100 * 1024, '1m': 1024 * 1024, '10m': 10 * 1024 * 1024 }

/** Each shape: what to repeat up to the size, and the format to force (undefined: detected). */
const SHAPES = {
  'one huge line (text)': { unit: '规章 1 2 3 行政许可 4 5 6 ' },
  '100k short lines (text)': { unit: 'a\n' },
  'HTML nested 10k deep': { unit: '<div>', format: 'html' },
  'HTML nested inline tags': { unit: '<b><i><span>x', format: 'html' },
  'Markdown emphasis storm': { unit: '**a', format: 'markdown' },
  'Markdown link storm': { unit: '[a](', format: 'markdown' },
  'Markdown setext storm': { unit: 'a\n=\n', format: 'markdown' },
  'Markdown comment storm': { unit: '<!--', format: 'markdown' },
  'tab rows in Markdown paragraphs': { unit: '规章\t1\t2\t3\n行政许可\t4\t5\t6\n\n', format: 'markdown' },
  'GFM reports, repeated': { file: 'corpus/md-2021-gfm/input.md', format: 'markdown' }
}

if (process.argv[2] === '--child') {
  const [, , , name, size] = process.argv
  const shape = SHAPES[name]
  const unit = shape.file === undefined ? shape.unit : `${readFileSync(join(repo, shape.file), 'utf8')}\n\n`
  const bytes = Number(size)
  const text = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes)
  const { parseReport } = await import(pathToFileURL(join(repo, 'dist', 'index.js')).href)
  const start = performance.now()
  const result = parseReport(text, shape.format === undefined ? undefined : { format: shape.format })
  const ms = performance.now() - start
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ ms, rss, code: result.diagnostics[0]?.code ?? '-' }))
  process.exit(0)
}

const sizes = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(SIZES)
console.log(`node ${process.version}; one fresh process per cell; parseReport time / peak RSS / first diagnostic\n`)
console.log(`| shape | ${sizes.join(' | ')} |`)
console.log(`|---|${sizes.map(() => '---').join('|')}|`)
let failed = false
for (const name of Object.keys(SHAPES)) {
  const cells = []
  for (const size of sizes) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, String(SIZES[size])], {
      encoding: 'utf8',
      timeout: 120_000
    })
    if (run.status !== 0) {
      failed = true
      cells.push(run.error?.code === 'ETIMEDOUT' || run.signal === 'SIGTERM' ? '**over 120 s**' : `**crash** (${run.signal ?? run.status})`)
      continue
    }
    const { ms, rss, code } = JSON.parse(run.stdout.trim().split('\n').at(-1))
    if (SIZES[size] <= SIZES['1m'] && (ms > 1000 || rss > 500)) failed = true
    cells.push(`${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms / ${Math.round(rss)} MB / ${code}`)
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`)
}
console.log(failed ? '\nSOME TARGET NOT MET (≤ 1 MB: ≤ 1 s and ≤ 500 MB; no crash, no timeout)' : '\nall targets met')
process.exitCode = failed ? 1 : 0
