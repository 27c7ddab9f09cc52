import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

/** The one source of the version: package.json, put in the build as `VERSION` (src/model/version.ts). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

export default defineConfig({
  // `render` is the command's renderer on its own, for bench/cli.js (not an export of the package).
  entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts', worker: 'src/cli/worker.ts', render: 'src/cli/render.ts' },
  format: ['esm'],
  target: 'node20',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  treeshake: true,
  define: { __ZFXXGK_VERSION__: JSON.stringify(version) }
})
