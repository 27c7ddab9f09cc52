/**
 * Conflicts are diagnostics, not extras (issue 12): a row printed twice with other values names
 * each cell that differs, with both values; the same values again say nothing.
 */
import { it as prop } from '@fast-check/vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cellPaths, getCell, getCellAt, parseReport } from '../src/index.js'
import { table3Repeated } from './damage.js'
import { withoutIdentityPositions } from './helpers.js'

const SEED = 20261122
const TIMEOUT = 60_000
const full = readFileSync(join(import.meta.dirname, '..', 'corpus', 'text-2021-full', 'input.txt'), 'utf8')

describe('a row printed twice', () => {
  it('with another value: the first is kept, and a warning names the cell with both values', () => {
    const result = parseReport(full.replace(/^(规章\t3\t1\t27)$/mu, '$1\n规章\t5\t1\t27'))
    expect(result.report?.activeDisclosure.regulations).toEqual({ issued: 3, repealed: 1, inForce: 27 })
    const conflicts = result.diagnostics.filter((diagnostic) => diagnostic.code === 'conflicting_values')
    expect(conflicts).toMatchObject([
      { severity: 'warning', path: 'activeDisclosure.regulations.issued', expected: 3, actual: 5, position: { line: expect.any(Number) } }
    ])
    expect(conflicts[0]?.message).toContain('3, then 5')
    expect(result.report?.extras).toEqual([])
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('unknown_label')
  })

  it('with the same values: nothing to say, nothing kept twice', () => {
    const once = parseReport(full)
    const twice = parseReport(full.replace(/^(规章\t3\t1\t27)$/mu, '$1\n$1'))
    expect(withoutIdentityPositions(twice.report)).toEqual(withoutIdentityPositions(once.report))
    expect(twice.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(once.diagnostics.map((diagnostic) => diagnostic.code))
  })

  it('with values that do not fit its columns: a warning on the row, the first printing kept', () => {
    const result = parseReport(full.replace(/^(规章\t3\t1\t27)$/mu, '$1\n规章\t5\t1'))
    expect(result.report?.activeDisclosure.regulations).toEqual({ issued: 3, repealed: 1, inForce: 27 })
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'conflicting_values')).toMatchObject([
      { path: 'activeDisclosure.regulations' }
    ])
  })

  prop.prop([table3Repeated], { seed: SEED, numRuns: 120 })(
    'table 三 printed twice in any layout: every cell as first printed; a changed cell, and only it, named with both values',
    ({ text, report, path, delta }) => {
      const result = parseReport(text)
      for (const cell of cellPaths(report.edition)) expect(getCell(result.report!, cell), cell).toBe(getCell(report, cell))
      const conflicts = result.diagnostics.filter((diagnostic) => diagnostic.code === 'conflicting_values')
      const first = getCellAt(report, path) as number
      expect(conflicts).toMatchObject(delta === 0 ? [] : [{ path, expected: first, actual: first + delta }])
      expect(result.report?.extras).toEqual([])
    },
    TIMEOUT
  )
})
