/**
 * The built command as a process (issue 24): a file that crashes its parse, a FIFO, Ctrl-C, a full
 * disk, a reader that stops early, and an endless standard input each end with the summary, the
 * right exit code, and nothing that looks whole but is not. Each spawns `dist/cli.js`; a spawn
 * has a kill timeout, so that a hang fails the test instead of holding the suite.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { BIN, CORPUS, folderOf } from './helpers.js'

/** Long enough for any of these runs on a busy 2-core machine; a hang is killed at it. */
const KILL_AFTER = 30_000

/** Run the built command, its output as text. */
function command(
  argv: string[],
  options: { input?: string; stdout?: number } = {}
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: KILL_AFTER,
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.stdout === undefined ? {} : { stdio: ['pipe', options.stdout, 'pipe'] })
  })
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr }
}

/** A folder of `copies` × the five seeds. */
function seeds(copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-process-'))
  for (let i = 0; i < copies; i++)
    for (const n of [0, 1, 2, 3, 4]) {
      const input = readdirSync(join(CORPUS, `seed-00${n}`)).find((entry) => entry.startsWith('input.')) as string
      cpSync(join(CORPUS, `seed-00${n}`, input), join(dir, `${String(i).padStart(3, '0')}-${n}.txt`))
    }
  return dir
}

/** A custom adapter module claiming files that start with BAD, whose `read` is `read`. */
function adapter(dir: string, read: string): string {
  const module = join(dir, 'bad.mjs')
  writeFileSync(module, `export default { name: 'bad', detect: (input) => (input.startsWith('BAD') ? 1 : 0), read: () => ${read} }\n`)
  return module
}

describe.skipIf(!existsSync(BIN))('the built command', () => {
  // Fewer than 32 files ran in the main thread, where a file that took the process down lost
  // every file after it and the summary: now each file is parsed in a worker.
  for (const [how, read, reason] of [
    ['exits the process', 'process.exit(7)', 'its worker exited'],
    ['throws later, from a timer', "(setTimeout(() => { throw new Error('late') }), new Promise(() => {}))", 'stopped its worker: late'],
    ['leaves a rejection unhandled', "(Promise.reject(new Error('unhandled')), new Promise(() => {}))", 'stopped its worker: unhandled'],
    ['throws', "{ throw new Error('thrown') }", 'thrown']
  ] as const) {
    it(
      `costs only its own file in a small batch when its parse ${how}`,
      () => {
        const dir = folderOf({ 'a.txt': 'seed-000', 'c.txt': 'seed-002' }, 'zfxxgk-crash-')
        writeFileSync(join(dir, 'b.bad'), 'BAD\n')
        const { status, stdout, stderr } = command(['parse', dir, '--ext', 'bad', '--adapter', adapter(dir, read), '--to', 'ndjson'])
        expect(status).toBe(1)
        const lines = stderr.trim().split('\n')
        expect(lines).toHaveLength(2)
        expect(lines[0]).toMatch(new RegExp(`^${join(dir, 'b.bad')}: (could not be read|no report): .*${reason}`, 'u'))
        // A parse that throws is the parse's own failure: the adapter read it (`bad`), and it holds no report.
        expect(lines[1]).toMatch(/^3 files \(2 text(, 1 bad)?\): 2 reports, 1 failed, 1 with warnings$/u)
        // Every report written (a parse that threw has an entry of its own, with no report).
        const entries = stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as { file: string; report: unknown })
        expect(entries.filter((entry) => entry.report !== null).map((entry) => entry.file)).toEqual([
          join(dir, 'a.txt'),
          join(dir, 'c.txt')
        ])
      },
      KILL_AFTER
    )
  }

  it(
    'gives one file the time budget, without --jobs: a parse that never ends is stopped',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-budget-'))
      writeFileSync(join(dir, 'a.bad'), 'BAD\n')
      const { status, stderr } = command(['parse', join(dir, 'a.bad'), '--adapter', adapter(dir, '{ for (;;); }'), '--timeout', '1'])
      expect(status).toBe(1)
      expect(stderr.trim().split('\n')).toEqual([
        `${join(dir, 'a.bad')}: could not be read: took longer than 1 s (its parse was stopped)`,
        '1 file: 0 reports, 1 failed, 0 with warnings'
      ])
    },
    KILL_AFTER
  )

  it(
    'refuses a FIFO named with --timeout without opening it, and exits',
    () => {
      const dir = folderOf({ 'a.txt': 'seed-000' }, 'zfxxgk-fifo-')
      execFileSync('mkfifo', [join(dir, 'fifo.txt')])
      const { status, stderr } = command(['parse', join(dir, 'fifo.txt'), join(dir, 'a.txt'), '--timeout', '1', '--to', 'ndjson'])
      expect(status).toBe(1)
      expect(stderr.trim().split('\n')).toEqual([
        `${join(dir, 'fifo.txt')}: could not be read: a FIFO, not a regular file (not opened)`,
        '2 files (1 text): 1 report, 1 failed, 0 with warnings'
      ])
    },
    KILL_AFTER
  )

  it.skipIf(!existsSync('/dev/full'))(
    'stops on a full disk with its reason, no stack, the summary, and exit 1',
    () => {
      const dir = seeds(1)
      const toFile = command(['parse', dir, '--to', 'csv', '-o', '/dev/full'])
      expect(toFile.status).toBe(1)
      const lines = toFile.stderr.trim().split('\n')
      expect(lines[0]).toBe(
        'zfxxgk: could not write /dev/full: no space left on device; /dev/full holds what was written before (incomplete)'
      )
      expect(lines.at(-1)).toMatch(/^\d+ files? .*; interrupted, \d+ files? not read$/u)
      expect(lines).toHaveLength(2)
      const full = openSync('/dev/full', 'w')
      try {
        const toStdout = command(['parse', dir, '--to', 'csv'], { stdout: full })
        expect(toStdout.status).toBe(1)
        expect(toStdout.stderr.trim().split('\n')).toEqual([
          'zfxxgk: could not write standard output: no space left on device; standard output holds what was written before (incomplete)',
          '0 files: 0 reports, 0 failed, 0 with warnings; interrupted, 5 files not read'
        ])
      } finally {
        closeSync(full)
      }
    },
    KILL_AFTER
  )

  /** Spawn the command on a large batch, stdout piped; `then` is called with the child on its first output. */
  async function onFirstOutput(
    argv: string[],
    then: (child: ReturnType<typeof spawn>) => void
  ): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (part: Buffer) => (stderr += part.toString()))
    child.stdout.once('data', () => then(child))
    child.stdout.on('data', () => undefined)
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER)
    const [code] = (await once(child, 'close')) as [number | null]
    clearTimeout(timer)
    return { code, stderr }
  }

  it(
    'counts on when its reader stops early: exit 141 when no file failed, 1 when one did, the summary saying the output was cut',
    async () => {
      const dir = seeds(8)
      const cut = await onFirstOutput(['parse', dir, '--to', 'csv'], (child) => child.stdout?.destroy())
      expect(cut.code).toBe(141)
      expect(cut.stderr).toBe('40 files (32 text, 8 markdown): 40 reports, 0 failed, 24 with warnings; output cut (its reader closed it)\n')
      writeFileSync(join(dir, 'zz-empty.txt'), '')
      const failed = await onFirstOutput(['parse', dir, '--to', 'csv'], (child) => child.stdout?.destroy())
      expect(failed.code).toBe(1)
      expect(failed.stderr.trim().split('\n').at(-1)).toBe(
        '41 files (33 text, 8 markdown): 40 reports, 1 failed, 24 with warnings; output cut (its reader closed it)'
      )
    },
    2 * KILL_AFTER
  )

  it(
    'on Ctrl-C writes nothing more to standard output, sums up, and exits 130',
    async () => {
      const dir = seeds(40)
      const { code, stderr } = await onFirstOutput(['parse', dir, '--to', 'csv', '--jobs', '1'], (child) => child.kill('SIGINT'))
      expect(code).toBe(130)
      const lines = stderr.trim().split('\n')
      expect(lines[0]).toBe('zfxxgk: interrupted by SIGINT; standard output holds what was written before (incomplete)')
      expect(lines[1]).toMatch(/^\d+ files?( \(.*\))?: \d+ reports?, 0 failed, \d+ with warnings; interrupted, \d+ files? not read$/u)
    },
    KILL_AFTER
  )

  it(
    'on Ctrl-C leaves -o FILE as it was, with no temporary file beside it, and exits 130',
    async () => {
      const dir = seeds(40)
      const out = mkdtempSync(join(tmpdir(), 'zfxxgk-sigint-'))
      writeFileSync(join(out, 'all.csv'), 'the last complete run\n')
      const child = spawn(process.execPath, [BIN, 'parse', dir, '--to', 'csv', '--jobs', '1', '-o', join(out, 'all.csv')], {
        stdio: ['ignore', 'ignore', 'pipe']
      })
      let stderr = ''
      child.stderr.on('data', (part: Buffer) => (stderr += part.toString()))
      const temporary = join(out, `.all.csv.zfxxgk-${child.pid}.tmp`)
      // Once part of the CSV is written to the temporary file.
      const poll = setInterval(() => {
        if (existsSync(temporary) && statSync(temporary).size > 100_000) {
          clearInterval(poll)
          child.kill('SIGINT')
        }
      }, 5)
      const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER)
      const [code] = (await once(child, 'close')) as [number | null]
      clearInterval(poll)
      clearTimeout(timer)
      expect(code).toBe(130)
      expect(stderr.split('\n')[0]).toBe(`zfxxgk: interrupted by SIGINT; ${join(out, 'all.csv')} was not written (left as it was)`)
      expect(readdirSync(out)).toEqual(['all.csv'])
      expect(readFileSync(join(out, 'all.csv'), 'utf8')).toBe('the last complete run\n')
    },
    KILL_AFTER
  )

  /** A module that writes the process's peak resident memory (KiB) to a file at exit. */
  function rssProbe(): { module: string; file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-rss-'))
    const file = join(dir, 'max-rss')
    const module = join(dir, 'probe.mjs')
    writeFileSync(
      module,
      `import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => writeFileSync(${JSON.stringify(file)}, String(process.resourceUsage().maxRSS)))\n`
    )
    return { module: pathToFileURL(module).href, file }
  }

  it.skipIf(!existsSync('/usr/bin/yes'))(
    'stops reading an endless standard input past --max-size, and exits',
    () => {
      const result = spawnSync('sh', ['-c', `yes 一、总体情况 | "${process.execPath}" "${BIN}" parse - --max-size 1000000`], {
        encoding: 'utf8',
        timeout: KILL_AFTER
      })
      expect(result.status).toBe(1)
      expect(result.stderr.trim().split('\n')).toEqual([
        '-: could not be read: more than --max-size (1000000) bytes; not read further',
        '1 file: 0 reports, 1 failed, 0 with warnings'
      ])
    },
    KILL_AFTER
  )

  it(
    'holds no more of standard input than --max-size: 300 MB in, peak memory stays low',
    () => {
      const probe = rssProbe()
      const result = spawnSync(
        'sh',
        ['-c', `head -c 300000000 /dev/zero | "${process.execPath}" --import "${probe.module}" "${BIN}" parse - --to ndjson`],
        { encoding: 'utf8', timeout: KILL_AFTER }
      )
      expect(result.status).toBe(1)
      expect(result.stderr).toContain('-: could not be read: more than --max-size (10485760) bytes; not read further\n')
      // In KiB: far under the 500 MB the issue allows (the whole stream was 300 MB, and was 4.7 GB for 1.5 GB).
      expect(Number(readFileSync(probe.file, 'utf8'))).toBeLessThan(250 * 1024)
    },
    KILL_AFTER
  )
})
