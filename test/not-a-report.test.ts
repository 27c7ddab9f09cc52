import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../src/index.js'
import { CORPUS } from './helpers.js'

describe('inputs that are not reports', () => {
  it('a pre-2019 report (unrelated 统计表) gives report null with not_a_report', () => {
    const result = parseReport(readFileSync(join(CORPUS, 'real-010-pingtan-2018', 'input.txt'), 'utf8'))
    expect(result.report).toBeNull()
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['not_a_report'])
  })

  it('prose that names the sections but has no table', () => {
    const result = parseReport('一、总体情况\n今年共收到申请12件。\n二、主动公开政府信息情况\n规章制发3件。')
    expect(result.report).toBeNull()
  })
})
