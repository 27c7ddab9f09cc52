/**
 * The user's own files (issue 24): an input is never written, an output never lands outside its
 * folder through a link, outputs in a folder mirror the inputs' paths, and a run that is stopped
 * or cannot write leaves nothing that looks whole, and says so.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyCase, folderOf, run, systemError } from './helpers.js'

/** Every file under a folder, relative, sorted (hidden ones included: a temporary file left would show). */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

/** The bytes of every file under a folder, by relative path. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(tree(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]))
}

describe('an input is never written', () => {
  /** Run, expect a usage error naming `names` before anything is read or written, and `dir` unchanged. */
  async function refused(argv: string[], dir: string, says: string): Promise<void> {
    const before = contents(dir)
    const { code, stdout, stderr } = await run(argv)
    expect(code, argv.join(' ')).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')[0], argv.join(' ')).toBe(`zfxxgk: ${says}`)
    expect(contents(dir), argv.join(' ')).toEqual(before)
  }

  it('refuses -o a folder holding an input: parse x/ y/ --to markdown -o y/', async () => {
    const dir = folderOf({ 'x/a.txt': 'seed-000', 'y/a.md': 'seed-004' }, 'zfxxgk-overlap-')
    await refused(
      ['parse', join(dir, 'x'), join(dir, 'y'), '--to', 'markdown', '-o', `${join(dir, 'y')}/`],
      dir,
      `-o ${join(dir, 'y')}/ is in ${join(dir, 'y')}, a folder walked for inputs: its files would be read back as inputs`
    )
    // Named one by one, the files of y/ are still in the output folder.
    await refused(
      ['parse', join(dir, 'x', 'a.txt'), join(dir, 'y', 'a.md'), '--to', 'markdown', '-o', join(dir, 'y')],
      dir,
      `the input ${join(dir, 'y', 'a.md')} is in the output folder -o ${join(dir, 'y')}: it could be written over`
    )
  })

  it('refuses view z/ v/ -o v/, and -o a folder holding the folder walked', async () => {
    const dir = folderOf({ 'z/a.txt': 'seed-000', 'v/a.html': 'real-009-pingtan-2025' }, 'zfxxgk-overlap-')
    await refused(
      ['view', join(dir, 'z'), join(dir, 'v'), '-o', join(dir, 'v')],
      dir,
      `-o ${join(dir, 'v')} is in ${join(dir, 'v')}, a folder walked for inputs: its files would be read back as inputs`
    )
    await refused(
      ['view', join(dir, 'z'), '-o', `${dir}/`],
      dir,
      `-o ${dir}/ holds ${join(dir, 'z')}, a folder walked for inputs: its files would be read back as inputs`
    )
    await refused(
      ['parse', join(dir, 'z'), '-o', join(dir, 'z', 'out/')],
      dir,
      `-o ${join(dir, 'z', 'out/')} is in ${join(dir, 'z')}, a folder walked for inputs: its files would be read back as inputs`
    )
  })

  it('refuses -o the input itself, through a link or a hard link: parse r.json --to json -o r.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-overlap-'))
    const report = join(dir, 'r.json')
    writeFileSync(report, (await run(['parse', join(import.meta.dirname, '..', '..', 'corpus', 'seed-000', 'input.txt')])).stdout)
    symlinkSync(report, join(dir, 'link.json'))
    linkSync(report, join(dir, 'hard.json'))
    linkSync(report, join(dir, 'hard.html'))
    for (const output of [report, join(dir, 'link.json'), join(dir, 'hard.json')])
      await refused(['parse', report, '--to', 'json', '-o', output], dir, `-o ${output} is the input ${report}: an input is never written`)
    await refused(
      ['view', join(dir, 'link.json'), '-o', join(dir, 'hard.html')],
      dir,
      `-o ${join(dir, 'hard.html')} is the input ${join(dir, 'link.json')}: an input is never written`
    )
  })

  it('refuses -o a file a walk of its folder would read back; allows one it would not', async () => {
    const dir = folderOf({ 'r/a.txt': 'seed-000' }, 'zfxxgk-overlap-')
    await refused(
      ['parse', join(dir, 'r'), '--to', 'json', '-o', join(dir, 'r', 'all.json')],
      dir,
      `-o ${join(dir, 'r', 'all.json')} is in ${join(dir, 'r')}, a folder walked for inputs: it would be read back as one`
    )
    // .csv is not walked (unless --ext csv): written beside the reports.
    expect((await run(['parse', join(dir, 'r'), '--to', 'csv', '-o', join(dir, 'r', 'all.csv')])).code).toBe(0)
    expect(tree(dir)).toEqual(['r/a.txt', 'r/all.csv'])
    await refused(
      ['parse', join(dir, 'r'), '--ext', 'csv', '--to', 'csv', '-o', join(dir, 'r', 'all.csv')],
      dir,
      `-o ${join(dir, 'r', 'all.csv')} is the input ${join(dir, 'r', 'all.csv')}: an input is never written`
    )
  })
})

describe('outputs in a folder', () => {
  it('mirror each input’s path below the folder named; files named themselves keep their name; clashes get -2', async () => {
    const dir = folderOf(
      {
        'reports/2024/a.txt': 'seed-000',
        'reports/2025/a.txt': 'seed-001',
        'reports/b.txt': 'seed-002',
        'more/b.txt': 'seed-003'
      },
      'zfxxgk-mirror-'
    )
    const out = join(dir, 'out')
    const { code } = await run(['parse', join(dir, 'reports'), join(dir, 'more', 'b.txt'), '-', '--to', 'markdown', '-o', `${out}/`], {
      stdin: readFileSync(join(dir, 'reports', 'b.txt'), 'utf8')
    })
    expect(code).toBe(0)
    expect(tree(out)).toEqual(['2024/a.md', '2025/a.md', 'b-2.md', 'b.md', 'stdin.md'])
    expect(readFileSync(join(out, '2024', 'a.md'), 'utf8')).toContain(`<!-- ${join(dir, 'reports', '2024', 'a.txt')} -->`)
    expect(readFileSync(join(out, 'b-2.md'), 'utf8')).toContain(`<!-- ${join(dir, 'more', 'b.txt')} -->`)
    // view: a page per input, mirrored the same way, and the index linking each.
    const pages = join(dir, 'pages')
    expect((await run(['view', join(dir, 'reports'), '-o', pages])).code).toBe(0)
    expect(tree(pages)).toEqual(['2024/a.html', '2025/a.html', 'b.html', 'index.html'])
    expect(readFileSync(join(pages, 'index.html'), 'utf8')).toContain('href="./2024/a.html"')
  })

  it('replace a link already in the folder, never writing through it', async () => {
    const dir = folderOf({ 'in/a.txt': 'seed-000' }, 'zfxxgk-links-')
    const elsewhere = join(dir, 'elsewhere')
    mkdirSync(elsewhere)
    writeFileSync(join(elsewhere, 'victim.md'), 'not to be written\n')
    const out = join(dir, 'out')
    mkdirSync(out)
    symlinkSync(join(elsewhere, 'victim.md'), join(out, 'a.md'))
    expect((await run(['parse', join(dir, 'in'), '--to', 'markdown', '-o', out])).code).toBe(0)
    expect(readFileSync(join(elsewhere, 'victim.md'), 'utf8')).toBe('not to be written\n')
    expect(lstatSync(join(out, 'a.md')).isFile()).toBe(true)
    expect(readFileSync(join(out, 'a.md'), 'utf8')).toContain('## 三、收到和处理政府信息公开申请情况')
  })

  it('never write into a folder through a link found below the output folder: the run stops, says why, exits 1', async () => {
    const dir = folderOf({ 'in/2024/a.txt': 'seed-000', 'in/2024/b.txt': 'seed-001' }, 'zfxxgk-links-')
    const elsewhere = join(dir, 'elsewhere')
    mkdirSync(elsewhere)
    const out = join(dir, 'out')
    mkdirSync(out)
    symlinkSync(elsewhere, join(out, '2024'))
    const { code, stderr } = await run(['parse', join(dir, 'in'), '--to', 'json', '-o', out])
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      `zfxxgk: could not write ${out}: ${join(out, '2024')} is a symbolic link (not followed); each file written to ${out} is whole; the others were not written`,
      '1 file (1 text): 1 report, 0 failed, 0 with warnings; interrupted, 1 file not read'
    ])
    expect(readdirSync(elsewhere)).toEqual([])
  })
})

describe('a run that does not finish', () => {
  it('leaves -o FILE as it was when stopped, removes its temporary file, and says so (exit 130)', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'b.txt': 'seed-001', 'c.txt': 'seed-002' }, 'zfxxgk-stop-')
    const out = mkdtempSync(join(tmpdir(), 'zfxxgk-stop-out-'))
    writeFileSync(join(out, 'all.csv'), 'the last complete run\n')
    const controller = new AbortController()
    // Stopped as the first file is read: by a custom adapter that claims it (Ctrl-C would come from outside).
    const module = join(dir, 'stop.mjs')
    writeFileSync(
      module,
      `export default { name: 'stop', detect: () => { globalThis.stopRun(); return 0 }, read: () => ({ blocks: [] }) }\n`
    )
    ;(globalThis as { stopRun?: () => void }).stopRun = () => controller.abort('SIGINT')
    const { code, stderr } = await run(['parse', dir, '--adapter', module, '--to', 'csv', '-o', join(out, 'all.csv')], {
      signal: controller.signal
    })
    expect(code).toBe(130)
    expect(stderr.trim().split('\n')).toEqual([
      `zfxxgk: interrupted by SIGINT; ${join(out, 'all.csv')} was not written (left as it was)`,
      '0 files: 0 reports, 0 failed, 0 with warnings; interrupted, 3 files not read'
    ])
    expect(contents(out)).toEqual({ 'all.csv': 'the last complete run\n' })
  })

  it('says what stopped it, with the exit code of each: SIGINT 130, SIGTERM 143, an internal error 1', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000' }, 'zfxxgk-why-')
    for (const [reason, why, code] of [
      ['SIGINT', 'interrupted by SIGINT', 130],
      ['SIGTERM', 'interrupted by SIGTERM', 143],
      [new Error('boom'), 'internal error: boom', 1]
    ] as const) {
      const { code: exit, stdout, stderr } = await run(['parse', dir, '--to', 'csv'], { signal: AbortSignal.abort(reason) })
      expect(exit, why).toBe(code)
      expect(stdout, why).toBe('')
      expect(stderr.trim().split('\n'), why).toEqual([
        `zfxxgk: ${why}; standard output holds what was written before (incomplete)`,
        '0 files: 0 reports, 0 failed, 0 with warnings; interrupted, 1 file not read'
      ])
    }
  })

  it('stops at a write that fails, with its reason and no stack, and exits 1', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'b.txt': 'seed-001', 'c.txt': 'seed-002' }, 'zfxxgk-full-')
    // Writes: nothing before the first part (NDJSON has no header), the first file's line, the second's.
    const { code, stdout, stderr } = await run(['parse', dir, '--to', 'ndjson'], {
      onWrite: (n) => {
        if (n === 3) throw systemError('ENOSPC', 'no space left on device, write')
      }
    })
    expect(code).toBe(1)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    expect(stderr.trim().split('\n')).toEqual([
      'zfxxgk: could not write standard output: no space left on device; standard output holds what was written before (incomplete)',
      '2 files (1 markdown, 1 text): 2 reports, 0 failed, 1 with warnings; interrupted, 1 file not read'
    ])
  })

  it('goes on counting when the reader of standard output stops: exit 1 when a file failed, 141 when none did', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'b.txt': 'seed-001', 'c.txt': 'seed-002' }, 'zfxxgk-pipe-')
    const closed = (n: number): void => {
      if (n >= 3) throw systemError('EPIPE', 'broken pipe, write')
    }
    const whole = await run(['parse', dir, '--to', 'ndjson'], { onWrite: closed })
    expect(whole.code).toBe(141)
    expect(whole.stdout.trim().split('\n')).toHaveLength(1)
    expect(whole.stderr).toBe('3 files (2 text, 1 markdown): 3 reports, 0 failed, 2 with warnings; output cut (its reader closed it)\n')
    writeFileSync(join(dir, 'd.txt'), '')
    const failing = await run(['parse', dir, '--to', 'ndjson'], { onWrite: closed })
    expect(failing.code).toBe(1)
    expect(failing.stderr.trim().split('\n').at(-1)).toBe(
      '4 files (3 text, 1 markdown): 3 reports, 1 failed, 2 with warnings; output cut (its reader closed it)'
    )
  })

  it('writes each output in a folder whole, under a temporary name then renamed: none is left', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000' }, 'zfxxgk-whole-')
    copyCase('seed-001', join(dir, 'b.txt'))
    const out = join(dir, 'out')
    expect((await run(['parse', join(dir, 'a.txt'), join(dir, 'b.txt'), '--to', 'json', '-o', `${out}/`])).code).toBe(0)
    expect(tree(out)).toEqual(['a.json', 'b.json'])
    for (const file of tree(out)) expect(() => JSON.parse(readFileSync(join(out, file), 'utf8')) as unknown).not.toThrow()
  })
})
