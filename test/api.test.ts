import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

describe('public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'COMPACT_STATUSES',
      'CROSS_YEAR_CHECKS',
      'DATASET_CODES',
      'DATASET_CODE_INFO',
      'DEFAULT_MAX_INPUT',
      'DIAGNOSTIC_CODES',
      'DIAGNOSTIC_INFO',
      'DatasetBuilder',
      'INDICATORS',
      'INDICATOR_NAMES',
      'LONG_HEADER',
      'LineIndex',
      'REPORT_SCHEMA_URL',
      'ResourceLimitError',
      'VERSION',
      'buildDataset',
      'cellPaths',
      'codebook',
      'compactEntry',
      'createEmptyReport',
      'docxAdapter',
      'formatReport',
      'getCell',
      'getCellAt',
      'htmlAdapter',
      'jsonAdapter',
      'markdownAdapter',
      'namesCell',
      'parseReport',
      'parseReportAsync',
      'parseReports',
      'parseReportsAsync',
      'pathNames',
      'pdfAdapter',
      'textAdapter',
      'tidyCell',
      'tidyProse',
      'toCsv',
      'toRows',
      'validateReport'
    ])
  })

  it('documents every diagnostic code', () => {
    const reference = readFileSync(join(import.meta.dirname, '..', 'docs', 'diagnostics.md'), 'utf8')
    for (const code of api.DIAGNOSTIC_CODES) {
      expect(reference).toContain(`\`${code}\``)
      const section = reference.split(`### \`${code}\``)[1]?.split('\n### ')[0] ?? ''
      expect(section, code).toContain('Example')
      expect(section, code).toContain('What to do')
      expect(api.DIAGNOSTIC_INFO[code].summary.length).toBeGreaterThan(10)
    }
  })

  it('documents every dataset diagnostic code', () => {
    const reference = readFileSync(join(import.meta.dirname, '..', 'docs', 'diagnostics.md'), 'utf8')
    for (const code of api.DATASET_CODES) {
      const section = reference.split(`### \`${code}\``)[1]?.split('\n### ')[0] ?? ''
      expect(section, code).toContain('Example')
      expect(section, code).toContain('What to do')
      expect(api.DATASET_CODE_INFO[code].summary.length).toBeGreaterThan(10)
    }
  })

  it('throws TypeError only for a wrong argument type or an unknown format', () => {
    expect(() => api.parseReport(42 as unknown as string)).toThrow(TypeError)
    expect(() => api.parseReport('', { format: 'xlsx' })).toThrow(TypeError)
    expect(() => api.parseReport('', { format: 'docx' })).not.toThrow()
    expect(() => api.parseReport('', { format: 'text' })).not.toThrow()
  })

  it('tries custom adapters first and reports their name', () => {
    const adapter: api.Adapter = {
      name: 'rows',
      detect: (input) => (input.startsWith('ROWS') ? 1 : 0),
      read: (input) => ({
        blocks: [
          {
            type: 'table',
            grid: true,
            rows: input
              .split('\n')
              .slice(1)
              .map((line) => ({ cells: line.split(';').map((text) => ({ text })) }))
          }
        ]
      })
    }
    const result = api.parseReport('ROWS\n行政许可;5\n行政处罚;7', { adapters: [adapter] })
    expect(result.format).toBe('rows')
    expect(result.report?.activeDisclosure.licensing.decisions).toBe(5)
    expect(result.report?.activeDisclosure.punishment.decisions).toBe(7)
  })

  it('reports an adapter that throws instead of throwing', () => {
    const broken: api.Adapter = {
      name: 'broken',
      detect: () => 1,
      read: () => {
        throw new Error('boom')
      }
    }
    const result = api.parseReport('x', { adapters: [broken] })
    expect(result).toMatchObject({ report: null, ok: false, format: 'broken' })
    expect(result.diagnostics[0]?.code).toBe('not_a_report')
  })

  it('reports a custom adapter’s malformed document as not_a_report instead of throwing', () => {
    const documents: unknown[] = [
      {},
      { blocks: null },
      { blocks: [null] },
      { blocks: [{ type: 'table', grid: false }] },
      { blocks: [{ type: 'table', grid: false, rows: [{}] }] }
    ]
    for (const document of documents) {
      const malformed: api.Adapter = { name: 'malformed', detect: () => 1, read: () => document as api.SourceDocument }
      const result = api.parseReport('x', { adapters: [malformed] })
      expect(result, JSON.stringify(document)).toMatchObject({ report: null, ok: false, format: 'malformed' })
      expect(result.diagnostics[0]?.code).toBe('not_a_report')
      expect(result.diagnostics[0]?.message).toContain('malformed document')
    }
  })
})

describe('helpers for custom adapters', () => {
  it('LineIndex gives the line and column of an offset, as in its example', () => {
    const index = new api.LineIndex('规章\t1\n行政许可\t2\n')
    expect(index.at(10)).toEqual({ line: 2, column: 6, offset: 10 })
    expect(index.at(0)).toEqual({ line: 1, column: 1, offset: 0 })
  })

  it('tidyCell and tidyProse drop Markdown emphasis, Word bookmarks and outer whitespace', () => {
    expect(api.tidyCell(' **商业企业**[bookmark: _Toc1] ')).toBe('商业企业')
    expect(api.tidyProse('## **一、总体情况**  ')).toBe('一、总体情况')
  })
})
