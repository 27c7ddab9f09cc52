/**
 * The `zfxxgk` command: `parse` turns reports into JSON, NDJSON, CSV (one row per cell, or one
 * row per report) or Markdown, streamed in input order; `check` lists each report's problems,
 * grouped by file, with a summary per code; `view` writes HTML pages; `dataset` groups the reports
 * by body and year, checks them across years, and writes a CSV panel, a JSON document or an HTML
 * dashboard.
 *
 * @module
 */

import { availableParallelism } from 'node:os'
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Adapter } from '../parse.js'
import { VERSION } from '../model/version.js'
import { loadAdapters } from './adapters.js'
import { runBatch } from './batch.js'
import { runCodebook } from './codebook.js'
import { collectInputs, REPORT_EXTENSIONS } from './files.js'
import { compileGlob } from './glob.js'
import { nothingRead } from './nothing.js'
import { readIdentityCsv, unusedRows } from './identity.js'
import { openDatasetOutput, type DatasetRender } from './dataset/output.js'
import { readArgs, type Args } from './args.js'
import { BUILTIN_FORMATS, HELP, USAGE } from './help.js'
import { didYouMean, suggest } from './suggest.js'
import { isFolderTarget, NO_OUTPUT, openOutput, type Output, type Write } from './output.js'
import { openViewOutput, viewToFile } from './pages.js'
import { overlapProblem, pickedBy, type OutputTarget } from './overlap.js'
import type { CheckJob } from './check.js'
import type { PoolOptions } from './pool.js'
import type { FileJob } from './process.js'
import { reasonOf } from './reason.js'
import { TARGETS, type About, type RenderJob, type Target } from './render.js'
import type { StdinSource } from './stdin.js'
import { sidecarPath } from './sidecar.js'
import { plain } from './terminal.js'
import { xlsxOutput } from './xlsx.js'

/** Where the command writes, what it reads for `-`, and what stops it. */
export interface Io {
  /**
   * Standard output; a promise when the stream asks the command to wait (backpressure). Bytes
   * passed with `written` are lent: call it once they are written (or copied), after which they
   * may change; a stream that never calls it costs speed, not output. Throws (or rejects) once the
   * stream has failed: `EPIPE` when its reader closed it (the command then writes nothing more,
   * and goes on counting), another error stops the run.
   */
  stdout: Write
  /** Standard error. */
  stderr: (text: string) => void
  /** Standard input (for `-`): its bytes, or its chunks, read only up to `--max-size`. */
  stdin: () => StdinSource
  /** Whether standard error is a terminal (progress is shown only then). */
  tty: boolean
  /** Whether standard output is a terminal (a workbook is never written to one). */
  stdoutTty?: boolean
  /**
   * Stops a run (Ctrl-C): no file is started after it fires, a file output is left as it was,
   * and the summary says so. Its reason: `'SIGINT'` (exit 130), `'SIGTERM'` (exit 143), or an
   * error (an internal error: exit 1).
   */
  signal?: AbortSignal
  /**
   * The worker script files are parsed in, each with its time budget (`worker.js` beside the
   * command). Absent: files are parsed in this thread, one after another, with no time budget and
   * nothing to stop a parse that hangs (for tests and embedding).
   */
  worker?: URL
}
/** The commands. */
type Command = 'parse' | 'check' | 'view' | 'dataset' | 'codebook'
const COMMANDS: readonly Command[] = ['parse', 'check', 'view', 'dataset', 'codebook']
const isCommand = (name: string): name is Command => (COMMANDS as readonly string[]).includes(name)

/** The formats of `check --report`. */
const REPORTS: readonly CheckJob['report'][] = ['text', 'json', 'compact', 'github']

/** Options that only some commands take. */
const ONLY: Readonly<Record<string, readonly Command[]>> = {
  to: ['parse', 'dataset', 'codebook'],
  output: ['parse', 'view', 'dataset', 'codebook'],
  shape: ['parse', 'dataset'],
  header: ['parse'],
  bom: ['parse', 'dataset'],
  'no-bom': ['parse', 'dataset'],
  frail: ['check'],
  quiet: ['check'],
  silent: ['check'],
  report: ['check'],
  edition: ['codebook']
}

/**
 * Run the command.
 *
 * @param argv - The arguments after the program name.
 * @param io - Streams.
 * @returns The exit code: 0; 1 (a file failed, check found errors, a write failed, an internal
 * error); 2 (bad usage, before anything is read or written); 130 or 143 (stopped by SIGINT or
 * SIGTERM); 141 (nothing failed, but the reader of standard output closed it early).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = readArgs(argv)
  if ('problem' in parsed) {
    const first = argv.find((arg) => !arg.startsWith('-'))
    return usage(io, parsed.problem, first !== undefined && isCommand(first) ? first : undefined)
  }
  const { values, positionals } = parsed
  if (values.version === true) {
    await io.stdout(`${version()}\n`)
    return 0
  }
  const [command, ...names] = positionals
  if (command === undefined) {
    if (values.help === true) await io.stdout(`${USAGE}\n`)
    else usage(io, `name a command: ${COMMANDS.join(', ').replace(/, (?=[^,]*$)/u, ' or ')}`)
    return values.help === true ? 0 : 2
  }
  if (!isCommand(command)) return usage(io, unknownCommand(command))
  if (values.help === true) {
    await io.stdout(`${HELP[command]}\n`)
    return 0
  }
  if (command === 'codebook') {
    const done = await runCodebook(names, values, io.stdout)
    return done === 0 ? 0 : usage(io, done, command)
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
  if (values.identity !== undefined) {
    try {
      job.identity = readIdentityCsv(values.identity)
    } catch (error) {
      return usage(io, `--identity: ${error instanceof Error ? error.message : String(error)}`, command)
    }
  }
  if (names.length === 0) return usage(io, 'no input: name files, directories, or - for stdin', command)
  if (command === 'parse' && job.output.to === 'xlsx' && values.output === undefined && io.stdoutTty === true)
    return usage(io, '--to xlsx writes a workbook: name a file (-o all.xlsx), or send standard output to one (> all.xlsx)', command)
  if (command === 'view' && values.output === undefined)
    return usage(io, 'view writes HTML pages: name a folder (-o pages/) or, for one input, a file (-o report.html)', command)
  // Listed, not read: what the outputs are compared with before anything is opened.
  const extensions = (values.ext ?? []).map((extension) => (extension.startsWith('.') ? extension : `.${extension}`))
  const exclude = (values.exclude ?? []).map(compileGlob)
  const { inputs, folders, skipped } = collectInputs(names, { extensions, exclude })
  if (inputs.length === 0) return usage(io, nothingRead({ names, skipped, notReports: 0, unread: 0 }), command)
  if (job.identity !== undefined) {
    const base = dirname(resolve(values.identity as string))
    const paths = inputs.map((input) => input.path)
    for (const row of unusedRows(job.identity, base, paths, command === 'dataset'))
      io.stderr(
        `${plain(values.identity as string)}:${row.line}: warning: “${plain(row.file)}” names no file ${command === 'dataset' ? 'or folder ' : ''}of this batch\n`
      )
  }
  const single = names.length === 1 && inputs.length === 1 && inputs[0]?.root === undefined
  let withoutSidecar = false
  const target: OutputTarget | undefined =
    values.output === undefined || command === 'check'
      ? undefined
      : { path: values.output, folder: command === 'view' ? !viewToFile(values.output, single) : isFolderTarget(values.output) }
  if (target !== undefined) {
    const wanted = new Set([...REPORT_EXTENSIONS, ...extensions.map((extension) => extension.toLowerCase())])
    const problem = overlapProblem(target, inputs, folders, pickedBy(wanted))
    if (problem !== undefined) return usage(io, problem, command)
    // A CSV written to a file has its sidecar beside it (`all.csv.meta.json`), unless that would be an input.
    const csv = command === 'parse' ? job.output.to === 'csv' : command === 'dataset' && datasetRender(values).to === 'csv'
    const sidecar = csv && !target.folder ? sidecarPath(target.path) : undefined
    if (sidecar !== undefined && overlapProblem({ path: sidecar, folder: false }, inputs, folders, pickedBy(wanted)) !== undefined) {
      io.stderr(`zfxxgk: warning: no ${plain(sidecar)} (the version and options of the run): a walk of the inputs would read it back\n`)
      delete job.output.about
      withoutSidecar = true
    }
  }
  let output: Output
  try {
    const bom = values.bom === true || (values['no-bom'] !== true && /\.csv$/iu.test(values.output ?? ''))
    // check writes its text to stderr; with --report json a JSON array to stdout, with compact or github lines.
    output =
      command === 'dataset'
        ? await openDatasetOutput(
            { path: values.output, render: datasetRender(values), bom, about: aboutDataset(values), sidecar: !withoutSidecar },
            io
          )
        : command === 'view'
          ? openViewOutput(values.output, single)
          : command === 'parse' && job.output.to === 'xlsx'
            ? xlsxOutput(values.output, io.stdout, job.output)
            : command === 'parse' || job.check.report !== 'text'
              ? await openOutput(
                  command === 'parse' ? values.output : undefined,
                  io,
                  command === 'parse' ? job.output : { ...job.output, to: job.check.report === 'json' ? 'json' : 'ndjson' },
                  bom
                )
              : NO_OUTPUT
  } catch (error) {
    const reason = reasonOf(error)
    return usage(io, reason.startsWith('-o ') ? reason : `-o ${values.output ?? ''}: ${reason}`, command)
  }
  const pool: PoolOptions = {
    jobs: values.jobs === undefined ? availableParallelism() : Number(values.jobs),
    timeout: Number(values.timeout ?? 60) * 1000,
    memory: 2048,
    always: values.jobs !== undefined
  }
  if (io.worker !== undefined) pool.worker = io.worker
  return runBatch(command, job, inputs, output, pool, io, values.frail === true, { names, skipped })
}

/** The job of a command from its options, or what is wrong with them. */
function jobOf(command: FileJob['command'], values: Values, custom: readonly Adapter[]): FileJob | string {
  for (const [option, only] of Object.entries(ONLY)) {
    if (!only.includes(command) && values[option as keyof typeof values] !== undefined)
      return `--${option} is an option of ${only.join(', ').replace(/, (?=[^,]*$)/u, ' and ')}, not of ${command}`
  }
  const formats = ['auto', ...custom.map((adapter) => adapter.name), ...BUILTIN_FORMATS]
  for (const [option, allowed] of [
    ['format', formats],
    ['shape', ['long', 'wide']],
    ['header', ['path', 'label']],
    ['report', REPORTS]
  ] as const) {
    const problem = notOneOf(option, values[option], allowed)
    if (problem !== undefined) return problem
  }
  for (const [option, least] of [
    ['jobs', 1],
    ['max-size', 1],
    ['timeout', 1]
  ] as const) {
    const value = values[option]
    if (value !== undefined && !(Number.isInteger(Number(value)) && Number(value) >= least))
      return `--${option} must be a whole number, at least ${least}`
  }
  const check: CheckJob = {
    level: values.silent === true ? 'silent' : values.quiet === true ? 'quiet' : 'all',
    report: (values.report ?? 'text') as CheckJob['report']
  }
  const base = {
    format: values.format === undefined || values.format === 'auto' ? undefined : values.format,
    repair: values['no-repair'] !== true,
    maxSize: Number(values['max-size'] ?? 10 * 1024 * 1024),
    command,
    check,
    adapters: (values.adapter ?? []).map((file) => resolve(file))
  }
  if (command === 'dataset') {
    if (values.to !== undefined && values.to !== 'csv' && values.to !== 'json')
      return didYouMean('--to must be csv or json (-o DIR/ without --to writes the dashboard)', suggest(values.to, ['csv', 'json']))
    if (values.to !== undefined && values.output !== undefined && isFolderTarget(values.output))
      return `--to ${values.to} writes one file: name it (-o panel.csv), or leave --to out for the dashboard in ${values.output}`
    const render = datasetRender(values)
    if (values.shape !== undefined && render.to !== 'csv') return '--shape goes with the CSV panel (--to csv)'
    return {
      ...base,
      output: { to: 'csv', shape: 'long', header: 'path' },
      dataset: { text: render.to === 'json', view: render.to === 'dashboard' }
    }
  }
  const named = targetOfFile(values.output)
  const to = (values.to ?? named ?? 'json') as Target
  const target = notOneOf('to', to, TARGETS)
  if (target !== undefined) return target
  if (named !== undefined && named !== to)
    return `-o ${values.output ?? ''} names a .${EXTENSION_OF[named]} file, but --to is ${to}: make them agree`
  if (values.shape !== undefined && to !== 'csv' && to !== 'xlsx') return '--shape goes with --to csv or xlsx'
  if (values.header !== undefined && to !== 'csv') return '--header goes with --to csv (a workbook has both header rows)'
  if (to === 'xlsx' && values.output !== undefined && isFolderTarget(values.output))
    return '--to xlsx writes one workbook: name a file (-o all.xlsx)'
  const output: RenderJob = { to, shape: values.shape === 'wide' ? 'wide' : 'long', header: values.header === 'label' ? 'label' : 'path' }
  const about = aboutRun(command, output, values)
  if (command === 'check' && check.report === 'json') check.about = aboutOptions(values, { command, report: 'json', level: check.level })
  return { ...base, output: { ...output, about } }
}

/**
 * The version and the options of a run that change what it writes, for its outputs to carry
 * (`zfxxgk` in JSON records, the CSV's sidecar): those given and the defaults taken.
 */
function aboutRun(command: FileJob['command'], output: RenderJob, values: Values): About {
  const table = output.to === 'csv' || output.to === 'xlsx'
  return aboutOptions(values, {
    command,
    to: output.to,
    ...(table ? { shape: output.shape } : {}),
    ...(output.to === 'csv' && output.shape === 'wide' ? { header: output.header } : {})
  })
}

/** What made a dataset: the version, `dataset`, its output (`csv` with its shape, `json`, `dashboard`) and the reading options. */
function aboutDataset(values: Values): About {
  const render = datasetRender(values)
  return aboutOptions(values, { command: 'dataset', to: render.to, ...(render.to === 'csv' ? { shape: render.shape } : {}) })
}

/** The version, the command and output options given, then the options of reading every file. */
function aboutOptions(values: Values, output: About['options']): About {
  return {
    version: version(),
    options: {
      ...output,
      format: values.format ?? 'auto',
      repair: values['no-repair'] !== true,
      maxSize: Number(values['max-size'] ?? 10 * 1024 * 1024),
      timeout: Number(values.timeout ?? 60),
      identity: values.identity ?? null,
      adapters: values.adapter ?? []
    }
  }
}

/** The extension of each output format's file. */
const EXTENSION_OF: Readonly<Record<Target, string>> = { json: 'json', ndjson: 'ndjson', csv: 'csv', markdown: 'md', xlsx: 'xlsx' }

/** The format a file's extension names (`all.xlsx` → `xlsx`), or `undefined` (another extension, a folder, no `-o`). */
function targetOfFile(path: string | undefined): Target | undefined {
  if (path === undefined || isFolderTarget(path)) return undefined
  const extension = /\.([a-z]+)$/iu.exec(path)?.[1]?.toLowerCase()
  return TARGETS.find((target) => EXTENSION_OF[target] === extension)
}

/** `--shape must be long or wide. Did you mean 'wide'?` when a value is not one of those allowed. */
function notOneOf(option: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value === undefined || allowed.includes(value)) return undefined
  const list = allowed.length === 2 ? allowed.join(' or ') : `one of ${allowed.join(', ')}`
  return didYouMean(`--${option} must be ${list}`, suggest(value, allowed))
}

/**
 * What `dataset` writes: the dashboard when `-o` names a folder and `--to` is not given; else the
 * CSV panel (the default) or the JSON document.
 */
function datasetRender(values: Values): DatasetRender {
  const dashboard = values.to === undefined && values.output !== undefined && isFolderTarget(values.output)
  return { to: dashboard ? 'dashboard' : values.to === 'json' ? 'json' : 'csv', shape: values.shape === 'long' ? 'long' : 'wide' }
}

/**
 * Say what is wrong, in one line, and where to read more: `zfxxgk: <what>`, then
 * `Run 'zfxxgk parse --help' for more.`; exit 2.
 */
function usage(io: Io, problem: string, command?: Command): number {
  io.stderr(
    `zfxxgk: ${plain(problem.replace(/\s*\n\s*/gu, ' '))}\nRun 'zfxxgk${command === undefined ? '' : ` ${command}`} --help' for more.\n`
  )
  return 2
}

/** `unknown command 'pars'. Did you mean 'parse'?`; for a file or folder named first, the command to put before it. */
function unknownCommand(word: string): string {
  const meant = suggest(word, COMMANDS)
  if (meant.length > 0) return didYouMean(`unknown command '${word}'`, meant)
  if (existsSync(word)) return `unknown command '${word}': name a command first (zfxxgk parse ${word}, zfxxgk check ${word})`
  return `unknown command '${word}': the commands are ${COMMANDS.join(', ')}`
}

/** The options as parsed. */
type Values = Args['values']

/** The package's version, as package.json gave it to the build (`VERSION`). */
function version(): string {
  return VERSION
}
