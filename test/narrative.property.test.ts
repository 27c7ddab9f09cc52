/**
 * Generated reports of both editions, printed in every layout, whose section 一 restates figures of
 * their tables: some agreeing, some disagreeing, with decoys (a previous year's, a county-wide
 * total, a cumulative, an approximation, a share …) among them. Exactly the planted disagreements
 * are found, each naming the quantity and both figures; no cell changes.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { cellPaths, getCell, parseReport, type Report } from '../src/index.js'
import { LAYOUTS } from './damage.js'
import { narrativeStatements } from './narrative-damage.js'

const SEED = 20261227
const TIMEOUT = 120_000

describe('figures of the narrative against the tables', () => {
  prop.prop([narrativeStatements], { seed: SEED, numRuns: 200 })(
    'both editions, every layout: exactly the planted disagreements are found, agreements and decoys say nothing',
    ({ text, report, planted }) => {
      const result = parseReport(text)
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
    },
    TIMEOUT
  )

  it('the runs cover both editions, every layout, and each kind of sentence', () => {
    const runs = fc.sample(narrativeStatements, { seed: SEED, numRuns: 200 })
    expect(new Set(runs.map((run) => run.report.edition))).toEqual(new Set(['2019', '2021']))
    expect(new Set(runs.map((run) => run.layout))).toEqual(new Set(LAYOUTS))
    const kinds = runs.flatMap((run) => run.planted.map((one) => one.kind))
    for (const kind of ['agree', 'disagree', 'decoy'] as const) expect(kinds.filter((one) => one === kind).length, kind).toBeGreaterThan(50)
  })
})
