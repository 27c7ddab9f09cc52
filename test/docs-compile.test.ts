/**
 * Docs that compile: every ```ts / ```typescript block of README.md and docs/*.md, and every
 * TSDoc `@example` in src/, is written as its own file into one consumer project (see
 * consumer.ts) and type-checked under `strict` against the built package, the way a reader who
 * pastes it gets it. One test per block, named `file:line` of its opening fence; its failure
 * message is the compiler's errors, placed at their lines in the document.
 *
 * A block is a whole program (imports included). A block that cannot be one says so in its info
 * string, ```ts nocheck <reason>, and is listed here as skipped with that reason.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { BUILT, CONSUMER_OPTIONS, consumerProject, ROOT, typeCheck } from './consumer.js'

interface Block {
  /** `file:line` of the opening fence, the file relative to the repository. */
  name: string
  file: string
  /** 1-based line of the document holding the block's first line of code. */
  firstLine: number
  code: string
  /** The reason given after `nocheck`, or `undefined` for a checked block. */
  nocheck: string | undefined
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/u

/** The fenced blocks of a Markdown text whose language is ts or typescript. */
function tsBlocks(file: string, text: string): Block[] {
  const lines = text.split(/\r?\n/u)
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '')
    if (open === null) continue
    const fence = open[1] ?? ''
    const [lang = '', flag, ...reason] = (open[2] ?? '').split(/\s+/u)
    let end = i + 1
    while (end < lines.length && !new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`, 'u').test(lines[end] ?? ''))
      end++
    if (lang === 'ts' || lang === 'typescript') {
      blocks.push({
        name: `${file}:${i + 1}`,
        file,
        firstLine: i + 2,
        code: `${lines.slice(i + 1, end).join('\n')}\n`,
        nocheck: flag === 'nocheck' ? reason.join(' ') || '(no reason given)' : undefined
      })
    }
    i = end
  }
  return blocks
}

/** The ts blocks inside the TSDoc comments of a source file (its `@example`s), at their lines. */
function tsdocBlocks(file: string, text: string): Block[] {
  let inComment = false
  const masked = text.split('\n').map((line) => {
    if (/^\s*\/\*\*/u.test(line)) inComment = true
    const kept = inComment ? line.replace(/^\s*(?:\/\*\*|\*\/|\*)? ?/u, '') : ''
    if (line.includes('*/')) inComment = false
    return kept
  })
  return tsBlocks(file, masked.join('\n'))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []
  )
}

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')
const docs = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
]
const blocks = [
  ...docs.flatMap((file) => tsBlocks(file, read(file))),
  ...sourceFiles('src').flatMap((file) => tsdocBlocks(file, read(file)))
]

/** Files a block may import by a relative path, as the docs tell the reader to save them: docs/examples/*. */
const support = Object.fromEntries(
  readdirSync(join(ROOT, 'docs', 'examples'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name, read(`docs/examples/${name}`)])
)

const fileOf = (block: Block): string => `${block.name.replace(/[/:.]/gu, '_')}.ts`
const NOT_BUILT = 'dist/index.d.ts is missing: run `npm run build` first (npm test builds before vitest runs)'

describe('TypeScript in the docs compiles against the built package', () => {
  /** Errors of each block's file; errors in no block's file under '' (support files, the package's types). */
  const errors = new Map<string, string[]>()

  beforeAll(() => {
    if (!BUILT) return
    const checked = blocks.filter((block) => block.nocheck === undefined)
    const dir = consumerProject({ ...support, ...Object.fromEntries(checked.map((block) => [fileOf(block), block.code])) })
    for (const error of typeCheck(dir, checked.map(fileOf))) {
      const block = checked.find((b) => error.startsWith(`${fileOf(b)}:`))
      if (block === undefined) {
        errors.set('', [...(errors.get('') ?? []), error])
        continue
      }
      // `file.ts:3:5 TS… message` → `README.md:118:5 TS… message`
      const placed = error.replace(/^[^:]+:(\d+):/u, (_, line: string) => `${block.file}:${block.firstLine + Number(line) - 1}:`)
      errors.set(block.name, [...(errors.get(block.name) ?? []), placed])
    }
  }, 60_000)

  it('the package is built', () => {
    expect(BUILT, NOT_BUILT).toBe(true)
  })

  it('finds the blocks', () => {
    expect(blocks.filter((block) => block.file === 'README.md').length).toBeGreaterThan(0)
    expect(blocks.filter((block) => block.file.startsWith('docs/')).length).toBeGreaterThan(0)
    expect(blocks.filter((block) => block.file.startsWith('src/')).length).toBeGreaterThanOrEqual(4)
  })

  it('support files and the package types have no errors', () => {
    expect(BUILT, NOT_BUILT).toBe(true)
    expect(errors.get('') ?? []).toEqual([])
  })

  for (const block of blocks) {
    if (block.nocheck !== undefined) {
      it.skip(`${block.name} (nocheck: ${block.nocheck})`, () => {})
      continue
    }
    it(block.name, () => {
      expect(BUILT, NOT_BUILT).toBe(true)
      expect(errors.get(block.name) ?? []).toEqual([])
    })
  }

  it('getting-started shows the tsconfig.json the blocks are checked with', () => {
    const guide = 'docs/getting-started.md'
    const configs = read(guide)
      .split(/^```/mu)
      .filter((part) => part.startsWith('json') && part.includes('"compilerOptions"'))
      .map((part) => part.slice(part.indexOf('\n') + 1))
    expect(configs, `${guide} should show one tsconfig.json`).toHaveLength(1)
    const json = ts.parseConfigFileTextToJson('tsconfig.json', configs[0] ?? '')
    expect(json.error).toBeUndefined()
    const { options, errors: optionErrors } = ts.convertCompilerOptionsFromJson(json.config.compilerOptions, ROOT)
    expect(optionErrors).toEqual([])
    // The test project adds only noEmit (nothing to write) and an explicit skipLibCheck: false (the default).
    const { noEmit: _noEmit, skipLibCheck, ...shown } = CONSUMER_OPTIONS
    expect(skipLibCheck).toBe(false)
    expect(options).toEqual(shown)
  })
})

describe('extracting blocks', () => {
  it('reads fences, info strings and TSDoc examples with their lines', () => {
    const md = ['# t', '```ts', 'const a = 1', '```', '```sh', 'ls', '```', '````typescript nocheck shows a fragment', 'x', '````'].join(
      '\n'
    )
    expect(tsBlocks('a.md', md)).toEqual([
      { name: 'a.md:2', file: 'a.md', firstLine: 3, code: 'const a = 1\n', nocheck: undefined },
      { name: 'a.md:8', file: 'a.md', firstLine: 9, code: 'x\n', nocheck: 'shows a fragment' }
    ])
    const src = ['/**', ' * Does x.', ' *', ' * @example', ' * ```ts', ' * f(1)', ' * ```', ' */', 'export function f(n: number) {}'].join(
      '\n'
    )
    expect(tsdocBlocks('f.ts', src)).toEqual([{ name: 'f.ts:5', file: 'f.ts', firstLine: 6, code: 'f(1)\n', nocheck: undefined }])
  })
})
