/**
 * The command's inputs: files, directories walked for reports (symbolic links followed, each
 * directory once), and `-` for stdin.
 *
 * @module
 */

import { readdirSync, realpathSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'

/** File extensions a directory walk picks up. */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.docx', '.pdf'])

/**
 * The inputs named on the command line, directories walked (sorted, hidden entries and
 * node_modules skipped, symbolic links followed, a directory reached twice walked once) for files
 * with a report extension or one of `extensions`.
 *
 * @param names - Paths, directories, or `-`.
 * @param extensions - More extensions to pick up (with their dot).
 * @returns The inputs in order, and the names that could not be found.
 */
export function collectInputs(names: readonly string[], extensions: readonly string[] = []): { inputs: string[]; missing: string[] } {
  const inputs: string[] = []
  const missing: string[] = []
  const wanted = new Set([...REPORT_EXTENSIONS, ...extensions.map((extension) => extension.toLowerCase())])
  const seen = new Set<string>()
  for (const name of names) {
    if (name === '-') {
      inputs.push('-')
      continue
    }
    let isDirectory: boolean
    try {
      isDirectory = statSync(name).isDirectory()
    } catch {
      missing.push(name)
      continue
    }
    if (isDirectory) walk(name, wanted, seen, inputs)
    else inputs.push(name)
  }
  return { inputs, missing }
}

/** Files of a directory tree, depth first, in name order; without recursion, whatever its depth. */
function walk(root: string, wanted: ReadonlySet<string>, seen: Set<string>, into: string[]): void {
  // Entries to visit, the next on top: a directory's entries are pushed in reverse name order.
  const stack = [root]
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    let stats
    try {
      stats = statSync(path)
    } catch {
      if (wanted.has(extname(path).toLowerCase())) into.push(path) // a broken link: reported as unreadable
      continue
    }
    if (stats.isFile()) {
      if (path !== root && wanted.has(extname(path).toLowerCase())) into.push(path)
      continue
    }
    if (!stats.isDirectory()) continue
    let entries: string[]
    try {
      const real = realpathSync(path)
      if (seen.has(real)) continue
      seen.add(real)
      entries = readdirSync(path)
    } catch {
      continue
    }
    const names = entries.filter((name) => !name.startsWith('.') && name !== 'node_modules').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    for (let i = names.length - 1; i >= 0; i--) stack.push(join(path, names[i] as string))
  }
}
