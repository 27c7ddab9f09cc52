/**
 * `parse --to xlsx`: an Excel workbook (also read by WPS and LibreOffice) of the long or the wide
 * shape, its rows those of the CSV with numbers as numeric cells and text as string cells (never a
 * formula: a string cell is text whatever it starts with, so no `'` is put before `=`), a frozen
 * header (the wide shape's second header row holds the Chinese labels), and a `zfxxgk` sheet with
 * the version and the options. A workbook cannot be streamed: its rows are kept until the end, and
 * `write-excel-file` is loaded then, only when `--to xlsx` is used.
 *
 * @module
 */

import { existsSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Input } from './files.js'
import type { Outcome } from './outcome.js'
import type { Output, Write } from './output.js'
import { sheetHeader, type About, type RenderJob, type SheetValue } from './render.js'
import { realTarget, specialFile, writeReplacing } from './replace.js'

/** The most rows a sheet of a workbook holds (Excel's limit). */
export const SHEET_ROWS = 1_048_576

/**
 * The rows of a workbook's sheets: the data, then `zfxxgk` (what made it).
 *
 * @param shape - The shape.
 * @param rows - The data rows.
 * @param about - What made the output.
 */
export function workbookSheets(
  shape: 'long' | 'wide',
  rows: readonly SheetValue[][],
  about: About | undefined
): { name: string; rows: SheetValue[][]; frozen: number }[] {
  const header = sheetHeader(shape)
  const made: SheetValue[][] = [
    ['key', 'value'],
    ['version', about?.version ?? null],
    ...Object.entries(about?.options ?? {}).map(([key, value]): SheetValue[] => [
      key,
      value === null ? null : typeof value === 'object' ? value.join(' ') : typeof value === 'boolean' ? String(value) : value
    ])
  ]
  return [
    { name: shape === 'long' ? 'cells' : 'reports', rows: [...header, ...rows], frozen: header.length },
    { name: 'zfxxgk', rows: made, frozen: 1 }
  ]
}

/**
 * A workbook's bytes, `write-excel-file` loaded here (and only here).
 *
 * @param sheets - The sheets of {@link workbookSheets}.
 */
export async function workbookBytes(sheets: readonly { name: string; rows: SheetValue[][]; frozen: number }[]): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node')
  return writeXlsxFile(
    sheets.map((sheet) => ({
      sheet: sheet.name,
      stickyRowsCount: sheet.frozen,
      // A string is a string cell, a number a numeric one; `null` an empty cell.
      data: sheet.rows.map((row) =>
        row.map((value) => (value === null ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String }))
      )
    }))
  ).toBuffer()
}

/**
 * The output of `parse --to xlsx`: every input's rows kept (a sheet holds at most {@link SHEET_ROWS}:
 * a write past it fails, and the run stops saying so), then the workbook written whole at the end,
 * to the file (under a temporary name, renamed) or to standard output.
 *
 * @param path - `-o` (a file), or `undefined` for standard output.
 * @param stdout - Standard output.
 * @param render - The shape, and what made the output.
 */
export function xlsxOutput(path: string | undefined, stdout: Write, render: RenderJob): Output {
  const parent = path === undefined ? undefined : dirname(path)
  if (parent !== undefined && (!existsSync(parent) || !statSync(parent).isDirectory()))
    throw new Error(`-o ${path}: the folder ${parent} does not exist`)
  const rows: SheetValue[][] = []
  const limit = SHEET_ROWS - sheetHeader(render.shape).length
  const decoder = new TextDecoder()
  return {
    name: path ?? 'standard output',
    unfinished: path === undefined ? 'nothing was written to standard output' : `${path} was not written (left as it was)`,
    start: async () => undefined,
    write: async (outcome: Outcome, _input: Input) => {
      try {
        const text = typeof outcome.chunk === 'string' ? outcome.chunk : decoder.decode(outcome.chunk)
        for (const line of text.split('\n')) {
          if (line === '') continue
          if (rows.length >= limit) throw new Error(`a sheet holds at most ${SHEET_ROWS} rows: use --shape wide, or --to csv`)
          rows.push(JSON.parse(line) as SheetValue[])
        }
      } finally {
        outcome.release?.()
      }
    },
    end: async () => {
      const bytes = await workbookBytes(workbookSheets(render.shape, rows, render.about))
      if (path === undefined) await stdout(bytes)
      // A device or a FIFO (/dev/null) is written as it is; a file is replaced whole.
      else if (specialFile(path)) writeFileSync(path, bytes)
      else writeReplacing(realTarget(path), [bytes])
    },
    abandon: () => undefined
  }
}
