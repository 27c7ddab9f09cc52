/**
 * Damage as publishers print it, as reusable arbitraries (issue 12): a report printed with table
 * 三's or 四's columns in another order, in each of the layouts reports come in. Each generator
 * gives the text and the report it must read back to, so a property can compare every cell.
 */
import { fc } from '@fast-check/vitest'
import {
  APPLICANT_COLUMNS,
  APPLICANTS,
  CATALOGUES,
  MONEY_UNITS,
  ORGANIZATION_APPLICANTS,
  TABLE4_GROUPS,
  TABLE4_OUTCOMES
} from '../src/model/catalogue.js'
import { formatReport, getCell, getCellAt, type Applicant, type Report } from '../src/index.js'
import { layoutReport, printNumber, type LayoutCell } from '../src/model/layout.js'
import { validReport } from './arbitraries.js'

/** The layouts a table is printed in. */
export const LAYOUTS = ['tab', 'oneCell', 'pipe', 'markdown', 'html'] as const
/** A layout a table is printed in. */
export type Layout = (typeof LAYOUTS)[number]

/** One header cell: its text, and how many columns and header rows it spans. */
interface HeaderCell {
  text: string
  colspan: number
  rowspan: number
}

const LABEL = new Map(APPLICANT_COLUMNS.map((column) => [column.key, column.labels[0] as string]))
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
const ORGS: ReadonlySet<Applicant> = new Set(ORGANIZATION_APPLICANTS)

/** The reorderings of table 三 seen in real reports, by name. */
export const TABLE3_ORDERS: Readonly<Record<string, readonly Applicant[]>> = {
  official: APPLICANTS,
  'natural person and commercial swapped': [
    'commercial',
    'naturalPerson',
    'research',
    'nonProfit',
    'legalService',
    'otherOrganization',
    'total'
  ],
  'organisations reversed': ['naturalPerson', 'otherOrganization', 'legalService', 'nonProfit', 'research', 'commercial', 'total'],
  'total first': ['total', ...APPLICANTS.filter((key) => key !== 'total')]
}

/** A table 三 order: one seen in real reports, or any order of the seven columns. */
export const table3Order: fc.Arbitrary<readonly Applicant[]> = fc.oneof(
  fc.constantFrom(...Object.values(TABLE3_ORDERS)),
  fc.shuffledSubarray([...APPLICANTS], { minLength: APPLICANTS.length, maxLength: APPLICANTS.length })
)

/**
 * Table 三's header rows for a column order: nested (申请人情况 over 自然人 · 法人或其他组织 · 总计,
 * the organisations on a row of their own) when the organisation columns stand together, else flat;
 * with `totalBeside`, 总计 stands beside 申请人情况 on the first row (where it is first or last).
 */
function table3Header(order: readonly Applicant[], totalBeside: boolean): HeaderCell[][] {
  const orgsAt = order.map((key, i) => (ORGS.has(key) ? i : -1)).filter((i) => i >= 0)
  const nested = (orgsAt.at(-1) as number) - (orgsAt[0] as number) === orgsAt.length - 1
  const totalAt = order.indexOf('total')
  const beside = totalBeside && nested && (totalAt === 0 || totalAt === order.length - 1)
  const depth = nested ? 3 : 2
  const first: HeaderCell[] = [{ text: NOTE, colspan: 1, rowspan: depth }]
  const spanned = beside ? order.length - 1 : order.length
  const besideCell: HeaderCell = { text: LABEL.get('total') as string, colspan: 1, rowspan: depth }
  if (beside && totalAt === 0) first.push(besideCell)
  first.push({ text: '申请人情况', colspan: spanned, rowspan: 1 })
  if (beside && totalAt !== 0) first.push(besideCell)
  const under = order.filter((key) => !(beside && key === 'total'))
  if (!nested) return [first, under.map((key) => ({ text: LABEL.get(key) as string, colspan: 1, rowspan: 1 }))]
  const second: HeaderCell[] = []
  for (const key of under) {
    if (!ORGS.has(key)) second.push({ text: LABEL.get(key) as string, colspan: 1, rowspan: 2 })
    else if (key === order[orgsAt[0] as number]) second.push({ text: '法人或其他组织', colspan: orgsAt.length, rowspan: 1 })
  }
  const third = order.filter((key) => ORGS.has(key)).map((key) => ({ text: LABEL.get(key) as string, colspan: 1, rowspan: 1 }))
  return [first, second, third]
}

/** Table 三's rows: a label, then the values in `order` (none for a group label). */
function table3Rows(report: Report, order: readonly Applicant[]): string[][] {
  return CATALOGUES[report.edition].table3Rows.map((row) => {
    const label = row.labels[0] as string
    if (row.path === undefined) return [label]
    return [label, ...order.map((key) => String(getCellAt(report, `applications.${key}.${row.path}`) ?? ''))]
  })
}

/** A table from header rows and body rows, in a layout (`markdown` and `html` give that format's table). */
function printTable(header: HeaderCell[][], body: string[][], width: number, layout: Layout): string {
  if (layout === 'html') {
    const cell = (text: string, attributes = ''): string => `<td${attributes}>${text}</td>`
    const head = header.map(
      (row) =>
        `<tr>${row.map((c) => cell(c.text, `${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`)).join('')}</tr>`
    )
    const rows = body.map((row) => `<tr>${row.map((text) => cell(text)).join('')}</tr>`)
    return `<table>\n${[...head, ...rows].join('\n')}\n</table>`
  }
  // Linear layouts: each header cell once, where it starts (spans are not drawn in text).
  const lines = [...header.map((row) => row.map((c) => c.text)), ...body]
  // A line with one cell and no tab would be a paragraph, not a row: a group label keeps a tab after it.
  if (layout === 'tab') return lines.map((row) => (row.length === 1 ? `${row[0] as string}\t` : row.join('\t'))).join('\n')
  if (layout === 'oneCell') return lines.map((row) => row.map((text) => `\t${text}`).join('\n')).join('\n\n')
  if (layout === 'pipe') return lines.map((row) => row.map((text) => `${text} |`).join('\n')).join('\n|||\n')
  const pad = (row: string[]): string[] => [...row, ...Array<string>(Math.max(0, width - row.length)).fill('')]
  const md = (row: string[]): string => `| ${pad(row).join(' | ')} |`
  const [top, ...rest] = lines
  return [md(top as string[]), md(Array<string>(width).fill('---')), ...rest.map(md)].join('\n')
}

/**
 * Replace the table of a section in a formatted report: from its heading to the next section's
 * heading in text and Markdown, the first `<table>` after the heading in HTML.
 */
function replaceTable(formatted: string, heading: string, next: string, table: string, layout: Layout): string {
  const start = formatted.indexOf(heading)
  if (layout === 'html') {
    const open = formatted.indexOf('<table', start)
    const close = formatted.indexOf('</table>', open) + '</table>'.length
    return formatted.slice(0, open) + table + formatted.slice(close)
  }
  const end = formatted.indexOf(next, start)
  return `${formatted.slice(0, start)}${heading}\n\n${table}\n\n${formatted.slice(end)}`
}

/** The output format that prints a layout. */
function formatOf(layout: Layout): 'text' | 'markdown' | 'html' {
  return layout === 'markdown' || layout === 'html' ? layout : 'text'
}

/** A report printed with table 三's columns in `order`. */
export function withTable3Order(report: Report, order: readonly Applicant[], layout: Layout, totalBeside: boolean): string {
  const header = table3Header(order, totalBeside)
  const table = printTable(header, table3Rows(report, order), order.length + 1, layout)
  const formatted = formatReport(report, { format: formatOf(layout) })
  return replaceTable(formatted, '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', table, layout)
}

/** A valid report printed with table 三's columns in another order: the text, and what it must read as. */
export const table3Reordered: fc.Arbitrary<{ text: string; report: Report; order: readonly Applicant[]; layout: Layout }> = fc
  .record({ report: validReport(), order: table3Order, layout: fc.constantFrom(...LAYOUTS), totalBeside: fc.boolean() })
  .map(({ report, order, layout, totalBeside }) => ({ text: withTable3Order(report, order, layout, totalBeside), report, order, layout }))

type GroupKey = (typeof TABLE4_GROUPS)[number]['key']
type OutcomeKey = (typeof TABLE4_OUTCOMES)[number]['key']
const GROUPS: readonly GroupKey[] = TABLE4_GROUPS.map((group) => group.key)
const OUTCOMES: readonly OutcomeKey[] = TABLE4_OUTCOMES.map((outcome) => outcome.key)
const GROUP_LABEL = new Map<string, string>(TABLE4_GROUPS.map((group) => [group.key, group.labels[0]]))
const OUTCOME_LABEL = new Map<string, string>(TABLE4_OUTCOMES.map((outcome) => [outcome.key, outcome.labels[0]]))

/** A table 四 order: the groups in printed order, and the outcomes of every group. */
export interface Table4Order {
  groups: readonly GroupKey[]
  outcomes: readonly OutcomeKey[]
}

/** The reorderings of table 四 seen in real reports, by name. */
export const TABLE4_ORDERS: Readonly<Record<string, Table4Order>> = {
  official: { groups: GROUPS, outcomes: OUTCOMES },
  'litigation first': { groups: ['litigationDirect', 'litigationAfterReview', 'review'], outcomes: OUTCOMES },
  'pending before other': { groups: GROUPS, outcomes: ['upheld', 'corrected', 'pending', 'other', 'total'] },
  'total first': { groups: GROUPS, outcomes: ['total', 'upheld', 'corrected', 'other', 'pending'] },
  'litigation first, total first': {
    groups: ['litigationDirect', 'litigationAfterReview', 'review'],
    outcomes: ['total', 'upheld', 'corrected', 'other', 'pending']
  }
}

/** A table 四 order: one seen in real reports, or any order of the groups and of the outcomes. */
export const table4Order: fc.Arbitrary<Table4Order> = fc.oneof(
  fc.constantFrom(...Object.values(TABLE4_ORDERS)),
  fc.record({
    groups: fc.shuffledSubarray([...GROUPS], { minLength: GROUPS.length, maxLength: GROUPS.length }),
    outcomes: fc.shuffledSubarray([...OUTCOMES], { minLength: OUTCOMES.length, maxLength: OUTCOMES.length })
  })
)

/**
 * Table 四's header rows: nested (行政诉讼 over its two groups, which are named on the second row
 * beside 行政复议's outcomes) when the two litigation groups stand together, else flat.
 */
function table4Header({ groups, outcomes }: Table4Order): HeaderCell[][] {
  const width = outcomes.length
  const outcomeCells = (): HeaderCell[] => outcomes.map((key) => ({ text: OUTCOME_LABEL.get(key) as string, colspan: 1, rowspan: 1 }))
  const review = groups.indexOf('review')
  const nested = review === 0 || review === groups.length - 1
  if (!nested) {
    return [groups.map((key) => ({ text: GROUP_LABEL.get(key) as string, colspan: width, rowspan: 1 })), groups.flatMap(outcomeCells)]
  }
  const reviewCell: HeaderCell = { text: GROUP_LABEL.get('review') as string, colspan: width, rowspan: 1 }
  const litigationCell: HeaderCell = { text: '行政诉讼', colspan: width * 2, rowspan: 1 }
  const first = review === 0 ? [reviewCell, litigationCell] : [litigationCell, reviewCell]
  const reviewOutcomes = outcomes.map((key) => ({ text: OUTCOME_LABEL.get(key) as string, colspan: 1, rowspan: 2 }))
  const litigation = groups
    .filter((key) => key !== 'review')
    .map((key) => ({ text: GROUP_LABEL.get(key) as string, colspan: width, rowspan: 1 }))
  const second = review === 0 ? [...reviewOutcomes, ...litigation] : [...litigation, ...reviewOutcomes]
  return [first, second, [...outcomeCells(), ...outcomeCells()]]
}

/** A report printed with table 四's columns in `order`. */
export function withTable4Order(report: Report, order: Table4Order, layout: Layout): string {
  const values = order.groups.flatMap((group) =>
    order.outcomes.map((outcome) => String(getCell(report, `reviewAndLitigation.${group}.${outcome}`) ?? ''))
  )
  const table = printTable(table4Header(order), [values], values.length, layout)
  const formatted = formatReport(report, { format: formatOf(layout) })
  return replaceTable(formatted, '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', table, layout)
}

/** A valid report printed with table 四's columns in another order: the text, and what it must read as. */
export const table4Reordered: fc.Arbitrary<{ text: string; report: Report; order: Table4Order; layout: Layout }> = fc
  .record({ report: validReport(), order: table4Order, layout: fc.constantFrom(...LAYOUTS) })
  .map(({ report, order, layout }) => ({ text: withTable4Order(report, order, layout), report, order, layout }))

/** Table 三 in a layout, its body rows (label, then the applicant columns) passed through `edit`. */
function withTable3Body(report: Report, layout: Layout, edit: (rows: string[][]) => string[][]): string {
  const table = printTable(table3Header(APPLICANTS, false), edit(table3Rows(report, APPLICANTS)), APPLICANTS.length + 1, layout)
  const formatted = formatReport(report, { format: formatOf(layout) })
  return replaceTable(formatted, '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', table, layout)
}

/**
 * A cell printed with more than its number (issue 12), by kind: another number after white
 * space, after a `<br>` (Markdown and HTML, where a cell may hold a line break), a footnote mark
 * (circled, superscript, a star, `<sup>` in Markdown and HTML), more than 15 significant digits
 * (beyond 2^53, or beyond the largest double), a money unit (a count carries none). `undefined`:
 * the kind cannot be printed in that layout.
 */
export const CELL_NOISE: Readonly<Record<string, (value: string, layout: Layout) => string | undefined>> = {
  'a second number after a space': (value) => `${value} 7`,
  'a second number after a line break': (value, layout) => (layout === 'markdown' || layout === 'html' ? `${value}<br>7` : undefined),
  'a circled footnote mark': (value) => `${value}①`,
  'a superscript footnote mark': (value) => `${value}¹`,
  'a star': (value) => `${value}*`,
  'a <sup> footnote mark': (value, layout) => (layout === 'markdown' || layout === 'html' ? `${value}<sup>1</sup>` : undefined),
  // Beyond 2^53 a double rounds (9007199254740993 reads as …992), and 309 digits are Infinity.
  'more digits than a number holds exactly': (value) => `900719925474099${value}`,
  'digits beyond the largest double': (value) => `${'9'.repeat(320)}${value}`,
  // A count carries no money unit (issue 23): `4亿元` is not the count 4.
  'a money unit (亿元)': (value) => `${value}亿元`,
  'a money unit (万元)': (value) => `${value}万元`,
  'a money unit (元)': (value) => `${value}元`
}

/** A valid report whose table 三 prints one cell with more than its number: the text, the report, and the cell's path. */
export const table3CellNoise: fc.Arbitrary<{ text: string; report: Report; path: string; layout: Layout; noise: string }> = fc
  .record({
    report: validReport(),
    layout: fc.constantFrom(...LAYOUTS),
    noise: fc.constantFrom(...Object.keys(CELL_NOISE)),
    row: fc.nat(),
    column: fc.nat(APPLICANTS.length - 1)
  })
  .filter(({ layout, noise }) => CELL_NOISE[noise]?.('0', layout) !== undefined)
  .map(({ report, layout, noise, row, column }) => {
    const rows = CATALOGUES[report.edition].table3Rows.filter((spec) => spec.path !== undefined)
    const spec = rows[row % rows.length] as (typeof rows)[number]
    const applicant = APPLICANTS[column] as Applicant
    const path = `applications.${applicant}.${spec.path as string}`
    const text = withTable3Body(report, layout, (body) =>
      body.map((cells) =>
        cells[0] === spec.labels[0]
          ? cells.map((cell, i) =>
              i === column + 1 ? ((CELL_NOISE[noise] as (v: string, l: Layout) => string)(cell, layout) ?? cell) : cell
            )
          : cells
      )
    )
    return { text, report, path, layout, noise }
  })

/** Page-number lines as printed in text converted from pages: `- 3 -`, `第 3 页`, a bare `3`. */
export const PAGE_MARKS: readonly ((page: number) => string)[] = [
  (page) => `- ${page} -`,
  (page) => `第 ${page} 页`,
  (page) => String(page)
]

/** A valid report in a text layout with a page-number line somewhere in table 三: the text and the report. */
export const table3PageNumber: fc.Arbitrary<{ text: string; report: Report; layout: Layout }> = fc
  .record({
    report: validReport(),
    layout: fc.constantFrom<Layout>('tab', 'oneCell', 'pipe'),
    mark: fc.nat(PAGE_MARKS.length - 1),
    page: fc.integer({ min: 1, max: 40 }),
    at: fc.nat()
  })
  .map(({ report, layout, mark, page, at }) => {
    const text = withTable3Body(report, layout, (rows) => rows)
    const start = text.indexOf('三、收到和处理政府信息公开申请情况')
    const end = text.indexOf('四、政府信息公开行政复议、行政诉讼情况')
    const lines = text.slice(start, end).split('\n')
    // After a line of the table (not the heading): inside a row, between rows, or after the last.
    const index = 2 + (at % Math.max(1, lines.length - 3))
    lines.splice(index, 0, (PAGE_MARKS[mark] as (page: number) => string)(page))
    return { text: text.slice(0, start) + lines.join('\n') + text.slice(end), report, layout }
  })

/**
 * A valid report whose table 三 is printed twice, header and all (a page that repeats it), the
 * second printing with one cell changed by `delta` (0: the same table again): the text, the report
 * (the first printing) and the changed cell's path.
 */
export const table3Repeated: fc.Arbitrary<{ text: string; report: Report; path: string; delta: number; layout: Layout }> = fc
  .record({
    report: validReport(),
    layout: fc.constantFrom(...LAYOUTS),
    row: fc.nat(),
    column: fc.nat(APPLICANTS.length - 1),
    delta: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }))
  })
  .map(({ report, layout, row, column, delta }) => {
    const rows = CATALOGUES[report.edition].table3Rows.filter((spec) => spec.path !== undefined)
    const spec = rows[row % rows.length] as (typeof rows)[number]
    const applicant = APPLICANTS[column] as Applicant
    const path = `applications.${applicant}.${spec.path as string}`
    const header = table3Header(APPLICANTS, false)
    const body = table3Rows(report, APPLICANTS)
    const changed = body.map((cells) =>
      cells[0] === spec.labels[0] ? cells.map((cell, i) => (i === column + 1 ? String(Number(cell) + delta) : cell)) : cells
    )
    const width = APPLICANTS.length + 1
    const twice = `${printTable(header, body, width, layout)}\n\n${printTable(header, changed, width, layout)}`
    const text = replaceTable(
      formatReport(report, { format: formatOf(layout) }),
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      twice,
      layout
    )
    return { text, report, path, delta, layout }
  })

/** Two valid reports in one input (a page that carries both, files joined), in a layout: the text and both reports. */
export const twoReports: fc.Arbitrary<{ text: string; first: Report; second: Report; layout: Layout }> = fc
  .record({ first: validReport(), second: validReport(), layout: fc.constantFrom<Layout>('tab', 'markdown', 'html') })
  .map(({ first, second, layout }) => {
    const print = (report: Report): string => formatReport(report, { format: formatOf(layout) })
    return { text: `${print(first)}\n\n${print(second)}`, first, second, layout }
  })

/** Where a table 二 states the unit of its money column (issue 12). */
export const UNIT_PLACES = [
  'none',
  'header',
  'header in brackets',
  'cell',
  'note under the table',
  'caption over the table',
  'note naming the column',
  'note as a row of the table',
  'header and a note'
] as const
/** A place where a table 二 states its money unit. */
export type UnitPlace = (typeof UNIT_PLACES)[number]

/** Stated units that are no money unit of the format. */
export const UNKNOWN_UNITS = ['美元', '万', '港元'] as const

/** A value in 万元 printed in a unit: `12.5` in 元 is `125000`, in 亿元 `0.00125`. */
export function inUnit(value: number, unit: string): string {
  const shift = MONEY_UNITS.find((money) => money.unit === unit)?.toWanyuan ?? 0
  const [whole = '0', fraction = ''] = printNumber(value).split('.')
  let digits = whole + fraction
  let point = whole.length - shift
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length)
  const int = digits.slice(0, point).replace(/^0+(?=\d)/u, '')
  const frac = digits.slice(point).replace(/0+$/u, '')
  return frac === '' ? int : `${int}.${frac}`
}

/**
 * A valid report whose table 二 states the unit of its money column in one of the places
 * publishers use (`UNIT_PLACES`), in a layout, with the money printed in that unit: the text, the
 * report, the money cell's path, and whether the unit is one the parser must read (a money unit of
 * the format, stated once or the same everywhere) or must refuse (unknown, or two units).
 */
export const table2Units: fc.Arbitrary<{
  text: string
  report: Report
  path: string
  place: UnitPlace
  unit: string
  layout: Layout
  readable: boolean
}> = fc
  .record({
    report: validReport(),
    layout: fc.constantFrom(...LAYOUTS),
    place: fc.constantFrom(...UNIT_PLACES),
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...MONEY_UNITS.map((money) => money.unit)) },
      { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_UNITS) }
    ),
    header: fc.constantFrom(...MONEY_UNITS.map((money) => money.unit))
  })
  .filter(({ place, unit }) => place !== 'cell' || MONEY_UNITS.some((money) => money.unit === unit))
  .map(({ report, layout, place, unit, header: headerUnit }) => {
    const catalogue = CATALOGUES[report.edition]
    const column = catalogue.table2Columns.find((spec) => spec.money === true) as (typeof catalogue.table2Columns)[number]
    const row = catalogue.table2Rows.find((spec) => spec.columns.includes(column.key)) as (typeof catalogue.table2Rows)[number]
    const path = `activeDisclosure.${row.key}.${column.key}`
    const label = column.labels[0] as string
    const known = MONEY_UNITS.some((money) => money.unit === unit)
    const stated = place === 'none' ? '万元' : unit
    const value = getCellAt(report, path) as number
    const printed = place === 'header and a note' ? inUnit(value, headerUnit) : inUnit(value, stated)
    const headerText: Partial<Record<UnitPlace, string>> = {
      header: `${label}（单位：${unit}）`,
      'header in brackets': `${label}（${unit}）`,
      'header and a note': `${label}（单位：${headerUnit}）`
    }
    const notes: Partial<Record<UnitPlace, string>> = {
      'note under the table': `注：金额单位为${unit}`,
      'caption over the table': `（单位：${unit}）`,
      'note naming the column': `注：${label}单位为${unit}`,
      'note as a row of the table': `注：金额单位为${unit}`,
      'header and a note': `注：金额单位为${unit}`
    }
    const block = layoutReport(report).find((candidate) => candidate.type === 'table' && candidate.table === 2)
    const rows = (block?.type === 'table' ? block.rows : []).map((cells) =>
      cells.map((cell): HeaderCell => {
        let text = cell.path === undefined ? cell.text : cell.value === null || cell.value === undefined ? '' : printNumber(cell.value)
        if (cell.path === path) text = place === 'cell' ? `${printed}${unit}` : printed
        else if (cell.path === undefined && cell.text.startsWith(label)) text = headerText[place] ?? label
        return { text, colspan: cell.colspan ?? 1, rowspan: cell.rowspan ?? 1 }
      })
    )
    if (place === 'note as a row of the table') rows.push([{ text: notes[place] as string, colspan: 4, rowspan: 1 }])
    const paragraph = (text: string): string => (layout === 'html' ? `<p>${text}</p>` : text)
    let table = printTable(rows, [], 4, layout)
    if (place === 'caption over the table') table = `${paragraph(notes[place] as string)}\n\n${table}`
    else if (place !== 'note as a row of the table' && notes[place] !== undefined)
      table = `${table}\n\n${paragraph(notes[place] as string)}`
    const formatted = formatReport(report, { format: formatOf(layout) })
    const text = replaceTable(formatted, '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', table, layout)
    const readable = place === 'none' || (known && (place !== 'header and a note' || headerUnit === unit))
    return { text, report, path, place, unit, layout, readable }
  })

/** Characters a typo puts in a label. */
const TYPO_CHARS = ['的', '了', '是', '在', '和', '止', '法']

/**
 * A label with typos, as printed by hand: `edits` characters of its core (after its numbering)
 * deleted or replaced, never more than a quarter of the core.
 */
export function withTypos(label: string, edits: readonly { at: number; replace: number }[]): string {
  const numbering = /^(?:\d+[.、．]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)/u.exec(label)?.[0] ?? ''
  const core = [...label.slice(numbering.length)]
  const allowed = Math.floor(core.length / 4)
  for (const { at, replace } of edits.slice(0, allowed)) {
    const i = at % core.length
    if (replace < 0) core.splice(i, 1)
    else core[i] = TYPO_CHARS[replace % TYPO_CHARS.length] as string
  }
  return numbering + core.join('')
}

/** A valid report whose table 三 prints one row label with typos, in a layout: the text, the report, the row's path and the label printed. */
export const table3LabelTypo: fc.Arbitrary<{ text: string; report: Report; path: string; printed: string; layout: Layout }> = fc
  .record({
    report: validReport(),
    layout: fc.constantFrom(...LAYOUTS),
    row: fc.nat(),
    edits: fc.array(fc.record({ at: fc.nat(), replace: fc.integer({ min: -1, max: 6 }) }), { minLength: 1, maxLength: 3 })
  })
  .map(({ report, layout, row, edits }) => {
    const rows = CATALOGUES[report.edition].table3Rows.filter((spec) => spec.path !== undefined && (spec.labels[0] as string).length >= 10)
    const spec = rows[row % rows.length] as (typeof rows)[number]
    const label = spec.labels[0] as string
    const printed = withTypos(label, edits)
    const text = withTable3Body(report, layout, (body) => body.map((cells) => (cells[0] === label ? [printed, ...cells.slice(1)] : cells)))
    return { text, report, path: spec.path as string, printed, layout }
  })

/**
 * A valid report whose table 二 prints two neighbouring values of a row in one cell (`3 1`, `3<br>1`)
 * and leaves the other cell empty, as a hand-filled form does (residual damage of issue 23): the
 * text, the report, the two cells' paths (the one printing both, the empty one), in a layout.
 */
export const table2Crowded: fc.Arbitrary<{ text: string; report: Report; crowded: string; empty: string; layout: Layout }> = fc
  .record({
    report: validReport(),
    layout: fc.constantFrom(...LAYOUTS),
    row: fc.nat(),
    at: fc.nat(),
    left: fc.boolean(),
    separator: fc.constantFrom(' ', '\u3000', '<br>')
  })
  .filter(({ layout, separator }) => separator !== '<br>' || layout === 'markdown' || layout === 'html')
  .map(({ report, layout, row, at, left, separator }) => {
    const block = layoutReport(report).find((candidate) => candidate.type === 'table' && candidate.table === 2)
    const lines = block?.type === 'table' ? block.rows : []
    // Rows of two values or more, as each block prints them.
    const wide = lines.filter((cells) => cells.filter((cell) => cell.path !== undefined).length >= 2)
    const target = wide[row % wide.length] ?? []
    const values = target.filter((cell) => cell.path !== undefined)
    const i = at % (values.length - 1)
    const [first, second] = [values[i], values[i + 1]] as [LayoutCell, LayoutCell]
    const print = (cell: LayoutCell): string => (cell.value === null || cell.value === undefined ? '' : printNumber(cell.value))
    const both = `${print(first)}${separator}${print(second)}`
    // Both values printed in the left cell and the right one empty, or the other way round.
    const [crowded, empty] = left ? [first, second] : [second, first]
    const rows = lines.map((cells) =>
      cells.map((cell): HeaderCell => {
        const text = cell === crowded ? both : cell === empty ? '' : cell.path === undefined ? cell.text : print(cell)
        return { text, colspan: cell.colspan ?? 1, rowspan: cell.rowspan ?? 1 }
      })
    )
    const table = printTable(rows, [], 4, layout)
    const formatted = formatReport(report, { format: formatOf(layout) })
    const text = replaceTable(formatted, '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', table, layout)
    return { text, report, crowded: crowded.path as string, empty: empty.path as string, layout }
  })
