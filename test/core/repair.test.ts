import { describe, expect, it } from 'vitest'
import { repair } from '../../src/core/repair.js'
import { parseReport } from '../../src/index.js'
import { equationsOf, type Equation } from '../../src/validate/equations.js'
import { cellSchema } from '../../src/model/schema.js'
import { corpusInput, validReport2021 } from '../helpers.js'

const full = corpusInput('text-2021-full')
const valid = validReport2021()

/** Replace the value cells of the table 三 row whose label starts with `label`. */
function editRow(text: string, label: string, edit: (cells: string[]) => string[]): string {
  return text
    .split('\n')
    .map((line) => {
      const cells = line.split('\t')
      const at = cells.findIndex((cell) => cell.startsWith(label))
      if (at < 0) return line
      const start = cells.length - 7
      return [...cells.slice(0, start), ...edit(cells.slice(start))].join('\t')
    })
    .join('\n')
}

const codes = (text: string, repairOn = true): string[] =>
  parseReport(text, { repair: repairOn }).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''}`)

describe('repair through parseReport', () => {
  it('fills a blank cell the invariants pin, with value_inferred', () => {
    const text = editRow(full, '（一）予以公开', (cells) => cells.map((cell, i) => (i === 2 ? '/' : cell)))
    const result = parseReport(text)
    expect(result.report?.applications.research.results.granted).toBe(valid.applications.research.results.granted)
    expect(codes(text)).toEqual([
      'blank_cell applications.research.results.granted',
      'value_inferred applications.research.results.granted'
    ])
    expect(result.diagnostics[1]?.expected).toBe(valid.applications.research.results.granted)
  })

  it('leaves it null with repair off', () => {
    const text = editRow(full, '（一）予以公开', (cells) => cells.map((cell, i) => (i === 2 ? '/' : cell)))
    expect(parseReport(text, { repair: false }).report?.applications.research.results.granted).toBeNull()
    expect(codes(text, false)).toEqual(['blank_cell applications.research.results.granted'])
  })

  it('leaves cells null when the invariants do not pin them (a 2×2 rectangle of blanks)', () => {
    let text = editRow(full, '（一）予以公开', (cells) => cells.map((cell, i) => (i < 2 ? '-' : cell)))
    text = editRow(text, '（二）部分公开', (cells) => cells.map((cell, i) => (i < 2 ? '-' : cell)))
    const report = parseReport(text).report
    expect(report?.applications.naturalPerson.results.granted).toBeNull()
    expect(report?.applications.commercial.results.partiallyGranted).toBeNull()
    expect(codes(text).filter((code) => code.startsWith('value_inferred'))).toEqual([])
  })

  it('places a row that lost one value when only one placement keeps the totals', () => {
    const text = editRow(full, '（一）予以公开', (cells) => cells.filter((_, i) => i !== 3))
    const report = parseReport(text).report
    expect(report?.applications.nonProfit.results.granted).toBe(valid.applications.nonProfit.results.granted)
    expect(report?.applications.total.results.granted).toBe(valid.applications.total.results.granted)
    const found = codes(text)
    expect(found[0]).toBe('row_length_mismatch applications.*.results.granted')
    expect(found.filter((code) => code.startsWith('value_inferred'))).toHaveLength(7)
  })

  it('never shifts values silently: with repair off the damaged row is null', () => {
    const text = editRow(full, '（一）予以公开', (cells) => cells.filter((_, i) => i !== 3))
    const report = parseReport(text, { repair: false }).report
    expect(report?.applications.naturalPerson.results.granted).toBeNull()
    expect(report?.applications.total.results.granted).toBeNull()
    expect(codes(text, false)).toEqual(['row_length_mismatch applications.*.results.granted'])
  })

  it('places a row that printed one value too many', () => {
    const text = editRow(full, '（一）予以公开', (cells) => [...cells.slice(0, 2), '9', ...cells.slice(2)])
    const report = parseReport(text).report
    expect(report?.applications.research.results.granted).toBe(valid.applications.research.results.granted)
  })
})

describe('repair() itself', () => {
  // Seven cells of one row (six applicant columns and their 总计), by index as repair sees them.
  const paths = [0, 1, 2, 3, 4, 5, 6]
  const rowEquation: Equation[] = [
    { rule: 'I-4', path: 'row', at: 6, left: [6], right: paths.slice(0, 6), terms: [6, ...paths.slice(0, 6)] }
  ]

  it('gives a unique placement', () => {
    // Only the gap in the total column keeps 总计 = the parts: any other gap makes the total 0 < 5.
    const outcome = repair(new Map(), new Set(), [{ cells: paths, printed: [5, 0, 0, 0, 0, 0] }], rowEquation)
    expect(outcome.rows).toEqual(['placed'])
    expect(paths.map((path) => outcome.filled.get(path))).toEqual([5, 0, 0, 0, 0, 0, 5])
  })

  it('calls a row ambiguous when two placements keep the totals', () => {
    const outcome = repair(new Map(), new Set(), [{ cells: paths, printed: [1, 1, 0, 0, 0, 2] }], rowEquation)
    expect(outcome.rows).toEqual(['ambiguous'])
    expect(outcome.filled.size).toBe(0)
  })

  it('places a row when every placement gives the same values', () => {
    const outcome = repair(new Map(), new Set(), [{ cells: paths, printed: [0, 0, 0, 0, 0, 0] }], rowEquation)
    expect(outcome.rows).toEqual(['placed'])
    expect([...outcome.filled.values()]).toEqual([0, 0, 0, 0, 0, 0, 0])
  })

  it('calls a row inconsistent when no placement keeps the totals', () => {
    // Eight values for seven columns: whichever is dropped, the last kept is far below the sum of the parts.
    const outcome = repair(new Map(), new Set(), [{ cells: paths, printed: [9, 9, 9, 9, 9, 9, 1, 0] }], rowEquation)
    expect(outcome.rows).toEqual(['inconsistent'])
    expect(outcome.filled.size).toBe(0)
  })

  it('uses non-negativity: parts that must add up to 0 are all 0', () => {
    const schema = cellSchema('2021')
    const group = ['upheld', 'corrected', 'other', 'pending', 'total'].map((key) => schema.indexOf(`reviewAndLitigation.review.${key}`))
    const known = new Map([[group[4] as number, 0]])
    const outcome = repair(known, new Set(group.slice(0, 4)), [], equationsOf('2021').i5)
    expect([...outcome.filled.entries()].sort()).toEqual(
      group
        .slice(0, 4)
        .map((cell) => [cell, 0])
        .sort()
    )
  })

  it('does not fill what two unknowns share', () => {
    const [a, b] = [paths[0] as number, paths[1] as number]
    const known = new Map(paths.slice(2).map((path, i) => [path, i === 4 ? 10 : 1] as const))
    const outcome = repair(known, new Set([a, b]), [], rowEquation)
    expect(outcome.filled.size).toBe(0)
  })
})

it('valid fixture needs no repair', () => {
  expect(parseReport(full).diagnostics).toEqual([])
})
