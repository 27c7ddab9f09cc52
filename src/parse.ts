/**
 * `parseReport()`: input → adapter → neutral document → token stream → report. The one place
 * that wires in the built-in adapters; everything below it knows none of them.
 *
 * @module
 */

import { docxAdapter } from './adapters/docx/index.js'
import { htmlAdapter } from './adapters/html/index.js'
import { jsonAdapter } from './adapters/json/index.js'
import { markdownAdapter } from './adapters/markdown/index.js'
import { pdfAdapter } from './adapters/pdf/index.js'
import { textAdapter } from './adapters/text/index.js'
import type { GivenIdentity } from './core/evidence.js'
import { isReportYear, lastYear } from './core/identity.js'
import { readReport } from './core/report.js'
import { reportStarts } from './core/reports.js'
import type { Token } from './core/tokens.js'
import { inLocale, makeDiagnostic, type Locale } from './model/diagnose.js'
import type { Diagnostic, FormatName, ParseResult, Position } from './model/types.js'
import { decodeReport, type Decoding } from './source/decode.js'
import { decodingDiagnostics } from './source/decode-notes.js'
import type { Adapter, SourceDocument, SourceNotice } from './source/document.js'
import { ResourceLimitError } from './source/limits.js'

export type { Adapter } from './source/document.js'
import { resolveEmbedded } from './source/embedded.js'
import { pickAdapter } from './source/pick.js'
import { causeOf } from './source/sniff.js'
import { tokenize } from './source/tokenize.js'

/**
 * What the parse functions read: text, or a file's bytes as a `Uint8Array` (a Node `Buffer` is
 * one), an `ArrayBuffer` (what `fetch(…).arrayBuffer()` gives), a `DataView` or another typed array.
 */
export type ReportInput = string | Uint8Array | ArrayBuffer | ArrayBufferView

/** Options of {@link parseReport}. */
export interface ParseOptions {
  /**
   * The input format: `'text'`, `'markdown'`, `'html'`, `'json'`, `'docx'`, `'pdf'` (read by
   * `parseReportAsync` only), or the name of an adapter in `adapters` (default: detected from the
   * input, by its magic bytes for PDF and Word, else each adapter's `detect()` scoring it).
   */
  format?: FormatName | null | undefined
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
  /**
   * The largest input read: bytes for a `Uint8Array`, UTF-16 code units for a string (default:
   * {@link DEFAULT_MAX_INPUT}, 10 MiB). A larger input is not read at all: `report` is `null`, with
   * the error `input_too_large`, and `format` is `options.format` or `'none'`.
   */
  maxInput?: number | null | undefined
  /**
   * The issuing body, when you know it better than the report says (default: read from the
   * report). Given, it is `report.organization` as given, `identity.organization.from` is
   * `'caller'`, and no `organization_unknown` is given. For every report of the input.
   */
  organization?: string | null | undefined
  /**
   * The year reported on, when you know it better than the report says (default: read from the
   * report): a whole number from 2019 to next year (another is a `TypeError`). Given, it is
   * `report.year`, `identity.year.from` is `'caller'`, and no `year_unknown` is given; it also
   * decides the edition where the tables' markers leave it open. For every report of the input.
   */
  year?: number | null | undefined
}

/**
 * The default of `ParseOptions.maxInput`: 10 MiB, some hundred times the largest report. The worst
 * shapes take about 180 bytes of memory per input byte (10 MB of short lines: 1.8 GB), so a larger
 * default could exhaust a Node heap (docs/performance.md).
 */
export const DEFAULT_MAX_INPUT = 10 * 1024 * 1024

/** The built-in adapters, in the order they are tried. */
export const builtinAdapters: readonly Adapter[] = [jsonAdapter, htmlAdapter, markdownAdapter, docxAdapter, pdfAdapter, textAdapter]

/**
 * Parse one report.
 *
 * Never throws for any string or byte input; throws `TypeError` only for a
 * wrong argument type or an unknown `options.format`.
 *
 * @param input - The report: text, or the bytes of a file (decoded by BOM, `<meta charset>`, else UTF-8, or UTF-8 repaired or
 *   GB18030, whichever holds the report: `encoding_repaired` and `encoding_guessed` say so).
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
export function parseReport(input: ReportInput, options?: ParseOptions | null): ParseResult {
  return parse(input, options, false)[0] as ParseResult
}

/**
 * Parse every report of an input that holds several (a page that carries two bodies' reports,
 * files joined together), each on its own: one result per report, in order. An input with one
 * report gives one result, the same as {@link parseReport}. A new report is recognised by a
 * 一、总体情况 heading after the tables of the one before (with the title above it).
 *
 * Never throws for any string or byte input; throws `TypeError` only for a wrong argument type or
 * an unknown `options.format`.
 *
 * @param input - The input: text, or the bytes of a file.
 * @param options - As for {@link parseReport}.
 * @returns One result per report, each with its own diagnostics (and `start`, where it begins, when there are several).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { parseReports } from 'zfxxgk'
 *
 * for (const { report } of parseReports(readFileSync('reports.txt'))) console.log(report?.organization, report?.year)
 * ```
 */
export function parseReports(input: ReportInput, options?: ParseOptions | null): ParseResult[] {
  return parse(input, options, true)
}

/**
 * Parse one report, in any format, PDF included.
 *
 * The same as {@link parseReport}, whose options and result it takes and gives, except that it
 * also reads formats whose adapter is asynchronous: PDF (the built-in reader loads pdfjs-dist
 * only when a PDF arrives) and custom adapters with `async: true`. Never rejects for any string
 * or byte input; rejects with `TypeError` only for a wrong argument type or an unknown `options.format`.
 *
 * @param input - The report: text, or the bytes of a file (PDF, Word, HTML, text …).
 * @param options - As for {@link parseReport}.
 * @returns A promise of the result.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { parseReportAsync } from 'zfxxgk'
 *
 * const { report, diagnostics } = await parseReportAsync(await readFile('report.pdf'))
 * console.log(report?.organization, report?.applications.total.results.granted)
 * for (const d of diagnostics) console.log(d.severity, d.code, d.message, d.position?.page)
 * ```
 */
export async function parseReportAsync(input: ReportInput, options?: ParseOptions | null): Promise<ParseResult> {
  return (await parseAsync(input, options, false, 'parseReportAsync'))[0] as ParseResult
}

/**
 * Parse every report of an input that holds several, in any format, PDF included: what
 * {@link parseReports} gives, read as {@link parseReportAsync} reads.
 *
 * Never rejects for any string or byte input; rejects with `TypeError` only for a wrong argument
 * type or an unknown `options.format`.
 *
 * @param input - The input: text, or the bytes of a file (PDF, Word, HTML, text …).
 * @param options - As for {@link parseReport}.
 * @returns A promise of one result per report, in order (each with `start` when there are several).
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises'
 * import { parseReportsAsync } from 'zfxxgk'
 *
 * for (const { report, start } of await parseReportsAsync(await readFile('reports.pdf'))) {
 *   console.log(start?.page, report?.organization, report?.year)
 * }
 * ```
 */
export async function parseReportsAsync(input: ReportInput, options?: ParseOptions | null): Promise<ParseResult[]> {
  return parseAsync(input, options, true, 'parseReportsAsync')
}

async function parseAsync(
  input: ReportInput,
  options: ParseOptions | null | undefined,
  all: boolean,
  name: string
): Promise<ParseResult[]> {
  const begun = begin(input, options, name)
  if (!('adapter' in begun)) return begun
  let document: SourceDocument
  try {
    document = await begun.call()
  } catch (error) {
    return inLocale(begun.locale, () => explained([failed(begun.adapter.name, error, decoded(begun))], begun))
  }
  return inLocale(begun.locale, () => explained(read(document, begun, all), begun, document))
}

function parse(input: ReportInput, options: ParseOptions | null | undefined, all: boolean): ParseResult[] {
  const begun = begin(input, options, all ? 'parseReports' : 'parseReport')
  if (!('adapter' in begun)) return begun
  return inLocale(begun.locale, () => {
    const { adapter } = begun
    if (adapter.async === true) return [asyncOnly(adapter.name, decoded(begun))]
    let document: SourceDocument | Promise<SourceDocument>
    try {
      document = begun.call()
    } catch (error) {
      return explained([failed(adapter.name, error, decoded(begun))], begun)
    }
    if (isPromise(document)) {
      // An adapter that did not say it is async: its work goes on, unread and unreported.
      document.then(undefined, () => undefined)
      return [asyncOnly(adapter.name, decoded(begun))]
    }
    return explained(read(document, begun, all), begun, document)
  })
}

/** A parse under way: the adapter picked and how to call it. */
interface Begun {
  adapter: Adapter
  adapters: readonly Adapter[]
  repair: boolean
  locale: Locale
  /** The caller's organisation and year. */
  given: GivenIdentity
  /** Read the input with the adapter: its bytes through `readBytes` where it has one, else its text. */
  call: () => SourceDocument | Promise<SourceDocument>
  /** How the input's bytes were decoded, once they were (`undefined` for text, or bytes never decoded). */
  decoding: () => Decoding | undefined
  /** The input, as text or bytes. */
  input: string | Uint8Array
}

/** Check the arguments and the size, and pick the adapter; or the result, when there is nothing to read. */
function begin(raw: ReportInput, options: ParseOptions | null | undefined, name: string): Begun | ParseResult[] {
  const input = asBytes(raw, name)
  const given = givenIdentity(options, name)
  if (input === DETACHED) {
    const diagnostic = inLocale(options?.locale ?? 'en', () => makeDiagnostic('not_a_report', { detached: true }))
    return [{ report: null, diagnostics: [diagnostic], format: options?.format ?? 'none', ok: false }]
  }
  const adapters = [...(options?.adapters ?? []), ...builtinAdapters]
  const format = options?.format ?? undefined
  const locale = options?.locale ?? 'en'
  const size = typeof input === 'string' ? input.length : input.byteLength
  const limit = options?.maxInput ?? DEFAULT_MAX_INPUT
  if (size > limit) {
    const diagnostic = inLocale(locale, () => makeDiagnostic('input_too_large', { size, limit }))
    return [{ report: null, diagnostics: [diagnostic], format: format ?? 'none', ok: false }]
  }
  let adapter: Adapter | undefined
  if (format !== undefined) {
    adapter = adapters.find((candidate) => candidate.name === format)
    if (adapter === undefined) {
      throw new TypeError(`Unknown format “${format}”: expected one of ${adapters.map((item) => `'${item.name}'`).join(', ')}`)
    }
  }
  let decoded: string | undefined
  let decoding: Decoding | undefined
  const text = (): string => (decoded ??= typeof input === 'string' ? input : (decoding = decodeReport(input)).text)
  const chosen = adapter ?? pickAdapter(adapters, input, text)
  const bytes = typeof input === 'string' ? undefined : input
  const call =
    bytes !== undefined && chosen.readBytes !== undefined
      ? (): SourceDocument | Promise<SourceDocument> =>
          (chosen.readBytes as NonNullable<Adapter['readBytes']>).call(chosen, bytes, text, { maxInput: limit })
      : (): SourceDocument | Promise<SourceDocument> => chosen.read(text())
  return { adapter: chosen, adapters, repair: options?.repair ?? true, locale, given, call, decoding: () => decoding, input }
}

/** The caller's organisation and year, checked: a `TypeError` for a value that is not one. */
function givenIdentity(options: ParseOptions | null | undefined, name: string): GivenIdentity {
  const organization = options?.organization ?? undefined
  const year = options?.year ?? undefined
  if (organization !== undefined && (typeof organization !== 'string' || organization.trim() === '')) {
    throw new TypeError(`${name}(): options.organization must be a non-empty string or null`)
  }
  if (year !== undefined && (typeof year !== 'number' || !isReportYear(year))) {
    throw new TypeError(`${name}(): options.year must be a whole number from 2019 to ${lastYear()}, or null (not ${String(year)})`)
  }
  return { organization, year }
}

/**
 * The result of an adapter that threw, after what decoding said: `resource_limit` for an input that
 * asked for more work than its size allows, else `not_a_report` with the adapter's message.
 */
function failed(adapter: string, error: unknown, early: Diagnostic[]): ParseResult {
  const diagnostic =
    error instanceof ResourceLimitError
      ? makeDiagnostic('resource_limit', { adapter, limit: error.limit, value: error.value, ...error.detail, read: false })
      : makeDiagnostic('not_a_report', { adapter, error: error instanceof Error ? error.message : String(error) })
  return { report: null, diagnostics: [...early, diagnostic], format: adapter, ok: false }
}

/** The diagnostic of what an adapter says about how it read the input. */
function noticeDiagnostic(notice: SourceNotice, adapter: string): Diagnostic {
  switch (notice.kind) {
    case 'unruledTable':
      return makeDiagnostic('unruled_table', { page: notice.page }, { position: notice.position })
    case 'readAsText':
      return makeDiagnostic('read_as_text', { adapter, limit: notice.limit, value: notice.value })
    case 'resourceLimit': {
      const { limit, value, page, actual, position } = notice
      return makeDiagnostic('resource_limit', { adapter, limit, value, page, actual, read: true }, { position })
    }
  }
}

/** The result of `parseReport` for an input only an asynchronous adapter reads, after what decoding said. */
function asyncOnly(adapter: string, early: Diagnostic[]): ParseResult {
  return { report: null, diagnostics: [...early, makeDiagnostic('not_a_report', { adapter, async: true })], format: adapter, ok: false }
}

function isPromise(value: unknown): value is Promise<SourceDocument> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function'
}

/**
 * Read an adapter's document into reports (the first only, unless `all`), embedded parts with the
 * others. What the input says of who and which year apart from its body (a crawler's header, a
 * `<title>`, a recorded identity) is evidence for its report only when it holds one: of several,
 * it could be any one's. What decoding said goes with the whole input's one report, or with each
 * report its part of the input.
 */
function read(document: SourceDocument, begun: Begun, all: boolean): ParseResult[] {
  const { adapter, adapters, repair, given } = begun
  let resolved: ReturnType<typeof resolveEmbedded>
  let tokens: ReturnType<typeof tokenize>
  try {
    resolved = resolveEmbedded(document, adapters)
    tokens = tokenize(resolved.document)
    for (const notice of document.notices ?? []) resolved.diagnostics.push(noticeDiagnostic(notice, adapter.name))
  } catch (error) {
    // A custom adapter's document that is not a SourceDocument (no blocks, a table without rows…).
    const reason = `it returned a malformed document (${error instanceof Error ? error.message : String(error)})`
    return [
      {
        report: null,
        diagnostics: [...decoded(begun), makeDiagnostic('not_a_report', { adapter: adapter.name, error: reason })],
        format: adapter.name,
        ok: false
      }
    ]
  }
  const starts = reportStarts(tokens)
  const next = starts[1]
  if (next === undefined) {
    const evidence = { crawlerTitle: document.crawlerTitle, documentTitle: document.documentTitle, recorded: document.identity }
    return [readReport(tokens, adapter.name, repair, [...decoded(begun), ...resolved.diagnostics], { evidence, given })]
  }
  if (!all) {
    const several = makeDiagnostic('several_reports', { count: starts.length }, { position: positionOf(tokens[next]) })
    return [readReport(tokens.slice(0, next), adapter.name, repair, [...decoded(begun), ...resolved.diagnostics, several], { given })]
  }
  // Diagnostics found before reading (embedded parts, bytes replaced) go with the report they stand in.
  const parts = starts.map((start, i) => ({
    from: i === 0 ? 0 : (positionOf(tokens[start])?.offset ?? 0),
    to: i + 1 < starts.length ? (positionOf(tokens[starts[i + 1] as number])?.offset ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY
  }))
  const decoding = decodingDiagnostics(begun.decoding(), parts)
  return starts.map((start, i) => {
    const { from, to } = parts[i] as (typeof parts)[number]
    const early = resolved.diagnostics.filter((diagnostic) => {
      const offset = diagnostic.position?.offset ?? 0
      return offset >= from && offset < to
    })
    const result = readReport(
      tokens.slice(start, starts[i + 1] ?? tokens.length),
      adapter.name,
      repair,
      [...(decoding[i] ?? []), ...early],
      {
        given
      }
    )
    const at = positionOf(tokens[start])
    return at === undefined ? result : { ...result, start: at }
  })
}

/** What decoding the input said, for one report of the whole input. */
function decoded(begun: Begun): Diagnostic[] {
  return decodingDiagnostics(begun.decoding())[0] ?? []
}

/** Where a token stands, if it says. */
function positionOf(token: Token | undefined): Position | undefined {
  return token !== undefined && 'position' in token ? token.position : undefined
}

/** What `asBytes` gives for bytes on a detached (transferred) buffer, which no view can read. */
const DETACHED = Symbol('detached')

/**
 * The input as a string or a `Uint8Array`: an `ArrayBuffer` (what `fetch` gives), a `DataView` or
 * any typed array is read as the bytes it views. A `TypeError` for anything else.
 */
function asBytes(input: ReportInput, name: string): string | Uint8Array | typeof DETACHED {
  if (typeof input === 'string') return input
  try {
    let bytes: Uint8Array
    if (input instanceof Uint8Array) bytes = input
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    else if (
      (input as object) instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer !== 'undefined' && (input as object) instanceof SharedArrayBuffer)
    )
      bytes = new Uint8Array(input as ArrayBuffer)
    else
      throw new TypeError(
        `${name}() takes a string, a Uint8Array (or Buffer), an ArrayBuffer or a DataView, not ${input === null ? 'null' : typeof input}`
      )
    // Node 20 has no `ArrayBuffer#detached`: a view of a detached buffer is empty and cannot be cut.
    if (bytes.byteLength === 0) bytes.subarray(0, 0)
    return bytes
  } catch (error) {
    if (error instanceof TypeError && /detached/iu.test(error.message)) return DETACHED
    throw error
  }
}

/**
 * Results whose input holds no report for a reason the input itself tells (an old `.doc`, an Excel
 * workbook, a PDF of images, a path passed as the text): its `not_a_report` says so.
 */
function explained(results: ParseResult[], begun: Begun, document?: SourceDocument): ParseResult[] {
  const [only] = results
  if (results.length !== 1 || only === undefined || only.report !== null) return results
  const at = only.diagnostics.findIndex((diagnostic) => diagnostic.code === 'not_a_report')
  if (at < 0) return results
  const cause =
    causeOf(begun.input) ??
    (begun.adapter.name === 'pdf' && document !== undefined && document.blocks.length === 0 ? 'noTextLayer' : undefined)
  if (cause === undefined) return results
  const diagnostic = makeDiagnostic('not_a_report', { cause })
  // A binary file read as text says nothing worth reading (bytes replaced, an encoding guessed).
  if (cause === 'wordBinary' || cause === 'excelBinary' || cause === 'excel') return [{ ...only, diagnostics: [diagnostic] }]
  const diagnostics = [...only.diagnostics]
  diagnostics[at] = diagnostic
  return [{ ...only, diagnostics }]
}
