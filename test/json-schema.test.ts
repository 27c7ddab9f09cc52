/**
 * Issue 26: the JSON Schema of the report JSON ships as schema/report.schema.json, equal to what the
 * model generates (`UPDATE=1 npx vitest run test/json-schema.test.ts` rewrites it), and the JSON of
 * every corpus fixture, and of `parse --to json` and `--to ndjson`, validates against it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { formatReport, parseReportsAsync, REPORT_SCHEMA_URL, VERSION } from 'zfxxgk'
import { reportJsonSchema } from '../src/serialize/json-schema.js'
import { toJson } from '../src/serialize/json.js'
import { ENTRY_SCHEMA_URL } from '../src/serialize/schema-url.js'
import { folderOf, run } from './cli/helpers.js'

const ROOT = join(import.meta.dirname, '..')
const FILE = join(ROOT, 'schema', 'report.schema.json')
const CORPUS = join(ROOT, 'corpus')

// Strict, but with union types (`["number", "null"]`), which draft 2020-12 allows.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
const schema = reportJsonSchema()
ajv.addSchema(schema, 'report')
const validateReport = ajv.getSchema('report') as ValidateFunction
const validateEntry = ajv.compile({ $ref: 'report#/$defs/entry' })

function problems(errors: typeof validateReport.errors): string {
  return (errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath} ${error.message ?? ''}`)
    .join('; ')
}

describe('the JSON Schema of the report JSON', () => {
  it('is schema/report.schema.json, as the model generates it', () => {
    const text = `${toJson(schema, 2)}\n`
    if (process.env.UPDATE === '1') writeFileSync(FILE, text)
    expect(readFileSync(FILE, 'utf8')).toBe(text)
  })

  it('is shipped and exported as zfxxgk/schema/report.schema.json', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, string> }
    expect(manifest.files).toContain('schema')
    expect(manifest.exports['./schema/report.schema.json']).toBe('./schema/report.schema.json')
    expect(REPORT_SCHEMA_URL).toBe(`https://unpkg.com/zfxxgk@${VERSION}/schema/report.schema.json`)
  })

  it('validates the JSON of every report of every corpus fixture, which names it in $schema', async () => {
    let reports = 0
    for (const name of readdirSync(CORPUS).sort()) {
      const input = readdirSync(join(CORPUS, name)).find((file) => file.startsWith('input.'))
      if (input === undefined) continue
      for (const result of await parseReportsAsync(readFileSync(join(CORPUS, name, input)))) {
        if (result.report === null) continue
        const json = JSON.parse(formatReport(result.report, { format: 'json' })) as { $schema: string }
        expect(json.$schema).toBe(REPORT_SCHEMA_URL)
        expect(validateReport(json), `${name}: ${problems(validateReport.errors)}`).toBe(true)
        reports++
      }
    }
    expect(reports).toBeGreaterThan(40)
  }, 120_000)

  it('rejects a report with a cell missing, a cell of text, or a key of the other edition', async () => {
    const [result] = await parseReportsAsync(readFileSync(join(CORPUS, 'seed-000', 'input.txt')))
    const json = JSON.parse(formatReport(result!.report!, { format: 'json' })) as Record<string, Record<string, Record<string, unknown>>>
    const broken = (change: (copy: typeof json) => void): boolean => {
      const copy = structuredClone(json)
      change(copy)
      return validateReport(copy)
    }
    expect(validateReport(json)).toBe(true)
    expect(broken((copy) => delete copy.activeDisclosure!.regulations!.made)).toBe(false)
    expect(broken((copy) => (copy.activeDisclosure!.regulations!.made = '3'))).toBe(false)
    expect(broken((copy) => (copy.activeDisclosure!.regulations!.issued = 3))).toBe(false)
    expect(broken((copy) => ((copy as Record<string, unknown>).edition = '2021'))).toBe(false)
  })

  it('validates each record of parse --to json and --to ndjson, which names $defs/entry', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'b.txt': 'seed-004', 'two.txt': 'text-two-reports', 'c.html': 'html-2021-page' })
    const json = JSON.parse((await run(['parse', dir, '--to', 'json'])).stdout) as { $schema: string; zfxxgk: object }[]
    const ndjson = (await run(['parse', dir, '--to', 'ndjson'])).stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { $schema: string; zfxxgk: object })
    expect(json.length).toBeGreaterThanOrEqual(5)
    expect(ndjson).toEqual(json.map((entry) => ({ ...entry, zfxxgk: { ...entry.zfxxgk, options: expect.anything() } })))
    for (const entry of [...json, ...ndjson]) {
      expect(entry.$schema).toBe(ENTRY_SCHEMA_URL)
      expect(validateEntry(entry), problems(validateEntry.errors)).toBe(true)
    }
  }, 60_000)
})
