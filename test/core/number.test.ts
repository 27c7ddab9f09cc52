import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseReport } from '../../src/index.js'
import { headerUnit, readCell, toWanyuan } from '../../src/core/number.js'

describe('readCell', () => {
  it.each([
    ['0', 0],
    [' 12 ', 12],
    ['\u00a00\u00a0\u00a0', 0],
    ['１２', 12],
    ['1,234', 1234],
    ['-18', -18],
    ['+3', 3],
    ['减少18', -18],
    ['0.5344', 0.5344],
    ['4166.241619', 4166.241619],
    ['12件', 12]
  ])('%j is %d', (text, value) => {
    expect(readCell(text)).toMatchObject({ kind: 'number', value })
  })

  it('keeps the unit of money cells', () => {
    expect(readCell('117万元')).toMatchObject({ kind: 'number', value: 117, unit: '万元' })
    expect(readCell('251000元')).toMatchObject({ kind: 'number', value: 251000, unit: '元' })
  })

  it.each(['/', '-', '—', '无', '－'])('%j is a blank marker', (text) => {
    expect(readCell(text)).toMatchObject({ kind: 'blank' })
  })

  it('knows an empty cell', () => {
    expect(readCell(' \u3000')).toEqual({ kind: 'empty' })
  })

  it.each(['规章', '约12条以上', '12.3.4', '第二十条第（一）项'])('%j is not a value', (text) => {
    expect(readCell(text)).toBeUndefined()
  })

  it('never gives -0', () => {
    expect(Object.is((readCell('-0') as { value: number }).value, 0)).toBe(true)
  })
})

describe('money', () => {
  it('converts to 万元 exactly', () => {
    expect(toWanyuan('251000', '元')).toBe(25.1)
    expect(toWanyuan('13575394432.52', '元')).toBe(1357539.443252)
    expect(toWanyuan('3', '元')).toBe(0.0003)
    expect(toWanyuan('1.5', '亿元')).toBe(15000)
    expect(toWanyuan('117', '万元')).toBe(117)
  })

  it('reads the unit a header names', () => {
    expect(headerUnit('采购总金额（单位：万元，保留4位小数）')).toBe('万元')
    expect(headerUnit('采购总金额(元)')).toBe('元')
    expect(headerUnit('采购总金额')).toBeUndefined()
  })
})

describe('units as data (issue 12)', () => {
  it('reads every unit of the catalogue in a header, the longest that fits', () => {
    expect(headerUnit('本年收费金额（单位：千元）')).toBe('千元')
    expect(headerUnit('本年收费金额（单位：百万元）')).toBe('百万元')
    expect(headerUnit('本年收费金额（单位：十万元）')).toBe('十万元')
    expect(headerUnit('本年收费金额（单位：千万元）')).toBe('千万元')
    expect(headerUnit('本年收费金额（单位：万元）')).toBe('万元')
    expect(headerUnit('本年收费金额（单位：元）')).toBe('元')
  })

  it('converts each to 万元 by moving the decimal point', () => {
    expect(toWanyuan('4166', '千元')).toBe(416.6)
    expect(toWanyuan('1.5', '百万元')).toBe(150)
    expect(toWanyuan('3', '十万元')).toBe(30)
    expect(toWanyuan('2', '千万元')).toBe(2000)
  })

  it('reads a unit printed in the cell', () => {
    expect(readCell('250千元')).toEqual({ kind: 'number', value: 250, digits: '250', unit: '千元' })
    expect(readCell('1.2百万元')).toEqual({ kind: 'number', value: 1.2, digits: '1.2', unit: '百万元' })
  })

  it('keeps a figure of more than 15 significant digits out of the numbers', () => {
    expect(readCell('1234567890123456')).toEqual({ kind: 'unreadable', why: 'tooLong', digits: '1234567890123456' })
    expect(readCell('9'.repeat(400))).toMatchObject({ kind: 'unreadable', why: 'tooLong' })
    expect(readCell('123456789012345')).toMatchObject({ kind: 'number', value: 123456789012345 })
  })
})

describe('one cell, one number', () => {
  it('two numbers apart by white space or a line break are not one number', () => {
    for (const text of ['3 5', '3\n5', '3\u00a05', '3\u30005', '1 234']) {
      expect(readCell(text)).toMatchObject({ kind: 'unreadable', why: 'several' })
    }
  })

  it('a number with a footnote mark is not read: circled, parenthesised, superscript, subscript, symbols', () => {
    for (const text of ['13①', '13⑴', '13⒈', '13¹', '13²', '13₁', '13*', '*13', '13※', '13†', '12.5‡', '㉑7']) {
      expect(readCell(text), text).toMatchObject({ kind: 'unreadable', why: 'marked' })
    }
  })

  it('reads no value at all where the digits are not a number as printed (the cell is then invalid where a value stands)', () => {
    expect(readCell('12 -3')).toBeUndefined()
    expect(readCell('❶13')).toBeUndefined()
  })

  it('keeps what is not a mark: full-width digits, Markdown emphasis, a star alone', () => {
    expect(readCell('１３')).toMatchObject({ kind: 'number', value: 13 })
    expect(readCell('*13*')).toMatchObject({ kind: 'number', value: 13 })
    expect(readCell('**13**')).toMatchObject({ kind: 'number', value: 13 })
    expect(readCell('*')).toEqual({ kind: 'empty' })
    expect(readCell('增加 5')).toMatchObject({ kind: 'number', value: 5 })
    expect(readCell(' 12 ')).toMatchObject({ kind: 'number', value: 12 })
  })
})

describe('a unit a header states that is not a money unit', () => {
  it('is returned as unknown, never as the unit it ends with', () => {
    expect(headerUnit('采购总金额（单位：美元）')).toEqual({ unknown: '美元' })
    expect(headerUnit('本年收费金额（单位：万）')).toEqual({ unknown: '万' })
    expect(headerUnit('采购总金额（港元）')).toEqual({ unknown: '港元' })
    expect(headerUnit('金额单位为元')).toBe('元')
    expect(headerUnit('采购项目数量（个）')).toBeUndefined()
  })
})

describe('a money header in 千元 or 百万元 through parseReport', () => {
  const full = readFileSync(join(import.meta.dirname, '..', '..', 'corpus', 'text-2021-full', 'input.txt'), 'utf8')
  it('（单位：美元）: the fee is null with unknown_unit, not read as 元', () => {
    const result = parseReport(full.replace('本年收费金额（单位：万元）', '本年收费金额（单位：美元）'))
    expect(result.report?.edition === '2021' && result.report.activeDisclosure.fees.amount).toBeNull()
    expect(result.diagnostics).toMatchObject([{ code: 'unknown_unit', severity: 'warning', path: 'activeDisclosure.fees.amount' }])
    expect(result.diagnostics[0]?.message).toContain('美元')
  })

  for (const [unit, expected] of [
    ['千元', 416.6241619],
    ['百万元', 416624.1619]
  ] as const) {
    it(`（单位：${unit}）: the fee is converted, with unit_converted`, () => {
      const result = parseReport(full.replace('本年收费金额（单位：万元）', `本年收费金额（单位：${unit}）`))
      expect(result.report?.edition === '2021' && result.report.activeDisclosure.fees.amount).toBe(expected)
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['unit_converted'])
    })
  }
})
