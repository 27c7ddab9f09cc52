/**
 * Whether a glyph is seen, from the graphics state it is drawn in, as `ink.ts` walks a page:
 *
 * - render mode 3 (invisible) or 7 (clip only) draws nothing;
 * - a fill (or, for stroked text, a stroke) with alpha 0 (`/ca 0`), or transparent, draws nothing;
 * - white (or near-white) text is seen only where a coloured fill or an image was painted under it
 *   (the last such area painted before it that holds the glyph's middle): white is the page's
 *   background. Finding it is bounded per page ({@link BACKGROUND_BUDGET}); past the bound, white
 *   text is taken as invisible.
 *
 * And which pages need the walk at all ({@link mayHideText}).
 *
 * @module
 */

import type { Matrix } from './rules.js'

/** The operator codes of pdfjs the walk of a page's ink needs (`OPS` of pdfjs-dist, by the same names). */
export interface InkOps {
  save: number
  restore: number
  transform: number
  constructPath: number
  fill: number
  eoFill: number
  fillStroke: number
  eoFillStroke: number
  closeFillStroke: number
  closeEOFillStroke: number
  setGState: number
  beginText: number
  setCharSpacing: number
  setWordSpacing: number
  setHScale: number
  setLeading: number
  setFont: number
  setTextRenderingMode: number
  setTextRise: number
  moveText: number
  setLeadingMoveText: number
  setTextMatrix: number
  nextLine: number
  showText: number
  setFillRGBColor: number
  setStrokeRGBColor: number
  setFillTransparent: number
  setStrokeTransparent: number
  shadingFill: number
  paintFormXObjectBegin: number
  paintFormXObjectEnd: number
  paintImageXObject: number
  paintInlineImageXObject: number
  paintImageMaskXObject: number
  paintSolidColorImageMask: number
  beginAnnotation: number
  endAnnotation: number
}

/** A page's operator list as pdfjs gives it. */
export interface InkList {
  fnArray: ArrayLike<number>
  argsArray: ArrayLike<unknown>
}

/** Colours this close to white (each channel at least this, of 255) are the page's. */
const NEAR_WHITE = 0xf0
/** An alpha at most this is nothing. */
export const NO_ALPHA = 0.01
/**
 * Comparisons of a white glyph with the fills painted before it, per page. A page of 10 000 white
 * glyphs over 10 000 fills would take 10^8; past this budget white text is taken as invisible.
 */
export const BACKGROUND_BUDGET = 1_000_000
/** A filled area thinner than this (points) is a rule, never a background. */
export const THIN = 2.5

/** What of the graphics state says whether text is seen. */
export interface InkState {
  /** The current transform, user space to page space. */
  ctm: Matrix
  /** The fill colour as pdfjs gives it (`#rrggbb`), or `transparent`. */
  fill: string
  /** The stroke colour, likewise. */
  stroke: string
  /** The fill alpha (`/ca`), 0–1. */
  fillAlpha: number
  /** The stroke alpha (`/CA`), 0–1. */
  strokeAlpha: number
  /** The text render mode (`Tr`), 0–7. */
  mode: number
}

/**
 * Whether a colour as pdfjs gives it (`#rrggbb`) is white or near it (each channel at least 0xF0).
 *
 * @param colour - The colour.
 */
export function nearWhite(colour: string): boolean {
  if (colour.length !== 7 || colour[0] !== '#') return false
  for (let i = 1; i < 7; i += 2) if (Number.parseInt(colour.slice(i, i + 2), 16) < NEAR_WHITE) return false
  return true
}

/**
 * The entries of a `setGState`'s dictionary, as pdfjs gives them (`[[key, value], …]`).
 *
 * @param args - The operator's arguments.
 */
export function gStateEntries(args: ArrayLike<unknown> | null): Array<[string, unknown]> {
  const entries = args?.[0]
  if (!Array.isArray(entries)) return []
  return entries.filter((entry): entry is [string, unknown] => Array.isArray(entry) && typeof entry[0] === 'string')
}

/** An area painted under later text: its box in page space, and whether it is white (the page's own colour). */
export interface Painted {
  /** Its left edge, in page space. */
  left: number
  /** Its bottom edge. */
  bottom: number
  /** Its right edge. */
  right: number
  /** Its top edge. */
  top: number
  /** Whether it is painted white or near white. */
  white: boolean
}

/**
 * The box of a filled path (`re f`, a filled shape), with whether its colour is white; `undefined`
 * for a path not filled (or filled with nothing).
 *
 * @param args - The `constructPath` operator's arguments: the paint operator, the path, its bounds in user space.
 * @param state - The graphics state it is painted in.
 * @param fills - The paint operators that fill.
 */
export function filledBox(args: ArrayLike<unknown>, state: InkState, fills: ReadonlySet<number>): Painted | undefined {
  if (!fills.has(Number(args[0])) || state.fillAlpha <= NO_ALPHA || state.fill === 'transparent') return undefined
  const minMax = args[2] as ArrayLike<number> | null | undefined
  if (minMax === null || minMax === undefined || minMax.length < 4) return undefined
  return { ...boxOf([Number(minMax[0]), Number(minMax[1]), Number(minMax[2]), Number(minMax[3])], state.ctm), white: nearWhite(state.fill) }
}

/**
 * A box of user space in page space, as the box of its four corners.
 *
 * @param box - `[x0 y0 x1 y1]` in user space.
 * @param ctm - The current transform.
 */
export function boxOf(box: readonly [number, number, number, number], ctm: Matrix): Omit<Painted, 'white'> {
  const xs: number[] = []
  const ys: number[] = []
  for (const [u, v] of [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]]
  ] as const) {
    xs.push(ctm[0] * u + ctm[2] * v + ctm[4])
    ys.push(ctm[1] * u + ctm[3] * v + ctm[5])
  }
  return { left: Math.min(...xs), bottom: Math.min(...ys), right: Math.max(...xs), top: Math.max(...ys) }
}

/**
 * What hides a glyph, or `undefined` when it is seen: `render mode 3` (or 7), `fill alpha 0`,
 * `transparent fill` (or stroke), `white on white`.
 *
 * @param state - The graphics state it is drawn in.
 * @param matrix - Its text rendering matrix (page space).
 * @param painted - The areas painted before it, in order.
 * @param budget - Comparisons left to the page's white glyphs; spent here.
 */
export function hiddenBy(state: InkState, matrix: Matrix, painted: readonly Painted[], budget: { left: number }): string | undefined {
  const mode = state.mode
  // As a renderer reads it: the two low bits say fill (0), stroke (1), both (2) or neither (3).
  if ((mode & 3) === 3) return `render mode ${mode}`
  const fills = (mode & 3) !== 1
  const strokes = (mode & 3) !== 0
  const fillInk = fills && state.fillAlpha > NO_ALPHA && state.fill !== 'transparent'
  const strokeInk = strokes && state.strokeAlpha > NO_ALPHA && state.stroke !== 'transparent'
  if (!fillInk && !strokeInk) {
    const [alpha, what] = fills ? [state.fillAlpha, 'fill'] : [state.strokeAlpha, 'stroke']
    return alpha <= NO_ALPHA ? `${what} alpha 0` : `transparent ${what}`
  }
  if ((fillInk && !nearWhite(state.fill)) || (strokeInk && !nearWhite(state.stroke))) return undefined
  // White text: seen only where a coloured fill (or an image) lies under the glyph's middle.
  const size = Math.hypot(matrix[2], matrix[3])
  const mx = matrix[4] + size * 0.25
  const my = matrix[5] + size * 0.35
  for (let k = painted.length - 1; k >= 0 && budget.left > 0; k--, budget.left--) {
    const box = painted[k] as Painted
    if (mx >= box.left && mx <= box.right && my >= box.bottom && my <= box.top) return box.white ? 'white on white' : undefined
  }
  return 'white on white'
}

/**
 * Whether a page's operators may hide text: a render mode 3 or 7, an alpha of 0, a transparent or
 * near-white colour. A page without any draws all its text visibly, and is read from
 * `getTextContent()` as before.
 *
 * @param list - The page's operator list.
 * @param ops - pdfjs's `OPS`.
 */
export function mayHideText(list: InkList, ops: InkOps): boolean {
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    const args = list.argsArray[i] as ArrayLike<unknown> | null
    if (fn === ops.setTextRenderingMode && (Number(args?.[0]) & 3) === 3) return true
    if (fn === ops.setFillTransparent || fn === ops.setStrokeTransparent) return true
    if ((fn === ops.setFillRGBColor || fn === ops.setStrokeRGBColor) && typeof args?.[0] === 'string' && nearWhite(args[0])) return true
    if (fn === ops.setGState) {
      for (const [key, value] of gStateEntries(args)) if ((key === 'ca' || key === 'CA') && Number(value) <= NO_ALPHA) return true
    }
  }
  return false
}
