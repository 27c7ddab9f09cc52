/**
 * Issue 26: `parse --to xlsx`, long and wide, read back with read-excel-file (and pandas, when it is
 * installed): every cell's value and type the same as the CSV's rows; text never a formula; a frozen
 * header; write-excel-file loaded only when a workbook is written.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import readXlsxFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { parseReport, toRows, VERSION } from 'zfxxgk'
import { readCsv } from '../helpers.js'
import { BIN, CORPUS, folderOf, run } from './helpers.js'

const SEEDS = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']
/** The seeds in a folder, as `seed-00N.txt`. */
const seedFolder = (): string => folderOf(Object.fromEntries(SEEDS.map((seed) => [`${seed}.txt`, seed])), 'zfxxgk-xlsx-')

type Sheet = { sheet: string; data: unknown[][] }

async function sheetsOf(file: string): Promise<Sheet[]> {
  return (await readXlsxFile(readFileSync(file))) as unknown as Sheet[]
}

/** A CSV field as the workbook holds it: numbers in `numeric` columns, text without the quote put before a formula, empty as null. */
function typed(field: string, numeric: boolean): string | number | null {
  if (field === '') return null
  if (numeric) return Number(field)
  return /^'[=+\-@\t\r＝＋－＠]/u.test(field) ? field.slice(1) : field
}

describe('parse --to xlsx', () => {
  it('long: the five seeds, every cell the same value and type as toRows gives (numbers numeric, text text)', async () => {
    const dir = seedFolder()
    const out = join(dir, '..', `${dir.split('/').pop() ?? 'x'}-long.xlsx`)
    const { code } = await run(['parse', dir, '-o', out])
    expect(code).toBe(0)
    const [cells, made] = await sheetsOf(out)
    expect(cells?.sheet).toBe('cells')
    const expected = SEEDS.flatMap((seed) => {
      const source = join(dir, `${seed}.txt`)
      return toRows(parseReport(readFileSync(source)), source).map((row) => [
        source,
        row.organization,
        row.year,
        row.edition,
        row.table,
        row.path,
        row.row,
        row.column,
        row.value,
        row.status ?? null,
        row.codes?.length ? row.codes.join(' ') : null
      ])
    })
    const [header, ...rows] = cells?.data ?? []
    expect(header).toEqual(['source', 'organization', 'year', 'edition', 'table', 'path', 'row', 'column', 'value', 'status', 'codes'])
    expect(rows).toHaveLength(expected.length)
    // Value and type, cell by cell: a year and a value are numbers, an edition '2019' is text.
    expect(rows).toEqual(expected)
    expect(rows.some((row) => typeof row[2] === 'number')).toBe(true)
    for (const row of rows) {
      expect(row[2] === null || typeof row[2] === 'number').toBe(true)
      expect(typeof row[3]).toBe('string')
      expect(row[8] === null || typeof row[8] === 'number').toBe(true)
    }
    expect(made?.sheet).toBe('zfxxgk')
    expect(made?.data).toContainEqual(['version', VERSION])
    expect(made?.data).toContainEqual(['shape', 'long'])
  })

  it('wide: the five seeds, one row per report, the same values as the wide CSV, a second header row of Chinese labels', async () => {
    const dir = seedFolder()
    const out = join(dir, '..', `${dir.split('/').pop() ?? 'x'}-wide.xlsx`)
    expect((await run(['parse', dir, '--to', 'xlsx', '--shape', 'wide', '-o', out])).code).toBe(0)
    const csv = readCsv((await run(['parse', dir, '--to', 'csv', '--shape', 'wide'])).stdout)
    const labels = readCsv((await run(['parse', dir, '--to', 'csv', '--shape', 'wide', '--header', 'label'])).stdout)[0]
    const [reports] = await sheetsOf(out)
    const [paths, chinese, ...rows] = reports?.data ?? []
    const [csvHeader, ...csvBody] = csv
    expect(paths).toEqual(csvHeader)
    expect(chinese?.slice(8)).toEqual(labels?.slice(8))
    expect(rows).toHaveLength(SEEDS.length)
    const numeric = (i: number): boolean => i === 4 || i === 6 || i === 7 || i >= 8
    let numbers = 0
    rows.forEach((row, r) => {
      const fields = csvBody[r] ?? []
      expect(row).toHaveLength(fields.length)
      fields.forEach((field, i) => {
        const want = typed(field, numeric(i))
        expect(row[i], `${r} ${csvHeader?.[i] ?? ''}`).toBe(want)
        if (typeof want === 'number') numbers++
      })
    })
    expect(numbers).toBeGreaterThan(SEEDS.length * 100)
  })

  it('keeps text as text: an organisation starting with = is a string cell, no formula, no quote; a negative 本年增/减 a number', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000' }, 'zfxxgk-xlsx-')
    const hostile = '=HYPERLINK("http://x.invalid","点")'
    writeFileSync(join(dir, 'ids.csv'), `file,organization,year\na.txt,"${hostile.replace(/"/gu, '""')}",2020\n`)
    const out = `${dir}.xlsx`
    expect((await run(['parse', join(dir, 'a.txt'), '--identity', join(dir, 'ids.csv'), '-o', out])).code).toBe(0)
    const [cells] = await sheetsOf(out)
    const rows = (cells?.data ?? []).slice(1)
    expect(rows.every((row) => row[1] === hostile)).toBe(true)
    const zip = unzipSync(readFileSync(out))
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml'] as Uint8Array)
    expect(sheet).not.toMatch(/<f[ >]/u)
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/u)
    // A negative number anywhere stays numeric (the 2019 seed's 本年增/减, where it has one).
    const negative = rows.filter((row) => typeof row[8] === 'number' && (row[8] as number) < 0)
    for (const row of negative) expect(String(row[5])).toMatch(/\.change$/u)
  })

  it('freezes the wide shape’s two header rows', async () => {
    const dir = folderOf({ 'a.txt': 'seed-001' }, 'zfxxgk-xlsx-')
    const out = `${dir}.xlsx`
    expect((await run(['parse', dir, '--to', 'xlsx', '--shape', 'wide', '-o', out])).code).toBe(0)
    const sheet = strFromU8(unzipSync(readFileSync(out))['xl/worksheets/sheet1.xml'] as Uint8Array)
    expect(sheet).toMatch(/<pane [^>]*ySplit="2"[^>]*state="frozen"/u)
  })

  it('takes --to from -o’s extension, and refuses one that contradicts it, a folder, or a terminal', async () => {
    const dir = folderOf({ 'in/a.txt': 'seed-002' }, 'zfxxgk-xlsx-')
    const input = join(dir, 'in')
    expect((await run(['parse', input, '-o', join(dir, 'a.csv')])).code).toBe(0)
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').startsWith('\ufeffsource,organization,')).toBe(true)
    for (const [argv, says] of [
      [['-o', join(dir, 'x.xlsx'), '--to', 'csv'], `-o ${join(dir, 'x.xlsx')} names a .xlsx file, but --to is csv: make them agree`],
      [['-o', join(dir, 'x.csv'), '--to', 'xlsx'], `-o ${join(dir, 'x.csv')} names a .csv file, but --to is xlsx: make them agree`],
      [['-o', `${join(dir, 'out')}/`, '--to', 'xlsx'], '--to xlsx writes one workbook: name a file (-o all.xlsx)'],
      [['--to', 'xlsx', '--header', 'label'], '--header goes with --to csv (a workbook has both header rows)']
    ] as const) {
      const { code, stdout, stderr } = await run(['parse', input, ...argv])
      expect(code, argv.join(' ')).toBe(2)
      expect(stdout).toBe('')
      expect(stderr.split('\n')[0]).toBe(`zfxxgk: ${says}`)
    }
    let stdout = ''
    const { main } = await import('../../src/cli/index.js')
    const code = await main(['parse', input, '--to', 'xlsx'], {
      stdout: (text) => void (stdout += String(text)),
      stderr: () => undefined,
      stdin: () => new Uint8Array(),
      tty: false,
      stdoutTty: true
    })
    expect(code).toBe(2)
    expect(stdout).toBe('')
  })

  it('writes a workbook to standard output that is not a terminal', () => {
    const { status, stdout } = spawnSync(process.execPath, [BIN, 'parse', join(CORPUS, 'seed-003', 'input.txt'), '--to', 'xlsx'], {
      maxBuffer: 1 << 26
    })
    expect(status).toBe(0)
    expect(stdout.subarray(0, 2).toString()).toBe('PK')
    expect(Object.keys(unzipSync(new Uint8Array(stdout)))).toContain('xl/worksheets/sheet2.xml')
  })

  it('loads write-excel-file only to write a workbook: never from the library, never statically from the command', () => {
    const dist = join(import.meta.dirname, '..', '..', 'dist')
    expect(readFileSync(join(dist, 'index.js'), 'utf8')).not.toContain('write-excel-file')
    const cli = readFileSync(join(dist, 'cli.js'), 'utf8')
    expect(cli).toMatch(/import\(\s*["']write-excel-file\/node["']\s*\)/u)
    expect(cli).not.toMatch(/from\s*["']write-excel-file/u)
  })

  const pandas = spawnSync('python3', ['-c', 'import pandas, openpyxl'], { encoding: 'utf8' }).status === 0
  it.skipIf(!pandas)('reads back in pandas with the same values and types (pandas and openpyxl installed)', async () => {
    const dir = seedFolder()
    const out = `${dir}.xlsx`
    expect((await run(['parse', dir, '-o', out])).code).toBe(0)
    const script = `import pandas as pd, json, sys
long = pd.read_excel(sys.argv[1], sheet_name='cells', dtype={'year': 'Int64', 'edition': 'string'})
print(json.dumps({'rows': len(long), 'year': str(long['year'].dtype), 'edition': str(long['edition'].dtype), 'value': str(long['value'].dtype), 'sum': float(long['value'].sum())}))`
    const { stdout, status } = spawnSync('python3', ['-c', script, out], { encoding: 'utf8' })
    expect(status).toBe(0)
    const seen = JSON.parse(stdout) as { rows: number; year: string; edition: string; value: string; sum: number }
    const rows = SEEDS.flatMap((seed) => toRows(parseReport(readFileSync(join(dir, `${seed}.txt`)))))
    expect(seen).toEqual({
      rows: rows.length,
      year: 'Int64',
      edition: 'string',
      value: 'float64',
      sum: rows.reduce((sum, row) => sum + (row.value ?? 0), 0)
    })
  })
})
