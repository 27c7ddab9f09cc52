/**
 * The package's version, put in every output that can carry it (JSON and NDJSON records, the CSV's
 * sidecar, the XLSX's `zfxxgk` sheet) so that a dataset can cite the method that made it. One source
 * of truth: package.json's `version`, put here at build time (tsup's and vitest's `define`).
 *
 * @module
 */

/** Replaced by package.json's version at build time (tsup.config.ts, vitest.config.ts). */
declare const __ZFXXGK_VERSION__: string | undefined

/**
 * The version of zfxxgk that is running, as its package.json says (`'0.1.0'`). `'0.0.0'` only where
 * the sources run without the build's `define` (no build or test runner does).
 *
 * @example
 * ```ts
 * import { VERSION } from 'zfxxgk'
 *
 * console.log(`parsed with zfxxgk ${VERSION}`)
 * ```
 */
export const VERSION: string = typeof __ZFXXGK_VERSION__ === 'string' ? __ZFXXGK_VERSION__ : '0.0.0'
