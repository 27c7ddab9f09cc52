/**
 * A group label of table 三 printed with values of its own (`（六）其他处理  2 0 0 0 0 0 2`): in a
 * 2021 report, the 2019 layout of a group that the 2021 format splits into rows 1.–3. When none
 * of its rows is printed, its values stand for their sum: where a column prints 0 every row is 0,
 * elsewhere the rows stay `null` and the printed sum is handed to repair with the totals. When its
 * rows are printed too, the line is kept in extras, as any line outside the format.
 *
 * @module
 */

import type { Table3RowSpec } from '../../model/catalogue.js'
import { makeDiagnostic } from '../../model/diagnose.js'
import { TABLES } from '../../model/schema.js'
import { labelCore, normalizeLabel } from '../normalize.js'
import { alignTokens, CellState, rowId, rowPath, tokenCount, tokenNumber, type OpenRow } from '../rows.js'
import type { MapperContext } from './construct.js'

/** A group label printed with values, and the order of table 三's columns when it was read. */
export interface PrintedGroup {
  row: OpenRow
  columns: readonly number[] | undefined
}

/** The rows under a group label in the catalogue: the numbered rows right after it (`1.…`, `2.…`). */
function rowsUnder(rows: readonly Table3RowSpec[], group: string): readonly Table3RowSpec[] {
  const at = rows.findIndex((row) => row.path === undefined && row.labels.includes(group))
  const under: Table3RowSpec[] = []
  for (let i = at + 1; at >= 0 && i < rows.length; i++) {
    const row = rows[i] as Table3RowSpec
    if (row.path === undefined || !/^\d/u.test(row.labels[0] ?? '')) break
    under.push(row)
  }
  return under
}

/**
 * Settle the group labels printed with values, once the table is read.
 *
 * @param context - The mapper.
 * @param printed - The groups printed with values, in order.
 */
export function settleGroups(context: MapperContext, printed: readonly PrintedGroup[]): void {
  const catalogue = context.index.catalogue.table3Rows
  for (const { row, columns } of printed) {
    const core = labelCore(row.label?.normalized ?? '')
    const group = catalogue.find(
      (spec) => spec.path === undefined && spec.labels.some((label) => labelCore(normalizeLabel(label)) === core)
    )
    const under = group === undefined ? [] : rowsUnder(catalogue, group.labels[0] as string)
    const values = alignTokens(row.tokens, 7, row.grid, true)
    if (under.length === 0 || values === undefined || under.some((spec) => context.cells.seenRows.has(rowId(3, spec.path as string)))) {
      context.keepExtra(row)
      continue
    }
    const cellsOf = (spec: Table3RowSpec): readonly number[] => {
      const official = context.cells.schema.table3.get(spec.path as string) ?? []
      return columns === undefined ? official : columns.map((column) => official[column] as number)
    }
    context.cells.found[3] = true
    values.forEach((token, column) => {
      // Where the sum is 0, every row is 0 (no count is negative); else null, the sum kept for repair.
      const cells = under.map((spec) => cellsOf(spec)[column] as number)
      const sum = tokenCount(token)
      const position = token.position ?? row.label?.position
      for (const cell of cells)
        context.cells.record(cell, sum === 0 ? 0 : null, sum === 0 ? CellState.printed : CellState.missing, position)
      if (sum !== null && sum !== 0) context.cells.groupSums.push({ cells, value: sum })
    })
    for (const spec of under) context.cells.seenRows.add(rowId(3, spec.path as string))
    context.diagnostics.push(
      makeDiagnostic(
        'group_as_row',
        { table: TABLES[3].name, row: row.label?.text.trim(), rows: under.map((spec) => spec.labels[0] as string) },
        {
          path: rowPath(
            context.cells.schema,
            3,
            under.flatMap((spec) => cellsOf(spec))
          ),
          position: row.label?.position
        }
      )
    )
  }
}
