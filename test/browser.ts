/**
 * Debian's headless Chromium, driven by playwright-core, for the tests that open the pages the
 * command writes. `.ci/run` installs it; elsewhere those tests run only where it is.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Where Debian installs Chromium. */
export const CHROMIUM = '/usr/bin/chromium'

/** Whether the browser tests run: in CI the browser must be there (a missing one fails, not skips). */
export const BROWSER_PRESENT = existsSync(CHROMIUM) || process.env.CI === 'true'

/** Start headless Chromium with nothing that reaches the network (this machine's is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}
