/** What the command-line tests share: the command run in this process with a fake `Io`, and folders of corpus reports. */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main, type Io } from '../../src/cli/index.js'
import type { StdinSource } from '../../src/cli/stdin.js'

export const CORPUS = join(import.meta.dirname, '..', '..', 'corpus')
export const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js')
/** The seven real 平潭综合实验区 crawls of corpus/, 2019 to 2025, in order. */
export const CRAWLS = [
  'real-002-pingtan-2019',
  'real-003-pingtan-2020',
  'real-004-pingtan-2021',
  'real-005-pingtan-2022',
  'real-006-pingtan-2023',
  'real-007-pingtan-2024',
  'real-008-pingtan-2025'
] as const

/** A temporary folder holding corpus inputs under the given names (case → relative path). */
export function folderOf(files: Record<string, string>, prefix = 'zfxxgk-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  for (const [file, name] of Object.entries(files)) copyCase(name, join(dir, file))
  return dir
}

/** Copy a corpus case's input to `to`. */
export function copyCase(name: string, to: string): void {
  const input = readdirSync(join(CORPUS, name)).find((entry) => entry.startsWith('input.')) as string
  cpSync(join(CORPUS, name, input), to)
}

/** Options of {@link run}. */
export interface RunOptions {
  /** Standard input: text, or chunks (an endless generator, say). */
  stdin?: string | StdinSource
  /** Stops the run. */
  signal?: AbortSignal
  /** Called with each write to standard output before it is kept: throw to make the write fail. */
  onWrite?: (n: number) => void
}

/** Run the command in this process (files parsed in this thread), its output kept. */
export async function run(argv: string[], options: RunOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  let writes = 0
  const io: Io = {
    stdout: (text, written) => {
      options.onWrite?.(++writes)
      stdout += typeof text === 'string' ? text : new TextDecoder().decode(text)
      written?.()
    },
    stderr: (text) => void (stderr += text),
    stdin: () =>
      typeof options.stdin === 'string' || options.stdin === undefined ? new TextEncoder().encode(options.stdin ?? '') : options.stdin,
    tty: false
  }
  if (options.signal !== undefined) io.signal = options.signal
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** An error as a failed system call throws it. */
export function systemError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code })
}
