/**
 * A CSV's sidecar: `<file>.meta.json` beside a CSV written to a file, holding the version of zfxxgk
 * and the options that made it, so that the CSV itself stays plain (no comment line for pandas or
 * Excel to trip on). Written once the CSV is in place; an interrupted run writes none.
 *
 * @module
 */

import { basename } from 'node:path'
import { toJson } from '../serialize/json.js'
import type { About } from './render.js'
import { realTarget, writeReplacing } from './replace.js'

/**
 * The sidecar's name for an output file: `all.csv` → `all.csv.meta.json`.
 *
 * @param path - `-o` as given.
 */
export function sidecarPath(path: string): string {
  return `${path}.meta.json`
}

/**
 * The sidecar's text: `{ "zfxxgk": { "version", "options" }, "file": "all.csv" }`.
 *
 * @param about - What made the output.
 * @param path - The output file.
 */
export function sidecarText(about: About, path: string): string {
  return `${toJson({ zfxxgk: about, file: basename(path) }, 2)}\n`
}

/**
 * Write the sidecar of an output file, whole (under a temporary name, then renamed).
 *
 * @param about - What made the output.
 * @param path - The output file, as given.
 */
export function writeSidecar(about: About, path: string): void {
  writeReplacing(realTarget(sidecarPath(path)), [Buffer.from(sidecarText(about, path))])
}
