/**
 * Table 三 (收到和处理政府信息公开申请情况): a header of applicant columns over two or three rows,
 * then one row per item, each with seven values (six applicant columns and 总计), under group
 * labels such as （三）不予公开 that hold no values of their own.
 *
 * @module
 */

import { makeDiagnostic } from '../../model/diagnose.js'
import { TABLES } from '../../model/schema.js'
import { rowId } from '../cells.js'
import type { TableConstruct } from './construct.js'

/** Table 三, read afresh for one parse. */
export function table3(): TableConstruct {
  /** Before its first row, a label that is both a column and a row (总计) is the column. */
  let phase: 'header' | 'rows' = 'header'
  return {
    table: 3,
    prefer(pool) {
      const wanted = phase === 'header' ? 'column' : 'row'
      return pool.find((meaning) => meaning.role === wanted) ?? pool[0]
    },
    onLabel(context, meaning, token) {
      if (meaning.table !== 3) return
      if (meaning.role === 'row') {
        phase = 'rows'
        context.open = { table: 3, key: meaning.path, label: token, tokens: [], grid: token.grid }
      } else if (meaning.role === 'group') {
        phase = 'rows'
        context.open = { table: 3, group: true, label: token, tokens: [], grid: token.grid }
      }
    },
    close(context, row) {
      const key = row.key ?? ''
      context.cells.placeRow(row, 3, rowId(3, key), context.cells.schema.table3.get(key) ?? [])
    },
    missingRows(context) {
      if (!context.cells.found[3]) return
      for (const row of context.index.catalogue.table3Rows) {
        if (row.path !== undefined && !context.cells.seenRows.has(rowId(3, row.path))) {
          context.diagnostics.push(
            makeDiagnostic('row_missing', { table: TABLES[3].name, row: row.labels[0] ?? '' }, { path: TABLES[3].key })
          )
        }
      }
    }
  }
}
