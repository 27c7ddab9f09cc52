/**
 * One cell, one number (issue 12): a cell printed with more than its number, or a page-number line
 * inside a table, never gives a wrong number without a diagnostic naming it.
 */
import { it as prop } from '@fast-check/vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cellPaths, formatReport, getCell, getCellAt, parseReport } from '../src/index.js'
import { table3CellNoise, table3PageNumber } from './damage.js'

const SEED = 20261122
const TIMEOUT = 60_000

describe('one cell, one number', () => {
  prop.prop([table3CellNoise], { seed: SEED, numRuns: 240 })(
    'a cell with a second number or a footnote mark is invalid_number, then null or inferred from the totals; every other cell exact',
    ({ text, report, path }) => {
      const result = parseReport(text)
      expect(result.report).not.toBeNull()
      const named = result.diagnostics.filter((diagnostic) => diagnostic.path === path).map((diagnostic) => diagnostic.code)
      expect(named).toContain('invalid_number')
      const value = getCellAt(result.report!, path)
      if (value !== null) {
        expect(value).toBe(getCellAt(report, path))
        expect(named).toContain('value_inferred')
      }
      for (const other of cellPaths(report.edition)) {
        if (other !== path) expect(getCell(result.report!, other), other).toBe(getCell(report, other))
      }
    },
    TIMEOUT
  )

  prop.prop([table3PageNumber], { seed: SEED, numRuns: 150 })(
    'a page-number line in a table is never joined to a cell: every cell exact, or null or inferred with a warning naming it or its row',
    ({ text, report }) => {
      const result = parseReport(text)
      expect(result.report).not.toBeNull()
      for (const path of cellPaths(report.edition)) {
        const value = getCell(result.report!, path)
        if (value === getCell(report, path)) continue
        const named = result.diagnostics.filter(
          (diagnostic) => diagnostic.severity !== 'info' && (diagnostic.path === path || diagnostic.path === 'applications')
        )
        expect(value, path).toBeNull()
        expect(named.length, path).toBeGreaterThan(0)
      }
    },
    TIMEOUT
  )
})

describe('JSON numbers a double cannot hold', () => {
  const text = readFileSync(join(import.meta.dirname, '..', 'corpus', 'text-2021-full', 'input.txt'), 'utf8')
  const json = formatReport(parseReport(text).report!, { format: 'json' })

  it.each(['1e400', '-1e400', '9007199254740993', '1e21'])('%s is invalid_number, not a number nor a silent null', (printed) => {
    const changed = json.replace(/"issued": 3\b/u, `"issued": ${printed}`)
    expect(changed).not.toBe(json)
    const result = parseReport(changed)
    expect(getCell(result.report!, 'activeDisclosure.regulations.issued')).toBeNull()
    expect(result.diagnostics.filter((diagnostic) => diagnostic.path === 'activeDisclosure.regulations.issued')).toMatchObject([
      { code: 'invalid_number', severity: 'warning' }
    ])
  })
})
