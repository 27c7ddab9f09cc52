/**
 * `zfxxgk view`, checked in a real browser: Debian's headless Chromium driven by playwright-core.
 * Every value cell of seed 004 carries its status (147 of them filled by the invariants), the page
 * renders with its colours, and a screenshot is written for a person to look at. `.ci/run`
 * installs Chromium; elsewhere the browser test runs only where `/usr/bin/chromium` is.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, type Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BROWSER_PRESENT, launchChromium } from './browser.js'
import { main, type Io } from '../src/cli/index.js'
import { renderView } from '../src/cli/view.js'
import { cellPaths, parseReport, toRows } from '../src/index.js'
import { CORPUS } from './helpers.js'

const present = BROWSER_PRESENT

/** A cell's background colour as the browser computes it (the test is compiled without the DOM's types). */
const background = (cell: Locator): Promise<string> =>
  cell.evaluate(
    (element) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(element).backgroundColor
  )

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = ''
  const io: Io = { stdout: () => undefined, stderr: (text) => void (stderr += text), stdin: () => new Uint8Array(), tty: false }
  return { code: await main(argv, io), stderr }
}

describe('zfxxgk view', () => {
  const out = mkdtempSync(join(tmpdir(), 'zfxxgk-view-'))
  const page = join(out, 'seed-004.html')
  let browser: Browser | undefined

  beforeAll(async () => {
    expect((await run(['view', join(CORPUS, 'seed-004', 'input.txt'), '-o', page])).code).toBe(0)
    if (present) {
      browser = await launchChromium()
    }
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('writes one self-contained page with every value cell named and given a status', () => {
    const html = readFileSync(page, 'utf8')
    expect(html).not.toMatch(/<(?:script|link)\b/u)
    const statuses = [...html.matchAll(/data-path="([^"]+)" data-status="([a-z]+)"/gu)]
    expect(statuses.map((match) => match[1]).sort()).toEqual([...cellPaths('2019')].sort())
    expect(statuses.filter((match) => match[2] === 'inferred')).toHaveLength(147)
  })

  it('colours every cell of every corpus case by the CSV’s status (one rule): a crawl’s split cells are split, not printed', () => {
    for (const name of readdirSync(CORPUS).filter((entry) => !entry.startsWith('real-9'))) {
      const file = readdirSync(join(CORPUS, name)).find((entry) => entry.startsWith('input.')) as string
      const result = parseReport(new Uint8Array(readFileSync(join(CORPUS, name, file))))
      if (result.report === null) continue
      const html = renderView(name, [{ source: name, result }])
      const painted = new Map([...html.matchAll(/data-path="([^"]+)" data-status="([a-z]+)"/gu)].map((match) => [match[1], match[2]]))
      for (const row of toRows(result)) expect(painted.get(row.path), `${name} ${row.path}`).toBe(row.status)
      if (name === 'real-004-pingtan-2021') expect([...painted.values()].filter((status) => status === 'split')).toHaveLength(175 + 15 + 3)
    }
  }, 60_000)

  it.runIf(present)(
    'shows seed 004 in headless Chromium with 147 cells marked inferred, in their colour, the diagnostic on hover',
    async () => {
      const tab = await (browser as Browser).newPage({ viewport: { width: 1400, height: 1000 } })
      await tab.goto(pathToFileURL(page).href)
      const inferred = tab.locator('td[data-status="inferred"]')
      expect(await inferred.count()).toBe(147)
      expect(await background(inferred.first())).toBe('rgb(205, 230, 255)')
      expect(await background(tab.locator('td[data-status="printed"]').first())).toBe('rgb(255, 255, 255)')
      expect(await inferred.first().getAttribute('title')).toContain('value_inferred')
      expect(await tab.locator('td[data-status]').count()).toBe(cellPaths('2019').length)
      const shot = join(out, 'seed-004.png')
      await tab.screenshot({ path: shot, fullPage: true })
      expect(readFileSync(shot).byteLength).toBeGreaterThan(10_000)
      console.log(`zfxxgk view of seed 004, as Chromium renders it: ${shot}`)
    },
    60_000
  )

  it.runIf(present)(
    'writes a page per report and an index of the batch that links them',
    async () => {
      const folder = join(out, 'pages')
      const seeds = readdirSync(CORPUS)
        .filter((name) => name.startsWith('seed-'))
        .map((name) => join(CORPUS, name, 'input.txt'))
      expect((await run(['view', ...seeds, '-o', `${folder}/`])).code).toBe(0)
      const tab = await (browser as Browser).newPage()
      await tab.goto(pathToFileURL(join(folder, 'index.html')).href)
      expect(await tab.locator('tr').count()).toBe(1 + seeds.length)
      await tab.locator('a').first().click()
      expect(await tab.locator('td[data-status]').count()).toBeGreaterThan(100)
    },
    60_000
  )
})

describe('zfxxgk view with hostile file names and report texts', () => {
  const out = mkdtempSync(join(tmpdir(), 'zfxxgk-hostile-'))
  const inputs = join(out, 'in')
  const pages = join(out, 'pages')
  const seed = readFileSync(join(CORPUS, 'seed-003', 'input.txt'), 'utf8')
  /** File names a publisher or a crawler could give, each trying to become script, a link out or a broken link. */
  const names = [
    'javascript:alert(document.domain).txt',
    'a#b.txt',
    'c?d=1.txt',
    '"><img src=x onerror=alert(1)>.txt',
    "'><svg onload=alert(2)>.txt",
    '%2e%2e%2fescape.txt',
    'data:text,html.txt',
    ' leading space.txt'
  ]
  /** Report texts carrying markup: a title, an organisation, a section, a label. */
  const hostileText = seed
    .replace('长春市九台区沐石河街道办事处', '<script>alert(3)</script><img src=x onerror=alert(4)>某某街道办事处')
    .replace('一、总体情况', '一、总体情况\n<a href="javascript:alert(5)">点此</a><iframe src="javascript:alert(6)"></iframe>')

  beforeAll(() => {
    mkdirSync(inputs)
    for (const name of names) writeFileSync(join(inputs, name), seed)
    writeFileSync(join(inputs, 'hostile-text.txt'), hostileText)
  })

  it.runIf(present)(
    'runs no script and links only to its own pages, each link opening its page',
    async () => {
      expect((await run(['view', inputs, '--format', 'text', '-o', `${pages}/`])).code).toBe(0)
      const browser = await launchChromium()
      try {
        const tab = await browser.newPage()
        const dialogs: string[] = []
        tab.on('dialog', (dialog) => {
          dialogs.push(dialog.message())
          void dialog.dismiss()
        })
        await tab.goto(pathToFileURL(join(pages, 'index.html')).href)
        const links = tab.locator('a')
        expect(await links.count()).toBe(names.length + 1)
        for (let i = 0; i < names.length + 1; i++) {
          const link = links.nth(i)
          const raw = (await link.getAttribute('href')) as string
          const resolved = await link.evaluate((element) => (element as unknown as { href: string }).href)
          expect(raw.startsWith('./'), raw).toBe(true)
          expect(resolved.startsWith(pathToFileURL(pages).href), resolved).toBe(true)
          expect(resolved).not.toMatch(/[#?]/u)
          await link.click()
          expect(tab.url()).toBe(resolved)
          expect(await tab.locator('td[data-status]').count()).toBe(cellPaths('2019').length)
          for (const anchor of await tab.locator('a[href], iframe[src], script, img').all()) {
            expect(await anchor.evaluate((element) => (element as unknown as { tagName: string }).tagName)).toBe('A')
          }
          await tab.goBack()
        }
        await tab.waitForTimeout(200)
        expect(dialogs).toEqual([])
      } finally {
        await browser.close()
      }
    },
    120_000
  )
})
