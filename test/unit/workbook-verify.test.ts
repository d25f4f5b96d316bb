/**
 * The auditor's workbook (issue #12): traceable evidence, cells within Excel's limit, the
 * organisation round trip, the autofilter names LibreOffice needs, and a workbook that proves
 * itself (row hashes, the Verification sheet, `ropa verify`). Workbooks are read back with
 * exceljs, cell by cell.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { createBackup, parseBackupText, serialiseBackup } from '@core/backup/backup-format'
import { demoOrganisation } from '@core/demo/demo-register'
import { CUT_MARKER, EXCEL_CELL_LIMIT, SHEET } from '@core/workbook/columns'
import { readWorkbook, recordsToImport } from '@core/workbook/read-workbook'
import { EVIDENCE_COLUMNS, recordsFingerprint, TRANSFER_COLUMNS, type ExportPackSource } from '@core/workbook/register-sheets'
import { portableHash, rowHash } from '@core/workbook/verification'
import { verifyWorkbook } from '@core/workbook/verify-workbook'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { patchXlsx } from '@core/workbook/xlsx-patch'
import { storedRecordSchema, type StoredRecord } from '@core/records/model'
import { writeWorkbookStream } from '../../src-main/export/write-workbook-stream'
import { ropa as runRopa } from '../fixtures/run-ropa'
import { exportData, loadWorkbook, sampleRecords } from '../fixtures/workbooks/sample-register'

const POLICY: ExportPackSource = {
  id: 'harmonic-ai',
  version: '1.2.0',
  title: 'Harmonic AI Privacy Policy',
  effectiveDate: '2024-03-01',
  lastUpdated: '2024-06-15',
  sha256: 'a'.repeat(64)
}

/** Records with template evidence, import evidence, a transfer with its instrument, and three long purposes. */
function tracedRecords(): StoredRecord[] {
  const records = sampleRecords()
  records[4] = storedRecordSchema.parse({
    ...records[4]!,
    origin: { packId: POLICY.id, packVersion: POLICY.version, activityId: 'support' },
    evidence: [{ field: 'purposes.0.lawfulBasis', quotes: ['We process your data to perform our contract with you.'], note: '' }],
    importedFrom: [{ file: 'old-register.xlsx', sheet: 'RoPA', cell: 'D14', heading: 'Lawful basis', text: 'Contract (6(1)(b))', field: 'purposes.0.lawfulBasis' }],
    transfers: [
      {
        id: 't-1',
        recipient: 'US hosting',
        country: 'United States',
        safeguard: 'sccs',
        documentation: '',
        countryCode: 'US',
        mechanism: 'art46',
        instrument: 'scc-2021',
        sccModule: '2',
        derogation: '',
        tiaReference: 'TIA-7'
      }
    ]
  })
  // Each purpose within the record limit, joined far beyond Excel's cell limit.
  records[5] = storedRecordSchema.parse({
    ...records[5]!,
    purposes: [0, 1, 2].map((index) => ({ ...records[5]!.purposes[0]!, id: `long-${index}`, description: `${index}`.repeat(19_990) + ' purpose' }))
  })
  return records
}

function tracedExport(records = tracedRecords()) {
  return { ...exportData(records), packs: [POLICY] }
}

function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))))
  return rows
}

describe('the Evidence sheet', () => {
  it('names the record, the field in words, and the policy (title, date, SHA-256) with the verbatim quote', async () => {
    const workbook = await loadWorkbook(await writeWorkbookBuffer(tracedExport()))
    const [headings, ...rows] = rowsOf(workbook.getWorksheet(SHEET.evidence)!)
    expect(headings).toEqual([...EVIDENCE_COLUMNS.map((column) => column.header), 'Row SHA-256'])
    const at = (row: string[], header: string) => row[headings!.indexOf(header)]
    const quoted = rows.find((row) => at(row, 'Kind') === 'Evidence' && row[0] === 'PA-0005')!
    expect(at(quoted, 'Processing activity')).toBe(tracedRecords()[4]!.name)
    expect(at(quoted, 'Field')).toBe('Purpose 1 › Lawful basis')
    expect(at(quoted, 'Template pack')).toBe('harmonic-ai')
    expect(at(quoted, 'Pack version')).toBe('1.2.0')
    expect(at(quoted, 'Policy (source document)')).toBe('Harmonic AI Privacy Policy')
    expect(at(quoted, 'Policy date')).toBe('effective 2024-03-01; last updated 2024-06-15')
    expect(at(quoted, 'SHA-256 of the policy text')).toBe('a'.repeat(64))
    expect(at(quoted, 'Quote from the source (verbatim)')).toBe('We process your data to perform our contract with you.')
    // No internal path anywhere on the sheet.
    expect(rows.flat().some((text) => /\b(purposes|dataCategories)\.\d/.test(text))).toBe(false)
  })

  it('gives import evidence the file, sheet, cell and original text', async () => {
    const workbook = await loadWorkbook(await writeWorkbookBuffer(tracedExport()))
    const [headings, ...rows] = rowsOf(workbook.getWorksheet(SHEET.evidence)!)
    const at = (row: string[], header: string) => row[headings!.indexOf(header)]
    const imported = rows.find((row) => at(row, 'Kind') === 'Imported from a spreadsheet')!
    expect([imported[0], at(imported, 'Field'), at(imported, 'Imported from file'), at(imported, 'Sheet'), at(imported, 'Cell'), at(imported, 'Column heading'), at(imported, 'Original text')]).toEqual([
      'PA-0005',
      'Purpose 1 › Lawful basis',
      'old-register.xlsx',
      'RoPA',
      'D14',
      'Lawful basis',
      'Contract (6(1)(b))'
    ])
  })

  it('says when the pack a record came from is not installed, rather than naming no source silently', async () => {
    const workbook = await loadWorkbook(await writeWorkbookBuffer({ ...tracedExport(), packs: [] }))
    const [headings, ...rows] = rowsOf(workbook.getWorksheet(SHEET.evidence)!)
    const quoted = rows.find((row) => row[0] === 'PA-0005' && row[headings!.indexOf('Kind')] === 'Evidence')!
    expect(quoted[headings!.indexOf('Policy (source document)')] ?? '').toBe('')
    expect(quoted[headings!.indexOf('Note')]).toBe('Pack harmonic-ai version 1.2.0 is not installed, so its policy is not named here')
  })
})

describe('transfers', () => {
  it('have columns for the mechanism, instrument, SCC module, derogation and TIA, in labels', async () => {
    const workbook = await loadWorkbook(await writeWorkbookBuffer(tracedExport()))
    const [, headings, ...rows] = rowsOf(workbook.getWorksheet(SHEET.transfers)!)
    expect(headings).toEqual([...TRANSFER_COLUMNS.map((column) => column.header), 'Row SHA-256'])
    const row = rows.find((candidate) => candidate[0] === 'PA-0005')!
    const at = (header: string) => row[headings!.indexOf(header)]
    expect([at('Country or organisation code'), at('Transfer mechanism'), at('Transfer instrument'), at('SCC module'), at('Transfer impact assessment')]).toEqual([
      'US',
      'Appropriate safeguards (Art. 46)',
      'Standard contractual clauses (Decision (EU) 2021/914)',
      'Module 2: controller to processor',
      'TIA-7'
    ])
  })
})

describe('cells within Excel\'s limit', () => {
  it('cuts a joined value over 32,767 characters at a marker, and re-import still gives the whole value', async () => {
    const records = tracedRecords()
    const bytes = await writeWorkbookBuffer(tracedExport(records))
    const workbook = await loadWorkbook(bytes)
    let longest = 0
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => (longest = Math.max(longest, String(cell.value).length))))
    expect(longest).toBeLessThanOrEqual(EXCEL_CELL_LIMIT)
    const register = workbook.getWorksheet(SHEET.controller)!
    let purposes = ''
    register.eachRow((row) => {
      if (row.getCell(1).value === 'PA-0006') purposes = String(row.getCell(6).value)
    })
    expect(purposes.length).toBe(EXCEL_CELL_LIMIT)
    expect(purposes.endsWith(CUT_MARKER)).toBe(true)
    const result = await readWorkbook(bytes, [])
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(recordsToImport(result.preview).find((record) => record.reference === 'PA-0006')!.purposes).toEqual(records[5]!.purposes)
    // A cut cell is what was exported, not an edit.
    expect(result.preview.rows.flatMap((row) => row.warnings)).toEqual([])
  })
})

describe('the organisation round trip', () => {
  it('reads back the Cover\'s organisation, DPO, representative and joint controllers exactly', async () => {
    const result = await readWorkbook(await writeWorkbookBuffer(exportData()), [])
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.preview.organisation).toEqual(demoOrganisation())
  })

  it('refuses a workbook whose organisation data was damaged, naming the cell', async () => {
    const workbook = await loadWorkbook(await writeWorkbookBuffer(exportData()))
    workbook.getWorksheet(SHEET.data)!.getCell('D2').value = '{"controller": '
    const result = await readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), [])
    expect(result).toMatchObject({ ok: false, problems: [{ path: "'Data'!D2", message: expect.stringMatching(/^the organisation profile in the hidden Data sheet is damaged: .*cannot be re-imported exactly$/) }] })
  })
})

describe('autofilters that survive LibreOffice', () => {
  it('carry a hidden _xlnm._FilterDatabase name per sheet, covering the filter range', async () => {
    let workbookXml = ''
    await patchXlsx(await writeWorkbookBuffer(exportData()), { 'xl/workbook.xml': (xml) => (workbookXml = xml) })
    const names = [...workbookXml.matchAll(/<definedName name="_xlnm._FilterDatabase" localSheetId="(\d+)" hidden="1">([^<]*)<\/definedName>/g)].map((match) => [
      Number(match[1]),
      match[2]!.replace(/&apos;/g, "'")
    ])
    expect(names).toContainEqual([1, `'Controller register'!$A$2:$AF$${2 + sampleRecords().filter((record) => record.role !== 'processor').length}`])
    expect(names).toHaveLength(12)
  })
})

describe('a workbook that proves itself', () => {
  const exported = () => writeWorkbookBuffer({ ...tracedExport(), audit: { anchor: { count: 42, headHash: 'b'.repeat(64) }, verification: { ok: true } } as never })

  async function edited(change: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const workbook = await loadWorkbook(await exported())
    change(workbook)
    return new Uint8Array(await workbook.xlsx.writeBuffer())
  }

  it('verifies an untouched export, giving its fingerprint and the audit trail at export', async () => {
    const result = await verifyWorkbook(await exported())
    expect(result.problems).toEqual([])
    expect(result).toMatchObject({ ok: true, auditEntries: '42', auditHead: 'b'.repeat(64), exportedAt: '2025-09-01T12:00:00.000Z', sheetsChecked: 11 })
    expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/)
  })

  it('prints the fingerprint of the whole export, as on the Verification sheet, in the footer of every visible sheet, from both writers', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ropa-footer-')), 'register.xlsx')
    const data = { ...tracedExport(), audit: { anchor: { count: 42, headHash: 'b'.repeat(64) }, verification: { ok: true } } as never }
    const streamed = await writeWorkbookStream(file, data)
    for (const bytes of [new Uint8Array(readFileSync(file)), await writeWorkbookBuffer(data)]) {
      const workbook = await loadWorkbook(bytes)
      const verification = workbook.getWorksheet(SHEET.verification)!
      const last = verification.getRow(verification.rowCount)
      expect(last.getCell(2).value).toBe('SHA-256 fingerprint of this whole export')
      const fingerprint = String(last.getCell(3).value)
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/)
      expect(fingerprint).toBe(streamed.fingerprint)
      // Not the records' fingerprint the Cover states: the whole export's.
      expect(fingerprint).not.toBe(recordsFingerprint(data.records))
      for (const sheet of workbook.worksheets) {
        if (sheet.state === 'visible') expect(sheet.headerFooter.oddFooter, sheet.name).toBe(`&LPage &P of &N&CExported 2025-09-01 12:00 UTC&RExport fingerprint ${fingerprint.slice(0, 16)}`)
        else expect(sheet.headerFooter?.oddFooter, sheet.name).toBeUndefined()
      }
      expect((await verifyWorkbook(bytes)).recomputedFingerprint).toBe(fingerprint)
    }
  })

  it('recomputes a different fingerprint of the whole export when one visible cell changes, and names a footer that was changed', async () => {
    const untouched = await verifyWorkbook(await exported())
    expect(untouched.recomputedFingerprint).toBe(untouched.fingerprint)
    const changed = await verifyWorkbook(await edited((workbook) => (workbook.getWorksheet(SHEET.purposes)!.getCell('C3').value = 'Something else')))
    expect(changed.fingerprint).toBe(untouched.fingerprint)
    expect(changed.recomputedFingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(changed.recomputedFingerprint).not.toBe(untouched.fingerprint)
    expect(changed.problems.map((problem) => problem.path)).toEqual(["'Purposes'!C3"])

    const footer = await verifyWorkbook(
      await edited((workbook) => {
        const sheet = workbook.getWorksheet(SHEET.transfers)!
        sheet.headerFooter.oddFooter = sheet.headerFooter.oddFooter!.replace(/Export fingerprint [0-9a-f]{16}/, 'Export fingerprint 0123456789abcdef')
      })
    )
    expect(footer.recomputedFingerprint).toBe(untouched.fingerprint)
    expect(footer.problems).toEqual([expect.objectContaining({ path: "'Transfers'", message: expect.stringMatching(/page footer of 'Transfers' does not print the fingerprint of the whole export/) })])
  })

  it('has a row hash on every register and detail row', async () => {
    const workbook = await loadWorkbook(await exported())
    for (const name of [SHEET.controller, SHEET.purposes, SHEET.dataCategories, SHEET.recipients, SHEET.transfers, SHEET.evidence]) {
      const sheet = workbook.getWorksheet(name)!
      const hashColumn = sheet.actualColumnCount
      const headingRow = name === SHEET.evidence ? 1 : 2
      expect(sheet.getCell(headingRow, hashColumn).value).toBe('Row SHA-256')
      for (let row = headingRow + 1; row <= sheet.rowCount; row++) expect(sheet.getCell(row, hashColumn).value).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  it('names the sheet and cell of a changed visible cell, a changed Data cell and a changed Verification cell', async () => {
    const visible = await verifyWorkbook(await edited((workbook) => (workbook.getWorksheet(SHEET.controller)!.getCell('F4').value = 'Marketing, quietly')))
    expect(visible.ok).toBe(false)
    expect(visible.problems.map((problem) => problem.path)).toEqual(["'Controller register'!F4"])

    const data = await verifyWorkbook(await edited((workbook) => (workbook.getWorksheet(SHEET.data)!.getCell('D5').value = '{}')))
    expect(data.problems.map((problem) => problem.path)).toEqual(["'Data'!D5"])

    const audit = await verifyWorkbook(
      await edited((workbook) => {
        const sheet = workbook.getWorksheet(SHEET.verification)!
        sheet.eachRow((row) => {
          if (row.getCell(2).value === 'Entries in the audit trail at export') row.getCell(3).value = 41
        })
      })
    )
    expect(audit.problems).toHaveLength(1)
    expect(audit.problems[0]!.path).toMatch(/^'Verification'!C\d+$/)

    const fingerprint = await verifyWorkbook(
      await edited((workbook) => {
        const sheet = workbook.getWorksheet(SHEET.verification)!
        sheet.getCell(sheet.rowCount, 3).value = 'f'.repeat(64)
      })
    )
    expect(fingerprint.problems[0]).toMatchObject({ message: expect.stringMatching(/fingerprint of the whole export does not match/) })
  })

  it('notices rows added or removed, a changed heading, and a row hash made to match an edit', async () => {
    const added = await verifyWorkbook(await edited((workbook) => workbook.getWorksheet(SHEET.purposes)!.addRow(['PA-0099', 'Smuggled in'])))
    expect(added.problems.map((problem) => problem.message).join('\n')).toMatch(/'Purposes' has \d+ rows below its headings; the export had \d+ \(rows were added\)/)

    const heading = await verifyWorkbook(await edited((workbook) => (workbook.getWorksheet(SHEET.recipients)!.getCell('C2').value = 'Who gets it')))
    expect(heading.problems.map((problem) => problem.path)).toEqual(["'Recipients'!C2"])

    const rehashed = await verifyWorkbook(
      await edited((workbook) => {
        const sheet = workbook.getWorksheet(SHEET.vendors)!
        sheet.getCell('B2').value = 'Not Stripe'
        const values = (sheet.getRow(2).values as unknown[]).slice(1, sheet.actualColumnCount)
        sheet.getCell(2, sheet.actualColumnCount).value = rowHash(values as string[], portableHash)
      })
    )
    expect(rehashed.problems.map((problem) => problem.path)).toEqual(["'Vendors'!B:B"])
  })

  it('still reports edits to visible cells on re-import rather than taking them', async () => {
    const bytes = await edited((workbook) => (workbook.getWorksheet(SHEET.controller)!.getCell('F4').value = 'Marketing, quietly'))
    const result = await readWorkbook(bytes, [])
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.preview.rows.flatMap((row) => row.warnings).join('\n')).toMatch(/'Controller register'!F4 \(Purpose of processing\)/)
  })
})

describe('ropa verify and ropa import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ropa-verify-'))
  const ropa = (...args: string[]) => runRopa(args)

  it('verify exits 0 for an untouched export and 1 naming the sheet and cell of an edit; import restores the organisation', async () => {
    const backupPath = join(dir, 'register.json')
    writeFileSync(
      backupPath,
      serialiseBackup(
        createBackup({ exportedAt: '2025-09-01T12:00:00.000Z', appVersion: 'test', organisation: demoOrganisation(), userProfile: null, records: sampleRecords(), auditLog: [], vendors: [], packs: [] })
      )
    )
    const xlsx = join(dir, 'register.xlsx')
    expect(await ropa('export', backupPath, '-o', xlsx)).toMatchObject({ code: 0, stderr: '' })
    const clean = await ropa('verify', xlsx)
    expect(clean).toMatchObject({ code: 0, stderr: '' })
    expect(clean.stdout).toMatch(/unchanged since export: 13 sheets/)
    expect(clean.stdout).toMatch(/fingerprint of the whole export: [0-9a-f]{64}/)

    const workbook = await loadWorkbook(readFileSync(xlsx))
    workbook.getWorksheet(SHEET.cover)!.getCell('C3').value = 'Someone Else Ltd'
    const tampered = join(dir, 'tampered.xlsx')
    writeFileSync(tampered, new Uint8Array(await workbook.xlsx.writeBuffer()))
    const changed = await ropa('verify', tampered)
    expect(changed.code).toBe(1)
    expect(changed.stderr).toMatch(/tampered.xlsx: 'Cover'!C3: changed since export/)

    const reimported = join(dir, 'reimported.json')
    const imported = await ropa('import', xlsx, '-o', reimported)
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(imported.stdout).toMatch(/organisation profile restored: Example Trading Ltd/)
    const backup = parseBackupText(readFileSync(reimported, 'utf8'))
    if (!backup.ok) throw new Error(JSON.stringify(backup.problems))
    expect(backup.backup.organisation).toEqual(demoOrganisation())
  })
})
