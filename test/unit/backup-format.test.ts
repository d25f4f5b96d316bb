import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chainEntry, GENESIS_HASH, verifyChain } from '@core/audit/audit-chain'
import { backupJsonSchemaText, createBackup, parseBackupText, serialiseBackup } from '@core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { vendorSchema } from '@core/templates/vendor'
import { installedPackRow } from '../fixtures/templates/installed-pack'

function sampleBackup() {
  const first = chainEntry(
    { at: '2025-01-01T00:00:00.000Z', actor: 'DPO', entity: 'record', entityId: 'demo-000001', action: 'create', summary: 'Created PA-0001', changes: [{ field: 'name', before: undefined, after: 'Payroll' }] },
    GENESIS_HASH
  )
  const second = chainEntry(
    { at: '2025-01-02T00:00:00.000Z', actor: 'DPO', entity: 'record', entityId: 'demo-000001', action: 'update', summary: 'Renamed', changes: [{ field: 'name', before: 'Payroll', after: 'Payroll run' }] },
    first.hash
  )
  return createBackup({
    exportedAt: '2025-06-01T10:00:00.000Z',
    appVersion: '0.1.0',
    organisation: demoOrganisation(),
    userProfile: { name: 'Dana', role: 'DPO' },
    records: generateDemoRegister(5),
    auditLog: [{ ...first, seq: 1 }, { ...second, seq: 2 }],
    vendors: [vendorSchema.parse({ id: 'stripe', name: 'Stripe', packId: 'stripe', notes: 'DPA signed' })],
    packs: [installedPackRow('stripe', '1.0.0')]
  })
}

describe('parseBackupText', () => {
  it('reads back what serialiseBackup wrote, including the audit chain, which still verifies', () => {
    const backup = sampleBackup()
    const result = parseBackupText(serialiseBackup(backup))
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.backup).toEqual(JSON.parse(serialiseBackup(backup)))
    expect(verifyChain(result.backup.auditLog)).toEqual({ ok: true, entries: 2 })
    expect(result.backup.vendors[0]).toMatchObject({ id: 'stripe', notes: 'DPA signed' })
    expect(result.backup.packs[0]!.pack.activities[0]!.name).toBe('Customer relationship management')
  })

  it('refuses a backup from a newer app with a message saying so', () => {
    const result = parseBackupText(JSON.stringify({ ...sampleBackup(), formatVersion: 2 }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.path).toBe('$.formatVersion')
    expect(result.problems[0]!.message).toMatch(/made by a newer version of the app/)
  })

  it('says a truncated file is incomplete, wherever it was cut', () => {
    const text = serialiseBackup(sampleBackup())
    for (const cut of [10, Math.floor(text.length / 2), text.length - 1]) {
      const result = parseBackupText(text.slice(0, cut))
      expect(result.ok).toBe(false)
      if (result.ok) continue
      expect(result.problems[0]!.message).toMatch(/backup file is incomplete/)
    }
  })

  it('names the JSON path of an invalid record field', () => {
    const backup = sampleBackup() as unknown as { records: Array<Record<string, unknown>> }
    backup.records[3]!.reference = 'X-1'
    const result = parseBackupText(JSON.stringify(backup))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toContainEqual(expect.objectContaining({ path: '$.records[3].reference', message: 'A reference looks like PA-0001' }))
  })

  it('refuses duplicate record references and audit entries with a malformed hash', () => {
    const backup = sampleBackup()
    backup.records[2] = { ...backup.records[2]!, reference: backup.records[0]!.reference }
    const duplicate = parseBackupText(serialiseBackup(backup))
    expect(duplicate.ok ? [] : duplicate.problems).toContainEqual(expect.objectContaining({ path: '$.records[2].reference', message: 'reference "PA-0001" is also used by records[0]' }))

    const badHash = sampleBackup()
    badHash.auditLog[1] = { ...badHash.auditLog[1]!, hash: 'not-a-hash' }
    const result = parseBackupText(serialiseBackup(badHash))
    expect(result.ok ? [] : result.problems.map((problem) => problem.path)).toEqual(['$.auditLog[1].hash'])
  })

  it('refuses files that are not a backup at all', () => {
    expect(parseBackupText('[1,2]')).toMatchObject({ ok: false, problems: [{ path: '$', message: expect.stringMatching(/not a backup/) }] })
    expect(parseBackupText('{"records": []}')).toMatchObject({ ok: false, problems: [{ path: '$.formatVersion', message: expect.stringMatching(/missing/) }] })
  })
})

describe('vendors and packs in a backup', () => {
  /** The backup as JSON text with `edit` applied to its parsed object, as a hand-edited or older file would be. */
  function edited(edit: (backup: { vendors: Array<Record<string, unknown>>; packs: Array<Record<string, any>>; packArchive?: unknown[] }) => void): string {
    const backup = JSON.parse(serialiseBackup(sampleBackup()))
    edit(backup)
    return JSON.stringify(backup)
  }
  const problemsOf = (text: string) => {
    const result = parseBackupText(text)
    return result.ok ? [] : result.problems.map(({ path, message }) => ({ path, message }))
  }

  it('gives a vendor row or a pack row the defaults it lacks, through the same schemas the app stores them with', () => {
    const text = edited((backup) => {
      backup.vendors = [{ id: 'stripe', name: 'Stripe' }]
      const row = backup.packs[0]!
      delete row.sourceText
      const activity = row.pack.activities[0]
      for (const key of ['gaps', 'dataSubjects', 'dataCategories', 'recipients', 'transfers', 'subProcessors', 'specialCategories', 'description']) delete activity[key]
      delete row.pack.vendor.controllerFor
    })
    const result = parseBackupText(text)
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.backup.vendors[0]).toEqual({
      id: 'stripe',
      name: 'Stripe',
      packId: '',
      legalEntities: [],
      privacyContact: '',
      dpoContact: '',
      euRepresentative: '',
      controllerFor: [],
      processorFor: [],
      notes: ''
    })
    const pack = result.backup.packs[0]!
    expect(pack.sourceText).toBe('')
    expect(pack.pack.vendor.controllerFor).toEqual([])
    expect(pack.pack.activities[0]).toMatchObject({ gaps: [], dataSubjects: [], dataCategories: [], recipients: [], transfers: [], subProcessors: [], specialCategories: [], description: '' })
  })

  it('refuses an unknown value in a pack row, naming its JSON path', () => {
    expect(problemsOf(edited((backup) => (backup.packs[0]!.origin = 'downloaded')))).toEqual([
      { path: '$.packs[0].origin', message: expect.stringMatching(/shipped.*imported.*user/) }
    ])
    expect(problemsOf(edited((backup) => (backup.packs[0]!.pack.activities[0].role = 'owner')))).toEqual([
      { path: '$.packs[0].pack.activities[0].role', message: expect.any(String) }
    ])
    expect(problemsOf(edited((backup) => (backup.packs[0]!.pack.activities[0].purposes[0].lawfulBasis = 'z')))).toEqual([
      { path: '$.packs[0].pack.activities[0].purposes[0].lawfulBasis', message: expect.any(String) }
    ])
  })

  it('refuses a pack row that is not a pack, a row whose id is not its pack\'s, duplicate rows and a bad archived version', () => {
    expect(problemsOf(edited((backup) => (backup.packs = [{ id: 'stripe', version: '1.0.0' }])))).toContainEqual({ path: '$.packs[0].pack', message: expect.any(String) })
    expect(problemsOf(edited((backup) => (backup.packs[0]!.id = 'other')))).toEqual([{ path: '$.packs[0].id', message: '"other" is not the id of the pack it holds ("stripe")' }])
    expect(problemsOf(edited((backup) => backup.packs.push(backup.packs[0]!)))).toEqual([{ path: '$.packs[1].id', message: 'id "stripe" is also used by packs[0]' }])
    expect(problemsOf(edited((backup) => backup.vendors.push(backup.vendors[0]!)))).toEqual([{ path: '$.vendors[1].id', message: 'id "stripe" is also used by vendors[0]' }])
    expect(problemsOf(edited((backup) => (backup.packArchive = [{ ...backup.packs[0]!, installedAt: 7 }])))).toEqual([{ path: '$.packArchive[0].installedAt', message: expect.any(String) }])
    expect(problemsOf(edited((backup) => (backup.vendors[0]!.legalEntities = 'Stripe Ltd')))).toEqual([{ path: '$.vendors[0].legalEntities', message: expect.any(String) }])
  })
})

describe('docs/backup.schema.json', () => {
  it('is the schema generated from the zod schema (run scripts/generate-backup-schema.ts after a change)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../docs/backup.schema.json'), 'utf8')
    expect(committed).toBe(backupJsonSchemaText())
  })
})
