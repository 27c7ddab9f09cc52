/**
 * A 2D `DOMMatrix` for pdfjs-dist on Node without `@napi-rs/canvas`.
 *
 * pdfjs-dist builds a `DOMMatrix` when its module loads (and, for bitmap Type3 glyphs, while it
 * reads a page), and takes the class from `@napi-rs/canvas` when `globalThis` has none. Reading
 * text and rules never renders, so where that optional package is missing, this stand-in is
 * installed on `globalThis` instead, before pdfjs-dist loads: the affine 2D part of the standard
 * interface (`a`–`f`, multiply, invert, translate, scale). A `DOMMatrix` already present (a
 * browser's, or the one `@napi-rs/canvas` gives) is never replaced.
 *
 * @module
 */

/** The affine 2D matrix [a c e; b d f; 0 0 1], as `DOMMatrix` names its entries. */
class Matrix2D {
  a = 1
  b = 0
  c = 0
  d = 1
  e = 0
  f = 0
  readonly is2D = true

  constructor(init?: ArrayLike<number>) {
    if (init !== undefined && init.length >= 6) {
      ;[this.a, this.b, this.c, this.d, this.e, this.f] = [
        init[0] ?? 1,
        init[1] ?? 0,
        init[2] ?? 0,
        init[3] ?? 1,
        init[4] ?? 0,
        init[5] ?? 0
      ]
    }
  }

  get m11(): number {
    return this.a
  }
  get m12(): number {
    return this.b
  }
  get m21(): number {
    return this.c
  }
  get m22(): number {
    return this.d
  }
  get m41(): number {
    return this.e
  }
  get m42(): number {
    return this.f
  }
  get isIdentity(): boolean {
    return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0
  }

  /** this = this × other. */
  multiplySelf(other: Partial<Matrix2D> = {}): this {
    const { a = 1, b = 0, c = 0, d = 1, e = 0, f = 0 } = other
    ;[this.a, this.b, this.c, this.d, this.e, this.f] = [
      this.a * a + this.c * b,
      this.b * a + this.d * b,
      this.a * c + this.c * d,
      this.b * c + this.d * d,
      this.a * e + this.c * f + this.e,
      this.b * e + this.d * f + this.f
    ]
    return this
  }

  /** this = other × this. */
  preMultiplySelf(other: Partial<Matrix2D> = {}): this {
    const copy = new Matrix2D([other.a ?? 1, other.b ?? 0, other.c ?? 0, other.d ?? 1, other.e ?? 0, other.f ?? 0]).multiplySelf(this)
    ;[this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f]
    return this
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf({ e: x, f: y })
  }

  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf({ a: x, d: y })
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c
    if (det === 0) {
      ;[this.a, this.b, this.c, this.d, this.e, this.f] = [NaN, NaN, NaN, NaN, NaN, NaN]
      return this
    }
    ;[this.a, this.b, this.c, this.d, this.e, this.f] = [
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det
    ]
    return this
  }

  multiply(other?: Partial<Matrix2D>): Matrix2D {
    return this.copy().multiplySelf(other)
  }
  translate(x?: number, y?: number): Matrix2D {
    return this.copy().translateSelf(x, y)
  }
  scale(x?: number, y?: number): Matrix2D {
    return this.copy().scaleSelf(x, y)
  }
  inverse(): Matrix2D {
    return this.copy().invertSelf()
  }
  transformPoint(point: { x?: number; y?: number } = {}): { x: number; y: number; z: number; w: number } {
    const { x = 0, y = 0 } = point
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 }
  }

  private copy(): Matrix2D {
    return new Matrix2D([this.a, this.b, this.c, this.d, this.e, this.f])
  }
}

/** Install the stand-in on `globalThis` when it has no `DOMMatrix` and `@napi-rs/canvas` cannot give one. */
export function provideDomMatrix(canvasAvailable: () => boolean): void {
  const scope = globalThis as { DOMMatrix?: unknown }
  if (scope.DOMMatrix === undefined && !canvasAvailable()) scope.DOMMatrix = Matrix2D
}
