/**
 * Glyphs as text items: the page's inked glyphs (see `ink.ts`) joined into items as pdfjs joins
 * them for `getTextContent()` (glyphs of one font and size on one baseline, each starting where
 * the last ended; a gap of a tenth of an em to 0.6 em, or a space glyph, is a space; a wider gap or
 * a step back starts a new item), the visible ones apart from the hidden ones. Used for a page that hides text, in
 * place of its text content, so that a hidden glyph is never read, not even inside a word.
 *
 * @module
 */

import type { InkGlyph } from './ink.js'
import type { HiddenItem, TextItem } from './page.js'

/** A gap (in ems) below which the next glyph goes on the item with no space, and up to which it goes on with one. */
const NO_SPACE = 0.102
const SPACE = 0.6
/** A glyph starting this far (in ems) back over the item's end still goes on it. */
const BACK = 0.2
/** Sizes and baselines this close (in ems) are the same. */
const SAME = 0.01

/** The item being joined: the glyphs' end, size and baseline, and what hides them. */
interface Open {
  item: TextItem | HiddenItem
  end: number
  size: number
  y: number
  hidden: string | undefined
  font: string
}

/**
 * The text items of a page's glyphs: those a reader sees, and those hidden, each with what hides it.
 *
 * @param glyphs - The page's glyphs in drawing order.
 */
export function glyphItems(glyphs: readonly InkGlyph[]): { items: TextItem[]; hidden: HiddenItem[] } {
  const items: TextItem[] = []
  const hidden: HiddenItem[] = []
  let open: Open | undefined
  let space = false
  for (const glyph of glyphs) {
    const m = glyph.matrix
    const size = Math.hypot(m[2], m[3]) || 1
    if (glyph.text.trim() === '') {
      space = true
      continue
    }
    const upright = Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6 && m[0] > 0 && m[3] > 0
    if (
      open !== undefined &&
      upright &&
      open.hidden === glyph.hidden &&
      open.font === glyph.font &&
      Math.abs(size - open.size) <= SAME * size &&
      Math.abs(m[5] - open.y) <= SAME * size
    ) {
      const gap = m[4] - open.end
      if (gap >= -BACK * size && gap <= SPACE * size) {
        if (space || gap > NO_SPACE * size) open.item.str += ' '
        open.item.str += glyph.text
        open.end = Math.max(open.end, m[4] + glyph.advance)
        open.item.width = open.end - (open.item.transform[4] ?? 0)
        space = false
        continue
      }
    }
    space = false
    const item: TextItem = { str: glyph.text, transform: m, width: glyph.advance, height: size }
    if (glyph.hidden === undefined) items.push(item)
    else hidden.push(Object.assign(item, { by: glyph.hidden }))
    // Only upright text is joined: a rotated or vertical glyph is an item of its own.
    open = upright ? { item, end: m[4] + glyph.advance, size, y: m[5], hidden: glyph.hidden, font: glyph.font } : undefined
  }
  return { items, hidden }
}
