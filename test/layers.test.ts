/**
 * The layers of src/ run top-down, and no import runs up (type-only imports included):
 *
 *   index.ts → cli/ → parse.ts → adapters/* → source/ → core/ → validate/ → model/
 *                 ↘ dataset/ → serialize/ → model/
 *
 * A layer may import itself and the layers below it that its row lists; an adapter imports only its
 * own folder and the shared `adapters/load.ts`, never another adapter (a sibling's internals). The
 * rules are data: a new layer is one row.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..', 'src')

/** Each layer (a file or a folder of src/) and the layers it may import besides itself. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  'index.ts': ['parse.ts', 'adapters', 'source', 'core', 'validate', 'dataset', 'serialize', 'model'],
  cli: ['parse.ts', 'dataset', 'serialize', 'model'],
  dataset: ['serialize', 'model'],
  'parse.ts': ['adapters', 'source', 'core', 'validate', 'model'],
  adapters: ['source', 'model'],
  source: ['core', 'model'],
  core: ['validate', 'model'],
  validate: ['model'],
  serialize: ['model'],
  model: []
}

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** The layer of a file: its top-level folder under src/, or its own name for a top-level file. */
const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/u)[0] as string

/** The adapter folder of a file (`adapters/html`), or undefined outside one. */
function adapterOf(file: string): string | undefined {
  const parts = relative(SRC, file).split(/[\\/]/u)
  return parts[0] === 'adapters' && parts.length > 2 ? `adapters/${parts[1] as string}` : undefined
}

/** The files a file imports, by relative specifier (`.js` resolved to the `.ts` source). */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8')
  return [...code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/gu)].map((match) =>
    normalize(join(dirname(file), (match[1] as string).replace(/\.js$/u, '.ts')))
  )
}

const files = sources(SRC)
const edges = files.flatMap((from) => importsOf(from).map((to) => ({ from, to })))

describe('layers of src/', () => {
  it('reads the import graph', () => {
    expect(files.length).toBeGreaterThan(30)
    expect(edges.length).toBeGreaterThan(100)
    for (const file of files) expect(Object.keys(MAY_IMPORT), relative(SRC, file)).toContain(layerOf(file))
  })

  it('has no import that runs up or sideways', () => {
    const wrong = edges.flatMap(({ from, to }) => {
      const [a, b] = [layerOf(from), layerOf(to)]
      return a === b || (MAY_IMPORT[a] ?? []).includes(b) ? [] : [`${relative(SRC, from)} → ${relative(SRC, to)}`]
    })
    expect(wrong).toEqual([])
  })

  it('has no adapter that imports another adapter', () => {
    const wrong = edges.flatMap(({ from, to }) => {
      const mine = adapterOf(from)
      if (mine === undefined || layerOf(to) !== 'adapters') return []
      const theirs = adapterOf(to)
      return theirs === undefined || theirs === mine ? [] : [`${relative(SRC, from)} → ${relative(SRC, to)}`]
    })
    expect(wrong).toEqual([])
  })

  it('finds a wrong import when there is one', () => {
    const up = { from: join(SRC, 'model', 'types.ts'), to: join(SRC, 'core', 'mapper.ts') }
    expect((MAY_IMPORT[layerOf(up.from)] ?? []).includes(layerOf(up.to))).toBe(false)
  })
})
