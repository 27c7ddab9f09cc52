/**
 * `--identity FILE.csv`: who issued each file's report and which year it is on, when the caller
 * knows better than the reports say. A CSV with a header naming `file`, `organization` and `year`
 * (in any order), and optionally `region` and `level` (kept on the body by `dataset`; other
 * columns are ignored), one row per file. A `file` is a path relative to the CSV's own folder (or
 * absolute; `-` is standard input), so the CSV means the same from any working directory. An empty
 * cell gives nothing: that field is read from the report. For `dataset`, a row may name a folder:
 * it gives each file below it what the file's own row (or a row of a folder nearer it) does not.
 *
 * @module
 */

import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { isReportYear, lastYear } from '../model/catalogue.js'

/** What the CSV gives for one file: the parse's `organization` and `year` options. */
export interface GivenIdentity {
  /** The issuing body, if given. */
  organization?: string
  /** The year, if given. */
  year?: number
  /** The body's region, if given (`dataset` keeps it on the body). */
  region?: string
  /** The body's level, if given (`dataset` keeps it on the body). */
  level?: string
}

/** One row of the CSV: the file it names as written, and its line. */
export interface IdentityRow extends GivenIdentity {
  /** The `file` cell as written. */
  file: string
  /** Its line in the CSV, 1-based. */
  line: number
}

/** The rows of an identity CSV, by the file each names (an absolute path, or `-`). */
export type IdentityMap = ReadonlyMap<string, IdentityRow>

/** The columns every identity CSV names. */
const COLUMNS = ['file', 'organization', 'year'] as const
/** The columns it may name besides: texts kept as given. */
const OPTIONAL = ['region', 'level'] as const

/**
 * The key of a file in an {@link IdentityMap}: its absolute path, or `-` for standard input.
 *
 * @param path - A path as named on the command line or found in a directory.
 * @param base - The folder a relative path is resolved from (default: the working directory).
 */
export function identityKey(path: string, base?: string): string {
  if (path === '-') return '-'
  return base === undefined || isAbsolute(path) ? resolve(path) : resolve(base, path)
}

/**
 * Read an identity CSV. Throws, with a message naming the line, for a file that cannot be read, a
 * header without `file`, `organization` and `year`, a row with another number of cells than the
 * header, an unclosed quote, a year that is not a whole number from 2019 to next year, or two rows
 * naming the same file.
 *
 * @param path - The CSV.
 */
export function readIdentityCsv(path: string): IdentityMap {
  const text = readFileSync(path, 'utf8').replace(/^\ufeff/u, '')
  const rows = parseCsv(text, path)
  const header = rows.shift()
  if (header === undefined) throw new Error(`${path}: empty; its header must name ${COLUMNS.join(', ')}`)
  const at = COLUMNS.map((column) => header.cells.findIndex((cell) => cell.trim().toLowerCase() === column))
  const lacking = COLUMNS.filter((_, i) => (at[i] as number) < 0)
  if (lacking.length > 0) throw new Error(`${path}:${header.line}: the header names no ${lacking.join(', ')} column`)
  const [fileAt, organizationAt, yearAt] = at as [number, number, number]
  const optional = OPTIONAL.map((column) => [column, header.cells.findIndex((cell) => cell.trim().toLowerCase() === column)] as const)
  const base = dirname(resolve(path))
  const map = new Map<string, IdentityRow>()
  for (const { cells, line } of rows) {
    if (cells.length !== header.cells.length) throw new Error(`${path}:${line}: ${cells.length} cells for ${header.cells.length} columns`)
    const file = (cells[fileAt] as string).trim()
    if (file === '') throw new Error(`${path}:${line}: no file`)
    const row: IdentityRow = { file, line }
    const organization = (cells[organizationAt] as string).trim()
    if (organization !== '') row.organization = organization
    const year = (cells[yearAt] as string).trim()
    if (year !== '') {
      if (!/^\d{4}$/u.test(year) || !isReportYear(Number(year)))
        throw new Error(`${path}:${line}: year “${year}” is not a year from 2019 to ${lastYear()}`)
      row.year = Number(year)
    }
    for (const [column, index] of optional) {
      const text = index < 0 ? '' : (cells[index] as string).trim()
      if (text !== '') row[column] = text
    }
    const key = identityKey(file, base)
    const before = map.get(key)
    if (before !== undefined) throw new Error(`${path}:${line}: “${file}” is named again (line ${before.line})`)
    map.set(key, row)
  }
  return map
}

/** A record of the CSV: its cells and the line it starts on. */
interface CsvRecord {
  cells: string[]
  line: number
}

/** RFC 4180 records: cells apart by commas, quoted cells with `""` for a quote; blank lines skipped. */
function parseCsv(text: string, path: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let start = 1
  let quoted = false
  let wasQuoted = false
  const end = (): void => {
    cells.push(cell)
    if (cells.length > 1 || cells[0] !== '' || wasQuoted) records.push({ cells, line: start })
    cells = []
    cell = ''
    wasQuoted = false
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\n') line++
    if (quoted) {
      if (ch !== '"') cell += ch
      else if (text[i + 1] === '"') ((cell += '"'), i++)
      else quoted = false
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true
      wasQuoted = true
      cell = ''
    } else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      if (ch === '\r') (i++, line++)
      end()
      start = line
    } else cell += ch
  }
  if (quoted) throw new Error(`${path}:${start}: a quote is not closed`)
  end()
  return records
}

/**
 * What the CSV gives a file: its own row's fields; for `dataset` (`folders`), each field the
 * file's row does not give taken from the row of the nearest folder above it that does.
 *
 * @param map - The CSV's rows.
 * @param path - The file, as named or found (`-`: standard input).
 * @param folders - Whether rows naming folders apply to the files below them.
 */
export function identityOf(map: IdentityMap | undefined, path: string, folders: boolean): GivenIdentity | undefined {
  if (map === undefined) return undefined
  const key = identityKey(path)
  if (!folders || key === '-') return map.get(key)
  let given: GivenIdentity | undefined
  for (let at = key; ; at = dirname(at)) {
    const row = map.get(at)
    if (row !== undefined) {
      given ??= {}
      for (const field of ['organization', 'year', 'region', 'level'] as const) {
        if (given[field] === undefined && row[field] !== undefined) (given as Record<string, unknown>)[field] = row[field]
      }
    }
    if (dirname(at) === at) return given
  }
}

/**
 * The rows that name no file of the batch (with `folders`: no file and no folder above one).
 *
 * @param map - The CSV's rows.
 * @param base - The CSV's folder (relative `file` cells are read from it).
 * @param paths - The files of the batch, as named or found.
 * @param folders - Whether a row may name a folder.
 */
export function unusedRows(map: IdentityMap, base: string, paths: readonly string[], folders: boolean): IdentityRow[] {
  const named = new Set<string>()
  for (const path of paths) {
    const key = identityKey(path)
    named.add(key)
    // Each folder above a file once: a walk stops at the first folder seen before.
    if (folders && key !== '-') {
      for (let at = dirname(key); !named.has(at); at = dirname(at)) {
        named.add(at)
        if (dirname(at) === at) break
      }
    }
  }
  return [...map.values()].filter((row) => !named.has(identityKey(row.file, base)))
}
