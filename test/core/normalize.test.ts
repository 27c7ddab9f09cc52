import { describe, expect, it } from 'vitest'
import { labelCore, normalizeLabel, tidyProse } from '../../src/core/normalize.js'

describe('normalizeLabel', () => {
  it('removes every kind of whitespace, U+00A0 and U+3000 included', () => {
    expect(normalizeLabel(' 自 然\u00a0人\u3000\t')).toBe('自然人')
    expect(normalizeLabel('三、本年度办 理结果')).toBe(normalizeLabel('三、本年度办理结果'))
  })

  it('folds full-width forms (NFKC)', () => {
    expect(normalizeLabel('（一）予以公开')).toBe('(一)予以公开')
    expect(normalizeLabel('１２３')).toBe('123')
  })

  it('removes curly and ASCII quotes alike', () => {
    const curly = normalizeLabel('3.危及“三安全一稳定”')
    expect(normalizeLabel('3.危及"三安全一稳定"')).toBe(curly)
    expect(normalizeLabel('3.危及三安全一稳定')).toBe(curly)
  })

  it('unifies 、 and ， and brackets', () => {
    expect(normalizeLabel('逾期不补正、行政机关')).toBe(normalizeLabel('逾期不补正，行政机关'))
    expect(normalizeLabel('【一】')).toBe(normalizeLabel('（一）'))
  })

  it('drops Markdown emphasis', () => {
    expect(normalizeLabel('**规章**')).toBe('规章')
  })
})

describe('labelCore', () => {
  it.each([
    ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'],
    ['(一) 予以公开', '予以公开'],
    ['（三）不予公开', '不予公开'],
    ['1.属于国家秘密', '属于国家秘密'],
    ['2、重复申请', '重复申请'],
    ['规章', '规章']
  ])('%s → %s', (label, core) => {
    expect(labelCore(normalizeLabel(label))).toBe(core)
  })
})

describe('tidyProse', () => {
  it('removes Markdown markers and Word debris, keeps the text', () => {
    expect(tidyProse('- 1.加强组织领导。**我局高度重视')).toBe('1.加强组织领导。我局高度重视')
    expect(tidyProse('### (一) 基层政务公开')).toBe('(一) 基层政务公开')
    expect(tidyProse('无其他需要报告事项。[bookmark: _GoBack]')).toBe('无其他需要报告事项。')
    expect(tidyProse('\u3000 正文 ')).toBe('正文')
  })
})
