/**
 * Hidden text in the neutral document (`SourceCell.hidden`): the core names a value cell that held
 * digits a reader does not see (`hidden_text`, a warning, the cell's path), and nothing else.
 * The cells are given by a custom adapter, as any adapter would give them.
 */
import { describe, expect, it } from 'vitest'
import { formatReport, parseReport, type Adapter, type HiddenText, type SourceCell, type SourceDocument } from '../../src/index.js'
import { readHtml } from '../../src/adapters/html/index.js'
import { validReport2021 } from '../helpers.js'

const valid = validReport2021()
const full = formatReport(valid, { format: 'html' })

/** An adapter reading the report as HTML, the cells of the table row labelled `label` edited (a row losing a cell is not complete). */
function editing(label: string, edit: (cells: SourceCell[]) => SourceCell[]): Adapter {
  return {
    name: 'edited',
    detect: () => 0,
    read: (input): SourceDocument => {
      const document = readHtml(input)
      for (const block of document.blocks) {
        if (block.type !== 'table') continue
        for (const row of block.rows) {
          if (!(row.cells[0]?.text.startsWith(label) ?? false)) continue
          const cells = edit(row.cells)
          if (cells.length !== row.cells.length) row.complete = false
          row.cells = cells
        }
      }
      return document
    }
  }
}

/** The last cell of a row (总计 in table 三) printed as `text`, with hidden runs. */
const lastHidden =
  (text: string, hidden: HiddenText[]) =>
  (cells: SourceCell[]): SourceCell[] => [...cells.slice(0, -1), { ...(cells.at(-1) as SourceCell), text, hidden }]
const parse = (adapter: Adapter, locale: 'en' | 'zh' = 'en') =>
  parseReport(full, { adapters: [adapter], format: adapter.name, repair: false, locale })
const codes = (result: ReturnType<typeof parse>) => result.diagnostics.map((d) => `${d.code} ${d.path ?? ''}`)
const NEW = '一、本年新收'

describe('hidden text in a value cell', () => {
  it('reads the cell as seen and names it with hidden_text, a warning quoting the text and what hid it', () => {
    const seen = String(valid.applications.total.newReceived)
    const result = parse(editing(NEW, lastHidden(seen, [{ text: '6', by: 'display:none' }])))
    expect(result.report?.applications.total.newReceived).toBe(valid.applications.total.newReceived)
    expect(codes(result)).toEqual(['hidden_text applications.total.newReceived'])
    const [diagnostic] = result.diagnostics
    expect(diagnostic?.severity).toBe('warning')
    expect(diagnostic?.message).toContain('“6” (display:none)')
    expect(diagnostic?.position?.line).toBeGreaterThan(1)
  })

  it('leaves a cell whose only digits were hidden blank: blank_cell and hidden_text', () => {
    const result = parse(editing(NEW, lastHidden('', [{ text: '118', by: '<del>' }])))
    expect(result.report?.applications.total.newReceived).toBeNull()
    expect(codes(result)).toEqual(['hidden_text applications.total.newReceived', 'blank_cell applications.total.newReceived'])
    expect(result.diagnostics[0]?.message).toMatch(/“118” \(<del>\).*blank/u)
  })

  it('says nothing of hidden text without digits, nor of hidden text in a label', () => {
    const seen = String(valid.applications.total.newReceived)
    expect(codes(parse(editing(NEW, lastHidden(seen, [{ text: '件', by: 'display:none' }]))))).toEqual([])
    const label = editing(NEW, (cells) => [{ ...(cells[0] as SourceCell), hidden: [{ text: '9', by: 'hidden' }] }, ...cells.slice(1)])
    expect(codes(parse(label))).toEqual([])
  })

  it('names the row when the hidden text stood in a row whose values could not be placed', () => {
    const seen = String(valid.applications.total.newReceived)
    // A row that lost its first value cell: six values for seven columns.
    const damaged = editing(NEW, (cells) => lastHidden(seen, [{ text: '3', by: '<s>' }])([cells[0] as SourceCell, ...cells.slice(2)]))
    expect(codes(parse(damaged))).toEqual(['row_length_mismatch applications.*.newReceived', 'hidden_text applications.*.newReceived'])
  })

  it('cuts a long hidden text, names three runs at most, and speaks Chinese', () => {
    const long = '1234567890'.repeat(5)
    const runs = [1, 2, 3, 4].map((n) => ({ text: `${n}${long}`, by: 'mso-hide:all' }))
    const en = parse(editing(NEW, lastHidden('', runs))).diagnostics[0]?.message ?? ''
    expect(en).toContain('“11234567890123456789…” (mso-hide:all)')
    expect(en).toContain('and 1 more')
    expect(en.length).toBeLessThan(300)
    const zh = parse(editing(NEW, lastHidden('', runs)), 'zh').diagnostics[0]?.message ?? ''
    expect(zh).toContain('读者看不到的文字')
    expect(zh).toContain('等 4 处')
  })
})
