import { defineConfig } from 'tsup'

export default defineConfig({
  // `render` is the command's renderer on its own, for bench/cli.js (not an export of the package).
  entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts', worker: 'src/cli/worker.ts', render: 'src/cli/render.ts' },
  format: ['esm'],
  target: 'node20',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  treeshake: true
})
