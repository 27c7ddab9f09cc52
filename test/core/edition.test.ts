import { describe, expect, it } from 'vitest'
import { detectEdition, detectEditionOf } from '../../src/core/edition.js'
import { normalizeLabel } from '../../src/core/normalize.js'
import { parseReport } from '../../src/index.js'
import { corpusInput } from '../helpers.js'

describe('detectEdition', () => {
  it('reads 2019 markers', () => {
    const guess = detectEdition(normalizeLabel('本年新制作数量|上一年项目数量|本年增/减|政府集中采购'), null)
    expect(guess).toMatchObject({ edition: '2019', conflict: false })
  })

  it('reads 2021 markers', () => {
    const guess = detectEdition(normalizeLabel('本年制发件数|本年废止件数|现行有效件数|本年收费金额'), 2019)
    expect(guess).toMatchObject({ edition: '2021', conflict: false })
  })

  it('says when both are present, and takes the stronger', () => {
    const guess = detectEdition(normalizeLabel('本年制发件数|本年废止件数|上一年项目数量'), null)
    expect(guess).toMatchObject({ edition: '2021', conflict: true })
  })

  it('reads labels one by one as it reads their joined text, each marker counted once', () => {
    const labels = ['本年制发件数', '本年制发件数', '规章', '本年废止', '件数', '上一年项目数量(件)', '本年收费金额(单位:万元)'].map(
      normalizeLabel
    )
    const one = detectEditionOf(labels, null)
    expect(one).toEqual(detectEdition(`|${labels.join('|')}`, null))
    // 本年废止|件数 is not the marker 本年废止件数: a cell boundary is never inside a marker.
    expect(one.markers).toEqual({ '2019': 1, '2021': 2 })
  })

  it('falls back to the year', () => {
    expect(detectEdition('', 2020).edition).toBe('2019')
    expect(detectEdition('', 2021).edition).toBe('2021')
    expect(detectEdition('', null).edition).toBe('2021')
  })

  it('finds the edition of every fixture', () => {
    for (const seed of ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']) {
      expect(parseReport(corpusInput(seed)).report?.edition).toBe('2019')
    }
    expect(parseReport(corpusInput('text-2021-full')).report?.edition).toBe('2021')
    expect(parseReport(corpusInput('text-2021-broken')).report?.edition).toBe('2021')
  })

  it('reports edition_conflict when markers of both formats are printed', () => {
    const text = corpusInput('text-2021-full').replace('本年废止件数', '本年新制作数量').replace('现行有效件数', '本年新公开数量')
    const result = parseReport(text)
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('edition_conflict')
  })
})
