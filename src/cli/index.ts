/**
 * The `zfxxgk` command: `parse` turns reports into JSON, NDJSON, CSV or Markdown;
 * `check` lists each report's problems in the style of unified-args.
 *
 * @module
 */

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { parseReportAsync } from '../parse.js'
import type { Diagnostic, ParseResult } from '../model/types.js'
import { formatReport } from '../serialize/index.js'
import { toCsv, toRows } from '../serialize/rows.js'
import { collectInputs, parseAll, type Outcome } from './files.js'
import { progress } from './progress.js'

/** Where the command writes, and what it reads for `-`. */
export interface Io {
  /** Standard output. */
  stdout: (text: string) => void
  /** Standard error. */
  stderr: (text: string) => void
  /** Standard input, read whole (for `-`). */
  stdin: () => Uint8Array
  /** Whether standard error is a terminal (progress is shown only then). */
  tty: boolean
}

const USAGE = `Usage: zfxxgk <command> [options] <files|dirs|-…>

Commands:
  parse   read reports and write them out
  check   list each report's problems (exit 1 on errors)

Options:
  --format auto|text|markdown|html|json|docx|pdf
                                          input format (default: auto, detected per file)
  --to json|ndjson|csv|markdown           parse: output format (default: json)
  -o, --output FILE|DIR                   parse: write to a file, or one file per report in a directory
  --bom                                   parse --to csv: start with a UTF-8 BOM for Excel
  --frail                                 check: exit 1 on warnings too
  -q, --quiet                             check: show only files with warnings or errors
  -s, --silent                            check: show only errors
  -h, --help                              show this help
  -v, --version                           show the version

Directories are walked for .txt, .md, .markdown, .html, .htm, .json, .docx and .pdf files; - reads stdin.`

const TARGETS = ['json', 'ndjson', 'csv', 'markdown'] as const
type Target = (typeof TARGETS)[number]

/**
 * Run the command.
 *
 * @param argv - The arguments after the program name.
 * @param io - Streams.
 * @returns The exit code: 0, 1 (errors found, or a file could not be read), 2 (bad usage).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>
  try {
    parsed = parseOptions(argv)
  } catch (error) {
    io.stderr(`zfxxgk: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.version === true) {
    io.stdout(`${version()}\n`)
    return 0
  }
  const [command, ...names] = positionals
  if (values.help === true || command === undefined) {
    io.stdout(`${USAGE}\n`)
    return command === undefined && values.help !== true ? 2 : 0
  }
  if (command !== 'parse' && command !== 'check') {
    io.stderr(`zfxxgk: unknown command “${command}”\n\n${USAGE}\n`)
    return 2
  }
  const to = (values.to ?? 'json') as Target
  if (!TARGETS.includes(to)) {
    io.stderr(`zfxxgk: --to must be one of ${TARGETS.join(', ')}\n`)
    return 2
  }
  const format = values.format === undefined || values.format === 'auto' ? undefined : values.format
  if (names.length === 0) {
    io.stderr(`zfxxgk: no input: name files, directories, or - for stdin\n`)
    return 2
  }
  const { inputs, missing } = collectInputs(names)
  for (const name of missing) io.stderr(`${name}: no such file or directory\n`)
  const bar = progress(inputs.length, io)
  const files = inputs.filter((input) => input.path !== '-').map((input) => input.path)
  let parsedFiles: Outcome[]
  try {
    parsedFiles = await parseAll(files, { format }, () => bar.tick())
  } catch (error) {
    bar.end()
    io.stderr(`zfxxgk: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  let fileIndex = 0
  const outcomes: Outcome[] = []
  for (const input of inputs) {
    if (input.path !== '-') outcomes.push(parsedFiles[fileIndex++] as Outcome)
    else {
      bar.tick()
      outcomes.push(await readStdin(io, format))
    }
  }
  bar.end()
  let failed = missing.length > 0
  for (const outcome of outcomes) {
    if ('error' in outcome) {
      failed = true
      io.stderr(`${outcome.path}: could not be read: ${outcome.error}\n`)
    }
  }
  const results = outcomes.filter((outcome): outcome is { path: string; result: ParseResult } => 'result' in outcome)
  if (command === 'parse' && io.tty && results.length > 1) io.stderr(`${plural(results.length, 'file')} read: ${kinds(results)}\n`)
  if (command === 'check') return check(results, values, io) || (failed ? 1 : 0)
  try {
    write(results, to, values.output, values.bom === true, io)
  } catch (error) {
    io.stderr(`zfxxgk: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
  return failed ? 1 : 0
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      bom: { type: 'boolean' },
      frail: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      silent: { type: 'boolean', short: 's' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' }
    }
  })
}

async function readStdin(io: Io, format: string | undefined): Promise<Outcome> {
  try {
    return { path: '-', result: await parseReportAsync(io.stdin(), format === undefined ? {} : { format }) }
  } catch (error) {
    return { path: '-', error: error instanceof Error ? error.message : String(error) }
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }
  return manifest.version ?? '0.0.0'
}

/** `check`: one line per problem, `file:line:col  severity  message  code`, then counts. Returns 1 when the run fails. */
function check(
  results: { path: string; result: ParseResult }[],
  values: { frail?: boolean; quiet?: boolean; silent?: boolean },
  io: Io
): number {
  const counts = { error: 0, warning: 0, info: 0 }
  const shown = (diagnostic: Diagnostic): boolean =>
    values.silent === true ? diagnostic.severity === 'error' : values.quiet === true ? diagnostic.severity !== 'info' : true
  for (const { path, result } of results) {
    for (const diagnostic of result.diagnostics) counts[diagnostic.severity]++
    const lines = result.diagnostics.filter(shown)
    if (lines.length === 0) {
      if (values.quiet !== true && values.silent !== true) io.stderr(`${path}: no issues\n`)
      continue
    }
    for (const diagnostic of lines)
      io.stderr(`${placeOf(path, diagnostic)}  ${diagnostic.severity.padEnd(7)}  ${diagnostic.message}  ${diagnostic.code}\n`)
  }
  io.stderr(
    `\n${plural(results.length, 'file')} (${kinds(results)}): ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}\n`
  )
  return counts.error > 0 || (values.frail === true && counts.warning > 0) ? 1 : 0
}

/** Where a diagnostic stands: `file:line:column`, or in a PDF `file#page=N` (as PDF viewers open it). */
function placeOf(path: string, diagnostic: Diagnostic): string {
  const position = diagnostic.position
  if (position === undefined) return `${path}:1:1`
  return position.page === undefined ? `${path}:${position.line}:${position.column}` : `${path}#page=${position.page}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** How many files of each format were read, most first: `3 pdf, 2 html`. */
function kinds(results: readonly { result: ParseResult }[]): string {
  const counts = new Map<string, number>()
  for (const { result } of results) counts.set(result.format, (counts.get(result.format) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([format, count]) => `${count} ${format}`)
    .join(', ')
}

/** A result as `parse` writes it in JSON: the input, the adapter used, and what parseReport gave. */
function entry(path: string, result: ParseResult): Record<string, unknown> {
  return { file: path, format: result.format, ok: result.ok, report: result.report, diagnostics: result.diagnostics }
}

function write(results: { path: string; result: ParseResult }[], to: Target, output: string | undefined, bom: boolean, io: Io): void {
  const extension = { json: '.json', ndjson: '.ndjson', csv: '.csv', markdown: '.md' }[to]
  const render = (items: typeof results): string => {
    if (to === 'json')
      return `${JSON.stringify(
        items.map(({ path, result }) => entry(path, result)),
        null,
        2
      )}\n`
    if (to === 'ndjson') return items.map(({ path, result }) => `${JSON.stringify(entry(path, result))}\n`).join('')
    if (to === 'csv')
      return toCsv(
        items.flatMap(({ path, result }) => (result.report === null ? [] : toRows(result.report, path))),
        { bom }
      )
    return items
      .map(
        ({ path, result }) =>
          `<!-- ${path} -->\n\n${result.report === null ? '(no report)\n' : formatReport(result.report, { format: 'markdown' })}`
      )
      .join('\n')
  }
  if (output === undefined) {
    io.stdout(render(results))
    return
  }
  const isDirectory = output.endsWith('/') || (existsSync(output) && statSync(output).isDirectory())
  if (!isDirectory) {
    writeFileSync(output, render(results))
    return
  }
  mkdirSync(output, { recursive: true })
  const used = new Set<string>()
  for (const item of results) {
    const stem = item.path === '-' ? 'stdin' : basename(item.path, extname(item.path))
    let name = `${stem}${extension}`
    for (let n = 2; used.has(name); n++) name = `${stem}-${n}${extension}`
    used.add(name)
    writeFileSync(join(output, name), render([item]))
  }
}
