import { describe, expect, it } from 'vitest'
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
