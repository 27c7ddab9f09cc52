/**
 * The docs say what runs (issue 26): every `npx zfxxgk …` line of a shell block in README.md and
 * docs/*.md runs, in a folder holding every file those lines name, with no usage error and no file
 * it could not read; every example that shows a command's output (a block starting `$ npx zfxxgk`)
 * prints the lines it shows, in order; and every file of the repository the docs link to exists.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const BIN = join(ROOT, 'dist', 'cli.js')
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name))
]

/** The fenced blocks of a Markdown file: their language and lines. */
function blocks(file: string): { language: string; lines: string[] }[] {
  const found: { language: string; lines: string[] }[] = []
  let open: { language: string; lines: string[] } | undefined
  for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n')) {
    const fence = /^```(\S*)/u.exec(line)
    if (fence !== null) {
      if (open === undefined) open = { language: fence[1] ?? '', lines: [] }
      else {
        found.push(open)
        open = undefined
      }
    } else open?.lines.push(line)
  }
  return found
}

/** Each `npx zfxxgk` command of the shell blocks, its comment cut, with where it stands. */
const commands = DOCS.flatMap((file) =>
  blocks(file)
    .filter(({ language }) => language === 'sh' || language === 'bash')
    .flatMap(({ lines }) => lines)
    .filter((line) => line.includes('npx zfxxgk'))
    .map((line) => ({ file, command: line.replace(/\s+#\s.*$/u, '').trim() }))
)

const bin = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`
const run = (command: string, cwd: string) =>
  spawnSync('/bin/sh', ['-c', command.replaceAll('npx zfxxgk', bin)], { cwd, encoding: 'utf8', timeout: 120_000 })

describe.skipIf(!existsSync(BIN))('the docs’ commands', () => {
  const sandbox = mkdtempSync(join(tmpdir(), 'zfxxgk-docs-'))
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }))

  /** The files the commands name, from the corpus: a folder of reports as a user has one. */
  function stage(): void {
    const put = (from: string, to: string): void => {
      mkdirSync(dirname(join(sandbox, to)), { recursive: true })
      copyFileSync(join(ROOT, 'corpus', from), join(sandbox, to))
    }
    put('seed-000/input.txt', 'reports/2024/a.txt')
    put('seed-003/input.txt', 'reports/2023/jiutai.txt')
    put('real-902-hongze-2024/input.pdf', 'reports/2024/fgj.pdf')
    put('real-006-pingtan-2023/input.txt', 'reports/2023/pingtan.txt')
    put('real-009-pingtan-2025/input.html', 'reports/2025/page-0193.html')
    put('real-902-hongze-2024/input.pdf', 'report.pdf')
    put('seed-003/input.txt', 'report.txt')
    const identity =
      'file,organization,year,region,level\n2024/fgj.pdf,淮安市洪泽区人民政府,2024,华东,县级\n2025/page-0193.html,平潭综合实验区管委会,2025,,\n'
    writeFileSync(join(sandbox, 'reports', 'identity.csv'), identity)
    writeFileSync(join(sandbox, 'ids.csv'), identity.replaceAll('\n2', '\nreports/2'))
    // The custom adapter guide's example, built as its reader would build it, importing the package.
    mkdirSync(join(sandbox, 'node_modules'))
    symlinkSync(ROOT, join(sandbox, 'node_modules', 'zfxxgk'))
    const adapter = ts.transpileModule(readFileSync(join(ROOT, 'docs', 'examples', 'csv-adapter.ts'), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    })
    writeFileSync(join(sandbox, 'csv-adapter.js'), adapter.outputText)
    writeFileSync(join(sandbox, 'package.json'), '{ "type": "module" }')
    const tables = readFileSync(join(ROOT, 'corpus', 'seed-001', 'input.txt'), 'utf8')
      .split('\n')
      .map((line) => (line.includes('\t') ? line.split('\t').join(',') : line))
      .join('\n')
    mkdirSync(join(sandbox, 'exports'))
    writeFileSync(join(sandbox, 'exports', 'tables.csv'), tables)
  }
  stage()

  it('finds the commands (README and the guides show some)', () => {
    expect(commands.length).toBeGreaterThan(15)
    expect(new Set(commands.map(({ file }) => file))).toEqual(
      new Set(['README.md', 'docs/command-line.md', 'docs/custom-adapter.md', 'docs/getting-started.md'])
    )
  })

  it.each(commands)(
    '$file: $command',
    ({ command }) => {
      const result = run(command, sandbox)
      const said = `${result.stdout ?? ''}${result.stderr ?? ''}`
      // 0, or 1 where a report has errors (check) or problems (--frail); 2 is a usage error.
      expect([0, 1], said).toContain(result.status)
      expect(result.stderr, said).not.toMatch(/could not be read|no such file|Error: |^\s+at /mu)
    },
    120_000
  )
})

describe.skipIf(!existsSync(BIN))('examples that show what a command prints', () => {
  const examples = DOCS.flatMap((file) =>
    blocks(file)
      .filter(({ lines }) => lines[0]?.startsWith('$ npx zfxxgk') === true)
      .map(({ lines }) => ({
        file,
        command: (lines[0] as string).slice(2),
        shown: lines.slice(1).filter((line) => line !== '' && line !== '…')
      }))
  )

  it('finds them', () => expect(examples.length).toBeGreaterThanOrEqual(2))

  it.each(examples)(
    '$file: $command',
    ({ command, shown }) => {
      const result = run(command, ROOT)
      const printed = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.replaceAll('\r', '').split('\n')
      let at = 0
      for (const line of shown) {
        const found = printed.indexOf(line, at)
        expect(found, `“${line}” is not printed (after line ${at})`).toBeGreaterThanOrEqual(0)
        at = found + 1
      }
    },
    120_000
  )
})

describe('files the docs name', () => {
  it('every relative link of README and docs/ names a file of the repository', () => {
    const missing: string[] = []
    for (const file of DOCS) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      // Links outside code spans: `[a](` in a table of inputs is text.
      for (const [, target] of text.replace(/`[^`\n]*`/gu, '').matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/gu)) {
        if (target === undefined || /^[a-z]+:/iu.test(target)) continue
        if (!existsSync(resolve(ROOT, dirname(file), target))) missing.push(`${file}: ${target}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('the corpus files the docs name exist', () => {
    const missing: string[] = []
    for (const file of DOCS) {
      for (const [path] of readFileSync(join(ROOT, file), 'utf8').matchAll(/corpus\/[\w.-]+(?:\/[\w.-]+)*/gu)) {
        // `corpus/real-002`…`008` and `corpus/seed-` name folders by their start.
        const base = path.replace(/[.]$/u, '')
        const parent = join(ROOT, dirname(base))
        const named =
          existsSync(join(ROOT, base)) ||
          (existsSync(parent) && readdirSync(parent).some((name) => name.startsWith(base.slice(dirname(base).length + 1))))
        if (!named) missing.push(`${file}: ${path}`)
      }
    }
    expect(missing).toEqual([])
  })
})
