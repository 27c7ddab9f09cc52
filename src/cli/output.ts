/**
 * Where `parse` writes: standard output or one file, streamed (each file's part written as it comes,
 * waiting when the stream asks to), or one file per input in a directory. JSON is written as a
 * streamed array; NDJSON, CSV and Markdown part after part.
 *
 * Nothing that looks whole is left by a run that did not finish: a file is written under a
 * temporary name and renamed onto `-o` at the end (`replace.ts`); in a folder each output is
 * written so, whole, as it comes. Standard output cannot be taken back: an interrupted run
 * writes nothing more to it. A write that fails rejects, for the command to stop on.
 *
 * @module
 */

import { createWriteStream, existsSync, mkdirSync, realpathSync, statSync, type WriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { dirname, join } from 'node:path'
import type { Input } from './files.js'
import { OutputNames } from './names.js'
import type { Outcome } from './outcome.js'
import { commitTemporary, discardTemporary, foldersBelow, openTemporary, realTarget, specialFile, writeReplacing } from './replace.js'
import { csvHeader, type RenderJob, type Target } from './render.js'
import { writeSidecar } from './sidecar.js'

/** Write bytes or text; a promise when the stream asks to wait. Throws (or rejects) once the stream has failed. */
export type Write = (text: string | Uint8Array, written?: () => void) => void | Promise<void>

/** A destination for the command's output. */
export interface Output {
  /** What it is, for messages: `standard output`, the file, or the folder. */
  name: string
  /** What an interrupted run leaves in it, for the message that says so. */
  unfinished: string
  /** Write what comes before the first part (a CSV header). */
  start(header: string): Promise<void>
  /** Write one input's part, then release it (`outcome.release`: bytes lent from a worker's ring). Rejects when the write fails. */
  write(outcome: Outcome, input: Input): Promise<void>
  /** Finish a run that was not interrupted: close the output, and put a file in its place. Rejects when that fails. */
  end(): Promise<void>
  /** Give up an interrupted run: write nothing more, and remove what is not whole (a file's temporary file). */
  abandon(): void
  /** What it adds to the summary line once ended (`dataset`: `1 body, 7 body-years, …`); `undefined` before. */
  summary?(): string | undefined
}

const EXTENSIONS: Readonly<Record<Target, string>> = { json: '.json', ndjson: '.ndjson', csv: '.csv', markdown: '.md', xlsx: '.xlsx' }

/** An output that writes nothing (`check` with its report on stderr). */
export const NO_OUTPUT: Output = {
  name: 'nothing',
  unfinished: 'nothing was written',
  start: async () => undefined,
  write: async (outcome) => outcome.release?.(),
  end: async () => undefined,
  abandon: () => undefined
}

/**
 * Writes to a stream: its first error kept, and thrown by every write after it (or by the one
 * waiting for the stream to drain).
 *
 * @param stream - A writable stream (standard output, a file).
 */
export function writerOf(stream: NodeJS.WritableStream): Write {
  let failure: Error | undefined
  stream.on('error', (error: Error) => {
    failure ??= error
  })
  return (chunk, written) => {
    if (failure !== undefined) {
      written?.()
      throw failure
    }
    if (stream.write(chunk, () => written?.())) return undefined
    return new Promise<void>((resolve, reject) => {
      const settle = (error?: Error): void => {
        stream.off('drain', onDrain)
        stream.off('error', onError)
        if (error === undefined) resolve()
        else reject(error)
      }
      const onDrain = (): void => settle()
      const onError = (error: Error): void => settle(error)
      stream.once('drain', onDrain)
      stream.once('error', onError)
    })
  }
}

/**
 * Open the output: standard output (`path` absent), a directory (`path` ending in `/` or an existing
 * directory: one file per input), or a file.
 *
 * @param path - `-o`, or `undefined`.
 * @param io - Standard output.
 * @param render - How parts are rendered (the format, and for CSV the header of each file).
 * @param bom - Start CSV with a UTF-8 byte order mark.
 * @throws Error when the directory to write in does not exist, or the output cannot be opened (a usage error, before any parsing).
 */
export async function openOutput(path: string | undefined, io: { stdout: Write }, render: RenderJob, bom: boolean): Promise<Output> {
  if (path === undefined)
    return {
      name: 'standard output',
      unfinished: 'standard output holds what was written before (incomplete)',
      ...streamed(io.stdout, render.to, bom),
      abandon: () => undefined
    }
  const folder = isFolderTarget(path)
  const parent = dirname(folder ? path.replace(/\/+$/u, '') : path)
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new Error(`-o ${path}: the folder ${parent} does not exist`)
  if (folder) return perFile(path, render, bom)
  const special = specialFile(path)
  if (special) {
    // A device or a FIFO (/dev/null, /dev/stdout): written to as it is, it cannot be replaced.
    const stream = createWriteStream(path)
    await opened(stream)
    return fileOutput(path, stream, render, bom, {
      unfinished: `${path} holds what was written before (incomplete)`,
      commit: () => undefined,
      discard: () => undefined
    })
  }
  const target = realTarget(path)
  const temporary = openTemporary(target)
  const stream = createWriteStream(temporary.path, { fd: temporary.fd })
  return fileOutput(path, stream, render, bom, {
    unfinished: `${path} was not written (left as it was)`,
    commit: () => {
      commitTemporary(temporary.path, target)
      // A CSV stays plain: what made it goes beside it.
      if (render.to === 'csv' && render.about !== undefined) writeSidecar(render.about, path)
    },
    discard: () => discardTemporary(temporary.path)
  })
}

/** Whether `-o` names a folder of outputs: ends in `/`, or is an existing folder. */
export function isFolderTarget(path: string): boolean {
  return path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory())
}

/** A streamed output to a file: put in place (`commit`) at the end, removed (`discard`) when abandoned. */
function fileOutput(
  name: string,
  stream: WriteStream,
  render: RenderJob,
  bom: boolean,
  place: { unfinished: string; commit: () => void; discard: () => void }
): Output {
  const output = streamed(writerOf(stream), render.to, bom)
  return {
    name,
    unfinished: place.unfinished,
    ...output,
    end: async () => {
      await output.end()
      stream.end()
      await finished(stream)
      place.commit()
    },
    abandon: () => {
      stream.destroy()
      place.discard()
    }
  }
}

/**
 * Wait until a stream's file is open.
 *
 * @param stream - A file's write stream.
 * @throws The error that kept it from opening.
 */
export function opened(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('open', () => resolve())
    stream.once('error', reject)
  })
}

/** Parts written one after another to one stream; `written` is called once a part's bytes are written. */
function streamed(write: Write, to: Target, bom: boolean): Omit<Output, 'name' | 'unfinished' | 'abandon'> {
  let first = true
  return {
    start: async (header) => {
      await write(`${to === 'csv' && bom ? '\ufeff' : ''}${header}${to === 'json' ? '[' : ''}`)
    },
    write: async (outcome) => {
      if (outcome.chunk.length === 0) return outcome.release?.()
      const separator = `${first ? '' : to === 'json' ? ',' : to === 'markdown' ? '\n' : ''}${to === 'json' ? '\n' : ''}`
      try {
        if (separator !== '') await write(separator)
        // A stream may keep the bytes queued after write() returns: they are released when written.
        await write(outcome.chunk, outcome.release)
      } catch (error) {
        outcome.release?.()
        throw error
      }
      first = false
    },
    end: async () => {
      if (to === 'json') await write(first ? ']\n' : '\n]\n')
    }
  }
}

/** One file per input in a directory, named after the input's path below the folder named (`-2`, `-3` … when two share a name). */
function perFile(directory: string, render: RenderJob, bom: boolean): Output {
  mkdirSync(directory, { recursive: true })
  const base = realpathSync(directory)
  const names = new OutputNames()
  const checked = new Set<string>()
  const extension = EXTENSIONS[render.to]
  const before = Buffer.from(render.to === 'csv' ? `${bom ? '\ufeff' : ''}${csvHeader(render)}` : '')
  const after = Buffer.from(render.to === 'json' ? '\n' : '')
  return {
    name: directory,
    unfinished: `each file written to ${directory} is whole; the others were not written`,
    start: async () => undefined,
    write: async (outcome, input) => {
      try {
        if (outcome.chunk.length === 0 && render.to !== 'csv') return
        const { folders, file } = names.take(input, extension)
        const chunk = typeof outcome.chunk === 'string' ? Buffer.from(outcome.chunk) : outcome.chunk
        writeReplacing(join(foldersBelow(base, folders, checked), file), [before, chunk, after])
      } finally {
        outcome.release?.()
      }
    },
    end: async () => undefined,
    abandon: () => undefined
  }
}
