/**
 * The Word adapter: a `.docx` file (a ZIP holding `word/document.xml`), read synchronously.
 *
 * The archive is opened by its central directory (`zip.ts`), `word/document.xml` and
 * `word/styles.xml` inflated by fflate within a budget that follows the file's size, and the XML read as
 * events with htmlparser2 in XML mode (see `reader.ts`). Both are loaded when the first Word file
 * arrives. Tables come out as grids with their spans, as the HTML adapter gives them; paragraphs
 * with a heading style as headings. Positions count in `word/document.xml` and name the paragraph
 * or the table cell.
 *
 * @module
 */

import type * as Fflate from 'fflate'
import type * as Htmlparser2 from 'htmlparser2'
import type { Adapter, SourceDocument } from '../../source/document.js'
import { decodedBudget, ResourceLimitError, type ReadLimits } from '../../source/limits.js'
import { LineIndex } from '../../source/position.js'
import { onFirstUse } from '../load.js'
import { DocxReader } from './reader.js'
import { headingStyles } from './styles.js'
import { inflateEntry, zipEntry } from './zip.js'

const fflate = onFirstUse((require) => require('fflate') as typeof Fflate)
const htmlparser2 = onFirstUse((require) => require('htmlparser2') as typeof Htmlparser2)

/** The part that holds the document's body. */
const BODY = 'word/document.xml'
/** The part that names its styles. */
const STYLES = 'word/styles.xml'
/** `maxInput` when the caller gives none: the parse's default (10 MiB). */
const DEFAULT_LIMIT = 10 * 1024 * 1024
/**
 * The deepest nesting of elements read. htmlparser2 keeps open elements in an array it grows at the
 * front, so each open tag costs the depth (20 000 nested tables took 2.7 s, 40 000 took 8.4 s). A
 * report's body nests about 20 deep, 4 more per table inside a table.
 */
export const MAX_XML_DEPTH = 1000

/**
 * The Word adapter. `detectBytes()` gives 1 to a ZIP archive holding `word/document.xml`, 0 to
 * anything else; `detect()` gives 1 to text that starts as a ZIP archive (a Word file decoded as
 * text, which `read()` then refuses: pass the file's bytes).
 */
export const docxAdapter: Adapter = {
  name: 'docx',
  detect: (input) => (input.startsWith('PK\u0003\u0004') ? 1 : 0),
  read: () => {
    throw new Error('a Word file is read from its bytes: pass the file as a Uint8Array (readFileSync(path), with no encoding)')
  },
  detectBytes: (bytes) => (isZip(bytes) && entries(bytes).has(BODY) ? 1 : 0),
  readBytes: readDocx
}

/** Whether the bytes start as a ZIP archive (a local file header). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** The names of an archive's files, from its central directory; none when it cannot be read. */
function entries(bytes: Uint8Array): Set<string> {
  const names = new Set<string>()
  try {
    fflate().unzipSync(bytes, {
      filter: (file) => {
        names.add(file.name)
        return false
      }
    })
  } catch {
    // Not an archive fflate reads: no entries.
  }
  return names
}

/**
 * Read a Word file into the neutral document.
 *
 * `word/document.xml` and `word/styles.xml` are inflated within one budget, counted as they
 * inflate (the sizes the archive declares are not trusted): `DECODED_PER_BYTE` (64) times the
 * file's size, at most `limits.maxInput`, since the XML is text the parser reads.
 *
 * @param bytes - The `.docx` file.
 * @param limits - The parse's limits (default: `maxInput` of 10 MiB).
 * @returns Its paragraphs and tables in order.
 * @throws `ResourceLimitError` when its parts inflate past their budget or its XML nests deeper
 *   than {@link MAX_XML_DEPTH} (the parse gives `resource_limit`); `Error` when the bytes are not
 *   a ZIP archive holding `word/document.xml` (the parse gives `not_a_report` with the message).
 */
export function readDocx(bytes: Uint8Array, _text?: () => string, limits: ReadLimits = { maxInput: DEFAULT_LIMIT }): SourceDocument {
  const entry = zipEntry(bytes, BODY)
  if (entry === undefined) throw new Error(`the file holds no ${BODY}: not a Word document`)
  let budget = decodedBudget(bytes.length, limits.maxInput)
  const body = inflateEntry(entry, budget, fflate(), BODY)
  budget -= body.length
  const stylesEntry = zipEntry(bytes, STYLES)
  const styles = stylesEntry === undefined ? undefined : inflateEntry(stylesEntry, budget, fflate(), STYLES)
  const decoder = new TextDecoder('utf-8')
  const headings = headingStyles(styles === undefined ? undefined : decoder.decode(styles), htmlparser2())
  const xml = decoder.decode(body)
  const depth = xmlDepth(xml, MAX_XML_DEPTH)
  if (depth > MAX_XML_DEPTH) throw new ResourceLimitError('nesting', MAX_XML_DEPTH, { part: BODY })
  const reader = new DocxReader(new LineIndex(xml), headings)
  new (htmlparser2().Parser)(reader, { xmlMode: true, decodeEntities: true }).end(xml)
  return { blocks: reader.blocks }
}

/**
 * How deep the elements of an XML text nest, counted up to just past `limit`, in one pass: start
 * tags deepen, end tags and `/>` return; declarations, comments, CDATA and processing
 * instructions do neither.
 */
function xmlDepth(xml: string, limit: number): number {
  let depth = 0
  let deepest = 0
  for (let at = xml.indexOf('<'); at >= 0 && deepest <= limit; at = xml.indexOf('<', at + 1)) {
    const next = xml.charCodeAt(at + 1)
    if (next === 0x2f)
      depth-- // </
    else if (next !== 0x3f && next !== 0x21) {
      // <name …> or <name …/>: a `>` in an attribute value is escaped in XML written by Word.
      const end = xml.indexOf('>', at)
      if (end < 0) break
      if (xml.charCodeAt(end - 1) !== 0x2f) deepest = Math.max(deepest, ++depth)
      at = end
    }
  }
  return deepest
}
