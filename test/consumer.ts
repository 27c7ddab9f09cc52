/**
 * A consumer project for tests that look at the package as a user's editor and compiler do: a
 * temporary folder with `"type": "module"`, a strict NodeNext tsconfig, and `node_modules/zfxxgk`
 * linked to this repository, so `import … from 'zfxxgk'` resolves through package.json `exports`
 * to the built `dist/index.d.ts` (npm test builds before vitest runs).
 */
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import ts from 'typescript'

export const ROOT = join(import.meta.dirname, '..')

/** Whether the package is built (dist/index.d.ts exists); the tests below need it. */
export const BUILT = existsSync(join(ROOT, 'dist', 'index.d.ts'))

/** The compiler options a consumer is told to use in docs/getting-started.md. */
export const CONSUMER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  noEmit: true,
  skipLibCheck: false
}

/** A consumer project holding `files` (name → source); returns its folder. */
export function consumerProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-consumer-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true })
  symlinkSync(ROOT, join(dir, 'node_modules', 'zfxxgk'), 'dir')
  symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(dir, 'node_modules', '@types', 'node'), 'dir')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

/** Type-check files of a consumer project; returns each error as `file:line:col TSnnnn message`. */
export function typeCheck(dir: string, names: string[]): string[] {
  const program = ts.createProgram(
    names.map((name) => join(dir, name)),
    CONSUMER_OPTIONS
  )
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    if (d.file === undefined || d.start === undefined) return `TS${d.code} ${text}`
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
    return `${d.file.fileName.slice(dir.length + 1)}:${line + 1}:${character + 1} TS${d.code} ${text}`
  })
}
