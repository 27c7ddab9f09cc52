/**
 * Bytes to text: BOM, then an HTML `<meta charset>`, then UTF-8, falling back
 * to GB18030 (a superset of GBK and GB2312) when the bytes are not valid UTF-8.
 *
 * @module
 */

const GB_NAMES = new Set(['gbk', 'gb2312', 'gb18030', 'gb_2312-80', 'x-gbk', 'cp936', 'euc-cn'])

/**
 * Decode a report's bytes.
 *
 * @param bytes - The file as read.
 * @returns The text.
 */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  const declared = declaredCharset(bytes)
  if (declared !== undefined && GB_NAMES.has(declared)) return new TextDecoder('gb18030').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
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
