/**
 * `npm run bench`: the app's benchmarks, each a median over several runs on this machine.
 * BENCH_RUNS (default 5) and BENCH_RECORDS (default 10000) change the size; BENCH_ONLY
 * (register | export | checks | drafting) runs one section.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { startRenderer } from '../test/e2e/browser'
import { benchRegisterRun, demoRecords, median, type RegisterRunFigures } from './bench-register'
import { benchBackupRun, benchBrowserExport, benchExport, type BackupFigures, type BrowserExportFigures, type ExportFigures } from './bench-export'
import { benchChecks } from './bench-checks'
import { benchDrafting, printDrafting } from './bench-drafting'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000)

const format = (ms: number) => `${ms.toFixed(1)} ms`
/** The median of figures that may not have been taken (a baseline not given, BENCH_SKIP_BACKUP): NaN then. */
const medianOf = (values: number[]) => (values.length === 0 ? Number.NaN : median(values))
/** The browser build's export is timed at this size (the size it was reported slow at). */
const BROWSER_EXPORT_RECORDS = Number(process.env.BENCH_BROWSER_EXPORT_RECORDS ?? 2000)
/** Another checkout (built) whose export is timed side by side with this one's, e.g. the commit before a change. */
const BASELINE = process.env.BENCH_BASELINE_DIR ? resolve(process.env.BENCH_BASELINE_DIR) : undefined

async function main(): Promise<void> {
  const { records, averageBytes } = demoRecords(RECORDS)
  // The machine may be shared: its load says how far the figures are from a quiet machine's.
  const loadAtStart = loadavg()[0]!
  console.log(`register: ${RECORDS.toLocaleString()} records, ${averageBytes} bytes of JSON each on average, ${RUNS} runs; load average ${loadAtStart.toFixed(1)}`)
  const session = await startRenderer()
  const runs: RegisterRunFigures[] = []
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      const figures = await benchRegisterRun(session, records, run)
      runs.push(figures)
      console.log(`  run ${run}: validation ${format(figures.validationMs)}, insert ${format(figures.insertMs)} (floor ${format(figures.insertFloorMs)}), first rows ${format(figures.firstRowsMs)}, search p95 ${format(figures.searchP95Ms)}, filter p95 ${format(figures.filterP95Ms)}, open record ${format(figures.openRecordMs)} (whole ${format(figures.wholeRecordMs)}), dashboard ${format(figures.dashboardMs)}, save record ${format(figures.saveRecordMs)}`)
    }
  } finally {
    await session.close()
  }
  const pick = (key: keyof RegisterRunFigures) => median(runs.map((run) => run[key]))
  const summary = {
    records: RECORDS,
    averageRecordBytes: averageBytes,
    runs: RUNS,
    medians: {
      firstRowsMs: pick('firstRowsMs'),
      fullyLoadedMs: pick('fullyLoadedMs'),
      searchKeystrokeP95Ms: pick('searchP95Ms'),
      filterChangeP95Ms: pick('filterP95Ms'),
      openRecordMs: pick('openRecordMs'),
      wholeRecordDrawnMs: pick('wholeRecordMs'),
      dashboardDrawnMs: pick('dashboardMs'),
      saveRecordMs: pick('saveRecordMs'),
      validationMs: pick('validationMs'),
      bulkInsertMs: pick('insertMs'),
      rawPutFloorMs: pick('insertFloorMs'),
      bulkInsertToFloorRatio: median(runs.map((run) => run.insertMs / run.insertFloorMs)),
      validationAndInsertToFloorRatio: median(runs.map((run) => (run.validationMs + run.insertMs) / run.insertFloorMs))
    },
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
    targets: { firstRowsMs: 1000, searchKeystrokeP95Ms: 100, filterChangeP95Ms: 100, bulkInsertToFloorRatio: 1.3, openRecordMs: 150, dashboardDrawnMs: 400, saveRecordMs: 150 },
    measuredAt: new Date().toISOString()
  }
  const m = summary.medians
  console.log('\nregister medians:')
  console.log(`  first rows on screen   ${format(m.firstRowsMs)}  (target ≤ 1000 ms; whole register indexed at ${format(m.fullyLoadedMs)})`)
  console.log(`  search keystroke p95   ${format(m.searchKeystrokeP95Ms)}  (target ≤ 100 ms)`)
  console.log(`  filter change p95      ${format(m.filterChangeP95Ms)}  (target ≤ 100 ms)`)
  console.log(`  open a record          ${format(m.openRecordMs)}  (target ≤ 150 ms; its top first, every section down to its history at ${format(m.wholeRecordDrawnMs)})`)
  console.log(`  dashboard fully drawn  ${format(m.dashboardDrawnMs)}  (target ≤ 400 ms)`)
  console.log(`  save a record          ${format(m.saveRecordMs)}  (target ≤ 150 ms)`)
  if (Number.isNaN(m.rawPutFloorMs)) console.log(`  bulk insert            ${format(m.bulkInsertMs)} (raw put floor not timed: BENCH_SKIP_INSERT)`)
  else console.log(`  bulk insert            ${format(m.bulkInsertMs)} vs raw put ${format(m.rawPutFloorMs)}: ${m.bulkInsertToFloorRatio.toFixed(2)}× (target ≤ 1.3×)`)
  console.log(`  validation before it   ${format(m.validationMs)} (done when the file is read)${Number.isNaN(m.rawPutFloorMs) ? '' : `; validation + insert: ${m.validationAndInsertToFloorRatio.toFixed(2)}× the raw put`}`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/register.json', `${JSON.stringify(summary, null, 2)}\n`)
}

/**
 * Export (Node, the streaming writer the main process and CLI use) next to exceljs's streaming
 * writer alone on the same cells; backup and restore (Chromium, BackupRepository) next to raw
 * IndexedDB getAll / put of the same objects.
 */
async function exportAndBackup(): Promise<void> {
  const { records } = demoRecords(RECORDS)
  const perRecord = (count: (record: (typeof records)[number]) => number) => (records.reduce((sum, record) => sum + count(record), 0) / records.length).toFixed(1)
  console.log(
    `\nexport and backup: ${RECORDS.toLocaleString()} activities, per activity on average ${perRecord((r) => r.purposes.length)} purposes, ${perRecord((r) => r.dataCategories.length)} data categories, ${perRecord((r) => r.recipients.length)} recipients, ${perRecord((r) => r.transfers.length)} transfers; ${RUNS} runs`
  )
  const loadAtStart = loadavg()[0]!
  console.log(`  load average ${loadAtStart.toFixed(1)} at the start${BASELINE ? `; baseline: ${BASELINE}` : ''}`)
  const exports: ExportFigures[] = []
  for (let run = 1; run <= RUNS; run += 1) {
    const figures = benchExport(RECORDS, run)
    exports.push(figures)
    const baseline = figures.baseline ? `; baseline export ${format(figures.baseline.ms)} (CPU ${format(figures.baseline.cpuMs)}), peak RSS ${figures.baseline.peakRssMb.toFixed(0)} MB` : ''
    console.log(
      `  run ${run}: export ${format(figures.exportMs)} (CPU ${format(figures.exportCpuMs)}) vs exceljs streaming alone ${format(figures.floorMs)} (CPU ${format(figures.floorCpuMs)}), peak RSS ${figures.peakRssMb.toFixed(0)} MB (exceljs alone ${figures.floorPeakRssMb.toFixed(0)} MB)${baseline}; load ${loadavg()[0]!.toFixed(1)}`
    )
  }
  const session = await startRenderer()
  // The baseline's renderer, built in its own checkout (`npx electron-vite build` there).
  const baselineSession = BASELINE ? await startRenderer(BASELINE) : null
  const backups: BackupFigures[] = []
  const browserExports: BrowserExportFigures[] = []
  const baselineBrowserExports: BrowserExportFigures[] = []
  const browserRecords = records.slice(0, BROWSER_EXPORT_RECORDS)
  try {
    for (let run = 1; run <= (process.env.BENCH_SKIP_BACKUP ? 0 : RUNS); run += 1) {
      const figures = await benchBackupRun(session, records, run)
      backups.push(figures)
      console.log(`  run ${run}: backup ${format(figures.backupMs)} (raw getAll ${format(figures.backupFloorMs)}), restore ${format(figures.restoreMs)} (raw put ${format(figures.restoreFloorMs)})`)
    }
    const describe = (figures: BrowserExportFigures) => `${format(figures.exportMs)}, ${figures.longTasks} long tasks on the page (longest ${format(figures.longestTaskMs)})`
    for (let run = 1; run <= RUNS; run += 1) {
      // Side by side, the order alternating: the machine's load changes as it goes.
      const baselineFirst = baselineSession !== null && run % 2 === 0
      const before = baselineFirst ? await benchBrowserExport(baselineSession, browserRecords) : null
      const figures = await benchBrowserExport(session, browserRecords)
      const baseline = before ?? (baselineSession ? await benchBrowserExport(baselineSession, browserRecords) : null)
      browserExports.push(figures)
      if (baseline) baselineBrowserExports.push(baseline)
      console.log(`  run ${run}: browser export of ${browserRecords.length.toLocaleString()} activities ${describe(figures)}${baseline ? `; baseline ${describe(baseline)}` : ''}; load ${loadavg()[0]!.toFixed(1)}`)
    }
  } finally {
    await session.close()
    await baselineSession?.close()
  }
  const summary = {
    activities: RECORDS,
    runs: RUNS,
    medians: {
      exportMs: median(exports.map((run) => run.exportMs)),
      exportFloorMs: median(exports.map((run) => run.floorMs)),
      exportToFloorRatio: median(exports.map((run) => run.exportMs / run.floorMs)),
      exportPeakRssMb: median(exports.map((run) => run.peakRssMb)),
      exportCpuMs: median(exports.map((run) => run.exportCpuMs)),
      exportFloorCpuMs: median(exports.map((run) => run.floorCpuMs)),
      exportToFloorCpuRatio: median(exports.map((run) => run.exportCpuMs / run.floorCpuMs)),
      baselineExportMs: medianOf(exports.flatMap((run) => (run.baseline ? [run.baseline.ms] : []))),
      baselineExportPeakRssMb: medianOf(exports.flatMap((run) => (run.baseline ? [run.baseline.peakRssMb] : []))),
      baselineBrowserExportMs: medianOf(baselineBrowserExports.map((run) => run.exportMs)),
      baselineBrowserExportLongestTaskMs: medianOf(baselineBrowserExports.map((run) => run.longestTaskMs)),
      exportFloorPeakRssMb: median(exports.map((run) => run.floorPeakRssMb)),
      backupMs: medianOf(backups.map((run) => run.backupMs)),
      backupFloorMs: medianOf(backups.map((run) => run.backupFloorMs)),
      backupToFloorRatio: medianOf(backups.map((run) => run.backupMs / run.backupFloorMs)),
      restoreMs: medianOf(backups.map((run) => run.restoreMs)),
      restoreFloorMs: medianOf(backups.map((run) => run.restoreFloorMs)),
      restoreToFloorRatio: medianOf(backups.map((run) => run.restoreMs / run.restoreFloorMs)),
      browserExportActivities: browserRecords.length,
      browserExportMs: median(browserExports.map((run) => run.exportMs)),
      browserExportLongestTaskMs: median(browserExports.map((run) => run.longestTaskMs))
    },
    targets: { exportToFloorRatio: 1.3, exportPeakRssMb: 400, backupToFloorRatio: 1.5, restoreToFloorRatio: 1.5, browserExportMs: 3000, browserExportLongestTaskMs: 100 },
    baseline: BASELINE ?? null,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0]! },
    measuredAt: new Date().toISOString()
  }
  const m = summary.medians
  console.log('\nexport and backup medians:')
  console.log(`  load average ${summary.loadAverage.atStart.toFixed(1)} at the start, ${summary.loadAverage.atEnd.toFixed(1)} at the end (2 cores: above 2, every figure is stretched)`)
  console.log(
    `  export .xlsx            ${format(m.exportMs)} vs exceljs streaming alone ${format(m.exportFloorMs)}: ${m.exportToFloorRatio.toFixed(2)}× (target ≤ 1.3×; CPU ${format(m.exportCpuMs)} vs ${format(m.exportFloorCpuMs)}, ${m.exportToFloorCpuRatio.toFixed(2)}×); peak RSS ${m.exportPeakRssMb.toFixed(0)} MB (target ≤ 400 MB; exceljs alone ${m.exportFloorPeakRssMb.toFixed(0)} MB)`
  )
  if (BASELINE) console.log(`    baseline export .xlsx ${format(m.baselineExportMs)}, peak RSS ${m.baselineExportPeakRssMb.toFixed(0)} MB`)
  console.log(`  browser export (worker) ${format(m.browserExportMs)} for ${m.browserExportActivities.toLocaleString()} activities (target ≤ 3000 ms); longest task on the page ${format(m.browserExportLongestTaskMs)} (target ≤ 100 ms)`)
  if (BASELINE) console.log(`    baseline browser export ${format(m.baselineBrowserExportMs)}; longest task on the page ${format(m.baselineBrowserExportLongestTaskMs)}`)
  console.log(`  backup (read all)       ${format(m.backupMs)} vs raw getAll ${format(m.backupFloorMs)}: ${m.backupToFloorRatio.toFixed(2)}× (target ≤ 1.5×)`)
  console.log(`  restore (replace all)   ${format(m.restoreMs)} vs raw put ${format(m.restoreFloorMs)}: ${m.restoreToFloorRatio.toFixed(2)}× (target ≤ 1.5×)`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/export.json', `${JSON.stringify(summary, null, 2)}\n`)
}

// BENCH_ONLY=register, export or checks runs one section.
const only = process.env.BENCH_ONLY
if (!only || only === 'register') await main()
if (!only || only === 'export') await exportAndBackup()
if (!only || only === 'checks') benchChecks(demoRecords(RECORDS).records, RUNS)
if (!only || only === 'drafting') printDrafting(benchDrafting())
