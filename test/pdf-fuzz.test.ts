/**
 * Fuzz over the three real PDFs of the corpus, damaged (`pdf-damage.ts`): bytes deleted, flipped,
 * the file cut, a range repeated. Whatever pdfjs makes of them, `parseReportAsync` settles, with a
 * result in the PDF format, and nothing escapes to the process: no unhandled rejection, no
 * uncaught exception, no kill.
 *
 * The fuzz runs once, in a child process (vitest on this file with `ZFXXGK_FUZZ_CHILD=1`), so that
 * a process killed by a case fails this test instead of ending the run; each case must settle
 * within {@link CASE_SECONDS}. 200 cases by default (seed fixed); `FUZZ_RUNS=5000` for more. The
 * child prints what it saw (how the cases ended) on a line starting `fuzz:`.
 */
import { it as prop } from '@fast-check/vitest'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseReportAsync, type ParseResult, type Report } from '../src/index.js'
import { CORPUS, scoreCells } from './helpers.js'
import { damagePdf, pdfDamage } from './pdf-damage.js'

const SEED = 20261209
const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const CHILD = process.env.ZFXXGK_FUZZ_CHILD === '1'
/** The most a case may take on a busy 2-core machine (a real PDF takes about 0.2 s, a damaged one up to 1 s). */
const CASE_SECONDS = 60
const NAMES = ['real-901-huaian-2024', 'real-902-hongze-2024', 'real-903-hongze-2023']
const PDFS = NAMES.map((name) => new Uint8Array(readFileSync(join(CORPUS, name, 'input.pdf'))))
const TRUTHS = NAMES.map((name) => JSON.parse(readFileSync(join(CORPUS, name, 'truth.json'), 'utf8')) as Report)

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes)

/** `work`, or a rejection when it has not settled within `seconds`. */
function within<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${seconds} s`)), seconds * 1000)
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

describe.runIf(CHILD)('damaged real PDFs, in this process', () => {
  const escaped: string[] = []
  const seen = { cases: 0, notPdf: 0, report: 0, notAReport: 0, resourceLimit: 0, cellsExact: 0, cellsNamed: 0, cellsWrong: 0, slowest: 0 }
  const onRejection = (reason: unknown): void => void escaped.push(`unhandledRejection: ${String(reason)}`)
  const onException = (error: unknown): void => void escaped.push(`uncaughtException: ${String(error)}`)
  beforeAll(() => {
    process.on('unhandledRejection', onRejection)
    process.on('uncaughtException', onException)
  })
  afterAll(() => {
    process.off('unhandledRejection', onRejection)
    process.off('uncaughtException', onException)
    console.log(`fuzz: ${JSON.stringify(seen)}`)
  })

  prop.prop([fc.integer({ min: 0, max: PDFS.length - 1 }), pdfDamage], { numRuns: RUNS, seed: SEED })(
    'parseReportAsync settles, in the PDF format, and nothing escapes',
    async (which, damage) => {
      const bytes = damagePdf(PDFS[which] as Uint8Array, damage)
      const start = performance.now()
      const result: ParseResult = await within(parseReportAsync(bytes), CASE_SECONDS)
      seen.slowest = Math.max(seen.slowest, Math.round(performance.now() - start))
      seen.cases++
      // Damage to `%PDF-` itself makes it another format's input (text, most often).
      if (latin1(bytes.subarray(0, 1024)).includes('%PDF-')) expect(result.format).toBe('pdf')
      else seen.notPdf++
      const codes = result.diagnostics.map((d) => d.code)
      if (codes.includes('resource_limit')) seen.resourceLimit++
      if (result.report === null) {
        seen.notAReport++
        expect(codes.some((code) => code === 'not_a_report' || code === 'resource_limit' || code === 'input_too_large')).toBe(true)
      } else {
        seen.report++
        // What damage makes of the numbers is the file's: counted, not asserted (a flipped byte in
        // a font's character map prints other digits, as any reader of the file would see them).
        const tally = scoreCells(result, TRUTHS[which] as Report)
        seen.cellsExact += tally.exact
        seen.cellsNamed += tally.named
        seen.cellsWrong += tally.wrong.length
      }
      expect(escaped).toEqual([])
    },
    // 200 cases at up to a second each, on a busy machine.
    Math.max(600_000, RUNS * 3_000)
  )
})

describe.runIf(!CHILD)('damaged real PDFs, in a child process', () => {
  it(
    `settle, case after case (${RUNS} cases), and the process lives`,
    () => {
      const vitest = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs')
      const run = spawnSync(process.execPath, [vitest, 'run', 'test/pdf-fuzz.test.ts'], {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, ZFXXGK_FUZZ_CHILD: '1', FUZZ_RUNS: String(RUNS) },
        encoding: 'utf8',
        timeout: Math.max(900_000, RUNS * 4_000)
      })
      const output = `${run.stdout}\n${run.stderr}`
      const stats = /fuzz: (\{.*\})/u.exec(output)?.[1]
      expect(run.signal, output.slice(-3000)).toBeNull()
      expect(run.status, output.slice(-3000)).toBe(0)
      expect(stats, output.slice(-3000)).toBeDefined()
      expect(JSON.parse(stats as string)).toMatchObject({ cases: RUNS })
      console.log(`damaged real PDFs: ${stats as string}`)
    },
    Math.max(1_000_000, RUNS * 5_000)
  )
})
