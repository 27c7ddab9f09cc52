/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况): a header over two or three rows (行政复议, 行政诉讼 ·
 * 未经复议直接起诉, 复议后起诉, each 结果维持 … 总计), then one row of fifteen numbers with no label.
 *
 * @module
 */

import { TABLE4_GROUPS, TABLE4_OUTCOMES } from '../../model/catalogue.js'
import { makeDiagnostic, type HeaderProblem } from '../../model/diagnose.js'
import { TABLES } from '../../model/schema.js'
import { rowId, rowPath } from '../rows.js'
import type { TextToken } from '../tokens.js'
import type { MapperContext, TableConstruct } from './construct.js'
import { headerProblem, printedOrder, type HeaderItem } from './header.js'

type GroupKey = (typeof TABLE4_GROUPS)[number]['key']
type OutcomeKey = (typeof TABLE4_OUTCOMES)[number]['key']

const GROUPS: readonly GroupKey[] = TABLE4_GROUPS.map((group) => group.key)
const OUTCOMES: readonly OutcomeKey[] = TABLE4_OUTCOMES.map((outcome) => outcome.key)
/** The groups 行政诉讼 spans. */
const UNDER_LITIGATION: ReadonlySet<GroupKey> = new Set(GROUPS.filter((key) => key !== 'review'))
const GROUP_LABEL = new Map<string, string>(TABLE4_GROUPS.map((group) => [group.key, group.labels[0]]))
const OUTCOME_LABEL = new Map<string, string>(TABLE4_OUTCOMES.map((outcome) => [outcome.key, outcome.labels[0]]))

/** Table 四, read afresh for one parse. */
export function table4(): TableConstruct {
  /** How many of its header labels were read: its row of numbers follows them. */
  let headers = 0
  /** The header's group texts (行政诉讼 a span) and outcome texts, in reading order, and the first of them. */
  const groups: HeaderItem<GroupKey>[] = []
  const outcomes: OutcomeKey[] = []
  let first: TextToken | undefined
  /** The row's cells in printed order, once worked out from the header. */
  let cells: readonly number[] | undefined

  const printedCells = (context: MapperContext): readonly number[] => {
    const official = context.cells.schema.table4
    if (groups.length === 0 && outcomes.length === 0) return official
    const place = { path: TABLES[4].key, position: first?.position }
    const read = headerReading(official, groups, outcomes)
    if ('kind' in read) {
      context.diagnostics.push(makeDiagnostic('column_header_unreadable', { table: TABLES[4].name, problem: { ...read } }, place))
      return official
    }
    if (read.columns !== undefined) {
      context.diagnostics.push(makeDiagnostic('columns_reordered', { table: TABLES[4].name, columns: [...read.columns] }, place))
    }
    return read.printed
  }

  return {
    table: 4,
    onLabel(_context, meaning, token) {
      headers++
      if (meaning.table !== 4 || cells !== undefined) return
      first ??= token
      if (meaning.role === 'group') groups.push({ key: meaning.key as GroupKey })
      else if (meaning.role === 'litigation') groups.push({ span: true })
      else if (meaning.role === 'outcome') outcomes.push(meaning.key as OutcomeKey)
    },
    onValue(_context, token, pending) {
      return token.value.kind === 'empty' ? undefined : { table: 4, tokens: [...pending, token], grid: token.grid }
    },
    onRowEnd(context, pending) {
      // A grid row printed with every cell empty: a row of blanks, not a missing row.
      return headers >= 2 && pending.length >= context.cells.schema.table4.length ? { table: 4, tokens: pending, grid: true } : undefined
    },
    close(context, row) {
      cells ??= printedCells(context)
      context.cells.placeRow(row, 4, rowId(4, ''), cells)
    },
    settle(context) {
      if (headers < 2 || context.cells.found[4]) return
      context.cells.found[4] = true
      const path = rowPath(context.cells.schema, 4, context.cells.schema.table4)
      context.diagnostics.push(makeDiagnostic('row_missing', { table: TABLES[4].name }, { path }))
    }
  }
}

/**
 * Table 四's printed column order from its header: the groups in printed order (行政诉讼 standing
 * for the two groups under it), and each group's outcomes. The outcome texts come in runs of five,
 * one per group in the order the group labels are read (the first run, on the second header row,
 * belongs to the group named on the first row); five in all means every group has that order.
 * What the header does not name at all (the groups under 行政诉讼, or every outcome) is taken in the
 * official order; what it names in part is a problem.
 */
/** What a header gives: the row's cells in printed order, and the printed columns when not the official order. */
type HeaderReading = { printed: readonly number[]; columns: string[] | undefined } | HeaderProblem

/** Readings by edition's official cells, then by header (a few headers recur in every report). */
const READINGS = new WeakMap<readonly number[], Map<string, HeaderReading>>()
const READINGS_LIMIT = 1000

/** The header's reading, remembered (a header's items and outcomes decide it; callers copy what they hand out). */
function headerReading(
  official: readonly number[],
  named: readonly HeaderItem<GroupKey>[],
  outcomes: readonly OutcomeKey[]
): HeaderReading {
  let readings = READINGS.get(official)
  if (readings === undefined) READINGS.set(official, (readings = new Map()))
  const key = `${named.map((item) => ('key' in item ? item.key : '*')).join(',')}|${outcomes.join(',')}`
  let reading = readings.get(key)
  if (reading === undefined) {
    reading = readingOf(official, named, outcomes)
    if (readings.size >= READINGS_LIMIT) readings.clear()
    readings.set(key, reading)
  }
  return reading
}

function readingOf(official: readonly number[], named: readonly HeaderItem<GroupKey>[], outcomes: readonly OutcomeKey[]): HeaderReading {
  const read = readHeader(named, outcomes)
  if ('kind' in read) return read
  const width = OUTCOMES.length
  const printed = read.order.flatMap((group) => {
    const own = read.outcomes.get(group) as readonly OutcomeKey[]
    return own.map((outcome) => official[GROUPS.indexOf(group) * width + OUTCOMES.indexOf(outcome)] as number)
  })
  if (!printed.some((cell, i) => cell !== official[i])) return { printed, columns: undefined }
  const columns = read.order.map(
    (group) =>
      `${GROUP_LABEL.get(group) ?? group}（${(read.outcomes.get(group) ?? []).map((key) => OUTCOME_LABEL.get(key) ?? key).join('、')}）`
  )
  return { printed, columns }
}

function readHeader(
  named: readonly HeaderItem<GroupKey>[],
  namedOutcomes: readonly OutcomeKey[]
): { order: GroupKey[]; outcomes: Map<GroupKey, readonly OutcomeKey[]> } | HeaderProblem {
  // A header of the top row only (行政复议 · 行政诉讼) names no order below it: the official one.
  const items = named.some((item) => 'key' in item && UNDER_LITIGATION.has(item.key))
    ? named
    : named.flatMap((item) => ('span' in item ? [...UNDER_LITIGATION].map((key) => ({ key })) : [item]))
  const outcomes = namedOutcomes.length === 0 ? OUTCOMES : namedOutcomes
  const order = items.length === 0 ? [...GROUPS] : printedOrder(items, UNDER_LITIGATION)
  const groupProblem = headerProblem(order, GROUPS, (key) => GROUP_LABEL.get(key) ?? key)
  if (groupProblem !== undefined) return groupProblem
  const reading = items.length === 0 ? [...GROUPS] : items.flatMap((item) => ('key' in item ? [item.key] : []))
  const width = OUTCOMES.length
  const runs = outcomes.length === width ? reading.map(() => outcomes) : reading.map((_, i) => outcomes.slice(i * width, (i + 1) * width))
  const byGroup = new Map<GroupKey, readonly OutcomeKey[]>()
  for (const [i, group] of reading.entries()) {
    const run = runs[i] as readonly OutcomeKey[]
    const problem = headerProblem(run, OUTCOMES, (key) => `${GROUP_LABEL.get(group) ?? group} · ${OUTCOME_LABEL.get(key) ?? key}`)
    if (problem !== undefined) return problem
    byGroup.set(group, run)
  }
  if (outcomes.length !== width && outcomes.length !== width * reading.length) {
    return { kind: 'repeated', column: OUTCOME_LABEL.get(outcomes[width * reading.length] ?? 'total') ?? '' }
  }
  return { order, outcomes: byGroup }
}
