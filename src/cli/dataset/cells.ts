/**
 * What `zfxxgk dataset` shows of a body's year: its key cells (a constant list, by path: a cell, or
 * a group of cells summed), and how each cell of its merged report was read, from the statuses of
 * its sources (the better-read source's, where they agree; `conflicting` where the merge left a
 * cell `null` because they did not).
 *
 * @module
 */

import { COMPACT_STATUSES, type CompactReport } from '../../dataset/compact.js'
import { mergedValues } from '../../dataset/builder.js'
import type { DatasetYear } from '../../dataset/types.js'
import { readCells } from '../../model/empty.js'
import { cellSchema } from '../../model/schema.js'
import type { Cell, Edition, Report } from '../../model/types.js'
import type { CellStatus } from '../../serialize/status.js'

/** A key cell of the panel and the dashboard: a cell, or a group of cells summed, by path. */
export interface KeyCell {
  /** A cell's path, or the path of a group whose cells are summed (`applications.total.results.denied`: its eight rows). */
  readonly path: string
  /** Its Chinese label. */
  readonly label: string
}

const T = 'applications.total'
const R = 'reviewAndLitigation'

/**
 * The key cells, in the panel's order: table 三's 总计 column row by row (the 不予公开, 无法提供,
 * 不予处理 and 其他处理 groups summed), 自然人's new requests, table 二's stocks (2021: 现行有效件数;
 * 2019: 对外公开总数量) and decisions, and table 四's totals and corrections. A cell of the other
 * edition is empty.
 */
export const KEY_CELLS: readonly KeyCell[] = [
  { path: `${T}.newReceived`, label: '本年新收申请' },
  { path: 'applications.naturalPerson.newReceived', label: '本年新收申请（自然人）' },
  { path: `${T}.carriedOver`, label: '上年结转' },
  { path: `${T}.results.granted`, label: '予以公开' },
  { path: `${T}.results.partiallyGranted`, label: '部分公开' },
  { path: `${T}.results.denied`, label: '不予公开（合计）' },
  { path: `${T}.results.unavailable`, label: '无法提供（合计）' },
  { path: `${T}.results.notProcessed`, label: '不予处理（合计）' },
  { path: `${T}.results.other`, label: '其他处理（合计）' },
  { path: `${T}.results.total`, label: '办理结果总计' },
  { path: `${T}.carriedForward`, label: '结转下年度继续办理' },
  { path: 'activeDisclosure.regulations.inForce', label: '规章 现行有效件数' },
  { path: 'activeDisclosure.normativeDocuments.inForce', label: '行政规范性文件 现行有效件数' },
  { path: 'activeDisclosure.regulations.total', label: '规章 对外公开总数量' },
  { path: 'activeDisclosure.normativeDocuments.total', label: '规范性文件 对外公开总数量' },
  { path: 'activeDisclosure.licensing.decisions', label: '行政许可 处理决定数量' },
  { path: 'activeDisclosure.punishment.decisions', label: '行政处罚 处理决定数量' },
  { path: `${R}.review.total`, label: '行政复议 总计' },
  { path: `${R}.review.corrected`, label: '行政复议 结果纠正' },
  { path: `${R}.litigationDirect.total`, label: '行政诉讼 未经复议直接起诉 总计' },
  { path: `${R}.litigationAfterReview.total`, label: '行政诉讼 复议后起诉 总计' },
  { path: `${R}.litigationDirect.corrected`, label: '行政诉讼 未经复议直接起诉 结果纠正' },
  { path: `${R}.litigationAfterReview.corrected`, label: '行政诉讼 复议后起诉 结果纠正' }
]

/** For each edition, the cells (schema indices) each key cell sums: none when the edition has no such cell. */
const KEY_INDICES = new Map<Edition, readonly (readonly number[])[]>()

/**
 * The schema indices of the cells a key cell's path names in an edition: itself, or every cell below it.
 *
 * @param edition - The edition.
 */
export function keyIndices(edition: Edition): readonly (readonly number[])[] {
  let indices = KEY_INDICES.get(edition)
  if (indices === undefined) {
    const paths = cellSchema(edition).paths
    indices = KEY_CELLS.map(({ path }) => paths.flatMap((cell, i) => (cell === path || cell.startsWith(`${path}.`) ? [i] : [])))
    KEY_INDICES.set(edition, indices)
  }
  return indices
}

/** A body's year as the panel and the dashboard read it. */
export interface YearCells {
  /** Its merged report, built when read (each read builds it again: keep it). */
  readonly report: Report
  /** Each cell of the merged report by schema index (`null`: blank or not read). */
  cells: readonly Cell[]
  /** How each was read, by schema index. */
  statuses: readonly CellStatus[]
  /** Each key cell's value (`null`: a cell it sums is `null`, or the edition has none). */
  keys: readonly Cell[]
  /** Each key cell's status: the least well read of the cells it sums (`printed` when all were), or what made it `null`. */
  keyStatuses: readonly CellStatus[]
}

/** A status's rank: its place in {@link COMPACT_STATUSES}, best-read first. */
const RANK = new Map(COMPACT_STATUSES.map((status, i) => [status, i]))
const rank = (status: CellStatus): number => RANK.get(status) ?? COMPACT_STATUSES.length

/**
 * A body's year, read once: its merged cells, each cell's status, and its key cells.
 *
 * @param year - The year (its report is built once here).
 * @param sources - Each source's compact report, by source name.
 */
export function yearCells(year: DatasetYear, sources: ReadonlyMap<string, CompactReport>): YearCells {
  // The merged values as the builder holds them: the report is built only when asked for (JSON).
  const values = mergedValues(year)
  const cells =
    values === undefined
      ? readCells(year.report).map((cell) => cell ?? null)
      : Array.from(values, (value) => (Number.isNaN(value) ? null : value))
  const reports = year.sources.flatMap(({ source }) => {
    const report = sources.get(source)
    return report === undefined ? [] : [report]
  })
  const statuses = mergedStatuses(year.edition, cells, reports)
  const keys: Cell[] = []
  const keyStatuses: CellStatus[] = []
  for (const indices of keyIndices(year.edition)) {
    let sum: number | null = 0
    let status: CellStatus = indices.length === 0 ? 'missing' : 'printed'
    for (const i of indices) {
      const value = cells[i] ?? null
      const own = statuses[i] as CellStatus
      if (value === null) {
        // Null: what made it so (blank, missing, invalid …).
        if (sum !== null) status = own
        sum = null
      } else if (sum !== null) {
        sum += value
        if (rank(own) > rank(status)) status = own
      }
    }
    keys.push(indices.length === 0 ? null : sum)
    keyStatuses.push(status)
  }
  return {
    get report(): Report {
      return year.report
    },
    cells,
    statuses,
    keys,
    keyStatuses
  }
}

/**
 * Each merged cell's status: the source's when there is one (the merged report is its own); else
 * the best-read status of the sources that hold the merged value, `conflicting` where the merge
 * left the cell `null` because the best-read sources differ, and the primary source's where none
 * holds a value.
 */
function mergedStatuses(edition: Edition, cells: readonly Cell[], reports: readonly CompactReport[]): CellStatus[] {
  const only = reports[0]
  if (only === undefined) return cells.map((cell) => (cell === null ? 'blank' : 'printed'))
  if (reports.length === 1) return Array.from(only.statuses, (status) => COMPACT_STATUSES[status] ?? 'missing')
  const paths = cellSchema(edition).paths
  return cells.map((value, i) => {
    let best: number | undefined
    let held = false
    for (const report of reports) {
      const at = report.edition === edition ? i : cellSchema(report.edition).indexOf(paths[i] as string)
      if (at < 0) continue
      const own = report.values[at] as number
      if (Number.isNaN(own)) continue
      held = true
      if (own === value && (best === undefined || (report.statuses[at] as number) < best)) best = report.statuses[at] as number
    }
    if (best !== undefined) return COMPACT_STATUSES[best] ?? 'missing'
    if (held) return 'conflicting'
    const at = only.edition === edition ? i : cellSchema(only.edition).indexOf(paths[i] as string)
    return at < 0 ? 'missing' : (COMPACT_STATUSES[only.statuses[at] as number] ?? 'missing')
  })
}

/**
 * How many cells of each status other than `printed` and `blank` (`inferred:3 split:180`), in the
 * order of {@link COMPACT_STATUSES}; empty when every cell was printed or blank.
 *
 * @param statuses - Each cell's status.
 */
export function statusCounts(statuses: readonly CellStatus[]): string {
  const counts = new Map<CellStatus, number>()
  for (const status of statuses) if (status !== 'printed' && status !== 'blank') counts.set(status, (counts.get(status) ?? 0) + 1)
  return COMPACT_STATUSES.filter((status) => counts.has(status))
    .map((status) => `${status}:${counts.get(status) as number}`)
    .join(' ')
}
