/**
 * The neutral document: what every adapter produces and the core reads.
 *
 * An adapter only says what the input shows (headings, paragraphs, tables of
 * cells, with places); it never decides what a cell means.
 *
 * @module
 */

import type { Identity, Position } from '../model/types.js'
import type { ReadLimits, ResourceLimitKind } from './limits.js'

/** One cell of a table as printed. */
export interface SourceCell {
  /** The cell's text, as printed (the core normalises it). */
  text: string
  /**
   * The cell holds all of a row's values printed run together, their boundaries lost (a crawled
   * page's table flattened into one line: `898989`, `230 000023`, `2648-18538`). The core cuts it
   * into the row's values by the format's rules and the table's totals, and says so; where more
   * than one cut remains, the row's cells are `null` with `ambiguous_value`.
   */
  glued?: boolean
  /**
   * Text of the cell that a reader of the page does not see, left out of `text`: hidden by a style,
   * deleted, or drawn invisible (default: none). Where it holds digits and the cell is a value
   * cell, the core says so (`hidden_text`), naming the cell; a cell whose only digits were hidden
   * is blank. The built-in readers give it for HTML (also inside Markdown) and PDF.
   */
  hidden?: HiddenText[]
  /** Where the cell starts in the input. */
  position?: Position
}

/**
 * A run of a cell's text that a reader of the page does not see.
 *
 * @example
 * ```ts
 * // <td>5<span style="display:none">6</span>30</td>, as the HTML reader gives it:
 * const cell = { text: '530', hidden: [{ text: '6', by: 'display:none' }] }
 * ```
 */
export interface HiddenText {
  /** The text, as the source holds it. */
  text: string
  /**
   * What hides it, as the source says it: `display:none`, `visibility:hidden`, `visibility:collapse`,
   * `mso-hide:all`, `hidden` (the attribute), `<del>`, `<s>`, `<strike>`, `~~` (Markdown
   * strikethrough), or in a PDF `render mode 3`, `render mode 7`, `fill alpha 0`, `white on white`.
   */
  by: string
}

/** One row of a table. */
export interface SourceRow {
  /** Its cells, left to right. */
  cells: SourceCell[]
  /**
   * In a grid table, whether the row covers every column, so that no cell is
   * missing (default: it has exactly `columns` cells). An HTML adapter that
   * works out rowspan and colspan says so for rows whose cells span.
   */
  complete?: boolean
  /** Where the row starts in the input. */
  position?: Position
}

/**
 * A table.
 *
 * With `grid: true` the cells of a row stand in their real columns (an HTML or
 * GFM table): an empty cell is a blank value. With `grid: false` (text whose
 * columns cannot be trusted, such as one cell per line) only the order of the
 * cells is known: empty cells before and after a row's values are layout, not blanks.
 */
export interface SourceTable {
  /** Discriminant. */
  type: 'table'
  /** Whether cell positions are real columns. */
  grid: boolean
  /**
   * How many columns a grid table has (default: its first row's cell count, the
   * header of a GFM table). In tables 三 and 四 a complete row (see
   * `SourceRow.complete`) is read by position, its values in its last cells;
   * any other row only by the order of its non-empty cells, since which of its
   * cells are missing cannot be known.
   */
  columns?: number
  /** Its rows, top to bottom. */
  rows: SourceRow[]
  /** Where the table starts in the input. */
  position?: Position
}

/** A heading or a paragraph. */
export interface SourceText {
  /** Discriminant. */
  type: 'heading' | 'paragraph'
  /** Its text, as printed, without Markdown markers. */
  text: string
  /** Heading depth (1–6) where the input gives one. */
  depth?: number
  /** Where it starts in the input. */
  position?: Position
}

/**
 * A part of the input in another format, such as a raw HTML `<table>` inside
 * Markdown. The core reads it with the adapter named by `format` and puts that
 * adapter's blocks in its place, their positions shifted into the input; when no
 * such adapter is available it says so with `unsupported_content`.
 */
export interface SourceEmbedded {
  /** Discriminant. */
  type: 'embedded'
  /** The name of the adapter that reads it (`'html'`). */
  format: string
  /** Its text, as printed. */
  text: string
  /** Where it starts in the input. */
  position?: Position
}

/** A block of the neutral document. */
export type SourceBlock = SourceTable | SourceText | SourceEmbedded

/** A block the core reads: a table, a heading or a paragraph (embedded parts resolved). */
export type ResolvedBlock = SourceTable | SourceText

/** A document whose embedded parts were read by their adapters: what the core works on. */
export interface ResolvedDocument {
  /** Blocks in document order. */
  blocks: ResolvedBlock[]
}

/** What an adapter says about how it read the input: the core reports each as a diagnostic. */
export type SourceNotice = ReadAsTextNotice | UnruledTableNotice | ResourceLimitNotice

/**
 * The input was read as plain text, not in its own format: the diagnostic `read_as_text`. `limit`
 * names what the input went beyond (`input`: its size; `block`, `setext`, `emphasis`, `brackets`:
 * one block's length or marks), `value` that limit.
 */
export interface ReadAsTextNotice {
  /** The input was read as plain text, not in its own format. */
  kind: 'readAsText'
  /** The limit it went beyond. */
  limit: 'input' | 'block' | 'setext' | 'emphasis' | 'brackets'
  /** That limit (bytes for `input` and `block`, a count for the others). */
  value: number
}

/** A page holding table text with no ruling lines, read as lines of text: the diagnostic `unruled_table`. */
export interface UnruledTableNotice {
  /** A page of a PDF whose table was read without a grid. */
  kind: 'unruledTable'
  /** The page, 1-based. */
  page: number
  /** Where the page's first line is. */
  position?: Position
}

/**
 * The input asked for more work than its size allows, and what lay past the limit was not read:
 * the error `resource_limit`. What was read before it is in the document.
 */
export interface ResourceLimitNotice {
  /** Part of the input was not read: it went beyond a budget. */
  kind: 'resourceLimit'
  /** What went beyond its budget. */
  limit: ResourceLimitKind
  /** The budget (pages, operators, nesting depth …, by `limit`). */
  value: number
  /** The first page not read (PDF), 1-based. */
  page?: number
  /** How much the input has or asked for, where known (the pages of a PDF). */
  actual?: number
  /** Where the input was cut, where known. */
  position?: Position
}

/**
 * A title the input gives apart from its body's text: evidence of the report's organisation and
 * year (see `ReportBase.identity`), never a paragraph of the body.
 */
export interface SourceTitle {
  /** Its text as printed. */
  text: string
  /** Where it starts in the input. */
  position?: Position
}

/**
 * The organisation and year as the input itself records them, with the evidence each was read from
 * (a report written as JSON by `formatReport`). The core takes each field as recorded (after a
 * caller's value), when its value and evidence agree: a string with an `IdentitySource`, a year
 * from 2019 to next year with one, or `null` with `null`; otherwise it reads the field from the report.
 */
export interface SourceIdentity {
  /** The organisation. */
  organization: string | null
  /** The year. */
  year: number | null
  /** What each was read from. */
  identity: Identity
}

/** What an adapter returns: the blocks of the input in document order. */
export interface SourceDocument {
  /** Blocks in document order. */
  blocks: SourceBlock[]
  /** How the input was read, where not in the usual way (default: none). */
  notices?: SourceNotice[]
  /**
   * The title the file gives itself apart from its body, such as an HTML page's `<title>`
   * (`…年度报告_某某县人民政府网`; its site's name after `_`, `-`, `|` or `—` is left out) or a
   * document's title in its metadata (default: none). The organisation and year are read from it
   * when neither the body's title nor a crawler's header gives them; it is never the report's
   * `title`. Put it here, not in `blocks`, where it could be taken for the body's title.
   */
  documentTitle?: SourceTitle
  /**
   * The `标题:` line of a header a crawler wrote over the article it saved (default: none): the
   * organisation and year are read from it when the body's title does not give them, and it is
   * the report's `title` when the body prints none.
   */
  crawlerTitle?: SourceTitle
  /** The organisation and year as the input records them (default: read from the report). */
  identity?: SourceIdentity
}

/**
 * An input format. Register your own through `options.adapters`.
 *
 * A text format needs `name`, `detect` and `read`. A format of bytes (PDF, Word, a spreadsheet)
 * adds `detectBytes` and `readBytes`: when the input comes as bytes, `detectBytes` is asked first
 * (before anything is decoded), and the adapter that scores highest above 0 reads the bytes.
 * Either `read` or `readBytes` may return a promise; such an adapter sets `async: true`, and only
 * `parseReportAsync` reads with it.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs'
 * import { parseReport, type Adapter } from 'zfxxgk'
 *
 * // CSV without quoted fields: a line with commas is a table row, any other line is text.
 * // docs/custom-adapter.md has a complete adapter.
 * const csv: Adapter = {
 *   name: 'csv',
 *   detect: () => 0, // never picked by detection: ask for it with `format: 'csv'`
 *   read: (input) => ({
 *     // One block per line: the core finds tables 二, 三 and 四 by their labels.
 *     blocks: input
 *       .split(/\r?\n/u)
 *       .filter((line) => line.trim() !== '')
 *       .map((line) =>
 *         line.includes(',')
 *           ? { type: 'table', grid: true, rows: [{ cells: line.split(',').map((text) => ({ text })) }] }
 *           : { type: 'paragraph', text: line }
 *       )
 *   })
 * }
 * const { report, diagnostics } = parseReport(readFileSync('report.csv'), { adapters: [csv], format: 'csv' })
 * ```
 */
export interface Adapter {
  /** Its name, used as `options.format` and reported as `ParseResult.format`. */
  readonly name: string
  /**
   * How well the input, as text, looks like this format, from 0 (not at all) to 1 (surely).
   * Used when `options.format` is absent (and no `detectBytes` claimed the bytes); the highest score wins.
   */
  detect(input: string): number
  /**
   * Turn the input, as text, into the neutral document. It should not throw: a throw gives
   * `not_a_report` with its message.
   */
  read(input: string): SourceDocument | Promise<SourceDocument>
  /**
   * A format of bytes: how well the input's bytes look like it, from 0 to 1, by its magic bytes
   * (`%PDF-`, a ZIP holding `word/document.xml`). Asked before the bytes are decoded as text,
   * only when the input is a `Uint8Array` and `options.format` is absent.
   */
  detectBytes?(bytes: Uint8Array): number
  /**
   * A format of bytes: turn the input's bytes into the neutral document. Called instead of `read`
   * when the input is a `Uint8Array` (picked by `detectBytes`, or named by `options.format`).
   *
   * It should not throw; a throw gives `not_a_report` with its message, or, for a
   * `ResourceLimitError`, the error `resource_limit`.
   *
   * @param bytes - The input as given.
   * @param text - The bytes decoded as text (BOM, `<meta charset>`, UTF-8, else UTF-8 repaired or GB18030), on first call.
   * @param limits - The parse's limits (`maxInput`), for budgets of what the bytes may decode to.
   */
  readBytes?(bytes: Uint8Array, text: () => string, limits: ReadLimits): SourceDocument | Promise<SourceDocument>
  /**
   * Whether `read` or `readBytes` returns a promise (default: `false`). `parseReport` does not call
   * such an adapter: it gives `not_a_report` naming `parseReportAsync`, which reads every adapter.
   */
  readonly async?: boolean
}
