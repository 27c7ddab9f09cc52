/**
 * A minimal PDF writer for tests: pages of text, lines and rectangles, with
 * optional `q`/`Q` + `cm` groups; text may be drawn invisible (render mode, fill alpha 0, white),
 * rectangles filled in a colour. Text is set in one Type0 font (Identity-H, a
 * CIDFontType2 descendant that is not embedded, CIDToGIDMap /Identity) whose codes
 * are the characters' UTF-16 code units, with a generated /ToUnicode CMap, so a
 * reader extracts the very strings written. Nothing is compressed; the xref table
 * is exact.
 */

/** An affine matrix `[a b c d e f]`, as the `cm` operator takes it. */
export type PdfMatrix = readonly [number, number, number, number, number, number]

/** One drawing operation of a page. Coordinates are PDF points, origin bottom left. */
export type PdfOp =
  | {
      op: 'text'
      /** BMP characters only (each is written as its 2-byte code). */
      text: string
      /** Baseline start. */
      x: number
      y: number
      /** Font size in points. */
      size: number
      /** Horizontal scaling in percent (`Tz`, default 100). */
      hScale?: number
      /** Extra space after each character, in points (`Tc`, default 0). */
      charSpacing?: number
      /**
       * Write the text matrix scaled by this factor and the font size divided by it
       * (`s 0 0 s x y Tm` and `/F1 size/s Tf`), as some producers do: same glyphs and
       * positions, but pdfjs reports the whitespace it inserts in unscaled units.
       */
      tmScale?: number
      /** How it is inked, when not filled black (text a reader does not see, or white on a coloured fill). */
      ink?: PdfInk
    }
  /** A stroked line (`m l S`). */
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number }
  /** A stroked rectangle (`re S`). */
  | { op: 'rect'; x: number; y: number; w: number; h: number; width: number }
  /** A filled rectangle (`re f`), as Word draws its table rules; in black, or in `rgb` (a shaded cell). */
  | { op: 'fill'; x: number; y: number; w: number; h: number; rgb?: Rgb }
  /** Operations drawn under `q matrix cm … Q`. */
  | { op: 'group'; matrix: PdfMatrix; ops: PdfOp[] }

/** A colour, each part 0–1 (`r g b rg`). */
export type Rgb = readonly [number, number, number]

/** How a text is inked, for text a reader does not see; each field alone or with the others. */
export interface PdfInk {
  /** Text render mode (`Tr`): 3 draws nothing, 7 only clips. */
  render?: number
  /** Fill colour (`rg`): white is the page's own. */
  rgb?: Rgb
  /** Fill alpha 0, through an ExtGState (`/GS0 gs`, `/ca 0`). */
  transparent?: boolean
}

/** A page: its size (default A4, 595 × 842 pt) and what is drawn on it. */
export interface PdfPage {
  width?: number
  height?: number
  ops: PdfOp[]
}

/** A character's advance in thousandths of an em, as the font's /W says: ASCII 500, anything else 1000. */
export function charWidth(char: string): number {
  const code = char.charCodeAt(0)
  return code >= 0x20 && code <= 0x7e ? 500 : 1000
}

/** The advance of a string in points at a font size, with optional `Tc` and `Tz` as a `text` op applies them. */
export function textWidth(text: string, size: number, charSpacing = 0, hScale = 100): number {
  let width = 0
  for (const char of text) width += (charWidth(char) / 1000) * size + charSpacing
  return (width * hScale) / 100
}

/** A number as a content stream prints it: at most three decimals, never an exponent. */
export function num(value: number): string {
  const text = value.toFixed(3).replace(/\.?0+$/u, '')
  return text === '-0' ? '0' : text
}

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, '0')

/** A text's 2-byte codes: its UTF-16 code units, refusing anything outside the BMP. */
function textCodes(text: string): number[] {
  return [...text].map((char) => {
    const code = char.charCodeAt(0)
    if (char.length !== 1 || (code >= 0xd800 && code <= 0xdfff)) throw new Error(`not a BMP character: ${char}`)
    return code
  })
}

/** The content stream of a list of operations. */
function content(ops: readonly PdfOp[], out: string[]): void {
  for (const op of ops) {
    switch (op.op) {
      case 'text': {
        const scale = op.tmScale ?? 1
        const codes = textCodes(op.text).map(hex4).join('')
        const ink = op.ink
        // Colour, alpha and render mode are graphics state: kept inside q … Q.
        if (ink !== undefined)
          out.push(`q${ink.rgb === undefined ? '' : ` ${ink.rgb.map(num).join(' ')} rg`}${ink.transparent === true ? ' /GS0 gs' : ''}`)
        // Tc and Tz are graphics state: set both every time so nothing leaks to the next text.
        out.push(
          `BT /F1 ${num(op.size / scale)} Tf ${num((op.charSpacing ?? 0) / scale)} Tc ${num(op.hScale ?? 100)} Tz${ink?.render === undefined ? '' : ` ${ink.render} Tr`}`,
          `${num(scale)} 0 0 ${num(scale)} ${num(op.x)} ${num(op.y)} Tm <${codes}> Tj ET`
        )
        if (ink !== undefined) out.push('Q')
        break
      }
      case 'line':
        out.push(`${num(op.width)} w ${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S`)
        break
      case 'rect':
        out.push(`${num(op.width)} w ${num(op.x)} ${num(op.y)} ${num(op.w)} ${num(op.h)} re S`)
        break
      case 'fill':
        if (op.rgb === undefined) out.push(`${num(op.x)} ${num(op.y)} ${num(op.w)} ${num(op.h)} re f`)
        else out.push(`q ${op.rgb.map(num).join(' ')} rg ${num(op.x)} ${num(op.y)} ${num(op.w)} ${num(op.h)} re f Q`)
        break
      case 'group':
        out.push(`q ${op.matrix.map(num).join(' ')} cm`)
        content(op.ops, out)
        out.push('Q')
        break
    }
  }
}

/** Every character code used by text operations. */
function usedCodes(ops: readonly PdfOp[], codes: Set<number>): void {
  for (const op of ops) {
    if (op.op === 'text') for (const code of textCodes(op.text)) codes.add(code)
    else if (op.op === 'group') usedCodes(op.ops, codes)
  }
}

/** Whether any text operation is drawn with a fill alpha of 0 (its page needs the ExtGState). */
function usesTransparency(ops: readonly PdfOp[]): boolean {
  return ops.some((op) => (op.op === 'text' && op.ink?.transparent === true) || (op.op === 'group' && usesTransparency(op.ops)))
}

/**
 * The /ToUnicode CMap: code = UTF-16 code unit, so one identity `bfrange` per
 * high byte in use (a range may only vary in its last byte).
 */
function toUnicodeCMap(codes: ReadonlySet<number>): string {
  const highs = [...new Set([...codes].map((code) => code >> 8))].sort((a, b) => a - b)
  const ranges = highs.map((high) => `<${hex4(high << 8)}> <${hex4((high << 8) | 0xff)}> <${hex4(high << 8)}>`)
  const blocks: string[] = []
  for (let i = 0; i < ranges.length; i += 100) {
    const block = ranges.slice(i, i + 100)
    blocks.push(`${block.length} beginbfrange\n${block.join('\n')}\nendbfrange`)
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end'
  ].join('\n')
}

/**
 * Write a PDF document.
 *
 * @param pages - Its pages, in order.
 * @returns The file's bytes.
 */
export function writePdf(pages: readonly PdfPage[]): Uint8Array {
  // Objects 1–6 are fixed; page i is object 7 + 2i, its content stream 8 + 2i.
  const objects: string[] = []
  const stream = (data: string): string => `<< /Length ${data.length} >>\nstream\n${data}\nendstream`
  const codes = new Set<number>()
  for (const page of pages) usedCodes(page.ops, codes)
  const pageRefs = pages.map((_, i) => `${7 + 2 * i} 0 R`)
  objects.push(
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
    // Not embedded (no /FontFile2): readers substitute a font and take the advances from /W. The
    // collection says Adobe-GB1, not Adobe-Identity, only because poppler logs a syntax error for a
    // non-embedded Identity font; text extraction goes through /ToUnicode either way.
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >>' +
      ' /FontDescriptor 5 0 R /CIDToGIDMap /Identity /DW 1000 /W [32 126 500] >>',
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0' +
      ' /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>',
    stream(toUnicodeCMap(codes))
  )
  for (const page of pages) {
    const out: string[] = []
    content(page.ops, out)
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width ?? 595)} ${num(page.height ?? 842)}]` +
        ` /Resources << /Font << /F1 3 0 R >>${usesTransparency(page.ops) ? ' /ExtGState << /GS0 << /Type /ExtGState /ca 0 >> >>' : ''} >>` +
        ` /Contents ${objects.length + 2} 0 R >>`,
      stream(out.join('\n'))
    )
  }
  // Every byte below is ASCII but the binary comment, so string lengths are byte offsets.
  let file = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(file.length)
    file += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = file.length
  file += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) file += `${String(offset).padStart(10, '0')} 00000 n \n`
  file += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Uint8Array.from(file, (char) => char.charCodeAt(0))
}
