import { describe, expectTypeOf, it } from 'vitest'
import type {
  ActiveDisclosure2019,
  ActiveDisclosure2021,
  Applicant,
  ApplicationColumn,
  Applications,
  Cell,
  Decisions,
  Denied,
  Diagnostic,
  DiagnosticCode,
  DiagnosticInfo,
  FeeAmount,
  Identity,
  IdentityOrigin,
  IdentitySource,
  IssuedRepealedInForce,
  ItemsChange,
  ItemsChangeDecisions,
  MadePublishedTotal,
  NotProcessed,
  Other2019,
  Other2021,
  Outcomes,
  ParseResult,
  Procurement,
  Report,
  Report2019,
  Report2021,
  Results,
  ReviewAndLitigation,
  SourceDocument,
  SourceTitle,
  Unavailable
} from '../src/index.js'
import { DIAGNOSTIC_CODES, DIAGNOSTIC_INFO, cellPaths, getCell, getCellAt, parseReport } from '../src/index.js'
import type { BuiltInFormat, CellPath, FormatName } from '../src/index.js'
import type { DiagnosticCodeMap } from '../src/model/diagnostics.js'

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

describe('the documented keys', () => {
  it('has exactly the seven applicant columns of table 三, and Applicant is derived from them', () => {
    type Seven = 'naturalPerson' | 'commercial' | 'research' | 'nonProfit' | 'legalService' | 'otherOrganization' | 'total'
    expectTypeOf<keyof Applications<Other2019>>().toEqualTypeOf<Seven>()
    expectTypeOf<keyof Applications<Other2021>>().toEqualTypeOf<Seven>()
    expectTypeOf<Applicant>().toEqualTypeOf<Seven>()
    expectTypeOf<Applications<Other2021>['commercial']>().toEqualTypeOf<ApplicationColumn<Other2021>>()
    expectTypeOf<Report2019['applications'][Applicant]>().toEqualTypeOf<ApplicationColumn<Other2019>>()
    expectTypeOf<Applications<Cell>>().toExtend<Record<Applicant, ApplicationColumn<Cell>>>()
    expectTypeOf<Record<Applicant, ApplicationColumn<Cell>>>().toExtend<Applications<Cell>>()
  })

  it('has exactly the rows of table 三', () => {
    expectTypeOf<keyof ApplicationColumn<Cell>>().toEqualTypeOf<'newReceived' | 'carriedOver' | 'results' | 'carriedForward'>()
    expectTypeOf<keyof Results<Cell>>().toEqualTypeOf<
      'granted' | 'partiallyGranted' | 'denied' | 'unavailable' | 'notProcessed' | 'other' | 'total'
    >()
    expectTypeOf<keyof Denied>().toEqualTypeOf<
      | 'stateSecret'
      | 'prohibitedByLaw'
      | 'endangersSafety'
      | 'thirdPartyRights'
      | 'internalAffairs'
      | 'processInformation'
      | 'enforcementFiles'
      | 'administrativeQuery'
    >()
    expectTypeOf<keyof Unavailable>().toEqualTypeOf<'notHeld' | 'needsCreation' | 'unclearAfterCorrection'>()
    expectTypeOf<keyof NotProcessed>().toEqualTypeOf<'complaint' | 'duplicate' | 'publication' | 'excessive' | 'confirmation'>()
    expectTypeOf<Other2019>().toEqualTypeOf<Cell>()
    expectTypeOf<keyof Other2021>().toEqualTypeOf<'overdueCorrection' | 'overdueFee' | 'other'>()
  })

  it('has exactly the groups and columns of table 四', () => {
    expectTypeOf<keyof ReviewAndLitigation>().toEqualTypeOf<'review' | 'litigationDirect' | 'litigationAfterReview'>()
    expectTypeOf<keyof Outcomes>().toEqualTypeOf<'upheld' | 'corrected' | 'other' | 'pending' | 'total'>()
  })

  it('has exactly the rows and columns of table 二 in each edition', () => {
    expectTypeOf<keyof ActiveDisclosure2019>().toEqualTypeOf<
      'regulations' | 'normativeDocuments' | 'licensing' | 'otherServices' | 'punishment' | 'coercion' | 'fees' | 'procurement'
    >()
    expectTypeOf<keyof ActiveDisclosure2021>().toEqualTypeOf<
      'regulations' | 'normativeDocuments' | 'licensing' | 'punishment' | 'coercion' | 'fees'
    >()
    expectTypeOf<keyof MadePublishedTotal>().toEqualTypeOf<'made' | 'published' | 'total'>()
    expectTypeOf<keyof ItemsChange>().toEqualTypeOf<'previousItems' | 'change'>()
    expectTypeOf<keyof ItemsChangeDecisions>().toEqualTypeOf<'previousItems' | 'change' | 'decisions'>()
    expectTypeOf<keyof Procurement>().toEqualTypeOf<'projects' | 'amount'>()
    expectTypeOf<keyof IssuedRepealedInForce>().toEqualTypeOf<'issued' | 'repealed' | 'inForce'>()
    expectTypeOf<keyof Decisions>().toEqualTypeOf<'decisions'>()
    expectTypeOf<keyof FeeAmount>().toEqualTypeOf<'amount'>()
  })

  it('says who and which year as evidence: identity, each field a source or null', () => {
    expectTypeOf<Report['identity']>().toEqualTypeOf<Identity>()
    expectTypeOf<keyof Identity>().toEqualTypeOf<'organization' | 'year'>()
    expectTypeOf<Identity['year']>().toEqualTypeOf<IdentitySource | null>()
    expectTypeOf<keyof IdentitySource>().toEqualTypeOf<'from' | 'text' | 'position'>()
    expectTypeOf<IdentitySource['from']>().toEqualTypeOf<IdentityOrigin>()
    expectTypeOf<IdentityOrigin>().toEqualTypeOf<'title' | 'crawlerHeader' | 'documentTitle' | 'period' | 'caller'>()
    expectTypeOf<Report['organization']>().toEqualTypeOf<string | null>()
    expectTypeOf<Report['year']>().toEqualTypeOf<number | null>()
    expectTypeOf<SourceDocument['documentTitle']>().toEqualTypeOf<SourceTitle | undefined>()
    expectTypeOf(parseReport)
      .parameter(1)
      .toExtend<{ organization?: string | null | undefined; year?: number | null | undefined } | null | undefined>()
  })

  it('documents exactly the diagnostic codes, and DIAGNOSTIC_INFO keeps its shape', () => {
    expectTypeOf<keyof DiagnosticCodeMap>().toEqualTypeOf<DiagnosticCode>()
    expectTypeOf<keyof DiagnosticCodeMap>().toEqualTypeOf<(typeof DIAGNOSTIC_CODES)[number]>()
    expectTypeOf<keyof typeof DIAGNOSTIC_INFO>().toEqualTypeOf<DiagnosticCode>()
    expectTypeOf(DIAGNOSTIC_INFO).toExtend<Readonly<Record<DiagnosticCode, DiagnosticInfo>>>()
    expectTypeOf<Readonly<Record<DiagnosticCode, DiagnosticInfo>>>().toExtend<typeof DIAGNOSTIC_INFO>()
    expectTypeOf<Diagnostic['code']>().toEqualTypeOf<keyof DiagnosticCodeMap>()
  })
})

describe('Diagnostic narrowed by code', () => {
  it('gives each code the fields it always carries', () => {
    const d = parseReport('').diagnostics[0] as Diagnostic
    expectTypeOf(d.expected).toEqualTypeOf<number | undefined>()
    if (d.code === 'sum_mismatch') {
      expectTypeOf(d.expected).toEqualTypeOf<number>()
      expectTypeOf(d.actual).toEqualTypeOf<number>()
      expectTypeOf(d.path).toEqualTypeOf<string>()
      expectTypeOf(d.rule).toEqualTypeOf<'I-1' | 'I-3' | 'I-4' | 'I-5'>()
    }
    if (d.code === 'value_inferred') expectTypeOf(d.expected).toEqualTypeOf<number>()
    if (d.code === 'negative_value') expectTypeOf(d.rule).toEqualTypeOf<'I-6'>()
    if (d.code === 'blank_cell') expectTypeOf(d.path).toEqualTypeOf<string>()
    if (d.code === 'not_a_report') expectTypeOf(d.path).toEqualTypeOf<string | undefined>()
    if (d.code === 'organization_unknown') expectTypeOf(d.path).toEqualTypeOf<'organization'>()
    if (d.code === 'year_unknown') expectTypeOf(d.path).toEqualTypeOf<'year'>()
    if (d.code === 'identity_conflict') expectTypeOf(d.path).toEqualTypeOf<'organization' | 'year'>()
  })

  it('takes a locale', () => {
    expectTypeOf(parseReport).parameter(1).toExtend<{ locale?: 'en' | 'zh' | null | undefined } | null | undefined>()
  })
})

describe('cell paths and format names', () => {
  it('a misspelt cell path does not compile; a path of the other edition does not on a narrowed report', () => {
    const { report } = parseReport('')
    if (report === null) return
    expectTypeOf(getCell(report, 'applications.total.results.granted')).toEqualTypeOf<Cell | undefined>()
    // @ts-expect-error: 'grantd' is no cell
    getCell(report, 'applications.total.results.grantd')
    if (report.edition === '2021') {
      getCell(report, 'activeDisclosure.fees.amount')
      // @ts-expect-error: 政府集中采购 is a cell of the 2019 format only
      getCell(report, 'activeDisclosure.procurement.amount')
    }
    expectTypeOf(cellPaths('2019')).toEqualTypeOf<readonly CellPath<'2019'>[]>()
    expectTypeOf<'applications.total.carriedOver'>().toExtend<CellPath>()
    expectTypeOf<'title'>().not.toExtend<CellPath>()
    expectTypeOf<'year'>().not.toExtend<CellPath>()
    // A path held as a string goes through getCellAt.
    expectTypeOf(getCellAt).parameter(1).toEqualTypeOf<string>()
  })

  it('format names the built-in readers and takes any custom adapter name', () => {
    expectTypeOf<BuiltInFormat>().toExtend<ParseResult['format']>()
    expectTypeOf<'myformat'>().toExtend<ParseResult['format']>()
    expectTypeOf(parseReport).parameter(1).toExtend<{ format?: FormatName | null | undefined } | null | undefined>()
  })
})
