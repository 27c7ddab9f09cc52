/**
 * Where the JSON Schema of the report JSON is named: the file the package ships
 * (`zfxxgk/schema/report.schema.json`), at this version, on a public CDN of npm packages. It is
 * citeable and stable (a published version never changes), though not reachable offline: the same
 * file is in `node_modules/zfxxgk/schema/`.
 *
 * @module
 */

import { VERSION } from '../model/version.js'

/**
 * The URL of the JSON Schema of the report JSON of this version of zfxxgk, as `formatReport`'s
 * JSON names it in `$schema`: `https://unpkg.com/zfxxgk@0.1.0/schema/report.schema.json`. The same
 * file ships in the package, as `zfxxgk/schema/report.schema.json`.
 *
 * @example
 * ```ts
 * import { REPORT_SCHEMA_URL } from 'zfxxgk'
 *
 * console.log(REPORT_SCHEMA_URL) // https://unpkg.com/zfxxgk@0.1.0/schema/report.schema.json
 * ```
 */
export const REPORT_SCHEMA_URL = `https://unpkg.com/zfxxgk@${VERSION}/schema/report.schema.json`

/** The URL of the schema of one record of `zfxxgk parse --to json` (an item of its array) or `--to ndjson` (a line). */
export const ENTRY_SCHEMA_URL = `${REPORT_SCHEMA_URL}#/$defs/entry`
