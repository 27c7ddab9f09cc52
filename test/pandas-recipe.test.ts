/**
 * Issue 26: the pandas recipes of docs/command-line.md give every column of the CSV a type that
 * round-trips (`year` `Int64`, `edition` `string`): their dtype maps, read from the doc, cover the
 * long CSV's header and the wide CSV's lead columns (its cell columns take the default, `Float64`).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LONG_HEADER } from 'zfxxgk'
import { csvHeader } from '../src/cli/render.js'

const DOC = readFileSync(join(import.meta.dirname, '..', 'docs', 'command-line.md'), 'utf8')
const RECIPE = DOC.split('## Reading them with pandas')[1]?.split('```python')[1]?.split('```')[0] ?? ''

/** A Python dict literal `NAME = { 'key': 'type', … }` of the recipe. */
function dtypes(name: string): Record<string, string> {
  const body = new RegExp(`${name} = \\{([^}]*)\\}`, 'u').exec(RECIPE)?.[1] ?? ''
  return Object.fromEntries([...body.matchAll(/'([^']+)': '([^']+)'/gu)].map((match) => [match[1] as string, match[2] as string]))
}

describe('the pandas recipes', () => {
  it('type every column of the long CSV, year Int64, edition and codes string, value Float64', () => {
    const map = dtypes('LONG_DTYPES')
    expect(Object.keys(map)).toEqual(LONG_HEADER.split(','))
    expect(map).toMatchObject({ year: 'Int64', edition: 'string', value: 'Float64', codes: 'string' })
    expect(RECIPE).toContain("pd.read_csv('all.csv', encoding='utf-8-sig', dtype=LONG_DTYPES, keep_default_na=False, na_values=[''])")
  })

  it('type every lead column of the wide CSV, the cells Float64 by default', () => {
    const map = dtypes('WIDE_DTYPES')
    const header = csvHeader({ to: 'csv', shape: 'wide', header: 'path' }).trim().split(',')
    expect(Object.keys(map)).toEqual(header.slice(0, Object.keys(map).length))
    // Every column after the lead is a cell path: a number.
    for (const column of header.slice(Object.keys(map).length))
      expect(column).toMatch(/^(activeDisclosure|applications|reviewAndLitigation)\./u)
    expect(map).toMatchObject({ year: 'Int64', edition: 'string', errors: 'Int64', warnings: 'Int64' })
    expect(RECIPE).toContain("dtype=collections.defaultdict(lambda: 'Float64', WIDE_DTYPES)")
  })
})
