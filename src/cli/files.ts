/**
 * The command's inputs: files, directories walked for reports (symbolic links followed, each
 * directory once), and `-` for stdin. Only listed here, never opened: what cannot be listed, and
 * what is not a regular file (a FIFO, a socket, a device), is an input that failed, with its
 * reason, in its place in the batch.
 *
 * @module
 */

import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { extname, join, relative, sep } from 'node:path'
import { globMatches, type Glob } from './glob.js'
import { reasonOf } from './reason.js'

/**
 * File extensions a directory walk picks up: text, Markdown, the page extensions government sites
 * serve (`.shtml`, `.xhtml`, `.htm`), JSON (read only when it holds a report), Word and PDF.
 */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set([
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.json',
  '.docx',
  '.pdf'
])

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
  /** Files the walk passed over, by extension (lower case, with its dot; `''`: none): not hidden, not excluded, not of an extension walked. */
  skipped: Map<string, number>
}

/** How a walk picks its files. */
export interface WalkOptions {
  /** More extensions to pick up (with their dot). */
  extensions?: readonly string[]
  /** Files and folders left out (`--exclude`), matched against the path relative to the folder named. */
  exclude?: readonly Glob[]
}

/**
 * The inputs named on the command line, directories walked (sorted, hidden entries and
 * node_modules skipped, symbolic links followed, a directory reached twice walked once) for files
 * with a report extension or one of `options.extensions`, leaving out what `options.exclude` matches.
 *
 * @param names - Paths, directories, or `-`.
 * @param options - More extensions, and what to leave out.
 * @param fs - The file system calls (default: Node's).
 * @returns The inputs in order (a name not found, a folder that cannot be listed, a file that is
 * not a regular file: each an input with its `failure`), the folders walked, and the files passed over.
 */
export function collectInputs(names: readonly string[], options: WalkOptions = {}, fs: WalkFs = NODE_FS): Inputs {
  const inputs: Input[] = []
  const wanted = new Set([...REPORT_EXTENSIONS, ...(options.extensions ?? []).map((extension) => extension.toLowerCase())])
  const walk = new Walk(wanted, options.exclude ?? [], fs, inputs)
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
    if (stats.isDirectory()) walk.run(name)
    else inputs.push(inputOf(name, stats))
  }
  return { inputs, folders: [...walk.seen], skipped: walk.skipped }
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

/** Walks of directory trees, sharing the folders seen and the counts of files passed over. */
class Walk {
  /** The real path of every folder walked. */
  readonly seen = new Set<string>()
  /** Files passed over, by extension. */
  readonly skipped = new Map<string, number>()

  constructor(
    private readonly wanted: ReadonlySet<string>,
    private readonly exclude: readonly Glob[],
    private readonly fs: WalkFs,
    private readonly into: Input[]
  ) {}

  /** Whether `--exclude` leaves out a path below `root`. */
  private excluded(root: string, path: string): boolean {
    if (this.exclude.length === 0 || path === root) return false
    const below = relative(root, path).split(sep).join('/')
    return this.exclude.some((glob) => globMatches(glob, below))
  }

  /** Files of a directory tree, depth first, in name order; without recursion, whatever its depth. */
  run(root: string): void {
    const { fs, into, seen } = this
    // Entries to visit, the next on top: a directory's entries are pushed in reverse name order.
    const stack = [root]
    for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
      if (this.excluded(root, path)) continue
      const extension = extname(path).toLowerCase()
      const picked = this.wanted.has(extension)
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
        else if (path !== root) this.skipped.set(extension, (this.skipped.get(extension) ?? 0) + 1)
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
}
