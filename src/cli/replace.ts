/**
 * Writing an output so that no one ever sees it half-written, and never through a symbolic link:
 * each output goes first to a temporary file beside it (`.name.zfxxgk-<pid>.tmp`, created anew,
 * never opened through a link), renamed onto its name once whole. A rename replaces what was
 * there (a file, or a link: the link itself, not what it points to). Temporary files still open
 * are known, so that an interrupted run removes them.
 *
 * @module
 */

import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats
} from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Create, write only, fail when the name exists (a link included), never follow a link. */
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)

/** Temporary files created and neither renamed nor removed yet. */
const temporaries = new Set<string>()

/**
 * Create the temporary file of an output, in the output's folder.
 *
 * @param target - The output's path.
 * @returns The temporary file's descriptor and path.
 */
export function openTemporary(target: string): { fd: number; path: string } {
  const folder = dirname(target)
  const stem = `.${basename(target)}.zfxxgk-${process.pid}`
  for (let n = 1; ; n++) {
    const path = join(folder, `${stem}${n === 1 ? '' : `-${n}`}.tmp`)
    try {
      const fd = openSync(path, CREATE_FLAGS, 0o666)
      temporaries.add(path)
      return { fd, path }
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST' || n >= 100) throw error
    }
  }
}

/**
 * Put a whole temporary file in its output's place.
 *
 * @param temporary - From {@link openTemporary}, closed.
 * @param target - The output's path.
 */
export function commitTemporary(temporary: string, target: string): void {
  renameSync(temporary, target)
  temporaries.delete(temporary)
}

/**
 * Remove a temporary file (what an interrupted output leaves); quiet when it is gone already.
 *
 * @param temporary - From {@link openTemporary}.
 */
export function discardTemporary(temporary: string): void {
  temporaries.delete(temporary)
  try {
    unlinkSync(temporary)
  } catch {
    // Gone already.
  }
}

/** Remove every temporary file not yet renamed (at exit, and on a second Ctrl-C). */
export function removeTemporaries(): void {
  for (const temporary of [...temporaries]) discardTemporary(temporary)
}

/**
 * Write an output whole: to its temporary file, then renamed onto it.
 *
 * @param target - The output's path.
 * @param chunks - Its bytes.
 * @throws The error of the write or the rename (the temporary file removed).
 */
export function writeReplacing(target: string, chunks: readonly Uint8Array[]): void {
  const { fd, path } = openTemporary(target)
  try {
    try {
      for (const chunk of chunks) for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at, chunk.length - at)
    } finally {
      closeSync(fd)
    }
    commitTemporary(path, target)
  } catch (error) {
    discardTemporary(path)
    throw error
  }
}

/**
 * Make the folders of a relative path below an output folder, each checked to be a folder and not
 * a symbolic link (`lstat`): an output is never written through a link found there.
 *
 * @param base - The output folder (its own links were named by the user, and are followed).
 * @param parts - The folders below it, outermost first.
 * @param checked - Folders already made or checked (relative paths joined by `/`), to skip.
 * @returns The innermost folder's path.
 * @throws Error naming a part that is a link or not a folder.
 */
export function foldersBelow(base: string, parts: readonly string[], checked: Set<string>): string {
  let path = base
  let relative = ''
  for (const part of parts) {
    path = join(path, part)
    relative = relative === '' ? part : `${relative}/${part}`
    if (checked.has(relative)) continue
    try {
      mkdirSync(path)
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error
    }
    const stats = lstatSync(path)
    if (stats.isSymbolicLink()) throw new Error(`${path} is a symbolic link (not followed)`)
    if (!stats.isDirectory()) throw new Error(`${path} is not a folder`)
    checked.add(relative)
  }
  return path
}

/**
 * Whether a path names something other than a regular file or a folder (a device, a FIFO, a
 * socket): an output written to as it is, since it cannot be replaced.
 *
 * @param path - `-o`.
 */
export function specialFile(path: string): boolean {
  let stats: Stats
  try {
    stats = statSync(path)
  } catch {
    return false
  }
  return !stats.isFile() && !stats.isDirectory()
}

/**
 * The file an output replaces: `path` with the links the user named resolved (the file's own, if
 * it exists, and its folder's), so that the temporary file is made beside the real file.
 *
 * @param path - `-o`, a file whose folder exists.
 */
export function realTarget(path: string): string {
  return existsSync(path) ? realpathSync(path) : join(realpathSync(dirname(path)), basename(path))
}
