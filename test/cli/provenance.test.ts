/**
 * Issue 26: every output that can carry them records the version of zfxxgk and the options that
 * made it (a researcher cites the method): `zfxxgk` in each JSON and NDJSON record of `parse`, each
 * entry of `check --report json` and the document of `dataset --to json`, a sidecar
 * `<file>.meta.json` beside a CSV written to a file by `parse` or `dataset` (the CSV itself stays plain).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VERSION } from 'zfxxgk'
import { LONG_HEADER } from '../../src/serialize/rows.js'
import { folderOf, run } from './helpers.js'

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }

/** What a run records: this version, its command and output options, then the reading options (defaults but `repair`). */
const about = (options: Record<string, unknown>, repair = true): unknown => ({
  version: manifest.version,
  options: { ...options, format: 'auto', repair, maxSize: 10485760, timeout: 60, identity: null, adapters: [] }
})

describe('the version and options of a run', () => {
  it('VERSION is package.json’s version, and --version prints it', async () => {
    expect(VERSION).toBe(manifest.version)
    expect((await run(['--version'])).stdout).toBe(`${manifest.version}\n`)
  })

  it('are in every JSON and NDJSON record, with the defaults taken', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'b.txt': 'seed-001' })
    const json = await run(['parse', dir, '--to', 'json', '--no-repair'])
    expect(json.code).toBe(0)
    const entries = JSON.parse(json.stdout) as { zfxxgk: unknown; file: string }[]
    expect(entries).toHaveLength(2)
    for (const entry of entries) expect(entry.zfxxgk).toEqual(about({ command: 'parse', to: 'json' }, false))
    const ndjson = await run(['parse', dir, '--to', 'ndjson', '--format', 'text', '--max-size', '5000000'])
    const lines = ndjson.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { zfxxgk: { options: Record<string, unknown> } })
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(line.zfxxgk.options).toMatchObject({ to: 'ndjson', format: 'text', maxSize: 5000000, repair: true })
  })

  it('go beside a CSV written to a file, in <file>.meta.json, the CSV left plain', async () => {
    const dir = folderOf({ 'in/a.txt': 'seed-002' })
    const out = join(dir, 'all.csv')
    expect((await run(['parse', join(dir, 'in'), '--to', 'csv', '--shape', 'wide', '--header', 'label', '-o', out])).code).toBe(0)
    expect(readFileSync(out, 'utf8').startsWith('\ufeffsource,status,')).toBe(true)
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, 'utf8')) as unknown
    expect(meta).toEqual({
      zfxxgk: {
        version: manifest.version,
        options: expect.objectContaining({ command: 'parse', to: 'csv', shape: 'wide', header: 'label' }) as unknown
      },
      file: 'all.csv'
    })
    // No temporary file left beside them.
    expect(readdirSync(dir).sort()).toEqual(['all.csv', 'all.csv.meta.json', 'in'])
  })

  it('write no sidecar for standard output, and none when a run is refused', async () => {
    const dir = folderOf({ 'a.txt': 'seed-003' })
    const { stdout } = await run(['parse', join(dir, 'a.txt'), '--to', 'csv'])
    expect(stdout.split('\r\n')[0]).toBe(LONG_HEADER)
    expect(readdirSync(dir)).toEqual(['a.txt'])
  })

  it('write no sidecar that a walk of the inputs would read back (it ends in .json), and say so', async () => {
    const dir = folderOf({ 'a.txt': 'seed-003' })
    const { code, stderr } = await run(['parse', dir, '--to', 'csv', '-o', join(dir, 'all.csv')])
    expect(code).toBe(0)
    expect(stderr.split('\n')[0]).toBe(
      `zfxxgk: warning: no ${join(dir, 'all.csv.meta.json')} (the version and options of the run): a walk of the inputs would read it back`
    )
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'all.csv'])
  })

  it('are in each entry of check --report json, with the level shown', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'b.txt': 'seed-001' })
    const { stdout } = await run(['check', dir, '--report', 'json', '--quiet'])
    const entries = JSON.parse(stdout) as { zfxxgk: unknown }[]
    expect(entries).toHaveLength(2)
    for (const entry of entries) expect(entry.zfxxgk).toEqual(about({ command: 'check', report: 'json', level: 'quiet' }))
  })

  it('are in the document of dataset --to json, and beside its CSV panel in <file>.meta.json', async () => {
    const dir = folderOf({ 'in/a.txt': 'seed-000', 'in/b.txt': 'seed-001' })
    const json = await run(['dataset', join(dir, 'in'), '--to', 'json', '--no-repair'])
    expect(json.code).toBe(0)
    const document = JSON.parse(json.stdout) as { version: string; zfxxgk: unknown }
    expect(document.version).toBe(manifest.version)
    expect(document.zfxxgk).toEqual({
      version: manifest.version,
      options: {
        command: 'dataset',
        to: 'json',
        format: 'auto',
        repair: false,
        maxSize: 10485760,
        timeout: 60,
        identity: null,
        adapters: []
      }
    })
    const out = join(dir, 'panel.csv')
    expect((await run(['dataset', join(dir, 'in'), '--to', 'csv', '--shape', 'wide', '-o', out])).code).toBe(0)
    expect(JSON.parse(readFileSync(`${out}.meta.json`, 'utf8'))).toEqual({
      zfxxgk: { version: manifest.version, options: expect.objectContaining({ command: 'dataset', to: 'csv', shape: 'wide' }) as unknown },
      file: 'panel.csv'
    })
    expect(readdirSync(dir).sort()).toEqual(['in', 'panel.csv', 'panel.csv.meta.json'])
    // Into the folder it reads: no sidecar (the walk would read it back), and a warning says so.
    const inside = join(dir, 'in', 'panel.csv')
    const walked = await run(['dataset', join(dir, 'in'), '--to', 'csv', '-o', inside])
    expect(walked.code).toBe(0)
    expect(walked.stderr).toContain(`no ${join(dir, 'in', 'panel.csv.meta.json')} (the version and options of the run)`)
    expect(readdirSync(join(dir, 'in')).sort()).toEqual(['a.txt', 'b.txt', 'panel.csv'])
  })
})
