/**
 * Properties of the command's small text tools, seeded and reproducible: `--exclude`'s matcher
 * agrees with a regular expression built from the same pattern, and `oneLine` gives one line with
 * no long run left, whatever the text.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { compileGlob, globMatches } from '../../src/cli/glob.js'
import { oneLine, QUOTED_LENGTH } from '../../src/cli/terminal.js'

/** Fixed seed: a failure names its seed and replays the same way. */
const settings = { seed: 20261208, numRuns: 500 }
/** Explicit per-property timeout: well under a second idle; 30 s still holds on a loaded 2-core machine, and catches a hang. */
const TIMEOUT = 30_000

/** Patterns and paths over a small alphabet, so that they meet often. */
const patterns = fc.array(fc.constantFrom('a', 'b', '/', '*', '**', '?', '**/'), { maxLength: 8 }).map((parts) => parts.join(''))
const paths = fc.array(fc.constantFrom('a', 'b', '/'), { maxLength: 10 }).map((parts) => parts.join(''))

/** The reference: the pattern as a regular expression (as the docs describe it), on the whole path or its last name. */
function reference(pattern: string, path: string): boolean {
  const text = pattern.replace(/\/+$/u, '').replace(/^\.\//u, '')
  let source = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '*') {
      let end = i
      while (text[end + 1] === '*') end++
      if (end > i && text[end + 1] === '/') ((source += '(?:.*/)?'), (end += 1))
      else source += end > i ? '.*' : '[^/]*'
      i = end
    } else if (text[i] === '?') source += '[^/]'
    else source += text[i] as string
  }
  const subject = text.includes('/') ? path : (path.split('/').at(-1) as string)
  return new RegExp(`^${source}$`, 'su').test(subject)
}

describe('--exclude patterns', () => {
  prop.prop([patterns, paths], settings)(
    'match as the regular expression of the same pattern does',
    (pattern, path) => {
      expect(globMatches(compileGlob(pattern), path)).toBe(reference(pattern, path))
    },
    TIMEOUT
  )
})

describe('oneLine', () => {
  const texts = fc
    .array(fc.oneof(fc.constantFrom('\n', '\r\n', '\t', ' ', '“', '”', '9', '字', '\u001b', '\u3000'), fc.string()), { maxLength: 200 })
    .map((parts) => parts.join(''))
  prop.prop([texts], settings)(
    'gives one line, no run longer than the limit (plus its …), and the text’s words where nothing was cut',
    (text) => {
      const line = oneLine(text)
      expect(line).not.toMatch(/[\n\r\t\u001b]/u)
      for (const run of line.split(/[ “”]/u))
        expect([...run.replace(/\\x[0-9A-F]{2}|\\u[0-9A-F]{4}/gu, '.')].length).toBeLessThanOrEqual(QUOTED_LENGTH + 1)
      if (!line.includes('…') && !/[“”]/u.test(text))
        expect(line.replace(/ /gu, '')).toBe(oneLine(text.replace(/[\t\n\v\f\r \u0085\u2028\u2029]/gu, '')))
    },
    TIMEOUT
  )
})
