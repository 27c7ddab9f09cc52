/**
 * Whether a `.json` found by a folder walk is a report, read as one, or something else that lives
 * beside reports (a crawler's `meta.json`, a manifest), passed over and counted as skipped. A JSON
 * named on the command line is always read.
 *
 * @module
 */

import { TABLES } from '../model/schema.js'

/** The keys of the model's tables: a report JSON whose edition was lost still holds one. */
const TABLE_KEYS: readonly string[] = Object.values(TABLES).map((table) => table.key)

/**
 * Whether a JSON file holds a report as the library writes one: an object whose `edition` is
 * `"2019"` or `"2021"`, or that holds one of the tables (`activeDisclosure`, `applications`,
 * `reviewAndLitigation`), so that a damaged report is read and its failure said. Text that is not
 * JSON is a report only if it names an `"edition"` (a report cut short fails, said; other text is
 * skipped).
 *
 * @param bytes - The file's bytes.
 */
export function holdsReport(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes).replace(/^\ufeff/u, '')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return /"edition"\s*:/u.test(text)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false
  const record = data as Record<string, unknown>
  if (record.edition === '2019' || record.edition === '2021') return true
  return TABLE_KEYS.some((key) => typeof record[key] === 'object' && record[key] !== null)
}
