/**
 * Table 二 (主动公开政府信息情况): stacked blocks, each a 第二十条 caption, a header row starting
 * with 信息内容, then data rows. A row's values map to the columns its block's header names, in
 * the order it prints them; a money column's header may name the unit.
 *
 * @module
 */

import { CATALOGUES, type ColumnSpec, type Table2RowSpec } from '../../model/catalogue.js'
import { makeDiagnostic } from '../../model/diagnose.js'
import { TABLES } from '../../model/schema.js'
import { rowId, type OpenRow } from '../rows.js'
import type { LabelMeaning } from '../labels.js'
import { headerUnit, noteUnits, type MoneyUnit, type NoteUnit, type UnknownUnit } from '../number.js'
import type { TextToken } from '../tokens.js'
import type { MapperContext, TableConstruct } from './construct.js'

interface HeaderCell {
  token: TextToken
  candidates: ColumnSpec[]
}

/** Table 二, read afresh for one parse. */
export function table2(): TableConstruct {
  let header: HeaderCell[] = []
  let headerOpen = false
  /** Units that notes or captions of the table state, in reading order. */
  const notes: UnitNote[] = []

  /** Each row kind's cells and units under the current header (rows of a block share them); emptied when the header changes. */
  let placed = new Map<Table2RowSpec, { cells: number[]; units: (MoneyUnit | UnknownUnit | undefined)[] }>()

  const addHeader = (token: TextToken, candidates: ColumnSpec[]): void => {
    if (!headerOpen) {
      header = []
      headerOpen = true
    }
    header.push({ token, candidates })
    placed = new Map()
  }
  const newBlock = (): void => {
    header = []
    headerOpen = true
    placed = new Map()
  }

  /** The row's columns in the order its block's header prints them; the official order when the header does not name them all. */
  const blockColumns = (context: MapperContext, keys: readonly string[]): ColumnSpec[] => {
    const official = keys.map((key) => context.index.columns.find((column) => column.key === key) as ColumnSpec)
    const assigned: (ColumnSpec | undefined)[] = []
    for (const cell of header) {
      const single = cell.candidates.length === 1 ? cell.candidates[0] : undefined
      assigned.push(single !== undefined && !assigned.includes(single) ? single : undefined)
    }
    header.forEach((cell, i) => {
      if (assigned[i] !== undefined) return
      const free = cell.candidates.find((candidate) => !assigned.includes(candidate))
      if (free !== undefined) assigned[i] = free
    })
    const ordered = assigned.filter((column): column is ColumnSpec => column !== undefined && keys.includes(column.key))
    return ordered.length === keys.length ? ordered : official
  }

  return {
    table: 2,
    claim(context, meanings, token) {
      if (meanings.length < 2) return false
      const columns = meanings.flatMap((meaning) => (meaning.table === 2 && meaning.role === 'column' ? [meaning.column] : []))
      if (columns.length <= 1 || columns.length !== meanings.length || (context.state !== 0 && context.state !== 2)) return false
      context.state = 2
      addHeader(token, columns)
      return true
    },
    onLabel(context, meaning: LabelMeaning, token) {
      if (meaning.table !== 2) return
      if (meaning.role === 'caption' || meaning.role === 'content') newBlock()
      else if (meaning.role === 'column') addHeader(token, [meaning.column])
      else if (meaning.role === 'row') {
        headerOpen = false
        context.open = { table: 2, key: meaning.key, label: token, tokens: [], grid: token.grid }
      }
    },
    onParagraphLabel: newBlock,
    onNote(context, token) {
      const text = token.text.trim()
      let taken = false
      for (const { subject, unit } of noteUnits(text)) {
        const columns = noteColumns(context, subject)
        if (columns.length === 0) continue
        notes.push({ text, unit, columns })
        taken = true
      }
      return taken
    },
    settle(context) {
      if (notes.length === 0) return
      const byCell = new Map<number, UnitNote[]>()
      context.cells.schema.cells.forEach((cell, index) => {
        if (cell.table !== 2 || !cell.money) return
        const applying = notes.filter((note) => note.columns.includes(cell.column))
        if (applying.length > 0) byCell.set(index, applying)
      })
      context.cells.applyNoteUnits(byCell)
    },
    close(context, row: OpenRow) {
      const spec = context.index.catalogue.table2Rows.find((candidate) => candidate.key === row.key)
      const official = context.cells.schema.table2.get(row.key ?? '')
      if (spec === undefined || official === undefined) return
      let place = placed.get(spec)
      if (place === undefined) {
        const columns = blockColumns(context, spec.columns)
        const units = columns.map((column) => {
          const cell = header.find((headerCell) => headerCell.candidates.includes(column))
          return cell === undefined ? undefined : headerUnit(cell.token.text)
        })
        place = { cells: columns.map((column) => official[spec.columns.indexOf(column.key)] as number), units }
        placed.set(spec, place)
      }
      context.cells.placeRow(row, 2, rowId(2, spec.key), place.cells, place.units)
    },
    missingRows(context) {
      if (!context.cells.found[2]) return
      for (const row of context.index.catalogue.table2Rows) {
        const path = rowId(2, row.key)
        if (!context.cells.seenRows.has(path)) {
          context.diagnostics.push(makeDiagnostic('row_missing', { table: TABLES[2].name, row: row.labels[0] ?? '' }, { path }))
        }
      }
    }
  }
}

/** A unit a note or caption of the table states: the note as printed, the unit, and the money columns it applies to. */
interface UnitNote {
  text: string
  unit: NoteUnit['unit']
  columns: readonly string[]
}

/** Words by which a note names a money column, of either edition (a 2021 note on 采购 names no column of 2021). */
const NOTE_WORDS = Object.values(CATALOGUES).flatMap((catalogue) => catalogue.table2Columns.flatMap((column) => column.noteWords ?? []))

/**
 * The money columns of the edition a note's clause applies to: the one it names
 * (`采购总金额单位为元`), or every one when it names none (`金额单位为元`, `（单位：元）`).
 */
function noteColumns(context: MapperContext, subject: string): string[] {
  const named = NOTE_WORDS.some((word) => subject.includes(word))
  return context.index.catalogue.table2Columns
    .filter((column) => column.money === true && (!named || (column.noteWords ?? []).some((word) => subject.includes(word))))
    .map((column) => column.key)
}
