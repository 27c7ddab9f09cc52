/**
 * Units stated by a note or caption of table 二 (`注：金额单位为元`), applied once the table is read
 * to the money cells printed as bare numbers.
 *
 * @module
 */

import { makeDiagnostic } from '../model/diagnose.js'
import type { CellSchema } from '../model/schema.js'
import type { Cell, Diagnostic, Position } from '../model/types.js'
import { toWanyuan, type MoneyUnit, type NoteUnit } from './number.js'
import { CellState } from './rows.js'

/** A note's unit and text. */
interface UnitNote {
  text: string
  unit: NoteUnit['unit']
}

/** What of the cell store a note's unit needs: the bare money cells, the schema, and where values and diagnostics go. */
export interface NoteStore {
  readonly bareMoney: ReadonlyMap<number, BareMoney>
  readonly schema: CellSchema
  readonly diagnostics: Diagnostic[]
  record(cell: number, value: Cell, state: number, position: Position | undefined): void
}

/** A money cell printed as a bare number: its digits and text, where, the unit its header states, and where its diagnostic goes. */
export interface BareMoney {
  digits: string
  printed: string
  position: Position | undefined
  header: MoneyUnit | undefined
  at: number
}

/**
 * Put money cells printed as bare numbers in the unit that notes of their table state
 * (`注：金额单位为元`), once the whole table is read: converted with `unit_converted`; `null` with
 * `unknown_unit` when the unit is no money unit of the format, or when the header, or another
 * note, states another unit. A unit printed in the cell itself stays as it is. Each diagnostic
 * takes the place in the list the cell's own would have had.
 *
 * @param store - The cell store's money cells and what records them.
 * @param notes - The notes that apply, by cell: the note's text and the unit it states.
 */
export function applyNoteUnits(store: NoteStore, notes: ReadonlyMap<number, readonly UnitNote[]>): void {
  const cells = [...notes.keys()].filter((cell) => store.bareMoney.has(cell))
  // From the last diagnostic place to the first, so that an insertion moves none still to come.
  cells.sort((a, b) => (store.bareMoney.get(b) as BareMoney).at - (store.bareMoney.get(a) as BareMoney).at)
  for (const cell of cells) applyNoteUnit(store, cell, store.bareMoney.get(cell) as BareMoney, notes.get(cell) ?? [])
}

function applyNoteUnit(store: NoteStore, cell: number, bare: BareMoney, notes: readonly UnitNote[]): void {
  const first = notes[0]
  if (first === undefined) return
  const name = (unit: NoteUnit['unit']): string => (typeof unit === 'string' ? unit : unit.unknown)
  const unit = name(first.unit)
  const path = store.schema.paths[cell] as string
  const place = { path, position: bare.position }
  const facts = { path, printed: bare.printed, unit, note: first.text }
  const other = notes.map((note) => name(note.unit)).find((stated) => stated !== unit)
  const against =
    bare.header !== undefined && bare.header !== unit
      ? { unit: bare.header, by: 'header' as const }
      : other === undefined
        ? undefined
        : { unit: other, by: 'note' as const }
  // The header's own diagnostic (a converted unit) is replaced; otherwise the note's takes its place.
  const replaced = bare.header !== undefined && bare.header !== '万元' ? 1 : 0
  let diagnostic: Diagnostic
  if (against !== undefined) {
    store.record(cell, null, CellState.invalid, bare.position)
    diagnostic = makeDiagnostic('unknown_unit', { ...facts, against }, place)
  } else if (bare.header !== undefined || unit === '万元') {
    // The header states the same unit, whose reading stands; or the note states 万元, the model's.
    return
  } else if (typeof first.unit === 'object') {
    store.record(cell, null, CellState.invalid, bare.position)
    diagnostic = makeDiagnostic('unknown_unit', facts, place)
  } else {
    const number = toWanyuan(bare.digits, unit)
    if (typeof number === 'number') {
      store.record(cell, number, CellState.printed, bare.position)
      diagnostic = makeDiagnostic(
        'unit_converted',
        { ...facts, value: number },
        { ...place, actual: Number(bare.digits), expected: number }
      )
    } else {
      // In the note's unit, the amount is more than a number holds exactly.
      store.record(cell, null, CellState.invalid, bare.position)
      diagnostic = makeDiagnostic('invalid_number', { path, text: bare.printed, why: number }, place)
    }
  }
  store.diagnostics.splice(bare.at, replaced, diagnostic)
}
