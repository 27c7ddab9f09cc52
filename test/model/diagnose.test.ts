/**
 * Diagnostic messages: one template per code in each locale, rendered from the same facts, so a
 * Chinese parse gives the same diagnostics as an English one but for the message.
 */
import { describe, expect, it } from 'vitest'
import { DIAGNOSTIC_CODES, parseReport, type Diagnostic } from '../../src/index.js'
import { makeDiagnostic, MESSAGES } from '../../src/model/diagnose.js'
import { corpusInput } from '../helpers.js'

const CJK = /[\u4e00-\u9fff]/u
const withoutMessage = ({ message: _message, ...rest }: Diagnostic): object => rest

describe('messages', () => {
  it('has a template for every code in both locales, and they differ', () => {
    for (const code of DIAGNOSTIC_CODES) {
      expect(typeof MESSAGES.en[code], code).toBe('function')
      expect(typeof MESSAGES.zh[code], code).toBe('function')
    }
  })

  it('renders the same facts in English and Chinese', () => {
    const d = makeDiagnostic(
      'sum_mismatch',
      { rule: 'I-4', path: 'applications.total.newReceived', actual: 9, expected: 8 },
      { path: 'applications.total.newReceived', expected: 8, actual: 9, rule: 'I-4' }
    )
    expect(d).toEqual({
      code: 'sum_mismatch',
      severity: 'warning',
      message:
        'I-4 fails at applications.total.newReceived: 总计 against the sum of the six applicant columns gives 9 printed, 8 expected.',
      path: 'applications.total.newReceived',
      expected: 8,
      actual: 9,
      rule: 'I-4'
    })
    expect(MESSAGES.zh.sum_mismatch({ rule: 'I-4', path: 'applications.total.newReceived', actual: 9, expected: 8 })).toBe(
      'applications.total.newReceived 处勾稽关系 I-4 不成立：总计 应等于六类申请人之和，印为 9，应为 8。'
    )
    expect(MESSAGES.en.row_length_mismatch({ table: '四', printed: 16, columns: 15 })).toBe(
      'In table 四, the row of numbers of table 四 prints 16 values for 15 columns.'
    )
    expect(MESSAGES.zh.row_length_mismatch({ table: '三', row: '2.重复申请', printed: 6, columns: 7 })).toBe(
      '表三“2.重复申请”行印有 6 个数值，但该行有 7 列。'
    )
  })
})

describe('parseReport with locale', () => {
  for (const name of ['seed-004', 'text-2021-broken', 'real-010-pingtan-2018']) {
    it(`${name}: 'zh' gives the same diagnostics with Chinese messages`, () => {
      const input = corpusInput(name)
      const en = parseReport(input).diagnostics
      const zh = parseReport(input, { locale: 'zh' }).diagnostics
      expect(en.length).toBeGreaterThan(0)
      expect(zh.map(withoutMessage)).toEqual(en.map(withoutMessage))
      for (const [i, d] of zh.entries()) {
        expect(d.message, d.code).toMatch(CJK)
        expect(d.message, d.code).not.toBe(en[i]?.message)
        expect(d.message, d.code).not.toMatch(/\b(?:Cell|Table|Row|row|printed|fails)\b/u)
      }
    })
  }

  it('defaults to English and keeps the English messages of 0.1', () => {
    const [d] = parseReport('只有一句话。').diagnostics
    expect(d?.message).toBe('No table of the 2019 or 2021 format was found (tables 二, 三 and 四 are all absent).')
    expect(parseReport('只有一句话。', { locale: 'zh' }).diagnostics[0]?.message).toBe(
      '未找到 2019 年版或 2021 年版格式的表格（表二、表三、表四均不存在）。'
    )
  })

  it('narrows a diagnostic by its code', () => {
    for (const d of parseReport(corpusInput('md-2019-broken-sums', 'input.md')).diagnostics) {
      if (d.code !== 'sum_mismatch') continue
      const difference: number = d.expected - d.actual // both numbers: no undefined to handle
      expect(difference).not.toBe(0)
      expect(['I-1', 'I-3', 'I-4', 'I-5']).toContain(d.rule)
    }
  })
})
