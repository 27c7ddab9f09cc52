/**
 * Inputs are never written: before anything is read, `-o` is compared with the inputs by real
 * path (symbolic links resolved, and for files by device and inode, so a hard link counts). It
 * is a usage error when `-o` is an input; when it is, or is in, a folder walked for inputs and
 * what it writes would be read back as inputs; or when an input is in the output folder.
 *
 * @module
 */

import { existsSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { Input } from './files.js'

/** Where `-o` writes: one file, or a folder of files (one per input). */
export interface OutputTarget {
  /** `-o` as given. */
  path: string
  /** A folder of outputs, one per input. */
  folder: boolean
}

/**
 * What is wrong with writing to `target` when reading `inputs`, or `undefined` when nothing is.
 *
 * @param target - `-o`.
 * @param inputs - The inputs (those that failed already, and `-`, are not files to compare).
 * @param folders - The real paths of the folders walked for inputs.
 * @param picked - Whether the walk picks up a file of this name (its extension is walked).
 */
export function overlapProblem(
  target: OutputTarget,
  inputs: readonly Input[],
  folders: readonly string[],
  picked: (name: string) => boolean
): string | undefined {
  const real = realPathOf(target.path)
  const files = inputs.filter((input) => input.failure === undefined && input.path !== '-')
  if (!target.folder) {
    const identity = statOrUndefined(target.path)
    if (identity !== undefined) {
      for (const input of files) {
        const stats = statOrUndefined(input.path)
        if (stats !== undefined && stats.dev === identity.dev && stats.ino === identity.ino)
          return `-o ${target.path} is the input ${input.path}: an input is never written`
      }
    }
    for (const folder of folders) {
      if (inside(real, folder) && walkedTo(folder, real) && picked(basename(real)))
        return `-o ${target.path} is in ${folder}, a folder walked for inputs: it would be read back as one`
    }
    return undefined
  }
  for (const folder of folders) {
    if (inside(real, folder)) return `-o ${target.path} is in ${folder}, a folder walked for inputs: its files would be read back as inputs`
    if (inside(folder, real)) return `-o ${target.path} holds ${folder}, a folder walked for inputs: its files would be read back as inputs`
  }
  for (const input of files) {
    // Where the input's name is (a link in the output folder would be replaced) and what it is.
    for (const place of [join(realPathOf(dirname(input.path)), basename(input.path)), realPathOrUndefined(input.path)]) {
      if (place !== undefined && inside(place, real))
        return `the input ${input.path} is in the output folder -o ${target.path}: it could be written over`
    }
  }
  return undefined
}

/** Whether `path` is `folder` or in it. */
function inside(path: string, folder: string): boolean {
  const rest = relative(folder, path)
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest))
}

/** Whether a walk of `folder` reaches `path` in it: no hidden part and no node_modules on the way. */
function walkedTo(folder: string, path: string): boolean {
  return relative(folder, path)
    .split(sep)
    .every((part) => !part.startsWith('.') && part !== 'node_modules')
}

/** The real path of a file that may not exist yet: of its nearest existing folder, and the rest as written. */
function realPathOf(path: string): string {
  const absolute = resolve(path)
  const rest: string[] = []
  for (let at = absolute; ; at = dirname(at)) {
    if (existsSync(at)) {
      const real = realPathOrUndefined(at)
      if (real !== undefined) return join(real, ...rest.reverse())
    }
    if (dirname(at) === at) return absolute
    rest.push(basename(at))
  }
}

function realPathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path)
  } catch {
    return undefined
  }
}

function statOrUndefined(path: string): { dev: number; ino: number } | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/**
 * Whether the walk picks up a file name.
 *
 * @param wanted - The extensions walked, with their dot, lower case.
 */
export function pickedBy(wanted: ReadonlySet<string>): (name: string) => boolean {
  return (name) => wanted.has(extname(name).toLowerCase())
}
