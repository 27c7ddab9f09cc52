/**
 * One PDF page as blocks: each text item put into the cell of the ruled table that holds it,
 * every other item into a line of text; tables and lines in order down the page.
 *
 * Text is read from geometry, never from the text layer's order: pieces of a cell are ordered by
 * line (baseline) and then left to right; pieces on a line further apart than a third of their
 * size get a space (two numbers in one cell stay two numbers); lines of a cell are joined by a
 * line break (a label wrapped over three lines, a vertical label one character per line).
 *
 * @module
 */

import type { Position } from '../../model/types.js'
import type { HiddenText, SourceBlock, SourceCell, SourceRow, SourceTable, SourceText } from '../../source/document.js'
import type { Grid } from './grid.js'

/** A text item of pdfjs's `getTextContent()`. */
export interface TextItem {
  str: string
  transform: ArrayLike<number>
  width: number
  height: number
}

/** A text item a reader of the page does not see (see `ink.ts`), and what hides it (`render mode 3`). */
export interface HiddenItem extends TextItem {
  by: string
}

/** A piece of text placed on the page. */
export interface Piece {
  text: string
  left: number
  right: number
  /** Baseline. */
  y: number
  size: number
}

/** Where the next block's position counts from: lines and offsets in the text the reader takes. */
export interface Cursor {
  line: number
  offset: number
}

/** How a cell of a ruled table spans, for joining a table broken by the page (see `join.ts`). */
export interface CellSpan {
  /** Elementary rows it spans. */
  rows: number
  /** It reaches the table's top edge, or its bottom edge. */
  top: boolean
  bottom: boolean
}

/** The span of each cell of the tables read. */
export const cellSpans = new WeakMap<SourceCell, CellSpan>()

/** A page number printed alone on a line: `-2-`, `— 2 —`, `第2页`, `第 2 页 共 5 页`, `2/5`. */
const PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/u
/** A bare number is a page number only in the bottom margin (points from the page's bottom edge). */
const BOTTOM_MARGIN = 72

/** How a paragraph of a page begins and ends, for joining one that runs on onto the next page. */
export interface ParagraphEdges {
  /** Its last line ends at the right edge of the page's text. */
  runsOn: boolean
  /** Its first line starts right of the left edge of the page's text (a new paragraph). */
  indented: boolean
}

/** The edges of each paragraph read. */
export const paragraphEdges = new WeakMap<SourceText, ParagraphEdges>()
/** A line starting this far (times its size) right of the page's left edge of text is indented. */
const INDENT = 0.5

/** Two pieces further apart than this many times their size have a space between them. */
const WORD_GAP = 0.3
/** Baselines closer than this many times the size are one line. */
const SAME_LINE = 0.5
/** A line of text ending this close (times its size) to the right edge of the page's text runs on into the next. */
const RUNS_ON = 1.5
/** Lines whose sizes differ by more than this part are not one paragraph (a title over a heading). */
const SAME_SIZE = 0.1
/** A line that opens with a heading's number (`一、`, `（三）`) starts a paragraph of its own. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])/u

/**
 * The blocks of one page.
 *
 * @param items - The page's text items.
 * @param grids - Its ruled tables (see `grid.ts`).
 * @param page - Its number, 1-based.
 * @param cursor - Where its first block counts from; moved past its last.
 * @param hidden - Its text items a reader does not see: each in a cell is that cell's hidden text; the others are dropped.
 */
export function pageBlocks(
  items: readonly TextItem[],
  grids: readonly Grid[],
  page: number,
  cursor: Cursor,
  hidden: readonly HiddenItem[] = []
): SourceBlock[] {
  const inCells = grids.map((grid) => grid.cells.map((): Piece[] => []))
  const loose: Piece[] = []
  for (const item of items) {
    if (item.str.trim() === '') continue
    const piece = pieceOf(item)
    const g = grids.findIndex((grid) => inside(grid, (piece.left + piece.right) / 2, middle(piece)))
    const grid = grids[g]
    if (grid === undefined) loose.push(piece)
    else place(piece, grid, inCells[g] as Piece[][])
  }
  // Hidden text is named in every cell it lies over (at its start, middle and end): naming one cell
  // too many is a warning too many; naming one too few would leave a blank cell unexplained.
  const hiddenIn = grids.map(() => new Map<number, HiddenPiece[]>())
  for (const item of hidden) {
    if (item.str.trim() === '') continue
    const piece: HiddenPiece = { ...pieceOf(item), by: item.by }
    const y = middle(piece)
    const xs = [piece.left + 0.1, (piece.left + piece.right) / 2, piece.right - 0.1]
    const owners = new Set<string>()
    for (const x of xs) {
      const g = grids.findIndex((grid) => inside(grid, x, y))
      const grid = grids[g]
      if (grid === undefined) continue
      const index = grid.owner[slot(grid.ys, y, true) * (grid.xs.length - 1) + slot(grid.xs, x, false)] as number
      if (owners.has(`${g} ${index}`)) continue
      owners.add(`${g} ${index}`)
      const inCell = hiddenIn[g] as Map<number, HiddenPiece[]>
      const list = inCell.get(index)
      if (list === undefined) inCell.set(index, [piece])
      else list.push(piece)
    }
  }
  // Tables and lines of text, top to bottom.
  const parts: Array<{ top: number; grid?: number; line?: Piece[] }> = grids.map((grid, g) => ({ top: grid.ys[0] as number, grid: g }))
  for (const line of lines(loose)) parts.push({ top: line.reduce((top, piece) => Math.max(top, piece.y + piece.size), -Infinity), line })
  parts.sort((a, b) => b.top - a.top)
  const right = loose.reduce((edge, piece) => Math.max(edge, piece.right), 0)
  const left = loose.reduce((edge, piece) => Math.min(edge, piece.left), Infinity)
  const blocks: SourceBlock[] = []
  let open: { text: string; end: number; size: number; indented: boolean; position: Position } | undefined
  const close = (): void => {
    if (open === undefined) return
    const paragraph: SourceText = { type: 'paragraph', text: open.text, position: open.position }
    blocks.push(paragraph)
    paragraphEdges.set(paragraph, { runsOn: open.end >= right - RUNS_ON * open.size, indented: open.indented })
    open = undefined
  }
  for (const part of parts) {
    if (part.line !== undefined) {
      const first = part.line[0] as Piece
      const text = lineText(part.line)
      if (isPageNumber(text, part.top)) continue
      const end = (part.line[part.line.length - 1] as Piece).right
      const indented = first.left > left + INDENT * first.size
      // A wrapped line goes on at the left edge, or, for a centred title, centred under the line before.
      const centred = Math.abs((first.left + end) / 2 - (left + right) / 2) <= INDENT * first.size
      // Never onto a line of another size (a title is the widest line of a short page, and would
      // swallow the heading under it), nor a line that opens with a heading's number.
      const goesOn =
        open !== undefined &&
        open.end >= right - RUNS_ON * open.size &&
        Math.abs(first.size - open.size) <= SAME_SIZE * open.size &&
        !NUMBERED.test(text) &&
        (!indented || (centred && !/[。；！？]$/u.test(open.text)))
      if (open !== undefined && goesOn) {
        open.text += text
        cursor.offset += text.length
      } else {
        close()
        open = { text, end, size: first.size, indented, position: at(cursor, page, first.left, first.y + first.size) }
        cursor.line++
        cursor.offset += text.length + 1
      }
      open.end = end
      continue
    }
    close()
    const g = part.grid as number
    blocks.push(tableOf(grids[g] as Grid, inCells[g] as Piece[][], page, cursor, hiddenIn[g] as Map<number, HiddenPiece[]>))
  }
  close()
  return blocks
}

/** Whether a line is a page number: `-2-`, `第2页` anywhere, a bare number in the bottom margin. */
export function isPageNumber(text: string, top: number): boolean {
  return PAGE_NUMBER.test(text) || (/^\s*\d{1,4}\s*$/u.test(text) && top < BOTTOM_MARGIN)
}

/** A position in the reader's text, with its place on the page. */
export function at(cursor: Cursor, page: number, x: number, y: number): Position {
  return { line: cursor.line, column: 1, offset: cursor.offset, page, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 }
}

/** A text item as a piece placed on the page. */
export function pieceOf(item: TextItem): Piece {
  const t = item.transform
  const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 1
  const left = t[4] ?? 0
  const upright = Math.abs(t[1] ?? 0) < 1e-6
  return { text: item.str, left, right: upright ? left + Math.max(item.width, 0) : left + size, y: t[5] ?? 0, size }
}

/** The height where a piece's glyphs are centred: a third of its size above the baseline. */
function middle(piece: Piece): number {
  return piece.y + piece.size * 0.35
}

function inside(grid: Grid, x: number, y: number): boolean {
  return (
    x >= (grid.xs[0] as number) &&
    x <= (grid.xs[grid.xs.length - 1] as number) &&
    y <= (grid.ys[0] as number) &&
    y >= (grid.ys[grid.ys.length - 1] as number)
  )
}

/** The elementary column holding x, or row holding y (edges ascending for columns, descending for rows). */
function slot(edges: readonly number[], value: number, descending: boolean): number {
  let low = 0
  let high = edges.length - 2
  while (low < high) {
    const mid = (low + high + 1) >> 1
    const edge = edges[mid] as number
    if (descending ? value <= edge : value >= edge) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * Put a piece into its cell. A piece that crosses a column rule (pdfjs joins glyphs less than
 * 0.6 em apart into one item, with a space where they stand apart) is cut at its spaces, each word
 * into the cell holding its middle; a word is never cut, since a number spilling over a rule is
 * one number as printed, and cutting it would make two wrong ones.
 */
function place(piece: Piece, grid: Grid, cells: Piece[][]): void {
  const columns = grid.xs.length - 1
  const row = slot(grid.ys, middle(piece), true)
  const owner = (x: number): number => grid.owner[row * columns + slot(grid.xs, x, false)] as number
  if (owner(piece.left + 0.1) === owner(piece.right - 0.1) || !/\s/u.test(piece.text.trim())) {
    cells[owner((piece.left + piece.right) / 2)]?.push(piece)
    return
  }
  // Where each character ends, by its advance: half an em for ASCII, an em for the rest.
  const characters = [...piece.text]
  const advances = characters.map((character) => ((character.codePointAt(0) as number) < 0x2000 ? 0.5 : 1))
  const scale = (piece.right - piece.left) / advances.reduce((sum, advance) => sum + advance, 0)
  let x = piece.left
  let word: { text: string; left: number } | undefined
  const flush = (right: number): void => {
    if (word !== undefined) cells[owner((word.left + right) / 2)]?.push({ ...piece, text: word.text, left: word.left, right })
    word = undefined
  }
  characters.forEach((character, k) => {
    const next = x + (advances[k] as number) * scale
    if (/\s/u.test(character)) flush(x)
    else if (word === undefined) word = { text: character, left: x }
    else word.text += character
    x = next
  })
  flush(x)
}

/** Pieces grouped into lines, top to bottom, each left to right. */
export function lines(pieces: readonly Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.left - b.left)
  const result: Piece[][] = []
  let line: Piece[] = []
  for (const piece of sorted) {
    const first = line[0]
    if (first !== undefined && Math.abs(first.y - piece.y) > SAME_LINE * Math.min(first.size, piece.size)) {
      result.push(line)
      line = []
    }
    line.push(piece)
  }
  if (line.length > 0) result.push(line)
  for (const each of result) each.sort((a, b) => a.left - b.left)
  return result
}

/**
 * A line's text: its pieces, with a space where they stand apart, or a tab where they stand
 * further apart than `cellGap` times their size (in a table without rules, a cell's edge).
 */
export function lineText(line: readonly Piece[], cellGap = Infinity): string {
  let text = ''
  let end = Number.NEGATIVE_INFINITY
  for (const piece of line) {
    const gap = piece.left - end
    if (text !== '' && gap > cellGap * piece.size) text += '\t'
    else if (text !== '' && gap > WORD_GAP * piece.size) text += ' '
    text += piece.text
    end = piece.right
  }
  return text
}

/** A hidden piece of text, and what hides it. */
interface HiddenPiece extends Piece {
  by: string
}

/** A cell's hidden pieces as runs of text, one per line and cause, in reading order. */
function hiddenRuns(pieces: readonly HiddenPiece[]): HiddenText[] {
  const runs: HiddenText[] = []
  for (const line of lines(pieces) as HiddenPiece[][]) {
    for (const piece of line) {
      const last = runs[runs.length - 1]
      if (last !== undefined && last.by === piece.by) last.text += piece.text
      else runs.push({ text: piece.text, by: piece.by })
    }
  }
  return runs
}

function tableOf(
  grid: Grid,
  pieces: readonly Piece[][],
  page: number,
  cursor: Cursor,
  hidden: ReadonlyMap<number, HiddenPiece[]>
): SourceTable {
  const columns = grid.xs.length - 1
  const rows: SourceRow[] = []
  const position = at(cursor, page, grid.xs[0] as number, grid.ys[0] as number)
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    const cells: SourceCell[] = []
    const rowAt = at(cursor, page, grid.xs[0] as number, grid.ys[r] as number)
    for (let c = 0; c < columns; c++) {
      const index = grid.owner[r * columns + c] as number
      const cell = grid.cells[index]
      if (cell === undefined || cell.top !== r || cell.left !== c) continue
      const text = lines(pieces[index] ?? [])
        .map((line) => lineText(line))
        .join('\n')
      const source: SourceCell = { text, position: at(cursor, page, grid.xs[c] as number, grid.ys[r] as number) }
      const unseen = hidden.get(index)
      if (unseen !== undefined) source.hidden = hiddenRuns(unseen)
      cellSpans.set(source, { rows: cell.bottom - cell.top + 1, top: cell.top === 0, bottom: cell.bottom === grid.ys.length - 2 })
      cells.push(source)
      cursor.offset += text.length + 1
    }
    cursor.line++
    rows.push({ cells, position: rowAt, complete: true })
  }
  return { type: 'table', grid: true, columns, rows, position }
}
