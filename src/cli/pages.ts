/**
 * Where `view` writes: one page to a file (`-o report.html`, one input), or a page per input and
 * `index.html` in a folder, each page mirroring its input's path below the folder named. Every
 * page is written whole under a temporary name and renamed; `index.html` last, by a run that was
 * not interrupted.
 *
 * @module
 */

import { createWriteStream, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs'
import { finished } from 'node:stream/promises'
import { dirname, join } from 'node:path'
import { OutputNames } from './names.js'
import { opened, type Output } from './output.js'
import { foldersBelow, realTarget, specialFile, writeReplacing } from './replace.js'
import { renderIndex, type ViewEntry } from './view.js'

/**
 * Open where `view` writes.
 *
 * @param path - `-o`.
 * @param single - Whether there is one input.
 * @throws Error when `-o` is missing, or its folder does not exist.
 */
export function openViewOutput(path: string | undefined, single: boolean): Output {
  if (path === undefined) throw new Error('view writes HTML pages: name a folder (-o pages/) or, for one input, a file (-o report.html)')
  const toFile = viewToFile(path, single)
  const parent = dirname(toFile ? path : path.replace(/\/+$/u, ''))
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new Error(`-o ${path}: the folder ${parent} does not exist`)
  if (toFile) {
    const special = specialFile(path)
    const target = special ? path : realTarget(path)
    return {
      name: path,
      unfinished: `${path} was not written`,
      start: async () => undefined,
      write: async (outcome) => {
        try {
          const chunk = typeof outcome.chunk === 'string' ? Buffer.from(outcome.chunk) : outcome.chunk
          if (special) await writeSpecial(target, chunk)
          else writeReplacing(target, [chunk])
        } finally {
          outcome.release?.()
        }
      },
      end: async () => undefined,
      abandon: () => undefined
    }
  }
  mkdirSync(path, { recursive: true })
  const base = realpathSync(path)
  const names = new OutputNames(['index.html'])
  const checked = new Set<string>()
  const entries: ViewEntry[] = []
  return {
    name: path,
    unfinished: `each page written to ${path} is whole; the others and index.html were not written`,
    start: async () => undefined,
    write: async (outcome, input) => {
      try {
        const { folders, file } = names.take(input, '.html')
        if (outcome.chunk.length > 0) {
          const chunk = typeof outcome.chunk === 'string' ? Buffer.from(outcome.chunk) : outcome.chunk
          writeReplacing(join(foldersBelow(base, folders, checked), file), [chunk])
        }
        const entry: ViewEntry = {
          path: outcome.path,
          page: [...folders, file].join('/'),
          counts: outcome.counts,
          reports: outcome.reports
        }
        if (outcome.failure !== undefined) entry.failure = outcome.failure
        entries.push(entry)
      } finally {
        outcome.release?.()
      }
    },
    end: async () => writeReplacing(join(base, 'index.html'), [Buffer.from(renderIndex(entries))]),
    abandon: () => undefined
  }
}

/**
 * Whether `view` writes one page to a file: one input, and `-o` an `.html` name that is not a folder.
 *
 * @param path - `-o`.
 * @param single - Whether there is one input.
 */
export function viewToFile(path: string, single: boolean): boolean {
  return single && /\.html?$/iu.test(path) && !(existsSync(path) && statSync(path).isDirectory())
}

/** Write to a device or a FIFO, as it is. */
async function writeSpecial(path: string, chunk: Uint8Array): Promise<void> {
  const stream = createWriteStream(path)
  await opened(stream)
  stream.end(chunk)
  await finished(stream)
}
