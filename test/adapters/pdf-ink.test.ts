/**
 * The walk of a PDF page's operators (`ink.ts`, `visibility.ts`) on operator lists written by hand,
 * as pdfjs gives them: which glyphs are seen, through the graphics state's saves and restores, form
 * XObjects and annotations; and the bound on looking under white text.
 */
import { describe, expect, it } from 'vitest'
import { inkedGlyphs, mayHideText, type InkOps } from '../../src/adapters/pdf/ink.js'
import { BACKGROUND_BUDGET } from '../../src/adapters/pdf/visibility.js'

const NAMES = [
  'save restore transform constructPath fill eoFill fillStroke eoFillStroke closeFillStroke closeEOFillStroke setGState',
  'beginText setCharSpacing setWordSpacing setHScale setLeading setFont setTextRenderingMode setTextRise moveText',
  'setLeadingMoveText setTextMatrix nextLine showText setFillRGBColor setStrokeRGBColor setFillTransparent setStrokeTransparent',
  'shadingFill paintFormXObjectBegin paintFormXObjectEnd paintImageXObject paintInlineImageXObject paintImageMaskXObject',
  'paintSolidColorImageMask beginAnnotation endAnnotation'
]
  .join(' ')
  .split(' ')
/** Operator codes for hand-written lists: each name its index. */
const OPS = Object.fromEntries(NAMES.map((name, i) => [name, i])) as unknown as InkOps

type Op = [keyof InkOps, unknown[]?]

/** An operator list from named operators. */
function list(ops: readonly Op[]): { fnArray: number[]; argsArray: unknown[] } {
  return { fnArray: ops.map(([name]) => OPS[name]), argsArray: ops.map(([, args]) => args ?? null) }
}

/** `BT /F 10 Tf 1 0 0 1 x y Tm (text) Tj ET`, each character a glyph half an em wide. */
const text = (value: string, x = 100, y = 700): Op[] => [
  ['beginText'],
  ['setFont', ['F', 10]],
  ['setTextMatrix', [[1, 0, 0, 1, x, y]]],
  ['showText', [[...value].map((unicode) => ({ unicode, width: 500 }))]],
  ['beginText']
]
const fontOf = () => ({ name: 'F', scale: 0.001, vertical: false })
const seen = (ops: readonly Op[]) =>
  inkedGlyphs(list(ops), OPS, fontOf).map((glyph) => `${glyph.text}${glyph.hidden === undefined ? '' : `:${glyph.hidden}`}`)

describe('which glyphs are seen', () => {
  it('reads render mode, alpha and colour from the state, restored by Q and at the end of a form', () => {
    expect(
      seen([
        ['setTextRenderingMode', [3]],
        ...text('1'),
        ['save'],
        ['setTextRenderingMode', [0]],
        ['setGState', [[['ca', 0]]]],
        ...text('2'),
        ['restore'],
        ...text('3'),
        ['setTextRenderingMode', [2]],
        [
          'paintFormXObjectBegin',
          [
            [1, 0, 0, 1, 0, 0],
            [0, 0, 10, 10]
          ]
        ],
        ['setFillRGBColor', ['#ffffff']],
        ['setStrokeRGBColor', ['#fefefe']],
        ...text('4'),
        ['paintFormXObjectEnd'],
        ...text('5'),
        ['setTextRenderingMode', [7]],
        ...text('6')
      ])
    ).toEqual(['1:render mode 3', '2:fill alpha 0', '3:render mode 3', '4:white on white', '5', '6:render mode 7'])
  })

  it('sees white text on a coloured fill or an image, not on a white fill or outside them', () => {
    const box = (x: number, colour: string): Op[] => [
      ['setFillRGBColor', [colour]],
      ['constructPath', [OPS.fill, [[]], [x, 690, x + 40, 720]]]
    ]
    expect(
      seen([
        ...box(90, '#1a4080'),
        ...box(190, '#ffffff'),
        ['save'],
        ['transform', [40, 0, 0, 40, 290, 690]],
        ['paintImageXObject', ['img']],
        ['restore'],
        ['setFillRGBColor', ['#ffffff']],
        ...text('1', 100),
        ...text('2', 200),
        ...text('3', 300),
        ...text('4', 400)
      ])
    ).toEqual(['1', '2:white on white', '3', '4:white on white'])
  })

  it('leaves out glyphs of annotations, as getTextContent does', () => {
    expect(seen([...text('1'), ['beginAnnotation'], ...text('2'), ['endAnnotation'], ...text('3')])).toEqual(['1', '3'])
  })

  it('stops looking under white text after BACKGROUND_BUDGET comparisons, and takes it as unseen', () => {
    const fills: Op[] = [
      ['setFillRGBColor', ['#1a4080']],
      ['constructPath', [OPS.fill, [[]], [0, 0, 600, 800]]]
    ]
    for (let i = 0; i < 2000; i++) fills.push(['constructPath', [OPS.fill, [[]], [i % 50, 0, (i % 50) + 5, 5]]])
    const glyphs = Array.from({ length: 1000 }, (_, i) => text('8', 100 + (i % 40), 700 - i / 40)).flat()
    const result = seen([...fills, ['setFillRGBColor', ['#ffffff']], ...glyphs])
    // Each white glyph looks back over 2 000 small fills to the page-wide one: 500 glyphs fit the budget.
    const budgeted = Math.floor(BACKGROUND_BUDGET / 2001)
    expect(result.filter((glyph) => glyph === '8')).toHaveLength(budgeted)
    expect(result.slice(budgeted).every((glyph) => glyph === '8:white on white')).toBe(true)
  })

  it('finds the pages to walk: a render mode 3 or 7, an alpha of 0, a near-white or transparent colour', () => {
    expect(mayHideText(list(text('1')), OPS)).toBe(false)
    expect(
      mayHideText(
        list([
          ['setTextRenderingMode', [2]],
          ['setFillRGBColor', ['#eeeeee']]
        ]),
        OPS
      )
    ).toBe(false)
    for (const op of [
      ['setTextRenderingMode', [7]],
      ['setGState', [[['CA', 0]]]],
      ['setFillRGBColor', ['#f5f5f5']],
      ['setFillTransparent']
    ] as Op[])
      expect(mayHideText(list([op]), OPS)).toBe(true)
  })
})
