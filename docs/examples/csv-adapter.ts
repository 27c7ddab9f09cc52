import { LineIndex, type Adapter, type SourceBlock, type SourceRow } from 'zfxxgk'

/**
 * Reads a spreadsheet's CSV export of the three tables: one CSV row per table row,
 * a blank line between tables, any line of one cell (a heading, a caption) as text.
 */
export const csvAdapter: Adapter = {
  name: 'csv',
  // Many comma-separated lines and a label of the format: surely ours.
  detect: (input) => {
    const lines = input.split(/\r?\n/u).filter((line) => line.includes(','))
    return lines.length >= 10 && /信息内容|本年新收政府信息公开申请数量/u.test(input) ? 0.8 : 0
  },
  read: (input) => {
    const blocks: SourceBlock[] = []
    let rows: SourceRow[] = []
    const endTable = (): void => {
      if (rows.length > 0) blocks.push({ type: 'table', grid: true, rows })
      rows = []
    }
    // Positions let diagnostics point at the line and column of a cell.
    const index = new LineIndex(input)
    let offset = 0
    input.split('\n').forEach((raw) => {
      const line = raw.replace(/\r$/u, '')
      const start = offset
      const at = (column: number) => index.at(start + column)
      offset += raw.length + 1
      const cells = splitCsvLine(line)
      if (cells.every((cell) => cell.text.trim() === '')) {
        endTable()
      } else if (cells.length === 1) {
        endTable()
        blocks.push({ type: 'paragraph', text: line, position: at(0) })
      } else {
        rows.push({ cells: cells.map((cell) => ({ text: cell.text, position: at(cell.start) })), position: at(0) })
      }
    })
    endTable()
    return { blocks }
  }
}

/** One CSV line into fields and where each starts: commas, and double quotes around fields that hold them. */
function splitCsvLine(line: string): { text: string; start: number }[] {
  const fields: { text: string; start: number }[] = []
  let field = ''
  let start = 0
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"'
      i++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (ch === ',' && !quoted) {
      fields.push({ text: field, start })
      field = ''
      start = i + 1
    } else {
      field += ch
    }
  }
  fields.push({ text: field, start })
  return fields
}
