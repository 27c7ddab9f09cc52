/**
 * Money units (issue 12): wherever a table 二 states the unit of its money column (its header,
 * the cell, a note under the table, a caption over it, a row of its own), the amount is read in
 * that unit and converted to 万元 exactly; a unit that is no money unit of the format, or two
 * units for one cell, give null with a warning naming the cell, never a guess.
 */
import { it as prop } from '@fast-check/vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cellPaths, getCell, getCellAt, parseReport } from '../src/index.js'
import { table2Units } from './damage.js'
import { withoutIdentityPositions } from './helpers.js'

const SEED = 20261122
const TIMEOUT = 60_000
const corpus = (name: string, file: string): string => readFileSync(join(import.meta.dirname, '..', 'corpus', name, file), 'utf8')
const full = corpus('text-2021-full', 'input.txt')
const FEES = '行政事业性收费\t4166.241619\t\t\n'
const bareHeader = full.replace('本年收费金额（单位：万元）', '本年收费金额')
const amount = (result: ReturnType<typeof parseReport>): unknown =>
  result.report === null ? undefined : getCell(result.report, 'activeDisclosure.fees.amount')
const codes = (result: ReturnType<typeof parseReport>): string[] => result.diagnostics.map((diagnostic) => diagnostic.code)

describe('a unit stated by a note or caption of table 二', () => {
  it('a note under the table in 元: the bare amount is converted, and the note is not an extra', () => {
    const result = parseReport(bareHeader.replace(FEES, `${FEES}注：金额单位为元\n`))
    expect(amount(result)).toBe(0.4166241619)
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'unit_converted')).toMatchObject([
      { severity: 'info', path: 'activeDisclosure.fees.amount', actual: 4166.241619, expected: 0.4166241619 }
    ])
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'unit_converted')?.message).toContain('“注：金额单位为元”')
    expect(result.report?.extras).toEqual([])
  })

  it('a caption over the table in 万元 changes nothing', () => {
    const result = parseReport(bareHeader.replace('信息内容\t本年收费金额', '（单位：万元）\n信息内容\t本年收费金额'))
    const bare = parseReport(bareHeader)
    // The caption stands in section 二's text; nothing else differs.
    expect(withoutIdentityPositions(result.report)).toEqual(withoutIdentityPositions(bare.report))
    expect({ ...result, report: null }).toEqual({ ...bare, report: null })
  })

  it('a note in 元 under the official header in 万元: two units, null with a warning naming both', () => {
    const result = parseReport(full.replace(FEES, `${FEES}注：金额单位为元\n`))
    expect(amount(result)).toBeNull()
    const warning = result.diagnostics.find((diagnostic) => diagnostic.code === 'unknown_unit')
    expect(warning).toMatchObject({ severity: 'warning', path: 'activeDisclosure.fees.amount' })
    expect(warning?.message).toContain('its header states 万元')
    expect(warning?.message).toContain('states 元')
  })

  it('two notes that disagree: null with a warning', () => {
    const result = parseReport(bareHeader.replace(FEES, `（单位：万元）\n${FEES}注：金额单位为元\n`))
    expect(amount(result)).toBeNull()
    expect(codes(result)).toContain('unknown_unit')
  })

  it('a note in a unit that is not of the format (美元): null with unknown_unit', () => {
    const result = parseReport(bareHeader.replace(FEES, `${FEES}单位：美元\n`))
    expect(amount(result)).toBeNull()
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'unknown_unit')?.message).toContain('“美元”')
  })

  it('a note that names another column (采购 in a 2021 report) applies to none, and stays an extra', () => {
    const result = parseReport(bareHeader.replace(FEES, `${FEES}注：采购总金额单位为元\n`))
    expect(amount(result)).toBe(4166.241619)
    expect(result.report?.extras.map((extra) => extra.text)).toEqual(['注：采购总金额单位为元'])
  })

  it('prose that only mentions 单位 is no note: 本单位为区政府组成部门', () => {
    const result = parseReport(bareHeader.replace(FEES, `${FEES}本单位为区政府组成部门\n`))
    expect(amount(result)).toBe(4166.241619)
    expect(codes(result)).not.toContain('unit_converted')
  })

  it('a unit printed in the cell wins over a note', () => {
    const result = parseReport(bareHeader.replace(FEES, '行政事业性收费\t41662416.19元\t\t\n注：金额单位为万元\n'))
    expect(amount(result)).toBe(4166.241619)
    expect(codes(result)).not.toContain('unknown_unit')
  })
})

describe('units wherever they are stated', () => {
  prop.prop([table2Units], { seed: SEED, numRuns: 200 })(
    'every layout, both editions: the amount exact in 万元, or null with a warning naming it; every other cell exact',
    ({ text, report, path, place, unit, readable }) => {
      const result = parseReport(text)
      expect(result.report).not.toBeNull()
      const named = result.diagnostics.filter((diagnostic) => diagnostic.path === path)
      if (readable) {
        expect(getCellAt(result.report!, path)).toBe(getCellAt(report, path))
        const converted = named.some((diagnostic) => diagnostic.code === 'unit_converted')
        expect(converted).toBe(place !== 'none' && unit !== '万元' && getCellAt(report, path) !== 0 ? true : converted)
        expect(named.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([])
      } else {
        expect(getCellAt(result.report!, path)).toBeNull()
        expect(named.map((diagnostic) => diagnostic.code)).toContain('unknown_unit')
      }
      for (const other of cellPaths(report.edition)) {
        if (other !== path) expect(getCell(result.report!, other), other).toBe(getCell(report, other))
      }
    },
    TIMEOUT
  )
})
