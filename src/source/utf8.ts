/**
 * The invalid sequences of bytes read as UTF-8: where each is, in the bytes and in the text a
 * `TextDecoder` gives (which puts one U+FFFD for each, as the WHATWG Encoding Standard says), and
 * how many valid multi-byte characters stand around them. One pass, no allocation but the
 * offsets asked for; run only on bytes that are not valid UTF-8.
 *
 * @module
 */

/** What a pass over the bytes found. */
export interface Utf8Scan {
  /** How many invalid sequences (each one U+FFFD in the decoded text). */
  invalid: number
  /** How many valid characters of two, three or four bytes. */
  multibyte: number
  /** Where each invalid sequence starts in the bytes, ascending (only when asked for). */
  bytes?: Int32Array
  /** Where the U+FFFD of each stands in the decoded text, in UTF-16 code units, ascending (only when asked for). */
  offsets?: Int32Array
}

/**
 * Scan bytes as UTF-8, the way the WHATWG UTF-8 decoder reads them: an invalid sequence is its
 * longest start that could still have begun a character (so `E4 B8` before an ASCII byte is one
 * sequence, and the ASCII byte is read again), and a byte that can begin none is one sequence.
 *
 * @param bytes - The bytes.
 * @param invalid - When given, the number of invalid sequences (from an earlier pass): their
 *   offsets are recorded too.
 */
export function scanUtf8(bytes: Uint8Array, invalid?: number): Utf8Scan {
  const starts = invalid === undefined ? undefined : new Int32Array(invalid)
  const offsets = invalid === undefined ? undefined : new Int32Array(invalid)
  let found = 0
  let multibyte = 0
  let text = 0
  let needed = 0
  let seen = 0
  let lower = 0x80
  let upper = 0xbf
  let start = 0
  const bad = (at: number): void => {
    if (starts !== undefined && offsets !== undefined && found < starts.length) {
      starts[found] = at
      offsets[found] = text
    }
    found++
    text++
  }
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number
    if (needed === 0) {
      if (byte <= 0x7f) text++
      else if (byte >= 0xc2 && byte <= 0xdf) needed = 1
      else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0
        else if (byte === 0xed) upper = 0x9f
        needed = 2
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90
        else if (byte === 0xf4) upper = 0x8f
        needed = 3
      } else bad(i)
      start = i
      continue
    }
    if (byte < lower || byte > upper) {
      // The sequence so far is one error; this byte is read again as the start of the next.
      needed = seen = 0
      lower = 0x80
      upper = 0xbf
      bad(start)
      i--
      continue
    }
    lower = 0x80
    upper = 0xbf
    if (++seen === needed) {
      text += needed === 3 ? 2 : 1
      multibyte++
      needed = seen = 0
    }
  }
  if (needed !== 0) bad(start)
  const scan: Utf8Scan = { invalid: found, multibyte }
  if (starts !== undefined && offsets !== undefined) {
    scan.bytes = starts
    scan.offsets = offsets
  }
  return scan
}
