/**
 * `pathOfCells`: the path naming a set of cells (a row, a group, a column), and `pathNames`: the
 * cells a path names. Examples from each table, and a property against the definition.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { cellPaths } from '../../src/index.js'
import { pathNames, pathOfCells } from '../../src/model/paths.js'

/** The definition, written plainly: each key of the first cell that every cell has at that place, else `*`; trailing `*` dropped after the second key. */
function definition(cells: readonly string[]): string {
  const first = (cells[0] as string).split('.')
  const keys = first.map((key, i) => (cells.every((cell) => cell.split('.')[i] === key) ? key : '*'))
  let end = keys.length
  while (end > 2 && keys[end - 1] === '*') end--
  return keys.slice(0, end).join('.')
}

describe('pathOfCells', () => {
  it('names a row of table 三, a group, table 四’s row, one cell', () => {
    const row = cellPaths('2021').filter((path) => path.startsWith('applications.') && path.endsWith('.results.granted'))
    expect(pathOfCells(row)).toBe('applications.*.results.granted')
    const group = cellPaths('2021').filter((path) => path.startsWith('applications.total.results.denied.'))
    expect(pathOfCells(group)).toBe('applications.total.results.denied')
    expect(pathOfCells(cellPaths('2021').filter((path) => path.startsWith('reviewAndLitigation.')))).toBe('reviewAndLitigation.*')
    expect(pathOfCells(['applications.total.newReceived'])).toBe('applications.total.newReceived')
  })

  prop.prop(
    [fc.constantFrom('2019' as const, '2021' as const).chain((edition) => fc.subarray([...cellPaths(edition)], { minLength: 1 }))],
    {
      seed: 20261208,
      numRuns: 300
    }
  )('is the definition, and names every cell it was given', (cells) => {
    const path = pathOfCells(cells)
    expect(path).toBe(definition(cells))
    for (const cell of cells) expect(pathNames(path, cell), `${path} ${cell}`).toBe(true)
  })
})
