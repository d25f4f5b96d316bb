/** Shared fixtures for the workbook tests: a small register with hostile and oversized values. */
import ExcelJS from 'exceljs'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import type { StoredRecord } from '@core/records/model'
import type { ExportData } from '@core/workbook/register-sheets'

export const HOSTILE_VALUES = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTAB', '\rCR']

export function sampleRecords(): StoredRecord[] {
  const records = generateDemoRegister(12, 3)
  records[0] = { ...records[0]!, name: HOSTILE_VALUES[0]!, owner: HOSTILE_VALUES[3]!, businessFunction: HOSTILE_VALUES[1]! }
  records[1] = { ...records[1]!, purposes: records[1]!.purposes.map((purpose, index) => ({ ...purpose, description: HOSTILE_VALUES[index + 2]! })) }
  // Over Excel's per-cell limit once serialised, and cut so that the second chunk starts with '='.
  records[2] = { ...records[2]!, description: '='.repeat(20_000), securityDescription: '='.repeat(20_000), evidence: [{ field: 'purposes', quotes: ['"We use your data," they said.'], note: '' }] }
  records[3] = { ...records[3]!, role: 'processor', controllersActedFor: [{ id: 'ca-1', name: 'Client, Inc.', contact: 'a@b.example', representative: '', dpo: '', processingCategories: 'Hosting' }] }
  return records
}

export function exportData(records: StoredRecord[] = sampleRecords()): ExportData {
  return {
    organisation: demoOrganisation(),
    records,
    vendors: [{ id: 'stripe', name: 'Stripe' }],
    appVersion: '0.1.0-test',
    exportedAt: '2025-09-01T12:00:00.000Z',
    filters: ''
  }
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  return workbook
}
