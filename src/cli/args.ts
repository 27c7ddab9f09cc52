/**
 * The command's arguments: read with `node:util`'s `parseArgs`, each problem said in one line of
 * our own (never Node's text), with a suggestion for what was misspelt.
 *
 * @module
 */

import { parseArgs } from 'node:util'
import { didYouMean, suggest } from './suggest.js'

/** The options of every command, as `parseArgs` takes them. */
const OPTIONS = {
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
  exclude: { type: 'string', multiple: true },
  adapter: { type: 'string', multiple: true },
  identity: { type: 'string' },
  frail: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  silent: { type: 'boolean', short: 's' },
  report: { type: 'string' },
  edition: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
} as const

/** The long options' names. */
export const OPTION_NAMES: readonly string[] = Object.keys(OPTIONS)

/** What each option that takes a value wants, for the line that says it is missing. */
const WANTS: Readonly<Record<string, string>> = {
  format: 'auto, text, markdown, html, json, docx, pdf, or an adapter’s name',
  to: 'json, ndjson, csv, markdown, xlsx',
  'to dataset': 'csv, json',
  'to codebook': 'csv, json, markdown',
  output: 'a file, or a folder ending in /',
  shape: 'long, wide',
  header: 'path, label',
  jobs: 'a whole number of threads',
  'max-size': 'a whole number of bytes',
  timeout: 'a whole number of seconds',
  ext: 'an extension, such as .asp',
  exclude: 'a pattern, such as drafts or "*.bak.html"',
  adapter: 'a module file',
  identity: 'a CSV file',
  report: 'text, json, compact, github',
  edition: '2019, 2021'
}

/** The arguments as read. */
export type Args = ReturnType<typeof readStrict>

function readStrict(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS })
}

/** An option as it was written: `--to`, `-o`. */
function written(name: string): string {
  const short = (OPTIONS as Record<string, { short?: string }>)[name]?.short
  return short === undefined ? `--${name}` : `-${short}/--${name}`
}

/**
 * Read the arguments, or say in one line what is wrong with them: an option not known (with the
 * nearest known: `unknown option '--fromat'. Did you mean '--format'?`), one that needs a value
 * given none (`option --to needs a value (json, ndjson, csv, markdown; …)`), a flag given one.
 *
 * @param argv - The arguments after the program name.
 * @returns The options and positionals, or the problem.
 */
export function readArgs(argv: readonly string[]): Args | { problem: string } {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS })
  const command = tokens.find((token) => token.kind === 'positional')?.value
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const spec = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[token.name]
    if (spec === undefined) {
      if (token.rawName.startsWith('--'))
        return { problem: didYouMean(`unknown option '${token.rawName}'`, suggest(token.name, OPTION_NAMES), '--') }
      return { problem: `unknown option '${token.rawName}'` }
    }
    if (spec.type === 'boolean' && token.value !== undefined) return { problem: `option ${written(token.name)} takes no value` }
    // `--to --format …`: the value taken is the next option, so --to was given none.
    const missing = token.value === undefined || (token.inlineValue !== true && token.value.length > 1 && token.value.startsWith('-'))
    if (spec.type === 'string' && missing)
      return {
        problem: `option ${written(token.name)} needs a value (${WANTS[`${token.name} ${command}`] ?? WANTS[token.name] ?? 'a value'})`
      }
  }
  try {
    return readStrict(argv)
  } catch (error) {
    // What the reading above let through: said in our words, Node's code kept for a report.
    const code = (error as { code?: unknown }).code
    return { problem: `the options could not be read${typeof code === 'string' ? ` (${code})` : ''}` }
  }
}
