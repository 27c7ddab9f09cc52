/**
 * `zfxxgk dataset -o DIR/`, the dashboard, in a real browser (Debian's headless Chromium driven by
 * playwright-core, as test/view.test.ts does): from the index to a body's page, from one of its
 * problems to the `view` page of a source it rests on; no script anywhere, no link out, the SVG
 * charts drawn. The bodies: 平潭 (seven years from eight files) and two whose names are hostile.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BROWSER_PRESENT, launchChromium } from '../browser.js'
import { CHARTED } from '../../src/cli/dataset/dashboard.js'
import { KEY_CELLS } from '../../src/cli/dataset/cells.js'
import { cellPaths } from '../../src/index.js'
import { copyCase, run, CRAWLS } from './helpers.js'

const present = BROWSER_PRESENT
const HOSTILE = '<script>alert(1)</script>'

/** Every element of the page that could run or fetch something, and every link's raw and resolved address. */
async function audit(tab: Page): Promise<{ active: number; links: { raw: string; resolved: string }[] }> {
  const active = await tab.locator('script, iframe, object, embed, link, img, [onload], [onclick], [onerror]').count()
  const links = await tab.locator('a').evaluateAll((anchors) =>
    anchors.map((anchor) => ({
      raw: (anchor as unknown as { getAttribute(name: string): string }).getAttribute('href'),
      resolved: (anchor as unknown as { href: string }).href
    }))
  )
  return { active, links }
}

describe('zfxxgk dataset -o DIR/: the dashboard', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-dashboard-'))
  const inputs = join(dir, 'reports')
  const out = join(dir, 'dashboard')
  let browser: Browser | undefined
  let stderr = ''

  beforeAll(async () => {
    mkdirSync(join(inputs, 'pingtan'), { recursive: true })
    mkdirSync(join(inputs, 'seeds'))
    for (const name of CRAWLS) copyCase(name, join(inputs, 'pingtan', `${name}.txt`))
    copyCase('real-009-pingtan-2025', join(inputs, 'pingtan', '2025 page#1.html'))
    for (const i of [0, 1, 2, 3, 4]) copyCase(`seed-00${i}`, join(inputs, 'seeds', `seed-00${i}.txt`))
    // Seed 002 names no body and no year: given here, and not given to its copy.
    copyCase('seed-002', join(inputs, 'seeds', 'anonymous.txt'))
    writeFileSync(
      join(dir, 'identity.csv'),
      [
        'file,organization,year,region,level',
        'reports/pingtan/2025 page#1.html,平潭综合实验区,2025,,',
        'reports/pingtan,,,福建,副省级',
        `reports/seeds/seed-000.txt,${HOSTILE},2019,<b>x</b>,`,
        `reports/seeds/seed-001.txt,${HOSTILE},2020,,`,
        `reports/seeds/seed-002.txt,${HOSTILE},2021,,`,
        'reports/seeds/seed-003.txt,javascript:alert(2),2022,,',
        ''
      ].join('\n')
    )
    const result = await run(['dataset', inputs, '--identity', join(dir, 'identity.csv'), '-o', `${out}/`])
    expect(result.code).toBe(0)
    stderr = result.stderr
    if (present) browser = await launchChromium()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('writes the index, a page per body, and a view page per file mirroring its path', () => {
    expect(stderr.split('\n').at(-2)).toBe(
      '14 files (12 text, 1 html, 1 markdown): 14 reports, 0 failed, 4 bodies, 12 body-years, 1 unidentified, 3 findings'
    )
    for (const page of [
      'index.html',
      'bodies/1.html',
      'bodies/2.html',
      'bodies/3.html',
      'reports/pingtan/2025 page#1.html',
      'reports/seeds/seed-004.html'
    ])
      expect(existsSync(join(out, page)), page).toBe(true)
    const index = readFileSync(join(out, 'index.html'), 'utf8')
    expect(index).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(index).toContain('&lt;b&gt;x&lt;/b&gt;')
    // The copy of seed 002 names no body or year: listed, linked to its page.
    expect(index).toMatch(/<li><a href="\.\/reports\/seeds\/anonymous\.html">[^<]+anonymous\.txt<\/a>: no body or year known<\/li>/u)
  })

  it.runIf(present)(
    'goes from the index to a body, from a problem to its source’s view page; runs no script and links nowhere else',
    async () => {
      const tab = await (browser as Browser).newPage({ viewport: { width: 1300, height: 900 } })
      const dialogs: string[] = []
      tab.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const base = pathToFileURL(out).href
      await tab.goto(pathToFileURL(join(out, 'index.html')).href)
      const index = await audit(tab)
      expect(index.active).toBe(0)
      for (const { raw, resolved } of index.links) {
        expect(raw.startsWith('./'), raw).toBe(true)
        expect(resolved.startsWith(`${base}/`), resolved).toBe(true)
      }
      // Years present, problems per year: 平潭 has seven years and no problem.
      const pingtan = tab.locator('tr', { has: tab.getByRole('link', { name: '平潭综合实验区' }) })
      expect(await pingtan.locator('td.clean').count()).toBe(7)
      await tab.getByRole('link', { name: HOSTILE }).click()
      expect(tab.url()).toMatch(/\/bodies\/1\.html$/u)
      expect(await tab.title()).toBe(HOSTILE)
      const body = await audit(tab)
      expect(body.active).toBe(0)
      for (const { raw, resolved } of body.links) {
        expect(raw.startsWith('../') || raw.startsWith('./'), raw).toBe(true)
        expect(resolved.startsWith(`${base}/`), resolved).toBe(true)
      }
      expect(await tab.locator('svg').count()).toBe(CHARTED.length)
      expect(await tab.locator('svg polyline').count()).toBeGreaterThan(0)
      expect(await tab.locator('tr').count()).toBeGreaterThan(KEY_CELLS.length)
      // Its problems: each links to the view page of both years' sources.
      const problems = tab.locator('li.info')
      expect(await problems.count()).toBe(3)
      const link = problems.first().locator('a').last()
      expect(await link.textContent()).toMatch(/^2020: .*seed-001\.txt$/u)
      await link.click()
      expect(tab.url()).toBe(`${base}/reports/seeds/seed-001.html`)
      expect(await tab.locator('td[data-status]').count()).toBe(cellPaths('2019').length)
      await tab.goBack()
      await tab.goBack()
      // 平潭's page: 2025 from two sources, each linked (a name with a space and a # encoded).
      await tab.getByRole('link', { name: '平潭综合实验区' }).click()
      const sources = tab
        .locator('tr', { has: tab.locator('th', { hasText: 'sources' }) })
        .locator('td')
        .last()
        .locator('a')
      expect(await sources.count()).toBe(2)
      await sources.first().click()
      expect(tab.url()).toBe(`${base}/reports/pingtan/2025%20page%231.html`)
      expect(await tab.locator('td[data-status]').count()).toBe(cellPaths('2021').length)
      await tab.goBack()
      await tab.screenshot({ path: join(dir, 'pingtan.png'), fullPage: true })
      await tab.waitForTimeout(200)
      expect(dialogs).toEqual([])
    },
    120_000
  )
})
