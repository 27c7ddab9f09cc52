/**
 * A group of table 三 printed as one row (issue 14's finding): a 2021 report in the 2019 layout of
 * （六）其他处理, its rows 1.–3. not printed. Zeros are zeros; other sums leave the rows null but
 * still take part in the totals.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getCell, getCellAt, parseReport, type Report } from '../src/index.js'

const full = readFileSync(join(import.meta.dirname, '..', 'corpus', 'text-2021-full', 'input.txt'), 'utf8')
const lines = full.split('\n')
const at = lines.findIndex((line) => line.includes('（六）其他处理'))
/** Each column's sum of the three rows of （六）, as printed in the fixture. */
const sums = [0, 1, 2, 3, 4, 5, 6].map((column) =>
  lines.slice(at, at + 3).reduce((sum, line) => sum + Number(line.split('\t').at(column - 7)), 0)
)
const oneRow = (values: readonly number[], drop: (line: string) => boolean = () => false): string =>
  [...lines.slice(0, at), `\t（六）其他处理\t\t${values.join('\t')}`, ...lines.slice(at + 3)].filter((line) => !drop(line)).join('\n')
const codes = (text: string): string[] => parseReport(text).diagnostics.map((diagnostic) => diagnostic.code)
const OTHER = ['overdueCorrection', 'overdueFee', 'other'].map((key) => `applications.naturalPerson.results.other.${key}`)

describe('（六）其他处理 printed as one row in a 2021 report', () => {
  it('where it prints 0, its three rows are 0, with group_as_row and no row_missing', () => {
    const result = parseReport(oneRow([0, 0, 0, 0, 0, 0, 0]))
    for (const path of OTHER) expect(getCellAt(result.report as Report, path)).toBe(0)
    const group = result.diagnostics.filter((diagnostic) => diagnostic.code === 'group_as_row')
    expect(group).toMatchObject([{ severity: 'warning', path: 'applications.*.results.other' }])
    expect(group[0]?.message).toContain('3.其他')
    expect(codes(oneRow([0, 0, 0, 0, 0, 0, 0]))).not.toContain('row_missing')
    expect(result.report?.extras).toEqual([])
  })

  it('elsewhere its rows are null, named by group_as_row, and the totals still agree with its sums', () => {
    const result = parseReport(oneRow(sums))
    for (const path of OTHER) expect(getCellAt(result.report as Report, path)).toBeNull()
    expect(codes(oneRow(sums))).toContain('group_as_row')
    expect(codes(oneRow(sums))).not.toContain('sum_mismatch')
  })

  it('its sums stand in the totals: with （七）总计 missing too, the total is inferred through them', () => {
    const result = parseReport(oneRow(sums, (line) => line.includes('（七）总计')))
    expect(getCell(result.report as Report, 'applications.total.results.total')).toBe(594)
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'value_inferred', path: 'applications.total.results.total' }))
  })

  it('printed over its rows (a subtotal), it is kept in extras as before, its rows read as printed', () => {
    const first = (lines[at] as string).replace('（六）其他处理', '')
    const subtotal = [...lines.slice(0, at), `\t（六）其他处理\t\t${sums.join('\t')}`, first, ...lines.slice(at + 1)].join('\n')
    const result = parseReport(subtotal)
    expect(codes(subtotal)).not.toContain('group_as_row')
    expect(getCell(result.report as Report, 'applications.naturalPerson.results.other.overdueCorrection')).toBe(4)
    expect(result.report?.extras.map((extra) => extra.label)).toEqual(['（六）其他处理'])
  })
})
