/**
 * The checks' speed budget. This file runs in the `perf` project: in a fresh process, after the
 * unit tests, with nothing else of the test run beside it (vitest.config.ts).
 */
import { describe, expect, it } from 'vitest'
import { completeness, runChecks } from '@core/checks/run-checks'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'

const RUNS = 9

/**
 * This process's CPU time in ms, from a collected heap: the work is synchronous, CPU time leaves
 * out the time other processes hold the core, and a collection owed by the previous run is not
 * charged to this one.
 */
function cpuTime(work: () => unknown): number {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run with --expose-gc (the perf project in vitest.config.ts does)')
  collect()
  const start = process.cpuUsage()
  work()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

describe('checks speed', () => {
  it(`checks 10,000 records in at most 500 ms (median of ${RUNS} runs)`, () => {
    const records = generateDemoRegister(10_000, 7)
    const context = { organisation: demoOrganisation(), today: '2026-03-01', installedPackVersions: {} }
    let findings = runChecks(records, context).length // warm-up: JIT and the destination memo
    const times: number[] = []
    for (let run = 0; run < RUNS; run += 1) {
      times.push(
        cpuTime(() => {
          findings = runChecks(records, context).length
          completeness(records, context.organisation)
        })
      )
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(RUNS / 2)]!
    console.info(`runChecks + completeness over 10,000 records: median ${median.toFixed(0)} ms of CPU time (${times.map((time) => time.toFixed(0)).join(', ')}), ${findings} findings`)
    expect(findings).toBeGreaterThan(0)
    expect(median).toBeLessThanOrEqual(500)
  })
})
