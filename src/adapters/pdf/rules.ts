/**
 * The ruling lines of a PDF page, from its operator list: every straight horizontal or vertical
 * stroke, and every thin filled rectangle (how Word and WPS often draw a cell border), in page
 * space. The current transform is followed through `cm` and `q`/`Q`, as the page draws them.
 *
 * @module
 */

/** The operator codes of pdfjs this reader needs (`OPS` of pdfjs-dist). */
export interface Ops {
  save: number
  restore: number
  transform: number
  constructPath: number
  stroke: number
  closeStroke: number
  fill: number
  eoFill: number
  fillStroke: number
  eoFillStroke: number
  closeFillStroke: number
  closeEOFillStroke: number
}

/** A page's operator list as pdfjs gives it. */
export interface OperatorList {
  fnArray: ArrayLike<number>
  argsArray: ArrayLike<unknown>
}

/** A horizontal or vertical rule: `at` is its y (horizontal) or x (vertical), `from`–`to` its extent. */
export interface Rule {
  at: number
  from: number
  to: number
}

/** The rules of a page. */
export interface Rules {
  horizontal: Rule[]
  vertical: Rule[]
}

/** A filled rectangle thinner than this (points) is a rule, not a shaded cell. */
const THIN = 2.5
/** A segment this far from axis-aligned (points) is not a rule. */
const SLANT = 0.5
/** Rules shorter than this (points) are not kept (dots, glyph debris). */
const SHORT = 3
/** The path operators of pdfjs 5 (`DrawOPS`): move, line, cubic, quadratic, close. */
const MOVE = 0
const LINE = 1
const CUBIC = 2
const QUADRATIC = 3
const CLOSE = 4

/** An affine matrix `[a b c d e f]`, as PDF operators give it. */
export type Matrix = [number, number, number, number, number, number]

/**
 * The product `m × n` of two affine matrices: `m` applied first, as `cm` applies a matrix before
 * the current transform.
 *
 * @param m - The first matrix.
 * @param n - The second matrix.
 */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5]
  ]
}

/**
 * The rules a page draws.
 *
 * @param list - The page's operator list.
 * @param ops - pdfjs's `OPS`.
 */
export function pageRules(list: OperatorList, ops: Ops): Rules {
  const rules: Rules = { horizontal: [], vertical: [] }
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke])
  const fills = new Set([ops.fill, ops.eoFill])
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const saved: Matrix[] = []
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]
    if (fn === ops.save) saved.push(ctm)
    else if (fn === ops.restore) ctm = saved.pop() ?? ctm
    else if (fn === ops.transform) {
      const m = list.argsArray[i] as ArrayLike<number>
      ctm = multiply([m[0] ?? 1, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1, m[4] ?? 0, m[5] ?? 0], ctm)
    } else if (fn === ops.constructPath) {
      const args = list.argsArray[i] as [number, ArrayLike<ArrayLike<number> | null> | null]
      const paint = args[0]
      const data = args[1]?.[0]
      if (data === null || data === undefined) continue
      if (strokes.has(paint)) strokeRules(data, ctm, rules)
      else if (fills.has(paint)) fillRules(data, ctm, rules)
    }
  }
  return rules
}

/** The subpaths of a path, as points in page space; `closed` when the subpath ends with a close. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): Array<{ points: number[]; closed: boolean; curved: boolean }> {
  const paths: Array<{ points: number[]; closed: boolean; curved: boolean }> = []
  let current: { points: number[]; closed: boolean; curved: boolean } | undefined
  const point = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]
  for (let i = 0; i < data.length;) {
    const op = data[i]
    if (op === MOVE || op === LINE) {
      const [x, y] = point(data[i + 1] ?? 0, data[i + 2] ?? 0)
      if (op === MOVE || current === undefined) {
        current = { points: [], closed: false, curved: false }
        paths.push(current)
      }
      current.points.push(x, y)
      i += 3
    } else if (op === CUBIC || op === QUADRATIC) {
      const size = op === CUBIC ? 6 : 4
      if (current !== undefined) {
        current.curved = true
        const [x, y] = point(data[i + size - 1] ?? 0, data[i + size] ?? 0)
        current.points.push(x, y)
      }
      i += size + 1
    } else if (op === CLOSE) {
      if (current !== undefined) current.closed = true
      current = undefined
      i += 1
    } else break
  }
  return paths
}

function strokeRules(data: ArrayLike<number>, ctm: Matrix, rules: Rules): void {
  for (const path of subpaths(data, ctm)) {
    if (path.curved) continue
    const points = path.points
    const count = points.length / 2
    const last = path.closed ? count : count - 1
    for (let k = 0; k < last; k++) {
      const j = (k + 1) % count
      addSegment(points[2 * k] as number, points[2 * k + 1] as number, points[2 * j] as number, points[2 * j + 1] as number, rules)
    }
  }
}

function fillRules(data: ArrayLike<number>, ctm: Matrix, rules: Rules): void {
  for (const path of subpaths(data, ctm)) {
    if (path.curved || path.points.length < 8) continue
    let left = Infinity
    let right = -Infinity
    let bottom = Infinity
    let top = -Infinity
    for (let k = 0; k < path.points.length; k += 2) {
      const x = path.points[k] as number
      const y = path.points[k + 1] as number
      left = Math.min(left, x)
      right = Math.max(right, x)
      bottom = Math.min(bottom, y)
      top = Math.max(top, y)
    }
    const width = right - left
    const height = top - bottom
    if (height < THIN && width >= SHORT) rules.horizontal.push({ at: (top + bottom) / 2, from: left, to: right })
    else if (width < THIN && height >= SHORT) rules.vertical.push({ at: (left + right) / 2, from: bottom, to: top })
  }
}

function addSegment(x1: number, y1: number, x2: number, y2: number, rules: Rules): void {
  if (Math.abs(y1 - y2) <= SLANT && Math.abs(x1 - x2) >= SHORT) {
    rules.horizontal.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) })
  } else if (Math.abs(x1 - x2) <= SLANT && Math.abs(y1 - y2) >= SHORT) {
    rules.vertical.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) })
  }
}
