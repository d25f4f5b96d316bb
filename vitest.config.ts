import { defineConfig } from 'vitest/config'
import { resolve } from 'node:path'

const alias = { '@core': resolve(import.meta.dirname, 'src-main/core') }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false }
      }
    ]
  }
})
