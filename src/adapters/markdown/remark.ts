/**
 * remark, loaded on first use.
 *
 * @module
 */

import type { Root } from 'mdast'
import type RemarkGfm from 'remark-gfm'
import type RemarkParse from 'remark-parse'
import type * as Unified from 'unified'
import { onFirstUse } from '../load.js'

/** unified + remark-parse + remark-gfm, loaded on first use. */
const processor = onFirstUse((require) => {
  const { unified } = require('unified') as typeof Unified
  const remarkParse = (require('remark-parse') as { default: typeof RemarkParse }).default
  const remarkGfm = (require('remark-gfm') as { default: typeof RemarkGfm }).default
  return unified().use(remarkParse).use(remarkGfm).freeze()
})

/**
 * Parse Markdown with remark-parse and remark-gfm into mdast, with every position.
 *
 * @param input - The Markdown source.
 * @returns The mdast root.
 */
export function parseMarkdown(input: string): Root {
  return processor().parse(input) as Root
}
