/**
 * `word/document.xml`, read as events (htmlparser2 in XML mode): paragraphs and tables as Word
 * shows them, with tracked changes accepted.
 *
 * What is read as text, and what is not:
 * - text is `w:t` only (not `w:instrText`, a field's code, nor `w:delText`); `w:tab` and `w:ptab` are a tab,
 *   `w:br` and `w:cr` a line break, `w:noBreakHyphen` a hyphen;
 * - tracked changes are taken as accepted: `w:ins` and `w:moveTo` are read, `w:del` and
 *   `w:moveFrom` are not, nor is a row whose `w:trPr` holds `w:del`;
 * - content controls (`w:sdt`) are read through their `w:sdtContent`, except one still showing
 *   its placeholder prompt (`w:showingPlcHdr`), which holds no value;
 * - hidden runs (`w:vanish`) are not printed, so not read; of `mc:AlternateContent`, the first
 *   choice is read and the fallback, the same content again, is not.
 *
 * Tables nest without recursion: the reader keeps a stack of open tables, rows, cells and paragraphs.
 *
 * @module
 */

import type { Position } from '../../model/types.js'
import type { SourceBlock } from '../../source/document.js'
import type { LineIndex } from '../../source/position.js'
import { spanValue, tableBlocks, type WordCell, type WordRow, type WordTable } from './table.js'

/** Elements whose content is not read: deleted text, moved-away text, the fallback copy, a content control's properties. */
const SKIPPED = new Set(['w:del', 'w:moveFrom', 'mc:Fallback', 'w:sdtPr', 'w:rPr', 'w:pPr', 'w:tcPr', 'w:trPr', 'w:tblPr', 'w:tblGrid'])
/** Properties read inside the skipped property elements. */
const PROPERTIES = new Set([
  'w:pStyle',
  'w:outlineLvl',
  'w:gridSpan',
  'w:vMerge',
  'w:gridBefore',
  'w:gridAfter',
  'w:vanish',
  'w:showingPlcHdr',
  'w:del'
])
/** Characters of elements that stand for one. */
const CHARACTERS: Readonly<Record<string, string>> = { 'w:tab': '\t', 'w:ptab': '\t', 'w:br': '\n', 'w:cr': '\n', 'w:noBreakHyphen': '-' }

/** A `w:p` being read. */
interface OpenParagraph {
  text: string
  depth: number | undefined
  position: Position
}

/** A `w:sdt` being read. */
interface OpenControl {
  /** It shows its placeholder prompt, not a value. */
  placeholder: boolean
}

/** The htmlparser2 handler that reads `word/document.xml` into blocks. */
export class DocxReader {
  /** The blocks of the body, in order. */
  readonly blocks: SourceBlock[] = []
  private parser: { startIndex: number } | undefined
  private depth = 0
  /** Depth of the element whose content is skipped (0: none). */
  private skipFrom = 0
  /** Depth of the property element being read (0: none). */
  private propertiesFrom = 0
  private inText = false
  private hidden = false
  private readonly paragraphs: OpenParagraph[] = []
  private readonly tables: WordTable[] = []
  private readonly rows: WordRow[] = []
  private readonly cells: WordCell[] = []
  private readonly controls: OpenControl[] = []
  private paragraphCount = 0
  private tableCount = 0
  /** Per open table: its number and the number of rows read; per open row: the number of cells read. */
  private readonly numbers: Array<{ table: number; rows: number; cells: number }> = []

  /**
   * @param index - Line index of the XML.
   * @param headings - The heading depth of each paragraph style that has one, by style id (see `styles.ts`).
   */
  constructor(
    private readonly index: LineIndex,
    private readonly headings: ReadonlyMap<string, number>
  ) {}

  /** htmlparser2 hands over the parser, for offsets. */
  onparserinit(parser: { startIndex: number }): void {
    this.parser = parser
  }

  onopentag(name: string, attributes: Record<string, string>): void {
    this.depth++
    if (this.skipFrom !== 0) return
    if (this.propertiesFrom !== 0) {
      if (PROPERTIES.has(name)) this.property(name, attributes['w:val'])
      return
    }
    if (SKIPPED.has(name)) {
      if (name === 'w:rPr' || name === 'w:pPr' || name === 'w:tcPr' || name === 'w:trPr' || name === 'w:sdtPr')
        this.propertiesFrom = this.depth
      else this.skipFrom = this.depth
      return
    }
    switch (name) {
      case 'w:p':
        this.paragraphCount++
        this.paragraphs.push({ text: '', depth: undefined, position: { ...this.here(), paragraph: this.paragraphCount } })
        break
      case 'w:r':
        this.hidden = false
        break
      case 'w:t':
        this.inText = !this.hidden
        break
      case 'w:tbl':
        if (this.cells.length > 0) (this.tables[this.tables.length - 1] as WordTable).nested = true
        this.tableCount++
        this.numbers.push({ table: this.tableCount, rows: 0, cells: 0 })
        this.tables.push({ rows: [], nested: false, position: { ...this.here(), table: this.tableCount } })
        break
      case 'w:tr': {
        const numbers = this.numbers[this.numbers.length - 1]
        if (numbers === undefined) break
        numbers.rows++
        numbers.cells = 0
        this.rows.push({
          cells: [],
          before: 0,
          after: 0,
          deleted: false,
          position: { ...this.here(), table: numbers.table, row: numbers.rows }
        })
        break
      }
      case 'w:tc': {
        const numbers = this.numbers[this.numbers.length - 1]
        if (numbers === undefined) break
        numbers.cells++
        const position = { ...this.here(), table: numbers.table, row: numbers.rows, cell: numbers.cells }
        this.cells.push({ span: 1, merge: undefined, blocks: [], position })
        break
      }
      case 'w:sdt':
        this.controls.push({ placeholder: false })
        break
      case 'w:sdtContent':
        if (this.controls[this.controls.length - 1]?.placeholder === true) this.skipFrom = this.depth
        break
      default: {
        const character = CHARACTERS[name]
        if (character !== undefined && !this.hidden) this.append(character)
      }
    }
  }

  ontext(text: string): void {
    if (this.inText && this.skipFrom === 0) this.append(text)
  }

  onclosetag(name: string): void {
    const depth = this.depth--
    if (this.skipFrom !== 0) {
      if (depth === this.skipFrom) this.skipFrom = 0
      return
    }
    if (this.propertiesFrom !== 0) {
      if (depth === this.propertiesFrom) this.propertiesFrom = 0
      return
    }
    switch (name) {
      case 'w:t':
        this.inText = false
        break
      case 'w:p':
        this.closeParagraph()
        break
      case 'w:tc': {
        const cell = this.cells.pop()
        if (cell !== undefined) this.rows[this.rows.length - 1]?.cells.push(cell)
        break
      }
      case 'w:tr': {
        const row = this.rows.pop()
        if (row !== undefined) this.tables[this.tables.length - 1]?.rows.push(row)
        break
      }
      case 'w:tbl': {
        const table = this.tables.pop()
        this.numbers.pop()
        if (table !== undefined) for (const block of tableBlocks(table)) this.emit(block)
        break
      }
      case 'w:sdt':
        this.controls.pop()
        break
    }
  }

  /** A property read inside `w:pPr`, `w:rPr`, `w:tcPr`, `w:trPr` or `w:sdtPr`. */
  private property(name: string, value: string | undefined): void {
    switch (name) {
      case 'w:pStyle': {
        const paragraph = this.paragraphs[this.paragraphs.length - 1]
        const depth = this.headings.get(value ?? '')
        if (paragraph !== undefined && depth !== undefined) paragraph.depth = depth
        break
      }
      case 'w:outlineLvl': {
        const paragraph = this.paragraphs[this.paragraphs.length - 1]
        const level = spanValue(value, 0)
        if (paragraph !== undefined && level < 6) paragraph.depth ??= level + 1
        break
      }
      case 'w:gridSpan': {
        const cell = this.cells[this.cells.length - 1]
        if (cell !== undefined) cell.span = spanValue(value, 1)
        break
      }
      case 'w:vMerge': {
        const cell = this.cells[this.cells.length - 1]
        if (cell !== undefined) cell.merge = value === 'restart' ? 'restart' : 'continue'
        break
      }
      case 'w:gridBefore':
      case 'w:gridAfter': {
        const row = this.rows[this.rows.length - 1]
        if (row !== undefined) row[name === 'w:gridBefore' ? 'before' : 'after'] = spanValue(value, 0)
        break
      }
      case 'w:vanish':
        this.hidden = value !== 'false' && value !== '0'
        break
      case 'w:showingPlcHdr': {
        const control = this.controls[this.controls.length - 1]
        if (control !== undefined) control.placeholder = value !== 'false' && value !== '0'
        break
      }
      case 'w:del': {
        // Only in w:trPr: a row deleted as a tracked change.
        const row = this.rows[this.rows.length - 1]
        if (row !== undefined && this.cells.length === 0) row.deleted = true
        break
      }
    }
  }

  private append(text: string): void {
    const paragraph = this.paragraphs[this.paragraphs.length - 1]
    if (paragraph !== undefined) paragraph.text += text
  }

  private closeParagraph(): void {
    const paragraph = this.paragraphs.pop()
    if (paragraph === undefined) return
    const text = paragraph.text
    if (paragraph.depth !== undefined && text.trim() !== '') {
      this.emit({ type: 'heading', text, depth: paragraph.depth, position: paragraph.position })
    } else this.emit({ type: 'paragraph', text, position: paragraph.position })
  }

  /** Blocks go into the innermost open cell (a table closed inside a cell goes into it), else to the body. */
  private emit(block: SourceBlock): void {
    const cell = this.cells[this.cells.length - 1]
    if (cell !== undefined) cell.blocks.push(block)
    else if (block.type !== 'paragraph' || block.text.trim() !== '') this.blocks.push(block)
  }

  private here(): Position {
    return this.index.at(this.parser?.startIndex ?? 0)
  }
}
