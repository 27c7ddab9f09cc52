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
import type { Position } from '../../model/types.js'
import type { Adapter, SourceBlock, SourceDocument, SourceNotice } from '../../source/document.js'
import { findGrids } from './grid.js'
import { provideDomMatrix } from './matrix.js'
import { joinPages } from './join.js'
import { inkedGlyphs, mayHideText, type InkFont, type InkList, type InkOps } from './ink.js'
import { glyphItems } from './items.js'
import { lines, pageBlocks, pieceOf, type Cursor, type HiddenItem, type TextItem } from './page.js'
import { pageRules, type Ops } from './rules.js'

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
 * @param bytes - The PDF file.
 * @returns Its tables and lines of text, page by page.
 */
export async function readPdf(bytes: Uint8Array): Promise<SourceDocument> {
  const library = await loadPdfjs()
  const task = library.getDocument({
    // A copy, and a plain Uint8Array: pdfjs takes the buffer over, and refuses a Node Buffer.
    data: new Uint8Array(bytes),
    ...dataFolders(),
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false
  })
  try {
    const document = await task.promise
    const pages: SourceBlock[][] = []
    const notices: SourceNotice[] = []
    const cursor: Cursor = { line: 1, offset: 0 }
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const operators = await page.getOperatorList()
      // A page that draws text a reader does not see is read from its operators, that text left out.
      const inked = inkedItems(operators, library.OPS as unknown as InkOps, (name) => fontOf(page.commonObjs, name))
      const items = inked?.items ?? (await page.getTextContent()).items.filter((item): item is TextItem & typeof item => 'str' in item)
      const table = holdsTable(items)
      const grids = table ? findGrids(pageRules(operators, library.OPS as unknown as Ops)) : []
      const blocks = pageBlocks(items, grids, number, cursor, inked?.hidden)
      // Table text and no grid: its tables are not read (which label a row of numbers belongs to
      // would be a guess), its lines kept as text, and the diagnostic says so.
      if (table && grids.length === 0 && numbersInColumns(items))
        notices.push({ kind: 'unruledTable', page: number, ...positionOf(blocks[0]) })
      pages.push(blocks)
      page.cleanup()
    }
    return { blocks: joinPages(pages), notices }
  } finally {
    await task.destroy()
  }
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
