/**
 * Importing zfxxgk loads no heavy dependency: htmlparser2, unified/remark, fflate and pdfjs-dist are
 * loaded on first use by the adapter that needs them. Checked on the built package, in a fresh Node process.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const DIST = join(import.meta.dirname, '..', 'dist')
const HEAVY = /^(?:cheerio|unified|remark-[\w-]+|mdast-[\w-]+|micromark[\w-]*|parse5|htmlparser2|fflate|pdfjs-dist)(?:\/|$)/u

/** Every module specifier a built file imports statically, following its relative imports. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>()
  const specifiers = new Set<string>()
  const queue = [entry]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(file, 'utf8')
    for (const match of code.matchAll(/^(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]/gmu)) {
      const specifier = (match[1] ?? match[2]) as string
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier))
      else specifiers.add(specifier)
    }
  }
  return specifiers
}

/** Runs a script as an ES module in a fresh Node process and returns what it prints. */
const node = (script: string): string => execFileSync('node', ['--input-type=module', '-e', script], { cwd: DIST, encoding: 'utf8' })

describe('importing zfxxgk', () => {
  it('has a built package to check (npm test builds before vitest runs)', () => {
    expect(existsSync(join(DIST, 'index.js')), 'run `npm run build` first').toBe(true)
  })

  it.runIf(existsSync(join(DIST, 'index.js')))('imports no heavy dependency statically', () => {
    const imports = [...staticImports(join(DIST, 'index.js'))]
    expect(imports.filter((specifier) => HEAVY.test(specifier))).toEqual([])
    expect(
      imports.filter((specifier) => /^(?:node:)?module$/u.test(specifier)),
      'the scan sees the loader import'
    ).toHaveLength(1)
  })

  it.runIf(existsSync(join(DIST, 'index.js')))(
    'loads htmlparser2 only when an HTML input arrives, and remark only for Markdown',
    () => {
      const loaded = `Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules[\\\\/](htmlparser2|remark-parse|unified)[\\\\/]/.test(f)).map((f) => f.match(/node_modules[\\\\/]([^\\\\/]+)/)[1])`
      const script = `import { createRequire } from 'node:module'
const z = await import('./index.js')
const names = () => [...new Set(${loaded})].sort().join(',')
const atImport = names()
z.parseReport('纯文本')
const afterText = names()
z.parseReport('<table><tr><td>规章</td><td>1</td></tr></table>', { format: 'html' })
const afterHtml = names()
z.parseReport('# 标题\\n\\n| 规章 | 1 |\\n|---|---|\\n', { format: 'markdown' })
const afterMarkdown = names()
console.log(JSON.stringify({ atImport, afterText, afterHtml, afterMarkdown }))`
      expect(JSON.parse(node(script))).toEqual({
        atImport: '',
        afterText: '',
        afterHtml: 'htmlparser2',
        afterMarkdown: 'htmlparser2,remark-parse,unified'
      })
    },
    30_000
  )

  it.runIf(existsSync(join(DIST, 'index.js')))(
    'loads fflate only when a Word file arrives, and pdfjs-dist only when a PDF does',
    () => {
      const corpus = join(import.meta.dirname, '..', 'corpus')
      const docx = JSON.stringify(join(import.meta.dirname, 'fixtures', 'template-2021-format.docx'))
      const pdf = JSON.stringify(join(corpus, 'real-902-hongze-2024', 'input.pdf'))
      const loaded = `Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules[\\\\/](fflate|htmlparser2)[\\\\/]/.test(f)).map((f) => f.match(/node_modules[\\\\/]([^\\\\/]+)/)[1])`
      const script = `import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
const z = await import('./index.js')
// pdfjs-dist is an ES module: it announces itself as globalThis.pdfjsLib when loaded.
const names = () => [...new Set(${loaded}), ...('pdfjsLib' in globalThis ? ['pdfjs-dist'] : [])].sort().join(',')
const atImport = names()
z.parseReport(new Uint8Array(readFileSync(${pdf})))
const afterPdfSync = names()
z.parseReport(new Uint8Array(readFileSync(${docx})))
const afterDocx = names()
await z.parseReportAsync(new Uint8Array(readFileSync(${pdf})))
const afterPdf = names()
console.log(JSON.stringify({ atImport, afterPdfSync, afterDocx, afterPdf }))`
      expect(JSON.parse(node(script))).toEqual({
        atImport: '',
        afterPdfSync: '',
        afterDocx: 'fflate,htmlparser2',
        afterPdf: 'fflate,htmlparser2,pdfjs-dist'
      })
    },
    60_000
  )
})
