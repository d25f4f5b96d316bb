/**
 * Export benchmark, called from scripts/bench.ts: the streaming export of a register next to
 * its floor, exceljs's streaming writer alone writing exactly the same cells (rows computed
 * beforehand, so that only the writing is timed). Sheet setup is shared via addRegisterSheet.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { demoOrganisation } from '../src-main/core/demo/demo-register'
import type { StoredRecord } from '../src-main/core/records/model'
import { registerSheets, type CellValue, type ExportData } from '../src-main/core/workbook/register-sheets'
import { addRegisterSheet, safeCell } from '../src-main/core/workbook/write-workbook'
import { writeWorkbookStream } from '../src-main/export/write-workbook-stream'

export interface ExportFigures {
  exportMs: number
  floorMs: number
  peakRssMb: number
}

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

export async function benchExport(records: StoredRecord[]): Promise<ExportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ropa-bench-export-'))
  try {
    const data = exportDataOf(records)
    const { result: exportMs, peakRssMb } = await withPeakRss(async () => {
      const start = performance.now()
      await writeWorkbookStream(join(dir, 'export.xlsx'), data)
      return performance.now() - start
    })

    const layouts = registerSheets(data)
    const rows: Array<Array<CellValue | null>[]> = layouts.map((layout) => [...layout.rows()].map((values) => values.map(safeCell)))
    const start = performance.now()
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'floor.xlsx'), useStyles: true, useSharedStrings: false })
    layouts.forEach((layout, index) => {
      const worksheet = addRegisterSheet(workbook, layout)
      for (const values of rows[index]!) worksheet.addRow(values).commit()
      ;(worksheet as ExcelJS.Worksheet & { commit(): void }).commit()
    })
    await workbook.commit()
    const floorMs = performance.now() - start
    return { exportMs, floorMs, peakRssMb }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
