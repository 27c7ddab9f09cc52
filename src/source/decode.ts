/**
 * Bytes to text: a BOM, then an HTML `<meta charset>` naming GBK or GB2312 (read as GB18030, their
 * superset), then UTF-8 when the bytes are valid UTF-8. Bytes that are not, and declare nothing
 * else, are read both ways, and the reading that holds more of the report is taken (see
 * {@link decodeReport}): one bad byte in a UTF-8 file no longer turns it all into GB18030.
 *
 * @module
 */

import { formatCharacters, replacementCount } from './evidence.js'
import { scanUtf8 } from './utf8.js'

/** An encoding a report's bytes are read in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

/** How much of the report one reading of bytes holds. */
export interface ReadingScore {
  /** Characters of the format's labels and headings in it (see `formatCharacters`). */
  characters: number
  /** Byte sequences it could not read (each a U+FFFD). */
  replaced: number
}

/** Bytes decoded, and how. */
export interface Decoding {
  /** The text. */
  text: string
  /** The encoding read. */
  encoding: Encoding
  /**
   * What chose it: a byte order mark; the page's `<meta charset>`; bytes that are valid UTF-8; or,
   * for bytes that are not and declare no GB charset, which reading holds more of the report.
   */
  by: 'bom' | 'declared' | 'valid' | 'evidence'
  /** The charset the page declares in its first 2 KiB, lower-cased, when it declares one. */
  declared?: string
  /** Where in `text` each U+FFFD put for bytes the encoding could not read stands, ascending. */
  replaced: Int32Array
  /**
   * In UTF-8: where in the bytes some of them start, by their indices into `replaced`. Absent in
   * GB18030, whose decoder says only where in the text it put a U+FFFD (fed the bytes piece by
   * piece to find out, Node's throws on some invalid sequences).
   */
  bytesOf?: (indices: readonly number[]) => number[]
  /** With `by: 'evidence'`, the two readings compared. */
  evidence?: { utf8: ReadingScore; gb18030: ReadingScore }
}

const GB_NAMES = new Set(['gbk', 'gb2312', 'gb18030', 'gb_2312-80', 'x-gbk', 'cp936', 'euc-cn'])
const NONE = new Int32Array(0)

/**
 * Decode a report's bytes (see {@link decodeReport}).
 *
 * @param bytes - The file as read.
 * @returns The text.
 */
export function decodeBytes(bytes: Uint8Array): string {
  return decodeReport(bytes).text
}

/**
 * Decode a report's bytes, and say how: which encoding, what chose it, and which bytes it could
 * not read.
 *
 * - A byte order mark (UTF-8, UTF-16) decides; a UTF-8 file with one still has its bad bytes replaced.
 * - A `<meta charset>` in the first 2 KiB naming a GB charset decides: GB18030.
 * - Bytes that are valid UTF-8 are UTF-8 (the common case: one decode, nothing more).
 * - Otherwise (a `<meta charset=utf-8>` included: bytes that are not UTF-8 do not fit it) the
 *   bytes are read both as UTF-8, each invalid sequence replaced by U+FFFD, and as GB18030; each
 *   reading scores the characters of the format's labels it holds less the sequences it could not
 *   read, and the higher score wins, UTF-8 on a tie. A UTF-8 report with a cut character keeps its
 *   hundreds of labels and loses one byte; a GBK report read as UTF-8 has none left.
 *
 * @param bytes - The file as read.
 */
export function decodeReport(bytes: Uint8Array): Decoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 3, 'bom')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return plain(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le', 'bom')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return plain(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be', 'bom')
  const declared = declaredCharset(bytes)
  if (declared !== undefined && GB_NAMES.has(declared)) return withDeclared(gb18030(bytes, 'declared'), declared)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return withDeclared(byEvidence(bytes), declared)
  }
  return withDeclared(plain(text, 'utf-8', 'valid'), declared)
}

function plain(text: string, encoding: Encoding, by: Decoding['by']): Decoding {
  return { text, encoding, by, replaced: NONE }
}

function withDeclared(decoding: Decoding, declared: string | undefined): Decoding {
  if (declared !== undefined) decoding.declared = declared
  return decoding
}

/**
 * UTF-8, each invalid sequence replaced; `skip` bytes (a BOM) before `bytes` in the file. `invalid`
 * and `decoded`: the count of invalid sequences and the text, when known.
 */
function utf8(bytes: Uint8Array, skip: number, by: Decoding['by'], invalid?: number, decoded?: string): Decoding {
  const text = decoded ?? new TextDecoder('utf-8').decode(bytes)
  const count = invalid ?? (text.includes('\ufffd') ? scanUtf8(bytes).invalid : 0)
  if (count === 0) return plain(text, 'utf-8', by)
  const scan = scanUtf8(bytes, count)
  const starts = scan.bytes as Int32Array
  return {
    text,
    encoding: 'utf-8',
    by,
    replaced: scan.offsets as Int32Array,
    bytesOf: (indices) => indices.map((i) => (starts[i] as number) + skip)
  }
}

/** GB18030, each sequence it cannot read replaced (found by a strict decode failing). */
function gb18030(bytes: Uint8Array, by: Decoding['by'], decoded?: string): Decoding {
  let text = decoded
  if (text === undefined) {
    try {
      return plain(new TextDecoder('gb18030', { fatal: true }).decode(bytes), 'gb18030', by)
    } catch {
      text = new TextDecoder('gb18030').decode(bytes)
    }
  }
  const replaced = new Int32Array(replacementCount(text))
  let n = 0
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) replaced[n++] = at
  return { text, encoding: 'gb18030', by, replaced }
}

/** Bytes that are not valid UTF-8 and declare no GB charset: the reading that holds more of the report. */
function byEvidence(bytes: Uint8Array): Decoding {
  const invalid = scanUtf8(bytes).invalid
  const asUtf8 = new TextDecoder('utf-8').decode(bytes)
  const asGb = new TextDecoder('gb18030').decode(bytes)
  const evidence = {
    utf8: { characters: formatCharacters(asUtf8), replaced: invalid },
    gb18030: { characters: formatCharacters(asGb), replaced: replacementCount(asGb) }
  }
  const score = ({ characters, replaced }: ReadingScore): number => characters - replaced
  const decoding =
    score(evidence.utf8) >= score(evidence.gb18030) ? utf8(bytes, 0, 'evidence', invalid, asUtf8) : gb18030(bytes, 'evidence', asGb)
  decoding.evidence = evidence
  return decoding
}

/** How far into the file a `<meta charset>` is looked for. */
const HEAD = 2048

/** The charset an HTML page declares in its first 2 KiB, lower-cased. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const end = Math.min(bytes.length, HEAD)
  const from = metaAt(bytes.subarray(0, end))
  if (from < 0) return undefined
  // The head from its first `<meta` on, one character a byte (as latin1): a TextDecoder for it
  // cost more than decoding a whole text report.
  let head = ''
  for (let i = from; i < end; i += 1024) head += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, Math.min(end, i + 1024))))
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head)
  return match?.[1]?.toLowerCase()
}

/** Where the first `<meta` (any case) of `head` starts, or -1. */
function metaAt(head: Uint8Array): number {
  for (let i = head.indexOf(0x3c); i >= 0 && i + 5 <= head.length; i = head.indexOf(0x3c, i + 1)) {
    if (
      ((head[i + 1] as number) | 0x20) === 0x6d &&
      ((head[i + 2] as number) | 0x20) === 0x65 &&
      ((head[i + 3] as number) | 0x20) === 0x74 &&
      ((head[i + 4] as number) | 0x20) === 0x61
    )
      return i
  }
  return -1
}
