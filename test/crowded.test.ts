/**
 * Two values of a table 二 row printed in one cell beside an empty cell (issue 23's residual
 * damage): table 二 has no totals to say where the second number belongs, so the cell printing
 * both is `invalid_number` and the empty one `ambiguous_value`; neither is a number, and no other
 * cell changes. Every layout that can print it.
 */
import { it as prop } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { getCellAt, parseReport, type Report } from '../src/index.js'
import { table2Crowded } from './damage.js'
import { namesCell, scoreCells } from './helpers.js'

describe('two table 二 values in one cell beside an empty cell', () => {
  prop.prop([table2Crowded], { seed: 20261207, numRuns: 200 })(
    'every layout: both cells null, each named by a warning or an error; every other cell exact',
    ({ text, report, crowded, empty }) => {
      const result = parseReport(text)
      const tally = scoreCells(result, report)
      expect(tally.wrong).toEqual([])
      expect(tally.unnamed).toEqual([])
      for (const path of [crowded, empty]) {
        expect(getCellAt(result.report as Report, path), path).toBeNull()
        expect(result.diagnostics.some((diagnostic) => namesCell(diagnostic, path))).toBe(true)
      }
    },
    60_000
  )
})
