// Package smoke test (run by `npm test` after the build): pack the tarball, check its types resolve
// (attw, ESM profile), install it into a
// temporary project as a user would, then import it from ESM, require() it from CommonJS
// (Node >= 20.19), run the bin, and type-check a consumer that narrows on `edition`. Then install
// it as README says while it is not on the registry: by the clone's path into another empty
// project (import it, `npx zfxxgk --version`), and run `npx zfxxgk --version` in the clone itself.
// SMOKE_GIT=1 also installs it by a git URL (npm clones the last commit and runs `prepare`, which
// installs every dev dependency: about two minutes, so not in every run).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const seeds = join(root, 'corpus')
const seed = join(seeds, 'seed-003', 'input.txt')
const work = mkdtempSync(join(tmpdir(), 'zfxxgk-smoke-'))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options })

function step(name, check) {
  try {
    check()
    console.log(`smoke: ${name}: ok`)
  } catch (error) {
    console.error(`smoke: ${name}: FAILED\n${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`)
    process.exitCode = 1
  }
}

try {
  // Packed once, as built (`npm test` has just built dist/): `npm pack` would otherwise run
  // `prepare`, a build, again; the same tarball goes to attw and is installed below.
  run(npm, ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: root })
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
  step('types resolve for ESM consumers (attw)', () => {
    run('node', [join(root, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js'), join(work, tarball), '--profile', 'esm-only'])
  })
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'zfxxgk-smoke', private: true, type: 'commonjs' }))
  run(npm, ['install', join(work, tarball), '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'])

  step('import from ESM', () => {
    writeFileSync(
      join(work, 'esm.mjs'),
      `import { readFileSync } from 'node:fs'
import { parseReport, formatReport } from 'zfxxgk'
const { report, ok } = parseReport(readFileSync(${JSON.stringify(seed)}))
if (!ok || report?.edition !== '2019' || report.year !== 2020) throw new Error('unexpected result')
if (!formatReport(report, { format: 'markdown' }).includes('## 三、收到和处理政府信息公开申请情况')) throw new Error('formatReport')
`
    )
    run('node', ['esm.mjs'])
  })

  step('require() from CommonJS', () => {
    writeFileSync(
      join(work, 'cjs.cjs'),
      `const { readFileSync } = require('node:fs')
const { parseReport } = require('zfxxgk')
const { report } = parseReport(readFileSync(${JSON.stringify(seed)}))
if (report === null || report.organization !== '长春市九台区沐石河街道办事处') throw new Error('unexpected result: ' + JSON.stringify(report && report.organization))
`
    )
    run('node', ['--no-warnings', 'cjs.cjs'])
  })

  step('run the bin', () => {
    const csv = run(npm, ['exec', '--no', '--', 'zfxxgk', 'parse', seed, '--to', 'csv'])
    if (csv.trim().split('\r\n').length !== 1 + 198) throw new Error(`expected 199 CSV lines, got ${csv.trim().split('\r\n').length}`)
    run(npm, ['exec', '--no', '--', 'zfxxgk', 'check', seed])
  })

  step('type-check a consumer that narrows on edition', () => {
    writeFileSync(
      join(work, 'consumer.ts'),
      `import { parseReport, type Report, type Report2021 } from 'zfxxgk'

export function fees(input: string): number | null {
  const { report } = parseReport(input)
  if (report === null) return null
  if (report.edition === '2021') {
    const narrowed: Report2021 = report
    return narrowed.activeDisclosure.fees.amount
  }
  return report.activeDisclosure.procurement.amount
}

export const granted = (report: Report): number | null => report.applications.total.results.granted
`
    )
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          types: [],
          skipLibCheck: false
        }
      })
    )
    run('node', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', work])
  })

  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  /** Installs `spec` into a new empty project and checks a user's first two steps there. */
  const installAs = (name, spec) =>
    step(name, () => {
      const project = join(work, name.replace(/\W+/gu, '-'))
      mkdirSync(project)
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'zfxxgk-user', private: true, type: 'module' }))
      run(npm, ['install', spec, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project })
      writeFileSync(join(project, 'first.js'), `import { parseReport } from 'zfxxgk'\nconsole.log(typeof parseReport)\n`)
      if (run('node', ['first.js'], { cwd: project }).trim() !== 'function') throw new Error('import { parseReport } failed')
      const said = run(npm, ['exec', '--no', '--', 'zfxxgk', '--version'], { cwd: project }).trim()
      if (said !== version) throw new Error(`npx zfxxgk --version said ${said}, not ${version}`)
    })
  installAs('install from the clone path, import, npx zfxxgk --version', root)
  step('npx zfxxgk --version in the clone', () => {
    const said = run(npm, ['exec', '--no', '--', 'zfxxgk', '--version'], { cwd: root }).trim()
    if (said !== version) throw new Error(`said ${said}, not ${version}`)
  })
  if (process.env.SMOKE_GIT === '1') installAs('install from a git URL, import, npx zfxxgk --version', `git+file://${root}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
