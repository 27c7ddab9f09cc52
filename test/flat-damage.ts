/**
 * Crawled text as reusable arbitraries (issue 13): a valid report printed the way a crawler's
 * `page.txt` holds it, the whole body on one line, with random glue between cells (nothing, or
 * spaces that look like they belong to a number), negative changes and money units run in, labels
 * broken by a space, an optional crawler header and site chrome. Each generator gives the text
 * and the report it must read back to.
 */
import { fc } from '@fast-check/vitest'
import { layoutReport, printNumber, type LayoutBlock } from '../src/model/layout.js'
import type { Report } from '../src/index.js'
import { validReport } from './arbitraries.js'
import { inUnit } from './damage.js'

/** How a flattened report is glued: one choice per place, drawn in order (cycled when they run out). */
export interface Glue {
  /** Between two values of a row: nothing, or one or two spaces. */
  values: readonly ('' | ' ' | '  ')[]
  /** Between a label and what follows it, and between rows and blocks: nothing or a space. */
  joints: readonly ('' | ' ')[]
  /** How a money amount is printed: as in the model (万元), with `万元`, or in 元 with `元`. */
  money: 'bare' | '万元' | '元'
  /** A space put inside labels longer than four characters (`三、本年度办 理结果`), at this fraction of their length (0: none). */
  labelSpace: number
  /** A crawler header over the body (`标题: …` … `==== 正文 ====`), and site chrome after it. */
  crawler: boolean
  /** Each heading, paragraph and table on a line of its own (a crawl that kept line breaks between blocks), not all on one. */
  lines: boolean
  /** Rows (by the path of their first value) whose values are printed with nothing between them, whatever `values` says. */
  tight?: ReadonlySet<string>
}

/** A row of a flattened table: its cells' paths, and its values as printed (the run, glue and all). */
export interface FlatRow {
  /** The paths of its value cells, in printed order. */
  cells: string[]
  /** Its values as printed, without what leads them. */
  run: string
}

/** Random glue: mostly nothing between values, sometimes spaces; labels and blocks joined by nothing or a space. */
export const glue: fc.Arbitrary<Glue> = fc.record({
  values: fc.array(fc.constantFrom<'' | ' ' | '  '>('', '', '', ' ', '  '), { minLength: 1, maxLength: 64 }),
  joints: fc.array(fc.constantFrom<'' | ' '>('', ' '), { minLength: 1, maxLength: 64 }),
  money: fc.constantFrom<'bare' | '万元' | '元'>('bare', '万元', '元'),
  labelSpace: fc.constantFrom(0, 0, 0.5),
  crawler: fc.boolean(),
  lines: fc.boolean()
})

/**
 * A report's body on one line, glued as `how` says.
 *
 * @param rows - When given, each table row with values is pushed here, with its run as printed.
 */
export function flatten(report: Report, how: Glue, rows?: FlatRow[]): string {
  let v = 0
  let j = 0
  const value = (): string => how.values[v++ % how.values.length] as string
  const joint = (): string => how.joints[j++ % how.joints.length] as string
  const label = (text: string): string => {
    if (how.labelSpace === 0 || text.length <= 4) return text
    const at = Math.floor(text.length * how.labelSpace)
    return `${text.slice(0, at)} ${text.slice(at)}`
  }
  const money = (amount: number): string =>
    how.money === 'bare' ? printNumber(amount) : how.money === '万元' ? `${printNumber(amount)}万元` : `${inUnit(amount, '元')}元`
  const blocks: string[] = []
  for (const block of layoutReport(report) as LayoutBlock[]) {
    if (block.type !== 'table') {
      blocks.push(block.text)
      continue
    }
    let table = ''
    for (const row of block.rows) {
      let text = ''
      let values = 0
      const flat: FlatRow = { cells: [], run: '' }
      for (const cell of row) {
        if (cell.path === undefined) {
          if (cell.text !== '') text += (text === '' ? '' : joint()) + label(cell.text)
          continue
        }
        const printed =
          cell.value === null || cell.value === undefined ? '' : cell.path.endsWith('.amount') ? money(cell.value) : printNumber(cell.value)
        const between = values === 0 ? joint() : value()
        const tight = values > 0 && how.tight?.has(flat.cells[0] as string) === true
        text += (tight ? '' : between) + printed
        flat.run += values === 0 ? printed : (tight ? '' : between) + printed
        flat.cells.push(cell.path)
        values++
      }
      if (values > 0) rows?.push(flat)
      table += (table === '' ? '' : joint()) + text
    }
    blocks.push(table)
  }
  let body = ''
  for (const block of blocks) body += (body === '' ? '' : how.lines ? '\n' : joint()) + block
  if (!how.crawler) return body
  const title = report.title ?? '政府信息公开工作年度报告'
  const header = [
    `标题: ${title}`,
    '发布时间: 2025-03-10 15:35',
    '文号: ',
    '发布机构: 办公室',
    '栏目: 政府信息公开年报',
    '原文链接: https://www.example.gov.cn/zwgk/t20250310_1.htm',
    '本地目录: zwgk/202503/1',
    '==================== 正文 ===================='
  ]
  return `${header.join('\n')}\n当前位置：首页 政务公开 ${body} 附件下载`
}

/** A valid report flattened onto one line as a crawler keeps it: the text, the report, and the glue used. */
export const flattenedReport: fc.Arbitrary<{ text: string; report: Report; how: Glue }> = fc
  .record({ report: validReport(), how: glue })
  .map(({ report, how }) => ({ text: flatten(report, how), report, how }))
