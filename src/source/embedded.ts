/**
 * Embedded parts: a block in another format (a raw HTML table in Markdown) is
 * read by the adapter of that format, and its blocks take the embedded block's place.
 *
 * @module
 */

import type { Diagnostic, Position } from '../model/types.js'
import { makeDiagnostic } from '../model/diagnose.js'
import type { Adapter, ResolvedBlock, ResolvedDocument, SourceBlock, SourceDocument } from './document.js'

/** How deep embedded parts may nest (an HTML table in Markdown in …). */
const MAX_DEPTH = 4

/** A document with no embedded blocks left, and what could not be read. */
export interface Resolved {
  /** The blocks, embedded parts replaced by what their adapters read. */
  document: ResolvedDocument
  /** `unsupported_content` for each part no adapter could read. */
  diagnostics: Diagnostic[]
}

/**
 * Replace each embedded block by the blocks its adapter reads, positions shifted into the input.
 *
 * @param document - An adapter's output.
 * @param adapters - The adapters available, by name.
 */
export function resolveEmbedded(document: SourceDocument, adapters: readonly Adapter[]): Resolved {
  if (isResolved(document)) return { document, diagnostics: [] }
  const diagnostics: Diagnostic[] = []
  const blocks: ResolvedBlock[] = []
  expand(document.blocks, adapters, 0, undefined, blocks, diagnostics)
  return { document: { blocks }, diagnostics }
}

function expand(
  source: readonly SourceBlock[],
  adapters: readonly Adapter[],
  depth: number,
  base: Position | undefined,
  into: ResolvedBlock[],
  diagnostics: Diagnostic[]
): void {
  for (const block of source) {
    if (block.type !== 'embedded') {
      into.push(base === undefined ? block : shiftBlock(block, base))
      continue
    }
    const position = block.position === undefined || base === undefined ? block.position : shift(block.position, base)
    const adapter = depth < MAX_DEPTH ? adapters.find((candidate) => candidate.name === block.format) : undefined
    let inner: SourceDocument | undefined
    let reason = `no adapter named “${block.format}” is available`
    if (adapter?.async === true) reason = `the ${block.format} adapter reads asynchronously, and an embedded part is read at once`
    else if (adapter !== undefined) {
      try {
        const read = adapter.read(block.text)
        if (isPromise(read)) {
          read.then(undefined, () => undefined)
          reason = `the ${block.format} adapter returned a promise, and an embedded part is read at once`
        } else inner = read
      } catch (error) {
        reason = `the ${block.format} adapter failed: ${error instanceof Error ? error.message : String(error)}`
      }
    }
    if (inner === undefined) {
      diagnostics.push(makeDiagnostic('unsupported_content', { format: block.format, reason }, { position }))
      continue
    }
    expand(inner.blocks, adapters, depth + 1, position, into, diagnostics)
  }
}

function isPromise(value: SourceDocument | Promise<SourceDocument>): value is Promise<SourceDocument> {
  return typeof (value as { then?: unknown }).then === 'function'
}

/**
 * A position inside an embedded part, as a position in the whole input.
 *
 * @param inner - Position relative to the part (line 1, column 1, offset 0 at its start).
 * @param base - Where the part starts in the input.
 */
export function shift(inner: Position, base: Position): Position {
  return {
    line: base.line + inner.line - 1,
    column: inner.line === 1 ? base.column + inner.column - 1 : inner.column,
    offset: base.offset + inner.offset
  }
}

function isResolved(document: SourceDocument): document is ResolvedDocument {
  return !document.blocks.some((block) => block.type === 'embedded')
}

function shiftBlock(block: ResolvedBlock, base: Position): ResolvedBlock {
  const moved = { ...block }
  if (block.position !== undefined) moved.position = shift(block.position, base)
  if (block.type === 'table' && moved.type === 'table') {
    moved.rows = block.rows.map((row) => {
      const cells = row.cells.map((cell) => (cell.position === undefined ? cell : { ...cell, position: shift(cell.position, base) }))
      return row.position === undefined ? { ...row, cells } : { ...row, cells, position: shift(row.position, base) }
    })
  }
  return moved
}
