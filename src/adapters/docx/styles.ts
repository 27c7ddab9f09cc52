/**
 * Which paragraph styles of a Word file are headings: read from `word/styles.xml`, since a style's
 * id is the file's own (`2` may be “Normal (Web)”, `1` “heading 1”); its name and outline level say.
 *
 * @module
 */

import type * as Htmlparser2 from 'htmlparser2'

/** A style name of a heading: Word's built-in `heading 1` … `heading 6`, or a Chinese `标题 1`. */
const HEADING_NAME = /^(?:heading|标题)\s*([1-6])$/iu

/**
 * The heading depth (1–6) of each paragraph style that is a heading, by style id.
 *
 * @param xml - `word/styles.xml`, or `undefined` when the file has none.
 * @param htmlparser2 - The XML parser.
 */
export function headingStyles(xml: string | undefined, htmlparser2: typeof Htmlparser2): Map<string, number> {
  const depths = new Map<string, number>()
  if (xml === undefined) return depths
  let id: string | undefined
  const set = (depth: number): void => {
    if (id !== undefined && !depths.has(id)) depths.set(id, depth)
  }
  const parser = new htmlparser2.Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:style') id = attributes['w:type'] === 'paragraph' ? attributes['w:styleId'] : undefined
        else if (name === 'w:name') {
          const match = HEADING_NAME.exec(attributes['w:val'] ?? '')
          if (match !== null) set(Number(match[1]))
        } else if (name === 'w:outlineLvl') {
          const level = Number(attributes['w:val'])
          if (Number.isInteger(level) && level >= 0 && level < 6) set(level + 1)
        }
      },
      onclosetag(name) {
        if (name === 'w:style') id = undefined
      }
    },
    { xmlMode: true }
  )
  parser.end(xml)
  return depths
}
