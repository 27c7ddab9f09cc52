/**
 * Hidden and deleted runs inserted into the value cells of a generated report, as reusable
 * arbitraries (issue 23), in every layout that can express them: HTML cells in several HTML
 * layouts (a plain table, Word's "save as web page", a CMS editor's, a page with the report in a
 * layout table), Markdown (GFM strikethrough and inline HTML in its tables, a raw HTML table), and
 * PDF (text drawn with render mode 3 or 7, a fill alpha of 0, or white). What a reader of the page
 * sees is the report as generated: each generator gives the text (or file) and that report.
 */
import { fc } from '@fast-check/vitest'
import { formatReport, type Report } from '../src/index.js'
import { validReport } from './arbitraries.js'
import { pdfLayoutOptions, reportPages, writePdf, type PdfOp } from './writers/pdf.js'
import type { PdfInk } from './writers/pdf-raw.js'

/** How HTML hides a run (also inline HTML in Markdown), by name. */
export const HTML_HIDERS: Readonly<Record<string, (run: string) => string>> = {
  'display:none': (run) => `<span style="display:none">${run}</span>`,
  "Word's hidden text": (run) => `<span style='display:none;mso-hide:all'>${run}</span>`,
  'mso-hide:all': (run) => `<span style='mso-hide:all'>${run}</span>`,
  'visibility:hidden': (run) => `<font style="VISIBILITY: hidden">${run}</font>`,
  'visibility:collapse': (run) => `<span style="color:red; visibility : collapse !important">${run}</span>`,
  'hidden attribute': (run) => `<span hidden>${run}</span>`,
  '<del>': (run) => `<del cite="mailto:审核人">${run}</del>`,
  '<s>': (run) => `<s>${run}</s>`,
  '<strike>': (run) => `<strike>${run}</strike>`,
  'hidden with markup inside': (run) => `<span style="display:none"><b>${run}</b><i></i><br></span>`
}

/** How Markdown hides a run in a GFM table: strikethrough, and the inline HTML of {@link HTML_HIDERS}. */
export const MARKDOWN_HIDERS: Readonly<Record<string, (run: string) => string>> = {
  '~~': (run) => `~~${run}~~`,
  ...HTML_HIDERS
}

/** What a hidden run holds: digits (an old figure), a signed or decimal figure, or no digit at all. */
export const hiddenRun: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 9999 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('-3', '+12', '0.5', '１２', '（注1）', '件', '约', '/') }
)

/** One insertion: which value cell (by order, modulo their count), where in its text (modulo its length + 1; `-1`: the run replaces it), what and how. */
export interface Insertion {
  cell: number
  at: number
  run: string
  hider: string
}

const insertion = (hiders: Readonly<Record<string, unknown>>): fc.Arbitrary<Insertion> =>
  fc.record({
    cell: fc.nat(),
    at: fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant(-1) }),
    run: hiddenRun,
    hider: fc.constantFrom(...Object.keys(hiders))
  })

/**
 * Each value cell's text with the insertions that fall on it, in order. A run goes between two
 * characters of what is seen (never inside the markup of a run before it), or, `at` -1, in place
 * of all that is seen when it holds a digit (a cell whose only digits are hidden, which the parser
 * must name; a blank cell is another matter).
 */
function editValues(
  values: readonly string[],
  insertions: readonly Insertion[],
  hiders: Readonly<Record<string, (run: string) => string>>
): string[] {
  const cells = values.map((value) => [...value].map((text) => ({ text, seen: true })))
  for (const step of insertions) {
    const parts = cells[step.cell % cells.length] as { text: string; seen: boolean }[]
    const hidden = { text: (hiders[step.hider] as (run: string) => string)(step.run), seen: false }
    if (step.at < 0 && holdsDigit(step.run)) {
      parts.splice(0, parts.length, ...parts.filter((part) => !part.seen), hidden)
      continue
    }
    const seen = parts.filter((part) => part.seen).length
    let k = Math.max(0, step.at) % (seen + 1)
    let i = 0
    while (k > 0 && i < parts.length) if ((parts[i++] as { seen: boolean }).seen) k--
    parts.splice(i, 0, hidden)
  }
  return cells.map((parts) => parts.map((part) => part.text).join(''))
}

/** Whether a cell's hidden text holds a digit, once inserted: the parser must then name it. */
export const holdsDigit = (run: string): boolean => /[0-9０-９]/u.test(run)

/** The HTML layouts a report's tables come in. */
export const HTML_LAYOUTS = ['plain', 'word', 'cms', 'layout page'] as const
/** An HTML layout. */
export type HtmlLayout = (typeof HTML_LAYOUTS)[number]

const VALUE_CELL = /<td([^>]*) data-path="([^"]+)">([^<]*)<\/td>/gu

/** A report as HTML in a layout, its value cells (`data-path`) edited; with the paths of the cells edited. */
function htmlOf(report: Report, layout: HtmlLayout, insertions: readonly Insertion[]): { text: string; paths: Map<string, boolean> } {
  const html = formatReport(report, { format: 'html' })
  const cells = [...html.matchAll(VALUE_CELL)]
  const values = editValues(
    cells.map((match) => match[3] as string),
    insertions,
    HTML_HIDERS
  )
  const paths = new Map<string, boolean>()
  for (const step of insertions) {
    const path = cells[step.cell % cells.length]?.[2] as string
    paths.set(path, (paths.get(path) ?? false) || holdsDigit(step.run))
  }
  let k = 0
  const wrap: Record<HtmlLayout, (text: string) => string> = {
    plain: (text) => text,
    word: (text) =>
      `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt;font-family:仿宋_GB2312'>${text}<o:p></o:p></span></p>`,
    cms: (text) => `<p style="text-align: center;"><span style="font-size: 14px; font-family: 宋体, SimSun;">${text}</span></p>`,
    'layout page': (text) => text
  }
  const body = html.replace(VALUE_CELL, (_, attributes: string) => `<td${attributes}>${wrap[layout](values[k++] as string)}</td>`)
  const text =
    layout === 'layout page'
      ? `<!DOCTYPE html><html><head><title>报告</title><style>.hide{display:none}</style></head><body><div class="nav"><a href="/">首页</a></div>` +
        `<table class="layout"><tr><td class="left-menu"><ul><li>年报</li></ul></td><td><div class="article">${body}</div></td></tr></table>` +
        `<div class="footer">版权所有</div></body></html>`
      : body
  return { text, paths }
}

/** A valid report as HTML with hidden or deleted runs in its value cells: the text, the report, the layout, and the cells given hidden digits. */
export const htmlWithHiddenRuns: fc.Arbitrary<{ text: string; report: Report; layout: HtmlLayout; named: string[] }> = fc
  .record({
    report: validReport(),
    layout: fc.constantFrom(...HTML_LAYOUTS),
    insertions: fc.array(insertion(HTML_HIDERS), { minLength: 1, maxLength: 20 })
  })
  .map(({ report, layout, insertions }) => {
    const { text, paths } = htmlOf(report, layout, insertions)
    return { text, report, layout, named: [...paths].filter(([, digit]) => digit).map(([path]) => path) }
  })

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/u

/** A report as Markdown: GFM tables whose value cells are edited, or table 四 as a raw HTML table edited. */
function markdownOf(report: Report, raw: boolean, insertions: readonly Insertion[]): string {
  const markdown = formatReport(report, { format: 'markdown' })
  if (raw) {
    const { text } = htmlOf(report, 'plain', insertions)
    const table = text.slice(text.lastIndexOf('<table'), text.lastIndexOf('</table>') + '</table>'.length)
    const start = markdown.indexOf('## 四、')
    const end = markdown.indexOf('## 五、')
    return `${markdown.slice(0, start)}## 四、政府信息公开行政复议、行政诉讼情况\n\n${table}\n\n${markdown.slice(end)}`
  }
  const lines = markdown.split('\n')
  const at: [number, number][] = []
  const cells = lines.map((line, i) => {
    if (!line.startsWith('|') || /^\|[\s|:-]+\|$/u.test(line)) return undefined
    const parts = line.slice(1, -1).split('|')
    parts.forEach((part, j) => {
      if (NUMBER.test(part.trim())) at.push([i, j])
    })
    return parts
  })
  const values = editValues(
    at.map(([i, j]) => (cells[i]?.[j] as string).trim()),
    insertions,
    MARKDOWN_HIDERS
  )
  at.forEach(([i, j], k) => {
    const parts = cells[i] as string[]
    parts[j] = ` ${values[k] as string} `
  })
  return lines.map((line, i) => (cells[i] === undefined ? line : `|${(cells[i] as string[]).join('|')}|`)).join('\n')
}

/** A valid report as Markdown with hidden runs in its tables' value cells (GFM, or a raw HTML table 四): the text and the report. */
export const markdownWithHiddenRuns: fc.Arbitrary<{ text: string; report: Report; raw: boolean }> = fc
  .record({
    report: validReport(),
    raw: fc.boolean(),
    insertions: fc.array(insertion(MARKDOWN_HIDERS), { minLength: 1, maxLength: 20 })
  })
  .map(({ report, raw, insertions }) => ({
    text: markdownOf(report, raw, raw ? insertions.filter((step) => step.hider !== '~~') : insertions),
    report,
    raw
  }))

/** How a PDF draws a run a reader does not see, by name. */
export const PDF_INKS: Readonly<Record<string, PdfInk>> = {
  'render mode 3': { render: 3 },
  'render mode 7': { render: 7 },
  'fill alpha 0': { transparent: true },
  white: { rgb: [1, 1, 1] }
}

/** Where a PDF's hidden run stands: over the value's first characters, over its rest (where `at` cuts it), or alone in the cell. */
export interface PdfInsertion {
  cell: number
  at: number
  run: string
  ink: string
}

/** Each value's text op given the hidden runs that fall on it (drawn over it; or, `at` -1 and holding a digit, in its place). */
function withPdfRuns(ops: readonly PdfOp[], insertions: readonly PdfInsertion[]): PdfOp[] {
  const found: { op: PdfOp & { op: 'text' }; path: number[] }[] = []
  const walk = (list: readonly PdfOp[], path: number[]): void =>
    list.forEach((op, i) => {
      if (op.op === 'text' && NUMBER.test(op.text)) found.push({ op, path: [...path, i] })
      else if (op.op === 'group') walk(op.ops, [...path, i])
    })
  walk(ops, [])
  if (found.length === 0) return [...ops]
  const extra = new Map<PdfOp, PdfOp[]>()
  const replaced = new Set<PdfOp>()
  for (const step of insertions) {
    const { op } = found[step.cell % found.length] as (typeof found)[number]
    const ink = PDF_INKS[step.ink] as PdfInk
    const list = extra.get(op) ?? []
    if (step.at < 0 && holdsDigit(step.run)) {
      replaced.add(op)
      list.push({ ...op, text: step.run, ink })
    } else {
      // Over the value, from one of its characters: what is seen stays the value.
      const k = Math.max(0, step.at) % op.text.length
      list.push({ ...op, text: step.run, x: op.x + (k * op.size) / 2, ink })
    }
    extra.set(op, list)
  }
  const rebuild = (list: readonly PdfOp[]): PdfOp[] =>
    list.flatMap((op) => {
      if (op.op === 'group') return [{ ...op, ops: rebuild(op.ops) }]
      const more = extra.get(op) ?? []
      return replaced.has(op) ? more : [op, ...more]
    })
  return rebuild(ops)
}

/** A valid report as a PDF (in any of the writer's layouts) with hidden runs drawn in its value cells: the file and the report. */
export const pdfWithHiddenRuns: fc.Arbitrary<{ bytes: Uint8Array; report: Report }> = fc
  .record({
    report: validReport(),
    options: pdfLayoutOptions,
    insertions: fc.array(
      fc.record({
        cell: fc.nat(),
        at: fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant(-1) }),
        run: hiddenRun,
        ink: fc.constantFrom(...Object.keys(PDF_INKS))
      }),
      { minLength: 1, maxLength: 12 }
    )
  })
  .map(({ report, options, insertions }) => {
    const pages = reportPages(report, options).map((page) => ({ ...page, ops: withPdfRuns(page.ops, insertions) }))
    return { bytes: writePdf(pages), report }
  })
