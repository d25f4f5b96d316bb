/**
 * Export and backup benchmarks, called from scripts/bench.ts: the streaming export of a
 * register next to its floor, exceljs's streaming writer alone writing exactly the same cells
 * (rows computed beforehand, so that only the writing is timed; sheet setup is shared via
 * addRegisterSheet); and backup / restore in Chromium next to raw IndexedDB getAll / put.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import { demoOrganisation, generateDemoRegister } from '../src-main/core/demo/demo-register'
import type { StoredRecord } from '../src-main/core/records/model'
import type { Page } from 'playwright-core'
import { registerSheets, type ExportData } from '../src-main/core/workbook/register-sheets'
import { addRegisterSheet, keepLineBreaks, rowHeight, safeCell } from '../src-main/core/workbook/write-workbook'
import { nodeHash } from '../src-main/export/write-workbook-stream'
import { rowHash } from '../src-main/core/workbook/verification'
// Only a type here: the export children must not load vite and Playwright, whose memory would count as theirs.
import type { RendererSession } from '../test/e2e/browser'

export interface ExportFigures {
  exportMs: number
  floorMs: number
  exportCpuMs: number
  floorCpuMs: number
  /** The same export by the baseline checkout (BENCH_BASELINE_DIR), when given. */
  baseline: ChildFigures | null
  /** Peak resident set size of a fresh process holding the register while it exports. */
  peakRssMb: number
  floorPeakRssMb: number
}

type ExportKind = 'export' | 'floor' | 'baseline'

function exportDataOf(records: StoredRecord[]): ExportData {
  return { organisation: demoOrganisation(), records, vendors: [], appVersion: 'bench', exportedAt: '2025-01-01T00:00:00.000Z', filters: '' }
}

/** Samples the resident set size while `work` runs; the export pauses often enough for the timer to fire. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, peakRssMb: peak / (1024 * 1024) }
  } finally {
    clearInterval(timer)
  }
}

/**
 * The app's export: the writer of the main process and the CLI, from this checkout or from
 * `baselineRoot` (another checkout, e.g. the commit before a change: BENCH_BASELINE_DIR).
 */
async function exportWriter(baselineRoot: string | undefined): Promise<(file: string, data: ExportData) => Promise<unknown>> {
  const module = baselineRoot ? pathToFileURL(resolve(baselineRoot, 'src-main/export/write-workbook-stream.ts')).href : '../src-main/export/write-workbook-stream'
  const { writeWorkbookStream } = (await import(module)) as { writeWorkbookStream: (file: string, data: ExportData) => Promise<unknown> }
  return writeWorkbookStream
}

/**
 * The floor: exceljs's streaming writer alone on exactly the same cells (row hashes included),
 * computed before the clock starts.
 */
async function writeFloor(file: string, data: ExportData): Promise<() => Promise<void>> {
  const layouts = registerSheets({ ...data, fingerprint: 'computed beforehand' })
  // The same cells, row hashes and row heights as the export writes.
  const rows = layouts.map((layout) => {
    return [...layout.rows()].map((values) => {
      const cells = values.map(safeCell)
      return { cells: [...cells.map(keepLineBreaks), rowHash(cells, nodeHash)], height: layout.state === 'visible' ? rowHeight(cells, layout.columns) : undefined }
    })
  })
  return async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false })
    layouts.forEach((layout, index) => {
      const worksheet = addRegisterSheet(workbook, layout, undefined, true)
      for (const { cells, height } of rows[index]!) {
        const row = worksheet.addRow(cells)
        if (height !== undefined) row.height = height
        row.commit()
      }
      ;(worksheet as ExcelJS.Worksheet & { commit(): void }).commit()
    })
    await workbook.commit()
  }
}

/** Runs in a child process: builds the same register and writes one workbook, printing its figures as JSON. */
async function childRun(kind: ExportKind, count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ropa-bench-export-'))
  try {
    const data = exportDataOf(generateDemoRegister(count))
    const file = join(dir, `${kind}.xlsx`)
    const writeExport = kind === 'floor' ? null : await exportWriter(kind === 'baseline' ? process.env.BENCH_BASELINE_DIR : undefined)
    const write = writeExport ? () => writeExport(file, data) : await writeFloor(file, data)
    const cpuBefore = process.cpuUsage()
    const { result: ms, peakRssMb } = await withPeakRss(async () => {
      const started = performance.now()
      await write()
      return performance.now() - started
    })
    const cpu = process.cpuUsage(cpuBefore)
    process.stdout.write(`${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb })}\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One export or floor in a fresh Node process, so that no earlier run's garbage counts against its memory. */
interface ChildFigures {
  ms: number
  /** CPU time of the process (every thread: zlib works in the thread pool), which a loaded machine stretches less than wall time. */
  cpuMs: number
  peakRssMb: number
}

function inChild(kind: ExportKind, count: number): ChildFigures {
  const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'child', kind, String(count)], { encoding: 'utf8', maxBuffer: 1024 * 1024 })
  return JSON.parse(output.trim().split('\n').at(-1)!) as ChildFigures
}

/** The export of `count` demo activities (generateDemoRegister, as demoRecords) next to its floor (and the baseline's export, when given); the order rotates by run. */
export function benchExport(count: number, run: number): ExportFigures {
  const kinds: ExportKind[] = process.env.BENCH_BASELINE_DIR ? ['export', 'floor', 'baseline'] : ['export', 'floor']
  const figures = new Map<ExportKind, ChildFigures>()
  for (let index = 0; index < kinds.length; index++) {
    const kind = kinds[(index + run) % kinds.length]!
    figures.set(kind, inChild(kind, count))
  }
  const exported = figures.get('export')!
  const floor = figures.get('floor')!
  return {
    exportMs: exported.ms,
    floorMs: floor.ms,
    exportCpuMs: exported.cpuMs,
    floorCpuMs: floor.cpuMs,
    peakRssMb: exported.peakRssMb,
    floorPeakRssMb: floor.peakRssMb,
    baseline: figures.get('baseline') ?? null
  }
}

if (process.argv[2] === 'child') await childRun(process.argv[3] as ExportKind, Number(process.argv[4]))

// ---------------------------------------------------------------- backup and restore in Chromium

export interface BackupFigures {
  backupMs: number
  backupFloorMs: number
  restoreMs: number
  restoreFloorMs: number
}

type BenchWindow = {
  ropaBench: {
    repository: { saveUserProfile: (profile: unknown) => Promise<unknown>; saveOrganisation: (organisation: unknown) => Promise<unknown>; importStoredRecords: (records: unknown[], summary: string) => Promise<unknown> }
    backupRepository: { takeBackup: () => Promise<unknown>; restore: (backup: unknown) => Promise<unknown> }
  }
  benchBackup?: unknown
}

/** A bench page's register: a user, the demo organisation and the records, stored as an import stores them. */
async function seedRegister(page: Page, records: StoredRecord[]): Promise<void> {
  await page.evaluate(
    async ({ records, organisation }) => {
      const { repository } = (window as unknown as BenchWindow).ropaBench
      await repository.saveUserProfile({ name: 'Bench', role: 'DPO' })
      await repository.saveOrganisation(organisation)
      await repository.importStoredRecords(records, `bench: ${records.length} records`)
    },
    { records, organisation: demoOrganisation() }
  )
}

/**
 * One run in a fresh profile: the register is seeded through the repository, then the backup
 * (BackupRepository.takeBackup: every table read in one transaction) is timed next to a raw
 * getAll of the same stores, and the restore (BackupRepository.restore: clear and put every
 * table, one transaction) next to a raw clear and put of the same objects. Each pair
 * alternates its order between runs.
 */
export async function benchBackupRun(session: RendererSession, records: StoredRecord[], run: number): Promise<BackupFigures> {
  const { openApp } = await import('../test/e2e/browser')
  const { context, page } = await openApp(session, '?bench')
  try {
    await seedRegister(page, records)
    return await page.evaluate(async (floorFirst) => {
      const bench = window as unknown as BenchWindow
      const { backupRepository } = bench.ropaBench
      const STORES = ['records', 'organisation', 'auditLog', 'meta', 'vendors', 'packs']
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('ropa-register')
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
      })
      const rawGetAll = async () => {
        const started = performance.now()
        const out: Record<string, unknown[]> = {}
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(STORES)
          for (const name of STORES) {
            const request = transaction.objectStore(name).getAll()
            request.onsuccess = () => (out[name] = request.result as unknown[])
          }
          transaction.oncomplete = () => resolve()
          transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'))
        })
        return { elapsed: performance.now() - started, out }
      }
      const rawPut = async (data: Record<string, unknown[]>) => {
        const started = performance.now()
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(STORES, 'readwrite')
          for (const name of STORES) {
            const store = transaction.objectStore(name)
            store.clear()
            for (const item of data[name]!) store.put(item)
          }
          transaction.oncomplete = () => resolve()
          transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'))
        })
        return performance.now() - started
      }
      const timeBackup = async () => {
        const started = performance.now()
        bench.benchBackup = await backupRepository.takeBackup()
        return performance.now() - started
      }
      const timeRestore = async () => {
        const started = performance.now()
        await backupRepository.restore(bench.benchBackup)
        return performance.now() - started
      }
      let backupMs: number, backupFloorMs: number, restoreMs: number, restoreFloorMs: number
      if (floorFirst) {
        const floor = await rawGetAll()
        backupFloorMs = floor.elapsed
        backupMs = await timeBackup()
        restoreFloorMs = await rawPut(floor.out)
        restoreMs = await timeRestore()
      } else {
        backupMs = await timeBackup()
        const floor = await rawGetAll()
        backupFloorMs = floor.elapsed
        restoreMs = await timeRestore()
        restoreFloorMs = await rawPut(floor.out)
      }
      db.close()
      return { backupMs, backupFloorMs, restoreMs, restoreFloorMs }
    }, run % 2 === 0)
  } finally {
    await context.close()
  }
}

// ---------------------------------------------------------------- the browser build's export

/** How long the page must have been free of long tasks before the export is clicked. */
const SETTLED_MS = 1500

export interface BrowserExportFigures {
  /** From the click on "Export workbook (.xlsx)" to the download. */
  exportMs: number
  /** The longest task on the page meanwhile (PerformanceObserver "longtask"; 0 when none over 50 ms). */
  longestTaskMs: number
  longTasks: number
}

/**
 * One export of `records` through the Import & export page of the browser build, in a fresh
 * profile: the workbook is written in a Web Worker, the page observed for long tasks.
 */
export async function benchBrowserExport(session: RendererSession, records: StoredRecord[]): Promise<BrowserExportFigures> {
  const { openApp } = await import('../test/e2e/browser')
  const { context, page } = await openApp(session, '?bench')
  try {
    await seedRegister(page, records)
    await page.evaluate(() => {
      const state = { tasks: [] as Array<{ start: number; end: number }> }
      new PerformanceObserver((list) => state.tasks.push(...list.getEntries().map((entry) => ({ start: entry.startTime, end: entry.startTime + entry.duration })))).observe({ type: 'longtask' })
      ;(window as unknown as { benchLongTasks: typeof state }).benchLongTasks = state
      window.location.hash = '#/data'
    })
    const button = page.getByRole('button', { name: 'Export workbook (.xlsx)' })
    await button.waitFor()
    // The app's own start on a fresh register of this size (register list, health column) is not the export: it is let finish first.
    await page.waitForFunction(
      (quietMs) => {
        const tasks = (window as unknown as { benchLongTasks: { tasks: Array<{ end: number }> } }).benchLongTasks.tasks
        return performance.now() - Math.max(0, ...tasks.map((task) => task.end)) > quietMs
      },
      SETTLED_MS,
      { timeout: 60_000, polling: 100 }
    )
    const clickedAt = await page.evaluate(() => performance.now())
    const downloaded = page.waitForEvent('download', { timeout: 300_000 })
    const started = performance.now()
    await button.click()
    await downloaded
    const exportMs = performance.now() - started
    const durations = await page.evaluate(
      (since) => (window as unknown as { benchLongTasks: { tasks: Array<{ start: number; end: number }> } }).benchLongTasks.tasks.filter((task) => task.end > since).map((task) => task.end - task.start),
      clickedAt
    )
    return { exportMs, longestTaskMs: Math.max(0, ...durations), longTasks: durations.length }
  } finally {
    await context.close()
  }
}
