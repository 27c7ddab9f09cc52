/**
 * The names of the outputs written one per input in a folder (`-o DIR/`): each input's path
 * relative to the folder named on the command line, mirrored (`reports/2024/a.txt` →
 * `2024/a.md`); a file named itself by its own name; `stdin` for `-`. A name already taken (two
 * folders holding the same relative path, a file and a folder of one name) gets `-2`, `-3` …
 *
 * @module
 */

import { basename, extname, relative, sep } from 'node:path'
import type { Input } from './files.js'

/** Names given so far in one output folder. */
export class OutputNames {
  /** Relative paths given, files and folders alike (`/`-separated). */
  private readonly taken = new Set<string>()
  /** A folder of the inputs (relative to its root) → the folder it is written to. */
  private readonly folders = new Map<string, string>()

  /**
   * @param reserved - Names not to give (`index.html` of `view`).
   */
  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name)
  }

  /**
   * The relative path of an input's output, `/`-separated, not given before.
   *
   * @param input - The input (its path, and the folder named it was found in).
   * @param extension - The output's extension, with its dot.
   * @returns The folders, outermost first, and the file name.
   */
  take(input: Pick<Input, 'path' | 'root'>, extension: string): { folders: string[]; file: string } {
    const parts =
      input.path === '-'
        ? ['stdin']
        : input.root === undefined
          ? [basename(input.path)]
          : relative(input.root, input.path)
              .split(sep)
              .filter((part) => part !== '' && part !== '.' && part !== '..')
    const last = parts.pop() ?? 'stdin'
    const folders: string[] = []
    let source = ''
    let given = ''
    for (const part of parts) {
      source = source === '' ? part : `${source}/${part}`
      let folder = this.folders.get(source)
      if (folder === undefined) {
        folder = this.free(given, part, '')
        this.folders.set(source, folder)
      }
      given = folder
      folders.push(folder.slice(folder.lastIndexOf('/') + 1))
    }
    const stem = input.path === '-' ? last : basename(last, extname(last))
    const file = this.free(given, stem, extension)
    return { folders, file: file.slice(file.lastIndexOf('/') + 1) }
  }

  /** `stem + extension` in `folder`, or `stem-2 + extension` …: the first not taken, now taken. */
  private free(folder: string, stem: string, extension: string): string {
    const at = folder === '' ? '' : `${folder}/`
    let name = `${at}${stem}${extension}`
    for (let n = 2; this.taken.has(name); n++) name = `${at}${stem}-${n}${extension}`
    this.taken.add(name)
    return name
  }
}
