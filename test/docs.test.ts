import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { csvAdapter } from '../docs/examples/csv-adapter.js'
import { cellPaths, getCell, parseReport, type Report } from '../src/index.js'
import { corpusInput } from './helpers.js'

const DOCS = join(import.meta.dirname, '..', 'docs')

describe('the custom adapter guide', () => {
  it('shows the example adapter whole, as tested', () => {
    const guide = readFileSync(join(DOCS, 'custom-adapter.md'), 'utf8')
    expect(guide).toContain(readFileSync(join(DOCS, 'examples', 'csv-adapter.ts'), 'utf8'))
  })

  it('reads a CSV export of the three tables to the same report as the tables in text', () => {
    const text = corpusInput('text-2021-full')
    const expected = parseReport(text).report as Report
    const csv = text
      .split('\n')
      .map((line) =>
        line.includes('\t')
          ? line
              .split('\t')
              .map((cell) => (cell.includes(',') ? `"${cell}"` : cell))
              .join(',')
          : line
      )
      .join('\n')
    const result = parseReport(csv, { adapters: [csvAdapter] })
    expect(result.format).toBe('csv')
    for (const path of cellPaths('2021')) expect(getCell(result.report as Report, path), path).toBe(getCell(expected, path))
    expect(result.report?.title).toBe(expected.title)
    expect(result.diagnostics).toEqual([])
    const broken = parseReport(csv.replace('规章,3,1,27', '规章,3,1'), { adapters: [csvAdapter] })
    expect(broken.diagnostics[0]).toMatchObject({
      code: 'row_length_mismatch',
      path: 'activeDisclosure.regulations',
      position: { line: csv.split('\n').findIndex((line) => line.startsWith('规章,')) + 1 }
    })
  })
})
