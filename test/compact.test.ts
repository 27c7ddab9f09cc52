/**
 * `compactEntry` and `DatasetBuilder.addCompact`: a parse sent to another thread as its compact
 * entry (structured-cloned, as `postMessage` does) builds the same dataset as the parse added
 * whole, whatever the sources, their order and what the caller says of them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { it as prop } from '@fast-check/vitest'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toJson } from '../src/serialize/json.js'
import {
  cellPaths,
  COMPACT_STATUSES,
  compactEntry,
  DatasetBuilder,
  parseReports,
  toRows,
  type DatasetEntryInfo,
  type ParseResult
} from '../src/index.js'

const SEED = 20261125
const CORPUS = join(import.meta.dirname, '..', 'corpus')

/** Every report of the corpus's text, Markdown, HTML and JSON inputs (and the parses of no report), with its source. */
const PARSES: { source: string; result: ParseResult }[] = readdirSync(CORPUS)
  .sort()
  .flatMap((name) => {
    const input = readdirSync(join(CORPUS, name)).find((file) => /^input\.(txt|md|html|json)$/u.test(file))
    if (input === undefined) return []
    const results = parseReports(new Uint8Array(readFileSync(join(CORPUS, name, input))))
    return results.map((result, i) => ({ source: results.length > 1 ? `${name}#report=${i + 1}` : name, result }))
  })

/** What a caller may say of a source: nothing, or a body (of a few, so that years meet), a year, a region, a level. */
const info: fc.Arbitrary<DatasetEntryInfo> = fc.record(
  {
    organization: fc.constantFrom('甲县人民政府', '乙市财政局', ' 甲县人民政府 '),
    year: fc.integer({ min: 2019, max: 2025 }),
    region: fc.constantFrom('华东', '西南'),
    level: fc.constantFrom('县', '市')
  },
  { requiredKeys: [] }
)

/** The dataset as JSON: the same text for the same dataset (reports read through their getters). */
const text = (builder: DatasetBuilder): string => toJson(builder.build())

describe('compactEntry and addCompact', () => {
  it('keeps each cell’s value and status as the long CSV has them', () => {
    let cells = 0
    for (const { source, result } of PARSES) {
      const report = compactEntry(result, source).report
      if (result.report === null) {
        expect(report).toBeNull()
        continue
      }
      expect(report?.values).toHaveLength(cellPaths(result.report.edition).length)
      for (const row of toRows(result)) {
        const index = (cellPaths(result.report.edition) as readonly string[]).indexOf(row.path)
        const value = report?.values[index] as number
        expect(Number.isNaN(value) ? null : value, `${source} ${row.path}`).toBe(row.value)
        expect(COMPACT_STATUSES[report?.statuses[index] as number], `${source} ${row.path}`).toBe(row.status)
        cells++
      }
    }
    expect(cells).toBeGreaterThan(5000)
  })

  prop.prop([fc.array(fc.tuple(fc.nat({ max: PARSES.length - 1 }), info), { minLength: 1, maxLength: 14 }), fc.boolean()], {
    seed: SEED,
    numRuns: 120
  })(
    'builds the same dataset as add(), sent through a structured clone',
    (picks, keepText) => {
      const whole = new DatasetBuilder({ text: keepText })
      const compact = new DatasetBuilder({ text: keepText })
      for (const [at, given] of picks) {
        const { source, result } = PARSES[at] as (typeof PARSES)[number]
        whole.add(result, source, given)
        compact.addCompact(structuredClone(compactEntry(result, source, given, { text: keepText })))
      }
      expect(text(compact)).toBe(text(whole))
    },
    120_000
  )

  it('leaves out the title and sections with text: false', () => {
    const { source, result } = PARSES.find((parse) => parse.result.report?.title != null) as (typeof PARSES)[number]
    expect(compactEntry(result, source, null, { text: false }).report).toMatchObject({ title: null })
    expect(compactEntry(result, source, null, { text: false }).report?.sections).toBeUndefined()
    expect(compactEntry(result, source).report?.sections).toEqual(result.report?.sections)
  })

  it('refuses arrays of another length than the edition’s cells', () => {
    const { source, result } = PARSES.find((parse) => parse.result.report !== null) as (typeof PARSES)[number]
    const entry = compactEntry(result, source, { organization: '甲', year: 2024 })
    const report = entry.report as NonNullable<typeof entry.report>
    expect(() => new DatasetBuilder().addCompact({ ...entry, report: { ...report, values: report.values.subarray(1) } })).toThrow(TypeError)
    expect(() => new DatasetBuilder().addCompact({ ...entry, report: { ...report, statuses: new Uint8Array(3) } })).toThrow(TypeError)
    expect(COMPACT_STATUSES).toContain('inferred')
  })
})
