// Text parsing against the previous release, side by side in one process (issue 11).
//
//   npm run build && node bench/release.js [rev]      (rev: default the tag v0.1.0, else commit 53ccd3a)
//
// What it measures:
// - parseReport(text, { format: 'text' }) of this checkout (dist/, built first) against the same call
//   of the release, and against the split + regex baseline of bench/index.js, on (a) the five seeds
//   corpus/seed-*/input.txt and (b) 200 generated reports (both editions 50/50, every invariant
//   holding, deterministic), written with this checkout's formatReport(report, { format: 'text' }).
//   Before timing, both versions must give deep-equal reports and equal diagnostics (code, path,
//   expected, actual) on every input; a difference is printed loudly (output must not change).
//   Only what later versions add is left out of the comparison, where the earlier version lacks it:
//   the report's `narrative` and `statements` fields, and the diagnostics `text_table_mismatch` and
//   `section_missing` (issue 27; NEW_FIELDS and NEW_CODES below).
// - the import time of dist/index.js: median of 15 fresh Node processes per version, alternating.
// How: the release is taken with `git archive <rev>` into a temporary folder, this repo's
// node_modules is symlinked into it, it is built there with its own tsup config and imported by
// file URL; the folder is removed at the end, also on error or Ctrl-C. The three tasks (current,
// release, baseline) run interleaved on the same ~25 reports per turn, for 10 s per input set, and
// the ratios are medians of the per-turn ratios: a slow moment of a busy machine hits all three. (Five
// tinybench rounds of 1.5 s per task, as in bench/index.js, moved this ratio by ±25 % from run to
// run on 2 loaded cores; interleaving, by ±5 %.) The absolute columns (MB/s, µs: medians over turns)
// follow the machine's load and are for reading, not for comparing runs.
// Exits with 1 when the outputs differ. Takes about a minute. HTML and Markdown: bench/index.js.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { baseline } from './baseline.js'

const repo = join(import.meta.dirname, '..')
const SECONDS = 10
const BLOCKS = 5
const GENERATED = 200
const IMPORT_RUNS = 15
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()

function resolveRelease(wanted) {
  for (const rev of wanted === undefined ? ['v0.1.0', '53ccd3a'] : [wanted]) {
    try {
      return { rev: wanted ?? 'v0.1.0', commit: git('rev-parse', '--verify', `${rev}^{commit}`) }
    } catch {}
  }
  throw new Error(`neither ${wanted ?? 'the tag v0.1.0 nor commit 53ccd3a'} is in this clone (git fetch --tags?)`)
}

if (!existsSync(join(repo, 'dist', 'index.js'))) throw new Error('no dist/index.js: run `npm run build` first')
const release = resolveRelease(process.argv[2])
const tmp = mkdtempSync(join(tmpdir(), 'zfxxgk-release-'))
const cleanup = () => rmSync(tmp, { recursive: true, force: true })
process.on('exit', cleanup)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))

console.log(`building ${release.rev} (${release.commit.slice(0, 7)}) in ${tmp} …`)
execFileSync('sh', ['-c', `git archive ${release.commit} | tar -x -C "$0"`, tmp], { cwd: repo, stdio: 'inherit' })
symlinkSync(join(repo, 'node_modules'), join(tmp, 'node_modules'), 'dir')
execFileSync(join(repo, 'node_modules', '.bin', 'tsup'), [], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] })

const currentUrl = pathToFileURL(join(repo, 'dist', 'index.js')).href
const releaseUrl = pathToFileURL(join(tmp, 'dist', 'index.js')).href
const current = await import(currentUrl)
const previous = await import(releaseUrl)

// ---- inputs ----------------------------------------------------------------------------------
const corpus = join(repo, 'corpus')
const seeds = readdirSync(corpus)
  .filter((name) => name.startsWith('seed-'))
  .sort()
  .map((name) => readFileSync(join(corpus, name, 'input.txt'), 'utf8'))

/** mulberry32: a small seeded generator, so every run parses the same reports. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const next = random(11)
const int = (max) => Math.floor(next() * (max + 1))
/** Counts as reports print them: mostly small, often zero, now and then large. */
const count = (max) => (next() < 0.4 ? 0 : next() < 0.8 ? int(9) : int(max))
const pick = (items) => items[int(items.length - 1)]
const PROSE =
  '的一是在了有和人这中大为上个我以要时来用们生到作地于出就对成会可发同工也能下过子说产种面而方后多定行学所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研'
const prose = () => {
  const lines = []
  for (let n = 1 + int(3); n > 0; n--) {
    let line = ''
    for (let k = 20 + int(100); k > 0; k--) line += next() < 0.9 ? pick(PROSE) : next() < 0.5 ? '，' : `${int(9999)}件`
    lines.push(`${line}。`)
  }
  return lines.join('\n')
}
const ORGANIZATIONS = [
  '某某县人民政府',
  '东河市教育局',
  '南山区卫生健康委员会',
  '临安县市场监督管理局',
  '平湖镇人民政府',
  '西江市自然资源局'
]

/** A valid report: table 三 and 四 totals hold (I-1, I-3, I-4, I-5), every count ≥ 0 and whole. */
function generateReport(edition) {
  const report = current.createEmptyReport(edition)
  const values = new Map()
  const put = (path, value) => (values.set(path, value), value)
  for (const path of current.cellPaths(edition)) if (path.startsWith('activeDisclosure.')) put(path, count(20000))
  const rowPaths = [
    ...new Set(
      current
        .cellPaths(edition)
        .filter((p) => p.startsWith('applications.total.'))
        .map((p) => p.slice(19))
    )
  ]
  const leaves = rowPaths.filter((p) => p.startsWith('results.') && p !== 'results.total')
  const applicants = ['naturalPerson', 'commercial', 'research', 'nonProfit', 'legalService', 'otherOrganization']
  for (const applicant of applicants) {
    let total = 0
    for (const leaf of leaves) total += put(`applications.${applicant}.${leaf}`, count(60))
    const forward = put(`applications.${applicant}.carriedForward`, count(30))
    const carried = put(`applications.${applicant}.carriedOver`, Math.min(count(30), total + forward))
    put(`applications.${applicant}.results.total`, total)
    put(`applications.${applicant}.newReceived`, total + forward - carried)
  }
  for (const row of rowPaths)
    put(
      `applications.total.${row}`,
      applicants.reduce((sum, a) => sum + values.get(`applications.${a}.${row}`), 0)
    )
  for (const group of ['review', 'litigationDirect', 'litigationAfterReview']) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((key) => put(`reviewAndLitigation.${group}.${key}`, count(20)))
    put(
      `reviewAndLitigation.${group}.total`,
      parts.reduce((a, b) => a + b, 0)
    )
  }
  for (const [path, value] of values) {
    const keys = path.split('.')
    keys.slice(0, -1).reduce((node, key) => node[key], report)[keys.at(-1)] = value
  }
  const year = edition === '2019' ? 2019 + int(1) : 2021 + int(3)
  report.organization = pick(ORGANIZATIONS)
  report.year = year
  report.title = `${report.organization}${year}年政府信息公开工作年度报告`
  report.sections = { overview: prose(), problems: prose(), other: next() < 0.5 ? null : prose() }
  return report
}
const generated = Array.from({ length: GENERATED }, (_, i) =>
  current.formatReport(generateReport(i % 2 === 0 ? '2019' : '2021'), { format: 'text' })
)

// ---- same output? ------------------------------------------------------------------------------
const diagnosticKey = (d) => ({ code: d.code, path: d.path, expected: d.expected, actual: d.actual })
/** Report fields added since the earlier version: left out when it has none. */
const NEW_FIELDS = ['narrative', 'statements']
/** Diagnostic codes added since the earlier version: left out of the current's diagnostics when it knows none of them. */
const NEW_CODES = ['text_table_mismatch', 'section_missing']
/** The current result as the earlier version could have given it: the fields and codes it lacks left out. */
function comparable(a, b) {
  if (a.report === null || b.report === null) return a
  const report = { ...a.report }
  for (const field of NEW_FIELDS) if (!(field in b.report)) delete report[field]
  const known = new Set(previous.DIAGNOSTIC_CODES ?? [])
  const diagnostics = a.diagnostics.filter((d) => !NEW_CODES.includes(d.code) || known.has(d.code))
  return { ...a, report, diagnostics }
}
/** The first leaf where two values differ, as `path: current … ≠ release …`. */
function leafDifference(a, b, path) {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!isDeepStrictEqual(a[key], b[key])) return leafDifference(a[key], b[key], `${path}.${key}`)
    }
  }
  const show = (value) => JSON.stringify(value)?.slice(0, 200)
  return `${path}: current ${show(a)} ≠ ${release.rev} ${show(b)}`
}
function firstDifference(input) {
  const b = previous.parseReport(input, { format: 'text' })
  const a = comparable(current.parseReport(input, { format: 'text' }), b)
  if (!isDeepStrictEqual(a.report, b.report)) return leafDifference(a.report, b.report, 'report')
  const da = a.diagnostics.map(diagnosticKey)
  const db = b.diagnostics.map(diagnosticKey)
  const i = da.findIndex((d, k) => !isDeepStrictEqual(d, db[k]))
  if (i >= 0 || da.length !== db.length) {
    const k = i >= 0 ? i : Math.min(da.length, db.length)
    return `diagnostic #${k} of ${da.length} / ${db.length}: current ${JSON.stringify(da[k])} ≠ ${release.rev} ${JSON.stringify(db[k])}`
  }
  if (a.ok !== b.ok || a.format !== b.format) return `ok/format: ${a.ok}/${a.format} ≠ ${b.ok}/${b.format}`
  return null
}
const sets = [
  { name: `${seeds.length} seeds (corpus/seed-*)`, inputs: seeds },
  { name: `${GENERATED} generated reports (2019/2021 50/50, valid)`, inputs: generated }
]
for (const set of sets) {
  set.bytes = set.inputs.reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const differing = set.inputs.map((input, i) => [i, firstDifference(input)]).filter(([, d]) => d !== null)
  set.same = differing.length === 0
  if (!set.same) {
    process.exitCode = 1
    console.log(`\n!!!!! OUTPUT DIFFERS from ${release.rev} on ${differing.length} of ${set.inputs.length} inputs of ${set.name}`)
    console.log(`!!!!! first: input #${differing[0][0]}: ${differing[0][1]}\n`)
  }
  if (set.inputs === generated) {
    const notes = generated.flatMap((input) => current.parseReport(input, { format: 'text' }).diagnostics.map((d) => d.code))
    if (notes.length > 0)
      console.log(`note: the generated reports give ${notes.length} diagnostics in all (${[...new Set(notes)].join(', ')})`)
  }
}

// ---- timing ------------------------------------------------------------------------------------
let sink = 0
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * Run each task in turn (order rotated) on the same slice of about 25 reports (the seeds five times;
 * the generated reports 25 at a time, slice after slice), again and again for SECONDS: the three
 * runs of a turn share whatever the machine is doing then, so the ratio of their times, median over
 * turns, holds still on a busy machine. Returns the seconds per report of each task, turn by turn.
 */
function measure(inputs) {
  const slices = []
  if (inputs.length < 25) slices.push(Array.from({ length: Math.round(25 / inputs.length) }, () => inputs).flat())
  else for (let i = 0; i < inputs.length; i += 25) slices.push(inputs.slice(i, i + 25))
  const tasks = [
    (input) => current.parseReport(input, { format: 'text' }).diagnostics.length,
    (input) => previous.parseReport(input, { format: 'text' }).diagnostics.length,
    baseline
  ]
  const seconds = tasks.map(() => [])
  const warm = performance.now() + 500
  for (let turn = 0, end = warm + SECONDS * 1000; performance.now() < end; turn++) {
    const slice = slices[turn % slices.length]
    for (let k = 0; k < tasks.length; k++) {
      const i = (k + turn) % tasks.length
      const start = performance.now()
      for (const input of slice) sink += tasks[i](input)
      if (start > warm) seconds[i].push((performance.now() - start) / 1000 / slice.length)
    }
  }
  return seconds
}

const fixed = (x, digits = 2) => x.toFixed(digits)
/** The median of each fifth of the turns, lowest–highest: how much the ratio moved during the run. */
function spread(ratios) {
  const size = Math.ceil(ratios.length / BLOCKS)
  const blocks = Array.from({ length: BLOCKS }, (_, b) => median(ratios.slice(b * size, (b + 1) * size))).filter((m) => m !== undefined)
  return `${fixed(Math.min(...blocks))}–${fixed(Math.max(...blocks))}`
}
console.log(
  `\nnode ${process.version}, ${release.rev} = ${release.commit.slice(0, 7)}, current = dist/ of this checkout (HEAD ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'src').length > 0 ? ', src/ modified' : ''}); ${SECONDS} s of interleaved turns per input set, medians`
)
for (const set of sets) {
  const [now, then, base] = measure(set.inputs)
  const n = set.inputs.length
  const row = (task, runs) => {
    const s = median(runs)
    return {
      task,
      'MB/s': fixed(set.bytes / n / 1e6 / s, 1),
      'reports/s': Math.round(1 / s),
      'µs per report': fixed(s * 1e6, 1),
      '× baseline time': fixed(median(runs.map((t, i) => t / base[i])))
    }
  }
  const speedups = then.map((t, i) => t / now[i])
  console.log(
    `\n${set.name}: ${(set.bytes / 1024).toFixed(1)} KiB${set.same ? `, output identical to ${release.rev}` : ', OUTPUT DIFFERS (see above)'}`
  )
  console.table([
    row("current parseReport(text, { format: 'text' })", now),
    row(`${release.rev} parseReport(text, { format: 'text' })`, then),
    row("baseline split('\\n') + regex", base)
  ])
  console.log(
    `throughput current / ${release.rev}: ${fixed(median(speedups))}× (fifths of the run ${spread(speedups)}; ${now.length} turns; target ≥ 3: ${median(speedups) >= 3 ? 'met' : 'NOT met'})`
  )
}

// ---- import time -------------------------------------------------------------------------------
function importMs(url) {
  const code = `const t = performance.now(); await import(${JSON.stringify(url)}); console.log(performance.now() - t)`
  const start = performance.now()
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })
  if (out.status !== 0) throw new Error(out.stderr)
  return [Number(out.stdout), performance.now() - start]
}
const imports = { current: [], release: [] }
for (let i = 0; i < IMPORT_RUNS; i++) {
  imports.current.push(importMs(currentUrl))
  imports.release.push(importMs(releaseUrl))
}
const inProcess = (runs) => median(runs.map(([ms]) => ms))
const whole = (runs) => median(runs.map(([, ms]) => ms))
console.log(`\nimport of dist/index.js, median of ${IMPORT_RUNS} fresh processes each (alternating): in process / whole process`)
console.log(`  current:      ${fixed(inProcess(imports.current), 1)} ms / ${fixed(whole(imports.current), 0)} ms`)
console.log(`  ${release.rev.padEnd(12)}  ${fixed(inProcess(imports.release), 1)} ms / ${fixed(whole(imports.release), 0)} ms`)
console.log(`  ratio ${release.rev} / current (in process): ${fixed(inProcess(imports.release) / inProcess(imports.current))}×`)
console.log('\nHTML (≤ 1.2× htmlparser2 load) and Markdown (≤ 1.15× remark parse) ratios: `npm run bench` (bench/index.js).')
if (sink === 0) console.log('')
