/**
 * Heavy dependencies (htmlparser2, unified + remark) are loaded on first use, not at import, so
 * `import { parseReport, validateReport } from 'zfxxgk'` costs nothing for adapters never used.
 *
 * The load is synchronous because `parseReport` is: `require()` of a CommonJS build (htmlparser2) or of
 * an ES module (remark, on Node ≥ 20.19, this package's floor).
 *
 * @module
 */

import { createRequire } from 'node:module'

const load = createRequire(import.meta.url)

/** A function returning `create(require)`, computed on its first call and kept. */
export function onFirstUse<T>(create: (require: NodeJS.Require) => T): () => T {
  let value: T | undefined
  return () => (value ??= create(load))
}
