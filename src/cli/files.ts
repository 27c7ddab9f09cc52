/**
 * The command's inputs: files, directories walked for reports (symbolic links followed, each
 * directory once), and `-` for stdin. Only listed here, never opened: what cannot be listed, and
 * what is not a regular file (a FIFO, a socket, a device), is an input that failed, with its
 * reason, in its place in the batch.
 *
 * @module
 */

import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { extname, join } from 'node:path'
import { reasonOf } from './reason.js'

/** File extensions a directory walk picks up. */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.docx', '.pdf'])

/** An input of the command. */
export interface Input {
  /** Its path, as named or as found by the walk (`-`: standard input). */
  path: string
  /** The folder named on the command line it was found in; absent for a file named itself and for `-`. */
  root?: string
  /** Why it cannot be read, known from the listing (a folder that could not be listed, a FIFO …); absent: to be read. */
  failure?: string
}

/** The file system calls of a walk (Node's by default; a test may pass its own). */
export interface WalkFs {
  /** `fs.statSync`: symbolic links followed. */
  stat(path: string): Stats
  /** `fs.realpathSync`. */
  realpath(path: string): string
  /** `fs.readdirSync`: the names in a folder. */
  readdir(path: string): string[]
}

const NODE_FS: WalkFs = { stat: (path) => statSync(path), realpath: (path) => realpathSync(path), readdir: (path) => readdirSync(path) }

/** What {@link collectInputs} found. */
export interface Inputs {
  /** The inputs, in order. */
  inputs: Input[]
  /** The real path of every folder walked (whose files are inputs, and where outputs would be read back). */
  folders: string[]
}

/**
 * The inputs named on the command line, directories walked (sorted, hidden entries and
 * node_modules skipped, symbolic links followed, a directory reached twice walked once) for files
 * with a report extension or one of `extensions`.
 *
 * @param names - Paths, directories, or `-`.
 * @param extensions - More extensions to pick up (with their dot).
 * @param fs - The file system calls (default: Node's).
 * @returns The inputs in order (a name not found, a folder that cannot be listed, a file that is
 * not a regular file: each an input with its `failure`), and the folders walked.
 */
export function collectInputs(names: readonly string[], extensions: readonly string[] = [], fs: WalkFs = NODE_FS): Inputs {
  const inputs: Input[] = []
  const wanted = new Set([...REPORT_EXTENSIONS, ...extensions.map((extension) => extension.toLowerCase())])
  const seen = new Set<string>()
  for (const name of names) {
    if (name === '-') {
      inputs.push({ path: '-' })
      continue
    }
    let stats: Stats
    try {
      stats = fs.stat(name)
    } catch (error) {
      inputs.push({ path: name, failure: reasonOf(error) })
      continue
    }
    if (stats.isDirectory()) walk(name, wanted, seen, inputs, fs)
    else inputs.push(inputOf(name, stats))
  }
  return { inputs, folders: [...seen] }
}

/** A file found or named: to be read when it is a regular file; otherwise failed, not opened. */
function inputOf(path: string, stats: Stats, root?: string): Input {
  const input: Input = root === undefined ? { path } : { path, root }
  const kind = specialKind(stats)
  if (kind !== undefined) input.failure = `${kind}, not a regular file (not opened)`
  return input
}

/** What a file that is neither a regular file nor a folder is; `undefined` for those two. */
function specialKind(stats: Stats): string | undefined {
  if (stats.isFile() || stats.isDirectory()) return undefined
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  return 'a special file'
}

/** Files of a directory tree, depth first, in name order; without recursion, whatever its depth. */
function walk(root: string, wanted: ReadonlySet<string>, seen: Set<string>, into: Input[], fs: WalkFs): void {
  // Entries to visit, the next on top: a directory's entries are pushed in reverse name order.
  const stack = [root]
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    const picked = wanted.has(extname(path).toLowerCase())
    let stats: Stats
    try {
      stats = fs.stat(path)
    } catch (error) {
      // A broken link, or an entry gone since its folder was listed.
      if (picked) into.push({ path, root, failure: reasonOf(error) })
      continue
    }
    if (!stats.isDirectory()) {
      if (path !== root && picked) into.push(inputOf(path, stats, root))
      continue
    }
    let entries: string[]
    try {
      const real = fs.realpath(path)
      if (seen.has(real)) continue
      seen.add(real)
      entries = fs.readdir(path)
    } catch (error) {
      into.push({ path, root, failure: `a folder that could not be listed (${reasonOf(error)})` })
      continue
    }
    const names = entries.filter((name) => !name.startsWith('.') && name !== 'node_modules').sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    for (let i = names.length - 1; i >= 0; i--) stack.push(join(path, names[i] as string))
  }
}
