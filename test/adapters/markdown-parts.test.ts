/**
 * The parts of the Markdown adapter one by one: the detector, the remark run without the
 * autolink-literal transform, inline and HTML text, and the walk, each in time linear in its input.
 */
import { fc, test as prop } from '@fast-check/vitest'
import type { Blockquote, Emphasis, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { detectMarkdown } from '../../src/adapters/markdown/detect.js'
import { htmlText, inlineText } from '../../src/adapters/markdown/inline.js'
import { readMarkdown } from '../../src/adapters/markdown/index.js'
import type { Context } from '../../src/adapters/markdown/place.js'
import { linksText, parseMarkdown } from '../../src/adapters/markdown/remark.js'
import { walk } from '../../src/adapters/markdown/walk.js'
import { LineIndex, type SourceTable } from '../../src/index.js'

const SEED = 20261121

describe('markdown adapter parts', () => {
  it('scores delimiter rows and headings, in time linear in the line', () => {
    expect(detectMarkdown('| a | b |\n|:-|-:|\n')).toBe(0.9)
    expect(detectMarkdown('a | b\n--- | ---')).toBe(0.9)
    expect(detectMarkdown('|---|---|::|   |-|\n')).toBe(0.9)
    expect(detectMarkdown('## 一、总体情况')).toBe(0.6)
    expect(detectMarkdown('|---|\n')).toBe(0)
    // Each took hours with the earlier pattern, which could split `:` or spaces two ways.
    expect(detectMarkdown('|-|-' + '|:'.repeat(5000) + 'x')).toBe(0)
    expect(detectMarkdown('|-|-' + '|   '.repeat(5000) + 'x')).toBe(0)
    expect(detectMarkdown(' '.repeat(100_000) + 'x')).toBe(0)
  })

  it('leaves literal autolinks as text, and replays where remark-gfm would have split one', () => {
    const paragraph = parseMarkdown('见（www.gov.cn）。').children[0] as Paragraph
    expect(paragraph.children.map((node) => node.type)).toEqual(['text'])
    expect(linksText('（www.gov.cn）')).toBe(true)
    expect(linksText('联系 a@b.cn')).toBe(true)
    expect(linksText('x@y.z1')).toBe(false)
    expect(linksText('www 规章')).toBe(false)
    expect(linksText('规章')).toBe(false)
  })

  it('places a cell as a full remark-gfm parse does, a literal autolink first in it included', () => {
    const markdown = '| （www.gov.cn） | www.gov.cn |\n|---|---|\n| 规章 a@b.cn | |'
    const table = readMarkdown(markdown).blocks[0] as SourceTable
    expect(table.rows.map((row) => row.cells.map((cell) => [cell.text, cell.position?.offset]))).toEqual([
      [
        ['（www.gov.cn）', 1],
        ['www.gov.cn', 17]
      ],
      [
        ['规章 a@b.cn', 42],
        ['', 53]
      ]
    ])
  })

  prop.prop(
    [
      fc.array(
        fc.constantFrom(
          '<',
          '>',
          '<!--',
          '-->',
          '<br',
          '<BR/>',
          '</p>',
          '</div',
          '</h3>',
          '</li>',
          '<bra>',
          'ſ',
          '规',
          ' ',
          '\n',
          '&nbsp;',
          '&lt;',
          '&#65;',
          '&amp;lt;',
          'p'
        ),
        { maxLength: 30 }
      )
    ],
    {
      seed: SEED,
      numRuns: 2000
    }
  )('reads raw HTML as the regexes it replaces did', (parts) => {
    const value = parts.join('')
    const expected = value
      .replace(/<!--[\s\S]*?-->/gu, '')
      .replace(/<(?:br|\/p|\/div|\/h[1-6]|\/li)\b[^>]*>/giu, '\n')
      .replace(/<[^>]*>/gu, '')
      .replace(/&nbsp;/giu, ' ')
      .replace(/&lt;/giu, '<')
      .replace(/&gt;/giu, '>')
      .replace(/&quot;/giu, '"')
      .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&amp;/giu, '&')
    expect(htmlText(value)).toBe(expected)
  })

  it('reads raw HTML with openings never closed in linear time', () => {
    expect(htmlText('<!--'.repeat(100_000))).toHaveLength(400_000)
    expect(htmlText('<p>规章</p>' + '<br'.repeat(100_000))).toBe('规章\n' + '<br'.repeat(100_000))
    expect(htmlText('a<b>' + '<'.repeat(100_000))).toBe('a' + '<'.repeat(100_000))
  })

  it('reads inline content and containers nested 100 000 deep without recursion', () => {
    let inline: PhrasingContent = { type: 'text', value: '规章' }
    for (let i = 0; i < 100_000; i++) inline = { type: 'emphasis', children: [inline] } satisfies Emphasis
    expect(inlineText([{ type: 'text', value: '一、' }, inline, { type: 'break' }])).toBe('一、规章\n')

    let block: RootContent = { type: 'heading', depth: 2, children: [{ type: 'text', value: '一、总体情况' }] }
    for (let i = 0; i < 100_000; i++) block = { type: 'blockquote', children: [block] } satisfies Blockquote
    const context: Context = { input: '', index: new LineIndex(''), blocks: [], quoted: false }
    walk([block, { type: 'paragraph', children: [{ type: 'text', value: '正文' }] }], context)
    expect(context.blocks.map((item) => (item.type === 'heading' ? item.text : ''))).toEqual(['一、总体情况'])
    expect(context.quoted).toBe(false)
  })
})
