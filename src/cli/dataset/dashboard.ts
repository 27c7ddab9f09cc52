/**
 * The dataset's HTML dashboard: an index of the bodies (each year present as a cell holding its
 * number of problems across reports; the sources that could not be placed or read), and a page
 * per body (its years side by side: sources, key cells coloured by status, indicators; a small SVG
 * chart per main series; its problems, each linking to the `view` page of every source it rests
 * on). Self-contained pages: no script, nothing fetched; every text escaped, every link relative
 * with its name percent-encoded.
 *
 * @module
 */

import type { DatasetDiagnostic } from '../../dataset/codes.js'
import { INDICATORS, type IndicatorName, type IndicatorSpec } from '../../dataset/indicators.js'
import type { DatasetBody, DatasetYear, Unidentified } from '../../dataset/types.js'
import { printNumber } from '../../model/decimal.js'
import { escapeHtml } from '../../serialize/index.js'
import { pageHref } from '../view.js'
import { KEY_CELLS, statusCounts, type YearCells } from './cells.js'
import { lineChart } from './chart.js'
import { REASONS } from './notes.js'

/** The series charted on a body's page, in order. */
export const CHARTED: readonly IndicatorName[] = [
  'received',
  'handled',
  'grantedRate',
  'disclosedRate',
  'deniedRate',
  'unavailableRate',
  'carriedForwardRate',
  'reviews',
  'lawsuits'
]

const STYLE = `body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:2px 6px}th{background:#f4f4f4;font-weight:normal;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.absent{background:#f4f4f4}td.clean{background:#e6f4e6}td.problems{background:#ffe2bf}
td[data-status=inferred]{background:#cde6ff}td[data-status=blank],td[data-status=missing]{background:#eee;color:#888}
td[data-status=invalid],td[data-status=ambiguous],td[data-status=conflicting],td[data-status=unsure]{background:#ffd1d1}
td[data-status=split],td[data-status=converted],td[data-status=group],td[data-status=hidden],td[data-status=reordered]{background:#fff3c4}
.charts{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}figcaption{font-size:12px;color:#555}
li{margin:.2em 0}.warning{color:#a60}.info{color:#555}`

/** A page's HTML around its body. */
function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n${body}</body></html>\n`
}

/** A link from a page one folder down (`bodies/`) to a page relative to the dashboard's folder. */
function up(page: string): string {
  return `..${pageHref(page).slice(1)}`
}

/** A source's name, linked to its `view` page when it has one. */
function sourceLink(source: string, pages: ReadonlyMap<string, string>, from: 'index' | 'body', label = source): string {
  const target = pages.get(source)
  if (target === undefined) return escapeHtml(label)
  return `<a href="${escapeHtml(from === 'index' ? pageHref(target) : up(target))}">${escapeHtml(label)}</a>`
}

/** A body as the index lists it. */
export interface IndexBody {
  /** The body. */
  body: DatasetBody
  /** Its page, relative to the dashboard's folder (`bodies/1.html`). */
  page: string
  /** Its problems per year. */
  problems: ReadonlyMap<number, number>
}

/** What the index shows besides the bodies. */
export interface IndexFacts {
  /** Sources that hold no report, or whose body or year is not known. */
  unidentified: readonly Unidentified[]
  /** Files that could not be read or parsed at all, with the reason. */
  failed: readonly { source: string; reason: string }[]
  /** Each source's `view` page, relative to the dashboard's folder. */
  pages: ReadonlyMap<string, string>
  /** The summary line's counts (`8 files: 8 reports …`). */
  summary: string
}

/**
 * The index page.
 *
 * @param bodies - The bodies, in order, with their pages and problems per year.
 * @param facts - What could not be placed, the pages of the sources, the counts.
 */
export function renderDashboardIndex(bodies: readonly IndexBody[], facts: IndexFacts): string {
  const years = [...new Set(bodies.flatMap(({ body }) => body.years.map((year) => year.year)))].sort((a, b) => a - b)
  const head = `<tr><th>body</th><th>region</th><th>level</th>${years.map((year) => `<th>${year}</th>`).join('')}</tr>`
  const rows = bodies.map(({ body, page: target, problems }) => {
    const present = new Set(body.years.map((year) => year.year))
    const cells = years.map((year) => {
      if (!present.has(year)) return '<td class="absent"></td>'
      const n = problems.get(year) ?? 0
      return `<td class="n ${n === 0 ? 'clean' : 'problems'}" title="${year}: ${n} problem${n === 1 ? '' : 's'}">${n}</td>`
    })
    return `<tr><td><a href="${escapeHtml(pageHref(target))}">${escapeHtml(body.body)}</a></td><td>${escapeHtml(body.region ?? '')}</td><td>${escapeHtml(body.level ?? '')}</td>${cells.join('')}</tr>`
  })
  const placed = facts.unidentified.map(
    (entry) =>
      `<li>${sourceLink(entry.source, facts.pages, 'index')}: ${REASONS[entry.reason]}${entry.organization === null ? '' : ` (${escapeHtml(entry.organization)})`}${entry.year === null ? '' : ` (${entry.year})`}</li>`
  )
  const failed = facts.failed.map((entry) => `<li>${escapeHtml(entry.source)}: ${escapeHtml(entry.reason)}</li>`)
  const body = `<h1>${bodies.length} ${bodies.length === 1 ? 'body' : 'bodies'}</h1>
<p>${escapeHtml(facts.summary)}. Each cell is a year with a report, and how many problems across reports (a carry-over or a stock that does not follow from the year before, sources of the year that differ, a year missing) that year has.</p>
<table>${head}\n${rows.join('\n')}\n</table>
${placed.length === 0 ? '' : `<h2>Not placed (${placed.length})</h2>\n<ul>${placed.join('')}</ul>\n`}${failed.length === 0 ? '' : `<h2>Not read (${failed.length})</h2>\n<ul>${failed.join('')}</ul>\n`}`
  return page('zfxxgk dataset', body)
}

/** An indicator's value as the page shows it: a count as it is, a share as a percentage (to 0.1 %). */
function shown(spec: IndicatorSpec, value: number): string {
  return spec.unit === 'ratio' ? `${(value * 100).toFixed(1)}%` : printNumber(value)
}

/** A body's year and what the page shows of it. */
export interface BodyYear {
  /** The year. */
  year: DatasetYear
  /** Its cells, read once. */
  cells: YearCells
}

/**
 * A body's page.
 *
 * @param body - The body.
 * @param years - Its years, earliest first, with their cells.
 * @param problems - Its dataset diagnostics.
 * @param pages - Each source's `view` page, relative to the dashboard's folder.
 */
export function renderBodyPage(
  body: DatasetBody,
  years: readonly BodyYear[],
  problems: readonly DatasetDiagnostic[],
  pages: ReadonlyMap<string, string>
): string {
  const head = `<tr><th></th>${years.map(({ year }) => `<th>${year.year}</th>`).join('')}</tr>`
  const sources = `<tr><th>sources</th>${years.map(({ year }) => `<td>${year.sources.map(({ source }) => sourceLink(source, pages, 'body')).join('<br>')}</td>`).join('')}</tr>`
  const edition = `<tr><th>edition</th>${years.map(({ year }) => `<td>${year.edition}</td>`).join('')}</tr>`
  const statuses = `<tr><th>cells not printed as such</th>${years.map(({ cells }) => `<td>${escapeHtml(statusCounts(cells.statuses))}</td>`).join('')}</tr>`
  const keys = KEY_CELLS.map(
    (cell, k) =>
      `<tr><th title="${escapeHtml(cell.path)}">${escapeHtml(cell.label)}</th>${years
        .map(({ cells }) => {
          const value = cells.keys[k] ?? null
          const status = cells.keyStatuses[k] as string
          return `<td class="n" data-status="${status}" title="${escapeHtml(`${cell.path}: ${status}`)}">${value === null ? '' : printNumber(value)}</td>`
        })
        .join('')}</tr>`
  )
  const indicators = INDICATORS.map(
    (spec) =>
      `<tr><th title="${escapeHtml(spec.label.en)}">${escapeHtml(spec.label.zh)}</th>${years
        .map(({ year }) => {
          const value = year.indicators[spec.name]
          return value === null
            ? '<td></td>'
            : `<td class="n" title="${escapeHtml(printNumber(value))}">${escapeHtml(shown(spec, value))}</td>`
        })
        .join('')}</tr>`
  )
  const charts = CHARTED.map((name) => {
    const spec = INDICATORS.find((indicator) => indicator.name === name) as IndicatorSpec
    const points = years.map(({ year }) => ({ year: year.year, value: year.indicators[name] }))
    return lineChart(`${spec.label.zh} · ${spec.label.en}`, points, (value) => shown(spec, value))
  })
  const list = problems.map((d) => {
    const links = d.sources.map((source) => sourceLink(source.source, pages, 'body', `${source.year}: ${source.source}`)).join(', ')
    return `<li class="${d.severity}">${d.year} ${d.severity} <code>${d.code}</code>${d.path === undefined ? '' : ` <code>${escapeHtml(d.path)}</code>`}: ${escapeHtml(d.message)} <span>(${links})</span></li>`
  })
  const where = [body.region, body.level].filter((part) => part !== undefined).map((part) => escapeHtml(part as string))
  const html = `<p><a href="../index.html">all bodies</a></p>
<h1>${escapeHtml(body.body)}</h1>
<p>${where.length === 0 ? '' : `${where.join(' · ')} · `}${years.length} year${years.length === 1 ? '' : 's'}: ${years.map(({ year }) => year.year).join(', ')}</p>
<div class="charts">${charts.join('\n')}</div>
<h2>Years side by side</h2>
<table>${head}\n${sources}\n${edition}\n${statuses}\n${keys.join('\n')}\n${indicators.join('\n')}\n</table>
<h2>Problems across reports (${problems.length})</h2>
${problems.length === 0 ? '<p>None found.</p>' : `<ul>${list.join('\n')}</ul>`}
`
  return page(body.body, html)
}
