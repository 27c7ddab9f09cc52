/**
 * The JSON Schema (draft 2020-12) of the report JSON: what `formatReport(report, { format: 'json' })`
 * writes at its root, and in `$defs/entry` one record of `zfxxgk parse --to json` or `--to ndjson`.
 * Generated from the model: the tables' cells from the codebook (each with its Chinese labels,
 * unit and type), the diagnostic codes from `DIAGNOSTIC_CODES`. The package ships it as
 * `schema/report.schema.json`; a test keeps that file equal to {@link reportJsonSchema}'s output.
 *
 * @module
 */

import { DIAGNOSTIC_CODES } from '../model/codes.js'
import type { Edition, SectionKey } from '../model/types.js'
import { codebook, type CodebookEntry } from './codebook.js'

/** A JSON Schema, as plain data. */
export type JsonSchema = { [key: string]: unknown }

/** What each type of cell may hold, for the descriptions. */
const TYPE_WORDS: Readonly<Record<CodebookEntry['type'], string>> = {
  count:
    'a count, a whole number ≥ 0 as the format asks (a printed value that is not is kept as printed, with negative_value or non_integer_count)',
  signed: 'a signed count, a whole number that may be negative (本年增/减)',
  amount: 'money in 万元, a decimal number exactly as printed (or converted to 万元, with unit_converted)'
}

/** The objects of a table, nested by path, every key required, none other allowed; a cell a number or `null`. */
function tableSchema(entries: readonly CodebookEntry[], depth: number): JsonSchema {
  const children = new Map<string, CodebookEntry[]>()
  for (const entry of entries) {
    const key = entry.path.split('.')[depth] as string
    children.set(key, [...(children.get(key) ?? []), entry])
  }
  const properties: JsonSchema = {}
  for (const [key, below] of children) {
    const leaf = below.length === 1 && below[0]?.path.split('.').length === depth + 1
    const entry = below[0] as CodebookEntry
    properties[key] = leaf
      ? {
          $ref: '#/$defs/cell',
          description: `表${entry.table} ${entry.row} | ${entry.column} (${entry.unit}): ${TYPE_WORDS[entry.type]}`
        }
      : tableSchema(below, depth + 1)
  }
  return { type: 'object', properties, required: [...children.keys()], additionalProperties: false }
}

/** A report of one edition. */
function reportSchema(edition: Edition): JsonSchema {
  const entries = codebook(edition)
  const table = (key: string): JsonSchema =>
    tableSchema(
      entries.filter((entry) => entry.path.startsWith(`${key}.`)),
      1
    )
  return {
    type: 'object',
    description: `A report of the ${edition} format (${edition === '2019' ? '国办公开办函〔2019〕60号' : '国办公开办函〔2021〕30号'}).`,
    properties: {
      $schema: { type: 'string', description: 'The URL of this schema at the version of zfxxgk that wrote the JSON.' },
      edition: { const: edition },
      title: { type: ['string', 'null'], description: 'The title as printed, or null.' },
      organization: { type: ['string', 'null'], description: 'The issuing body, or null when not known.' },
      year: { type: ['integer', 'null'], description: 'The year the report is on, or null when not known.' },
      identity: { $ref: '#/$defs/identity' },
      sections: { $ref: '#/$defs/sections' },
      narrative: {
        type: 'array',
        items: { $ref: '#/$defs/narrativeSection' },
        description: 'Every section 一 to 六 as printed, in order.'
      },
      statements: {
        type: 'array',
        items: { $ref: '#/$defs/statement' },
        description: 'The figures the narrative states that the tables also hold.'
      },
      activeDisclosure: { ...table('activeDisclosure'), description: '表二: 主动公开政府信息情况.' },
      applications: { ...table('applications'), description: '表三: 收到和处理政府信息公开申请情况, one object per applicant column.' },
      reviewAndLitigation: { ...table('reviewAndLitigation'), description: '表四: 政府信息公开行政复议、行政诉讼情况.' },
      extras: { type: 'array', items: { $ref: '#/$defs/extra' } }
    },
    required: [
      'edition',
      'title',
      'organization',
      'year',
      'identity',
      'sections',
      'narrative',
      'statements',
      'activeDisclosure',
      'applications',
      'reviewAndLitigation',
      'extras'
    ],
    additionalProperties: false
  }
}

/** Every section's key: a record, so that a key added to the model without one here does not compile. */
const SECTION_KEYS = Object.keys({
  overview: true,
  activeDisclosure: true,
  applications: true,
  reviewAndLitigation: true,
  problems: true,
  other: true
} satisfies Record<SectionKey, true>)

const POSITION: JsonSchema = {
  type: 'object',
  description:
    'Where something is in the input: line and column (1-based), offset (0-based, UTF-16 code units); page, x, y in a PDF; paragraph in Word.',
  properties: {
    line: { type: 'integer' },
    column: { type: 'integer' },
    offset: { type: 'integer' },
    page: { type: 'integer' },
    x: { type: 'number' },
    y: { type: 'number' },
    paragraph: { type: 'integer' }
  },
  required: ['line', 'column', 'offset'],
  additionalProperties: false
}

const IDENTITY_SOURCE: JsonSchema = {
  type: ['object', 'null'],
  properties: {
    from: { enum: ['title', 'crawlerHeader', 'documentTitle', 'period', 'caller'] },
    text: { type: 'string' },
    position: { $ref: '#/$defs/position' }
  },
  required: ['from', 'text'],
  additionalProperties: false
}

/**
 * The JSON Schema of the report JSON, generated from the model. Its root is a report of either
 * edition (what `formatReport(report, { format: 'json' })` writes); `$defs/entry` is one record of
 * `zfxxgk parse --to json` (an item of its array) or `--to ndjson` (a line).
 */
export function reportJsonSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'zfxxgk report',
    description:
      'A Chinese government information-disclosure annual report (政府信息公开工作年度报告) as zfxxgk writes it in JSON. Generated from the model; shipped as zfxxgk/schema/report.schema.json. $defs/entry is one record of `zfxxgk parse --to json` or `--to ndjson`.',
    oneOf: [{ $ref: '#/$defs/report2019' }, { $ref: '#/$defs/report2021' }],
    $defs: {
      report2019: reportSchema('2019'),
      report2021: reportSchema('2021'),
      cell: {
        type: ['number', 'null'],
        description: 'A value as printed, or null for a blank, missing or unreadable cell (a diagnostic names it).'
      },
      position: POSITION,
      identitySource: IDENTITY_SOURCE,
      identity: {
        type: 'object',
        description: 'The evidence the organisation and the year were read from (null: not read).',
        properties: { organization: { $ref: '#/$defs/identitySource' }, year: { $ref: '#/$defs/identitySource' } },
        required: ['organization', 'year'],
        additionalProperties: false
      },
      sections: {
        type: 'object',
        description: 'The narrative sections 一、五、六 as printed, or null when absent.',
        properties: { overview: { type: ['string', 'null'] }, problems: { type: ['string', 'null'] }, other: { type: ['string', 'null'] } },
        required: ['overview', 'problems', 'other'],
        additionalProperties: false
      },
      narrativeSection: {
        type: 'object',
        description: 'A section of the report: its heading and its prose as printed (tables excluded; null when it prints none).',
        properties: {
          section: { enum: SECTION_KEYS },
          heading: { type: 'string' },
          text: { type: ['string', 'null'] },
          position: { $ref: '#/$defs/position' }
        },
        required: ['section', 'heading', 'text'],
        additionalProperties: false
      },
      statement: {
        type: 'object',
        description: 'A figure a sentence of the narrative states, with the cell (or cells) it names.',
        properties: {
          path: { type: 'string' },
          cells: { type: 'array', items: { type: 'string' } },
          value: { type: 'number' },
          unit: { type: 'string' },
          text: { type: 'string' },
          position: { $ref: '#/$defs/position' }
        },
        required: ['path', 'cells', 'value', 'unit', 'text'],
        additionalProperties: false
      },
      extra: {
        type: 'object',
        description: 'A row or line outside the official format, kept.',
        properties: {
          label: { type: 'string' },
          value: { type: ['number', 'string', 'null'] },
          text: { type: 'string' },
          position: { $ref: '#/$defs/position' },
          values: { type: 'array', items: { $ref: '#/$defs/cell' } }
        },
        required: ['label', 'value', 'text'],
        additionalProperties: false
      },
      diagnostic: {
        type: 'object',
        description: 'A diagnostic (docs/diagnostics.md); some codes carry more fields.',
        properties: {
          code: { enum: [...DIAGNOSTIC_CODES] },
          severity: { enum: ['error', 'warning', 'info'] },
          message: { type: 'string' },
          path: { type: 'string' },
          position: { $ref: '#/$defs/position' },
          expected: { type: 'number' },
          actual: { type: 'number' },
          rule: { type: 'string' }
        },
        required: ['code', 'severity', 'message']
      },
      entry: {
        type: 'object',
        description: 'One record of `zfxxgk parse --to json` (an item of its array) or `--to ndjson` (a line): a report of a file.',
        properties: {
          $schema: { type: 'string' },
          zfxxgk: {
            type: 'object',
            description: 'What made the record: the version of zfxxgk and the options of the run that change results.',
            properties: { version: { type: 'string' }, options: { type: 'object' } },
            required: ['version', 'options'],
            additionalProperties: false
          },
          file: { type: 'string', description: 'The file, as named or found by the walk; `-` for standard input.' },
          part: { type: 'integer', description: 'Which report of the file (1-based), when it holds several.' },
          parts: { type: 'integer', description: 'How many reports the file holds, when several.' },
          start: { $ref: '#/$defs/position' },
          format: { type: 'string', description: 'The adapter that read it.' },
          ok: { type: 'boolean', description: 'A report, and no error.' },
          report: { oneOf: [{ $ref: '#/$defs/report2019' }, { $ref: '#/$defs/report2021' }, { type: 'null' }] },
          diagnostics: { type: 'array', items: { $ref: '#/$defs/diagnostic' } }
        },
        required: ['file', 'format', 'ok', 'report', 'diagnostics'],
        additionalProperties: false
      }
    }
  }
}
