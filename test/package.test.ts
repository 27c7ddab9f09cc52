/**
 * The package as the registry shows it: a licence, where the code and the issues live, and README
 * and docs links that resolve. The registry renders a relative link against `repository`, so a
 * relative link works there when it names a file inside this repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
const DOCS = [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
]

/** Every Markdown link target outside code blocks and code spans. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gmu, '').replace(/`[^`\n]*`/gu, '')
  return [...prose.matchAll(/\]\(([^)\s]+)\)/gu)].map((match) => match[1] as string)
}

describe('the package', () => {
  it('says what changed in its version: a CHANGELOG section for it, shipped in the package', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
    expect(changelog).toMatch(new RegExp(`^## \\[${String(pkg.version).replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'mu'))
    expect(pkg.files).toContain('CHANGELOG.md')
  })

  it('ships the MIT licence text the package declares', () => {
    expect(pkg.license).toBe('MIT')
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /u)
  })

  it('says where its code, home page and issues are', () => {
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/u) })
    const home = (pkg.repository as { url: string }).url.replace(/^git\+/u, '').replace(/\.git$/u, '')
    expect(pkg.homepage).toBe(`${home}#readme`)
    expect(pkg.bugs).toEqual({ url: `${home}/issues` })
  })

  for (const doc of DOCS) {
    it(`${doc}: every relative link names a file in this repository`, () => {
      const targets = links(readFileSync(join(ROOT, doc), 'utf8')).filter((target) => !/^(?:https?:|mailto:|#)/u.test(target))
      for (const target of targets) {
        const file = join(ROOT, dirname(doc), target.split('#')[0] as string)
        expect(relative(ROOT, file).startsWith('..'), `${doc}: ${target} leaves the repository`).toBe(false)
        expect(existsSync(file), `${doc}: ${target} does not exist`).toBe(true)
      }
    })
  }
})
