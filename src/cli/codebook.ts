/**
 * `zfxxgk codebook`: every cell path of each edition with its table, section, row and column labels
 * in Chinese, unit and type, as CSV, JSON or Markdown, to standard output or a file. It reads no
 * input.
 *
 * @module
 */

import { existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { codebook, formatCodebook, type CodebookFormat } from '../serialize/codebook.js'
import type { Edition } from '../model/types.js'
import { realTarget, writeReplacing } from './replace.js'
import type { Write } from './output.js'
import { reasonOf } from './reason.js'

/** The options `codebook` takes (and `--help`). */
const OPTIONS = new Set(['to', 'edition', 'output', 'bom', 'no-bom', 'help'])

/** What `codebook` was given. */
export interface CodebookArgs {
  /** `--to`. */
  to?: string | undefined
  /** `--edition`. */
  edition?: string | undefined
  /** `-o`. */
  output?: string | undefined
  /** `--bom`. */
  bom?: boolean | undefined
  /** `--no-bom`. */
  'no-bom'?: boolean | undefined
}

/**
 * Write the codebook.
 *
 * @param names - The positionals after `codebook` (none is taken).
 * @param values - The options given.
 * @param stdout - Standard output.
 * @returns 0, or what is wrong with the usage (a usage error, nothing written).
 */
export async function runCodebook(
  names: readonly string[],
  values: CodebookArgs & Record<string, unknown>,
  stdout: Write
): Promise<0 | string> {
  if (names.length > 0) return `codebook reads no input (got “${names[0] ?? ''}”)`
  for (const [option, value] of Object.entries(values)) {
    if (value !== undefined && !OPTIONS.has(option)) return `--${option} is not an option of codebook`
  }
  const to = (values.to ?? 'csv') as CodebookFormat
  if (!['csv', 'json', 'markdown'].includes(to)) return '--to must be one of csv, json, markdown'
  if (values.edition !== undefined && values.edition !== '2019' && values.edition !== '2021') return '--edition must be 2019 or 2021'
  const path = values.output
  const bom = to === 'csv' && (values.bom === true || (values['no-bom'] !== true && /\.csv$/iu.test(path ?? '')))
  const text = `${bom ? '\ufeff' : ''}${formatCodebook(codebook((values.edition as Edition | undefined) ?? null), to)}`
  if (path === undefined) {
    await stdout(text)
    return 0
  }
  if (path.endsWith('/') || (existsSync(path) && statSync(path).isDirectory())) return `-o ${path}: the codebook is one file: name it`
  const parent = dirname(path)
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return `-o ${path}: the folder ${parent} does not exist`
  try {
    writeReplacing(realTarget(path), [Buffer.from(text)])
  } catch (error) {
    return `-o ${path}: ${reasonOf(error)}`
  }
  return 0
}
