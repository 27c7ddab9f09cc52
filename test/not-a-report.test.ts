import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseReport, parseReportAsync, parseReports } from '../src/index.js'
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

  it('bytes whose buffer was transferred (detached) give not_a_report saying so, never a throw', async () => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, 'seed-000', 'input.txt')))
    structuredClone(bytes.buffer, { transfer: [bytes.buffer] })
    for (const result of [parseReport(bytes), await parseReportAsync(bytes), ...parseReports(bytes)]) {
      expect(result.report).toBeNull()
      expect(result.diagnostics).toMatchObject([{ code: 'not_a_report', message: expect.stringContaining('detached') }])
    }
    // An empty input is not detached: it is read, and holds no report.
    expect(parseReport(new Uint8Array()).diagnostics[0]?.message).not.toContain('detached')
  })
})
