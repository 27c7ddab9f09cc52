/**
 * remark, loaded on first use, and run without the one step of remark-gfm whose work the
 * adapter never reads.
 *
 * remark-gfm's autolink-literal transform walks the whole tree four times after parsing,
 * splitting text around `www.…`, `http://…` and e-mail addresses into links with the same text:
 * about a seventh of the parse on the corpus. The adapter reads only the text, so it drops the
 * transform; the transform's one visible effect, that a table cell's first text node loses its
 * position once split, is replayed by {@link linksText} on the few cells that may hold a link.
 *
 * @module
 */

import type { Root } from 'mdast'
import type RemarkGfm from 'remark-gfm'
import type RemarkParse from 'remark-parse'
import type * as Unified from 'unified'
import { onFirstUse } from '../load.js'

/** A tree transform of mdast-util-from-markdown, run once the tree is built. */
type Transform = (tree: Root) => Root | null | undefined | void
/** What the adapter reads of an mdast-util-from-markdown extension (remark-gfm registers a list of them). */
interface MdastExtension {
  readonly enter?: Readonly<Record<string, unknown>> | null | undefined
  readonly transforms?: readonly Transform[] | null | undefined
}
/** Extensions as registered: one, or a list of them, nested. */
type Extensions = readonly (MdastExtension | Extensions)[]

/** The processor, and the transforms taken out of it. */
interface Remark {
  readonly processor: Unified.Processor<Root>
  readonly linkers: readonly Transform[]
}

/** unified + remark-parse + remark-gfm, loaded on first use, the autolink-literal transform set aside. */
const remark = onFirstUse((require): Remark => {
  const { unified } = require('unified') as typeof Unified
  const remarkParse = (require('remark-parse') as { default: typeof RemarkParse }).default
  const remarkGfm = (require('remark-gfm') as { default: typeof RemarkGfm }).default
  const linkers: Transform[] = []
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(function withoutLinkers(this: Unified.Processor) {
      const data = this.data() as { fromMarkdownExtensions?: Extensions }
      if (data.fromMarkdownExtensions !== undefined) data.fromMarkdownExtensions = setAside(data.fromMarkdownExtensions, linkers)
    })
    .freeze() as unknown as Unified.Processor<Root>
  return { processor, linkers }
})

/**
 * A copy of the extensions in which the one that builds literal autolinks (it handles the
 * `literalAutolink` token) has no transforms; its transforms go to `linkers`. Any other
 * extension, and any later remark-gfm that builds them otherwise, is kept as it is.
 */
function setAside(extensions: Extensions, linkers: Transform[]): Extensions {
  return extensions.map((extension): MdastExtension | Extensions => {
    if (isList(extension)) return setAside(extension, linkers)
    if (extension.enter?.['literalAutolink'] === undefined || extension.transforms == null || extension.transforms.length === 0)
      return extension
    linkers.push(...extension.transforms)
    return { ...extension, transforms: [] }
  })
}

function isList(extension: MdastExtension | Extensions): extension is Extensions {
  return Array.isArray(extension)
}

/**
 * Parse Markdown with remark-parse and remark-gfm into mdast, with every position, but with
 * literal autolinks left as text (see {@link linksText}).
 *
 * @param input - The Markdown source.
 * @returns The mdast root.
 */
export function parseMarkdown(input: string): Root {
  return remark().processor.parse(input)
}

/** Every text the autolink-literal transform changes holds `@`, `://` or `www.` (any case). */
const MAY_LINK = /@|:\/\/|www\./iu

/**
 * Whether remark-gfm's autolink-literal transform, set aside by {@link parseMarkdown}, would
 * split this text node (and so leave the node in its place without a position): the transform
 * itself is run on a tree holding only a copy of the node.
 *
 * @param value - The value of a text node.
 * @returns `true` when the transform would replace the node.
 */
export function linksText(value: string): boolean {
  const { linkers } = remark()
  if (linkers.length === 0 || !MAY_LINK.test(value)) return false
  const text = { type: 'text' as const, value }
  let tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [text] }] }
  for (const transform of linkers) tree = transform(tree) ?? tree
  const first = tree.children[0]
  return first?.type !== 'paragraph' || first.children[0] !== text
}
