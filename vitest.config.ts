import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/** The version the sources run with, as the build puts it (tsup.config.ts). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

export default defineConfig({
  define: { __ZFXXGK_VERSION__: JSON.stringify(version) },
  // Tests import the package by its name (docs/examples do, as a reader would) from the source,
  // as tsconfig's `paths` does for the type-checker; the built package is tested on its own.
  resolve: { alias: [{ find: /^zfxxgk$/u, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }] },
  test: {
    include: ['test/**/*.test.ts'],
    // CI runs on 2 cores, and the suite runs three times there (Node 20, 24, 22): a test that takes
    // 1 s on an idle machine can take 8 s on a loaded one. Tests that take longer say so themselves.
    testTimeout: 20_000,
    // vitest's default is one file at a time on 2 cores (cores − 1). Much of the suite waits on
    // child processes (the CLI, the PDF thread, Chromium): two files at once took the suite from
    // 457 s to 346 s on the CI machine, and the CI run from 18 to about 15 minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json'
    }
  }
})
