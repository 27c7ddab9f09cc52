/**
 * Inputs that are no report for a reason that can be named: an old binary Word file, an Excel
 * workbook, a file's path passed where its contents belong. Looked at only once no reader found a
 * report, so that a custom adapter for such a format still reads it.
 *
 * @module
 */

/** Why an input holds no report, when it can be told from the input itself. */
export type NotAReportCause = 'wordBinary' | 'excelBinary' | 'excel' | 'noTextLayer' | 'path'

/** The signature of an OLE2 compound file (old .doc, .xls, .ppt). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** A string that is a file's name or path, not a document: one line ending in a document's extension. */
const PATH = /^[^\n\r]{0,260}\.(?:txt|md|markdown|s?html?|xhtml|pdf|docx?|json|csv|xlsx?|wps|et)$/iu

/** Where `pattern` first stands in `bytes`, or -1 (patterns here are short and rare: a plain scan). */
function find(bytes: Uint8Array, pattern: readonly number[], from = 0): number {
  const first = pattern[0] as number
  for (let i = bytes.indexOf(first, from); i >= 0 && i + pattern.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++
    if (j === pattern.length) return i
  }
  return -1
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0))
const utf16 = (text: string): number[] => Array.from(text, (char) => [char.charCodeAt(0), 0]).flat()

/**
 * Why an input that no reader could read holds no report, when the input itself says it.
 *
 * @param input - The input as given.
 */
export function causeOf(input: string | Uint8Array): NotAReportCause | undefined {
  if (typeof input === 'string') return PATH.test(input.trim()) ? 'path' : undefined
  if (OLE2.every((byte, i) => input[i] === byte)) {
    // The streams of a compound file are named in UTF-16 in its directory.
    if (find(input, utf16('WordDocument')) >= 0) return 'wordBinary'
    if (find(input, utf16('Workbook')) >= 0 || find(input, utf16('Book')) >= 0) return 'excelBinary'
    return undefined
  }
  if (input[0] === 0x50 && input[1] === 0x4b && find(input, ascii('xl/workbook.xml')) >= 0) return 'excel'
  return undefined
}
