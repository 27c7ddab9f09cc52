/**
 * `parseReport()`: input → adapter → neutral document → token stream → report. The one place
 * that wires in the built-in adapters; everything below it knows none of them.
 *
 * @module
 */

import { htmlAdapter } from './adapters/html/index.js'
import { jsonAdapter } from './adapters/json/index.js'
import { markdownAdapter } from './adapters/markdown/index.js'
import { textAdapter } from './adapters/text/index.js'
import { readReport } from './core/report.js'
import { inLocale, makeDiagnostic, type Locale } from './model/diagnose.js'
import type { ParseResult } from './model/types.js'
import { decodeBytes } from './source/decode.js'
import type { Adapter, SourceDocument } from './source/document.js'
import { resolveEmbedded } from './source/embedded.js'
import { tokenize } from './source/tokenize.js'

/** Options of {@link parseReport}. */
export interface ParseOptions {
  /**
   * The input format: `'text'`, `'markdown'`, `'html'`, `'json'`, or the name of an adapter in `adapters`
   * (default: detected from the input, each adapter's `detect()` scoring it).
   */
  format?: string | null | undefined
  /** Extra adapters, tried before the built-in ones (default: none). */
  adapters?: readonly Adapter[] | null | undefined
  /**
   * Fill a blank or missing cell, or place the values of a row that printed too
   * many or too few, when the totals invariants admit exactly one assignment;
   * every filled cell gets `value_inferred` (default: `true`).
   */
  repair?: boolean | null | undefined
  /** The language of diagnostic messages: `'en'` or `'zh'` (default: `'en'`). Codes and fields are the same in both. */
  locale?: Locale | null | undefined
}

/** The built-in adapters, in the order they are tried. */
export const builtinAdapters: readonly Adapter[] = [jsonAdapter, htmlAdapter, markdownAdapter, textAdapter]

/**
 * Parse one report.
 *
 * Never throws for any string or byte input; throws `TypeError` only for a
 * wrong argument type or an unknown `options.format`.
 *
 * @param input - The report: text, or the bytes of a file (decoded by BOM, `<meta charset>`, else UTF-8 or GB18030).
 * @param options - Format, extra adapters, repair.
 * @returns The report (or `null`), its diagnostics in document order, the format used, and `ok`.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { parseReport } from 'zfxxgk'
 *
 * const { report, diagnostics } = parseReport(readFileSync('report.html'))
 * if (report?.edition === '2021') console.log(report.activeDisclosure.fees.amount)
 * for (const d of diagnostics) console.log(d.severity, d.code, d.message)
 * ```
 */
export function parseReport(input: string | Uint8Array, options?: ParseOptions | null): ParseResult {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(`parseReport() takes a string or a Uint8Array, not ${input === null ? 'null' : typeof input}`)
  }
  const adapters = [...(options?.adapters ?? []), ...builtinAdapters]
  const format = options?.format ?? undefined
  let adapter: Adapter | undefined
  if (format !== undefined) {
    adapter = adapters.find((candidate) => candidate.name === format)
    if (adapter === undefined) {
      throw new TypeError(`Unknown format “${format}”: expected one of ${adapters.map((item) => `'${item.name}'`).join(', ')}`)
    }
  }
  const text = typeof input === 'string' ? input : decodeBytes(input)
  const chosen = adapter ?? pickAdapter(adapters, text)
  return inLocale(options?.locale ?? 'en', () => read(text, chosen, adapters, options?.repair ?? true))
}

/** Read a text with an adapter into a report, embedded parts with the others. */
function read(text: string, adapter: Adapter, adapters: readonly Adapter[], repair: boolean): ParseResult {
  let document: SourceDocument
  try {
    document = adapter.read(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return {
      report: null,
      diagnostics: [makeDiagnostic('not_a_report', { adapter: adapter.name, error: reason })],
      format: adapter.name,
      ok: false
    }
  }
  let resolved: ReturnType<typeof resolveEmbedded>
  let tokens: ReturnType<typeof tokenize>
  try {
    resolved = resolveEmbedded(document, adapters)
    tokens = tokenize(resolved.document)
  } catch (error) {
    // A custom adapter's document that is not a SourceDocument (no blocks, a table without rows…).
    const reason = `it returned a malformed document (${error instanceof Error ? error.message : String(error)})`
    return {
      report: null,
      diagnostics: [makeDiagnostic('not_a_report', { adapter: adapter.name, error: reason })],
      format: adapter.name,
      ok: false
    }
  }
  return readReport(tokens, adapter.name, repair, resolved.diagnostics)
}

function pickAdapter(adapters: readonly Adapter[], text: string): Adapter {
  let best = adapters[adapters.length - 1] as Adapter
  let bestScore = Number.NEGATIVE_INFINITY
  for (const adapter of adapters) {
    let score = 0
    try {
      score = adapter.detect(text)
    } catch {
      score = 0
    }
    if (score > bestScore) {
      best = adapter
      bestScore = score
    }
  }
  return best
}
