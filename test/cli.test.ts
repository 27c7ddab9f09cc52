import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main, type Io } from '../src/cli/index.js'
import { WORKER_THRESHOLD } from '../src/cli/files.js'
import { cellPaths, parseReport, toCsv, toRows, type Report } from '../src/index.js'

const CORPUS = join(import.meta.dirname, '..', 'corpus')
const BIN = join(import.meta.dirname, '..', 'dist', 'cli.js')

/** A temporary folder holding corpus inputs under the given file names (case → file name). */
function folderOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-cli-'))
  mkdirSync(dir, { recursive: true })
  for (const [name, file] of Object.entries(files)) {
    const input = readdirSync(join(CORPUS, name)).find((entry) => entry.startsWith('input.')) as string
    cpSync(join(CORPUS, name, input), join(dir, file))
  }
  return dir
}

/** The five seed reports, as the folder of .txt files they were published as. */
const SEEDS = folderOf(Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`seed-00${i}`, `seed-00${i}.txt`])))
/** Three real reports: a 2019 HTML page, a 2025 CMS page, and a 2018 report of neither format. */
const REAL = folderOf({
  'real-001-shanghai-2019': '001-shanghai-szfbgt-2019.html',
  'real-009-pingtan-2025': '009-pingtan-2025-trs-editor.html',
  'real-010-pingtan-2018': '010-pingtan-2018-pre2019.txt'
})

async function run(
  argv: string[],
  options: { stdin?: string; tty?: boolean } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: () => new TextEncoder().encode(options.stdin ?? ''),
    tty: options.tty ?? false
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** CSV rows (no field here holds a comma or a quote). */
const csvRows = (csv: string): string[][] =>
  csv
    .trim()
    .split('\r\n')
    .map((line) => line.split(','))

describe('zfxxgk parse', () => {
  it('writes one CSV holding every cell of every seed', async () => {
    const { code, stdout } = await run(['parse', SEEDS, '--to', 'csv'])
    expect(code).toBe(0)
    const [header, ...rows] = csvRows(stdout)
    expect(header).toEqual(['source', 'table', 'path', 'row', 'column', 'value'])
    const seeds = readdirSync(SEEDS).sort()
    expect(rows).toHaveLength(seeds.length * cellPaths('2019').length)
    for (const seed of seeds) {
      const report = parseReport(new Uint8Array(readFileSync(join(SEEDS, seed)))).report
      const mine = rows.filter((row) => row[0] === join(SEEDS, seed))
      expect(mine.map((row) => row[2]).sort()).toEqual([...cellPaths('2019')].sort())
      for (const row of mine) {
        const value = (row[2] as string).split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], report)
        expect(row[5], `${seed} ${row[2]}`).toBe(value === null ? '' : String(value))
      }
    }
  })

  it('writes JSON, NDJSON and Markdown, reads stdin, and writes to a file or one file per report in a directory', async () => {
    const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[0] as string), 'utf8')
    const json = JSON.parse((await run(['parse', '-'], { stdin: seed })).stdout) as {
      file: string
      format: string
      report: { year: number }
    }[]
    expect(json).toMatchObject([{ file: '-', format: 'text', report: { year: 2020 } }])
    const ndjson = (await run(['parse', SEEDS, '--to', 'ndjson'])).stdout.trim().split('\n')
    expect(ndjson).toHaveLength(5)
    expect((await run(['parse', '-', '--to', 'markdown'], { stdin: seed })).stdout).toContain('## 三、收到和处理政府信息公开申请情况')
    const out = mkdtempSync(join(tmpdir(), 'zfxxgk-'))
    expect((await run(['parse', SEEDS, '--to', 'markdown', '--output', `${out}/md/`])).code).toBe(0)
    expect(readdirSync(join(out, 'md'))).toHaveLength(5)
    expect((await run(['parse', SEEDS, '--to', 'csv', '--bom', '-o', join(out, 'all.csv')])).code).toBe(0)
    expect(readFileSync(join(out, 'all.csv'), 'utf8').startsWith('\ufeffsource,')).toBe(true)
  })

  it('reports a file it cannot read and goes on with the batch', async () => {
    const { code, stdout, stderr } = await run(['parse', join(SEEDS, 'no-such-file.txt'), SEEDS, '--to', 'ndjson'])
    expect(code).toBe(1)
    expect(stderr).toContain('no-such-file.txt: no such file or directory')
    expect(stdout.trim().split('\n')).toHaveLength(5)
  })

  it('shows progress on a terminal only', async () => {
    expect((await run(['parse', SEEDS, '--to', 'ndjson'], { tty: true })).stderr).toMatch(/5\/5 files · [\d.]+ files\/s · done/u)
    expect((await run(['parse', SEEDS, '--to', 'ndjson'])).stderr).toBe('')
  })

  it('rejects bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['frobnicate', SEEDS])).code).toBe(2)
    expect((await run(['parse', SEEDS, '--to', 'xml'])).code).toBe(2)
    expect((await run(['parse'])).code).toBe(2)
    expect((await run(['parse', '--nope', SEEDS])).code).toBe(2)
    expect((await run(['--help'])).code).toBe(0)
  })
})

/** The three real PDFs, the two filled Word templates and an HTML page. */
const BINARY = folderOf({
  'real-901-huaian-2024': '901-huaian-2024.pdf',
  'real-902-hongze-2024': '902-hongze-2024.pdf',
  'real-903-hongze-2023': '903-hongze-2023.pdf',
  'docx-2019-filled': '2019.docx',
  'docx-2021-filled': '2021.docx',
  'real-009-pingtan-2025': '009.html'
})

describe('zfxxgk on PDF and Word files', () => {
  it('walks .pdf and .docx, says how many of each it read, and places PDF problems by page', async () => {
    const { code, stderr } = await run(['check', BINARY])
    expect(code).toBe(0)
    const lines = stderr.trim().split('\n')
    expect(lines.at(-1)).toMatch(/^6 files \(3 pdf, 2 docx, 1 html\): 0 errors, \d+ warnings, \d+ infos$/u)
    expect(lines).toContain(`${join(BINARY, '2021.docx')}: no issues`)
    expect(
      lines.some((line) => line.startsWith(`${join(BINARY, '903-hongze-2023.pdf')}#page=4  warning`) && line.endsWith('sum_mismatch'))
    ).toBe(true)
    const parsed = await run(['parse', BINARY, '--to', 'csv'], { tty: true })
    expect(parsed.stderr).toContain('6 files read: 3 pdf, 2 docx, 1 html')
    const rows = csvRows(parsed.stdout).slice(1)
    expect(rows.filter((row) => row[0] === join(BINARY, '901-huaian-2024.pdf'))).toHaveLength(200)
    expect(rows).toContainEqual([
      join(BINARY, '901-huaian-2024.pdf'),
      '三',
      'applications.total.newReceived',
      '一、本年新收政府信息公开申请数量',
      '申请人情况 / 总计',
      '3119'
    ])
  }, 60_000)
})

describe('zfxxgk check', () => {
  const LINE = /^(.+):(\d+):(\d+) {2}(error|warning|info) +(.+) {2}([a-z_]+)$/u

  it('lists the real corpus problems as file:line:col severity message code, and exits 1', async () => {
    const { code, stderr } = await run(['check', REAL])
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    const problems = lines.filter((line) => LINE.test(line))
    expect(problems.length).toBeGreaterThan(100)
    expect(lines).toContain(
      `${join(REAL, '010-pingtan-2018-pre2019.txt')}:1:1  error    No table of the 2019 or 2021 format was found (tables 二, 三 and 四 are all absent).  not_a_report`
    )
    expect(lines).toContain(`${join(REAL, '009-pingtan-2025-trs-editor.html')}: no issues`)
    expect(
      problems.some((line) => line.startsWith(`${join(REAL, '001-shanghai-szfbgt-2019.html')}:`) && line.endsWith('  unit_converted'))
    ).toBe(true)
    expect(lines.at(-1)).toBe('3 files (2 html, 1 text): 1 error, 130 warnings, 136 infos')
  })

  it('exits 0 on the seeds without --frail, 1 with it; --quiet and --silent show less', async () => {
    const plain = await run(['check', SEEDS])
    expect(plain.code).toBe(0)
    expect(plain.stderr).toContain('seed-000.txt: no issues')
    expect(plain.stderr.trim().split('\n').at(-1)).toBe('5 files (4 text, 1 markdown): 0 errors, 200 warnings, 0 infos')
    expect((await run(['check', '--frail', SEEDS])).code).toBe(1)
    const quiet = await run(['check', '-q', SEEDS])
    expect(quiet.stderr).not.toContain('no issues')
    expect(
      (await run(['check', '-s', SEEDS])).stderr
        .trim()
        .split('\n')
        .filter((line) => LINE.test(line))
    ).toEqual([])
  })
})

describe('the built executable', () => {
  it.skipIf(!existsSync(BIN))(
    'parses many files in worker threads to the same CSV, and stops quietly when its reader does',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-many-'))
      for (let i = 0; i < 8; i++) for (const seed of readdirSync(SEEDS)) cpSync(join(SEEDS, seed), join(dir, `${i}-${seed}`))
      const files = readdirSync(dir)
        .sort()
        .map((name) => join(dir, name))
      const viaWorkers = execFileSync('node', [BIN, 'parse', dir, '--to', 'csv'], { encoding: 'utf8', maxBuffer: 1 << 26 })
      const inProcess = toCsv(files.flatMap((file) => toRows(parseReport(new Uint8Array(readFileSync(file))).report as Report, file)))
      expect(files.length).toBeGreaterThanOrEqual(WORKER_THRESHOLD)
      expect(viaWorkers).toBe(inProcess)
      const head = spawnSync('sh', ['-c', `node ${BIN} parse ${dir} --to csv | head -n 1`], { encoding: 'utf8' })
      expect(head.stderr).toBe('')
      expect(head.stdout).toBe('source,table,path,row,column,value\r\n')
    },
    60_000
  )
})
