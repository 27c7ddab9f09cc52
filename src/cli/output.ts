/**
 * Where `parse` writes: standard output or one file, streamed (each file's part written as it comes,
 * waiting when the stream asks to), or one file per input in a directory. JSON is written as a
 * streamed array; NDJSON, CSV and Markdown part after part.
 *
 * @module
 */

import { once } from 'node:events'
import { createWriteStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { Outcome } from './process.js'
import { csvHeader, type RenderJob, type Target } from './render.js'
import { renderIndex, type ViewEntry } from './view.js'

/** A destination for `parse`'s output. */
export interface Output {
  /** Write what comes before the first part (a CSV header). */
  start(header: string): Promise<void>
  /** Write one input's part, then release it (`outcome.release`: bytes lent from a worker's ring). */
  write(outcome: Outcome): Promise<void>
  /** Close the output. */
  end(): Promise<void>
}

const EXTENSIONS: Readonly<Record<Target, string>> = { json: '.json', ndjson: '.ndjson', csv: '.csv', markdown: '.md' }

/**
 * Open the output: standard output (`path` absent), a directory (`path` ending in `/` or an existing
 * directory: one file per input), or a file.
 *
 * @param path - `-o`, or `undefined`.
 * @param io - Standard output.
 * @param render - How parts are rendered (the format, and for CSV the header of each file).
 * @param bom - Start CSV with a UTF-8 byte order mark.
 * @throws Error when the directory to write in does not exist (a usage error, before any parsing).
 */
export async function openOutput(
  path: string | undefined,
  io: { stdout: (text: string | Uint8Array, written?: () => void) => void | Promise<void> },
  render: RenderJob,
  bom: boolean
): Promise<Output> {
  if (path === undefined) return streamed(io.stdout, render.to, bom)
  const isDirectory = path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory())
  const parent = dirname(isDirectory ? path.replace(/\/+$/u, '') : path)
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new Error(`-o ${path}: the folder ${parent} does not exist`)
  if (isDirectory) return perFile(path, render, bom)
  const stream = createWriteStream(path)
  await once(stream, 'open')
  const output = streamed(
    (chunk, written) =>
      stream.write(chunk, written === undefined ? undefined : () => written()) ? undefined : once(stream, 'drain').then(() => undefined),
    render.to,
    bom
  )
  return {
    ...output,
    end: async () => {
      await output.end()
      stream.end()
      await once(stream, 'finish')
    }
  }
}

/** Parts written one after another to one stream; `written` is called once a part's bytes are written. */
function streamed(write: (text: string | Uint8Array, written?: () => void) => void | Promise<void>, to: Target, bom: boolean): Output {
  let first = true
  return {
    start: async (header) => {
      await write(`${to === 'csv' && bom ? '\ufeff' : ''}${header}${to === 'json' ? '[' : ''}`)
    },
    write: async (outcome) => {
      if (outcome.chunk.length === 0) return outcome.release?.()
      const separator = `${first ? '' : to === 'json' ? ',' : to === 'markdown' ? '\n' : ''}${to === 'json' ? '\n' : ''}`
      if (separator !== '') await write(separator)
      // A stream may keep the bytes queued after write() returns: they are released when written.
      await write(outcome.chunk, outcome.release)
      first = false
    },
    end: async () => {
      if (to === 'json') await write(first ? ']\n' : '\n]\n')
    }
  }
}

/** One file per input in a directory, named after the input (`-2`, `-3` … when two share a name). */
function perFile(directory: string, render: RenderJob, bom: boolean): Output {
  mkdirSync(directory, { recursive: true })
  const used = new Set<string>()
  const extension = EXTENSIONS[render.to]
  return {
    start: async () => undefined,
    write: async (outcome) => {
      if (outcome.chunk.length === 0 && render.to !== 'csv') return outcome.release?.()
      const name = nameFor(outcome.path, extension, used)
      const before = render.to === 'csv' ? `${bom ? '\ufeff' : ''}${csvHeader(render)}` : ''
      const after = render.to === 'json' ? '\n' : ''
      const chunk = typeof outcome.chunk === 'string' ? Buffer.from(outcome.chunk) : outcome.chunk
      writeFileSync(join(directory, name), Buffer.concat([Buffer.from(before), chunk, Buffer.from(after)]))
      outcome.release?.()
    },
    end: async () => undefined
  }
}

/**
 * Where `view` writes: one page to a file (`-o report.html`, one input), or a page per input and
 * `index.html` in a directory.
 *
 * @param path - `-o`.
 * @param single - Whether there is one input.
 * @throws Error when `-o` is missing, or its folder does not exist.
 */
export function openViewOutput(path: string | undefined, single: boolean): Output {
  if (path === undefined) throw new Error('view writes HTML pages: name a folder (-o pages/) or, for one input, a file (-o report.html)')
  const toFile = single && /\.html?$/iu.test(path) && !(existsSync(path) && statSync(path).isDirectory())
  const parent = dirname(toFile ? path : path.replace(/\/+$/u, ''))
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new Error(`-o ${path}: the folder ${parent} does not exist`)
  if (toFile) {
    return {
      start: async () => undefined,
      write: async (outcome) => {
        writeFileSync(path, outcome.chunk)
        outcome.release?.()
      },
      end: async () => undefined
    }
  }
  mkdirSync(path, { recursive: true })
  const used = new Set<string>(['index.html'])
  const entries: ViewEntry[] = []
  return {
    start: async () => undefined,
    write: async (outcome) => {
      const name = nameFor(outcome.path, '.html', used)
      if (outcome.chunk.length > 0) writeFileSync(join(path, name), outcome.chunk)
      outcome.release?.()
      const entry: ViewEntry = { path: outcome.path, page: name, counts: outcome.counts, reports: outcome.reports }
      if (outcome.failure !== undefined) entry.failure = outcome.failure
      entries.push(entry)
    },
    end: async () => writeFileSync(join(path, 'index.html'), renderIndex(entries))
  }
}

/** A file name for an input's output in a directory: its own stem (`stdin` for `-`), `-2`, `-3` … when taken. */
function nameFor(path: string, extension: string, used: Set<string>): string {
  const stem = path === '-' ? 'stdin' : basename(path, extname(path))
  let name = `${stem}${extension}`
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}${extension}`
  used.add(name)
  return name
}
