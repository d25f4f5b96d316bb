import { defineConfig } from 'vitest/config'
import { resolve } from 'node:path'

const alias = { '@core': resolve(import.meta.dirname, 'src-main/core') }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // The test files share one module graph: loading exceljs, zod and the vocabulary once
          // instead of once per file halves the suite's CPU time. vi.mock stays per file; spies
          // and stubbed globals are put back after each test, so no file sees another's.
          isolate: false,
          restoreMocks: true,
          unstubGlobals: true,
          // On a shared 2-core machine a workbook round trip can take several seconds; the
          // timeout is there to catch a hang, the speed budgets are asserted where they matter.
          testTimeout: 15_000
        }
      },
      {
        resolve: { alias },
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false }
      }
    ]
  }
})
