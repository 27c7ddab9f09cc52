/**
 * The line reader's positions: it counts lines itself (no lookup per line), so every position it
 * gives must equal what the whole input's LineIndex says for the same offset, whatever the line
 * breaks (`\n`, `\r\n`, a lone `\r`) and wherever the part it reads starts.
 */
import { fc, it as prop } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import type { Position, SourceBlock } from '../../src/index.js'
import { readLines } from '../../src/source/lines.js'
import { LineIndex } from '../../src/source/position.js'

/** Every position in the blocks, with the offset it claims. */
function positions(blocks: SourceBlock[]): Position[] {
  const found: Position[] = []
  for (const block of blocks) {
    if (block.position !== undefined) found.push(block.position)
    if (block.type !== 'table') continue
    for (const row of block.rows) {
      if (row.position !== undefined) found.push(row.position)
      for (const cell of row.cells) if (cell.position !== undefined) found.push(cell.position)
    }
  }
  return found
}

const piece = fc.constantFrom(
  '规章',
  '本年新增',
  ' ',
  '\u3000',
  '\t',
  '\t0',
  '|',
  ' |',
  '｜',
  '|||',
  '12',
  '-3',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '# 标题',
  '-----'
)
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''))

describe('readLines positions', () => {
  prop.prop([text, text], { numRuns: 300, seed: 20261122 })(
    'every position equals the whole input’s LineIndex at its offset, also for a part read from inside the input',
    (before, part) => {
      const input = before + part
      const index = new LineIndex(input)
      const blocks: SourceBlock[] = []
      readLines(part, before.length, index, blocks)
      for (const position of positions(blocks)) expect(position).toEqual(index.at(position.offset as number))
    },
    60_000
  )

  it('counts a lone \\r, \\r\\n and \\n as one line break each', () => {
    const input = '规章\t1\r规范性文件\t2\r\n行政许可\t3\n行政处罚\t4'
    const blocks: SourceBlock[] = []
    readLines(input, 0, new LineIndex(input), blocks)
    const table = blocks[0]
    expect(table?.type).toBe('table')
    if (table?.type !== 'table') return
    expect(table.rows.map((row) => [row.position?.line, row.cells.map((cell) => cell.text)])).toEqual([
      [1, ['规章', '1']],
      [2, ['规范性文件', '2']],
      [3, ['行政许可', '3']],
      [4, ['行政处罚', '4']]
    ])
    expect(table.rows[2]?.cells[1]?.position).toEqual({ line: 3, column: 6, offset: input.indexOf('3') })
  })

  it('reads 100 000 lines that continue a one-cell line as that one cell, without recursion', () => {
    const input = `\t本年新\n${'制作数量\n'.repeat(100_000)}`
    const blocks: SourceBlock[] = []
    readLines(input, 0, new LineIndex(input), blocks)
    const table = blocks[0]
    expect(table?.type === 'table' && table.rows.length).toBe(1)
    expect(table?.type === 'table' && table.rows[0]?.cells[0]?.text).toBe(`本年新${'制作数量'.repeat(100_000)}`)
  })
})
