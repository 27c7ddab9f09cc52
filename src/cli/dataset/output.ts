/**
 * Where `zfxxgk dataset` writes. As the batch runs, each file's compact reports go into a
 * `DatasetBuilder` (and, for the dashboard, its `view` page is written under `DIR/reports/`,
 * mirroring its path); once every file is in, the dataset is built, its unplaced sources and its
 * problems go to stderr, and it is written: a CSV panel or a JSON document (streamed body by body
 * to stdout or to a file put in place at the end, as `parse` writes), or the dashboard's body
 * pages and its `index.html`, last. An interrupted run writes no dataset: a file output is left as
 * it was, the dashboard has no new index.
 *
 * @module
 */

import { mkdirSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import type { DatasetDiagnostic } from '../../dataset/codes.js'
import { DatasetBuilder } from '../../dataset/builder.js'
import type { CompactReport } from '../../dataset/compact.js'
import type { Dataset, DatasetBody } from '../../dataset/types.js'
import { cellSchema } from '../../model/schema.js'
import { toJson } from '../../serialize/json.js'
import type { Input } from '../files.js'
import { OutputNames } from '../names.js'
import type { Outcome } from '../outcome.js'
import { openOutput, type Output, type Write } from '../output.js'
import type { About } from '../render.js'
import { foldersBelow, writeReplacing } from '../replace.js'
import { yearCells, type YearCells } from './cells.js'
import { renderBodyPage, renderDashboardIndex, type IndexBody } from './dashboard.js'
import { datasetCounts, findingLine, unidentifiedLine } from './notes.js'
import { bodyFields, longRows, panelHeader, wideRow } from './panel.js'

/** What `dataset` writes. */
export interface DatasetRender {
  /** A CSV panel, a JSON document, or the HTML dashboard (`-o DIR/`). */
  to: 'csv' | 'json' | 'dashboard'
  /** The panel's shape: a row per body and year (`wide`), or per body, year and cell (`long`). */
  shape: 'wide' | 'long'
}

/** Where `dataset` writes, and with what. */
export interface DatasetTarget {
  /** `-o`: a file, the dashboard's folder, or `undefined` (stdout). */
  path: string | undefined
  /** What is written. */
  render: DatasetRender
  /** Start a CSV with a UTF-8 byte order mark. */
  bom: boolean
  /** The version and options of the run: in the JSON document (`zfxxgk`), beside a CSV file (its sidecar). */
  about: About
  /** Write the CSV file's sidecar (`false` when a walk of the inputs would read it back). */
  sidecar: boolean
}

/** Text is handed to the stream in pieces of about this many characters. */
const PIECE = 1 << 16
/** Body-years between two turns of the event loop (so that Ctrl-C is heard while the dataset is written). */
const TURN = 500

/** A file that gave nothing to the dataset: it could not be read, or its parse stopped. */
interface Failed {
  source: string
  reason: string
}

/** What the batch gives the dataset, file by file. */
class Gathered {
  readonly builder: DatasetBuilder
  /** Each source's compact report (the same arrays the builder keeps), for the statuses of merged cells. */
  readonly sources = new Map<string, CompactReport>()
  readonly failed: Failed[] = []

  constructor(text: boolean) {
    this.builder = new DatasetBuilder({ text })
  }

  add(outcome: Outcome): void {
    const records = outcome.records ?? []
    for (const record of records) {
      this.builder.addCompact(record)
      if (record.report !== null) this.sources.set(record.source, record.report)
    }
    if (records.length === 0 && outcome.failure !== undefined) this.failed.push({ source: outcome.path, reason: outcome.failure })
  }
}

/** The problems across reports, by body, by body and year, and by body, year and cell. */
class Problems {
  readonly byBody = new Map<string, DatasetDiagnostic[]>()
  private readonly byYear = new Map<string, DatasetDiagnostic[]>()

  constructor(diagnostics: readonly DatasetDiagnostic[]) {
    for (const diagnostic of diagnostics) {
      push(this.byBody, diagnostic.body, diagnostic)
      push(this.byYear, `${diagnostic.body}\u0000${diagnostic.year}`, diagnostic)
    }
  }

  /** A body-year's problems. */
  of(body: string, year: number): readonly DatasetDiagnostic[] {
    return this.byYear.get(`${body}\u0000${year}`) ?? []
  }

  /** A body-year's problems' codes, by the cell each names. */
  byCell(body: string, year: number): Map<string, string[]> | undefined {
    const list = this.byYear.get(`${body}\u0000${year}`)
    if (list === undefined) return undefined
    const cells = new Map<string, string[]>()
    for (const { path, code } of list) {
      if (path === undefined) continue
      const codes = cells.get(path)
      if (codes === undefined) cells.set(path, [code])
      else if (!codes.includes(code)) codes.push(code)
    }
    return cells
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

/** Let the event loop turn (a signal be handled). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Open where `dataset` writes.
 *
 * @param target - `-o`, what to write, the BOM, the version and options.
 * @param io - Standard output and standard error.
 * @throws Error when the output cannot be opened (a usage error, before any parsing).
 */
export async function openDatasetOutput(target: DatasetTarget, io: { stdout: Write; stderr: (text: string) => void }): Promise<Output> {
  const { render } = target
  const gathered = new Gathered(render.to === 'json')
  let counts: string | undefined
  let abandoned = false
  /** Build the dataset and say what is wrong with it on stderr. */
  const build = (): { dataset: Dataset; problems: Problems } => {
    const dataset = gathered.builder.build()
    for (const entry of dataset.unidentified) if (entry.reason !== 'noReport') io.stderr(unidentifiedLine(entry))
    for (const diagnostic of dataset.diagnostics) io.stderr(findingLine(diagnostic))
    counts = datasetCounts(dataset)
    return { dataset, problems: new Problems(dataset.diagnostics) }
  }
  const summary = (): string | undefined => counts
  if (render.to === 'dashboard')
    return dashboard(
      target.path as string,
      gathered,
      build,
      summary,
      () => abandoned,
      () => (abandoned = true)
    )
  const csv = render.to === 'csv'
  const about = csv && target.sidecar ? { about: target.about } : {}
  const inner = await openOutput(target.path, io, { to: csv ? 'csv' : 'ndjson', shape: 'long', header: 'path', ...about }, target.bom)
  const piece = async (text: string): Promise<void> => {
    if (!abandoned) await inner.write({ path: '', chunk: text, counts: {}, reports: [] }, { path: '' })
  }
  return {
    name: inner.name,
    unfinished: inner.unfinished,
    start: async () => inner.start(render.to === 'csv' ? panelHeader(render.shape) : ''),
    write: async (outcome) => {
      try {
        gathered.add(outcome)
      } finally {
        outcome.release?.()
      }
    },
    end: async () => {
      const { dataset, problems } = build()
      if (render.to === 'csv') await writePanel(dataset, problems, gathered.sources, render.shape, piece)
      else await writeJson(dataset, gathered, target.about, piece)
      if (!abandoned) await inner.end()
    },
    abandon: () => {
      abandoned = true
      inner.abandon()
    },
    summary
  }
}

/** The panel's rows, body by body. */
async function writePanel(
  dataset: Dataset,
  problems: Problems,
  sources: ReadonlyMap<string, CompactReport>,
  shape: 'wide' | 'long',
  piece: (text: string) => Promise<void>
): Promise<void> {
  let text = ''
  let done = 0
  for (const body of dataset.bodies) {
    const lead = bodyFields(body)
    for (const year of body.years) {
      const cells = yearCells(year, sources)
      text +=
        shape === 'wide'
          ? wideRow(lead, year, cells, problems.of(body.body, year.year).length)
          : longRows(lead, year, cells, problems.byCell(body.body, year.year))
      if (text.length >= PIECE) {
        await piece(text)
        text = ''
      }
      if (++done % TURN === 0) await turn()
    }
  }
  if (text !== '') await piece(text)
}

/** A body as the JSON document has it: the dataset's, each year with the statuses of its cells not printed as such. */
function bodyJson(body: DatasetBody, sources: ReadonlyMap<string, CompactReport>): { json: unknown; years: number } {
  const years = body.years.map((year) => {
    const cells: YearCells = yearCells(year, sources)
    const paths = cellSchema(year.edition).paths
    const statuses: Record<string, string> = {}
    cells.statuses.forEach((status, i) => {
      if (status !== 'printed' && status !== 'blank') statuses[paths[i] as string] = status
    })
    return { year: year.year, edition: year.edition, sources: year.sources, report: cells.report, indicators: year.indicators, statuses }
  })
  const json = {
    body: body.body,
    ...(body.region === undefined ? {} : { region: body.region }),
    ...(body.level === undefined ? {} : { level: body.level }),
    years
  }
  return { json, years: years.length }
}

/** The JSON document, one body, diagnostic or source a line. */
async function writeJson(dataset: Dataset, gathered: Gathered, about: About, piece: (text: string) => Promise<void>): Promise<void> {
  // `version` as 0.2.0 wrote it; `zfxxgk` as every JSON output of the command line has it.
  let text = `{\n"version": ${toJson(about.version)},\n"zfxxgk": ${toJson(about)}`
  let done = 0
  const list = async <T>(key: string, items: readonly T[]): Promise<void> => {
    text += `,\n${toJson(key)}: [`
    for (const [i, item] of items.entries()) {
      text += `${i === 0 ? '\n' : ',\n'}${toJson(item)}`
      if (text.length >= PIECE) {
        await piece(text)
        text = ''
      }
    }
    text += items.length === 0 ? ']' : '\n]'
  }
  text += ',\n"bodies": ['
  for (const [i, body] of dataset.bodies.entries()) {
    const { json, years } = bodyJson(body, gathered.sources)
    text += `${i === 0 ? '\n' : ',\n'}${toJson(json)}`
    if (text.length >= PIECE) {
      await piece(text)
      text = ''
    }
    done += years
    if (done >= TURN) {
      done = 0
      await turn()
    }
  }
  text += dataset.bodies.length === 0 ? ']' : '\n]'
  await list('diagnostics', dataset.diagnostics)
  await list('unidentified', dataset.unidentified)
  await list('failed', gathered.failed)
  await piece(`${text}\n}\n`)
}

/** The dashboard in a folder: each file's `view` page as it comes, then the body pages and `index.html`. */
function dashboard(
  path: string,
  gathered: Gathered,
  build: () => { dataset: Dataset; problems: Problems },
  summary: () => string | undefined,
  abandoned: () => boolean,
  abandon: () => void
): Output {
  mkdirSync(path, { recursive: true })
  const base = realpathSync(path)
  const names = new OutputNames()
  const checked = new Set<string>()
  /** Each source's `view` page (and each file's), relative to the folder. */
  const pages = new Map<string, string>()
  return {
    name: path,
    unfinished: `each page written to ${path} is whole; index.html was not written`,
    start: async () => undefined,
    write: async (outcome: Outcome, input: Input) => {
      try {
        gathered.add(outcome)
        if (outcome.chunk.length === 0) return
        const { folders, file } = names.take(input, '.html')
        const chunk = typeof outcome.chunk === 'string' ? Buffer.from(outcome.chunk) : outcome.chunk
        writeReplacing(join(foldersBelow(base, ['reports', ...folders], checked), file), [chunk])
        const page = ['reports', ...folders, file].join('/')
        pages.set(outcome.path, page)
        for (const record of outcome.records ?? []) pages.set(record.source, page)
      } finally {
        outcome.release?.()
      }
    },
    end: async () => {
      const { dataset, problems } = build()
      const folder = foldersBelow(base, ['bodies'], checked)
      const listed: IndexBody[] = []
      let done = 0
      for (const [i, body] of dataset.bodies.entries()) {
        if (abandoned()) return
        const years = body.years.map((year) => ({ year, cells: yearCells(year, gathered.sources) }))
        const own = problems.byBody.get(body.body) ?? []
        writeReplacing(join(folder, `${i + 1}.html`), [Buffer.from(renderBodyPage(body, years, own, pages))])
        const perYear = new Map<number, number>()
        for (const diagnostic of own) perYear.set(diagnostic.year, (perYear.get(diagnostic.year) ?? 0) + 1)
        listed.push({ body, page: `bodies/${i + 1}.html`, problems: perYear })
        done += years.length
        if (done >= TURN) {
          done = 0
          await turn()
        }
      }
      if (abandoned()) return
      const index = renderDashboardIndex(listed, {
        unidentified: dataset.unidentified,
        failed: gathered.failed,
        pages,
        summary: summary() ?? ''
      })
      writeReplacing(join(base, 'index.html'), [Buffer.from(index)])
    },
    abandon,
    summary
  }
}
