/**
 * Table 四 (政府信息公开行政复议、行政诉讼情况): a header over two or three rows (行政复议, 行政诉讼 ·
 * 未经复议直接起诉, 复议后起诉, each 结果维持 … 总计), then one row of fifteen numbers with no label.
 *
 * @module
 */

import { makeDiagnostic } from '../../model/diagnose.js'
import { TABLES } from '../../model/schema.js'
import { rowId } from '../cells.js'
import type { TableConstruct } from './construct.js'

/** Table 四, read afresh for one parse. */
export function table4(): TableConstruct {
  /** How many of its header labels were read: its row of numbers follows them. */
  let headers = 0
  return {
    table: 4,
    onLabel() {
      headers++
    },
    onValue(_context, token, pending) {
      return token.value.kind === 'empty' ? undefined : { table: 4, tokens: [...pending, token], grid: token.grid }
    },
    onRowEnd(context, pending) {
      // A grid row printed with every cell empty: a row of blanks, not a missing row.
      return headers >= 2 && pending.length >= context.cells.schema.table4.length ? { table: 4, tokens: pending, grid: true } : undefined
    },
    close(context, row) {
      context.cells.placeRow(row, 4, rowId(4, ''), context.cells.schema.table4)
    },
    settle(context) {
      if (headers < 2 || context.cells.found[4]) return
      context.cells.found[4] = true
      context.diagnostics.push(makeDiagnostic('row_missing', { table: TABLES[4].name }, { path: TABLES[4].key }))
    }
  }
}
