/**
 * The cell store of one parse: each cell's value, state and position by index into the edition's
 * schema, and the placing of a table row's printed values into its cells (shared by every table).
 *
 * @module
 */

import { makeDiagnostic, type MessageFacts } from '../model/diagnose.js'
import { TABLES, type CellSchema, type TableNumber } from '../model/schema.js'
import type { Cell, Diagnostic, Position } from '../model/types.js'
import { applyNoteUnits, type BareMoney } from './note-units.js'
import { holdsSeveralNumbers, toWanyuan, type CellValue, type MoneyUnit, type NoteUnit, type UnknownUnit } from './number.js'
import type { Equation } from '../validate/equations.js'
import { gluedRun, readGlued, spaced, type GluedRow } from './glued.js'
import { MAX_PARSE_SPLIT_STEPS, type SplitBudget } from './split.js'
import {
  alignTokens,
  CellState,
  type DamagedRow,
  rowPath,
  tokenCount,
  tokenNumber,
  trimEmpties,
  type OpenRow,
  type RowToken
} from './rows.js'

export { CellState, type DamagedRow }

/** A glued row of table 二 whose cells stay `null` because several splits keep the format's rules. */
export interface UndecidedRow {
  /** Its table. */
  table: TableNumber
  /** Its label as printed. */
  label: string | undefined
  /** Its cells, by index into the schema, in column order. */
  cells: readonly number[]
  /** The run as printed. */
  run: string
  /** Every split: one value per column. */
  readings: readonly (readonly number[])[]
  /** Every split as printed: one piece per column. */
  pieces: readonly (readonly string[])[]
  /** Where the run is. */
  position: Position | undefined
  /** Its `ambiguous_value`, in the parse's diagnostics. */
  diagnostic: Diagnostic
  /**
   * `false` for a row of table 三 or 四 that the whole table's totals left `null`: a statement is
   * compared with its splits (`text_table_mismatch` where none gives its figure) but never chooses
   * one, which the table's other rows could contradict.
   */
  settles?: false
}

/** A digit, ASCII or full-width: hidden text holding one is said (`hidden_text`); other hidden text is not. */
const HAS_DIGIT = /[0-9０-９]/u

/** The cells of one parse, and the rows placed into them. */
export class CellStore {
  /** Each cell's value, by index into the schema. */
  readonly values: Cell[]
  /** Each cell's {@link CellState}, by index. */
  readonly states: Uint8Array
  /** Where each cell was printed, by index. */
  readonly positions: (Position | undefined)[]
  /** Rows whose values could not be placed by position. */
  readonly damaged: DamagedRow[] = []
  /** Which tables have a row placed. */
  readonly found: Record<TableNumber, boolean> = { 2: false, 3: false, 4: false }
  /** The rows placed so far, by id (`activeDisclosure.regulations`, `applications:newReceived`, `reviewAndLitigation`). */
  readonly seenRows = new Set<string>()
  /** Glued rows read by their own rules, with their `values_split` diagnostic and its facts (a broken table says so in it later). */
  readonly splits: { table: TableNumber; position: Position | undefined; facts: MessageFacts['values_split']; diagnostic: Diagnostic }[] =
    []
  /** Glued rows of table 二 left `null` with several readings, for a statement of the narrative to settle. */
  readonly undecided: UndecidedRow[] = []
  /** Rows printed again, by id and printed text, once compared. */
  private readonly repeats = new Set<string>()
  /** The runs of the glued rows placed, by row id (white space kept as single spaces, a space being a boundary): the same run printed again says nothing. */
  private readonly gluedRuns = new Map<string, string>()
  /** The steps left to the searches for glued rows' splits in this parse. */
  private readonly splitBudget: SplitBudget = { steps: MAX_PARSE_SPLIT_STEPS }
  /** Money cells printed as a bare number (no unit in the cell), which a note of the table may put in a unit. */
  private readonly bareMoney = new Map<number, BareMoney>()

  /**
   * @param schema - The edition's cell schema.
   * @param diagnostics - Where diagnostics go.
   */
  constructor(
    readonly schema: CellSchema,
    private readonly diagnostics: Diagnostic[],
    private readonly equations: readonly Equation[] = []
  ) {
    const count = schema.cells.length
    this.values = new Array<Cell>(count).fill(null)
    this.states = new Uint8Array(count)
    this.positions = new Array<Position | undefined>(count)
  }

  /**
   * Place a row's printed values into its cells, or record it as damaged when they do not fit.
   *
   * @param row - The row.
   * @param table - Its table.
   * @param rowId - Its id, to notice a row printed twice.
   * @param cells - Its columns' cells, in the order it prints them.
   * @param units - A money unit its column header names, per column.
   */
  placeRow(
    row: OpenRow,
    table: TableNumber,
    rowId: string,
    cells: readonly number[],
    units: readonly (MoneyUnit | UnknownUnit | undefined)[] = []
  ): void {
    const label = row.label?.text
    const position = row.label?.position ?? row.tokens[0]?.position
    const run = gluedRun(row.tokens)
    if (run !== undefined) {
      const glued = { table, rowId, label, cells, units, run: run.text, position: run.position ?? position }
      if (this.seenRows.has(rowId)) this.compareGlued(glued)
      else {
        this.sayHidden(run, () => rowPath(this.schema, table, cells))
        this.placeGlued(glued)
      }
      return
    }
    const values = alignTokens(row.tokens, cells.length, row.grid, table !== 2)
    if (this.seenRows.has(rowId)) {
      // A printing the same as an earlier repeat of the row has nothing more to say (a page repeated many times).
      const printed = `${rowId}\t${row.tokens.map((token) => token.text).join('\t')}`
      if (!this.repeats.has(printed)) {
        this.repeats.add(printed)
        this.compareRepeat(table, rowId, label, position, cells, units, values)
      }
      return
    }
    this.seenRows.add(rowId)
    this.found[table] = true
    if (values === undefined) {
      for (const token of row.tokens) this.sayHidden(token, () => rowPath(this.schema, table, cells))
      const printed = trimEmpties(row.tokens)
      for (const cell of cells) this.record(cell, null, CellState.unaligned, undefined)
      this.damaged.push({
        table,
        ...(label === undefined ? {} : { label }),
        cells,
        printed: printed.map(tokenCount),
        ...(position ? { position } : {})
      })
      this.diagnostics.push(
        makeDiagnostic(
          'row_length_mismatch',
          { table: TABLES[table].name, row: label, printed: printed.length, columns: cells.length },
          { path: rowPath(this.schema, table, cells), position }
        )
      )
      return
    }
    for (let i = 0; i < values.length; i++) this.setCell(cells[i] as number, values[i] as RowToken, units[i])
    // Table 二 has no totals to say where a second number printed in one cell belongs.
    if (table === 2) this.flagCrowded(values, cells)
  }

  /**
   * A cell printing two numbers (`3 1`) beside an empty cell: the second may be the empty cell's,
   * so that cell is not known to be blank. Each such empty neighbour gets `ambiguous_value`.
   */
  private flagCrowded(values: readonly RowToken[], cells: readonly number[]): void {
    values.forEach((token, i) => {
      if ((token.kind === 'value' && token.value.kind === 'number') || !holdsSeveralNumbers(token.text)) return
      for (const j of [i - 1, i + 1]) {
        const neighbour = values[j]
        if (neighbour?.kind !== 'value' || neighbour.value.kind !== 'empty') continue
        const path = this.schema.paths[cells[j] as number] as string
        const facts = { path, beside: this.schema.paths[cells[i] as number] as string, text: token.text.trim() }
        this.diagnostics.push(makeDiagnostic('ambiguous_value', facts, { path, position: neighbour.position ?? token.position }))
      }
    })
  }

  /** A glued row (its values run together): split it, and place what its splits decide. */
  private placeGlued(row: GluedRow): void {
    this.seenRows.add(row.rowId)
    this.gluedRuns.set(row.rowId, spaced(row.run))
    this.found[row.table] = true
    const outcome = readGlued(row, this.schema, this.equations, this.splitBudget)
    if (outcome.kind === 'placed') {
      row.cells.forEach((cell, i) => {
        const value = outcome.values[i] ?? null
        this.record(cell, value, value === null ? CellState.invalid : CellState.printed, row.position)
      })
      for (const money of outcome.bare)
        this.bareMoney.set(money.cell, { ...money, position: row.position, at: this.diagnostics.length + money.at })
      this.diagnostics.push(...outcome.notes)
      if (outcome.split !== undefined) {
        this.diagnostics.push(outcome.split.diagnostic)
        this.splits.push({ table: row.table, position: row.position, ...outcome.split })
      }
      return
    }
    const open = outcome.kind === 'open'
    for (const cell of row.cells) this.record(cell, null, open ? CellState.unaligned : CellState.invalid, row.position)
    if (outcome.kind === 'none') {
      this.diagnostics.push(outcome.diagnostic)
      if (outcome.readings !== undefined && outcome.pieces !== undefined) {
        const { table, label, cells, position } = row
        this.undecided.push({
          table,
          label,
          cells,
          run: row.run.trim(),
          readings: outcome.readings,
          pieces: outcome.pieces,
          position,
          diagnostic: outcome.diagnostic
        })
      }
      return
    }
    this.damaged.push({
      table: row.table,
      ...(row.label === undefined ? {} : { label: row.label }),
      cells: row.cells,
      printed: [],
      ...(row.position ? { position: row.position } : {}),
      glued: { run: row.run.trim(), readings: outcome.readings, pieces: outcome.pieces }
    })
  }

  /** A glued row printed a second time: the same run says nothing; another is compared as its one split, or named on its row. */
  private compareGlued(row: GluedRow): void {
    if (this.gluedRuns.get(row.rowId) === spaced(row.run)) return
    const outcome = readGlued(row, this.schema, this.equations, this.splitBudget)
    const values =
      outcome.kind === 'placed'
        ? outcome.values.map((value): RowToken => ({
            kind: 'value',
            text: value === null ? '' : String(value),
            value: value === null ? { kind: 'empty' } : { kind: 'number', value, digits: String(value) },
            grid: false,
            fromEnd: undefined,
            row: -1,
            position: row.position
          }))
        : undefined
    this.compareRepeat(row.table, row.rowId, row.label, row.position, row.cells, [], values)
  }

  /**
   * A row printed a second time (a table repeated, a row printed twice): where it prints other
   * values than the first printing, which is kept, say so cell by cell; where its values cannot
   * be aligned with the columns, say so for the row. The same values again say nothing.
   */
  private compareRepeat(
    table: TableNumber,
    rowId: string,
    label: string | undefined,
    position: Position | undefined,
    cells: readonly number[],
    units: readonly (MoneyUnit | UnknownUnit | undefined)[],
    values: RowToken[] | undefined
  ): void {
    const row = { table: TABLES[table].name, row: label }
    if (values === undefined) {
      const place = { path: rowPath(this.schema, table, cells), position }
      this.diagnostics.push(makeDiagnostic('conflicting_values', { ...row, path: place.path }, place))
      return
    }
    for (let i = 0; i < values.length; i++) {
      const cell = cells[i] as number
      const token = values[i] as RowToken
      const second = this.numberOf(cell, token, units[i])
      const first = this.values[cell] as Cell
      if (second === first) continue
      const path = this.schema.paths[cell] as string
      const facts = { ...row, path, first, second }
      const place = {
        path,
        position: token.position,
        ...(first === null ? {} : { expected: first }),
        ...(second === null ? {} : { actual: second })
      }
      this.diagnostics.push(makeDiagnostic('conflicting_values', facts, place))
    }
  }

  /** The number a row cell gives a cell, as `setCell` would record it (in 万元 for money); `null` for none. */
  private numberOf(cell: number, token: RowToken, unit: MoneyUnit | UnknownUnit | undefined): Cell {
    if (token.kind === 'text' || token.value.kind !== 'number') return null
    const value = token.value
    if (value.unit !== undefined && this.schema.cells[cell]?.money !== true) return null
    const applied = this.unitOf(cell, value.unit ?? unit)
    if (applied === undefined) return value.value
    if (typeof applied !== 'string') return null
    const converted = toWanyuan(value.digits, applied)
    return typeof converted === 'number' ? converted : null
  }

  /** The unit a cell's number must be converted from: only a money cell's, and never 万元 (`undefined`: none). */
  private unitOf(cell: number, unit: MoneyUnit | UnknownUnit | undefined): MoneyUnit | UnknownUnit | undefined {
    return this.schema.cells[cell]?.money === true && unit !== '万元' ? unit : undefined
  }

  /** Record a cell's value, its {@link CellState} and where it was printed. */
  record(cell: number, value: Cell, state: number, position: Position | undefined): void {
    this.values[cell] = value
    this.states[cell] = state
    this.positions[cell] = position
  }

  /** Sums of cells printed as one group row (see tables/groups.ts), for repair: each set of cells adds up to its value. */
  readonly groupSums: { cells: readonly number[]; value: number }[] = []

  /**
   * Put money cells printed as bare numbers in the unit that notes of their table state (see
   * `applyNoteUnits` in note-units.ts).
   *
   * @param notes - The notes that apply, by cell: the note's text and the unit it states.
   */
  applyNoteUnits(notes: ReadonlyMap<number, readonly { text: string; unit: NoteUnit['unit'] }[]>): void {
    applyNoteUnits(
      {
        bareMoney: this.bareMoney,
        record: (cell, value, state, position) => this.record(cell, value, state, position),
        schema: this.schema,
        diagnostics: this.diagnostics
      },
      notes
    )
  }

  /**
   * Say that a cell held digits a reader of the page does not see, which were not read (`hidden_text`),
   * if it did: named by its path, or by its row where the row's values could not be placed (`pathOf`
   * then gives it, called only when the token holds such digits).
   */
  private sayHidden(token: RowToken, pathOf: string | (() => string)): void {
    if (token.hidden === undefined) return
    const runs = token.hidden.filter((run) => HAS_DIGIT.test(run.text))
    if (runs.length === 0) return
    // A row's path is worked out only when there is something to say.
    const path = typeof pathOf === 'string' ? pathOf : pathOf()
    const blank = token.kind === 'value' && (token.value.kind === 'empty' || token.value.kind === 'blank')
    this.diagnostics.push(makeDiagnostic('hidden_text', { path, runs, blank }, { path, position: token.position }))
  }

  private setCell(cell: number, token: RowToken, unit: MoneyUnit | UnknownUnit | undefined): void {
    const position = token.position
    const path = this.schema.paths[cell] as string
    this.sayHidden(token, path)
    if (token.kind === 'text') {
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(makeDiagnostic('invalid_number', { path, text: token.text }, { path, position }))
      return
    }
    const value: CellValue = token.value
    if (value.kind === 'unreadable') {
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(makeDiagnostic('invalid_number', { path, text: token.text, why: value.why }, { path, position }))
      return
    }
    if (value.kind !== 'number') {
      this.record(cell, null, CellState.blank, position)
      const marker = value.kind === 'blank' ? value.marker : undefined
      this.diagnostics.push(makeDiagnostic('blank_cell', { path, marker }, { path, position }))
      return
    }
    const money = this.schema.cells[cell]?.money === true
    if (value.unit !== undefined && !money) {
      // `4亿元` in a count: the figure is not a count, and its unit is not to be dropped.
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(makeDiagnostic('invalid_number', { path, text: token.text, why: 'moneyUnit' }, { path, position }))
      return
    }
    let number = value.value
    if (value.unit === undefined && money && typeof unit !== 'object') {
      this.bareMoney.set(cell, { digits: value.digits, printed: token.text.trim(), position, header: unit, at: this.diagnostics.length })
    }
    const sourceUnit = this.unitOf(cell, value.unit ?? unit)
    if (typeof sourceUnit === 'object') {
      // A unit the header states that is no money unit of the catalogue (美元, 万): never a guess.
      this.record(cell, null, CellState.invalid, position)
      this.diagnostics.push(
        makeDiagnostic('unknown_unit', { path, unit: sourceUnit.unknown, printed: token.text.trim() }, { path, position })
      )
      return
    }
    if (sourceUnit !== undefined) {
      const converted = toWanyuan(value.digits, sourceUnit)
      if (typeof converted !== 'number') {
        this.record(cell, null, CellState.invalid, position)
        this.diagnostics.push(makeDiagnostic('invalid_number', { path, text: token.text, why: converted }, { path, position }))
        return
      }
      number = converted
      this.diagnostics.push(
        makeDiagnostic(
          'unit_converted',
          { path, printed: token.text.trim(), unit: sourceUnit, value: number },
          { path, position, actual: value.value, expected: number }
        )
      )
    }
    this.record(cell, number, CellState.printed, position)
  }
}
