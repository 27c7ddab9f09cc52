/**
 * The cell schema of each edition, built once from the catalogue: every cell of tables 二, 三 and
 * 四 with its dot path, its index, its table, row and column, whether it is money or signed, and
 * its official labels. It is the one place cell knowledge lives: the mapper, repair, validation,
 * the layout and the serialisers address cells by index into it.
 *
 * @module
 */

import { APPLICANT_COLUMNS, CATALOGUES, COUNT_UNIT, MONEY_UNIT, TABLE4_GROUPS, TABLE4_OUTCOMES } from './catalogue.js'
import type { Edition } from './types.js'

/** The three tables, by their number in the format. */
export type TableNumber = 2 | 3 | 4

/** A table's name as the format prints it. */
export type TableName = '二' | '三' | '四'

/** The model key of each table, and its name as the format prints it. */
export const TABLES: Readonly<Record<TableNumber, { readonly key: string; readonly name: TableName }>> = {
  2: { key: 'activeDisclosure', name: '二' },
  3: { key: 'applications', name: '三' },
  4: { key: 'reviewAndLitigation', name: '四' }
}

/** One cell of a table. */
export interface CellSpec {
  /** Dot path into the report, e.g. `applications.commercial.results.granted`. */
  readonly path: string
  /** Its index in {@link CellSchema.cells}. */
  readonly index: number
  /** Table 二, 三 or 四. */
  readonly table: TableNumber
  /** Its row: a table 二 row key (`regulations`), a table 三 row path (`results.granted`), a table 四 group (`review`). */
  readonly row: string
  /** Its column: a table 二 column key (`made`), an applicant (`commercial`), a table 四 outcome (`upheld`). */
  readonly column: string
  /** A money cell, in 万元, that may have decimals. */
  readonly money: boolean
  /** A count that may be negative (本年增/减). */
  readonly signed: boolean
  /** What its number is in: `万元` for money, else what it counts (`件`, `项`). */
  readonly unit: string
  /** The official labels of its row and column. */
  readonly labels: { readonly row: string; readonly column: string }
}

/** Every cell of an edition, and the ways in. */
export interface CellSchema {
  /** The edition. */
  readonly edition: Edition
  /** Every cell, table by table in the official order (table 三 column by column). */
  readonly cells: readonly CellSpec[]
  /** The path of each cell, by index. */
  readonly paths: readonly string[]
  /** Table 二: for each row key, its cells in the official column order. */
  readonly table2: ReadonlyMap<string, readonly number[]>
  /** Table 三: for each row path, its cells in applicant order (the 总计 column last). */
  readonly table3: ReadonlyMap<string, readonly number[]>
  /** Table 四: its fifteen cells, group by group. */
  readonly table4: readonly number[]
  /** Every cell of each table, by index. */
  readonly byTable: Readonly<Record<TableNumber, readonly number[]>>
  /** The index of a path, or -1 when it names no cell. */
  indexOf(path: string): number
}

const SCHEMAS = new Map<Edition, CellSchema>()

/**
 * The cell schema of an edition (built once).
 *
 * @param edition - The edition.
 */
export function cellSchema(edition: Edition): CellSchema {
  let schema = SCHEMAS.get(edition)
  if (schema === undefined) {
    schema = buildSchema(edition)
    SCHEMAS.set(edition, schema)
  }
  return schema
}

function buildSchema(edition: Edition): CellSchema {
  const catalogue = CATALOGUES[edition]
  const cells: CellSpec[] = []
  const add = (spec: Omit<CellSpec, 'index' | 'path'>, path: string): number => {
    cells.push(Object.freeze({ ...spec, path, index: cells.length }))
    return cells.length - 1
  }
  const table2 = new Map<string, number[]>()
  for (const row of catalogue.table2Rows) {
    table2.set(
      row.key,
      row.columns.map((key) => {
        const column = catalogue.table2Columns.find((spec) => spec.key === key)
        const labels = { row: row.labels[0] ?? row.key, column: column?.labels[0] ?? key }
        const money = column?.money === true
        const flags = { money, signed: column?.signed === true, unit: money ? MONEY_UNIT : (column?.unit ?? COUNT_UNIT) }
        return add({ table: 2, row: row.key, column: key, ...flags, labels }, `${TABLES[2].key}.${row.key}.${key}`)
      })
    )
  }
  const table3 = new Map<string, number[]>()
  const rows3 = catalogue.table3Rows.filter((row) => row.path !== undefined)
  for (const applicant of APPLICANT_COLUMNS) {
    for (const row of rows3) {
      const path = row.path as string
      const labels = { row: row.labels[0] ?? path, column: applicant.labels[0] ?? applicant.key }
      const index = add(
        { table: 3, row: path, column: applicant.key, money: false, signed: false, unit: COUNT_UNIT, labels },
        `${TABLES[3].key}.${applicant.key}.${path}`
      )
      table3.set(path, [...(table3.get(path) ?? []), index])
    }
  }
  const table4 = TABLE4_GROUPS.flatMap((group) =>
    TABLE4_OUTCOMES.map((outcome) => {
      const labels = { row: group.labels[0], column: outcome.labels[0] }
      return add(
        { table: 4, row: group.key, column: outcome.key, money: false, signed: false, unit: COUNT_UNIT, labels },
        `${TABLES[4].key}.${group.key}.${outcome.key}`
      )
    })
  )
  const byPath = new Map(cells.map((cell) => [cell.path, cell.index]))
  return Object.freeze({
    edition,
    cells: Object.freeze(cells),
    paths: Object.freeze(cells.map((cell) => cell.path)),
    table2,
    table3,
    table4: Object.freeze(table4),
    byTable: Object.freeze({ 2: [...table2.values()].flat(), 3: [...table3.values()].flat().sort((a, b) => a - b), 4: table4 }),
    indexOf: (path: string) => byPath.get(path) ?? -1
  })
}
