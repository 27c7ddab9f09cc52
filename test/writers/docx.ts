/**
 * A DOCX writer for tests: a report laid out in the official format ({@link layoutReport}) as a
 * minimal WordprocessingML package, with options that add the markup Word and WPS really write
 * (runs split mid-number, tracked changes, content controls, rows that start late, a nested
 * table, spaced labels, escapes). Every option keeps the accepted text of every cell: a reader
 * that takes `w:ins`, skips `w:del`, unwraps `w:sdt` and ignores white space in labels reads the
 * same report back.
 */
import fc from 'fast-check'
import { strToU8, zipSync } from 'fflate'
import { layoutReport, placeCells, printNumber, type LayoutBlock, type LayoutCell, type PlacedCell } from '../../src/model/layout.js'
import type { Report } from '../../src/index.js'

/** How {@link reportToDocx} writes a report; each option works alone or with any other. */
export interface DocxOptions {
  /** Every text over several `w:r` runs (`12` as `1` and `2`), with `w:proofErr` and `w:bookmarkStart`/`End` between them (default: `false`). */
  splitRuns?: boolean
  /** Some values as a `w:del` of an old number beside a `w:ins` of the value; an inserted row, an inserted and a deleted label piece, a deleted sentence (default: `false`). */
  trackedChanges?: boolean
  /** Some values in a block-level or run-level `w:sdt`, one row of table 三 in a row-level and one cell of table 四 in a cell-level `w:sdt`, the title in a body-level one (default: `false`). */
  contentControls?: boolean
  /** Table 四 with an extra leading grid column and every row starting one column late (`w:gridBefore`) (default: `false`). */
  gridBefore?: boolean
  /** Table 三 inside the one cell of an outer 1×1 table (default: `false`). */
  nestedTable?: boolean
  /** Labels with spaces, full-width spaces or no-break spaces inside (`自 然 人`), and labels split over two paragraphs of their cell (default: `false`). */
  spacedLabels?: boolean
  /** Character references (`&#49;`, `&#x201C;`, `&quot;`), `xml:space="preserve"` runs with spaces around values, `w:tab` and `w:br` in labels, `&amp;` in attributes (default: `false`). */
  xmlEscapes?: boolean
  /** Which cells get the treatments above: any integer (default: `0`). */
  seed?: number
}

/** The boolean options of {@link DocxOptions}. */
export const DOCX_OPTIONS = [
  'splitRuns',
  'trackedChanges',
  'contentControls',
  'gridBefore',
  'nestedTable',
  'spacedLabels',
  'xmlEscapes'
] as const

/** Any combination of options, with a seed. */
export const docxOptions: fc.Arbitrary<DocxOptions> = fc.record({
  splitRuns: fc.boolean(),
  trackedChanges: fc.boolean(),
  contentControls: fc.boolean(),
  gridBefore: fc.boolean(),
  nestedTable: fc.boolean(),
  spacedLabels: fc.boolean(),
  xmlEscapes: fc.boolean(),
  seed: fc.nat({ max: 1000 })
})

/**
 * Write a report as a DOCX package: `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
 * `word/styles.xml` and `word/_rels/document.xml.rels`. The same report and options always give
 * the same bytes.
 *
 * @param report - A report of either edition.
 * @param options - The markup to add.
 */
export function reportToDocx(report: Report, options: DocxOptions = {}): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(PACKAGE_RELS),
      'word/document.xml': strToU8(reportToDocumentXml(report, options)),
      'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
      'word/styles.xml': strToU8(STYLES)
    },
    { mtime: new Date(2024, 0, 15, 9, 30) }
  )
}

/**
 * The `word/document.xml` that {@link reportToDocx} writes.
 *
 * @param report - A report of either edition.
 * @param options - The markup to add.
 */
export function reportToDocumentXml(report: Report, options: DocxOptions = {}): string {
  return new DocumentWriter(options).document(layoutReport(report))
}

/** A piece of a paragraph: text (kept, inserted or deleted), a tab or a line break. */
type Segment = { kind: 'text' | 'ins' | 'del'; text: string } | { kind: 'tab' } | { kind: 'br' }

/** A content control around a cell's content: none, around its paragraph, or around its runs. */
type Control = 'none' | 'block' | 'run'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const CONTENT_TYPES = `${HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`
const PACKAGE_RELS = `${HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
const DOCUMENT_RELS = `${HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>`)
  .join('')
const STYLES = `${HEADER}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr></w:style></w:styles>`

/** Width of the text area in twips (A4 with 2.54 cm and 3.17 cm margins). */
const TEXT_WIDTH = 8306
/** Width of the extra leading grid column of table 四 with `gridBefore`. */
const BEFORE_WIDTH = 284
const RSIDS = ['00A31F6C', '00D97B2E', '005C4A81']
const CJK = /[\u4e00-\u9fff]/u
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
/** With `xmlEscapes`: characters written as character references. */
const HEAVY_ESCAPES: Readonly<Record<string, string>> = { ...ESCAPES, '“': '&#x201C;', '”': '&#8221;', '1': '&#49;' }
/** Table 三's header labels written over two paragraphs with `spacedLabels`, as the real template writes 商业 / 企业. */
const TWO_PARAGRAPH_LABELS = new Set([
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'
])
const TABLE4_OUTCOME_LABELS = new Set(['结果维持', '结果纠正', '其他结果', '尚未审结'])

/** Escape text for an attribute value. */
function attribute(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ESCAPES[c] ?? c)
}

/** `(index + seed + salt) mod period = 0`: which of a kind of cell gets a treatment. */
function pick(index: number, seed: number, period: number, salt: number): boolean {
  return (((index + seed + salt) % period) + period) % period === 0
}

/** Split text into runs of 1, 2, 3, 1, 2, 3 … characters. */
function pieces(text: string): string[] {
  const chars = [...text]
  const out: string[] = []
  for (let at = 0, size = 1; at < chars.length; at += size, size = (size % 3) + 1) out.push(chars.slice(at, at + size).join(''))
  return out
}

/** A number with its last digit changed: an old value, never the same. */
function changed(text: string): string {
  const match = /\d(?=\D*$)/u.exec(text)
  if (match === null) return '5'
  return `${text.slice(0, match.index)}${(Number(match[0]) + 1) % 10}${text.slice(match.index + 1)}`
}

/** Positions between two CJK characters. */
function cjkGaps(text: string): number[] {
  const chars = [...text]
  const gaps: number[] = []
  for (let i = 1; i < chars.length; i++) if (CJK.test(chars[i - 1] as string) && CJK.test(chars[i] as string)) gaps.push(i)
  return gaps
}

/** Insert `space` at some gaps between CJK characters: all of them (style 0) or the middle one. */
function spaced(text: string, style: number): string {
  const chars = [...text]
  const gaps = cjkGaps(text)
  const at = style === 0 ? new Set(gaps) : new Set(gaps.length > 0 ? [gaps[Math.floor(gaps.length / 2)] as number] : [])
  const space = style === 1 ? '\u3000' : style === 2 ? ' \u00a0' : ' '
  return chars.map((c, i) => (at.has(i) ? `${space}${c}` : c)).join('')
}

/** Split a label over two paragraphs: before its second `（`, or in the middle. */
function twoParagraphs(text: string): string[] {
  const bracket = text.indexOf('（', 1)
  const at = bracket > 0 ? bracket : Math.ceil([...text].length / 2)
  const chars = [...text]
  return [chars.slice(0, at).join(''), chars.slice(at).join('')]
}

class DocumentWriter {
  private readonly options: Required<DocxOptions>
  /** The next `w:id` of a tracked change, bookmark or content control (one space for all). */
  private id = 1
  private valueIndex = 0
  private labelIndex = 0
  private spacedCount = 0
  private firstProse = true

  constructor(options: DocxOptions) {
    this.options = {
      splitRuns: options.splitRuns ?? false,
      trackedChanges: options.trackedChanges ?? false,
      contentControls: options.contentControls ?? false,
      gridBefore: options.gridBefore ?? false,
      nestedTable: options.nestedTable ?? false,
      spacedLabels: options.spacedLabels ?? false,
      xmlEscapes: options.xmlEscapes ?? false,
      seed: options.seed ?? 0
    }
  }

  document(blocks: readonly LayoutBlock[]): string {
    const body = blocks.map((block) => this.block(block)).join('')
    const tail = blocks[blocks.length - 1]?.type === 'table' ? '<w:p/>' : ''
    return `${HEADER}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}${tail}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/></w:sectPr></w:body></w:document>`
  }

  private block(block: LayoutBlock): string {
    if (block.type === 'heading') {
      const style = block.depth === 1 ? 'Heading1' : 'Heading2'
      const p = this.paragraph([{ kind: 'text', text: block.text }], `<w:pStyle w:val="${style}"/>`)
      return block.depth === 1 && this.options.contentControls ? this.sdt(p, '标题') : p
    }
    if (block.type === 'paragraph') return this.paragraph(this.prose(block.text), '<w:ind w:firstLine="640"/>')
    const table = this.table(block)
    if (block.table !== 3 || !this.options.nestedTable) return table
    const tblPr = `<w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>`
    return `<w:tbl>${tblPr}<w:tblGrid><w:gridCol w:w="${TEXT_WIDTH}"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="${TEXT_WIDTH}" w:type="dxa"/></w:tcPr>${table}<w:p/></w:tc></w:tr></w:tbl>`
  }

  /** A prose paragraph; with tracked changes, the first one ends in an insertion and a deleted sentence. */
  private prose(text: string): Segment[] {
    if (!this.options.trackedChanges || !this.firstProse) return [{ kind: 'text', text }]
    this.firstProse = false
    const chars = [...text]
    const kept = chars.length > 2 ? chars.slice(0, -2).join('') : ''
    const inserted = chars.length > 2 ? chars.slice(-2).join('') : text
    return [
      ...(kept === '' ? [] : [{ kind: 'text', text: kept } as const]),
      ...(inserted === '' ? [] : [{ kind: 'ins', text: inserted } as const]),
      { kind: 'del', text: '此句已删除。' }
    ]
  }

  private table(block: Extract<LayoutBlock, { type: 'table' }>): string {
    const { columns, rows, table } = block
    const before = table === 4 && this.options.gridBefore
    const { placed, cover } = placeCells(rows, columns)
    const starts = new Map<LayoutCell, PlacedCell>(placed.map((p) => [p.cell, p]))
    const width = Math.floor(TEXT_WIDTH / columns)
    const caption = this.options.xmlEscapes ? `<w:tblCaption w:val="表${table} &amp; “说明” &quot;R&amp;D&quot; &lt;表&gt;"/>` : ''
    const tblPr = `<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>${caption}</w:tblPr>`
    const grid = `<w:tblGrid>${before ? `<w:gridCol w:w="${BEFORE_WIDTH}"/>` : ''}${`<w:gridCol w:w="${width}"/>`.repeat(columns)}</w:tblGrid>`
    const out: string[] = []
    rows.forEach((row, r) => {
      const inserted = this.options.trackedChanges && table === 2 && row[0]?.text === '行政强制'
      const cells: string[] = []
      for (let c = 0; c < columns;) {
        const cell = cover[r]?.[c]
        const start = cell === undefined ? undefined : starts.get(cell)
        if (cell === undefined || start === undefined) {
          cells.push(this.cell('<w:p/>', width, 1, undefined))
          c++
          continue
        }
        const colspan = Math.max(1, Math.min(cell.colspan ?? 1, columns - start.column))
        if (start.row === r) {
          const merge = cover[r + 1]?.[c] === cell ? 'restart' : undefined
          const xml = this.cell(this.content(cell, table, start, inserted), width, colspan, merge)
          const cellControl = this.options.contentControls && table === 4 && r === rows.length - 1 && start.column === 4
          cells.push(cellControl ? this.sdt(xml, '复议总计') : xml)
        } else {
          cells.push(this.cell('<w:p/>', width, colspan, 'continue'))
        }
        c = Math.max(c + 1, start.column + colspan)
      }
      const trPr = [
        before ? `<w:gridBefore w:val="1"/><w:wBefore w:w="${BEFORE_WIDTH}" w:type="dxa"/>` : '',
        inserted ? `<w:ins ${this.change()}/>` : ''
      ].join('')
      const tr = `<w:tr>${trPr === '' ? '' : `<w:trPr>${trPr}</w:trPr>`}${cells.join('')}</w:tr>`
      out.push(this.options.contentControls && table === 3 && r === 3 ? this.sdt(tr, '新收申请') : tr)
    })
    return `<w:tbl>${tblPr}${grid}${out.join('')}</w:tbl>`
  }

  private cell(content: string, width: number, colspan: number, merge: 'restart' | 'continue' | undefined): string {
    const span = colspan > 1 ? `<w:gridSpan w:val="${colspan}"/>` : ''
    const vMerge = merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : ''
    return `<w:tc><w:tcPr><w:tcW w:w="${width * colspan}" w:type="dxa"/>${span}${vMerge}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`
  }

  /** A cell's paragraphs, content controls included. */
  private content(cell: LayoutCell, table: number, start: PlacedCell, inserted: boolean): string {
    const { paragraphs, control } = cell.path === undefined ? this.label(cell.text, table, start) : this.value(cell)
    const segments = inserted
      ? paragraphs.map((p) => p.map((s): Segment => (s.kind === 'text' ? { kind: 'ins', text: s.text } : s)))
      : paragraphs
    const pPr = `<w:jc w:val="center"/>${inserted ? `<w:rPr><w:ins ${this.change()}/></w:rPr>` : ''}`
    if (control === 'block') return this.sdt(this.paragraph(segments[0] ?? [], pPr), '数值')
    return segments.map((p) => this.paragraph(p, pPr, control === 'run')).join('')
  }

  private label(text: string, table: number, start: PlacedCell): { paragraphs: Segment[][]; control: Control } {
    const { spacedLabels, xmlEscapes, trackedChanges, seed } = this.options
    const index = this.labelIndex++
    let lines = [text]
    if (spacedLabels && table !== 0) {
      if (TWO_PARAGRAPH_LABELS.has(text)) lines = twoParagraphs(text)
      else if (text === '自然人') lines = [spaced(text, 0)]
      else if (pick(index, seed, 2, 0)) lines = [spaced(text, this.spacedCount++ % 3)]
    }
    let paragraphs = lines.map((line): Segment[] => [{ kind: 'text', text: line }])
    if (xmlEscapes && table !== 0) paragraphs = paragraphs.map((p) => this.breaks(p, text, table, start))
    if (trackedChanges && table !== 0) {
      const last = paragraphs[paragraphs.length - 1] ?? []
      if (text === '（一）予以公开') last.push({ kind: 'del', text: '（含部分公开）' })
      else if (text === '规章' || pick(index, seed, 7, 3)) {
        const tail = last[last.length - 1]
        if (tail?.kind === 'text' && [...tail.text].length > 1) {
          const chars = [...tail.text]
          last.splice(
            last.length - 1,
            1,
            { kind: 'text', text: chars.slice(0, -1).join('') },
            { kind: 'ins', text: chars[chars.length - 1] as string }
          )
        }
      }
    }
    return { paragraphs, control: 'none' }
  }

  /** With `xmlEscapes`: a tab before table 二's row labels and after table 三's `（一）`, a line break inside table 四's outcomes. */
  private breaks(paragraph: Segment[], text: string, table: number, start: PlacedCell): Segment[] {
    const [first] = paragraph
    if (first?.kind !== 'text' || paragraph.length !== 1) return paragraph
    if (table === 2 && start.column === 0 && text !== '信息内容' && !text.startsWith('第二十条')) return [{ kind: 'tab' }, first]
    if (table === 3 && /^（[一二三四五六七]）./u.test(first.text)) {
      const at = first.text.indexOf('）') + 1
      return [{ kind: 'text', text: first.text.slice(0, at) }, { kind: 'tab' }, { kind: 'text', text: first.text.slice(at) }]
    }
    if (table === 4 && TABLE4_OUTCOME_LABELS.has(text) && [...first.text].length >= 4) {
      const chars = [...first.text]
      return [{ kind: 'text', text: chars.slice(0, 2).join('') }, { kind: 'br' }, { kind: 'text', text: chars.slice(2).join('') }]
    }
    return paragraph
  }

  private value(cell: LayoutCell): { paragraphs: Segment[][]; control: Control } {
    const { xmlEscapes, trackedChanges, contentControls, seed } = this.options
    const index = this.valueIndex++
    let text = typeof cell.value === 'number' ? printNumber(cell.value) : ''
    if (xmlEscapes && pick(index, seed, 3, 1)) text = ` ${text} `
    let segments: Segment[] = text === '' ? [] : [{ kind: 'text', text }]
    if (trackedChanges && pick(index, seed, 6, 2)) {
      segments = [{ kind: 'del', text: changed(text.trim()) }, ...(text === '' ? [] : [{ kind: 'ins', text } as const])]
    }
    const control: Control = contentControls && text !== '' && pick(index, seed, 5, 3) ? (index % 2 === 0 ? 'block' : 'run') : 'none'
    return { paragraphs: [segments], control }
  }

  /** A paragraph; `control` wraps its runs in a run-level content control. */
  private paragraph(segments: readonly Segment[], pPr: string, control = false): string {
    const runs = segments.map((segment) => this.segment(segment)).join('')
    const inner = control ? this.sdt(runs, '数值', true) : runs
    return `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${inner}</w:p>`
  }

  private segment(segment: Segment): string {
    if (segment.kind === 'tab') return '<w:r><w:tab/></w:r>'
    if (segment.kind === 'br') return '<w:r><w:br/></w:r>'
    const runs = this.runs(segment.text, segment.kind === 'del')
    if (segment.kind === 'text') return runs
    return `<w:${segment.kind} ${this.change()}>${runs}</w:${segment.kind}>`
  }

  /** Text as one run, or with `splitRuns` as several with proofing marks and bookmarks between. */
  private runs(text: string, deleted: boolean): string {
    if (text === '') return ''
    if (!this.options.splitRuns) return this.run(text, deleted, undefined)
    const parts: string[] = []
    let open: number | undefined
    pieces(text).forEach((piece, i) => {
      if (i > 0 && open === undefined) {
        open = this.id++
        parts.push(`<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="${open}" w:name="_Hlk${150000 + open}"/>`)
      } else if (i > 0 && open !== undefined) {
        parts.push(`<w:bookmarkEnd w:id="${open}"/><w:proofErr w:type="spellEnd"/>`)
        open = undefined
      }
      parts.push(this.run(piece, deleted, i))
    })
    if (open !== undefined) parts.push(`<w:bookmarkEnd w:id="${open}"/><w:proofErr w:type="spellEnd"/>`)
    return parts.join('')
  }

  private run(text: string, deleted: boolean, piece: number | undefined): string {
    const rsid = piece === undefined ? '' : ` w:rsidR="${RSIDS[piece % 3] ?? ''}" w:rsidRPr="${RSIDS[(piece + 1) % 3] ?? ''}"`
    const rPr =
      piece === undefined
        ? ''
        : piece % 2 === 0
          ? '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
          : '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:lang w:val="en-US"/></w:rPr>'
    const escapes = this.options.xmlEscapes ? HEAVY_ESCAPES : ESCAPES
    const escaped = text.replace(/[&<>"'“”1]/gu, (c) => escapes[c] ?? c)
    const preserve = this.options.xmlEscapes || /^\s|\s$/u.test(text) ? ' xml:space="preserve"' : ''
    const tag = deleted ? 'w:delText' : 'w:t'
    return `<w:r${rsid}>${rPr}<${tag}${preserve}>${escaped}</${tag}></w:r>`
  }

  /** The attributes of a tracked change. */
  private change(): string {
    const author = this.options.xmlEscapes ? '张三 & “李四”' : '张三'
    return `w:id="${this.id++}" w:author="${attribute(author)}" w:date="2024-01-15T09:30:00Z"`
  }

  /** A content control around `content` (a paragraph, a row or a cell; with `plain`, runs in a plain-text control). */
  private sdt(content: string, alias: string, plain = false): string {
    const id = this.id++
    const name = this.options.xmlEscapes ? `${alias} & “值”` : alias
    return `<w:sdt><w:sdtPr><w:alias w:val="${attribute(name)}"/><w:tag w:val="cell-${id}"/><w:id w:val="${-1000000 - id}"/>${plain ? '<w:text/>' : ''}</w:sdtPr><w:sdtEndPr/><w:sdtContent>${content}</w:sdtContent></w:sdt>`
  }
}
