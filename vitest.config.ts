import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Tests import the package by its name (docs/examples do, as a reader would) from the source,
  // as tsconfig's `paths` does for the type-checker; the built package is tested on its own.
  resolve: { alias: [{ find: /^zfxxgk$/u, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }] },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: {
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json'
    }
  }
})
