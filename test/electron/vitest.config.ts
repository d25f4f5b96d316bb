// Its own config, not a project of the root one, so that `npm test` never needs Electron.
// Run through `npm run test:electron` (scripts/test-electron.mjs), which finds the binary.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = resolve(import.meta.dirname, '../..')

export default defineConfig({
  root,
  resolve: { alias: { '@core': resolve(root, 'src-main/core') } },
  test: { name: 'electron', include: ['test/electron/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false }
})
