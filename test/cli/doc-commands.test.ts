/**
 * Every `zfxxgk` command the README and the docs show runs (issue 26: a newcomer copies them
 * first): each is run on a folder laid out as the docs name it (`reports/`, `ids.csv`,
 * `report.pdf` …), and must not be a usage error (exit 0 or 1, never 2).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORPUS, copyCase, folderOf, run } from './helpers.js'

const ROOT = join(import.meta.dirname, '..', '..')
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name))
]

/** Documented commands that need what no test folder has: why each is left out. */
const ELSEWHERE: Readonly<Record<string, string>> = {
  'parse exports/ --adapter ./csv-adapter.js --ext csv --to csv -o all.csv':
    'needs the guide’s adapter compiled: the adapter is run by test/docs.test.ts, --adapter with --ext by test/cli.test.ts'
}

/** Options whose value is a path (made absolute), and options whose value is a word. */
const PATH_OPTIONS = new Set(['-o', '--output', '--identity', '--adapter'])
const VALUE_OPTIONS = new Set([
  '--to',
  '--shape',
  '--header',
  '--format',
  '--report',
  '--ext',
  '--exclude',
  '-j',
  '--jobs',
  '--max-size',
  '--timeout'
])

/** Each `zfxxgk …` line of a sh or yaml block: its file, its arguments (comment, pipe into it and redirection left out), and whether it reads stdin. */
function documented(): { file: string; args: string[]; stdin: boolean }[] {
  const found: { file: string; args: string[]; stdin: boolean }[] = []
  for (const file of DOCS) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    for (const block of text.matchAll(/```(?:sh|yaml)[^\n]*\n([\s\S]*?)```/gu)) {
      for (const line of (block[1] as string).split('\n')) {
        const at = line.indexOf('zfxxgk ')
        if (at < 0) continue
        const command = line
          .slice(at + 'zfxxgk '.length)
          .replace(/\s+#.*$/u, '')
          .replace(/\s*>.*$/u, '')
          .trim()
        found.push({ file, args: command.split(/\s+/u), stdin: line.slice(0, at).includes('|') })
      }
    }
  }
  return found
}

/** A folder laid out as the docs name things: reports/ with two reports and an identity CSV, ids.csv, report.pdf, report.txt. */
function layout(): string {
  const dir = folderOf({ 'reports/a.txt': 'seed-000', 'reports/2024/b.md': 'seed-001', 'report.txt': 'seed-002' })
  copyCase('real-901-huaian-2024', join(dir, 'report.pdf'))
  const ids = 'file,organization,year\na.txt,德惠市政务服务和数字化建设管理局,2020\n'
  writeFileSync(join(dir, 'reports', 'identity.csv'), ids)
  writeFileSync(join(dir, 'ids.csv'), ids.replace('a.txt', 'reports/a.txt'))
  return dir
}

/** The arguments with every path made absolute in `dir` (tests cannot change the working directory). */
function inFolder(args: readonly string[], dir: string): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    out.push(arg)
    if (PATH_OPTIONS.has(arg) || VALUE_OPTIONS.has(arg)) {
      const value = args[++i] as string
      out.push(PATH_OPTIONS.has(arg) && !isAbsolute(value) ? join(dir, value) + (value.endsWith('/') ? '/' : '') : value)
    } else if (i > 0 && !arg.startsWith('-')) out[out.length - 1] = join(dir, arg) + (arg.endsWith('/') ? '/' : '')
  }
  return out
}

describe('the commands the README and the docs show', () => {
  const commands = documented()
  it('are found', () => {
    expect(commands.length).toBeGreaterThan(20)
  })

  it.each(commands.map((command) => [`${command.file}: zfxxgk ${command.args.join(' ')}`, command] as const))(
    '%s',
    async (_, { args, stdin }) => {
      if (ELSEWHERE[args.join(' ')] !== undefined) return
      const dir = layout()
      const { code, stderr } = await run(
        inFolder(args, dir),
        stdin ? { stdin: readFileSync(join(CORPUS, 'seed-002', 'input.txt'), 'utf8') } : {}
      )
      expect(stderr.split('\n')[0], stderr).not.toMatch(/^zfxxgk: /u)
      expect([0, 1], stderr).toContain(code)
    },
    60_000
  )
})
