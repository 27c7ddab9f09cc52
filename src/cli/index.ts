/**
 * The `zfxxgk` command: `parse` turns reports into JSON, NDJSON, CSV (one row per cell, or one
 * row per report) or Markdown, streamed in input order; `check` lists each report's problems,
 * grouped by file, with a summary per code.
 *
 * @module
 */

import { availableParallelism } from 'node:os'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { builtinAdapters, type Adapter } from '../parse.js'
import { loadAdapters } from './adapters.js'
import { collectInputs } from './files.js'
import { HELP, USAGE } from './help.js'
import { openOutput, openViewOutput, type Output } from './output.js'
import { processAll } from './pool.js'
import { processFile, type FileJob, type Outcome } from './process.js'
import { progress } from './progress.js'
import { plain } from './terminal.js'
import { csvHeader, TARGETS, type Target } from './render.js'

/** Where the command writes, and what it reads for `-`. */
export interface Io {
  /**
   * Standard output; a promise when the stream asks the command to wait (backpressure). Bytes
   * passed with `written` are lent: call it once they are written (or copied), after which they
   * may change; a stream that never calls it costs speed, not output.
   */
  stdout: (text: string | Uint8Array, written?: () => void) => void | Promise<void>
  /** Standard error. */
  stderr: (text: string) => void
  /** Standard input, read whole (for `-`). */
  stdin: () => Uint8Array
  /** Whether standard error is a terminal (progress is shown only then). */
  tty: boolean
}

/** The commands. */
type Command = 'parse' | 'check' | 'view'

/** Options that only some commands take. */
const ONLY: Readonly<Record<string, readonly Command[]>> = {
  to: ['parse'],
  output: ['parse', 'view'],
  shape: ['parse'],
  header: ['parse'],
  bom: ['parse'],
  'no-bom': ['parse'],
  frail: ['check'],
  quiet: ['check'],
  silent: ['check'],
  report: ['check']
}

/**
 * Run the command.
 *
 * @param argv - The arguments after the program name.
 * @param io - Streams.
 * @returns The exit code: 0, 1 (a file failed, or check found errors), 2 (bad usage).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>
  try {
    parsed = parseOptions(argv)
  } catch (error) {
    io.stderr(`zfxxgk: ${plain(error instanceof Error ? error.message : String(error))}\n\n${USAGE}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.version === true) {
    await io.stdout(`${version()}\n`)
    return 0
  }
  const [command, ...names] = positionals
  if (command === undefined) {
    if (values.help === true) await io.stdout(`${USAGE}\n`)
    else io.stderr(`${USAGE}\n`)
    return values.help === true ? 0 : 2
  }
  if (command !== 'parse' && command !== 'check' && command !== 'view') return usage(io, `unknown command “${command}”`)
  if (values.help === true) {
    await io.stdout(`${HELP[command]}\n`)
    return 0
  }
  // Custom adapters load before anything is read: one that fails is a usage error.
  let custom: Adapter[]
  try {
    custom = await loadAdapters(values.adapter ?? [])
  } catch (error) {
    return usage(io, `--adapter: ${error instanceof Error ? error.message : String(error)}`, command)
  }
  const job = jobOf(command, values, custom)
  if (typeof job === 'string') return usage(io, job, command)
  if (names.length === 0) return usage(io, 'no input: name files, directories, or - for stdin', command)
  let output: Output
  try {
    const bom = values.bom === true || (values['no-bom'] !== true && /\.csv$/iu.test(values.output ?? ''))
    // check writes to stderr, or with --report json a JSON array to stdout.
    output =
      command === 'view'
        ? openViewOutput(
            values.output,
            names.length === 1 && names[0] !== undefined && !(existsSync(names[0]) && statSync(names[0]).isDirectory())
          )
        : command === 'parse' || job.check.report === 'json'
          ? await openOutput(
              command === 'parse' ? values.output : undefined,
              io,
              command === 'parse' ? job.output : { ...job.output, to: 'json' },
              bom
            )
          : { start: async () => undefined, write: async () => undefined, end: async () => undefined }
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error), command)
  }
  const { inputs, missing } = collectInputs(
    names,
    (values.ext ?? []).map((extension) => (extension.startsWith('.') ? extension : `.${extension}`))
  )
  for (const name of missing) io.stderr(`${plain(name)}: no such file or directory\n`)
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs)
  const bar = progress(inputs.length, io)
  const tally: Tally = {
    files: missing.length,
    reports: 0,
    failed: missing.length,
    unread: missing.length,
    warnings: 0,
    formats: new Map(),
    codes: new Map()
  }
  const emit = async (outcome: Outcome): Promise<void> => {
    bar.tick()
    tally.files++
    if (outcome.format !== undefined) tally.formats.set(outcome.format, (tally.formats.get(outcome.format) ?? 0) + 1)
    for (const [code, count] of Object.entries(outcome.counts)) tally.codes.set(code, (tally.codes.get(code) ?? 0) + count)
    tally.reports += outcome.reports.length
    if (outcome.failure !== undefined) tally.failed++
    if (outcome.format === undefined) tally.unread++
    if ((outcome.counts.warning ?? 0) > 0) tally.warnings++
    if (outcome.failure !== undefined && (command === 'parse' || outcome.format === undefined)) {
      bar.clear()
      io.stderr(`${plain(outcome.path)}: ${outcome.format === undefined ? 'could not be read' : 'no report'}: ${plain(outcome.failure)}\n`)
    }
    if (command === 'view') await output.write(outcome)
    else if (command === 'check' && job.check.report === 'text') {
      bar.clear()
      io.stderr(typeof outcome.chunk === 'string' ? outcome.chunk : new TextDecoder().decode(outcome.chunk))
      outcome.release?.()
    } else await output.write(outcome)
  }
  await output.start(command === 'parse' && job.output.to === 'csv' ? csvHeader(job.output) : '')
  // In the order named: the files between two `-` as one batch, standard input where it stands.
  const pool = {
    jobs,
    timeout: Number(values.timeout ?? 60) * 1000,
    memory: 2048,
    always: values.jobs !== undefined || values.timeout !== undefined,
    budget: values.timeout !== undefined
  }
  let batch: string[] = []
  for (const input of inputs) {
    if (input !== '-') {
      batch.push(input)
      continue
    }
    await processAll(batch, job, pool, emit)
    batch = []
    await emit(await processFile('-', job, io.stdin()))
  }
  await processAll(batch, job, pool, emit)
  await output.end()
  bar.end()
  return command === 'check' ? summarizeCheck(tally, values, io) : summarizeParse(tally, io)
}

/** The job of a command from its options, or what is wrong with them. */
function jobOf(command: Command, values: ReturnType<typeof parseOptions>['values'], custom: readonly Adapter[]): FileJob | string {
  for (const [option, only] of Object.entries(ONLY)) {
    if (!only.includes(command) && values[option as keyof typeof values] !== undefined)
      return `--${option} is an option of ${only.join(' and ')}, not of ${command}`
  }
  const formats = ['auto', ...custom.map((adapter) => adapter.name), ...builtinAdapters.map((adapter) => adapter.name)]
  if (values.format !== undefined && !formats.includes(values.format)) return `--format must be one of ${formats.join(', ')}`
  const to = (values.to ?? 'json') as Target
  if (!TARGETS.includes(to)) return `--to must be one of ${TARGETS.join(', ')}`
  if (values.shape !== undefined && values.shape !== 'long' && values.shape !== 'wide') return '--shape must be long or wide'
  if ((values.shape !== undefined || values.header !== undefined) && to !== 'csv') return '--shape and --header go with --to csv'
  if (values.header !== undefined && values.header !== 'path' && values.header !== 'label') return '--header must be path or label'
  if (values.report !== undefined && values.report !== 'text' && values.report !== 'json') return '--report must be text or json'
  for (const [option, least] of [
    ['jobs', 1],
    ['max-size', 1],
    ['timeout', 1]
  ] as const) {
    const value = values[option]
    if (value !== undefined && !(Number.isInteger(Number(value)) && Number(value) >= least))
      return `--${option} must be a whole number, at least ${least}`
  }
  return {
    format: values.format === undefined || values.format === 'auto' ? undefined : values.format,
    repair: values['no-repair'] !== true,
    maxSize: Number(values['max-size'] ?? 10 * 1024 * 1024),
    command,
    output: { to, shape: values.shape === 'wide' ? 'wide' : 'long', header: values.header === 'label' ? 'label' : 'path' },
    check: {
      level: values.silent === true ? 'silent' : values.quiet === true ? 'quiet' : 'all',
      report: values.report === 'json' ? 'json' : 'text'
    },
    adapters: (values.adapter ?? []).map((file) => resolve(file))
  }
}

function usage(io: Io, problem: string, command?: Command): number {
  io.stderr(`zfxxgk: ${plain(problem)}\n\n${command === undefined ? USAGE : HELP[command]}\n`)
  return 2
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      shape: { type: 'string' },
      header: { type: 'string' },
      bom: { type: 'boolean' },
      'no-bom': { type: 'boolean' },
      'no-repair': { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
      'max-size': { type: 'string' },
      timeout: { type: 'string' },
      ext: { type: 'string', multiple: true },
      adapter: { type: 'string', multiple: true },
      frail: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      silent: { type: 'boolean', short: 's' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' }
    }
  })
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }
  return manifest.version ?? '0.0.0'
}

/** What a batch gave, counted as its outcomes are emitted. */
interface Tally {
  /** Files named or found, read or not. */
  files: number
  /** Reports read (a file may hold several). */
  reports: number
  /** Files that gave none: not found, not read, or holding no report. */
  failed: number
  /** Files not found or not read at all. */
  unread: number
  /** Files with a warning. */
  warnings: number
  formats: Map<string, number>
  codes: Map<string, number>
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** `3 files (2 html, 1 text)`: how many files of each format were read, most first. */
function files(tally: Tally): string {
  const kinds = [...tally.formats]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([format, count]) => `${count} ${format}`)
    .join(', ')
  return `${plural(tally.files, 'file')}${kinds === '' ? '' : ` (${kinds})`}`
}

/** `parse`'s last line: `N files (…): R reports, F failed, W with warnings`; exit 1 when a file failed. */
function summarizeParse(tally: Tally, io: Io): number {
  io.stderr(`${files(tally)}: ${plural(tally.reports, 'report')}, ${tally.failed} failed, ${tally.warnings} with warnings\n`)
  return tally.failed > 0 ? 1 : 0
}

/** `check`'s last lines: counts by severity, then by code; exit 1 on errors (or warnings with --frail) or a file not read. */
function summarizeCheck(tally: Tally, values: { frail?: boolean }, io: Io): number {
  const count = (key: string): number => tally.codes.get(key) ?? 0
  const codes = [...tally.codes]
    .filter(([code]) => code !== 'error' && code !== 'warning' && code !== 'info')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => `${code} ×${n}`)
  io.stderr(
    `\n${files(tally)}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}\n${codes.length === 0 ? '' : `  ${codes.join(', ')}\n`}`
  )
  return count('error') > 0 || (values.frail === true && count('warning') > 0) || tally.unread > 0 ? 1 : 0
}
