/**
 * `check`'s output (issue 26): counts that include the files that failed, one-line messages with
 * long texts cut, `--report compact` and `--report github` lines, and a PDF's or a Word file's
 * problems placed by page, or by Word's table, row and cell, and the table cell's labels, instead of
 * a line of extracted text or of `word/document.xml`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { renderCheck } from '../../src/cli/check.js'
import { machineLine } from '../../src/cli/formats.js'
import { parseReport } from '../../src/index.js'
import { oneLine } from '../../src/cli/terminal.js'
import { CORPUS, folderOf, run } from './helpers.js'

/** A Markdown report whose first cell of table 二 prints 400 digits, in a file whose name holds `,`, `:` and `%`. */
function withLongCell(): { dir: string; file: string } {
  const dir = folderOf({})
  const lines = readFileSync(join(CORPUS, 'md-2021-gfm', 'input.md'), 'utf8').split('\n')
  const at = lines.findIndex((line) => /^\| 规章 \| \d+ \|/u.test(line))
  lines[at] = (lines[at] as string).replace(/^\| 规章 \| \d+ \|/u, `| 规章 | ${'9'.repeat(400)} |`)
  const file = join(dir, 'a,b:c%.md')
  writeFileSync(file, lines.join('\n'))
  return { dir, file }
}

const NOT_A_NUMBER = `Cell activeDisclosure.regulations.issued holds “${'9'.repeat(60)}…”, which is not a number (more than 15 significant digits, more than a number holds exactly).`

describe('check: the counts', () => {
  it('count the files that failed: not read, or holding no report', async () => {
    const dir = folderOf({ 'a.txt': 'seed-000', 'b.txt': 'real-010-pingtan-2018' })
    const missing = join(dir, 'missing.txt')
    const { code, stderr } = await run(['check', '-q', dir, missing])
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    expect(lines).toContain(`${missing}: could not be read: no such file`)
    expect(lines.at(-2)).toBe('3 files (2 text): 2 failed, 1 error, 0 warnings, 0 infos')
  })
})

describe('check: one line per message', () => {
  it('folds line breaks and cuts quoted texts and runs without a space past 60 characters', () => {
    expect(oneLine('a\nb\r\n  c\td')).toBe('a b c d')
    expect(oneLine(`holds “${'9'.repeat(400)}” here`)).toBe(`holds “${'9'.repeat(60)}…” here`)
    expect(oneLine(`“${'word '.repeat(20)}”`)).toBe(`“${'word '.repeat(12)}…”`)
    expect(oneLine(`x ${'y'.repeat(61)} z`)).toBe(`x ${'y'.repeat(60)}… z`)
    expect(oneLine(`“${'短'.repeat(60)}”`)).toBe(`“${'短'.repeat(60)}”`)
    expect(oneLine('\u001b[31mred “\u202Eevil”')).toBe('\\x1B[31mred “\\u202Eevil”')
    expect(oneLine('全角\u3000空格')).toBe('全角\u3000空格')
  })

  it('cuts a 400-digit cell in the text report, keeps it whole in JSON', async () => {
    const { file } = withLongCell()
    const text = await run(['check', file])
    expect(text.stderr.split('\n')[1]).toBe(`  20:8  warning  ${NOT_A_NUMBER}  invalid_number`)
    const json = JSON.parse((await run(['check', file, '--report', 'json'])).stdout) as { diagnostics: { message: string }[] }[]
    expect(json[0]?.diagnostics[0]?.message).toContain('9'.repeat(400))
  })
})

describe('check --report compact and github', () => {
  it('write a line per problem on stdout, the summary on stderr', async () => {
    const { dir, file } = withLongCell()
    const missing = join(dir, 'gone.txt')
    const compact = await run(['check', file, missing, '--report', 'compact'])
    expect(compact.code).toBe(1)
    expect(compact.stdout.split('\n')).toEqual([
      `${file}:20:8: warning ${NOT_A_NUMBER} [invalid_number]`,
      `${missing}:1:1: error could not be read: no such file`,
      ''
    ])
    expect(compact.stderr.trim().split('\n').at(-2)).toBe('2 files (1 markdown): 1 failed, 0 errors, 1 warning, 0 infos')
    const github = await run(['check', file, missing, '--report', 'github'])
    const escaped = (path: string): string => path.replace(/%/gu, '%25').replace(/:/gu, '%3A').replace(/,/gu, '%2C')
    expect(github.stdout.split('\n')).toEqual([
      `::warning file=${escaped(file)},line=20,col=8,title=invalid_number::${NOT_A_NUMBER}`,
      `::error file=${escaped(missing)},title=could not be read::could not be read: no such file`,
      ''
    ])
    expect((await run(['check', file, '-s', '--report', 'compact'])).stdout).toBe('')
  })

  it('escape as GitHub’s workflow commands say: % CR LF in the message, and : , in properties; info is a notice', () => {
    expect(machineLine('github', { file: 'a:b,c.txt', severity: 'info', message: '100% “x”\r\nnext', code: 'unit_converted' })).toBe(
      '::notice file=a%3Ab%2Cc.txt,title=unit_converted::100%25 “x”%0D%0Anext\n'
    )
    expect(machineLine('compact', { file: 'a.txt', at: { line: 3, column: 7 }, severity: 'error', message: 'm', code: 'c' })).toBe(
      'a.txt:3:7: error m [c]\n'
    )
  })

  it('name the report of a file that holds several, under the file’s own name', () => {
    const result = parseReport(readFileSync(join(CORPUS, 'seed-002', 'input.txt')))
    const lines = renderCheck('two.txt#report=2', result, { level: 'all', report: 'compact' }, { file: 'two.txt', index: 2 })
      .trim()
      .split('\n')
    expect(lines.length).toBe(result.diagnostics.length)
    expect(lines.every((line) => /^two\.txt:\d+:\d+: (error|warning|info) .* \(report 2\) \[[a-z_]+\]$/u.test(line))).toBe(true)
  })
})

describe('check on a PDF: problems placed by page and table cell', () => {
  it('says page 4 and the cell’s table, row and column labels, not a line of extracted text', async () => {
    const dir = folderOf({ 'h.pdf': 'real-903-hongze-2023' })
    const pdf = join(dir, 'h.pdf')
    const cell = '表四 数量 | 行政复议 / 总计'
    const message =
      'I-5 fails at reviewAndLitigation.review.total: 总计 against 结果维持 + 结果纠正 + 其他结果 + 尚未审结 gives 0 printed, 11 expected.'
    const text = await run(['check', pdf])
    expect(text.stderr.split('\n')).toContainEqual(
      expect.stringMatching(/^ {2}page 4 +warning {2}I-5 fails at reviewAndLitigation\.review\.total: /u)
    )
    expect(text.stderr).toContain(`${message} (${cell})  sum_mismatch\n`)
    const compact = await run(['check', pdf, '--report', 'compact'])
    expect(compact.stdout.split('\n')).toContain(`${pdf}:1:1: warning ${message} (page 4, ${cell}) [sum_mismatch]`)
    const github = await run(['check', pdf, '--report', 'github'])
    expect(github.stdout.split('\n')).toContain(`::warning file=${pdf},title=sum_mismatch::${message} (page 4, ${cell})`)
  }, 60_000)
})

/** The filled Word template whose table 三 prints 64 for 予以公开's 总计 (59 in the file: the row's six columns sum to 59). */
function wordWithBadTotal(): string {
  const dir = folderOf({})
  const parts = unzipSync(new Uint8Array(readFileSync(join(CORPUS, 'docx-2021-filled', 'input.docx'))))
  const xml = strFromU8(parts['word/document.xml'] as Uint8Array)
  const row = xml.indexOf('（一）予以公开', xml.indexOf('</w:tbl>'))
  const numbers = [...xml.slice(row).matchAll(/<w:t>(\d+)<\/w:t>/gu)].slice(0, 7)
  expect(numbers.map((match) => match[1])).toEqual(['48', '6', '1', '1', '2', '1', '59'])
  const total = row + (numbers[6]?.index as number)
  parts['word/document.xml'] = strToU8(`${xml.slice(0, total)}<w:t>64</w:t>${xml.slice(total + '<w:t>59</w:t>'.length)}`)
  const file = join(dir, 'w.docx')
  writeFileSync(file, zipSync(parts))
  return file
}

describe('check on a Word file: problems placed by Word’s table, row and cell', () => {
  it('says table 2 row 6 cell 9 and the cell’s labels, not a line and column of word/document.xml', async () => {
    const docx = wordWithBadTotal()
    const cell = '表三 三、本年度办理结果 / （一）予以公开 | 申请人情况 / 总计'
    const message =
      'I-4 fails at applications.total.results.granted: 总计 against the sum of the six applicant columns gives 64 printed, 59 expected.'
    const text = await run(['check', docx])
    expect(text.stderr.split('\n')).toContain(`  table 2 row 6 cell 9   warning  ${message} (${cell})  sum_mismatch`)
    // I-3 of the same column, at the （七）总计 row, which prints 149 against the rows' 154.
    expect(text.stderr).toMatch(/\n {2}table 2 row 27 cell 9 +warning {2}I-3 fails at applications\.total\.results\.total: /u)
    const compact = await run(['check', docx, '--report', 'compact'])
    expect(compact.stdout.split('\n')).toContain(`${docx}:1:1: warning ${message} (table 2 row 6 cell 9, ${cell}) [sum_mismatch]`)
    const github = await run(['check', docx, '--report', 'github'])
    expect(github.stdout.split('\n')).toContain(`::warning file=${docx},title=sum_mismatch::${message} (table 2 row 6 cell 9, ${cell})`)
  }, 60_000)
})
