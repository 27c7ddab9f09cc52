/**
 * `check`'s lines for machines, one per problem: `compact` for editors and CI
 * (`file:line:col: severity message [code]`), and `github`, GitHub Actions' workflow commands
 * (`::warning file=…,line=…,col=…,title=code::message`), which the runner shows as annotations.
 * Light: the command's main thread writes the lines of files that could not be read.
 *
 * @module
 */

import { plain } from './terminal.js'

/** The machine formats of `check --report`. */
export type MachineReport = 'compact' | 'github'

/** One problem: where, how bad, what, and its code. */
export interface ProblemLine {
  /** The file, as named or found. */
  file: string
  /** Its line and column in the file; absent when it names no line a reader can find (a PDF's, or none). */
  at?: { line: number; column: number }
  /** `error`, `warning` or `info`. */
  severity: 'error' | 'warning' | 'info'
  /** The message, one line already (`oneLine`). */
  message: string
  /** Its diagnostic code; absent for a file that could not be read. */
  code?: string
}

/** GitHub's command for each severity. */
const GITHUB: Readonly<Record<ProblemLine['severity'], string>> = { error: 'error', warning: 'warning', info: 'notice' }

/** A workflow command's message, as GitHub's rules escape it: `%`, CR and LF. */
function githubData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A')
}

/** A workflow command's property (file, title): its message's escapes, and `:` and `,`. */
function githubProperty(text: string): string {
  return githubData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C')
}

/**
 * A problem as one line of the format, ending in a line break.
 *
 * @param format - `compact` or `github`.
 * @param problem - The problem.
 */
export function machineLine(format: MachineReport, problem: ProblemLine): string {
  const file = plain(problem.file)
  if (format === 'compact') {
    const { line, column } = problem.at ?? { line: 1, column: 1 }
    return `${file}:${line}:${column}: ${problem.severity} ${problem.message}${problem.code === undefined ? '' : ` [${problem.code}]`}\n`
  }
  const properties = [`file=${githubProperty(file)}`]
  if (problem.at !== undefined) properties.push(`line=${problem.at.line}`, `col=${problem.at.column}`)
  properties.push(`title=${githubProperty(problem.code ?? 'could not be read')}`)
  return `::${GITHUB[problem.severity]} ${properties.join(',')}::${githubData(problem.message)}\n`
}
