/**
 * `zfxxgk dataset` (issue 25) on the seven 平潭 crawls of `corpus/real-002…008` and the 2025 page of
 * `corpus/real-009`, whose body and year an identity CSV gives: one body, seven years, 2025 from
 * two sources that agree. The panel, its long shape and the JSON document read back and checked
 * against the library's dataset and each file's own parse; what is not placed, what fails, what a
 * hostile name does; the options that go together and those that do not.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INDICATOR_NAMES } from '../../src/dataset/indicators.js'
import { KEY_CELLS } from '../../src/cli/dataset/cells.js'
import { identityOf, readIdentityCsv, unusedRows } from '../../src/cli/identity.js'
import {
  buildDataset,
  cellPaths,
  getCell,
  getCellAt,
  parseReport,
  toRows,
  type Dataset,
  type DatasetBody,
  type DatasetYear,
  type Report
} from '../../src/index.js'
import { BIN, copyCase, run, CRAWLS } from './helpers.js'

const BODY = '平潭综合实验区'

/** A folder of the eight inputs, `pingtan/crawls/*.txt` and `pingtan/pages/2025.html`, and an identity CSV beside them. */
function pingtan(identity = true): { dir: string; inputs: string; csv: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-dataset-'))
  const inputs = join(dir, 'pingtan')
  mkdirSync(join(inputs, 'crawls'), { recursive: true })
  mkdirSync(join(inputs, 'pages'))
  for (const name of CRAWLS) copyCase(name, join(inputs, 'crawls', `${name}.txt`))
  copyCase('real-009-pingtan-2025', join(inputs, 'pages', '2025.html'))
  const csv = join(dir, 'identity.csv')
  // The page names no body (its title is only in a picture); the folder row gives every file a region and a level.
  writeFileSync(
    csv,
    identity
      ? `file,organization,year,region,level\npingtan/pages/2025.html,${BODY},2025,,\npingtan/,,,福建,副省级\n`
      : 'file,organization,year\n'
  )
  return { dir, inputs, csv }
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF). */
function csvRecords(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (quoted) {
      if (char !== '"') field += char
      else if (text[i + 1] === '"') ((field += '"'), i++)
      else quoted = false
    } else if (char === '"') quoted = true
    else if (char === ',') (record.push(field), (field = ''))
    else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      ;((record = []), (field = ''), i++)
    } else field += char
  }
  return records
}

/** The CSV as objects by column name. */
function table(text: string): Record<string, string>[] {
  const [header, ...rows] = csvRecords(text.replace(/^\ufeff/u, ''))
  return rows.map((row) => Object.fromEntries((header as string[]).map((name, i) => [name, row[i] as string])))
}

/** Each input's parse, by its path as the command names it. */
function parses(inputs: string): Map<string, ReturnType<typeof parseReport>> {
  const files = [...CRAWLS.map((name) => join(inputs, 'crawls', `${name}.txt`)), join(inputs, 'pages', '2025.html')]
  return new Map(
    files.map((file) => {
      const page = file.endsWith('.html')
      return [file, parseReport(new Uint8Array(readFileSync(file)), page ? { organization: BODY, year: 2025 } : null)]
    })
  )
}

/** The library's dataset of the same inputs. */
function libraryDataset(inputs: string): Dataset {
  return buildDataset([...parses(inputs)].map(([source, result]) => ({ result, source, region: '福建', level: '副省级' })))
}

/** A key cell's value: the cell, or the sum of the cells below its path (`null` when one is). */
function keyValue(report: Report, path: string): number | null {
  const cells = cellPaths(report.edition).filter((cell) => cell === path || cell.startsWith(`${path}.`))
  if (cells.length === 0) return null
  let sum = 0
  for (const cell of cells) {
    const value = getCell(report, cell) ?? null
    if (value === null) return null
    sum += value
  }
  return sum
}

const text = (value: number | null): string => (value === null ? '' : String(value))

describe('zfxxgk dataset: the seven 平潭 crawls and the 2025 page', () => {
  const { inputs, csv } = pingtan()

  it('writes the panel: one body, seven years, 2025 from two sources, no finding; every value the library’s', async () => {
    const { code, stdout, stderr } = await run(['dataset', inputs, '--identity', csv])
    expect(code).toBe(0)
    expect(stderr).toBe('8 files (7 text, 1 html): 8 reports, 0 failed, 1 body, 7 body-years, 0 unidentified, 0 findings\n')
    const rows = table(stdout)
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'body',
      'region',
      'level',
      'year',
      'edition',
      'sources',
      'problems',
      'cell_statuses',
      ...KEY_CELLS.map((cell) => cell.path),
      ...INDICATOR_NAMES
    ])
    expect(rows.map((row) => [row.body, row.region, row.level, row.year, row.edition])).toEqual(
      [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => [BODY, '福建', '副省级', String(year), year < 2021 ? '2019' : '2021'])
    )
    expect(rows.map((row) => row.problems)).toEqual(Array(7).fill('0'))
    // 2025: the page (every cell printed) first, then the crawl (cells split from run-together digits).
    expect(rows[6]?.sources).toBe(`${join(inputs, 'pages', '2025.html')} | ${join(inputs, 'crawls', 'real-008-pingtan-2025.txt')}`)
    expect(rows[6]?.cell_statuses).toBe('')
    expect(rows[2]?.cell_statuses).toBe('split:193 ambiguous:3')
    const dataset = libraryDataset(inputs)
    const years = dataset.bodies[0]?.years ?? []
    expect(dataset.diagnostics).toEqual([])
    let checked = 0
    for (const [i, row] of rows.entries()) {
      const year = years[i] as (typeof years)[number]
      const report = year.report
      for (const { path } of KEY_CELLS) expect(row[path], `${row.year} ${path}`).toBe(text(keyValue(report, path)))
      for (const name of INDICATOR_NAMES)
        expect(Number(row[name] || Number.NaN), `${row.year} ${name}`).toBe(year.indicators[name] ?? Number.NaN)
      checked += KEY_CELLS.length + INDICATOR_NAMES.length
    }
    expect(checked).toBe(7 * (KEY_CELLS.length + INDICATOR_NAMES.length))
    // A year of one source: its cells are its parse's, exactly.
    const own = parses(inputs).get(join(inputs, 'crawls', 'real-004-pingtan-2021.txt'))?.report as Report
    expect(rows[2]?.['applications.total.newReceived']).toBe(String(own.applications.total.newReceived))
    expect(rows[2]?.['applications.total.results.denied']).toBe('8')
  })

  it('writes the long panel: every cell of each year’s merged report, its status as the long CSV of parse gives it', async () => {
    const { code, stdout } = await run(['dataset', inputs, '--identity', csv, '--to', 'csv', '--shape', 'long'])
    expect(code).toBe(0)
    const rows = table(stdout)
    expect(Object.keys(rows[0] ?? {})).toEqual(['body', 'region', 'level', 'year', 'edition', 'path', 'value', 'status', 'problems'])
    expect(rows).toHaveLength(2 * cellPaths('2019').length + 5 * cellPaths('2021').length)
    const merged = libraryDataset(inputs).bodies[0]?.years ?? []
    const all = parses(inputs)
    for (const year of merged) {
      const report = year.report
      const mine = rows.filter((row) => row.year === String(year.year))
      expect(mine.map((row) => row.path)).toEqual([...cellPaths(year.edition)])
      for (const row of mine) expect(row.value, `${year.year} ${row.path}`).toBe(text(getCellAt(report, row.path as string) ?? null))
      if (year.sources.length === 1) {
        const statuses = new Map(
          toRows(all.get(year.sources[0]?.source as string) as ReturnType<typeof parseReport>).map((row) => [row.path, row.status])
        )
        for (const row of mine) expect(row.status, `${year.year} ${row.path}`).toBe(statuses.get(row.path as string))
      }
    }
    // 2025: every merged cell is the page's, printed.
    expect(new Set(rows.filter((row) => row.year === '2025').map((row) => row.status))).toEqual(new Set(['printed']))
  })

  it('writes the JSON document: the library’s dataset, each year with the statuses of its cells not printed as such', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zfxxgk-dataset-out-')), 'dataset.json')
    const { code } = await run(['dataset', inputs, '--identity', csv, '--to', 'json', '-o', out])
    expect(code).toBe(0)
    type Year = Omit<DatasetYear, 'report'> & { report: unknown; statuses: Record<string, string> }
    const document = JSON.parse(readFileSync(out, 'utf8')) as Omit<Dataset, 'bodies'> & {
      version: string
      failed: unknown[]
      bodies: (Omit<DatasetBody, 'years'> & { years: Year[] })[]
    }
    expect(Object.keys(document)).toEqual(['version', 'zfxxgk', 'bodies', 'diagnostics', 'unidentified', 'failed'])
    expect(document.version).toMatch(/^\d+\.\d+\.\d+/u)
    const library = JSON.parse(JSON.stringify(libraryDataset(inputs))) as Dataset
    const years = document.bodies[0]?.years ?? []
    expect(years.map(({ statuses, ...year }) => year)).toEqual(library.bodies[0]?.years)
    expect(document.bodies[0]).toMatchObject({ body: BODY, region: '福建', level: '副省级' })
    expect(years[6]?.statuses).toEqual({})
    expect(Object.values(years[0]?.statuses ?? {}).filter((status) => status === 'split')).toHaveLength(179)
    expect([document.diagnostics, document.unidentified, document.failed]).toEqual([[], [], []])
  })
})

describe('zfxxgk dataset: what cannot be placed or read', () => {
  it('lists a report whose body is not known, and a file that cannot be read, and counts them', async () => {
    const { inputs, csv } = pingtan(false)
    const gone = join(inputs, 'gone.txt')
    const { code, stdout, stderr } = await run(['dataset', inputs, gone, '--identity', csv, '--to', 'json'])
    expect(code).toBe(1)
    const page = join(inputs, 'pages', '2025.html')
    expect(stderr.split('\n')).toEqual([
      `${gone}: could not be read: no such file`,
      `${page}: not placed: no body known (2025); give it with --identity`,
      '9 files (7 text, 1 html): 8 reports, 1 failed, 1 body, 7 body-years, 1 unidentified, 0 findings',
      ''
    ])
    const document = JSON.parse(stdout) as Dataset & { failed: unknown[] }
    expect(document.unidentified).toEqual([{ source: page, reason: 'organization', organization: null, year: 2025 }])
    expect(document.failed).toEqual([{ source: gone, reason: 'no such file' }])
    // 2025 from the crawl alone.
    expect(document.bodies[0]?.years.at(-1)?.sources).toEqual([{ source: join(inputs, 'crawls', 'real-008-pingtan-2025.txt') }])
  })

  it('writes only the header when nothing could be placed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-dataset-'))
    writeFileSync(join(dir, 'empty.txt'), '无关的文字\n')
    const { code, stdout, stderr } = await run(['dataset', dir])
    expect(code).toBe(1)
    expect(table(stdout)).toEqual([])
    expect(stdout.split('\r\n')[0]?.startsWith('body,region,level,year,')).toBe(true)
    expect(stderr.split('\n').at(-2)).toBe('1 file (1 text): 0 reports, 1 failed, 0 bodies, 0 body-years, 0 unidentified, 0 findings')
  })
})

describe('zfxxgk dataset: hostile names', () => {
  it('neutralises a body that a spreadsheet would run as a formula, and escapes one that would be markup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-dataset-'))
    for (const i of [0, 1, 2, 3, 4]) copyCase(`seed-00${i}`, join(dir, `seed-00${i}.txt`))
    writeFileSync(
      join(dir, 'identity.csv'),
      'file,organization,year,region\nseed-000.txt,<script>alert(1)</script>,2019,"=HYPERLINK(""http://x"")"\nseed-001.txt,<script>alert(1)</script>,2020,\nseed-003.txt,=cmd|\' /C calc\'!A0,2022,\nseed-004.txt,=cmd|\' /C calc\'!A0,2024,\n'
    )
    const { code, stdout, stderr } = await run(['dataset', dir, '--identity', join(dir, 'identity.csv')])
    expect(code).toBe(0)
    const rows = table(stdout)
    expect(rows.map((row) => row.body)).toEqual([
      '<script>alert(1)</script>',
      '<script>alert(1)</script>',
      // The body is the organisation with its white space taken out (the dataset's key).
      "'=cmd|'/Ccalc'!A0",
      "'=cmd|'/Ccalc'!A0"
    ])
    expect(rows[0]?.region).toBe('\'=HYPERLINK("http://x")')
    expect(stderr).toContain(
      "=cmd|'/Ccalc'!A0 2023  info     =cmd|'/Ccalc'!A0 has reports for 2022 and 2024, and none for 2023.  missing_year\n"
    )
    const pages = join(dir, '..', `${dir.split('/').at(-1) as string}-pages`)
    expect((await run(['dataset', dir, '--identity', join(dir, 'identity.csv'), '-o', `${pages}/`])).code).toBe(0)
    for (const file of ['index.html', 'bodies/1.html', 'bodies/2.html']) {
      const html = readFileSync(join(pages, file), 'utf8')
      expect(html, file).not.toMatch(/<script|javascript:/iu)
    }
    expect(readFileSync(join(pages, 'bodies', '1.html'), 'utf8')).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>')
  })
})

describe('zfxxgk dataset: options', () => {
  const { inputs, csv } = pingtan()

  it.each([
    [['--to', 'markdown'], '--to must be csv or json (-o DIR/ without --to writes the dashboard)'],
    [
      ['--to', 'csv', '-o', `${tmpdir()}/`],
      `--to csv writes one file: name it (-o panel.csv), or leave --to out for the dashboard in ${tmpdir()}/`
    ],
    [['--shape', 'long', '--to', 'json'], '--shape goes with the CSV panel (--to csv)'],
    [['--header', 'label'], '--header is an option of parse, not of dataset'],
    [['--frail'], '--frail is an option of check, not of dataset']
  ])('refuses %j before reading anything', async (options, says) => {
    const { code, stdout, stderr } = await run(['dataset', inputs, ...options])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')[0]).toBe(`zfxxgk: ${says}`)
    expect(stderr.split('\n').slice(1)).toEqual(["Run 'zfxxgk dataset --help' for more.", ''])
  })

  it('writes -o FILE.csv whole, with a byte order mark for Excel, and its sidecar', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zfxxgk-dataset-out-')), 'panel.csv')
    expect((await run(['dataset', inputs, '--identity', csv, '-o', out])).code).toBe(0)
    const written = readFileSync(out, 'utf8')
    expect(written.startsWith('\ufeffbody,')).toBe(true)
    expect(table(written)).toHaveLength(7)
    // Nothing else (no temporary file): the panel, and what made it beside it.
    expect(readdirSync(join(out, '..')).sort()).toEqual(['panel.csv', 'panel.csv.meta.json'])
  })

  it('warns of an identity row that names no file or folder of the batch', async () => {
    const extra = join(inputs, '..', 'extra.csv')
    writeFileSync(extra, 'file,organization,year\npingtan/pages/,某县,\nelsewhere/,某市,\n')
    const { stderr } = await run(['dataset', inputs, '--identity', extra])
    expect(stderr.split('\n')[0]).toBe(`${extra}:3: warning: “elsewhere/” names no file or folder of this batch`)
    // parse names files only, as before.
    const parsed = await run(['parse', inputs, '--identity', extra, '--to', 'ndjson'])
    expect(parsed.stderr).toContain(`${extra}:2: warning: “pingtan/pages/” names no file of this batch`)
  })
})

describe('--identity for dataset: a folder row applies below it, the nearest row giving a field wins', () => {
  it('takes each field from the file’s row, else from the nearest folder above it that gives it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-identity-'))
    mkdirSync(join(dir, 'a', 'b'), { recursive: true })
    writeFileSync(join(dir, 'identity.csv'), 'file,organization,year,region,level\na,甲县,,华东,县\na/b/,乙局,2023,,\na/b/x.txt,,2024,,\n')
    const map = readIdentityCsv(join(dir, 'identity.csv'))
    expect(identityOf(map, join(dir, 'a', 'b', 'x.txt'), true)).toEqual({ organization: '乙局', year: 2024, region: '华东', level: '县' })
    expect(identityOf(map, join(dir, 'a', 'b', 'y.txt'), true)).toEqual({ organization: '乙局', year: 2023, region: '华东', level: '县' })
    expect(identityOf(map, join(dir, 'a', 'z.txt'), true)).toEqual({ organization: '甲县', region: '华东', level: '县' })
    expect(identityOf(map, join(dir, 'c.txt'), true)).toBeUndefined()
    // parse, check and view: a file's own row only.
    expect(identityOf(map, join(dir, 'a', 'b', 'y.txt'), false)).toBeUndefined()
    expect(identityOf(map, join(dir, 'a', 'b', 'x.txt'), false)).toMatchObject({ year: 2024 })
    expect(unusedRows(map, dir, [join(dir, 'a', 'b', 'y.txt')], true)).toEqual([expect.objectContaining({ file: 'a/b/x.txt' })])
    expect(unusedRows(map, dir, [join(dir, 'a', 'b', 'y.txt')], false).map((row) => row.file)).toEqual(['a', 'a/b/', 'a/b/x.txt'])
  })
})

describe.skipIf(!existsSync(BIN))('zfxxgk dataset, built, in worker threads', () => {
  it('gives the same panel with two workers as in this thread (the compact reports moved between threads)', async () => {
    const { inputs, csv } = pingtan()
    // 32 files or more, so that two workers share them: the eight inputs four times over.
    for (const copy of ['b', 'c', 'd']) {
      mkdirSync(join(inputs, copy))
      for (const name of CRAWLS) copyCase(name, join(inputs, copy, `${name}.txt`))
      copyCase('real-009-pingtan-2025', join(inputs, copy, '2025.html'))
    }
    const built = spawnSync(process.execPath, [BIN, 'dataset', inputs, '--identity', csv, '--jobs', '2', '--shape', 'long'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28
    })
    const here = await run(['dataset', inputs, '--identity', csv, '--shape', 'long'])
    expect(built.status).toBe(0)
    expect(built.stderr).toBe(here.stderr)
    expect(built.stdout).toBe(here.stdout)
    expect(built.stderr).toMatch(
      /^32 files \(28 text, 4 html\): 32 reports, 0 failed, 1 body, 7 body-years, 3 unidentified, 0 findings\n$/mu
    )
  }, 120_000)
})
