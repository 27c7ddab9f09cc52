/**
 * The reader: the events of htmlparser2's `Parser` (start tags, end tags, text)
 * turned into blocks as they come, with no document tree.
 *
 * It keeps one entry per open element, so nesting costs a slot of an array, not
 * a frame of the call stack, and reads each event once:
 *
 * - text outside tables gathers into lines, which `<br>` and block elements end;
 * - a `<table>` keeps its cells as text (see `table.ts`) until it closes, then is
 *   a grid; when a table opens anywhere inside it, it becomes a layout there and
 *   then: its cells so far become paragraphs, and the rest is read as text and tables;
 * - text a browser moves out of a table (text, and elements other than a table's parts, standing
 *   in a `<table>`, `<tbody>` or `<tr>` outside any cell) is a line before the table;
 * - what a reader of the page does not see (see `source/hidden.ts`: an inline style that hides, the
 *   `hidden` attribute, `<del>`, `<s>`, `<strike>`) is not read: inside a cell of a grid its text is
 *   kept as the cell's `hidden` text, for the core to name; a hidden cell, row or table is not read at all;
 * - chrome, scripts and table parts where a table has no place for them are skipped.
 *
 * Consecutive text events are joined before they are read, as a DOM joins them
 * into one text node, so white space collapses the same across entity boundaries.
 *
 * @module
 */

import type { Handler, Parser } from 'htmlparser2'
import { hiddenBy } from '../../source/hidden.js'
import type { LineIndex } from '../../source/position.js'
import { tidyCell } from '../../source/tidy.js'
import { TableReader, type CellRecord, type Output } from './table.js'
import { TitleReader } from './title.js'
import { BLOCKS, collapse, firstVisible, headingDepth, isSkipped, pushLines, type Attributes } from './text.js'

/** What an open element is, for what its children are. Text elements (the document itself too) are at most `CAPTION`. */
const INLINE = 0
const BLOCK = 1
const CELL = 2
const CAPTION = 3
const TABLE = 4
const SECTION = 5
const ROW = 6
/** An element a browser moves out of the table, before it (a `<p>` or `<span>` in a `<tr>`): inline, or ending lines. */
const FOSTER_INLINE = 7
const FOSTER_BLOCK = 8

/** The parts of a table: where a table has no place for them (a `<td>` outside a row), they are skipped. */
const TABLE_PARTS: ReadonlySet<string> = new Set(['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'])

/** Inline elements whose text stands apart from what it touches: a footnote mark or an index (`13<sup>1</sup>` is not 131). */
const MARKS: ReadonlySet<string> = new Set(['sup', 'sub'])

/** Reads parser events into blocks. Give it to a `Parser` in HTML mode, then take `out`. */
export class Reader implements Partial<Handler> {
  /** The blocks read so far, with slots for late captions. */
  out: Output = []
  /** Whether `out` holds slots (flatten it then). */
  hasSlots = false
  /** The page's `<title>`, read apart from the body. */
  readonly titles = new TitleReader()

  private parser: Pick<Parser, 'startIndex'> | undefined
  /** The line being gathered: its text, its first visible character, its heading depth. */
  private text = ''
  private first: number | undefined = undefined
  private depth: number | undefined = undefined
  /** Text events not yet read, and where the first began. */
  private inRun = false
  private run = ''
  private runStart = 0
  /** One entry per open element not skipped: what it is (`INLINE` … `ROW`). */
  private readonly kinds: number[] = []
  /** How many open elements are skipped (inside chrome, or where a table has no cells). */
  private skipped = 0
  /** How many open elements are hidden (a reader of the page does not see them), what hid the outermost, and its text. */
  private hidden = 0
  private hiddenWhy = ''
  private hiddenText = ''
  /** The open tables, innermost last. */
  private readonly tables: TableReader[] = []
  /** The innermost open table while it may still be a grid (no table opened in it yet). */
  private undecided: TableReader | undefined
  /** The cell of `undecided` being read, and its entry in `kinds`. */
  private cell: CellRecord | undefined
  private cellEntry = 0

  /** @param index - Line index of the input, for positions. */
  constructor(private readonly index: LineIndex) {}

  /** @param parser - The parser, for the offset of each event. */
  onparserinit(parser: Parser): void {
    this.parser = parser
  }

  /** @param data - Text, entities decoded. */
  ontext(data: string): void {
    this.titles.read(data, this.offset())
    if (this.inRun) {
      this.run += data
    } else {
      this.inRun = true
      this.run = data
      this.runStart = this.offset()
    }
  }

  /** A comment ends a text node. */
  oncommentend(): void {
    this.endRun()
  }

  /** A declaration (`<!doctype>`) ends a text node. */
  onprocessinginstruction(): void {
    this.endRun()
  }

  /**
   * @param name - The element's name, lower-cased.
   * @param attributes - Its attributes.
   */
  onopentag(name: string, attributes: Attributes): void {
    this.endRun()
    this.titles.open(name)
    if (this.hidden > 0) {
      this.hidden++
      return
    }
    const why = this.skipped > 0 ? undefined : hiddenBy(name, attributes)
    if (why !== undefined) {
      // A hidden cell, row or anything else in a table's structure is not there at all (a table
      // hidden in a cell does not make its table a layout).
      const kind = this.top()
      if (kind > CAPTION && kind < FOSTER_INLINE) this.skipped = 1
      else this.openHidden(why)
      return
    }
    if (name === 'table' && this.undecided !== undefined) this.toLayout(this.undecided)
    if (this.skipped > 0) {
      this.skipped++
      return
    }
    const kind = this.top()
    if (kind <= CAPTION) this.openInText(name, attributes)
    else if (kind >= FOSTER_INLINE) this.openFoster(name, attributes)
    else this.openInTable(kind, name, attributes)
  }

  /**
   * Closes the innermost open element (the parser closes each element it opened, implied ones too).
   *
   * @param name - The element's name, lower-cased.
   */
  onclosetag(name: string): void {
    this.endRun()
    this.titles.close(name)
    if (this.hidden > 0) {
      if (--this.hidden === 0) this.closeHidden()
      return
    }
    if (this.skipped > 0) {
      this.skipped--
      return
    }
    const kind = this.kinds.pop()
    if (kind === INLINE || kind === FOSTER_INLINE) {
      if (MARKS.has(name)) this.text += ' '
    } else if (kind === BLOCK || kind === FOSTER_BLOCK || kind === ROW || kind === SECTION) {
      this.endLine()
    } else if (kind === CELL) {
      this.endLine()
      this.cell = undefined
    } else if (kind === CAPTION) {
      this.closeCaption()
    } else if (kind === TABLE) {
      // Text moved out of the table goes before it.
      this.endLine()
      const table = this.tables.pop()
      if (table !== undefined && !table.layout) this.out.push(table.grid(this.index))
      this.undecided = undefined
    }
  }

  /** The input ended (after the parser closed every open element). */
  onend(): void {
    this.endRun()
    this.endLine()
  }

  private offset(): number {
    return this.parser?.startIndex ?? 0
  }

  private top(): number {
    const kinds = this.kinds
    return kinds.length === 0 ? INLINE : (kinds[kinds.length - 1] as number)
  }

  /** Read the pending text events as one text node, where text is read. */
  private endRun(): void {
    if (!this.inRun) return
    this.inRun = false
    if (this.skipped > 0) return
    if (this.hidden > 0) {
      if (this.cell !== undefined) this.hiddenText += this.run
      return
    }
    const data = this.run
    if (this.first === undefined) {
      const lead = firstVisible(data)
      if (lead >= 0) this.first = this.runStart + lead
    }
    this.text += collapse(data)
  }

  /** End the line(s) gathered: into the cell being read, or out as paragraphs or a heading. */
  private endLine(): void {
    const text = this.text
    if (text !== '') {
      const segment = { text, first: this.first, depth: this.depth }
      if (this.cell !== undefined) this.cell.segments.push(segment)
      else pushLines(this.out, segment, this.index)
    }
    this.text = ''
    this.first = undefined
    this.depth = undefined
  }

  private openInText(name: string, attributes: Attributes): void {
    if (isSkipped(name, attributes)) {
      this.skipped = 1
    } else if (name === 'table') {
      this.endLine()
      const table = new TableReader(this.offset())
      this.tables.push(table)
      this.undecided = table
      this.kinds.push(TABLE)
    } else if (BLOCKS.has(name)) {
      this.endLine()
      this.depth = headingDepth(name)
      this.kinds.push(BLOCK)
    } else {
      if (name === 'br') this.text += '\n'
      else if (MARKS.has(name)) this.text += ' '
      this.kinds.push(INLINE)
    }
  }

  /** An element whose parent is a table, a row group or a row: only captions, rows and cells are read. */
  private openInTable(kind: number, name: string, attributes: Attributes): void {
    const table = this.tables[this.tables.length - 1] as TableReader
    if (kind === ROW && (name === 'td' || name === 'th')) {
      const skipped = isSkipped(name, attributes)
      this.endLine()
      if (table.layout) {
        if (skipped) {
          this.skipped = 1
          return
        }
      } else {
        this.cell = table.openCell(this.offset(), attributes, skipped)
        this.cellEntry = this.kinds.length
      }
      this.kinds.push(CELL)
    } else if (name === 'tr' && (kind === TABLE || kind === SECTION)) {
      table.openRow(this.offset())
      this.kinds.push(ROW)
    } else if (kind === TABLE && (name === 'tbody' || name === 'thead' || name === 'tfoot')) {
      this.kinds.push(SECTION)
    } else if (kind === TABLE && name === 'caption' && !table.captionSeen) {
      table.captionSeen = true
      if (isSkipped(name, attributes)) {
        this.skipped = 1
        return
      }
      this.endLine()
      if (table.slot !== undefined) {
        table.saved = this.out
        this.out = table.slot.blocks
      }
      table.inCaption = true
      this.kinds.push(CAPTION)
    } else if (TABLE_PARTS.has(name) || isSkipped(name, attributes)) {
      this.skipped = 1
    } else {
      this.openFoster(name, attributes)
    }
  }

  /**
   * An element standing in a table outside any cell, or inside such an element: a browser moves it
   * out, before the table, so its text is a line before the table (a note `注：金额单位为元。`). Table
   * parts inside it are skipped, as before.
   */
  private openFoster(name: string, attributes: Attributes): void {
    if (TABLE_PARTS.has(name) || isSkipped(name, attributes)) {
      this.skipped = 1
    } else if (BLOCKS.has(name)) {
      this.endLine()
      this.kinds.push(FOSTER_BLOCK)
    } else {
      if (name === 'br') this.text += '\n'
      else if (MARKS.has(name)) this.text += ' '
      this.kinds.push(FOSTER_INLINE)
    }
  }

  /** An element a reader of the page does not see (`why` hides it): its text is not read; in a cell of a grid, it is the cell's hidden text. */
  private openHidden(why: string): void {
    this.hidden = 1
    this.hiddenWhy = why
    this.hiddenText = ''
  }

  /** The hidden element ended: what it held, if anything, is the cell's hidden text. */
  private closeHidden(): void {
    const text = tidyCell(collapse(this.hiddenText))
    this.hiddenText = ''
    if (this.cell !== undefined && text !== '') this.cell.hidden.push({ text, by: this.hiddenWhy })
  }

  private closeCaption(): void {
    const table = this.tables[this.tables.length - 1] as TableReader
    this.endLine()
    if (table.saved !== undefined) {
      this.out = table.saved
      table.saved = undefined
    }
    table.inCaption = false
    if (table.replayAfterCaption) {
      table.replayAfterCaption = false
      table.replay(this.out, this.index)
    }
  }

  /**
   * A table opened inside `table`: it is a layout. Its cells so far become
   * paragraphs (after its caption, which is read first wherever it stands), and
   * the cell being read goes on as text, or is skipped if it is chrome.
   */
  private toLayout(table: TableReader): void {
    table.layout = true
    this.undecided = undefined
    if (!table.captionSeen) {
      table.slot = { type: 'slot', blocks: [] }
      this.out.push(table.slot)
      this.hasSlots = true
    }
    if (table.inCaption) {
      table.replayAfterCaption = true
      return
    }
    table.replay(this.out, this.index)
    const cell = this.cell
    if (cell === undefined) return
    this.cell = undefined
    if (!cell.skipped) return
    this.text = ''
    this.first = undefined
    this.depth = undefined
    this.skipped += this.kinds.length - this.cellEntry
    this.kinds.length = this.cellEntry
  }
}
