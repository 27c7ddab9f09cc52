/**
 * `zfxxgk view`: a report as one self-contained HTML page, its three tables in the official layout
 * (`formatReport`'s HTML, each value cell named by `data-path`), every value cell coloured by its
 * status (printed, inferred, blank, invalid …, and whether it fails an invariant) with the
 * diagnostics naming it on hover; and an index page of a batch.
 *
 * @module
 */

import { getCellAt } from '../model/empty.js'
import type { FilePart } from './render.js'
import { escapeHtml, formatReport } from '../serialize/index.js'
import { namesCell } from '../model/paths.js'
import { cellStatus } from '../serialize/status.js'

/** The colours of the statuses, and of a cell that fails an invariant. */
const STYLE = `body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td{border:1px solid #999;padding:2px 6px}
td[data-status]{text-align:right;font-variant-numeric:tabular-nums}
td[data-status=printed]{background:#fff}td[data-status=inferred]{background:#cde6ff}
td[data-status=blank],td[data-status=missing]{background:#eee;color:#888}
td[data-status=invalid],td[data-status=ambiguous],td[data-status=conflicting],td[data-status=unsure]{background:#ffd1d1}
td[data-status=split],td[data-status=converted],td[data-status=group],td[data-status=hidden],td[data-status=reordered]{background:#fff3c4}
td[data-failing]{outline:2px solid #d00;outline-offset:-2px}
.legend span{display:inline-block;padding:0 .5em;margin-right:.5em;border:1px solid #999}
.diagnostics li{margin:.2em 0}.error{color:#b00}.warning{color:#a60}.info{color:#555}`

const LEGEND = `<p class="legend"><span style="background:#fff">printed</span><span style="background:#cde6ff">inferred</span><span style="background:#eee">blank or missing</span><span style="background:#ffd1d1">invalid, ambiguous, conflicting, unsure</span><span style="background:#fff3c4">split, converted, group, hidden, reordered</span><span style="outline:2px solid #d00">fails an invariant</span></p>`

/**
 * A file's page: its report (or each of its reports, one after another, when it holds several).
 *
 * @param path - The file it came from.
 * @param parts - Its reports: one, or several with their sources (`path#report=N`).
 */
export function renderView(path: string, parts: readonly FilePart[]): string {
  const first = parts[0]?.result.report ?? null
  const title = escapeHtml(parts.length === 1 ? (first?.title ?? path) : `${path}: ${parts.length} reports`)
  const head = `<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head><body>\n`
  return `${head}${parts.map((part) => section(part, parts.length > 1)).join('\n<hr>\n')}</body></html>\n`
}

/** One report of a page: its title, where it came from, its tables coloured cell by cell, and its diagnostics. */
function section({ source, result }: FilePart, several: boolean): string {
  const report = result.report
  const title = escapeHtml(report?.title ?? source)
  const intro = `<h1>${title}</h1>\n<p>${escapeHtml(source)} · ${escapeHtml(result.format)}${report === null ? '' : ` · ${report.edition} format · ${escapeHtml(report.organization ?? '—')} · ${report.year ?? '—'}`}${several && result.start !== undefined ? ` · from line ${result.start.line}` : ''}</p>\n`
  const list = `<ul class="diagnostics">${result.diagnostics.map((d) => `<li class="${d.severity}">${d.severity} <code>${d.code}</code>${d.path === undefined ? '' : ` <code>${escapeHtml(d.path)}</code>`}: ${escapeHtml(d.message)}</li>`).join('')}</ul>`
  if (report === null) return `${intro}<p>No report could be read.</p>\n${list}\n`
  const withPath = result.diagnostics.filter((diagnostic) => diagnostic.path !== undefined)
  const tables = formatReport(report, { format: 'html' }).replace(/<td([^>]*) data-path="([^"]+)">/gu, (_, spans: string, cell: string) => {
    const named = withPath.filter((diagnostic) => namesCell(diagnostic, cell))
    const value = getCellAt(report, cell) ?? null
    const status = cellStatus(
      value,
      named.map((d) => d.code)
    )
    const failing = named.some((d) => d.code === 'sum_mismatch') ? ' data-failing' : ''
    const hover = named.length === 0 ? cell : `${cell}\n${named.map((d) => `${d.code}: ${d.message}`).join('\n')}`
    return `<td${spans} data-path="${cell}" data-status="${status}"${failing} title="${escapeHtml(hover)}">`
  })
  return `${intro}${LEGEND}\n${tables}\n<h2>Diagnostics</h2>\n${list}\n`
}

/** A line of the index page: one file. */
export interface ViewEntry {
  /** The file, and its page (relative to the index). */
  path: string
  page: string
  /** Its reports' sources, editions, organisations and years (a file may hold several). */
  reports: readonly { source: string; edition: string; organization: string | null; year: number | null }[]
  /** Why it has no report. */
  failure?: string
  /** Diagnostics per code and severity. */
  counts: Record<string, number>
}

/**
 * The index page of a batch: per file, its edition, organisation, year, status and counts per code.
 *
 * @param entries - The files, in order.
 */
export function renderIndex(entries: readonly ViewEntry[]): string {
  const rows = entries.map((entry) => {
    const codes = Object.entries(entry.counts)
      .filter(([code]) => code !== 'error' && code !== 'warning' && code !== 'info')
      .map(([code, n]) => `${code} ×${n}`)
      .join(', ')
    const status =
      entry.failure !== undefined
        ? 'failed'
        : (entry.counts.error ?? 0) > 0
          ? 'errors'
          : (entry.counts.warning ?? 0) > 0
            ? 'warnings'
            : 'ok'
    // A file of several reports: each one's edition, organisation and year on a line of its own.
    const each = (field: (report: ViewEntry['reports'][number]) => string): string =>
      entry.reports.map((report) => escapeHtml(field(report))).join('<br>')
    return `<tr><td><a href="${escapeHtml(pageHref(entry.page))}">${escapeHtml(entry.path)}</a></td><td>${each((report) => report.edition)}</td><td>${each((report) => report.organization ?? '')}</td><td>${each((report) => String(report.year ?? ''))}</td><td>${status}</td><td>${escapeHtml(entry.failure ?? codes)}</td></tr>`
  })
  return `<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>zfxxgk view</title><style>${STYLE}</style></head><body>\n<h1>${entries.length} files</h1>\n<table><tr><td>file</td><td>edition</td><td>organisation</td><td>year</td><td>status</td><td>diagnostics</td></tr>\n${rows.join('\n')}\n</table>\n</body></html>\n`
}

/**
 * A link to a page beside the index: a relative URL, each part of the name percent-encoded, so that
 * no file name can make it another scheme (`javascript:…`), a fragment (`#`) or a query (`?`).
 *
 * @param page - The page's path relative to the index.
 */
export function pageHref(page: string): string {
  return `./${page.split(/[\\/]/u).map(encodeURIComponent).join('/')}`
}
