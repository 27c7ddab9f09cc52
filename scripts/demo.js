// Parse every report bundled in corpus/ and print what a user would first want to see.
// Run with `npm run demo` (it builds first).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseReportAsync } from '../dist/index.js'

const corpus = join(import.meta.dirname, '..', 'corpus')
for (const name of readdirSync(corpus).sort()) {
  const file = readdirSync(join(corpus, name)).find((entry) => entry.startsWith('input.'))
  if (file === undefined) continue
  // parseReportAsync reads every format, PDF included (a Buffer, as readFileSync gives it, is fine).
  const { report, diagnostics, format, ok } = await parseReportAsync(readFileSync(join(corpus, name, file)))
  console.log(`\n${name}/${file}  [${format}] ${ok ? 'ok' : 'has errors'}`)
  if (report === null) {
    console.log('  no report:', diagnostics.map((d) => d.message).join('; '))
    continue
  }
  const apps = report.applications.total
  console.log(`  ${report.edition} format · ${report.organization ?? '(no organisation)'} · ${report.year ?? '(no year)'}`)
  console.log(
    `  申请 新收 ${apps.newReceived} 结转 ${apps.carriedOver} 办结 ${apps.results.total} 予以公开 ${apps.results.granted} · ` +
      `复议 ${report.reviewAndLitigation.review.total} 诉讼 ${report.reviewAndLitigation.litigationDirect.total}+${report.reviewAndLitigation.litigationAfterReview.total}`
  )
  const counts = new Map()
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1)
  console.log(`  diagnostics: ${counts.size === 0 ? 'none' : [...counts].map(([code, n]) => `${code} ×${n}`).join(', ')}`)
  for (const d of diagnostics.filter((d) => d.severity !== 'info').slice(0, 3)) {
    // A PDF's place is its page; any other input's, its line and column.
    const at =
      d.position === undefined ? '-' : d.position.page !== undefined ? `page ${d.position.page}` : `${d.position.line}:${d.position.column}`
    console.log(`    ${at}  ${d.severity}  ${d.message}`)
  }
}
