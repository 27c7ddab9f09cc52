/**
 * Issue 26: the codebook (every cell path with its table, labels, unit and type) is generated from
 * the schema: it covers exactly the paths of `toRows`, and docs/codebook.md is what it writes
 * (`UPDATE=1 npx vitest run test/codebook.test.ts` rewrites the doc).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codebook, createEmptyReport, parseReport, toRows, type CodebookEntry, type Edition } from 'zfxxgk'
import { CODEBOOK_COLUMNS, formatCodebook } from '../src/serialize/codebook.js'
import { cellPaths } from '../src/model/empty.js'
import { run } from './cli/helpers.js'

const ROOT = join(import.meta.dirname, '..')
const DOC = join(ROOT, 'docs', 'codebook.md')

/** docs/codebook.md as the codebook writes it. */
function codebookDoc(): string {
  const part = (edition: Edition): string => `## The ${edition} format\n\n${formatCodebook(codebook(edition), 'markdown')}`
  return `# Codebook: every cell of the two formats

Generated from the cell schema by \`zfxxgk codebook --to markdown\` (a test keeps this file equal to
what it writes: \`UPDATE=1 npx vitest run test/codebook.test.ts\` rewrites it). One row per cell
path, in the order of the official layout, which is the order of the long CSV's rows:

| column | what it holds |
| --- | --- |
| \`path\` | the cell's dot path in the model: the long CSV's \`path\`, the wide CSV's column name |
| \`edition\` | the format: \`2019\` (国办公开办函〔2019〕60号) or \`2021\` (国办公开办函〔2021〕30号) |
| \`table\` | 二, 三 or 四 |
| \`section\` | the heading of the report's section the table stands in |
| \`block\` | table 二: the 第二十条 block of its row |
| \`row\`, \`column\` | its Chinese row and column labels, levels joined by \` / \` (as in the long CSV) |
| \`unit\` | \`万元\` for money; else what it counts: \`件\`, or \`项\` for the items of a list |
| \`type\` | \`count\` (a whole number, at least 0), \`signed\` (a whole number that may be negative: 本年增/减), \`amount\` (money, a decimal number as printed) |

The catalogue holds no English labels: the path is the English name of a cell.

${part('2019')}
${part('2021')}`
}

describe('the codebook', () => {
  for (const edition of ['2019', '2021'] as const) {
    it(`covers exactly the cells of toRows, in their order, with their labels (${edition})`, () => {
      const entries = codebook(edition)
      const rows = toRows(createEmptyReport(edition))
      expect(entries.map((entry) => entry.path)).toEqual(rows.map((row) => row.path))
      expect(entries.map((entry) => [entry.table, entry.row, entry.column])).toEqual(rows.map((row) => [row.table, row.row, row.column]))
      expect(new Set(entries.map((entry) => entry.path))).toEqual(new Set(cellPaths(edition)))
      for (const entry of entries) {
        expect(entry.edition).toBe(edition)
        expect(entry.row.length * entry.column.length * entry.section.length, entry.path).toBeGreaterThan(0)
        expect(entry.block !== null, entry.path).toBe(entry.table === '二')
        expect(entry.unit, entry.path).toBe(
          entry.type === 'amount'
            ? '万元'
            : entry.path.includes('previousItems') || entry.path.includes('change') || entry.path.includes('projects')
              ? '项'
              : '件'
        )
      }
    })
  }

  it('covers the paths of every seed’s rows, and both editions with no edition named', () => {
    const all = codebook()
    expect(all).toEqual([...codebook('2019'), ...codebook('2021')])
    const known = new Set(all.map((entry) => `${entry.edition} ${entry.path}`))
    for (const seed of readdirSync(join(ROOT, 'corpus')).filter((name) => name.startsWith('seed-'))) {
      const rows = toRows(parseReport(readFileSync(join(ROOT, 'corpus', seed, 'input.txt'))))
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(known.has(`${row.edition} ${row.path}`), row.path).toBe(true)
    }
  })

  it('types money as an amount in 万元, 本年增/减 as signed, the rest as counts', () => {
    const types = (edition: Edition, type: CodebookEntry['type']): string[] =>
      codebook(edition)
        .filter((entry) => entry.type === type)
        .map((entry) => entry.path)
    expect(types('2019', 'amount')).toEqual(['activeDisclosure.procurement.amount'])
    expect(types('2021', 'amount')).toEqual(['activeDisclosure.fees.amount'])
    expect(types('2019', 'signed')).toEqual(
      ['licensing', 'otherServices', 'punishment', 'coercion', 'fees'].map((row) => `activeDisclosure.${row}.change`)
    )
    expect(types('2021', 'signed')).toEqual([])
  })

  it('writes CSV, JSON and Markdown with the same entries', () => {
    const entries = codebook('2021')
    const csv = formatCodebook(entries, 'csv').split('\r\n')
    expect(csv[0]).toBe(CODEBOOK_COLUMNS.join(','))
    expect(csv).toHaveLength(entries.length + 2)
    expect(csv[1]).toBe(
      'activeDisclosure.regulations.issued,2021,二,二、主动公开政府信息情况,第二十条第（一）项,规章,本年制发件数,件,count'
    )
    expect(JSON.parse(formatCodebook(entries, 'json'))).toEqual(entries)
    expect(formatCodebook(entries, 'markdown').trim().split('\n')).toHaveLength(entries.length + 2)
  })

  it('is docs/codebook.md', () => {
    if (process.env.UPDATE === '1') writeFileSync(DOC, codebookDoc())
    expect(readFileSync(DOC, 'utf8')).toBe(codebookDoc())
  })

  it('is written by zfxxgk codebook, of one edition or both', async () => {
    const csv = await run(['codebook'])
    expect(csv.code).toBe(0)
    expect(csv.stdout).toBe(formatCodebook(codebook(), 'csv'))
    expect((await run(['codebook', '--to', 'json', '--edition', '2019'])).stdout).toBe(formatCodebook(codebook('2019'), 'json'))
    expect((await run(['codebook', '--to', 'markdown', '--edition', '2021'])).stdout).toBe(formatCodebook(codebook('2021'), 'markdown'))
    for (const argv of [
      ['codebook', '--edition', '2020'],
      ['codebook', '--to', 'xml'],
      ['codebook', 'a.txt'],
      ['codebook', '--shape', 'wide']
    ]) {
      const { code, stdout } = await run(argv)
      expect(code, argv.join(' ')).toBe(2)
      expect(stdout).toBe('')
    }
  })
})
