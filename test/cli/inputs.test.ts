/**
 * The command never loses a file (issue 24): a folder that cannot be listed, a FIFO or a device,
 * a file that vanishes, and standard input past `--max-size` are each a failure line with its
 * reason, counted in the summary, while the other files of the batch are written.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectInputs, type WalkFs } from '../../src/cli/files.js'
import { BUILTIN_FORMATS } from '../../src/cli/help.js'
import { builtinAdapters } from '../../src/parse.js'
import { readInput } from '../../src/cli/process.js'
import { readStdin } from '../../src/cli/stdin.js'
import { BIN, folderOf, run, systemError } from './helpers.js'

/** Sources of a long CSV's rows, each once, in order. */
const sourcesOf = (csv: string): string[] => [
  ...new Set(
    csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((row) => row.split(',')[0] as string)
  )
]

/** A folder of two seeds around a FIFO (`b.txt`), and the FIFO itself. */
function withFifo(): { dir: string; fifo: string } {
  const dir = folderOf({ 'a.txt': 'seed-000', 'c.txt': 'seed-001' })
  const fifo = join(dir, 'b.txt')
  execFileSync('mkfifo', [fifo])
  return { dir, fifo }
}

describe('what the walk cannot read', () => {
  it('reports a FIFO found in a folder without opening it, and writes the others', async () => {
    const { dir, fifo } = withFifo()
    // Opened, the FIFO would block this thread for good: the test would time out.
    const { code, stdout, stderr } = await run(['parse', dir, '--to', 'csv'])
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      `${fifo}: could not be read: a FIFO, not a regular file (not opened)`,
      '3 files (1 markdown, 1 text): 2 reports, 1 failed, 1 with warnings'
    ])
    expect(sourcesOf(stdout)).toEqual([join(dir, 'a.txt'), join(dir, 'c.txt')])
  })

  it('refuses a FIFO or a device named on the command line the same way', async () => {
    const { dir, fifo } = withFifo()
    const { code, stderr } = await run(['check', fifo, '/dev/zero', join(dir, 'a.txt')])
    expect(code).toBe(1)
    expect(stderr).toContain(`${fifo}: could not be read: a FIFO, not a regular file (not opened)\n`)
    expect(stderr).toContain('/dev/zero: could not be read: a character device, not a regular file (not opened)\n')
    expect(stderr).toContain(`${join(dir, 'a.txt')}: no issues\n`)
    expect(stderr.trim().split('\n').at(-1)).toBe('3 files (1 text): 0 errors, 0 warnings, 0 infos')
  })

  it('reads no FIFO put where a listed file was: opened without waiting, and refused', () => {
    const { fifo } = withFifo()
    expect(readInput(fifo, 1000)).toMatchObject({ path: fifo, failure: 'not a regular file (not read)' })
  })

  it('reports a folder that cannot be listed, and a file gone since its folder was listed, each in its place', () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'c.txt': 'seed-001' })
    mkdirSync(join(dir, 'b-locked'))
    writeFileSync(join(dir, 'b-locked', 'x.txt'), 'never listed')
    writeFileSync(join(dir, 'b-gone.txt'), 'listed, then removed')
    const fs: WalkFs = {
      stat: (path) => {
        if (path.endsWith('b-gone.txt')) throw systemError('ENOENT', 'no such file or directory')
        return statSync(path)
      },
      realpath: (path) => path,
      readdir: (path) => {
        if (path.endsWith('b-locked')) throw systemError('EACCES', 'permission denied')
        return readdirSync(path)
      }
    }
    expect(collectInputs([dir], [], fs).inputs).toEqual([
      { path: join(dir, 'a.txt'), root: dir },
      { path: join(dir, 'b-gone.txt'), root: dir, failure: 'no such file' },
      { path: join(dir, 'b-locked'), root: dir, failure: 'a folder that could not be listed (permission denied)' },
      { path: join(dir, 'c.txt'), root: dir }
    ])
  })

  // As root, permissions do not keep a folder from being listed: the command then runs as nobody
  // (setpriv), or the walk above is the only test.
  // nobody must also be able to reach the built command: a clone inside a folder only root may
  // enter (a 0700 temporary folder, /root) cannot run it as nobody, which says nothing of the walk.
  const setpriv = ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
  const nobodyReaches = (): boolean =>
    spawnSync(setpriv[0] as string, [...setpriv.slice(1), process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN)})`])
      .status === 0
  const asUser =
    process.getuid?.() === 0 ? (existsSync('/usr/bin/setpriv') && existsSync(BIN) && nobodyReaches() ? setpriv : undefined) : []
  it.skipIf(!existsSync(BIN) || asUser === undefined)(
    'reports a folder it may not list, counts it, and exits 1',
    () => {
      const dir = folderOf({ 'a.txt': 'seed-000' })
      mkdirSync(join(dir, 'locked'))
      writeFileSync(join(dir, 'locked', 'x.txt'), 'never listed')
      chmodSync(dir, 0o755)
      chmodSync(join(dir, 'a.txt'), 0o644)
      chmodSync(join(dir, 'locked'), 0o000)
      try {
        const [command, ...prefix] = [...(asUser ?? []), process.execPath]
        const result = spawnSync(command as string, [...prefix, BIN, 'parse', dir, '--to', 'ndjson'], { encoding: 'utf8' })
        expect(result.status).toBe(1)
        expect(result.stderr.trim().split('\n')).toEqual([
          `${join(dir, 'locked')}: could not be read: a folder that could not be listed (permission denied)`,
          '2 files (1 text): 1 report, 1 failed, 0 with warnings'
        ])
        expect(result.stdout.trim().split('\n')).toHaveLength(1)
      } finally {
        chmodSync(join(dir, 'locked'), 0o755)
      }
    },
    30_000
  )

  it('reports a file removed while the batch runs, and writes the others', async () => {
    // A custom adapter that, reading the first file, removes the second: gone between listing and reading.
    const dir = folderOf({ 'c.txt': 'seed-001' })
    writeFileSync(join(dir, 'a.rm'), 'RM\n')
    writeFileSync(join(dir, 'b.txt'), 'listed, then removed')
    const module = join(dir, 'rm.mjs')
    writeFileSync(
      module,
      `import { unlinkSync } from 'node:fs'\nexport default { name: 'rm', detect: (input) => (input.startsWith('RM') ? 1 : 0), read: () => { unlinkSync(${JSON.stringify(join(dir, 'b.txt'))}); return { blocks: [] } } }\n`
    )
    const { code, stdout, stderr } = await run(['parse', dir, '--ext', 'rm', '--adapter', module, '--to', 'csv'])
    expect(code).toBe(1)
    expect(stderr).toContain(`${join(dir, 'b.txt')}: could not be read: no such file\n`)
    expect(stderr.trim().split('\n').at(-1)).toBe('3 files (1 markdown, 1 rm): 1 report, 2 failed, 1 with warnings')
    expect(sourcesOf(stdout)).toEqual([join(dir, 'c.txt')])
  })
})

describe('standard input', () => {
  /** An endless stream of report-like lines, and whether it was closed. */
  function endless(): { source: AsyncIterable<Uint8Array>; closed: () => boolean; read: () => number } {
    let closed = false
    let read = 0
    const chunk = new TextEncoder().encode('一、总体情况\n'.repeat(4096))
    return {
      source: {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            read += chunk.length
            return { done: false, value: chunk }
          },
          return: async () => {
            closed = true
            return { done: true, value: undefined }
          }
        })
      },
      closed: () => closed,
      read: () => read
    }
  }

  it('stops reading past --max-size, closes the stream, and fails that input alone', async () => {
    const stream = endless()
    const dir = folderOf({ 'a.txt': 'seed-000' })
    const { code, stdout, stderr } = await run(['parse', '-', join(dir, 'a.txt'), '--max-size', '100000', '--to', 'csv'], {
      stdin: stream.source
    })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      '-: could not be read: more than --max-size (100000) bytes; not read further',
      '2 files (1 text): 1 report, 1 failed, 0 with warnings'
    ])
    expect(stream.closed()).toBe(true)
    expect(stream.read()).toBeLessThan(100000 + 2 * 4096 * 20)
    expect(sourcesOf(stdout)).toEqual([join(dir, 'a.txt')])
  })

  it('holds no more than the limit: bytes given whole are refused past it too', async () => {
    expect(await readStdin(new Uint8Array(11), 10)).toEqual({ failure: 'more than --max-size (10) bytes; not read further' })
    expect(await readStdin([new Uint8Array([1, 2]), new Uint8Array([3])], 10)).toEqual(new Uint8Array([1, 2, 3]))
  })
})

describe('--format', () => {
  it('knows the built-in adapters by name without loading the parser: the same names, in the same order', () => {
    expect(BUILTIN_FORMATS).toEqual(builtinAdapters.map((adapter) => adapter.name))
  })
})
