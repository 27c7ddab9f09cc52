/**
 * Labels with typos (issue 14's finding): a row label printed with a few characters wrong is read
 * as the one label of the format it is near, with an info naming both; its values never fall into
 * the row above.
 */
import { it as prop } from '@fast-check/vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { editDistance } from '../src/core/labels.js'
import { cellPaths, getCell, parseReport, type Report } from '../src/index.js'
import { table3LabelTypo } from './damage.js'

const full = readFileSync(join(import.meta.dirname, '..', 'corpus', 'text-2021-full', 'input.txt'), 'utf8')

describe('labels with typos', () => {
  it('2.其他法律行政止公开 (three characters lost) is read as 2.其他法律行政法规禁止公开, with an info', () => {
    const typo = parseReport(full.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开'))
    const plain = parseReport(full)
    for (const path of cellPaths('2021')) expect(getCell(typo.report as Report, path), path).toBe(getCell(plain.report as Report, path))
    expect(typo.diagnostics.filter((diagnostic) => diagnostic.code === 'label_variant')).toMatchObject([
      { severity: 'info', message: expect.stringContaining('“2.其他法律行政法规禁止公开”') }
    ])
  })

  it('a text near two labels, or a short label one character off, is no label', () => {
    const result = parseReport(full.replace('\t\t2.重复申请', '\t\t2.重夏申请'))
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('label_variant')
  })

  it('edit distance within a band, capped', () => {
    expect(editDistance('其他法律行政止公开', '其他法律行政法规禁止公开', 3)).toBe(3)
    expect(editDistance('abc', 'abc', 0)).toBe(0)
    expect(editDistance('kitten', 'sitting', 3)).toBe(3)
    expect(editDistance('kitten', 'sitting', 2)).toBe(3)
    expect(editDistance('a', 'abcdef', 2)).toBe(3)
  })

  prop.prop([table3LabelTypo], { seed: 20261122, numRuns: 150 })(
    'a row label of table 三 with typos, any layout, both editions: every cell exact or null with a warning naming it',
    ({ text, report, path }) => {
      const result = parseReport(text)
      expect(result.report).not.toBeNull()
      for (const cell of cellPaths(report.edition)) {
        const value = getCell(result.report as Report, cell)
        if (value === getCell(report, cell)) continue
        expect(value, cell).toBeNull()
        const named = result.diagnostics.some(
          (diagnostic) =>
            diagnostic.severity !== 'info' &&
            diagnostic.path !== undefined &&
            (cell === diagnostic.path || cell.startsWith(`${diagnostic.path}.`))
        )
        expect(named, `${cell} (typo in ${path})`).toBe(true)
      }
    },
    60_000
  )
})
