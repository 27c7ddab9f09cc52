// `zfxxgk dataset` at scale (issue 25): generated reports of many bodies over five years, turned
// into the CSV panel, against `zfxxgk parse --to ndjson` of the same files, in one run. Targets:
// the dataset's peak RSS under 1 GB, and its time at most 1.3 times parse's.
//
//   npm run build && node bench/dataset.js [reports] [rounds]
//
// reports (default 10 000; the target is measured at 100 000) are written to a temporary folder as
// text, five a body (2021 to 2025, the 2021 format), 1 000 a folder, with a short overview. Their
// numbers are random (a fixed seed) but follow the format's rules and each other across years:
// each applicant column's 上年结转 is the year before's 结转下年度继续办理, except for about one column
// in a hundred (a carry_over_mismatch to find); each 现行有效件数 follows from the year before's.
// Each command runs `rounds` times (default 1), the two in turn, stdout to /dev/null, under
// `/usr/bin/time -v` (wall time, and peak RSS of the process and its worker threads); without it,
// the peak is sampled from /proc/<pid>/status (VmHWM). Medians.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const repo = join(import.meta.dirname, '..')
const { createEmptyReport, formatReport } = await import(pathToFileURL(join(repo, 'dist', 'index.js')).href)
const cli = join(repo, 'dist', 'cli.js')
const count = Number(process.argv[2] ?? 10_000)
const rounds = Number(process.argv[3] ?? 1)
const YEARS = [2021, 2022, 2023, 2024, 2025]
const bodies = Math.ceil(count / YEARS.length)

/** A small fixed-seed generator (mulberry32): the same files every run. */
let state = 20261125
function random() {
  state = (state + 0x6d2b79f5) | 0
  let t = Math.imul(state ^ (state >>> 15), 1 | state)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const int = (low, high) => low + Math.floor(random() * (high - low + 1))

/** A body's name in Chinese numerals (no Arabic digit near the title's year). */
const NUMERALS = '〇一二三四五六七八九'
const nameOf = (b) =>
  `${[...String(b)].map((digit) => NUMERALS[Number(digit)]).join('')}县${['人民政府', '财政局', '教育局', '卫生健康委员会'][b % 4]}`

function set(report, path, value) {
  const keys = path.split('.')
  let node = report
  for (const key of keys.slice(0, -1)) node = node[key]
  node[keys.at(-1)] = value
}

const APPLICANTS = ['naturalPerson', 'commercial', 'research', 'nonProfit', 'legalService', 'otherOrganization']
/** Table 三's leaf rows of the 2021 format, under `results`. */
const LEAVES = [
  'granted',
  'partiallyGranted',
  ...[
    'stateSecret',
    'prohibitedByLaw',
    'endangersSafety',
    'thirdPartyRights',
    'internalAffairs',
    'processInformation',
    'enforcementFiles',
    'administrativeQuery'
  ].map((k) => `denied.${k}`),
  ...['notHeld', 'needsCreation', 'unclearAfterCorrection'].map((k) => `unavailable.${k}`),
  ...['complaint', 'duplicate', 'publication', 'excessive', 'confirmation'].map((k) => `notProcessed.${k}`),
  ...['overdueCorrection', 'overdueFee', 'other'].map((k) => `other.${k}`)
]

/** One body's five reports, as text. */
function bodyReports(b) {
  const name = nameOf(b)
  const carried = Object.fromEntries(APPLICANTS.map((applicant) => [applicant, int(0, 2)]))
  const stock = { regulations: int(0, 30), normativeDocuments: int(0, 200) }
  return YEARS.map((year) => {
    const report = createEmptyReport('2021')
    report.title = `${name}${year}年政府信息公开工作年度报告`
    report.organization = name
    report.year = year
    report.sections.overview =
      `${year}年，${name}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息${int(50, 3000)}条，依申请公开工作规范有序。`.repeat(
        3
      )
    for (const key of ['regulations', 'normativeDocuments']) {
      const issued = int(0, 5)
      const repealed = int(0, 2)
      stock[key] = Math.max(0, stock[key] + issued - repealed)
      set(report, `activeDisclosure.${key}.issued`, issued)
      set(report, `activeDisclosure.${key}.repealed`, repealed)
      set(report, `activeDisclosure.${key}.inForce`, stock[key])
    }
    for (const key of ['licensing', 'punishment', 'coercion']) set(report, `activeDisclosure.${key}.decisions`, int(0, 5000))
    set(report, 'activeDisclosure.fees.amount', int(0, 9_999_999) / 10_000)
    const total = { newReceived: 0, carriedOver: 0, carriedForward: 0, total: 0, ...Object.fromEntries(LEAVES.map((leaf) => [leaf, 0])) }
    for (const applicant of APPLICANTS) {
      const at = (path) => `applications.${applicant}.${path}`
      // About one column in a hundred does not carry over what the year before carried forward.
      const carriedOver = carried[applicant] + (year > YEARS[0] && random() < 0.01 ? 1 : 0)
      const newReceived = applicant === 'naturalPerson' ? int(0, 300) : int(0, 12)
      const forward = int(0, Math.min(3, newReceived + carriedOver))
      let left = newReceived + carriedOver - forward
      const handled = left
      for (const [i, leaf] of LEAVES.entries()) {
        const value = i === LEAVES.length - 1 ? left : int(0, Math.min(left, i < 2 ? left : Math.ceil(left / 6)))
        left -= value
        set(report, at(`results.${leaf}`), value)
        total[leaf] += value
      }
      set(report, at('newReceived'), newReceived)
      set(report, at('carriedOver'), carriedOver)
      set(report, at('results.total'), handled)
      set(report, at('carriedForward'), forward)
      carried[applicant] = forward
      total.newReceived += newReceived
      total.carriedOver += carriedOver
      total.carriedForward += forward
      total.total += handled
    }
    set(report, 'applications.total.newReceived', total.newReceived)
    set(report, 'applications.total.carriedOver', total.carriedOver)
    set(report, 'applications.total.carriedForward', total.carriedForward)
    set(report, 'applications.total.results.total', total.total)
    for (const leaf of LEAVES) set(report, `applications.total.results.${leaf}`, total[leaf])
    for (const group of ['review', 'litigationDirect', 'litigationAfterReview']) {
      const outcomes = { upheld: int(0, 6), corrected: int(0, 2), other: int(0, 2), pending: int(0, 2) }
      for (const [key, value] of Object.entries(outcomes)) set(report, `reviewAndLitigation.${group}.${key}`, value)
      set(
        report,
        `reviewAndLitigation.${group}.total`,
        Object.values(outcomes).reduce((a, c) => a + c, 0)
      )
    }
    return { year, text: formatReport(report, { format: 'text' }) }
  })
}

/** Run the command under /usr/bin/time -v (or sampling VmHWM): wall seconds, peak RSS in MB, stderr. */
function measure(args) {
  const timed = existsSync('/usr/bin/time')
  const [command, argv] = timed ? ['/usr/bin/time', ['-v', process.execPath, cli, ...args]] : [process.execPath, [cli, ...args]]
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    let peak = 0
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text) => (stderr = (stderr + text).slice(-1 << 20)))
    const sample = timed
      ? undefined
      : setInterval(() => {
          try {
            const kb = Number(/VmHWM:\s+(\d+)/u.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)
            peak = Math.max(peak, kb)
          } catch {
            // Gone.
          }
        }, 100)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(sample)
      const seconds = (performance.now() - start) / 1000
      if (timed) peak = Number(/Maximum resident set size \(kbytes\): (\d+)/u.exec(stderr)?.[1] ?? 0)
      const summary = stderr.split('\n').find((line) => line.startsWith(`${count} files (`))
      if (code !== 0 || summary === undefined) reject(new Error(`zfxxgk ${args.join(' ')} (exit ${code}): ${stderr.slice(-3000)}`))
      else resolve({ seconds, mb: peak / 1024, summary })
    })
  })
}

const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-dataset-bench-'))
try {
  let written = 0
  const started = performance.now()
  for (let b = 0; b < bodies && written < count; b++) {
    for (const { year, text } of bodyReports(b)) {
      if (written >= count) break
      const sub = join(dir, String(Math.floor(written / 1000)).padStart(3, '0'))
      if (written % 1000 === 0) mkdirSync(sub)
      writeFileSync(join(sub, `b${b}-${year}.txt`), text)
      written++
    }
  }
  console.log(
    `node ${process.version}; ${cpus().length} cores (${cpus()[0]?.model}); ${written} text reports of ${bodies} bodies × ${YEARS.length} years written in ${((performance.now() - started) / 1000).toFixed(0)} s; ${rounds} round(s), medians; ${existsSync('/usr/bin/time') ? '/usr/bin/time -v' : 'VmHWM sampled'}\n`
  )
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1]
  const runs = { parse: [], dataset: [] }
  for (let round = 0; round < rounds; round++) {
    runs.parse.push(await measure(['parse', dir, '--to', 'ndjson']))
    runs.dataset.push(await measure(['dataset', dir, '--to', 'csv']))
  }
  const row = (name, list, target) => ({
    command: name,
    'wall (s)': median(list.map((run) => run.seconds)).toFixed(1),
    'peak RSS (MB)': median(list.map((run) => run.mb)).toFixed(0),
    target
  })
  const parse = median(runs.parse.map((run) => run.seconds))
  const dataset = median(runs.dataset.map((run) => run.seconds))
  console.table([
    row('zfxxgk parse --to ndjson', runs.parse, ''),
    row('zfxxgk dataset --to csv', runs.dataset, 'RSS < 1024 MB, time ≤ 1.3 × parse')
  ])
  console.log(`dataset / parse: ${(dataset / parse).toFixed(2)} (target ≤ 1.3)`)
  console.log(`parse:   ${runs.parse.at(-1).summary}\ndataset: ${runs.dataset.at(-1).summary}`)
} finally {
  if (process.env.BENCH_KEEP === '1') console.log(`kept: ${dir}`)
  else rmSync(dir, { recursive: true, force: true })
}
