/**
 * Series of reports for the dataset (issue 25), as reusable arbitraries: bodies with a run of
 * years from 2019 to 2025 (the 2019 format for 2019–2020, the 2021 format after), consistent by
 * construction across years (H-1 carry-over, H-2 stock, H-3 items), with one fault planted in a
 * body at random and the finding it must give (or none: a name written with extra spaces or
 * full-width forms must not split the body).
 */
import { fc } from '@fast-check/vitest'
import { APPLICANTS, CATALOGUES } from '../src/model/catalogue.js'
import { getCellAt, type Edition, type ParseResult, type Report } from '../src/index.js'
import { setPath } from '../src/model/empty.js'
import { organization, validReport } from './arbitraries.js'

/** A finding the dataset must give: its code, body, year and path. */
export interface Planted {
  code: 'carry_over_mismatch' | 'stock_mismatch' | 'conflicting_reports' | 'missing_year'
  body: string
  year: number
  path?: string
  /** The sources it must name. */
  sources: string[]
}

/** One source of a series: a parse made from a report, its name, and the organisation as its title wrote it. */
export interface SeriesSource {
  source: string
  result: ParseResult
}

/** The kinds of fault planted in a body. */
export const FAULTS = ['none', 'carryOver', 'stock', 'duplicate', 'missingYear', 'nameSpaces', 'nameFullWidth'] as const

const editionOf = (year: number): Edition => (year <= 2020 ? '2019' : '2021')
const asResult = (report: Report): ParseResult => ({ report, diagnostics: [], format: 'json', ok: true })
const cell = (report: Report, path: string): number => getCellAt(report, path) as number

/** Make each year follow from the one before: H-1, and H-2 or H-3 within an edition. */
function chain(reports: readonly Report[]): void {
  for (let i = 1; i < reports.length; i++) {
    const [before, now] = [reports[i - 1] as Report, reports[i] as Report]
    for (const applicant of APPLICANTS)
      setPath(now, `applications.${applicant}.carriedOver`, cell(before, `applications.${applicant}.carriedForward`))
    if (before.edition !== now.edition) continue
    for (const row of CATALOGUES[now.edition].table2Rows) {
      const at = (column: string): string => `activeDisclosure.${row.key}.${column}`
      if (now.edition === '2021' && row.columns.includes('inForce'))
        setPath(now, at('inForce'), cell(before, at('inForce')) + cell(now, at('issued')) - cell(now, at('repealed')))
      if (now.edition === '2019' && row.columns.includes('previousItems'))
        setPath(now, at('previousItems'), cell(before, at('previousItems')) + cell(before, at('change')))
    }
  }
}

/** A body's series: its name, its years' reports (made to follow each other), and the fault to plant. */
const bodySeries = fc.record({
  name: organization,
  from: fc.integer({ min: 2019, max: 2023 }),
  span: fc.integer({ min: 2, max: 7 }),
  reports2019: fc.array(validReport('2019'), { minLength: 2, maxLength: 2 }),
  reports2021: fc.array(validReport('2021'), { minLength: 5, maxLength: 5 }),
  fault: fc.constantFrom(...FAULTS),
  at: fc.nat(),
  applicant: fc.constantFrom(...APPLICANTS),
  delta: fc.integer({ min: 1, max: 40 })
})

/**
 * A dataset's sources (bodies with distinct names, their years consistent, one fault planted in
 * each body at random) and exactly the findings the faults must give.
 */
export const datasetSeries: fc.Arbitrary<{ sources: SeriesSource[]; planted: Planted[]; bodies: string[] }> = fc
  .uniqueArray(bodySeries, { minLength: 1, maxLength: 3, selector: (body) => body.name })
  .map((series) => {
    const sources: SeriesSource[] = []
    const planted: Planted[] = []
    for (const body of series) {
      const last = Math.min(2025, body.from + body.span - 1)
      const years = Array.from({ length: last - body.from + 1 }, (_, i) => body.from + i)
      const reports = years.map((year) => {
        const report = structuredClone(year <= 2020 ? (body.reports2019[year - 2019] as Report) : (body.reports2021[year - 2021] as Report))
        report.organization = body.name
        report.year = year
        return report
      })
      chain(reports)
      const name = (year: number): string => `${body.name}/${year}.json`
      // Years after the first, where a rule across years can break.
      const later = years.slice(1)
      let drop: number | undefined
      const written = new Map<number, string>()
      if (body.fault === 'carryOver') {
        const year = later[body.at % later.length] as number
        const path = `applications.${body.applicant}.carriedOver`
        const report = reports[years.indexOf(year)] as Report
        setPath(report, path, cell(report, path) + body.delta)
        planted.push({ code: 'carry_over_mismatch', body: body.name, year, path, sources: [name(year - 1), name(year)] })
      } else if (body.fault === 'stock') {
        // A cell only this year's check reads: 本年制发件数 (2021), or the year before's 本年增/减 (2019).
        const candidates = later.filter((year) => editionOf(year) === editionOf(year - 1))
        if (candidates.length > 0) {
          const year = candidates[body.at % candidates.length] as number
          const edition = editionOf(year)
          const rows = CATALOGUES[edition].table2Rows.filter((row) => row.columns.includes(edition === '2021' ? 'issued' : 'change'))
          const row = rows[body.at % rows.length] as (typeof rows)[number]
          const changed = edition === '2021' ? year : year - 1
          const report = reports[years.indexOf(changed)] as Report
          const path = `activeDisclosure.${row.key}.${edition === '2021' ? 'issued' : 'change'}`
          setPath(report, path, cell(report, path) + body.delta)
          const target = `activeDisclosure.${row.key}.${edition === '2021' ? 'inForce' : 'previousItems'}`
          planted.push({ code: 'stock_mismatch', body: body.name, year, path: target, sources: [name(year - 1), name(year)] })
        }
      } else if (body.fault === 'missingYear' && years.length >= 3) {
        drop = years[1 + (body.at % (years.length - 2))] as number
        planted.push({ code: 'missing_year', body: body.name, year: drop, sources: [name(drop - 1), name(drop + 1)] })
      } else if (body.fault === 'nameSpaces' || body.fault === 'nameFullWidth') {
        // One year writes the name otherwise: spaced out, or its ASCII part in full-width forms.
        const year = years[body.at % years.length] as number
        written.set(year, body.fault === 'nameSpaces' ? [...body.name].join(body.at % 2 === 0 ? ' ' : '\u3000') : `${body.name}（筹）`)
      }
      const canonical = body.fault === 'nameFullWidth' ? `${body.name}(筹)` : body.name
      years.forEach((year, i) => {
        if (year === drop) return
        const report = reports[i] as Report
        report.organization = written.get(year) ?? canonical
        sources.push({ source: name(year), result: asResult(report) })
      })
      if (body.fault === 'duplicate') {
        const year = years[body.at % years.length] as number
        const copy = structuredClone(reports[years.indexOf(year)] as Report)
        const path = `reviewAndLitigation.review.${['upheld', 'corrected', 'other', 'pending', 'total'][body.at % 5] as string}`
        setPath(copy, path, cell(copy, path) + body.delta)
        sources.push({ source: `${name(year)}#copy`, result: asResult(copy) })
        planted.push({ code: 'conflicting_reports', body: body.name, year, path, sources: [name(year), `${name(year)}#copy`] })
      }
    }
    const bodies = series.map((body) => (body.fault === 'nameFullWidth' ? `${body.name}(筹)` : body.name))
    return { sources, planted, bodies }
  })
