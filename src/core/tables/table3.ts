/**
 * Table 三 (收到和处理政府信息公开申请情况): a header of applicant columns over two or three rows,
 * then one row per item, each with seven values (six applicant columns and 总计), under group
 * labels such as （三）不予公开 that hold no values of their own.
 *
 * @module
 */

import { APPLICANT_COLUMNS, APPLICANTS, ORGANIZATION_APPLICANTS } from '../../model/catalogue.js'
import { makeDiagnostic, type HeaderProblem } from '../../model/diagnose.js'
import { TABLES } from '../../model/schema.js'
import type { Applicant } from '../../model/types.js'
import { rowId, rowPath } from '../rows.js'
import type { MapperContext, TableConstruct } from './construct.js'
import { settleGroups, type PrintedGroup } from './groups.js'
import type { TextToken } from '../tokens.js'
import { headerProblem, printedOrder, sameHeaderRow, type HeaderItem } from './header.js'

/** Roles of table 三's header texts: one of them after the rows have begun starts the header again. */
const HEADER_ROLES: ReadonlySet<string> = new Set(['column', 'organizations', 'applicants'])
const UNDER_ORGANIZATIONS: ReadonlySet<Applicant> = new Set(ORGANIZATION_APPLICANTS)
const APPLICANT_LABEL = new Map(APPLICANT_COLUMNS.map((column) => [column.key, column.labels[0] as string]))

/** Table 三, read afresh for one parse. */
export function table3(): TableConstruct {
  /** Before its first row, a label that is both a column and a row (总计) is the column. */
  let phase: 'header' | 'rows' = 'header'
  /** Group labels printed with values, settled at the end (their rows may follow). */
  const groups: PrintedGroup[] = []
  /** The header's texts in reading order: columns, 法人或其他组织 (a span) and 申请人情况 (`applicants`). */
  const header: { item: HeaderItem<Applicant> | 'applicants'; token: TextToken }[] = []
  /** For each printed column, the index of its applicant in the official order; `undefined`: the official order. */
  let columns: readonly number[] | undefined

  /** At the first row: the printed column order, from the header read so far. */
  const startRows = (context: MapperContext): void => {
    if (phase === 'rows') return
    phase = 'rows'
    if (!header.some(({ item }) => item !== 'applicants')) return
    const read = headerReading(header)
    const place = { path: TABLES[3].key, position: header[0]?.token.position }
    if ('kind' in read) {
      context.diagnostics.push(makeDiagnostic('column_header_unreadable', { table: TABLES[3].name, problem: { ...read } }, place))
    } else if (read.columns !== undefined) {
      columns = read.columns
      context.diagnostics.push(makeDiagnostic('columns_reordered', { table: TABLES[3].name, columns: [...read.labels] }, place))
    }
  }

  return {
    table: 3,
    prefer(pool) {
      const wanted = phase === 'header' ? 'column' : 'row'
      return pool.find((meaning) => meaning.role === wanted) ?? pool[0]
    },
    onLabel(context, meaning, token) {
      if (meaning.table !== 3) return
      if (phase === 'rows' && HEADER_ROLES.has(meaning.role)) {
        // The header printed again (a table repeated, a page break inside it): read it afresh, and the rows after it by it.
        phase = 'header'
        header.length = 0
        columns = undefined
      }
      if (phase === 'header') {
        if (meaning.role === 'column') header.push({ item: { key: meaning.key }, token })
        else if (meaning.role === 'organizations') header.push({ item: { span: true }, token })
        else if (meaning.role === 'applicants') header.push({ item: 'applicants', token })
      }
      if (meaning.role === 'row') {
        startRows(context)
        context.open = { table: 3, key: meaning.path, label: token, tokens: [], grid: token.grid }
      } else if (meaning.role === 'group') {
        startRows(context)
        context.open = { table: 3, group: true, label: token, tokens: [], grid: token.grid }
      }
    },
    closeGroup(_context, row) {
      groups.push({ row, columns })
      return true
    },
    close(context, row) {
      const key = row.key ?? ''
      const official = context.cells.schema.table3.get(key) ?? []
      const cells = columns === undefined || official.length === 0 ? official : columns.map((column) => official[column] as number)
      context.cells.placeRow(row, 3, rowId(3, key), cells)
    },
    missingRows(context) {
      settleGroups(context, groups)
      if (!context.cells.found[3]) return
      for (const row of context.index.catalogue.table3Rows) {
        if (row.path !== undefined && !context.cells.seenRows.has(rowId(3, row.path))) {
          context.diagnostics.push(
            makeDiagnostic(
              'row_missing',
              { table: TABLES[3].name, row: row.labels[0] ?? '' },
              { path: rowPath(context.cells.schema, 3, context.cells.schema.table3.get(row.path) ?? []) }
            )
          )
        }
      }
    }
  }
}

type Header = readonly { item: HeaderItem<Applicant> | 'applicants'; token: TextToken }[]

/** What a header gives: for each printed column its applicant's index and label, when not the official order. */
type HeaderReading = { columns: readonly number[] | undefined; labels: readonly string[] } | HeaderProblem

/** Readings by header (its items, and whether 总计 stands beside 申请人情况): a few recur in every report. */
const READINGS = new Map<string, HeaderReading>()
const READINGS_LIMIT = 1000

/** The header's reading, remembered (callers copy what they hand out). */
function headerReading(header: Header): HeaderReading {
  const beside = totalBeside(header)
  const items = header.map(({ item }) => (item === 'applicants' ? '^' : 'key' in item ? item.key : '*'))
  const key = `${items.join(',')}|${beside}`
  let reading = READINGS.get(key)
  if (reading === undefined) {
    const order = headerOrder(header, beside)
    const problem = headerProblem(order, APPLICANTS, (applicant) => APPLICANT_LABEL.get(applicant) ?? applicant)
    reading =
      problem ??
      (order.every((applicant, i) => APPLICANTS[i] === applicant)
        ? { columns: undefined, labels: [] }
        : {
            columns: order.map((applicant) => APPLICANTS.indexOf(applicant)),
            labels: order.map((applicant) => APPLICANT_LABEL.get(applicant) ?? applicant)
          })
    if (READINGS.size >= READINGS_LIMIT) READINGS.clear()
    READINGS.set(key, reading)
  }
  return reading
}

/** Whether 总计 stands beside 申请人情况 on the first header row (else under it, or absent). */
function totalBeside(header: Header): boolean {
  const span = header.findIndex(({ item }) => item === 'applicants')
  const total = header.findIndex(({ item }) => item !== 'applicants' && 'key' in item && item.key === 'total')
  const tokens = header.map(({ token }) => token)
  return span >= 0 && total >= 0 && sameHeaderRow(tokens, Math.min(span, total), Math.max(span, total))
}

/**
 * The applicant columns in printed order. 申请人情况 spans the applicant columns; 总计 stands
 * either under it (the official layout: 自然人 · 法人或其他组织 · 总计 on the second header row) or
 * beside it on the first row, before or after. Beside it, 总计 is printed before or after all of
 * them; under it, where it is read among them.
 */
function headerOrder(header: Header, beside: boolean): Applicant[] {
  const span = header.findIndex(({ item }) => item === 'applicants')
  const total = header.findIndex(({ item }) => item !== 'applicants' && 'key' in item && item.key === 'total')
  const named: HeaderItem<Applicant>[] = []
  header.forEach(({ item }, i) => {
    if (item !== 'applicants' && !(beside && i === total)) named.push(item)
  })
  // 法人或其他组织 with none of its columns named (a header cut after its second row): the official order under it.
  const inner = named.some((item) => 'key' in item && UNDER_ORGANIZATIONS.has(item.key))
    ? named
    : named.flatMap((item) => ('span' in item ? ORGANIZATION_APPLICANTS.map((key) => ({ key })) : [item]))
  const order = printedOrder(inner, UNDER_ORGANIZATIONS)
  if (!beside) return order
  return total < span ? ['total', ...order] : [...order, 'total']
}
