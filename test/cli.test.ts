import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main, type Io } from '../src/cli/index.js'
import { WORKER_THRESHOLD } from '../src/cli/pool.js'
import { readCsv } from './helpers.js'
import { pathToFileURL } from 'node:url'
import { cellPaths, getCell, getCellAt, parseReport, type Adapter, type Report } from '../src/index.js'

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
    stdout: (text, written) => {
      stdout += typeof text === 'string' ? text : new TextDecoder().decode(text)
      written?.()
    },
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
  it('writes one CSV holding every cell of every seed, with the report’s organisation, year, edition, and each cell’s status and codes', async () => {
    const { code, stdout } = await run(['parse', SEEDS, '--to', 'csv'])
    expect(code).toBe(0)
    const [header, ...rows] = csvRows(stdout)
    expect(header).toEqual(['source', 'organization', 'year', 'edition', 'table', 'path', 'row', 'column', 'value', 'status', 'codes'])
    const seeds = readdirSync(SEEDS).sort()
    expect(rows).toHaveLength(seeds.length * cellPaths('2019').length)
    for (const seed of seeds) {
      const { report, diagnostics } = parseReport(new Uint8Array(readFileSync(join(SEEDS, seed))))
      const mine = rows.filter((row) => row[0] === join(SEEDS, seed))
      expect(mine.map((row) => row[5]).sort()).toEqual([...cellPaths('2019')].sort())
      for (const row of mine) {
        const path = row[5] as string
        expect(row.slice(1, 4)).toEqual([report?.organization ?? '', String(report?.year ?? ''), report?.edition])
        const value = getCellAt(report as Report, path)
        expect(row[8], `${seed} ${path}`).toBe(value === null ? '' : String(value))
        const codes = diagnostics.filter((d) => d.path === path).map((d) => d.code)
        expect(row[9], `${seed} ${path}`).toBe(
          codes.includes('value_inferred') ? 'inferred' : codes.includes('blank_cell') ? 'blank' : 'printed'
        )
        for (const code of codes) expect(row[10]).toContain(code)
      }
    }
    // Seed 004: 147 of its cells were filled by the invariants, and say so.
    expect(rows.filter((row) => row[0] === join(SEEDS, 'seed-004.txt') && row[9] === 'inferred')).toHaveLength(147)
  })

  it('writes one row per report with --shape wide: a fixed column per cell of both editions', async () => {
    const { code, stdout } = await run(['parse', SEEDS, '--to', 'csv', '--shape', 'wide'])
    expect(code).toBe(0)
    const [header, ...rows] = csvRows(stdout)
    const paths = [...new Set([...cellPaths('2021'), ...cellPaths('2019')])]
    expect(header?.slice(0, 8)).toEqual(['source', 'status', 'format', 'organization', 'year', 'edition', 'errors', 'warnings'])
    expect([...(header?.slice(8) ?? [])].sort()).toEqual(paths.sort())
    expect(rows).toHaveLength(5)
    for (const row of rows) {
      const report = parseReport(new Uint8Array(readFileSync(row[0] as string))).report as Report
      header?.slice(8).forEach((path, i) => {
        const value = getCellAt(report, path)
        expect(row[8 + i], `${row[0]} ${path}`).toBe(value === null || value === undefined ? '' : String(value))
      })
    }
    const labels = csvRows((await run(['parse', SEEDS, '--to', 'csv', '--shape', 'wide', '--header', 'label'])).stdout)[0]
    expect(labels).toContain('表三 三、本年度办理结果 / （一）予以公开 | 申请人情况 / 自然人')
  })

  it('writes JSON, NDJSON and Markdown, reads stdin, and writes to a file or one file per report in a directory', async () => {
    const seed = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[0] as string), 'utf8')
    const json = JSON.parse((await run(['parse', '-'], { stdin: seed })).stdout) as {
      file: string
      format: string
      report: { year: number }
    }[]
    expect(json).toMatchObject([{ file: '-', format: 'text', report: { year: 2020 } }])
    // Standard input stands where it is named, between files.
    const order = (await run(['parse', join(SEEDS, 'seed-001.txt'), '-', join(SEEDS, 'seed-002.txt'), '--to', 'ndjson'], { stdin: seed }))
      .stdout
    expect(
      order
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { file: string }).file)
    ).toEqual([join(SEEDS, 'seed-001.txt'), '-', join(SEEDS, 'seed-002.txt')])
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
    expect(stderr).toContain('no-such-file.txt: could not be read: no such file')
    expect(stdout.trim().split('\n')).toHaveLength(5)
  })

  it('shows progress on a terminal only, and always ends with a summary line', async () => {
    expect((await run(['parse', SEEDS, '--to', 'ndjson'], { tty: true })).stderr).toMatch(/5\/5 files · [\d.]+ files\/s · done/u)
    expect((await run(['parse', SEEDS, '--to', 'ndjson'])).stderr).toBe(
      '5 files (4 text, 1 markdown): 5 reports, 0 failed, 3 with warnings\n'
    )
  })

  it('rejects bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['frobnicate', SEEDS])).code).toBe(2)
    expect((await run(['parse', SEEDS, '--to', 'xml'])).code).toBe(2)
    expect((await run(['parse'])).code).toBe(2)
    expect((await run(['parse', '--nope', SEEDS])).code).toBe(2)
    expect((await run(['--help'])).code).toBe(0)
    // Usage errors fail before any file is read.
    for (const argv of [
      ['parse', SEEDS, '--format', 'bogus'],
      ['parse', SEEDS, '-o', join(tmpdir(), 'no-such-folder-zfxxgk', 'out.csv')],
      ['check', SEEDS, '--to', 'csv'],
      ['parse', SEEDS, '--frail'],
      ['parse', SEEDS, '--shape', 'wide'],
      ['parse', SEEDS, '--jobs', '0']
    ]) {
      const result = await run(argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stdout, argv.join(' ')).toBe('')
    }
    const none = await run([])
    expect(none.stdout).toBe('')
    expect(none.stderr).toBe("zfxxgk: name a command: parse, check, view, dataset or codebook\nRun 'zfxxgk --help' for more.\n")
    expect((await run(['--help'])).stdout).toContain('Usage: zfxxgk')
    expect((await run(['parse', '--help'])).stdout).toContain('--shape long|wide')
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

describe('a file holding two reports', () => {
  const file = join(CORPUS, 'text-two-reports', 'input.txt')
  const first = JSON.parse(readFileSync(join(CORPUS, 'seed-003', 'expected.json'), 'utf8')) as { report: Report }
  const second = JSON.parse(readFileSync(join(CORPUS, 'text-2021-full', 'expected.json'), 'utf8')) as { report: Report }

  it('writes both in the CSV, each with its own source and every cell, and exits 0', async () => {
    const { code, stdout, stderr } = await run(['parse', file, '--to', 'csv'])
    expect(code).toBe(0)
    expect(stderr).toBe('1 file (1 text): 2 reports, 0 failed, 0 with warnings\n')
    const rows = csvRows(stdout).slice(1)
    for (const [n, { report }] of [first, second].entries()) {
      const mine = rows.filter((row) => row[0] === `${file}#report=${n + 1}`)
      expect(mine).toHaveLength(cellPaths(report.edition).length)
      expect(mine[0]?.slice(1, 4)).toEqual([report.organization, String(report.year), report.edition])
      for (const row of mine) {
        const value = getCellAt(report, row[5] as string)
        expect(row[8], `${n} ${row[5]}`).toBe(value === null ? '' : String(value))
      }
    }
    expect(rows).toHaveLength(cellPaths('2019').length + cellPaths('2021').length)
  })

  it('writes both in JSON, each with its place in the file and where it starts', async () => {
    const { code, stdout } = await run(['parse', file, '--to', 'json'])
    expect(code).toBe(0)
    const entries = JSON.parse(stdout) as { file: string; part: number; parts: number; start: { line: number }; report: Report }[]
    expect(entries.map(({ file: name, part, parts, start }) => [name, part, parts, start.line])).toEqual([
      [file, 1, 2, 1],
      [file, 2, 2, 403]
    ])
    expect(entries.map((entry) => entry.report.organization)).toEqual([first.report.organization, second.report.organization])
  })

  it('checks both, and views both on one page', async () => {
    const { code, stderr } = await run(['check', file])
    expect(code).toBe(0)
    expect(stderr).toContain(`${file}#report=1`)
    expect(stderr).toContain(`${file}#report=2`)
    expect(stderr).not.toContain('several_reports')
    const page = join(mkdtempSync(join(tmpdir(), 'zfxxgk-two-')), 'two.html')
    expect((await run(['view', file, '-o', page])).code).toBe(0)
    const html = readFileSync(page, 'utf8')
    expect(html.match(/data-status="/gu)).toHaveLength(cellPaths('2019').length + cellPaths('2021').length)
    expect(html).toContain(String(second.report.organization))
  })
})

describe('CSV for spreadsheets: no text field is a formula', () => {
  const source = readFileSync(join(CORPUS, 'md-2019-headings', 'input.md'), 'utf8')
  /** Titles, file names and organisations as an attacker writes them: each would run in Excel or WPS if opened as it is. */
  const titles = ['=HYPERLINK("//example.invalid/?x")', '+SUM(1;1)', '-2+3', '@SUM(A1)', '\t=1+1', '＝1+1']
  const names = ['=1+1.md', '+cmd.md', '-2+3.md', '@SUM(A1).md', '\t=1.md', 'plain.md']
  const folder = mkdtempSync(join(tmpdir(), 'zfxxgk-formula-'))
  names.forEach((name, i) =>
    writeFileSync(join(folder, name), source.replace('临江市自然资源局\n2020年', `${titles[i] ?? ''}临江市自然资源局\n2020年`))
  )
  // Titles such as these name no body (organization_unknown); an organisation given by the caller reaches the CSV as given.
  writeFileSync(join(folder, 'ids.csv'), 'file,organization,year\nplain.md,"=HYPERLINK(""//example.invalid/?x"")临江市自然资源局",2020\n')

  const formula = /^[=+\-@\t\r＝＋－＠]/u
  const numeric = new Set(['year', 'value', 'errors', 'warnings'])

  for (const shape of ['long', 'wide']) {
    it(`${shape}: text fields that start as a formula are behind a quote, numbers stay numbers (a negative 本年增/减 too)`, async () => {
      // The files named as a user in their folder names them: the source field is the name itself.
      const { status, stdout } = spawnSync(
        process.execPath,
        [BIN, 'parse', '--to', 'csv', '--shape', shape, '--identity', 'ids.csv', '--', ...names],
        {
          cwd: folder,
          encoding: 'utf8'
        }
      )
      expect(status).toBe(0)
      const [header, ...rows] = readCsv(stdout)
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) {
        row.forEach((field, i) => {
          const column = (header as string[])[i] as string
          const isNumber = numeric.has(column) || (shape === 'wide' && column.includes('.'))
          if (isNumber) expect(field, column).toMatch(/^(?:-?\d+(?:\.\d+)?)?$/u)
          else expect(field, `${column}: ${field}`).not.toMatch(formula)
        })
      }
      const organizations = new Set(rows.map((row) => row[(header as string[]).indexOf('organization')]))
      expect(organizations).toContain(`'=HYPERLINK("//example.invalid/?x")临江市自然资源局`)
      expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(names.map((name) => (formula.test(name) ? `'${name}` : name))))
      if (shape === 'long') {
        const change = rows.filter((row) => row[5] === 'activeDisclosure.licensing.change').map((row) => Number(row[8]))
        expect(change.every((value) => value < 0)).toBe(true)
      }
    })
  }
})

describe('check on a terminal: control characters from files are shown, not obeyed', () => {
  it('writes ESC, OSC and bidi overrides in file names and report text as visible escapes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zfxxgk-escape-'))
    const seed = readFileSync(join(CORPUS, 'seed-004', 'input.txt'), 'utf8')
    // A name that clears the screen, a title that sets the window title and writes a hyperlink (OSC 8).
    const name = 'a\u001b[2Jb\u202e.txt'
    writeFileSync(join(folder, name), seed.replace('行政许可\t4\t', '行政许可\t4\u001b]0;pwned\u0007\u001b]8;;http://x\u0007\t'))
    writeFileSync(join(folder, 'c\u001b[31m.bin'), new Uint8Array([0, 1, 2, 0x1b, 0x5b, 0x32, 0x4a]))
    const { stderr } = await run(['check', folder, '--ext', '.bin'])
    expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u)
    expect(stderr).toContain('a\\x1B[2Jb\\u202E.txt')
    expect(stderr).toContain('c\\x1B[31m.bin')
    expect(stderr).toContain('“4\\x1B]0;pwned\\x07\\x1B]8;;http://x\\x07”')
  })
})

describe('an honest batch', () => {
  it('lists every file it could not read or found no report in, with its reason, sums up, exits 1, and writes the CSV of the rest whole', async () => {
    const dir = folderOf({ 'seed-000': 'a.txt', 'seed-001': 'b.txt', 'real-010-pingtan-2018': 'pre2019.txt' })
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'binary.html'), new Uint8Array([0, 1, 2, 255, 254, 0, 7]))
    writeFileSync(join(dir, 'large.md'), 'a\n'.repeat(150_000))
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'))
    const linked = mkdtempSync(join(tmpdir(), 'zfxxgk-linked-'))
    cpSync(join(SEEDS, 'seed-002.txt'), join(linked, 'c.txt'))
    symlinkSync(linked, join(dir, 'linked'))
    symlinkSync(dir, join(linked, 'loop')) // a loop: walked once
    const { code, stdout, stderr } = await run(['parse', dir, '--to', 'csv', '--max-size', '200000'])
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    expect(lines).toContain(`${join(dir, 'broken.txt')}: could not be read: no such file`)
    expect(lines).toContain(`${join(dir, 'large.md')}: could not be read: 300000 bytes, larger than --max-size (200000)`)
    expect(lines.filter((line) => line.startsWith(`${join(dir, 'empty.txt')}: no report: `))).toHaveLength(1)
    expect(lines.filter((line) => line.startsWith(`${join(dir, 'binary.html')}: no report: `))).toHaveLength(1)
    expect(lines.filter((line) => line.startsWith(`${join(dir, 'pre2019.txt')}: no report: `))).toHaveLength(1)
    expect(lines.at(-1)).toMatch(/^8 files \(.*\): 3 reports, 5 failed, \d+ with warnings$/u)
    const rows = csvRows(stdout)
    expect(rows[0]?.[0]).toBe('source')
    const sources = [...new Set(rows.slice(1).map((row) => row[0]))]
    expect(sources).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'linked', 'c.txt')])
    expect(rows.slice(1)).toHaveLength(3 * cellPaths('2019').length)
    // None readable: the same header, no rows, exit 1.
    const none = await run(['parse', join(dir, 'empty.txt'), '--to', 'csv'])
    expect(none.code).toBe(1)
    expect(none.stdout).toBe('source,organization,year,edition,table,path,row,column,value,status,codes\r\n')
  })
})

describe('a custom adapter', () => {
  it('loads --adapter into the command and its workers; --ext walks its files; a module without an adapter is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-adapter-'))
    // A format of our own: the line RPT, then a report's text, its table rows tab-separated.
    const module = join(dir, 'rpt.mjs')
    writeFileSync(
      module,
      `export default {
  name: 'rpt',
  detect: (input) => (input.startsWith('RPT\\n') ? 1 : 0),
  read: (input) => ({
    blocks: input.split('\\n').slice(1).filter((line) => line.trim() !== '').map((line) =>
      line.includes('\\t') ? { type: 'table', grid: false, rows: [{ cells: line.split('\\t').map((text) => ({ text })) }] } : { type: 'paragraph', text: line })
  })
}\n`
    )
    const seed = readFileSync(join(SEEDS, 'seed-000.txt'), 'utf8')
    writeFileSync(join(dir, 'a.rpt'), `RPT\n${seed}`)
    for (const jobs of ['1', '2']) {
      const result = await run(['parse', dir, '--ext', 'rpt', '--adapter', module, '--to', 'csv', '--jobs', jobs])
      expect(result.stderr, jobs).toBe('1 file (1 rpt): 1 report, 0 failed, 1 with warnings\n')
      const rows = csvRows(result.stdout).slice(1)
      // What the library reads with the same adapter.
      const adapter = ((await import(pathToFileURL(module).href)) as { default: Adapter }).default
      const report = parseReport(`RPT\n${seed}`, { adapters: [adapter] }).report as Report
      expect(rows).toHaveLength(cellPaths(report.edition).length)
      for (const row of rows) expect(row[8], row[5]).toBe(String(getCellAt(report, row[5] as string) ?? ''))
    }
    expect((await run(['parse', dir, '--ext', 'rpt', '--adapter', module, '--format', 'rpt'])).code).toBe(0)
    writeFileSync(join(dir, 'none.mjs'), 'export const nothing = 1\n')
    const bad = await run(['parse', dir, '--adapter', join(dir, 'none.mjs')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('exports no adapter')
  }, 60_000)
})

describe('zfxxgk on PDF and Word files', () => {
  it('walks .pdf and .docx, says how many of each it read, and places PDF problems by page', async () => {
    const { code, stderr } = await run(['check', BINARY])
    expect(code).toBe(0)
    const lines = stderr.trim().split('\n')
    expect(lines).toContainEqual(expect.stringMatching(/^6 files \(3 pdf, 2 docx, 1 html\): 0 failed, 0 errors, \d+ warnings, \d+ infos$/u))
    expect(lines).toContain(`${join(BINARY, '2021.docx')}: no issues`)
    const pdf = lines.indexOf(join(BINARY, '903-hongze-2023.pdf'))
    expect(pdf).toBeGreaterThanOrEqual(0)
    expect(lines.slice(pdf + 1).some((line) => /^ {2}page 4 +warning .* {2}sum_mismatch$/u.test(line))).toBe(true)
    const parsed = await run(['parse', BINARY, '--to', 'csv'])
    // The CMS page prints no title: organization_unknown.
    expect(parsed.stderr).toBe('6 files (3 pdf, 2 docx, 1 html): 6 reports, 0 failed, 3 with warnings\n')
    const rows = csvRows(parsed.stdout).slice(1)
    expect(rows.filter((row) => row[0] === join(BINARY, '901-huaian-2024.pdf'))).toHaveLength(200)
    expect(rows).toContainEqual([
      join(BINARY, '901-huaian-2024.pdf'),
      '淮安市人民政府',
      '2024',
      '2021',
      '三',
      'applications.total.newReceived',
      '一、本年新收政府信息公开申请数量',
      '申请人情况 / 总计',
      '3119',
      'printed',
      ''
    ])
  }, 60_000)
})

describe('zfxxgk --identity', () => {
  /** The seeds with an identity CSV beside them; `rows` after its header. */
  function withCsv(rows: string[], header = 'file,organization,year,region'): { dir: string; csv: string } {
    const dir = folderOf({ 'seed-000': 'seed-000.txt', 'seed-002': 'seed-002.txt' })
    const csv = join(dir, 'identity.csv')
    writeFileSync(csv, `\ufeff${[header, ...rows].join('\r\n')}\r\n`)
    return { dir, csv }
  }
  /** Each file's organisation, year and their evidence, from --to ndjson. */
  const identities = (stdout: string): Record<string, unknown[]> =>
    Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { file: string; report: Report })
        .map(({ file, report }) => [
          file,
          [report.organization, report.year, report.identity.organization?.from, report.identity.year?.from]
        ])
    )

  it('gives each file the organisation and year its row names (paths relative to the CSV), an empty cell read from the report', async () => {
    const { dir, csv } = withCsv(['seed-002.txt,某某县人民政府,2020,华东', '"./seed-000.txt",,2021,', 'gone.txt,某某局,2020,'])
    const { code, stdout, stderr } = await run(['parse', dir, '--to', 'ndjson', '--identity', csv])
    expect(code).toBe(0)
    expect(identities(stdout)).toEqual({
      [join(dir, 'seed-000.txt')]: ['德惠市政务服务和数字化建设管理局', 2021, 'title', 'caller'],
      [join(dir, 'seed-002.txt')]: ['某某县人民政府', 2020, 'caller', 'caller']
    })
    expect(stderr).toContain(`${csv}:4: warning: “gone.txt” names no file of this batch\n`)
    // seed 002's organization_unknown and year_unknown are gone.
    const checked = await run(['check', dir, '--identity', csv, '--report', 'json'])
    expect(checked.stdout).not.toContain('_unknown')
  })

  it.skipIf(!existsSync(BIN))(
    'gives the values to worker threads too, the CSV’s paths relative to its folder whatever the working directory',
    () => {
      const { dir } = withCsv(['seed-002.txt,某某县人民政府,2020,'])
      // Run from the folder above, naming the inputs and the CSV relative to it.
      const result = spawnSync(
        'node',
        [BIN, 'parse', basename(dir), '--to', 'ndjson', '--identity', join(basename(dir), 'identity.csv'), '--jobs', '2'],
        {
          cwd: dirname(dir),
          encoding: 'utf8'
        }
      )
      expect(result.status).toBe(0)
      expect(identities(result.stdout)[join(basename(dir), 'seed-002.txt')]).toEqual(['某某县人民政府', 2020, 'caller', 'caller'])
    },
    60_000
  )

  it.each([
    ['a header without a year column', ['seed-002.txt,某某县人民政府'], 'file,organization', 'names no year column'],
    ['a year outside 2019 to next year', ['seed-002.txt,某某县人民政府,2018,'], undefined, 'year “2018”'],
    ['a year that is not one', ['seed-002.txt,某某县人民政府,二〇二〇,'], undefined, 'is not a year'],
    ['a row of other length', ['seed-002.txt,某某县人民政府,2020'], undefined, '3 cells for 4 columns'],
    ['a quote not closed', ['"seed-002.txt,某某县人民政府,2020,'], undefined, 'a quote is not closed'],
    ['a file named twice', ['seed-002.txt,甲,2020,', './seed-002.txt,乙,2020,'], undefined, 'named again (line 2)']
  ])('refuses %s: usage, exit 2', async (_, rows, header, problem) => {
    const { csv, dir } = withCsv(rows, header)
    const { code, stderr, stdout } = await run(['parse', dir, '--identity', csv])
    expect(code).toBe(2)
    expect(stderr).toContain(`--identity: ${csv}:`)
    expect(stderr).toContain(problem)
    expect(stderr.split('\n').slice(1)).toEqual(["Run 'zfxxgk parse --help' for more.", ''])
    expect(stdout).toBe('')
    expect((await run(['check', dir, '--identity', join(dir, 'none.csv')])).code).toBe(2)
  })
})

describe('zfxxgk check', () => {
  /** A problem line: indented, place, severity, message, codes. */
  const LINE = /^ {2}(\d+:\d+|page \d+) +(error|warning|info) {2,}(.+) {2}([a-z_]+(?:, [a-z_]+)*)$/u

  it('lists the real corpus problems grouped by file, a blank filled by the totals on one line, then counts per code, and exits 1', async () => {
    const { code, stderr } = await run(['check', REAL])
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    const problems = lines.filter((line) => LINE.test(line))
    expect(problems.length).toBeGreaterThan(100)
    const pre2019 = lines.indexOf(join(REAL, '010-pingtan-2018-pre2019.txt'))
    expect(lines[pre2019 + 1]).toBe(
      '  1:1  error    No table of the 2019 or 2021 format was found (tables 二, 三 and 四 are all absent).  not_a_report'
    )
    // The CMS page's article holds no title: its year is read from its statistics period, its organisation from nothing.
    const cms = lines.indexOf(join(REAL, '009-pingtan-2025-trs-editor.html'))
    expect(lines[cms + 1]).toMatch(/^ {2}1:1 {2}warning {2}No organisation could be read: .* {2}organization_unknown$/u)
    expect(problems.some((line) => line.endsWith('  unit_converted'))).toBe(true)
    expect(problems.some((line) => line.endsWith('  blank_cell, value_inferred'))).toBe(true)
    expect(lines.at(-2)).toBe('3 files (2 html, 1 text): 1 failed, 1 error, 131 warnings, 136 infos')
    expect(lines.at(-1)).toMatch(/^ {2}\w+ ×\d+(?:, \w+ ×\d+)*$/u)
  })

  it('exits 0 on the seeds without --frail, 1 with it; --quiet and --silent show less; --report json for machines', async () => {
    const plain = await run(['check', SEEDS])
    expect(plain.code).toBe(0)
    expect(plain.stdout).toBe('')
    expect(plain.stderr).toContain('seed-000.txt: no issues')
    // seed 002 prints no title: organization_unknown and year_unknown.
    expect(plain.stderr.trim().split('\n').at(-2)).toBe('5 files (4 text, 1 markdown): 0 failed, 0 errors, 202 warnings, 0 infos')
    expect((await run(['check', '--frail', SEEDS])).code).toBe(1)
    const quiet = await run(['check', '-q', SEEDS])
    expect(quiet.stderr).not.toContain('no issues')
    expect(
      (await run(['check', '-s', SEEDS])).stderr
        .trim()
        .split('\n')
        .filter((line) => LINE.test(line))
    ).toEqual([])
    const json = await run(['check', SEEDS, '--report', 'json'])
    const report = JSON.parse(json.stdout) as { file: string; ok: boolean; diagnostics: { code: string }[] }[]
    expect(report.map((entry) => entry.file)).toEqual(
      readdirSync(SEEDS)
        .sort()
        .map((name) => join(SEEDS, name))
    )
    expect(report.flatMap((entry) => entry.diagnostics)).toHaveLength(202)
  })
})

describe('zfxxgk on damaged bytes and its own output', () => {
  it('says where a file had a bad byte and that a page’s encoding was guessed; the cells are those of the clean file', async () => {
    const dir = folderOf({
      'html-2025-utf8-stray-byte': 'stray-byte.html',
      'real-009-pingtan-2025': 'clean.html',
      'html-2021-page-gbk-undeclared': 'gbk.html'
    })
    const { stderr } = await run(['check', dir])
    const lines = stderr.split('\n')
    const at = (file: string): number => lines.indexOf(join(dir, file))
    expect(lines[at('stray-byte.html') + 1]).toMatch(
      /^ {2}1:\d+ +warning {2}The input was read as UTF-8 .* byte offset 64776 .* {2}encoding_repaired$/u
    )
    expect(lines[at('gbk.html') + 1]).toMatch(/^ {2}1:1 +info {5}The input has no byte order mark .* GB18030.* {2}encoding_guessed$/u)
    const csv = csvRows((await run(['parse', dir, '--to', 'csv'])).stdout).slice(1)
    const cells = (file: string): string[] => csv.filter((row) => row[0] === join(dir, file)).map((row) => row.slice(4, 9).join(','))
    expect(cells('stray-byte.html')).toEqual(cells('clean.html'))
    expect(cells('clean.html')).toHaveLength(200)
  })

  it('reads back its own Markdown (which starts with a <!-- file --> line) as Markdown, every cell the same', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zfxxgk-md-'))
    expect((await run(['parse', SEEDS, '--to', 'markdown', '--output', `${out}/`])).code).toBe(0)
    const written = readdirSync(out)
    expect(written).toHaveLength(5)
    for (const name of written) {
      const text = readFileSync(join(out, name), 'utf8')
      expect(text.startsWith('<!-- ')).toBe(true)
      const back = parseReport(text)
      expect(back.format, name).toBe('markdown')
      const seed = parseReport(readFileSync(join(SEEDS, name.replace(/\.md$/u, '.txt')), 'utf8')).report as Report
      for (const path of cellPaths(seed.edition)) expect(getCell(back.report as Report, path), `${name} ${path}`).toBe(getCell(seed, path))
    }
  })
})

describe('the built executable', () => {
  /**
   * 40 copies of the seeds and one more file, third in name order: the first worker's first parcel
   * holds two files before it, and (when it is small) more after it; its next parcel waits behind.
   */
  function batchAround(third: string, content: string): { dir: string; files: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-batch-'))
    for (let i = 0; i < 8; i++) for (const seed of readdirSync(SEEDS)) cpSync(join(SEEDS, seed), join(dir, `${i}-${seed}`))
    writeFileSync(join(dir, `0-seed-001z-${third}`), content)
    const files = readdirSync(dir)
      .sort()
      .map((name) => join(dir, name))
    return { dir, files }
  }

  /** Parse a batch of {@link batchAround} with two workers: its third file alone fails, with `reason`; every other file's rows are in the CSV, in order. */
  function expectOnlyThirdLost(batch: { dir: string; files: string[] }, third: string, reason: string, options: string[]): void {
    const result = spawnSync('node', [BIN, 'parse', batch.dir, '--to', 'csv', '--jobs', '2', ...options], {
      encoding: 'utf8',
      maxBuffer: 1 << 26
    })
    expect(result.status).toBe(1)
    const lost = join(batch.dir, `0-seed-001z-${third}`)
    expect(result.stderr.trim().split('\n')).toEqual([
      `${lost}: could not be read: ${reason}`,
      '41 files (32 text, 8 markdown): 40 reports, 1 failed, 24 with warnings'
    ])
    const sources = csvRows(result.stdout)
      .slice(1)
      .map((row) => row[0])
    expect(sources).toEqual(batch.files.filter((file) => file !== lost).flatMap((file) => cellPaths('2019').map(() => file)))
  }

  it.skipIf(!existsSync(BIN))(
    'stops a parse past its time budget, blames that file only, and parses again the files its worker held',
    () => {
      // 10 MB of short lines: about 3 s to parse, over a 1 s budget. The two files before it in its
      // parcel are finished (their results die with the worker) and the next parcel waits behind
      // it: all are parsed again by another worker.
      const batch = batchAround('slow.txt', 'a\n'.repeat(5_000_000))
      expectOnlyThirdLost(batch, 'slow.txt', 'took longer than 1 s (its parse was stopped)', ['--timeout', '1', '--max-size', '20000000'])
    },
    60_000
  )

  it.skipIf(!existsSync(BIN))(
    'keeps the time budget for a small batch and for --jobs 1 once --timeout is given (a worker, not this thread)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-budget-'))
      cpSync(join(SEEDS, 'seed-000.txt'), join(dir, 'a.txt'))
      writeFileSync(join(dir, 'b-slow.txt'), 'a\n'.repeat(5_000_000))
      cpSync(join(SEEDS, 'seed-001.txt'), join(dir, 'c.txt'))
      for (const jobs of [[], ['--jobs', '1']]) {
        const result = spawnSync('node', [BIN, 'parse', dir, '--to', 'ndjson', ...jobs, '--timeout', '1', '--max-size', '20000000'], {
          encoding: 'utf8'
        })
        expect(result.status, jobs.join(' ')).toBe(1)
        expect(result.stderr.trim().split('\n'), jobs.join(' ')).toEqual([
          `${join(dir, 'b-slow.txt')}: could not be read: took longer than 1 s (its parse was stopped)`,
          '3 files (1 markdown, 1 text): 2 reports, 1 failed, 1 with warnings'
        ])
        expect(
          result.stdout
            .trim()
            .split('\n')
            .map((line) => (JSON.parse(line) as { file: string }).file)
        ).toEqual([join(dir, 'a.txt'), join(dir, 'c.txt')])
      }
    },
    60_000
  )

  /** Custom adapters that take their worker down on the one file they claim: as a crash would, and by allocating past its 2 GiB heap limit. */
  const FATAL = [
    { how: 'dies', ext: 'crash', read: 'process.exit(7)', reason: 'its worker exited' },
    {
      how: 'runs out of memory',
      ext: 'oom',
      read: '{ const keep = []; for (;;) keep.push(new Array(1e6).fill(1.5)) }',
      reason: 'ran out of memory (over 2048 MiB)'
    }
  ]
  for (const { how, ext, read, reason } of FATAL) {
    it.skipIf(!existsSync(BIN))(
      `costs only its file when a worker ${how}, and parses again the files that worker held`,
      () => {
        const batch = batchAround(`bad.${ext}`, 'BAD\n')
        const module = join(batch.dir, `${ext}.mjs`)
        writeFileSync(
          module,
          `export default { name: '${ext}', detect: (input) => (input.startsWith('BAD') ? 1 : 0), read: () => ${read} }\n`
        )
        expectOnlyThirdLost(batch, `bad.${ext}`, reason, ['--ext', ext, '--adapter', module])
      },
      60_000
    )
  }

  it.skipIf(!existsSync(BIN))(
    'writes the same bytes through a slow pipe, each worker’s output ring going round about three times while the pipe holds bytes it lent',
    async () => {
      // 480 reports of long CSV, about 24 MB: each worker's 4 MiB ring goes round about three times.
      const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-pipe-'))
      for (let i = 0; i < 96; i++)
        for (const seed of readdirSync(SEEDS)) cpSync(join(SEEDS, seed), join(dir, `${String(i).padStart(2, '0')}-${seed}`))
      const expected = execFileSync('node', [BIN, 'parse', dir, '--to', 'csv', '--jobs', '1'], { maxBuffer: 1 << 26 })
      const child = spawn('node', [BIN, 'parse', dir, '--to', 'csv', '--jobs', '2'], { stdio: ['ignore', 'pipe', 'ignore'] })
      const parts: Buffer[] = []
      child.stdout.on('data', (part: Buffer) => {
        parts.push(part)
        // Read slowly: the command's writes queue in the pipe, holding bytes lent from the rings.
        child.stdout.pause()
        setTimeout(() => child.stdout.resume(), 2)
      })
      const [code] = (await once(child, 'close')) as [number]
      expect(code).toBe(0)
      const got = Buffer.concat(parts)
      expect(got.length).toBeGreaterThan(2 * 2 * 4 * 1024 * 1024)
      expect(got.equals(expected)).toBe(true)
    },
    120_000
  )

  it.skipIf(!existsSync(BIN))(
    'parses many files in worker threads to the same CSV, and stops writing when its reader stops, still summing up',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-many-'))
      for (let i = 0; i < 8; i++) for (const seed of readdirSync(SEEDS)) cpSync(join(SEEDS, seed), join(dir, `${i}-${seed}`))
      const files = readdirSync(dir)
        .sort()
        .map((name) => join(dir, name))
      const viaWorkers = execFileSync('node', [BIN, 'parse', dir, '--to', 'csv', '--jobs', '2'], { encoding: 'utf8', maxBuffer: 1 << 26 })
      const inProcess = execFileSync('node', [BIN, 'parse', dir, '--to', 'csv', '--jobs', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 })
      expect(files.length).toBeGreaterThanOrEqual(WORKER_THRESHOLD)
      expect(viaWorkers).toBe(inProcess)
      expect(
        csvRows(viaWorkers)
          .slice(1)
          .map((row) => row[0])
      ).toEqual(files.flatMap((file) => cellPaths('2019').map(() => file)))
      const head = spawnSync('sh', ['-c', `node ${BIN} parse ${dir} --to csv | head -n 1`], { encoding: 'utf8' })
      expect(head.stderr).toBe(
        '40 files (32 text, 8 markdown): 40 reports, 0 failed, 24 with warnings; output cut (its reader closed it)\n'
      )
      expect(head.stdout).toBe('source,organization,year,edition,table,path,row,column,value,status,codes\r\n')
    },
    60_000
  )
})
