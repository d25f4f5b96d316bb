/** Transfers written with one coarse `safeguard` (backups, workbooks, v1 packs, stored records) read into mechanism and instrument without inventing. */
import { describe, expect, it } from 'vitest'
import { createBackup, parseBackupText, serialiseBackup } from '@core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { upgradeLegacyTransfer } from '@core/records/legacy-transfer'
import { SAFEGUARD_LABELS, type Safeguard } from '@core/records/enums'
import { transferSchema, type StoredRecord } from '@core/records/model'
import { readWorkbook } from '@core/workbook/read-workbook'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { exportData, sampleRecords } from '../fixtures/workbooks/sample-register'

const legacy = (safeguard: string, documentation = '', country = 'India') => ({ id: 't', recipient: 'Vendor', country, safeguard, documentation })
const fields = (transfer: unknown) => {
  const { mechanism, instrument, sccModule, derogation, documentation } = transferSchema.parse(transfer)
  return { mechanism, instrument, sccModule, derogation, documentation }
}

describe('upgradeLegacyTransfer', () => {
  it.each<[Safeguard, object]>([
    ['adequacy', { mechanism: 'art45', instrument: 'adequacy-decision', documentation: '' }],
    ['sccs', { mechanism: 'art46', instrument: '', documentation: SAFEGUARD_LABELS.sccs }],
    ['sa-sccs', { mechanism: 'art46', instrument: 'sa-scc', documentation: '' }],
    ['bcr', { mechanism: 'art47', instrument: '', documentation: '' }],
    ['public-authority-instrument', { mechanism: 'art46', instrument: 'public-authority-instrument' }],
    ['code-of-conduct', { mechanism: 'art46', instrument: 'code-of-conduct' }],
    ['certification', { mechanism: 'art46', instrument: 'certification' }],
    ['ad-hoc-clauses', { mechanism: 'art46', instrument: 'ad-hoc-clauses' }],
    ['administrative-arrangement', { mechanism: 'art46', instrument: 'administrative-arrangement' }],
    ['derogation', { mechanism: 'art49', instrument: 'derogation', derogation: '', documentation: '' }]
  ])('reads %s', (safeguard, expected) => {
    expect(fields(legacy(safeguard))).toMatchObject({ sccModule: '', derogation: '', ...expected })
  })

  it("takes the instrument from the DPO's own documentation only within the old mechanism", () => {
    expect(fields(legacy('sccs', 'SCCs 2021/914 module 2'))).toEqual({ mechanism: 'art46', instrument: 'scc-2021', sccModule: '2', derogation: '', documentation: 'SCCs 2021/914 module 2' })
    expect(fields(legacy('bcr', 'BCR-P approved by the CNIL'))).toMatchObject({ mechanism: 'art47', instrument: 'bcr-processor' })
    expect(fields(legacy('derogation', 'Explicit consent collected at booking'))).toMatchObject({ mechanism: 'art49', derogation: 'explicit-consent' })
    // The documentation names the DPF, but the old value said SCCs: the SCCs stand, and the words are kept.
    expect(fields(legacy('sccs', 'Vendor also DPF certified'))).toEqual({ mechanism: 'art46', instrument: '', sccModule: '', derogation: '', documentation: 'Vendor also DPF certified\n(recorded before as: Standard contractual clauses (Art. 46(2)(c)))' })
  })

  it('reads free text from old imports and keeps the words', () => {
    expect(fields(legacy('Privacy Shield', '', 'United States'))).toEqual({ mechanism: 'art45', instrument: 'privacy-shield', sccModule: '', derogation: '', documentation: 'Privacy Shield' })
    expect(fields(legacy('contract', 'see folder'))).toEqual({ mechanism: '', instrument: '', sccModule: '', derogation: '', documentation: 'see folder\n(recorded before as: contract)' })
  })

  it('leaves a transfer that already names its mechanism or instrument as it is, and a missing safeguard blank', () => {
    expect(fields({ ...legacy('adequacy'), mechanism: 'art46', instrument: 'scc-2021' })).toMatchObject({ mechanism: 'art46', instrument: 'scc-2021', documentation: '' })
    expect(fields({ id: 't', recipient: '', country: '' })).toEqual({ mechanism: '', instrument: '', sccModule: '', derogation: '', documentation: '' })
  })

  it('resolves a free-text country to its code only where it names one place', () => {
    expect(transferSchema.parse(legacy('adequacy', '', 'U.S.A.')).countryCode).toBe('US')
    expect(transferSchema.parse(legacy('adequacy', '', 'Congo')).countryCode).toBe('')
    expect(transferSchema.parse(legacy('adequacy', '', 'Germany, India')).countryCode).toBe('')
    expect(transferSchema.parse({ ...legacy('adequacy', '', 'USA'), countryCode: 'org:epo' }).countryCode).toBe('org:epo')
  })

  it('returns what is not an object as it came, for the schema to reject', () => {
    expect(upgradeLegacyTransfer('sccs')).toBe('sccs')
    expect(transferSchema.safeParse('sccs').success).toBe(false)
  })
})

/** Records as an app version before mechanism and instrument wrote them. */
function legacyRecords(): StoredRecord[] {
  return sampleRecords().map((record, index) => ({
    ...record,
    transfers: index === 0 ? ([{ id: 'old-1', recipient: 'Mail service', country: 'United States', safeguard: 'adequacy', documentation: 'Adequacy decision' }] as unknown as StoredRecord['transfers']) : record.transfers
  }))
}

describe('old files', () => {
  it('a backup with legacy transfers parses into the new shape', () => {
    const records = generateDemoRegister(2).map((record) => ({
      ...record,
      transfers: [{ id: 'x', recipient: 'Support', country: 'India', safeguard: 'sccs', documentation: 'SCCs 2021/914 module 2' }] as unknown as StoredRecord['transfers']
    }))
    const text = serialiseBackup(createBackup({ exportedAt: '2025-06-01T10:00:00.000Z', appVersion: '0.1.0', organisation: demoOrganisation(), userProfile: { name: 'Dana', role: 'DPO' }, records, auditLog: [], vendors: [], packs: [] }))
    expect(text).toContain('"safeguard":"sccs"')
    const result = parseBackupText(text)
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.backup.records[0]!.transfers).toEqual([
      { id: 'x', recipient: 'Support', country: 'India', countryCode: 'IN', documentation: 'SCCs 2021/914 module 2', mechanism: 'art46', instrument: 'scc-2021', sccModule: '2', derogation: '', tiaReference: '' }
    ])
  })

  it("an app workbook whose Data sheet holds legacy transfers re-imports them in the new shape, fingerprint intact", async () => {
    const bytes = await writeWorkbookBuffer(exportData(legacyRecords()))
    const result = await readWorkbook(bytes, [])
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.preview.kind).toBe('app-workbook')
    const transfer = result.preview.rows.find((row) => row.record?.transfers.some((candidate) => candidate.id === 'old-1'))!.record!.transfers[0]!
    expect(transfer).toMatchObject({ country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'adequacy-decision', documentation: 'Adequacy decision' })
    expect('safeguard' in transfer).toBe(false)
  })
})
