/** The workbook's "Findings" and "Audit trail" sheets, in the app's writer and from `ropa export`. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeFieldPath } from '@core/records/field-names'
import type ExcelJS from 'exceljs'
import { GENESIS_HASH, chainEntry, verifyChain, type AuditEntry } from '@core/audit/audit-chain'
import { createBackup, serialiseBackup } from '@core/backup/backup-format'
import { runChecks } from '@core/checks/run-checks'
import { demoOrganisation } from '@core/demo/demo-register'
import { SHEET } from '@core/workbook/columns'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { checkContext } from '../fixtures/checks/records'
import { ropa } from '../fixtures/run-ropa'
import { exportData, HOSTILE_VALUES, loadWorkbook, sampleRecords } from '../fixtures/workbooks/sample-register'

function auditLog(): AuditEntry[] {
  const entries: AuditEntry[] = []
  const add = (content: Omit<AuditEntry, 'prevHash' | 'hash' | 'seq'>) => {
    entries.push({ ...chainEntry(content, entries.at(-1)?.hash ?? GENESIS_HASH), seq: entries.length + 1 })
  }
  add({ at: '2025-05-01T09:00:00.000Z', actor: 'Dana Fischer', entity: 'organisation', entityId: 'organisation', action: 'create', summary: 'Organisation profile created', changes: [{ field: 'controller.name', after: 'Example Trading Ltd' }] })
  add({ at: '2025-05-02T10:00:00.000Z', actor: HOSTILE_VALUES[0]!, actorId: 'user-7', entity: 'record', entityId: 'r-1', action: 'update', summary: 'PA-0001 edited', changes: [{ field: 'purposes[p1].lawfulBasis', before: '', after: 'b' }, { field: 'description', before: 'x'.repeat(1000), after: 'short' }] })
  add({ at: '2025-05-03T11:00:00.000Z', actor: 'Jonas Weber', entity: 'record', entityId: 'r-1', action: 'approve', summary: 'PA-0001 approved by Jonas Weber', changes: [] })
  return entries
}

function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))))
  return rows
}

describe('Findings and Audit trail sheets', () => {
  it('are left out when the export data does not carry them', async () => {
    const workbook = await loadWorkbook(await writeWorkbookBuffer(exportData()))
    expect(workbook.getWorksheet(SHEET.findings)).toBeUndefined()
    expect(workbook.getWorksheet(SHEET.auditTrail)).toBeUndefined()
  })

  it('list every finding (organisation first, then by reference, errors first) and every audit entry in chain order', async () => {
    const records = sampleRecords()
    const findings = runChecks(records, checkContext({ organisation: { ...demoOrganisation(), dpo: { name: '', address: '', email: '', phone: '' } } }))
    expect(findings.some((finding) => finding.recordId === null)).toBe(true)
    const log = auditLog()
    const workbook = await loadWorkbook(await writeWorkbookBuffer({ ...exportData(records), findings, auditLog: [...log].reverse() }))
    const names = workbook.worksheets.map((sheet) => sheet.name)
    expect(names.indexOf(SHEET.findings)).toBe(names.indexOf(SHEET.evidence) + 1)
    expect(names.indexOf(SHEET.auditTrail)).toBe(names.indexOf(SHEET.findings) + 1)

    const findingRows = rowsOf(workbook.getWorksheet(SHEET.findings)!)
    expect(findingRows[0]).toEqual(['Reference', 'Processing activity', 'Severity', 'Article', 'Field', 'Finding', 'What to do', 'Rule', 'Row SHA-256'])
    const body = findingRows.slice(1)
    expect(body).toHaveLength(findings.length)
    expect(body[0]!.slice(0, 2)).toEqual(['Organisation', 'Organisation profile'])
    // Records in reference order, and within a record errors before warnings before info.
    const rank = { Error: 0, Warning: 1, Info: 2 } as Record<string, number>
    for (let index = 1; index < body.length; index++) {
      const [previous, current] = [body[index - 1]!, body[index]!]
      if (previous[0] === current[0]) expect(rank[previous[2]!]).toBeLessThanOrEqual(rank[current[2]!]!)
    }
    const recordRefs = body.map((row) => row[0]).filter((reference) => reference !== 'Organisation')
    expect(recordRefs).toEqual([...recordRefs].sort())
    const sample = findings.find((finding) => finding.recordId !== null)!
    expect(body).toContainEqual([sample.reference, records.find((record) => record.id === sample.recordId)!.name, expect.any(String), sample.article, describeFieldPath(sample.field), sample.message, sample.fix, sample.ruleId, expect.stringMatching(/^[0-9a-f]{64}$/)])

    const auditRows = rowsOf(workbook.getWorksheet(SHEET.auditTrail)!)
    expect(auditRows[0]![0]).toBe('Entry')
    expect(auditRows.slice(1).map((row) => row[0])).toEqual(['1', '2', '3'])
    const edited = auditRows[2]!
    // A hostile actor name is written as text (a quote-prefixed string cell), not as a formula.
    expect(edited[2]).toBe(HOSTILE_VALUES[0])
    expect(edited[6]).toBe('Edited')
    expect(edited[8]).toContain('Purpose › Lawful basis: (empty) → Art. 6(1)(b) Contract')
    expect(edited[8]!.split('\n')[1]!.length).toBeLessThan(700)
    // The hashes and the user id go out as stored, to compare with a backup's entries.
    expect(edited.slice(9, 11)).toEqual([log[1]!.prevHash, log[1]!.hash])
    expect(edited[3]).toBe('user-7')
    expect(auditRows[3]![6]).toBe('Approved')
  })
})

describe('ropa export', () => {
  it('writes the Findings sheet (the same findings as ropa check) and the backup\'s audit trail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ropa-checks-export-'))
    const log = auditLog()
    expect(verifyChain(log).ok).toBe(true)
    const records = sampleRecords()
    const backupPath = join(dir, 'backup.json')
    writeFileSync(backupPath, serialiseBackup(createBackup({ exportedAt: '2025-06-01T00:00:00.000Z', appVersion: 'test', organisation: demoOrganisation(), userProfile: null, records, auditLog: log, vendors: [], packs: [] })))
    const xlsx = join(dir, 'register.xlsx')
    expect(await ropa(['export', backupPath, '-o', xlsx])).toMatchObject({ code: 0, stderr: '' })
    const checked = JSON.parse((await ropa(['check', backupPath, '--json'])).stdout) as { findings: unknown[] }
    const workbook = await loadWorkbook(readFileSync(xlsx))
    expect(rowsOf(workbook.getWorksheet(SHEET.findings)!).length - 1).toBe(checked.findings.length)
    expect(checked.findings.length).toBeGreaterThan(0)
    expect(rowsOf(workbook.getWorksheet(SHEET.auditTrail)!).slice(1).map((row) => row[7])).toEqual(log.map((entry) => entry.summary))
  })
})
