/**
 * The Word reader on what `word/document.xml` holds beyond plain runs: each way a cell's text could
 * be misread (a deleted number read, a hidden one, a field's code, a placeholder prompt, a fallback
 * copy) tried on one cell of table 四, whose other cells must stay exact.
 */
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseReport } from '../../src/index.js'
import { withoutIdentity } from '../helpers.js'

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']
const VALUES = [3, 1, 0, 2, 6, 4, 0, 1, 0, 5, 2, 0, 0, 1, 3]

const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
const cell = (content: string, properties = ''): string => `<w:tc><w:tcPr>${properties}</w:tcPr><w:p>${content}</w:p></w:tc>`
const row = (cells: string, properties = ''): string => `<w:tr>${properties === '' ? '' : `<w:trPr>${properties}</w:trPr>`}${cells}</w:tr>`

/** A Word file holding table 四, the first value cell's paragraph content given. */
function docx(first: string, options: { extraRow?: string; before?: string } = {}): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(docxXml(first, options)) })
}

/** The `word/document.xml` of {@link docx}. */
function docxXml(first: string, { extraRow = '', before = '' } = {}): string {
  const header = row(cell(run('行政复议'), '<w:gridSpan w:val="5"/>') + cell(run('行政诉讼'), '<w:gridSpan w:val="10"/>'))
  const groups = row(
    OUTCOMES.map((label) => cell(run(label), '<w:vMerge w:val="restart"/>')).join('') +
      cell(run('未经复议直接起诉'), '<w:gridSpan w:val="5"/>') +
      cell(run('复议后起诉'), '<w:gridSpan w:val="5"/>')
  )
  const labels = row(
    OUTCOMES.map(() => cell('', '<w:vMerge/>')).join('') + [...OUTCOMES, ...OUTCOMES].map((label) => cell(run(label))).join('')
  )
  const values = row(VALUES.map((value, i) => cell(i === 0 ? first : run(String(value)))).join(''), before)
  const body = `<w:p>${run('四、政府信息公开行政复议、行政诉讼情况')}</w:p><w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(15)}</w:tblGrid>${header}${groups}${labels}${extraRow}${values}</w:tbl>`
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`
}

function review(bytes: Uint8Array): { first: unknown; others: unknown[]; codes: string[] } {
  const result = parseReport(bytes)
  expect(result.format).toBe('docx')
  const table = result.report?.reviewAndLitigation
  const values =
    table === undefined
      ? []
      : [table.review, table.litigationDirect, table.litigationAfterReview].flatMap((group) =>
          OUTCOMES.map((_, i) => Object.values(group)[i])
        )
  return {
    first: values[0],
    others: values.slice(1),
    // These documents print table 四 alone: no title, no other table.
    codes: withoutIdentity(result.diagnostics)
      .map((d) => d.code)
      .filter((code) => code !== 'table_missing')
  }
}

describe('Word cells', () => {
  it('reads a plain table 四 exactly', () => {
    const { first, others, codes } = review(docx(run('3')))
    expect([first, ...others]).toEqual(VALUES)
    expect(codes).toEqual([])
  })

  it.each([
    [
      'a tracked change (deleted 8, inserted 3)',
      '<w:del w:id="1"><w:r><w:delText>8</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>3</w:t></w:r></w:ins>'
    ],
    [
      'a moved-away number',
      '<w:moveFrom w:id="1"><w:r><w:t>9</w:t></w:r></w:moveFrom><w:moveTo w:id="2"><w:r><w:t>3</w:t></w:r></w:moveTo>'
    ],
    ['a hidden run', `<w:r><w:rPr><w:vanish/></w:rPr><w:t>7</w:t></w:r>${run('3')}`],
    [
      'a field: its code is not read, its result is',
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> =SUM(ABOVE) 99 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
    ],
    ['a run-level content control', `<w:sdt><w:sdtPr><w:alias w:val="数值"/></w:sdtPr><w:sdtContent>${run('3')}</w:sdtContent></w:sdt>`],
    [
      'a text box copy in mc:Fallback',
      `<mc:AlternateContent><mc:Choice Requires="wps">${run('3')}</mc:Choice><mc:Fallback>${run('3')}</mc:Fallback></mc:AlternateContent>`
    ],
    [
      'a number split over runs with a bookmark and proofing marks',
      `<w:proofErr w:type="spellStart"/>${run('')}<w:bookmarkStart w:id="0" w:name="_Hlk1"/>${run('3')}<w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/>`
    ]
  ])('reads %s as printed', (_, content) => {
    const { first, others, codes } = review(docx(content))
    expect(first).toBe(3)
    expect(others).toEqual(VALUES.slice(1))
    expect(codes).toEqual([])
  })

  it('reads a content control still showing its placeholder prompt as blank, and says so', () => {
    const placeholder = `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击此处输入数字 5</w:t></w:r></w:sdtContent></w:sdt>`
    const { first, others, codes } = review(docx(placeholder))
    expect(first === null || first === 3).toBe(true)
    expect(others).toEqual(VALUES.slice(1))
    expect(codes.length).toBeGreaterThan(0)
  })

  it('does not read a row deleted as a tracked change', () => {
    const deleted = row(VALUES.map(() => cell(run('8'))).join(''), '<w:del w:id="5" w:author="审核人"/>')
    const { first, others, codes } = review(docx(run('3'), { extraRow: deleted }))
    expect([first, ...others]).toEqual(VALUES)
    expect(codes).toEqual([])
  })

  it('places a row that starts late (w:gridBefore) by its grid columns', () => {
    const { first, others } = review(docx(run('3'), { before: '<w:gridBefore w:val="1"/>' }))
    expect([first, ...others]).toEqual(VALUES)
  })

  it('reads a table nested 50 tables deep, and refuses XML nested past MAX_XML_DEPTH rather than parse it in quadratic time', () => {
    const nest = (depth: number): Uint8Array => {
      const open = '<w:tbl><w:tr><w:tc>'.repeat(depth)
      const close = '</w:tc></w:tr></w:tbl>'.repeat(depth)
      const inner = docxXml(run('3'))
      return zipSync({
        'word/document.xml': strToU8(inner.replace('<w:body>', `<w:body>${open}`).replace('</w:body>', `${close}</w:body>`))
      })
    }
    const { first, others } = review(nest(50))
    expect([first, ...others]).toEqual(VALUES)
    const deep = parseReport(nest(400))
    expect(deep.report).toBeNull()
    expect(deep.diagnostics[0]).toMatchObject({ code: 'resource_limit', severity: 'error' })
    expect(deep.diagnostics[0]?.message).toContain('deeper than 1000')
  })

  /** The archive with the sizes its headers declare for `name` set to `size` (the local header's and the central directory's). */
  function declare(bytes: Uint8Array, name: string, size: number): Uint8Array {
    const out = bytes.slice()
    const view = new DataView(out.buffer)
    const wanted = strToU8(name)
    for (let at = 0; at + 46 < out.length; at++) {
      const signature = view.getUint32(at, true)
      const [nameAt, sizeAt] = signature === 0x04034b50 ? [30, 22] : signature === 0x02014b50 ? [46, 24] : [-1, -1]
      if (nameAt < 0 || view.getUint16(at + (signature === 0x04034b50 ? 26 : 28), true) !== wanted.length) continue
      if (wanted.every((byte, i) => out[at + nameAt + i] === byte)) view.setUint32(at + sizeAt, size, true)
    }
    return out
  }

  it('inflates word/document.xml within 64 times the file, whatever sizes the archive declares', () => {
    const filler = `<w:p>${run('说明'.repeat(20))}</w:p>`.repeat(8000)
    const large = zipSync({ 'word/document.xml': strToU8(docxXml(run('3')).replace('<w:body>', `<w:body>${filler}`)) }, { level: 9 })
    // Small enough a file that its budget is the least (1 MiB), which its 2 MB of XML goes past.
    expect(64 * large.length).toBeLessThan(1024 * 1024)
    for (const bytes of [large, declare(large, 'word/document.xml', 100)]) {
      const result = parseReport(bytes)
      expect(result.report).toBeNull()
      expect(result.diagnostics[0]?.message).toContain('word/document.xml of the docx file inflates to more than 1048576 bytes')
    }
    // A size declared larger than the part is no reason to refuse it (it was, past 64 MiB).
    const { first, others } = review(declare(docx(run('3')), 'word/document.xml', 0xfffffff0))
    expect([first, ...others]).toEqual(VALUES)
  })

  it('reads a part stored without compression, within the same budget', () => {
    const stored = zipSync({ 'word/document.xml': strToU8(docxXml(run('3'))) }, { level: 0 })
    const { first, others } = review(stored)
    expect([first, ...others]).toEqual(VALUES)
  })
})
