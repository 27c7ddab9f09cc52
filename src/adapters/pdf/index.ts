/**
 * The PDF adapter: a PDF's pages read with pdfjs-dist (its legacy build, for Node 20), loaded on
 * the first PDF, never at import. Asynchronous: `parseReportAsync` reads PDFs, `parseReport` says
 * to call it.
 *
 * Cells come from geometry: on each page whose text holds a table's labels, the ruling lines of
 * the operator list give the grid (`rules.ts`, `grid.ts`), and each text item goes into the cell
 * that holds it (`page.ts`); a page that holds table text but draws no rules is kept as lines of
 * text, its tables not read, with the diagnostic `unruled_table`. A table that runs on past a page
 * is joined to its continuation (`join.ts`). Other text comes as lines, in order down each page.
 *
 * Text a reader of the page does not see (render mode 3 or 7, alpha 0, white on white: `ink.ts`) is
 * not read: a page that draws some is read from its operators (`items.ts`), the hidden glyphs left
 * out, those in a cell kept as its hidden text.
 *
 * @module
 */

import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { TABLE_MARKERS } from '../../model/catalogue.js'
import type * as Fflate from 'fflate'
import type { Position } from '../../model/types.js'
import type { Adapter, SourceBlock, SourceDocument, SourceNotice } from '../../source/document.js'
import { decodedBudget, ResourceLimitError, type ReadLimits } from '../../source/limits.js'
import { onFirstUse } from '../load.js'
import { drawnBudget, MAX_PAGES, secondsBudget } from './budget.js'
import { findGrids } from './grid.js'
import { provideDomMatrix } from './matrix.js'
import { joinPages } from './join.js'
import { inkedGlyphs, mayHideText, type InkFont, type InkList, type InkOps } from './ink.js'
import { glyphItems } from './items.js'
import { lines, pageBlocks, pieceOf, type Cursor, type HiddenItem, type TextItem } from './page.js'
import { pageRules, type Ops } from './rules.js'
import { checkDecoded } from './streams.js'
import { Session, startThread, ThreadEndedError, type SessionBudget } from './thread.js'

const fflate = onFirstUse((require) => require('fflate') as typeof Fflate)

/** Texts of a page that hold a table: its markers, and labels of rows that run onto a page of their own. */
const TABLE_TEXTS = [
  ...Object.values(TABLE_MARKERS).flat(),
  ...['规章', '行政许可', '予以公开', '不予公开', '无法提供', '不予处理', '其他处理', '总计', '行政复议', '行政诉讼']
]
/** A page with this many items that are numbers alone holds a table, whatever its labels. */
const NUMBER_ITEMS = 8
const NUMBER = /^[\s\d.,+\-−－—]+$/u
/** Numbers whose left edges are within this many points stand in one column. */
const COLUMN_EDGE = 4
/** What pdfjs prints when it cannot load `@napi-rs/canvas`, which reading text never needs. */
const CANVAS_WARNING = /^Warning: Cannot (?:load "@napi-rs\/canvas"|polyfill|access the `require`)/u

/**
 * The PDF adapter. `detectBytes()` gives 1 to bytes holding `%PDF-` in their first kilobyte (as
 * the format allows), 0 otherwise; `detect()` gives 1 to text that starts with `%PDF-` (a PDF
 * decoded as text, which `read()` then refuses: pass the file's bytes).
 */
export const pdfAdapter: Adapter = {
  name: 'pdf',
  async: true,
  detect: (input) => (input.startsWith('%PDF-') ? 1 : 0),
  read: () => {
    throw new Error('a PDF is read from its bytes: pass the file as a Uint8Array (readFileSync(path), with no encoding)')
  },
  detectBytes: (bytes) => (isPdf(bytes) ? 1 : 0),
  readBytes: readPdf
}

/** Whether `%PDF-` stands in the first 1024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024) - 5
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true
  }
  return false
}

let pdfjs: Promise<typeof Pdfjs> | undefined

/** pdfjs-dist, imported on the first PDF, its canvas warnings (it renders nothing here) kept off the console. */
function loadPdfjs(): Promise<typeof Pdfjs> {
  return (pdfjs ??= (async () => {
    provideDomMatrix(canvasLoads)
    const warn = console.warn
    console.warn = (...args: unknown[]): void => {
      if (!(typeof args[0] === 'string' && CANVAS_WARNING.test(args[0]))) warn.apply(console, args)
    }
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs')
    } finally {
      console.warn = warn
    }
  })())
}

/** Whether `@napi-rs/canvas` (an optional dependency of pdfjs-dist, which gives it `DOMMatrix`) loads here. */
function canvasLoads(): boolean {
  try {
    createRequire(import.meta.url)('@napi-rs/canvas')
    return true
  } catch {
    return false
  }
}

let folders: { cMapUrl: string; standardFontDataUrl: string } | undefined

/** Where pdfjs-dist keeps its character maps and standard font data, for PDFs that use them unembedded (found once). */
function dataFolders(): { cMapUrl: string; standardFontDataUrl: string } {
  if (folders !== undefined) return folders
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return (folders = { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' })
}

/**
 * Read a PDF into the neutral document.
 *
 * The file's streams are first measured (`streams.ts`): past `DECODED_PER_BYTE` times its size
 * decoded, it is not read. pdfjs then reads it in its own thread (`thread.ts`), told never to
 * decode an image; at most {@link MAX_PAGES} pages are read, and the pages may send at most
 * `drawnBudget(size)` operators and text items: past either, the pages before are kept and a
 * `resourceLimit` notice says where reading stopped. Every failure of pdfjs, in any of its
 * promises or in its thread, becomes this read's rejection, and the document is destroyed; but
 * when the thread ended for another document (stopped past that one's time, or out of heap with
 * others open), the file is read once more, alone in a thread of its own, so that one bad file
 * never fails the others read at the same time.
 *
 * @param bytes - The PDF file.
 * @param _text - Unused (the adapter reads bytes).
 * @param _limits - Unused: a PDF's budgets follow its size.
 * @param budget - Other budgets of operators and seconds than its size gives (for tests).
 * @returns Its tables and lines of text, page by page.
 * @throws `ResourceLimitError` when its streams decode past their budget or pdfjs runs out of
 *   memory before a page is read; an `Error` for any other failure of pdfjs (the parse gives
 *   `resource_limit` or `not_a_report`).
 */
export async function readPdf(
  bytes: Uint8Array,
  _text?: () => string,
  _limits?: ReadLimits,
  budget?: Partial<SessionBudget>
): Promise<SourceDocument> {
  checkDecoded(bytes, decodedBudget(bytes.length), fflate())
  startThread()
  const library = await loadPdfjs()
  const budgets = { drawn: drawnBudget(bytes.length), seconds: secondsBudget(bytes.length), ...budget }
  try {
    return await readIn(library, bytes, new Session(library, budgets))
  } catch (error) {
    if (!(error instanceof ThreadEndedError)) throw error
    // Its thread ended, maybe for another document: once more, alone, where an end is its own.
    return await oneAtATime(async () => {
      try {
        return await readIn(library, bytes, new Session(library, budgets, { alone: true }))
      } catch (again) {
        throw again instanceof ThreadEndedError ? again.why : again
      }
    })
  }
}

/** The reads of documents read again, chained: one at a time in their thread. */
let again: Promise<unknown> = Promise.resolve()

/** Run `work` after every read again before it has settled. */
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = again.then(work, work)
  again = run.catch(() => undefined)
  return run
}

/** Read the document through a session, which is closed after. */
async function readIn(library: typeof Pdfjs, bytes: Uint8Array, session: Session): Promise<SourceDocument> {
  let task: ReturnType<typeof library.getDocument> | undefined
  try {
    task = library.getDocument({
      // A copy, and a plain Uint8Array: pdfjs takes the buffer over, and refuses a Node Buffer.
      data: new Uint8Array(bytes),
      worker: session.worker as Pdfjs.PDFWorker,
      ...dataFolders(),
      cMapPacked: true,
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
      // Every image is left out of the operator list, never decoded (0 pixels at most).
      maxImageSize: 0,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false
    })
    return await readPages(library, await session.guard(task.promise), session)
  } finally {
    // Never wait on a thread that ended: it will not answer.
    if (task !== undefined) await Promise.race([task.destroy().catch(() => undefined), session.ended])
    session.close()
  }
}

/** What pdfjs is asked for one page: the page, its operator list and its text content, asked together. */
interface PageRequest {
  page: Promise<Pdfjs.PDFPageProxy>
  operators: Promise<Awaited<ReturnType<Pdfjs.PDFPageProxy['getOperatorList']>>>
  text: Promise<Awaited<ReturnType<Pdfjs.PDFPageProxy['getTextContent']>>>
}

/** Ask pdfjs for a page; every promise observed at once, so one that fails before it is awaited is no unhandled rejection. */
function requestPage(document: Pdfjs.PDFDocumentProxy, number: number): PageRequest {
  const page = document.getPage(number)
  const request = { page, operators: page.then((proxy) => proxy.getOperatorList()), text: page.then((proxy) => proxy.getTextContent()) }
  for (const promise of Object.values(request)) promise.catch(() => undefined)
  return request
}

/**
 * Each page read in turn, up to {@link MAX_PAGES} and while the budget of operators lasts. The
 * next page is asked for while one is read, so that pdfjs's thread works while this one places text.
 */
async function readPages(library: typeof Pdfjs, document: Pdfjs.PDFDocumentProxy, session: Session): Promise<SourceDocument> {
  const pages: SourceBlock[][] = []
  const notices: SourceNotice[] = []
  const cursor: Cursor = { line: 1, offset: 0 }
  const count = Math.min(document.numPages, MAX_PAGES)
  let next = count >= 1 ? requestPage(document, 1) : undefined
  for (let number = 1; number <= count; number++) {
    const request = next as PageRequest
    next = number < count ? requestPage(document, number + 1) : undefined
    try {
      pages.push(await readPage(library, request, number, cursor, notices, session))
    } catch (error) {
      // Past the budget, or out of memory: the pages before are kept, the rest not read.
      if (!(error instanceof ResourceLimitError) || number === 1) throw error
      notices.push({ kind: 'resourceLimit', limit: error.limit, value: error.value, page: number })
      return { blocks: joinPages(pages), notices }
    }
  }
  if (document.numPages > count)
    notices.push({ kind: 'resourceLimit', limit: 'pages', value: count, actual: document.numPages, page: count + 1 })
  return { blocks: joinPages(pages), notices }
}

/** One page's blocks: its text items placed in the grids its rules draw (see `page.ts`). */
async function readPage(
  library: typeof Pdfjs,
  request: PageRequest,
  number: number,
  cursor: Cursor,
  notices: SourceNotice[],
  session: Session
): Promise<SourceBlock[]> {
  const page = await session.guard(request.page)
  const operators = await session.guard(request.operators)
  // A page that draws text a reader does not see is read from its operators, that text left out.
  const inked = inkedItems(operators, library.OPS as unknown as InkOps, (name) => fontOf(page.commonObjs, name))
  const items = inked?.items ?? (await session.guard(request.text)).items.filter((item): item is TextItem & typeof item => 'str' in item)
  const table = holdsTable(items)
  const grids = table ? findGrids(pageRules(operators, library.OPS as unknown as Ops)) : []
  const blocks = pageBlocks(items, grids, number, cursor, inked?.hidden)
  // Table text and no grid: its tables are not read (which label a row of numbers belongs to
  // would be a guess), its lines kept as text, and the diagnostic says so.
  if (table && grids.length === 0 && numbersInColumns(items)) notices.push({ kind: 'unruledTable', page: number, ...positionOf(blocks[0]) })
  page.cleanup()
  return blocks
}

/**
 * Whether a page's numbers stand in columns, as a table's do: numbers alone, two or more on a line,
 * on three lines or more aligned (at one left edge, centre or right edge). Prose that names a
 * table's words and figures (`其中结果维持72件，结果纠正64件…`) does not; this tells a page whose
 * table has no rules from a page of prose about the tables.
 */
function numbersInColumns(items: readonly TextItem[]): boolean {
  const numbers = lines(items.filter((item) => NUMBER.test(item.str) && /\d/u.test(item.str)).map(pieceOf)).filter(
    (line) => line.length >= 2
  )
  const linesAt = new Map<string, number>()
  for (const line of numbers) {
    const edges = new Set<string>()
    for (const piece of line) {
      edges.add(`l${Math.round(piece.left / COLUMN_EDGE)}`)
      edges.add(`c${Math.round((piece.left + piece.right) / 2 / COLUMN_EDGE)}`)
      edges.add(`r${Math.round(piece.right / COLUMN_EDGE)}`)
    }
    for (const edge of edges) {
      const count = (linesAt.get(edge) ?? 0) + 1
      if (count >= 3) return true
      linesAt.set(edge, count)
    }
  }
  return false
}

/**
 * A page's text items from its operators, when it draws text a reader does not see (render mode 3,
 * alpha 0, white on white): the visible ones, and the hidden ones with what hides them;
 * `undefined` when all its text is seen (it is then read from `getTextContent()`, as pdfjs joins it).
 */
function inkedItems(
  operators: InkList,
  ops: InkOps,
  fontOf: (name: string) => InkFont | undefined
): { items: TextItem[]; hidden: HiddenItem[] } | undefined {
  if (!mayHideText(operators, ops)) return undefined
  const glyphs = inkedGlyphs(operators, ops, fontOf)
  if (!glyphs.some((glyph) => glyph.hidden !== undefined && glyph.text.trim() !== '')) return undefined
  return glyphItems(glyphs)
}

/** A loaded font's matrix scale and writing direction, from the page's shared objects (`undefined` if not loaded). */
function fontOf(objects: { get(name: string): unknown }, name: string): InkFont | undefined {
  try {
    const font = objects.get(name) as { fontMatrix?: ArrayLike<number>; vertical?: boolean } | null
    const scale = Number(font?.fontMatrix?.[0])
    return { name, scale: Number.isFinite(scale) && scale !== 0 ? scale : 0.001, vertical: font?.vertical === true }
  } catch {
    return undefined
  }
}

function positionOf(block: SourceBlock | undefined): { position?: Position } {
  return block?.position === undefined ? {} : { position: block.position }
}

/** Whether a page's text holds a table: a marker or row label of the format, or many numbers alone. */
function holdsTable(items: readonly TextItem[]): boolean {
  let numbers = 0
  for (const item of items) if (NUMBER.test(item.str) && /\d/u.test(item.str) && ++numbers >= NUMBER_ITEMS) return true
  const text = items.map((item) => item.str.replace(/\s+/gu, '')).join('')
  return TABLE_TEXTS.some((marker) => text.includes(marker))
}
