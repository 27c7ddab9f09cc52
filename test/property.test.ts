/**
 * Properties: whatever the input, parseReport returns a well-formed result and never throws.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { CATALOGUE_2019, CATALOGUE_2021, APPLICANT_COLUMNS, TABLE4_OUTCOMES } from '../src/model/catalogue.js'
import { cellPaths, DIAGNOSTIC_CODES, formatReport, getCell, parseReport, type ParseResult, type Report } from '../src/index.js'
import { validReport } from './arbitraries.js'

/** Fixed seed: a failure names its seed and replays the same way. */
const SEED = 20261121
/** 300 runs of each "never throws" property; 400 of the damage property below. */
const settings = { seed: SEED, numRuns: 300 }
/**
 * Explicit per-property timeout: each of these takes at most about 1 s on an idle 2-core machine
 * (the damage property and the 1 MB input), a few seconds with two `npm test` at once; 60 s holds
 * with a wide margin and still catches a hang.
 */
const TIMEOUT = 60_000

function wellFormed(result: ParseResult): void {
  expect(typeof result.format).toBe('string')
  expect(result.ok).toBe(!result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
  for (const diagnostic of result.diagnostics) expect(DIAGNOSTIC_CODES).toContain(diagnostic.code)
  if (result.report === null) expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('not_a_report')
}

const labels = [
  ...CATALOGUE_2019.table2Rows.flatMap((row) => row.labels),
  ...CATALOGUE_2021.table2Rows.flatMap((row) => row.labels),
  ...CATALOGUE_2021.table2Columns.flatMap((column) => column.labels),
  ...CATALOGUE_2019.table2Columns.flatMap((column) => column.labels),
  ...CATALOGUE_2021.table3Rows.flatMap((row) => row.labels),
  ...CATALOGUE_2019.table3Rows.flatMap((row) => row.labels),
  ...APPLICANT_COLUMNS.flatMap((column) => column.labels),
  ...TABLE4_OUTCOMES.flatMap((outcome) => outcome.labels),
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
  '信息内容',
  '第二十条第（一）项',
  '法人或其他组织',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况'
]

const cell = fc.oneof(
  fc.constantFrom(...labels),
  fc.integer({ min: -99999, max: 99999 }).map(String),
  fc.double({ min: 0, max: 1e7, noNaN: true }).map((value) => value.toFixed(4)),
  fc.constantFrom('', '/', '-', '—', '无', '\u00a0', '\u3000', '|', '||', '251000元', '117万元', '减少3', '１２'),
  fc.string({ maxLength: 6 })
)
const separator = fc.constantFrom('\t', ' ', ' | ', '\n', '\n\t', '\t\t')
/** Markdown syntax that changes how the rest of a line or block is read. */
const markdownToken = fc.constantFrom(
  '\n|---|---|\n',
  '| ',
  ' |',
  '\\|',
  '｜',
  '\n## ',
  '\n# ',
  '**',
  '*',
  '`',
  '\n```\n',
  '\n> ',
  '\n- ',
  '\n1. ',
  '\n\n',
  '<table><tr><td>',
  '</td><td>',
  '</td></tr></table>',
  '<br>',
  '&nbsp;',
  '[',
  '](',
  '\n    ',
  '\n===\n',
  '~~',
  '<span style="display:none">',
  '</span>',
  '<s>'
)
/** HTML that breaks every rule: unclosed tags, spans beyond the table, tables in cells, entities, chrome. */
const htmlToken = fc.oneof(
  fc.constantFrom(
    '<table>',
    '</table>',
    '<tr>',
    '</tr>',
    '<td>',
    '</td>',
    '<th>',
    '<tbody>',
    '<p>',
    '</p>',
    '<br/>',
    '<o:p></o:p>',
    '<div class="nav">',
    '</div>',
    '<script>',
    '</script>',
    '&nbsp;',
    '&#12288;',
    '<h2>',
    '</h2>',
    '<caption>',
    '<!--',
    '-->',
    '<span style="display:none">',
    '</span>',
    '<del>',
    '</del>',
    '<td hidden>',
    '<tr style="visibility:hidden">'
  ),
  fc.tuple(fc.constantFrom('rowspan', 'colspan'), fc.integer({ min: -2, max: 40 })).map(([name, n]) => `<td ${name}=${n}>`)
)
const htmlLike = fc.array(fc.oneof(cell, htmlToken), { maxLength: 400 }).map((parts) => parts.join(''))
const markdownLike = fc.array(fc.oneof(cell, markdownToken), { maxLength: 400 }).map((parts) => parts.join(' '))
const tableLike = fc.array(fc.tuple(cell, separator), { maxLength: 400 }).map((parts) => parts.map(([text, sep]) => text + sep).join(''))

describe('parseReport never throws', () => {
  prop.prop([fc.string({ maxLength: 2000 })], settings)(
    'any string',
    (input) => {
      wellFormed(parseReport(input))
    },
    TIMEOUT
  )

  prop.prop([fc.string({ unit: 'binary', maxLength: 2000 })], settings)(
    'any Unicode, control characters and lone surrogates included',
    (input) => {
      wellFormed(parseReport(input))
    },
    TIMEOUT
  )

  prop.prop([fc.uint8Array({ maxLength: 4000 })], settings)(
    'any bytes',
    (input) => {
      wellFormed(parseReport(input))
    },
    TIMEOUT
  )

  prop.prop([tableLike, fc.boolean()], settings)(
    'random table-like lines, with and without repair',
    (input, repair) => {
      wellFormed(parseReport(input, { repair }))
    },
    TIMEOUT
  )

  prop.prop([markdownLike, fc.boolean()], settings)(
    'random Markdown-like text, read as Markdown and with no hint',
    (input, repair) => {
      const markdown = parseReport(input, { format: 'markdown', repair })
      wellFormed(markdown)
      expect(markdown.format).toBe('markdown')
      wellFormed(parseReport(input, { repair }))
    },
    TIMEOUT
  )

  prop.prop([htmlLike, fc.boolean()], settings)(
    'random HTML-like markup, read as HTML and with no hint',
    (input, repair) => {
      const html = parseReport(input, { format: 'html', repair })
      wellFormed(html)
      expect(html.format).toBe('html')
      wellFormed(parseReport(input, { repair }))
    },
    TIMEOUT
  )

  it(
    '1 MB of random CJK',
    () => {
      const random = fc.sample(fc.integer({ min: 0x4e00, max: 0x9fff }), { numRuns: 1 << 20, seed: SEED })
      const input =
        String.fromCharCode(...random.slice(0, 60000)) +
        random
          .slice(60000)
          .map((code) => String.fromCharCode(code))
          .join('')
      expect(input.length).toBe(1 << 20)
      wellFormed(parseReport(input))
    },
    TIMEOUT
  )

  it('empty, whitespace and control characters', () => {
    for (const input of ['', ' ', '\n\n\n', '\u0000\u0001\u0002', '\t\t\t', '|||', '\ufeff', '\r\r\n']) wellFormed(parseReport(input))
  })
})

/** Damage that removes what was printed but never changes a printed number: a cell cut out of a row, a value blanked, a line dropped. */
const damage = fc.array(fc.tuple(fc.constantFrom('cut', 'blank', 'drop'), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 })

function damaged(text: string, steps: [string, number, number][]): string {
  const lines = text.split('\n')
  for (const [kind, lineIndex, cellIndex] of steps) {
    const i = lineIndex % lines.length
    const cells = (lines[i] as string).split('\t')
    const numbers = cells.flatMap((cell, j) => (/^-?\d/u.test(cell) ? [j] : []))
    if (kind === 'drop' || numbers.length === 0) {
      lines.splice(i, 1)
      continue
    }
    const j = numbers[cellIndex % numbers.length] as number
    if (kind === 'cut') cells.splice(j, 1)
    else cells[j] = ''
    lines[i] = cells.join('\t')
  }
  return lines.join('\n')
}

describe('no wrong number goes undiagnosed', () => {
  prop.prop([validReport(), damage, fc.boolean()], { seed: SEED, numRuns: 400 })(
    'after damage to a generated report, every number that differs from the original has a diagnostic naming it',
    (original, steps, repair) => {
      const result = parseReport(damaged(formatReport(original, { format: 'text' }), steps), { repair })
      wellFormed(result)
      const report = result.report as Report | null
      if (report === null || report.edition !== original.edition) return
      for (const path of cellPaths(original.edition)) {
        const value = getCell(report, path)
        if (value === null || value === getCell(original, path)) continue
        const named = result.diagnostics.some(
          (diagnostic) => diagnostic.path !== undefined && (path === diagnostic.path || path.startsWith(`${diagnostic.path}.`))
        )
        expect(named, `${path}: ${value} instead of ${getCell(original, path)}`).toBe(true)
      }
    },
    TIMEOUT
  )
})
