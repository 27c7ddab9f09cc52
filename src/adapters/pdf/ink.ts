/**
 * Which text of a PDF page is inked: the page's operator list walked as a renderer walks it
 * (graphics state through `q`/`Q`, `cm` and form XObjects; the text state and matrices, PDF
 * 32000-1 §9.3–9.4; colours, alphas, render mode), each glyph placed in page space and marked
 * seen or not (`visibility.ts`). pdfjs's `getTextContent()` gives every glyph a page draws,
 * invisible ones too (render mode 3 is how OCR layers and hidden watermarks are drawn), and no
 * colour; this says which a reader of the page would not see. Glyphs in annotations are left
 * out, as `getTextContent()` leaves them out.
 *
 * @module
 */

import { multiply, type Matrix } from './rules.js'
import {
  BACKGROUND_BUDGET,
  boxOf,
  filledBox,
  gStateEntries,
  hiddenBy,
  THIN,
  type InkList,
  type InkOps,
  type InkState,
  type Painted
} from './visibility.js'

export { mayHideText, type InkList, type InkOps } from './visibility.js'

/** What the walk needs of a font. */
export interface InkFont {
  /** Its loaded name (`g_d0_f1`). */
  name: string
  /** Its matrix's horizontal scale: glyph widths to text space (0.001 for all but Type 3 fonts). */
  scale: number
  /** Whether it writes top to bottom. */
  vertical: boolean
}

/** A glyph as drawn. */
export interface InkGlyph {
  /** Its text (the font's Unicode for it). */
  text: string
  /** `[a b c d e f]`: the font size and text matrices times the transform, at the glyph's origin. */
  matrix: [number, number, number, number, number, number]
  /** Its width in page space, along the baseline (character and word spacing after it not counted). */
  advance: number
  /** What hides it (`render mode 3`, `fill alpha 0`, `white on white`), or `undefined` when it is seen. */
  hidden: string | undefined
  /** Its font's name and size: pdfjs starts a new text item where either changes. */
  font: string
}

/** A glyph as pdfjs puts it in an operator list's `showText` (a number there is a kerning adjustment). */
interface PdfGlyph {
  /** Its text. */
  unicode?: string
  /** Its width in glyph units. */
  width?: number
  /** Whether it is the single-byte space, which word spacing widens. */
  isSpace?: boolean
  /** Vertical metrics `[w1y, vx, vy]`, for vertical fonts. */
  vmetric?: ArrayLike<number> | null
}

/** The graphics state the walk follows: what says whether text is seen, and the text state (`Tf`, `Tc`, `Tw`, `Tz`, `TL`, `Ts`). */
interface State extends InkState {
  font: InkFont
  size: number
  charSpacing: number
  wordSpacing: number
  /** `Tz` as a factor (1 for 100 %). */
  hScale: number
  /** The line step of `T*`, in text space (`-TL`). */
  leading: number
  rise: number
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]
const DEFAULT_FONT: InkFont = { name: '', scale: 0.001, vertical: false }

/** Six finite numbers as a matrix, or `undefined`. */
function matrixOf(value: unknown): Matrix | undefined {
  const m = value as ArrayLike<number> | null | undefined
  if (m === null || m === undefined || typeof m !== 'object' || m.length < 6) return undefined
  const out = [m[0], m[1], m[2], m[3], m[4], m[5]].map(Number)
  return out.every(Number.isFinite) ? (out as Matrix) : undefined
}

/**
 * Every glyph a page draws, in drawing order, placed in page space and marked visible or not.
 * Glyphs in annotations are left out, as `getTextContent()` leaves them out.
 *
 * @param list - The page's operator list.
 * @param ops - pdfjs's `OPS`.
 * @param fontOf - A font's matrix scale and writing direction, by its loaded name.
 */
export function inkedGlyphs(list: InkList, ops: InkOps, fontOf: (name: string) => InkFont | undefined): InkGlyph[] {
  const glyphs: InkGlyph[] = []
  const painted: Painted[] = []
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke])
  const budget = { left: BACKGROUND_BUDGET }
  let state: State = {
    ctm: IDENTITY,
    fill: '#000000',
    stroke: '#000000',
    fillAlpha: 1,
    strokeAlpha: 1,
    mode: 0,
    font: DEFAULT_FONT,
    size: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0
  }
  const saved: State[] = []
  let tm: Matrix = IDENTITY
  let x = 0
  let y = 0
  let lineX = 0
  let lineY = 0
  let annotation = 0
  const paint = (box: Painted | undefined): void => {
    if (box !== undefined && box.right - box.left >= THIN && box.top - box.bottom >= THIN) painted.push(box)
  }
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    const args = (list.argsArray[i] ?? []) as ArrayLike<unknown>
    const number = (k: number): number => {
      const value = Number(args[k])
      return Number.isFinite(value) ? value : 0
    }
    if (fn === ops.beginAnnotation) annotation++
    else if (fn === ops.endAnnotation) annotation = Math.max(0, annotation - 1)
    else if (fn === ops.save || fn === ops.paintFormXObjectBegin) {
      saved.push(state)
      state = { ...state }
      const m = fn === ops.paintFormXObjectBegin ? matrixOf(args[0]) : undefined
      if (m !== undefined) state.ctm = multiply(m, state.ctm)
    } else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) state = saved.pop() ?? state
    else if (fn === ops.transform) {
      const m = matrixOf(args)
      if (m !== undefined) state.ctm = multiply(m, state.ctm)
    } else if (fn === ops.setFillRGBColor) state.fill = String(args[0])
    else if (fn === ops.setStrokeRGBColor) state.stroke = String(args[0])
    else if (fn === ops.setFillTransparent) state.fill = 'transparent'
    else if (fn === ops.setStrokeTransparent) state.stroke = 'transparent'
    else if (fn === ops.setGState) {
      for (const [key, value] of gStateEntries(args)) {
        const alpha = Number(value)
        if (key === 'ca' && Number.isFinite(alpha)) state.fillAlpha = alpha
        else if (key === 'CA' && Number.isFinite(alpha)) state.strokeAlpha = alpha
        else if (key === 'Font' && Array.isArray(value)) {
          state.font = fontOf(String(value[0])) ?? DEFAULT_FONT
          state.size = Math.abs(Number(value[1])) || 0
        }
      }
    } else if (fn === ops.setTextRenderingMode) state.mode = number(0)
    else if (fn === ops.setFont) {
      state.font = fontOf(String(args[0])) ?? DEFAULT_FONT
      state.size = Math.abs(number(1))
    } else if (fn === ops.setCharSpacing) state.charSpacing = number(0)
    else if (fn === ops.setWordSpacing) state.wordSpacing = number(0)
    else if (fn === ops.setHScale) state.hScale = number(0) / 100
    else if (fn === ops.setLeading) state.leading = -number(0)
    else if (fn === ops.setTextRise) state.rise = number(0)
    else if (fn === ops.beginText) {
      tm = IDENTITY
      x = lineX = y = lineY = 0
    } else if (fn === ops.setTextMatrix) {
      tm = matrixOf(args[0]) ?? tm
      x = lineX = y = lineY = 0
    } else if (fn === ops.moveText || fn === ops.setLeadingMoveText || fn === ops.nextLine) {
      if (fn === ops.setLeadingMoveText) state.leading = number(1)
      const [dx, dy] = fn === ops.nextLine ? [0, state.leading] : [number(0), number(1)]
      x = lineX += dx
      y = lineY += dy
    } else if (fn === ops.constructPath) paint(filledBox(args, state, fills))
    else if (fn === ops.shadingFill) paint({ left: -Infinity, bottom: -Infinity, right: Infinity, top: Infinity, white: false })
    else if (
      fn === ops.paintImageXObject ||
      fn === ops.paintInlineImageXObject ||
      fn === ops.paintImageMaskXObject ||
      fn === ops.paintSolidColorImageMask
    )
      paint({ ...boxOf([0, 0, 1, 1], state.ctm), white: false })
    else if (fn === ops.showText && annotation === 0) {
      const base = multiply(tm, state.ctm)
      const moved = showText(args[0], state, base, { x, y }, (glyph) => {
        glyph.hidden = hiddenBy(state, glyph.matrix, painted, budget)
        glyphs.push(glyph)
      })
      x = moved.x
      y = moved.y
    }
  }
  return glyphs
}

/**
 * The glyphs of one `showText`, each given to `emit` with its rendering matrix and advance, as a
 * renderer places them (PDF 32000-1 §9.4.4: `Tc`, `Tw` on a space, `Tz`, `Ts`, kerning numbers);
 * returns where the text position is after them.
 */
function showText(
  value: unknown,
  state: State,
  base: Matrix,
  at: { x: number; y: number },
  emit: (glyph: InkGlyph) => void
): { x: number; y: number } {
  const glyphs = Array.isArray(value) ? (value as unknown[]) : []
  const size = state.size
  if (size === 0) return at
  const { vertical, scale } = state.font
  const hScale = state.hScale
  let advance = 0
  for (const item of glyphs) {
    if (typeof item === 'number') {
      advance += ((vertical ? 1 : -1) * item * size) / 1000
      continue
    }
    if (item === null || typeof item !== 'object') continue
    const glyph = item as PdfGlyph
    const spacing = (glyph.isSpace === true ? state.wordSpacing : 0) + state.charSpacing
    const units = vertical && glyph.vmetric != null && glyph.vmetric.length > 0 ? -Number(glyph.vmetric[0]) : Number(glyph.width ?? 0)
    const width = (Number.isFinite(units) ? units : 0) * scale * size
    const step = vertical ? width - spacing : width + spacing
    const origin = vertical ? { x: at.x, y: at.y - advance } : { x: at.x + advance * hScale, y: at.y + state.rise }
    const matrix = multiply([size * hScale, 0, 0, size, origin.x, origin.y], base)
    const along = vertical ? Math.hypot(base[2], base[3]) : Math.hypot(base[0], base[1]) * hScale
    // Its advance as an item's extent: the glyph's width; character and word spacing are a gap after it.
    emit({ text: glyph.unicode ?? '', matrix, advance: Math.abs(width) * along, hidden: undefined, font: `${state.font.name} ${size}` })
    advance += step
  }
  return vertical ? { x: at.x, y: at.y - advance } : { x: at.x + advance * hScale, y: at.y }
}
