/**
 * An HTML `<table>` as a grid: its rows and cells as printed, with rowspan and
 * colspan worked out so the core knows which rows are complete.
 *
 * A cell spanning several rows or columns is kept once, where it starts; the
 * core reads table 二 by each block's header order and tables 三 and 四 by the
 * last cells of each complete row, so copies of a spanning cell would only
 * shift values. What the spans tell is the width of the table and whether a
 * row covers all of it.
 *
 * @module
 */

import type { Element } from 'domhandler'
import type { SourceCell, SourceRow, SourceTable } from '../../source/document.js'
import type { LineIndex } from '../../source/position.js'
import { cellText } from './text.js'

/** The largest span honoured; larger values (typos, attacks) count as this. */
const MAX_SPAN = 1000

/**
 * The rows of a table element: `<tr>` children of the table and of its
 * `<thead>`, `<tbody>` and `<tfoot>`, not of tables nested in it.
 *
 * @param table - A `<table>` element.
 */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = []
  for (const child of table.children) {
    if (child.type !== 'tag') continue
    if (child.name === 'tr') rows.push(child)
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') {
      for (const row of child.children) if (row.type === 'tag' && row.name === 'tr') rows.push(row)
    }
  }
  return rows
}

/**
 * The `<td>` and `<th>` children of a row.
 *
 * @param row - A `<tr>` element.
 */
export function rowCells(row: Element): Element[] {
  return row.children.filter((child): child is Element => child.type === 'tag' && (child.name === 'td' || child.name === 'th'))
}

function span(cell: Element, name: 'rowspan' | 'colspan'): number {
  const value = Number.parseInt(cell.attribs[name] ?? '1', 10)
  return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 1
}

/**
 * Read a data table (one holding no other table) into the neutral document.
 *
 * @param table - The `<table>` element.
 * @param index - Line index of the input, for positions.
 */
export function readTable(table: Element, index: LineIndex): SourceTable {
  const rows = tableRows(table)
  /** For each row, how many of its columns are taken (by its cells and by cells spanning down into it). */
  const covered: number[] = []
  /** Columns still taken by a rowspan from above: column → rows left. */
  let carried: number[] = []
  const sourceRows: SourceRow[] = rows.map((row, r) => {
    const taken = carried.map((left) => left > 0)
    const next = carried.map((left) => Math.max(0, left - 1))
    let column = 0
    const cells: SourceCell[] = []
    for (const cell of rowCells(row)) {
      while (taken[column] === true) column++
      const columns = span(cell, 'colspan')
      const down = Math.min(span(cell, 'rowspan'), rows.length - r)
      for (let c = column; c < column + columns; c++) {
        taken[c] = true
        next[c] = Math.max(next[c] ?? 0, down - 1)
      }
      column += columns
      cells.push(cellText(cell, index))
    }
    carried = next
    covered.push(taken.filter(Boolean).length)
    return { cells, position: index.at(locationOf(row)) }
  })
  const width = Math.max(0, ...covered)
  sourceRows.forEach((row, r) => {
    row.complete = covered[r] === width
  })
  const start = locationOf(table)
  return { type: 'table', grid: true, columns: width, rows: sourceRows, position: index.at(start) }
}

/** Where an element starts in the input. */
function locationOf(element: Element): number {
  return element.startIndex ?? 0
}
