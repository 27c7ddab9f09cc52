/**
 * A page's `<title>`: the first one outside SVG and MathML (whose `<title>` is an image's), its
 * text with white space collapsed. It becomes the document's `documentTitle`, evidence of the
 * report's organisation and year, never a paragraph of the body.
 *
 * @module
 */

import type { SourceTitle } from '../../source/document.js'
import type { LineIndex } from '../../source/position.js'

/** A `<title>` longer than this is no page's title: the rest is not kept. */
const MAX_TITLE = 1000

/** Follows the parser's events for the page's `<title>`. */
export class TitleReader {
  /** Open `<svg>` and `<math>` elements. */
  private foreign = 0
  /** Whether the page's title is being read, and whether it was. */
  private state: 'before' | 'reading' | 'done' = 'before'
  private text = ''
  private start: number | undefined

  /**
   * An element opened.
   *
   * @param name - Its name, lower-cased.
   */
  open(name: string): void {
    if (name === 'svg' || name === 'math') this.foreign++
    else if (name === 'title' && this.foreign === 0 && this.state === 'before') this.state = 'reading'
  }

  /**
   * An element closed.
   *
   * @param name - Its name, lower-cased.
   */
  close(name: string): void {
    if ((name === 'svg' || name === 'math') && this.foreign > 0) this.foreign--
    else if (name === 'title' && this.state === 'reading') this.state = 'done'
  }

  /**
   * Text, entities decoded.
   *
   * @param data - The text.
   * @param offset - Where it starts in the input.
   */
  read(data: string, offset: number): void {
    if (this.state !== 'reading' || this.text.length > MAX_TITLE) return
    this.start ??= offset
    this.text += data.slice(0, MAX_TITLE + 1 - this.text.length)
  }

  /**
   * The page's title, if it has one with text.
   *
   * @param index - Line index of the input, for its position.
   */
  title(index: LineIndex): SourceTitle | undefined {
    const text = this.text.replace(/\s+/gu, ' ').trim()
    if (text === '' || this.start === undefined) return undefined
    // The title's first visible character: the text event starts at the white space before it.
    const lead = this.text.length - this.text.trimStart().length
    return { text, position: index.at(this.start + lead) }
  }
}
