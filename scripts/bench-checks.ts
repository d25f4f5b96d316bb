/**
 * `npm run bench`, checks section: every compliance rule over the whole register, as the
 * register's health column, the dashboard and `ropa check` run them (runChecks), plus the
 * dashboard's summary and completeness. Median of several runs; target ≤ 500 ms for 10,000.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { CheckContext } from '../src-main/core/checks/finding'
import { completeness, runChecks, summariseFindings } from '../src-main/core/checks/run-checks'
import { demoOrganisation } from '../src-main/core/demo/demo-register'
import type { StoredRecord } from '../src-main/core/records/model'
import { median } from './bench-register'

export const CHECKS_TARGET_MS = 500

export interface ChecksRunFigures {
  /** runChecks over every record and the organisation. */
  checksMs: number
  /** summariseFindings + completeness, the dashboard's figures on top of the findings. */
  summaryMs: number
  findings: number
}

export function benchChecksRun(records: readonly StoredRecord[], context: CheckContext): ChecksRunFigures {
  const start = performance.now()
  const findings = runChecks(records, context)
  const checked = performance.now()
  summariseFindings(findings)
  completeness(records, context.organisation)
  return { checksMs: checked - start, summaryMs: performance.now() - checked, findings: findings.length }
}

/** Runs the section and writes bench-results/checks.json. */
export function benchChecks(records: readonly StoredRecord[], runs: number): void {
  // A date inside the demo register's review dates, so that overdue and due-soon rules fire as in real use.
  const context: CheckContext = { organisation: demoOrganisation(), today: '2026-03-01', installedPackVersions: {} }
  console.log(`\nchecks: ${records.length.toLocaleString()} records, ${runs} runs (after one warm-up run)`)
  benchChecksRun(records, context)
  const figures: ChecksRunFigures[] = []
  for (let run = 1; run <= runs; run += 1) {
    const result = benchChecksRun(records, context)
    figures.push(result)
    console.log(`  run ${run}: checks ${result.checksMs.toFixed(1)} ms (${result.findings.toLocaleString()} findings), summary and completeness ${result.summaryMs.toFixed(1)} ms`)
  }
  const summary = {
    records: records.length,
    runs,
    medians: { checksMs: median(figures.map((run) => run.checksMs)), summaryMs: median(figures.map((run) => run.summaryMs)), findings: median(figures.map((run) => run.findings)) },
    targets: { checksMs: CHECKS_TARGET_MS },
    measuredAt: new Date().toISOString()
  }
  const m = summary.medians
  console.log('\nchecks medians:')
  console.log(`  checks over ${records.length.toLocaleString()} records  ${m.checksMs.toFixed(1)} ms  (target ≤ ${CHECKS_TARGET_MS} ms); dashboard summary ${m.summaryMs.toFixed(1)} ms`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/checks.json', `${JSON.stringify(summary, null, 2)}\n`)
}
