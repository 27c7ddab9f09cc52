/**
 * Generated reports of both editions, printed in every layout, whose section 一 restates figures of
 * their tables: some agreeing, some disagreeing, with decoys (a previous year's, a county-wide
 * total, a cumulative, an approximation, a share …) among them. Exactly the planted disagreements
 * are found, each naming the quantity and both figures; no cell changes. The same as PDF and Word
 * files (test/writers/), with the PDF writer's layout options. The same reports crawled
 * (one line, cells glued at random): exactly the disagreements the printed runs contradict are found,
 * by the oracle of test/split-oracle.ts; and glued rows of table 二 settled by the sentences about
 * them exactly when one split fits, left null and named when several or none do.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { cellPaths, getCell, parseReport, parseReportAsync, type ParseResult, type Report } from '../src/index.js'
import { LAYOUTS } from './damage.js'
import type { FlatRow } from './flat-damage.js'
import { namesCell } from './helpers.js'
import { narrativeCrawl, narrativeFile, narrativeStatements, PHRASES, settlingRow, type Planted } from './narrative-damage.js'
import { countRow, signedColumn, splitsOf, sumsOf } from './split-oracle.js'

const SEED = 20261227
const TIMEOUT = 120_000

/** Exactly the planted disagreements found, every planted statement read and no decoy, no cell changed. */
function foundAsPlanted(result: ParseResult, report: Report, planted: readonly Planted[]): void {
  const found = result.diagnostics
    .filter((diagnostic) => diagnostic.code === 'text_table_mismatch')
    .map((diagnostic) => `${diagnostic.path}=${diagnostic.actual}`)
    .sort()
  const disagreements = planted
    .filter((one) => one.kind === 'disagree')
    .map((one) => `${one.path}=${one.value}`)
    .sort()
  expect(found).toEqual(disagreements)
  // Every planted statement, and nothing else, is read: the decoys are not.
  const read = (result.report as Report).statements.map((statement) => `${statement.path}=${statement.value}`).sort()
  const stated = planted
    .filter((one) => one.kind !== 'decoy')
    .map((one) => `${one.path}=${one.value}`)
    .sort()
  expect(read).toEqual(stated)
  for (const path of cellPaths(report.edition)) expect(getCell(result.report as Report, path), path).toBe(getCell(report, path))
}

describe('figures of the narrative against the tables', () => {
  prop.prop([narrativeStatements], { seed: SEED, numRuns: 200 })(
    'both editions, every layout: exactly the planted disagreements are found, agreements and decoys say nothing',
    ({ text, report, planted }) => foundAsPlanted(parseReport(text), report, planted),
    TIMEOUT
  )

  prop.prop([narrativeFile], { seed: SEED, numRuns: 40 })(
    'both editions, as a PDF (any layout option, the narrative wrapped over lines) or a Word file: the same',
    async ({ bytes, report, planted, layout }) => {
      const result = await parseReportAsync(bytes)
      expect(result.format).toBe(layout)
      foundAsPlanted(result, report, planted)
    },
    TIMEOUT
  )

  it('the files cover both editions, both formats, and each kind of sentence', () => {
    const runs = fc.sample(narrativeFile, { seed: SEED, numRuns: 40 })
    expect(new Set(runs.map((run) => run.report.edition))).toEqual(new Set(['2019', '2021']))
    expect(new Set(runs.map((run) => run.layout))).toEqual(new Set(['pdf', 'docx']))
    const kinds = runs.flatMap((run) => run.planted.map((one) => one.kind))
    for (const kind of ['agree', 'disagree', 'decoy'] as const) expect(kinds.filter((one) => one === kind).length, kind).toBeGreaterThan(10)
  })

  it('the runs cover both editions, every layout, and each kind of sentence', () => {
    const runs = fc.sample(narrativeStatements, { seed: SEED, numRuns: 200 })
    expect(new Set(runs.map((run) => run.report.edition))).toEqual(new Set(['2019', '2021']))
    expect(new Set(runs.map((run) => run.layout))).toEqual(new Set(LAYOUTS))
    const kinds = runs.flatMap((run) => run.planted.map((one) => one.kind))
    for (const kind of ['agree', 'disagree', 'decoy'] as const) expect(kinds.filter((one) => one === kind).length, kind).toBeGreaterThan(50)
  })
})

/** What a crawl must come to, from the truth and the oracle of test/split-oracle.ts. */
interface CrawlExpectation {
  /** Each cell's value: the report's, or for a row a statement settles, the split it fits. */
  values: Map<string, number | null>
  /** Rows of table 二 settled by a statement: the row's path, and the first sentence about it. */
  settled: { path: string; sentence: string }[]
  /** Rows of table 二 whose run several splits fit and no statement settles: the row's path and cells. */
  open: { path: string; cells: string[] }[]
  /** The planted disagreements that must be found, as `path=value`. */
  findings: string[]
}

/** The expectation of a crawl: which rows are settled, which stay open, which disagreements are found. */
function expectCrawl({ report, planted, rows }: { report: Report; planted: Planted[]; rows: FlatRow[] }, parsed: Report): CrawlExpectation {
  const values = new Map<string, number | null>(cellPaths(report.edition).map((path) => [path, getCell(report, path as never) ?? null]))
  const stated = planted.filter((one) => one.kind !== 'decoy')
  const settled: CrawlExpectation['settled'] = []
  const open: CrawlExpectation['open'] = []
  /** The candidate values of each cell of an undecided row (table 二 left open, or any row whose cell came out null). */
  const candidates = new Map<string, { row: FlatRow; splits: number[][] }>()
  for (const row of rows) {
    if (!countRow(row.cells) || row.cells.some((path) => values.get(path) === null)) continue
    const splits = splitsOf(
      row.run,
      row.cells.map((path) => signedColumn(report.edition, path))
    )
    if (splits.length <= 1) continue
    const about = stated.filter((one) => row.cells.includes(one.path as string))
    const fitting = splits.filter((split) => about.every((one) => split[row.cells.indexOf(one.path as string)] === one.value))
    const path = (row.cells[0] as string).split('.').slice(0, 2).join('.')
    if (about.length > 0 && fitting.length === 1) {
      row.cells.forEach((cell, i) => values.set(cell, (fitting[0] as number[])[i] as number))
      settled.push({ path, sentence: (about[0] as Planted).sentence })
    } else {
      open.push({ path, cells: row.cells })
      for (const cell of row.cells) candidates.set(cell, { row, splits })
    }
  }
  // A row of 三 or 四 the whole table's totals left null: its candidates are the splits that keep the row's own totals.
  for (const row of rows) {
    if (countRow(row.cells) || !row.cells.every((path) => getCell(parsed, path as never) === null)) continue
    if (row.cells.some((path) => values.get(path) === null)) continue
    const splits = splitsOf(
      row.run,
      row.cells.map(() => false),
      sumsOf(row.cells)
    )
    for (const cell of row.cells) candidates.set(cell, { row, splits })
  }
  // A statement is found where no value its cells can take gives its figure: each null cell of a run
  // any of whose splits, the others as read.
  const paths = cellPaths(report.edition)
  const findings = stated
    .filter((one) => {
      const phrase = PHRASES.find((candidate) => candidate.path === one.path) as (typeof PHRASES)[number]
      const cells = paths.filter((path) => phrase.cells.some((cell) => path === cell || path.startsWith(`${cell}.`)))
      let sums = new Set([0])
      const byRow = new Map<FlatRow, number[]>()
      for (const cell of cells) {
        const value = getCell(parsed, cell as never) ?? null
        if (value !== null) sums = new Set([...sums].map((sum) => sum + value))
        else {
          const open = candidates.get(cell)
          if (open === undefined) return false
          byRow.set(open.row, [...(byRow.get(open.row) ?? []), open.row.cells.indexOf(cell)])
        }
      }
      for (const [row, columns] of byRow) {
        const options = new Set(
          (candidates.get(row.cells[0] as string) as { splits: number[][] }).splits.map((split) =>
            columns.reduce((sum, column) => sum + (split[column] as number), 0)
          )
        )
        sums = new Set([...sums].flatMap((sum) => [...options].map((option) => sum + option)))
      }
      return ![...sums].some((sum) => Math.abs(sum - (one.value as number)) < 1e-9)
    })
    .map((one) => `${one.path}=${one.value}`)
  return { values, settled, open, findings }
}

describe('figures of the narrative against the tables, crawled', () => {
  /** How many runs saw each case: a row settled, a row left open, a finding on a null cell, a cell of 三 or 四 null. */
  const seen = { settled: 0, open: 0, nullFinding: 0, runs: 0 }

  prop.prop([narrativeCrawl], { seed: SEED, numRuns: 200 })(
    'both editions, random glue: no cell wrong or unnamed; every statement read, no decoy; exactly the planted disagreements the printed runs contradict are found',
    ({ text, report, planted, rows }) => {
      const result = parseReport(text)
      const parsed = result.report as Report
      const expected = expectCrawl({ report, planted, rows }, parsed)
      seen.runs++
      // Every planted statement, and nothing else, is read.
      const read = parsed.statements.map((statement) => `${statement.path}=${statement.value}`).sort()
      const stated = planted
        .filter((one) => one.kind !== 'decoy')
        .map((one) => `${one.path}=${one.value}`)
        .sort()
      expect(read).toEqual(stated)
      // No cell wrong: each as expected, or null and named.
      for (const [path, want] of expected.values) {
        const got = getCell(parsed, path as never)
        if (got === null && want !== null)
          expect(
            result.diagnostics.some((diagnostic) => namesCell(diagnostic, path)),
            path
          ).toBe(true)
        else expect(got, path).toBe(want)
      }
      for (const { path, sentence } of expected.settled) {
        seen.settled++
        const split = result.diagnostics.find((diagnostic) => diagnostic.code === 'values_split' && diagnostic.path === path)
        expect(split?.message, path).toContain('as the narrative states')
        expect(split?.message, path).toContain(sentence.slice(0, 12))
        const at = split?.code === 'values_split' ? split.statementPosition : undefined
        expect(text.slice(at?.offset).startsWith(sentence), path).toBe(true)
      }
      for (const { path, cells } of expected.open) {
        seen.open++
        for (const cell of cells) expect(getCell(parsed, cell as never), cell).toBeNull()
        expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'ambiguous_value', path }))
      }
      // Exactly the disagreements the printed text contradicts are found.
      const found = result.diagnostics.filter((diagnostic) => diagnostic.code === 'text_table_mismatch')
      expect(found.map((diagnostic) => `${diagnostic.path}=${diagnostic.actual}`).sort()).toEqual(expected.findings.sort())
      for (const finding of found) if (finding.message.includes('no split')) seen.nullFinding++
    },
    TIMEOUT
  )

  it('the runs settle rows, leave rows open, and find disagreements on null cells', () => {
    expect(seen.runs).toBeGreaterThanOrEqual(200)
    expect(seen.settled).toBeGreaterThan(5)
    expect(seen.open).toBeGreaterThan(5)
    expect(seen.nullFinding).toBeGreaterThan(5)
  })
})

/** What a glued row of table 二 comes to, by the oracle: read by the format, settled by the sentences, or left null. */
function settleCase({ report, row, planted }: { report: Report; row: FlatRow; planted: Planted[] }): {
  kind: 'format' | 'settled' | 'several' | 'none'
  values: number[]
} {
  const splits = splitsOf(
    row.run,
    row.cells.map((path) => signedColumn(report.edition, path))
  )
  if (splits.length === 1) return { kind: 'format', values: splits[0] as number[] }
  const fitting = splits.filter((split) => planted.every((one) => split[row.cells.indexOf(one.path as string)] === one.value))
  if (fitting.length === 1) return { kind: 'settled', values: fitting[0] as number[] }
  return { kind: fitting.length === 0 ? 'none' : 'several', values: [] }
}

describe('a glued row of table 二 settled by the sentences about its cells', () => {
  prop.prop([settlingRow], { seed: SEED, numRuns: 200 })(
    'settled to the one split that fits every statement, with values_split naming the sentence and where; left null and named when several or none fit',
    ({ text, report, row, planted }) => {
      const result = parseReport(text)
      const parsed = result.report as Report
      const want = settleCase({ report, row, planted })
      const path = (row.cells[0] as string).split('.').slice(0, 2).join('.')
      const byStatement = result.diagnostics.find(
        (diagnostic) =>
          diagnostic.code === 'values_split' && diagnostic.path === path && diagnostic.message.includes('as the narrative states')
      )
      if (want.kind === 'format' || want.kind === 'settled') {
        row.cells.forEach((cell, i) => expect(getCell(parsed, cell as never), cell).toBe(want.values[i]))
      } else {
        for (const cell of row.cells) expect(getCell(parsed, cell as never), cell).toBeNull()
        expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'ambiguous_value', path }))
      }
      if (want.kind !== 'settled') {
        expect(byStatement).toBeUndefined()
        return
      }
      // The first sentence about the row decided it: the message quotes it, statementPosition points at it.
      const first = planted[0] as Planted
      expect(byStatement?.message).toContain(first.sentence.slice(0, 12))
      const at = byStatement?.code === 'values_split' ? byStatement.statementPosition : undefined
      expect(text.slice(at?.offset).startsWith(first.sentence)).toBe(true)
      expect(result.diagnostics).not.toContainEqual(expect.objectContaining({ code: 'ambiguous_value', path }))
    },
    TIMEOUT
  )

  it('the runs hold rows read by the format, settled by a sentence, and left null with several or no split fitting', () => {
    const runs = fc.sample(settlingRow, { seed: SEED, numRuns: 200 })
    const kinds = runs.map((run) => settleCase(run).kind)
    expect(new Set(runs.map((run) => run.report.edition))).toEqual(new Set(['2019', '2021']))
    const count = (kind: string): number => kinds.filter((one) => one === kind).length
    // A glued run of small values rarely has one split only; the three cases of settling are what count.
    expect(count('format')).toBeGreaterThan(0)
    for (const kind of ['settled', 'several', 'none'] as const) expect(count(kind), kind).toBeGreaterThan(15)
  })
})
