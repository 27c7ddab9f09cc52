import { describe, expectTypeOf, it } from 'vitest'
import type { Cell, Diagnostic, DiagnosticCode, ParseResult, Report, Report2019, Report2021 } from '../src/index.js'
import { parseReport } from '../src/index.js'

describe('narrowing on edition', () => {
  it('gives fees.amount only on 2021 and procurement only on 2019', () => {
    const report = parseReport('').report as Report
    if (report.edition === '2021') {
      expectTypeOf(report).toEqualTypeOf<Report2021>()
      expectTypeOf(report.activeDisclosure.fees.amount).toEqualTypeOf<Cell>()
      expectTypeOf(report.activeDisclosure).not.toHaveProperty('procurement')
      expectTypeOf(report.applications.total.results.other.overdueFee).toEqualTypeOf<Cell>()
    } else {
      expectTypeOf(report).toEqualTypeOf<Report2019>()
      expectTypeOf(report.activeDisclosure.procurement.amount).toEqualTypeOf<Cell>()
      expectTypeOf(report.activeDisclosure.fees).not.toHaveProperty('amount')
      expectTypeOf(report.applications.total.results.other).toEqualTypeOf<Cell>()
    }
  })

  it('has the shared paths on both', () => {
    expectTypeOf<Report['applications']['total']['results']['granted']>().toEqualTypeOf<Cell>()
    expectTypeOf<Report['reviewAndLitigation']['review']['total']>().toEqualTypeOf<Cell>()
    expectTypeOf<Report['edition']>().toEqualTypeOf<'2019' | '2021'>()
  })

  it('types the result and diagnostics', () => {
    expectTypeOf(parseReport).returns.toEqualTypeOf<ParseResult>()
    expectTypeOf<Diagnostic['code']>().toEqualTypeOf<DiagnosticCode>()
    expectTypeOf<'sum_mismatch'>().toExtend<DiagnosticCode>()
    expectTypeOf<'made_up_code'>().not.toExtend<DiagnosticCode>()
  })
})
