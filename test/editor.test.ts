/**
 * What a user's editor shows, asked of the TypeScript language service over a consumer project
 * whose `import … from 'zfxxgk'` resolves to the built `dist/index.d.ts` (npm test builds first):
 * hovers on table keys carry the Chinese label, diagnostic codes complete and carry their docs,
 * and `edition` names the notice that defines the format.
 */
import { join } from 'node:path'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { DIAGNOSTIC_CODES, DIAGNOSTIC_INFO, cellPaths, type Edition } from '../src/index.js'
import { BUILT, CONSUMER_OPTIONS, consumerProject } from './consumer.js'

/** The language service is slow on a busy two-core machine. */
const TIMEOUT = 60_000

const CJK = /[\u3400-\u9fff]/

/** A source file built line by line, remembering where named probes are. */
class Probe {
  text = ''
  readonly at = new Map<string, number>()

  /** Append `line`; with `name`, remember as it the offset `delta` characters past the start of `mark`'s last occurrence. */
  line(line: string, name?: string, mark?: string, delta = 0): this {
    if (name !== undefined && mark !== undefined) {
      const index = line.lastIndexOf(mark)
      if (index < 0) throw new Error(`probe ${name}: ${mark} not in ${line}`)
      this.at.set(name, this.text.length + index + delta)
    }
    this.text += `${line}\n`
    return this
  }

  /** The remembered offset of `name`. */
  pos(name: string): number {
    const offset = this.at.get(name)
    if (offset === undefined) throw new Error(`no probe ${name}`)
    return offset
  }
}

/** Every key path of the tables of `edition` (cells and the objects above them), e.g. `applications.commercial.results`. */
function keyPaths(edition: Edition): string[] {
  const paths = new Set<string>()
  for (const path of cellPaths(edition)) {
    const keys = path.split('.')
    for (let end = 1; end <= keys.length; end++) paths.add(keys.slice(0, end).join('.'))
  }
  return [...paths]
}

const VARIABLE = { '2019': 'r19', '2021': 'r21' } as const

const hover = new Probe()
  .line("import { DIAGNOSTIC_INFO, parseReport, type Report2019, type Report2021 } from 'zfxxgk'")
  .line("const { report } = parseReport('')")
  .line("if (report === null) throw new Error('no report')")
  .line('report.applications.commercial', 'union.commercial', 'commercial', 1)
  .line("if (report.edition === '2021') {")
  .line('  report.applications.commercial', 'narrowed.commercial', 'commercial', 1)
  .line('}')
  .line('declare const r19: Report2019')
  .line('declare const r21: Report2021')
  .line('r19.edition', 'edition.2019', 'edition', 1)
  .line('r21.edition', 'edition.2021', 'edition', 1)
for (const edition of ['2019', '2021'] as const) {
  for (const path of keyPaths(edition)) {
    const key = path.slice(path.lastIndexOf('.') + 1)
    hover.line(`${VARIABLE[edition]}.${path}`, `${edition}:${path}`, `.${key}`, 1)
  }
}
for (const code of DIAGNOSTIC_CODES) hover.line(`DIAGNOSTIC_INFO.${code}`, `info.${code}`, `.${code}`, 1)

const complete = new Probe()
  .line("import { DIAGNOSTIC_INFO, type Diagnostic } from 'zfxxgk'")
  .line('declare const d: Diagnostic')
  .line("if (d.code === '') {}", 'code', "''", 1)
  .line("DIAGNOSTIC_INFO['']", 'bracket', "''", 1)
  .line('DIAGNOSTIC_INFO.', 'dot', '.', 1)

describe('the package in an editor', () => {
  let service: ts.LanguageService
  let hoverFile: string
  let completeFile: string

  beforeAll(() => {
    if (!BUILT) {
      throw new Error('dist/index.d.ts is missing: run `npm run build` first (npm test builds before vitest runs).')
    }
    const dir = consumerProject({ 'hover.ts': hover.text, 'complete.ts': complete.text })
    hoverFile = join(dir, 'hover.ts')
    completeFile = join(dir, 'complete.ts')
    const host: ts.LanguageServiceHost = {
      getScriptFileNames: () => [hoverFile, completeFile],
      getScriptVersion: () => '1',
      getScriptSnapshot: (name) => {
        const text = ts.sys.readFile(name)
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
      },
      getCurrentDirectory: () => dir,
      getCompilationSettings: () => CONSUMER_OPTIONS,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: (path) => ts.sys.realpath?.(path) ?? path
    }
    service = ts.createLanguageService(host)
  }, TIMEOUT)

  function quickInfo(name: string): { display: string; docs: string } {
    const info = service.getQuickInfoAtPosition(hoverFile, hover.pos(name))
    return {
      display: ts.displayPartsToString(info?.displayParts),
      docs: ts.displayPartsToString(info?.documentation)
    }
  }

  it(
    'resolves zfxxgk to the built types and type-checks the probes',
    () => {
      const program = service.getProgram()
      expect(program?.getSourceFiles().some((file) => file.fileName.endsWith(join('dist', 'index.d.ts')))).toBe(true)
      const errors = service
        .getSemanticDiagnostics(hoverFile)
        .concat(service.getSyntacticDiagnostics(hoverFile))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      expect(errors).toEqual([])
    },
    TIMEOUT
  )

  it(
    'shows 商业企业 on report.applications.commercial, on a Report and narrowed to 2021',
    () => {
      for (const name of ['union.commercial', 'narrowed.commercial']) {
        const { display, docs } = quickInfo(name)
        expect(display, name).toContain('commercial')
        expect(docs, name).toContain('商业企业')
      }
    },
    TIMEOUT
  )

  it(
    'documents every key of tables 二, 三 and 四 with its Chinese label',
    () => {
      const undocumented: string[] = []
      let hovered = 0
      for (const name of hover.at.keys()) {
        if (!/^20(19|21):/.test(name)) continue
        hovered++
        const { docs } = quickInfo(name)
        if (!CJK.test(docs)) undocumented.push(`${name}: ${JSON.stringify(docs)}`)
      }
      expect(undocumented).toEqual([])
      expect(hovered).toBeGreaterThan(100)
    },
    TIMEOUT
  )

  it(
    'names each applicant column as the official table prints it',
    () => {
      const labels = {
        naturalPerson: '自然人',
        commercial: '商业企业',
        research: '科研机构',
        nonProfit: '社会公益组织',
        legalService: '法律服务机构',
        otherOrganization: '其他',
        total: '总计'
      }
      for (const [key, label] of Object.entries(labels)) {
        for (const edition of ['2019', '2021']) {
          expect(quickInfo(`${edition}:applications.${key}`).docs, `${edition} ${key}`).toContain(label)
        }
      }
    },
    TIMEOUT
  )

  it(
    'names the notice of each edition on `edition`',
    () => {
      expect(quickInfo('edition.2019').docs).toContain('国办公开办函〔2019〕60号')
      expect(quickInfo('edition.2021').docs).toContain('国办公开办函〔2021〕30号')
    },
    TIMEOUT
  )

  it(
    "completes exactly the diagnostic codes after `d.code === '`",
    () => {
      const completions = service.getCompletionsAtPosition(completeFile, complete.pos('code'), {})
      expect(completions?.entries.map((entry) => entry.name).sort()).toEqual([...DIAGNOSTIC_CODES].sort())
    },
    TIMEOUT
  )

  it(
    'documents every code, with its severity, on DIAGNOSTIC_INFO completions and hovers',
    () => {
      for (const probe of ['bracket', 'dot']) {
        const position = complete.pos(probe)
        const completions = service.getCompletionsAtPosition(completeFile, position, {})
        expect(completions?.entries.map((entry) => entry.name).sort(), probe).toEqual([...DIAGNOSTIC_CODES].sort())
        for (const code of DIAGNOSTIC_CODES) {
          const details = service.getCompletionEntryDetails(completeFile, position, code, {}, undefined, undefined, undefined)
          const docs = ts.displayPartsToString(details?.documentation)
          expect(docs, `${probe} ${code}`).toMatch(CJK)
          expect(docs, `${probe} ${code}`).toContain(`**${DIAGNOSTIC_INFO[code].severity}**`)
        }
      }
      for (const code of DIAGNOSTIC_CODES) {
        expect(quickInfo(`info.${code}`).docs, code).toContain(`**${DIAGNOSTIC_INFO[code].severity}**`)
      }
    },
    TIMEOUT
  )
})
