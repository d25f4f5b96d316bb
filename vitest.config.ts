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
          testTimeout: 15_000,
          sequence: { groupOrder: 0 }
        }
      },
      {
        resolve: { alias },
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false, sequence: { groupOrder: 0 } }
      },
      {
        resolve: { alias },
        // Speed budgets, each file in a fresh process of its own once the unit tests have finished:
        // in the unit project's shared worker the garbage collector also walks every other test
        // file's heap, which stretched a budget by half. --expose-gc lets a budget start each
        // timed run from a collected heap.
        test: {
          name: 'perf',
          include: ['test/perf/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          execArgv: ['--expose-gc'],
          testTimeout: 60_000,
          sequence: { groupOrder: 1 }
        }
      }
    ]
  }
})
