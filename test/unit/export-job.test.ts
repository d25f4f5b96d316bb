/**
 * The workbook export as the browser build runs it in its worker (export-job.ts): on its own
 * connection to the database (fake-indexeddb here), it reads the records in scope, runs the
 * checks, and writes the workbook; the page sends only the request.
 */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { SHEET } from '@core/workbook/columns'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { openRegisterRepository, RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { runExportJob, type ExportJobRequest, type ExportStage } from '../../src-renderer/src/export/export-job'
import { loadWorkbook } from '../fixtures/workbooks/sample-register'

let db: RopaDatabase
let page: RegisterRepository

beforeEach(async () => {
  db = new RopaDatabase(`test-${crypto.randomUUID()}`)
  page = new RegisterRepository(db)
  await page.saveUserProfile({ name: 'Dana DPO', role: 'DPO' })
  await page.saveOrganisation(demoOrganisation())
  await page.importStoredRecords(generateDemoRegister(12, 3), 'twelve demo activities')
})
afterEach(async () => {
  await db.delete()
})

const request = (overrides: Partial<ExportJobRequest> = {}): ExportJobRequest => ({
  databaseName: db.name,
  ids: null,
  filters: '',
  exportedAt: '2026-01-15T09:30:00.000Z',
  appVersion: 'test',
  write: true,
  ...overrides
})

function coverValue(workbook: Awaited<ReturnType<typeof loadWorkbook>>, section: string, item: string): unknown {
  let found: unknown
  workbook.getWorksheet(SHEET.cover)!.eachRow((row) => {
    if (row.getCell(1).value === section && row.getCell(2).value === item) found = row.getCell(3).value
  })
  return found
}

describe('the export job (run in the browser build\'s worker)', () => {
  it('reads the whole register on its own connection, runs the checks and writes a workbook that verifies, reporting each stage', async () => {
    const worker = openRegisterRepository(db.name)
    const stages: ExportStage[] = []
    const result = await runExportJob(worker, request(), (stage) => stages.push(stage))
    worker.db.close()
    expect(result.kind).toBe('workbook')
    if (result.kind !== 'workbook') return
    expect(result.records).toBe(12)
    expect(stages.slice(0, 2)).toEqual([{ step: 'reading' }, { step: 'checking', records: 12 }])
    const last = stages.at(-1)!
    expect(last).toMatchObject({ step: 'writing' })
    if (last.step === 'writing') expect(last.done).toBe(last.total)

    const workbook = await loadWorkbook(result.bytes)
    expect(coverValue(workbook, 'Export', 'Records')).toBe(12)
    expect(coverValue(workbook, 'Controller', 'Name')).toBe(demoOrganisation().controller.name)
    // The checks ran: the Findings sheet lists what the register's own checks find.
    expect(workbook.getWorksheet(SHEET.findings)!.rowCount).toBeGreaterThan(1)
    // The audit trail at export is the register's, as its anchor states it.
    const anchor = await page.auditAnchor()
    expect(anchor).toBeDefined()
    const verified = await verifyWorkbook(result.bytes)
    expect(verified.problems).toEqual([])
    expect(verified.auditEntries).toBe(String(anchor!.count))
    expect(verified.auditHead).toBe(anchor!.headHash)
  })

  it('gives the data of the register\'s current view, in the view\'s order, for the host to write (desktop)', async () => {
    const all = await page.allRecords()
    const view = [all[7]!, all[2]!]
    const worker = openRegisterRepository(db.name)
    const result = await runExportJob(worker, request({ ids: [view[0]!.id, 'gone-since', view[1]!.id], filters: 'Register view — status: Draft', write: false }), () => undefined)
    worker.db.close()
    expect(result.kind).toBe('data')
    if (result.kind !== 'data') return
    expect(result.records).toBe(2)
    expect(result.data.records.map((record) => record.id)).toEqual(view.map((record) => record.id))
    expect(result.data.filters).toBe('Register view — status: Draft')
    expect(result.data.exportedAt).toBe('2026-01-15T09:30:00.000Z')
    // Only the view's records are checked, and only their entries of the audit trail are listed; the anchor is the whole trail's.
    const ids = new Set(view.map((record) => record.id))
    const checked = result.data.findings!.flatMap((finding) => (finding.recordId ? [finding.recordId] : []))
    expect(checked.length).toBeGreaterThan(0)
    expect(checked.every((id) => ids.has(id))).toBe(true)
    expect(result.data.auditLog!.every((entry) => entry.entity !== 'record' || ids.has(entry.entityId))).toBe(true)
    expect(result.data.audit!.anchor).toEqual(await page.auditAnchor())
  })
})
