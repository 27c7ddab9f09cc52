/**
 * The PDF of corpus/pdf-2021-invisible-text: a 2021 report set by the test writer (`reportPages`),
 * with text a reader of the page does not see drawn over and in place of some values, as OCR
 * layers, white-on-white figures and alpha-0 text leave it:
 *
 * - 行政许可 530 under an invisible (render mode 3) `5630`, as an OCR layer misread it;
 * - 行政处罚 41 under a white `47`, an old figure whited out;
 * - 行政强制: its `17` taken out, an alpha-0 `3` in its place: the cell is blank;
 * - 本年收费金额 1.25 under a clip-only (render mode 7) `0.98`;
 * - table 三 自然人 · 1.本机关不掌握相关政府信息: its `6` taken out, an invisible `5` in its place
 *   (blank; the totals give 6 back);
 * - table 三 总计 · （七）总计 28 in white on a blue cell: seen, and read;
 * - the title with an invisible `2021` over its `2022`, the overview with a white `999` over its `368`.
 *
 * `corpusPdf()` writes it; test/adapters/pdf-hidden.test.ts checks the committed file is these
 * bytes (and `UPDATE=1` rewrites it). `FIXTURE_REPORT` is the report as generated, before any of this.
 */
import { buildReport, cellPaths } from '../../src/model/empty.js'
import type { Report2021 } from '../../src/index.js'
import type { PdfInk, PdfOp } from './pdf-raw.js'
import { reportPages, writePdf } from './pdf.js'

/** The report the PDF is set from: every invariant holds, most of table 三 zero. */
export const FIXTURE_REPORT: Report2021 = (() => {
  const values = new Map<string, number>([
    ['activeDisclosure.regulations.issued', 0],
    ['activeDisclosure.regulations.repealed', 0],
    ['activeDisclosure.regulations.inForce', 3],
    ['activeDisclosure.normativeDocuments.issued', 2],
    ['activeDisclosure.normativeDocuments.repealed', 1],
    ['activeDisclosure.normativeDocuments.inForce', 15],
    ['activeDisclosure.licensing.decisions', 530],
    ['activeDisclosure.punishment.decisions', 41],
    ['activeDisclosure.coercion.decisions', 17],
    ['activeDisclosure.fees.amount', 1.25]
  ])
  const given: Record<string, Record<string, number>> = {
    naturalPerson: {
      'results.granted': 12,
      'results.partiallyGranted': 3,
      'results.denied.thirdPartyRights': 1,
      'results.unavailable.notHeld': 6,
      'results.notProcessed.duplicate': 1,
      'results.other.other': 1,
      carriedForward: 2,
      carriedOver: 1
    },
    commercial: { 'results.granted': 2, 'results.unavailable.notHeld': 1 },
    research: {},
    nonProfit: {},
    legalService: { 'results.granted': 1 },
    otherOrganization: {}
  }
  const column = cellPaths('2021')
    .filter((path) => path.startsWith('applications.naturalPerson.'))
    .map((path) => path.slice('applications.naturalPerson.'.length))
  const leaves = column.filter((path) => path.startsWith('results.') && path !== 'results.total')
  for (const [applicant, cells] of Object.entries(given)) {
    for (const path of column) values.set(`applications.${applicant}.${path}`, cells[path] ?? 0)
    const total = leaves.reduce((sum, path) => sum + (cells[path] ?? 0), 0)
    values.set(`applications.${applicant}.results.total`, total)
    values.set(`applications.${applicant}.newReceived`, total + (cells['carriedForward'] ?? 0) - (cells['carriedOver'] ?? 0))
  }
  for (const path of column) {
    const sum = Object.keys(given).reduce((total, applicant) => total + (values.get(`applications.${applicant}.${path}`) ?? 0), 0)
    values.set(`applications.total.${path}`, sum)
  }
  const table4: Record<string, number[]> = {
    review: [1, 0, 0, 1, 2],
    litigationDirect: [0, 0, 1, 0, 1],
    litigationAfterReview: [0, 0, 0, 0, 0]
  }
  for (const [group, numbers] of Object.entries(table4))
    ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((key, i) =>
      values.set(`reviewAndLitigation.${group}.${key}`, numbers[i] as number)
    )
  const report = buildReport(
    '2021',
    cellPaths('2021').map((path) => values.get(path) ?? null)
  ) as Report2021
  report.title = '东湖区自然资源局2022年政府信息公开工作年度报告'
  report.organization = '东湖区自然资源局'
  report.year = 2022
  report.sections = {
    overview: '2022年，东湖区自然资源局认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息368条。',
    problems: '一是政策解读形式单一；二是依申请公开答复的规范性有待提高。',
    other: '本年度未收取信息处理费。本机关政府信息公开工作年度报告全文可在东湖区人民政府门户网站“政府信息公开”专栏查阅，欢迎社会各界监督。'
  }
  return report
})()

const INVISIBLE: PdfInk = { render: 3 }
const WHITE: PdfInk = { rgb: [1, 1, 1] }

/** Text ops of the pages, with the page and list each stands in. */
function textOps(pages: { ops: PdfOp[] }[]): { op: PdfOp & { op: 'text' }; list: PdfOp[] }[] {
  const found: { op: PdfOp & { op: 'text' }; list: PdfOp[] }[] = []
  const walk = (list: PdfOp[]): void => {
    for (const op of list) {
      if (op.op === 'text') found.push({ op, list })
      else if (op.op === 'group') walk(op.ops)
    }
  }
  for (const page of pages) walk(page.ops)
  return found
}

/** The one text op whose text is `text` (the values chosen are printed once each), or the `nth` of several. */
function only(ops: ReturnType<typeof textOps>, text: string, nth = 0): { op: PdfOp & { op: 'text' }; list: PdfOp[] } {
  const matches = ops.filter(({ op }) => op.text === text)
  const found = matches[nth]
  if (found === undefined) throw new Error(`no text op “${text}”`)
  return found
}

/** The fixture's pages, as drawn. */
export function fixturePages(): { ops: PdfOp[] }[] {
  const pages = reportPages(FIXTURE_REPORT)
  const ops = textOps(pages)
  const over = (text: string, run: string, ink: PdfInk): void => {
    const { op, list } = only(ops, text)
    list.push({ ...op, text: run, ink })
  }
  const instead = (text: string, run: string, ink: PdfInk): void => {
    const { op, list } = only(ops, text)
    list.splice(list.indexOf(op), 1, { ...op, text: run, ink })
  }
  over('530', '5630', INVISIBLE)
  over('41', '47', WHITE)
  instead('17', '3', { transparent: true })
  over('1.25', '0.98', { render: 7 })
  instead('6', '5', INVISIBLE)
  // 总计 · （七）总计, white on a blue cell: seen.
  const total = only(ops, '28')
  total.list.splice(
    total.list.indexOf(total.op),
    1,
    { op: 'fill', x: total.op.x - 6, y: total.op.y - 4, w: 24, h: total.op.size + 6, rgb: [0.1, 0.25, 0.55] },
    { ...total.op, ink: WHITE }
  )
  const title = ops.find(({ op }) => op.text.includes('2022年政府信息公开工作年度报告'))
  if (title === undefined) throw new Error('no title')
  const at = title.op.text.indexOf('2022')
  title.list.push({ ...title.op, text: '2021', x: title.op.x + at * title.op.size, ink: INVISIBLE })
  const overview = ops.find(({ op }) => op.text.includes('368条'))
  if (overview === undefined) throw new Error('no overview line')
  const before = overview.op.text.slice(0, overview.op.text.indexOf('368'))
  const width = [...before].reduce((sum, char) => sum + (char.charCodeAt(0) < 0x7f ? 0.5 : 1), 0) * overview.op.size
  overview.list.push({ ...overview.op, text: '999', x: overview.op.x + width, ink: WHITE })
  return pages
}

/** The fixture's bytes. */
export function corpusPdf(): Uint8Array {
  return writePdf(fixturePages())
}
