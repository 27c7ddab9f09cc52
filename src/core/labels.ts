/**
 * Label matching against the catalogue: what a printed text may mean.
 *
 * @module
 */

import {
  APPLICANT_COLUMNS,
  CATALOGUES,
  KNOWN_EXTRAS,
  TABLE2_HEADER_LABELS,
  TABLE3_HEADER_LABELS,
  TABLE4_GROUPS,
  TABLE4_LITIGATION_LABELS,
  TABLE4_OUTCOMES,
  type ColumnSpec,
  type EditionCatalogue
} from '../model/catalogue.js'
import type { Applicant, Edition } from '../model/types.js'
import { labelCore, normalizeLabel } from './normalize.js'

/** One meaning a label may have. */
export type LabelMeaning =
  | { table: 2; role: 'caption' | 'content' }
  | { table: 2; role: 'column'; column: ColumnSpec }
  | { table: 2; role: 'row'; key: string }
  | { table: 3; role: 'note' | 'applicants' | 'organizations' | 'group' }
  | { table: 3; role: 'column'; key: Applicant }
  | { table: 3; role: 'row'; path: string }
  | { table: 4; role: 'litigation' }
  | { table: 4; role: 'group'; key: string }
  | { table: 4; role: 'outcome'; key: string }

/** The labels of one edition, indexed by normalised core. */
export class LabelIndex {
  private readonly exact = new Map<string, LabelMeaning[]>()
  /** What each text seen so far means: the same labels recur in every report of a batch. */
  private readonly memo = new Map<string, readonly LabelMeaning[]>()
  /** Table 二 columns, for prefix matching of broken or annotated headers. */
  readonly columns: readonly ColumnSpec[]
  private readonly prefixes: { column: ColumnSpec; keys: string[] }[]

  /** @param catalogue - The edition's catalogue. */
  constructor(readonly catalogue: EditionCatalogue) {
    this.columns = catalogue.table2Columns
    this.prefixes = catalogue.table2Columns.map((column) => ({
      column,
      keys: column.labels.map((label) => labelCore(normalizeLabel(label)))
    }))
    for (const column of catalogue.table2Columns) this.addAll(column.labels, { table: 2, role: 'column', column })
    for (const row of catalogue.table2Rows) this.addAll(row.labels, { table: 2, role: 'row', key: row.key })
    this.addAll(TABLE2_HEADER_LABELS.content, { table: 2, role: 'content' })
    for (const row of catalogue.table3Rows) {
      this.addAll(row.labels, row.path === undefined ? { table: 3, role: 'group' } : { table: 3, role: 'row', path: row.path })
    }
    for (const column of APPLICANT_COLUMNS) this.addAll(column.labels, { table: 3, role: 'column', key: column.key })
    this.addAll(TABLE3_HEADER_LABELS.organizations, { table: 3, role: 'organizations' })
    this.addAll(TABLE3_HEADER_LABELS.applicants, { table: 3, role: 'applicants' })
    this.addAll(TABLE4_LITIGATION_LABELS, { table: 4, role: 'litigation' })
    for (const group of TABLE4_GROUPS) this.addAll(group.labels, { table: 4, role: 'group', key: group.key })
    for (const outcome of TABLE4_OUTCOMES) this.addAll(outcome.labels, { table: 4, role: 'outcome', key: outcome.key })
  }

  private addAll(labels: readonly string[], meaning: LabelMeaning): void {
    for (const label of labels) {
      const key = labelCore(normalizeLabel(label))
      const list = this.exact.get(key) ?? []
      list.push(meaning)
      this.exact.set(key, list)
      if (!this.printed.has(key)) this.printed.set(key, label)
    }
  }

  /** Each label core as the catalogue prints it (its first label), for naming a near match. */
  private readonly printed = new Map<string, string>()
  /** What each text seen so far is nearest to. */
  private readonly near = new Map<string, NearLabel | null>()

  /**
   * The one label of the format a text not found as printed is nearest to, within a bounded edit
   * distance (a quarter of the label's length, never for labels under five characters), when only
   * one label is that near: `2.其他法律行政止公开` is `2.其他法律行政法规禁止公开`.
   *
   * @param normalized - Output of `normalizeLabel`.
   */
  nearest(normalized: string): NearLabel | undefined {
    let found = this.near.get(normalized)
    if (found === undefined) {
      found = this.findNearest(labelCore(normalized)) ?? null
      if (this.near.size >= MEMO_LIMIT) this.near.clear()
      this.near.set(normalized, found)
    }
    return found ?? undefined
  }

  private findNearest(core: string): NearLabel | undefined {
    if (core.length < MIN_NEAR || core.length > MAX_NEAR) return undefined
    let best: { key: string; distance: number } | undefined
    let ties = 0
    for (const key of this.exact.keys()) {
      const bound = Math.floor(key.length / 4)
      if (key.length < MIN_NEAR || Math.abs(key.length - core.length) > bound) continue
      const distance = editDistance(core, key, bound)
      if (distance > bound) continue
      if (best === undefined || distance < best.distance) {
        best = { key, distance }
        ties = 0
      } else if (distance === best.distance) ties++
    }
    if (best === undefined || ties > 0) return undefined
    return { meanings: this.exact.get(best.key) as LabelMeaning[], label: this.printed.get(best.key) ?? best.key, distance: best.distance }
  }

  /**
   * Every meaning a normalised label may have, in catalogue order.
   *
   * @param normalized - Output of `normalizeLabel`.
   */
  lookup(normalized: string): readonly LabelMeaning[] {
    let meanings = this.memo.get(normalized)
    if (meanings === undefined) {
      meanings = this.find(normalized)
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear()
      this.memo.set(normalized, meanings)
    }
    return meanings
  }

  private find(normalized: string): LabelMeaning[] {
    if (normalized.startsWith(TABLE2_HEADER_LABELS.captionPrefix)) return [{ table: 2, role: 'caption' }]
    if (normalized.includes(TABLE3_HEADER_LABELS.noteFragment)) return [{ table: 3, role: 'note' }]
    const core = labelCore(normalized)
    const found = this.exact.get(core) ?? this.exact.get(normalized)
    if (found !== undefined) return found
    const withoutNote = core.replace(/\([^()]*\)$/u, '')
    if (withoutNote !== core && withoutNote !== '') {
      const annotated = this.exact.get(withoutNote)
      if (annotated !== undefined) return annotated
    }
    return this.columnPrefix(core)
  }

  /** Table 二 headers that are annotated (`上一年项目数量(指2019年事项数)`) or cut short (`本年新`). */
  private columnPrefix(core: string): LabelMeaning[] {
    const meanings: LabelMeaning[] = []
    for (const { column, keys } of this.prefixes) {
      if (keys.some((key) => core.startsWith(key) || (core.length >= 3 && key.startsWith(core)))) {
        meanings.push({ table: 2, role: 'column', column })
      }
    }
    return meanings
  }
}

/** Beyond this many distinct texts, the lookup memo starts afresh. */
const MEMO_LIMIT = 20000
/** Labels shorter than this are never matched by nearness (`规章`, `其他`: one character makes another word). */
const MIN_NEAR = 5
/** Texts longer than this are prose, never a label with a typo. */
const MAX_NEAR = 64

/** A label of the format a printed text is near: its meanings, the label as the catalogue prints it, and how many edits apart. */
export interface NearLabel {
  meanings: readonly LabelMeaning[]
  label: string
  distance: number
}

/**
 * The edit distance between two texts (insertions, deletions, substitutions), or `bound + 1`
 * as soon as it exceeds `bound`: a band of the table only, so its time is O(length × bound).
 */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1
  let previous = new Array<number>(b.length + 1)
  let current = new Array<number>(b.length + 1)
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound)
    const to = Math.min(b.length, i + bound)
    current.fill(bound + 1)
    current[0] = i
    let smallest = i
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      const value = Math.min((previous[j - 1] as number) + cost, (previous[j] as number) + 1, (current[j - 1] as number) + 1)
      current[j] = value
      if (value < smallest) smallest = value
    }
    if (smallest > bound) return bound + 1
    ;[previous, current] = [current, previous]
  }
  return Math.min(previous[b.length] as number, bound + 1)
}

const INDEXES = new Map<Edition, LabelIndex>()

/**
 * The label index of an edition (built once).
 *
 * @param edition - The edition.
 */
export function labelIndex(edition: Edition): LabelIndex {
  let index = INDEXES.get(edition)
  if (index === undefined) {
    index = new LabelIndex(CATALOGUES[edition])
    INDEXES.set(edition, index)
  }
  return index
}

/**
 * Whether a label is a known local addition to the format (kept in extras without a note).
 *
 * @param normalized - Output of `normalizeLabel`.
 */
export function isKnownExtra(normalized: string): boolean {
  return KNOWN_FRAGMENTS.some((fragment) => normalized.includes(fragment))
}

const KNOWN_FRAGMENTS = KNOWN_EXTRAS.map((fragment) => normalizeLabel(fragment))
