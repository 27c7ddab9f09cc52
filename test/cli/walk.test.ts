/**
 * Walking folders (issue 26): the page extensions government sites serve, JSON read only when it
 * holds a report, `--exclude`, and a run that finds nothing it can read exits 2 saying what it
 * passed over.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileGlob, globMatches } from '../../src/cli/glob.js'
import { formatReport, parseReport } from '../../src/index.js'
import { CORPUS, folderOf, run } from './helpers.js'

/** A crawl's metadata, as crawlers write one beside each page. */
const META = JSON.stringify({ url: 'http://www.example.gov.cn/zwgk/2024/t1.shtml', crawled: '2025-01-20', status: 200 })

describe('walking a folder', () => {
  it('reads .shtml, .xhtml and .htm pages as HTML', async () => {
    const dir = folderOf({ 'a.shtml': 'real-009-pingtan-2025', 'b.xhtml': 'html-2021-page', 'c.htm': 'html-2021-th-spans' })
    const { code, stderr } = await run(['parse', dir, '--to', 'ndjson'])
    expect(code).toBe(0)
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^3 files \(3 html\): 3 reports, 0 failed, \d with warnings$/u)
  })

  it('passes over a crawler’s meta.json beside each page, counted as skipped, not failed; a report JSON found so is read', async () => {
    const dir = folderOf({ 'p1/page.html': 'real-009-pingtan-2025', 'p2/page.html': 'html-2021-page' })
    writeFileSync(join(dir, 'p1', 'meta.json'), META)
    writeFileSync(join(dir, 'p2', 'meta.json'), META)
    writeFileSync(join(dir, 'p2', 'list.json'), '[1, 2, 3]')
    writeFileSync(join(dir, 'p2', 'broken.json'), '{ "url": ')
    const report = parseReport(readFileSync(join(CORPUS, 'seed-000', 'input.txt'))).report
    writeFileSync(join(dir, 'report.json'), formatReport(report!, { format: 'json' }))
    const { code, stderr } = await run(['parse', dir, '--to', 'ndjson'])
    expect(stderr).not.toContain('undefined')
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^3 files \(2 html, 1 json\): 3 reports, 0 failed, \d with warnings, 4 skipped \(not reports\)$/u)
    ])
    expect(code).toBe(0)
    const checked = await run(['check', dir])
    expect(checked.stderr.trim().split('\n')).toContainEqual(expect.stringMatching(/, 4 skipped \(not reports\)$/u))
  })

  it('reads a JSON named on the command line as before; one that is not a report fails, its message naming what it lacks', async () => {
    const dir = folderOf({})
    writeFileSync(join(dir, 'meta.json'), META)
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ edition: 'x'.repeat(200) }))
    const named = await run(['parse', join(dir, 'meta.json'), join(dir, 'odd.json'), join(CORPUS, 'seed-000', 'input.txt')])
    expect(named.code).toBe(1)
    expect(named.stderr).not.toContain('undefined')
    const lines = named.stderr.trim().split('\n')
    // Without an "edition", the JSON adapter does not claim it: read as text, no report in it.
    expect(lines[0]).toMatch(new RegExp(`^${join(dir, 'meta.json')}: no report: No table of the 2019 or 2021 format was found`, 'u'))
    expect(lines[1]).toBe(
      `${join(dir, 'odd.json')}: no report: The json adapter failed: the JSON's "edition" is "${'x'.repeat(39)}…, not "2019" or "2021"`
    )
    const forced = await run(['parse', '--format', 'json', join(dir, 'meta.json')])
    expect(forced.stderr.split('\n')[0]).toBe(
      `${join(dir, 'meta.json')}: no report: The json adapter failed: the JSON is not a report: it has no "edition" key (a report as zfxxgk writes it has "edition": "2019" or "2021")`
    )
  })

  it('leaves out what --exclude matches below the folder named: a name at any depth, or a path', async () => {
    const dir = folderOf({
      'a.txt': 'seed-000',
      'drafts/b.txt': 'seed-001',
      '2019/c.txt': 'seed-002',
      '2020/d.bak.txt': 'seed-003',
      '2020/e.txt': 'seed-004'
    })
    const sources = async (...exclude: string[]): Promise<string[]> => {
      const { stdout } = await run(['parse', dir, '--to', 'ndjson', ...exclude.flatMap((glob) => ['--exclude', glob])])
      return stdout
        .trim()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { file: string }).file.slice(dir.length + 1))
    }
    expect(await sources()).toEqual(['2019/c.txt', '2020/d.bak.txt', '2020/e.txt', 'a.txt', 'drafts/b.txt'])
    expect(await sources('drafts', '*.bak.txt')).toEqual(['2019/c.txt', '2020/e.txt', 'a.txt'])
    expect(await sources('2019/**', '20??/e.*')).toEqual(['2020/d.bak.txt', 'a.txt', 'drafts/b.txt'])
    expect(await sources('**/*.txt')).toEqual([])
  })
})

describe('a run that reads nothing exits 2, saying what it found', () => {
  it('a folder of .doc files: no file to read, and what to do', async () => {
    const dir = folderOf({})
    for (const name of ['a.doc', 'b.doc', 'c.DOC', 'd.xls', 'e']) writeFileSync(join(dir, name), 'bytes')
    const { code, stdout, stderr } = await run(['check', dir])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')[0]).toBe(
      `zfxxgk: ${dir}: no file to read (3 .doc skipped: save them as .docx; 1 file without an extension skipped; 1 .xls skipped)`
    )
    const empty = folderOf({})
    expect((await run(['parse', empty])).stderr.split('\n')[0]).toBe(`zfxxgk: ${empty}: no file to read (nothing found)`)
  })

  it('a folder of crawls’ meta.json only, or files that cannot be read: the summary, then the line', async () => {
    const dir = folderOf({})
    mkdirSync(join(dir, 'p1'))
    writeFileSync(join(dir, 'p1', 'meta.json'), META)
    writeFileSync(join(dir, 'p1', 'page.asp'), '<html></html>')
    const { code, stderr } = await run(['parse', dir, '--to', 'csv'])
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toEqual([
      '0 files: 0 reports, 0 failed, 0 with warnings, 1 skipped (not reports)',
      `zfxxgk: ${dir}: no file to read (1 .json skipped: not reports; 1 .asp skipped: --ext .asp reads them as pages)`
    ])
    const missing = join(dir, 'missing.txt')
    const gone = await run(['check', missing])
    expect(gone.code).toBe(2)
    expect(gone.stderr.trim().split('\n').at(-1)).toBe(`zfxxgk: ${missing}: no file to read (1 file could not be read)`)
  })
})

describe('--exclude patterns', () => {
  const cases: [string, string, boolean][] = [
    ['drafts', 'drafts', true],
    ['drafts', 'a/b/drafts', true],
    ['drafts', 'drafts-old', false],
    ['*.json', 'p1/meta.json', true],
    ['*.json', 'meta.json.txt', false],
    ['2019/*', '2019/a.txt', true],
    ['2019/*', '2019/x/a.txt', false],
    ['2019/**', '2019/x/a.txt', true],
    ['**/meta.json', 'meta.json', true],
    ['**/meta.json', 'a/b/meta.json', true],
    ['**/meta.json', 'a/bmeta.json', false],
    ['a/**/z.txt', 'a/z.txt', true],
    ['a/**/z.txt', 'a/b/c/z.txt', true],
    ['page-??.html', 'page-12.html', true],
    ['page-??.html', 'page-1.html', false],
    ['a?b', 'x/a-b', true],
    ['x/a?b', 'x/a/b', false],
    ['./2019/', '2019', true],
    ['[a].txt', '[a].txt', true]
  ]
  it.each(cases)('%s against %s: %s', (pattern, path, matched) => {
    expect(globMatches(compileGlob(pattern), path)).toBe(matched)
  })

  it('matches a pattern of many stars against a long name at once (no backtracking)', () => {
    const glob = compileGlob(`${'*a'.repeat(40)}*b`)
    expect(globMatches(glob, 'a'.repeat(5000))).toBe(false)
  })
})
