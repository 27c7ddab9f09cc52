/**
 * Two reports in one input (issue 12): never merged. parseReport reads the first and says so;
 * parseReports reads each.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { formatReport, parseReport, parseReports } from '../src/index.js'
import { validReport } from './arbitraries.js'
import { twoReports } from './damage.js'
import { withoutIdentityPositions } from './helpers.js'

const SEED = 20261122
const TIMEOUT = 60_000
const shape = (result: ReturnType<typeof parseReport>): string[] =>
  result.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.path ?? ''} ${diagnostic.expected ?? ''}`)

describe('several reports in one input', () => {
  prop.prop([twoReports], { seed: SEED, numRuns: 100 })(
    'parseReport reads the first only, exactly, with several_reports where the second starts; parseReports reads each as alone',
    ({ text, first, second, layout }) => {
      const alone = [first, second].map((report) =>
        parseReport(formatReport(report, { format: layout === 'tab' ? 'text' : (layout as 'markdown' | 'html') }))
      )
      const one = parseReport(text)
      expect(one.report).toEqual(alone[0]?.report)
      // The second report's title stands further into the input than when it is alone.
      const same = (result: ReturnType<typeof parseReport>) => withoutIdentityPositions(result.report)
      const several = one.diagnostics.filter((diagnostic) => diagnostic.code === 'several_reports')
      expect(several).toHaveLength(1)
      expect(several[0]?.severity).toBe('warning')
      expect(shape(one).filter((line) => !line.startsWith('several_reports'))).toEqual(shape(alone[0]!))
      const each = parseReports(text)
      expect(each).toHaveLength(2)
      each.forEach((result, i) => {
        expect(same(result)).toEqual(same(alone[i]!))
        expect(shape(result)).toEqual(shape(alone[i]!))
      })
    },
    TIMEOUT
  )

  it('the second report never fills what the first lacks: its table 四 stays missing in the first', () => {
    const [a, b] = fc.sample(validReport('2021'), { seed: SEED, numRuns: 2 })
    const firstText = formatReport(a!, { format: 'text' })
    const cut = firstText.slice(0, firstText.indexOf('四、政府信息公开行政复议')) + firstText.slice(firstText.indexOf('五、存在的主要问题'))
    const one = parseReport(`${cut}\n\n${formatReport(b!, { format: 'text' })}`)
    expect(one.report?.reviewAndLitigation.review.total).toBeNull()
    expect(one.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining(['table_missing', 'several_reports']))
  })

  it('a table of contents before the report, or a report alone, is one report', () => {
    const [a] = fc.sample(validReport('2019'), { seed: SEED + 1, numRuns: 1 })
    const text = formatReport(a!, { format: 'text' })
    const contents =
      '目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n\n'
    expect(parseReports(text)).toHaveLength(1)
    expect(parseReports(contents + text)).toHaveLength(1)
    expect(withoutIdentityPositions(parseReport(contents + text).report)).toEqual(withoutIdentityPositions(parseReport(text).report))
  })
})
