import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import { parseBackupText, type Backup } from '@core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { createBackup, serialiseBackup } from '@core/backup/backup-format'
import { FIXTURE_PACK_FILE } from '../fixtures/packs/fixture-pack'
import { ropa } from '../fixtures/run-ropa'

const directory = mkdtempSync(join(tmpdir(), 'ropa-templates-apply-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function readBackup(path: string): Backup {
  const parsed = parseBackupText(readFileSync(path, 'utf8'))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.backup
}

describe('ropa templates apply', () => {
  it("makes a new backup with the DPO's controller record by default, the pack and its vendor installed, and an audit entry each", async () => {
    const output = join(directory, 'new.json')
    const result = await ropa(['templates', 'apply', FIXTURE_PACK_FILE, '--activity', 'accounts', '--activity', 'newsletter', '-o', output])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe(`wrote ${output}: 2 records made from acme-widgets 1.0.0 as "Our controller record, using the vendor"`)

    const backup = readBackup(output)
    expect(backup.records.map(({ reference, name, role, origin }) => ({ reference, name, role, perspective: origin?.perspective, activityId: origin?.activityId }))).toEqual([
      { reference: 'PA-0001', name: 'Customer accounts (with Acme Widgets Ltd as independent controller)', role: 'controller', perspective: 'controller-using-vendor', activityId: 'accounts' },
      { reference: 'PA-0002', name: 'Newsletter (with Acme Widgets Ltd as independent controller)', role: 'controller', perspective: 'controller-using-vendor', activityId: 'newsletter' }
    ])
    expect(backup.records[0]!.recipients[0]).toMatchObject({ name: 'Acme Widgets Ltd', type: 'controller', vendorId: 'acme-widgets' })
    expect(backup.records[0]!.purposes).toEqual([])
    expect(backup.records[0]!.suggestions).toHaveLength(2)
    expect(backup.packs.map((pack) => [pack.id, pack.version, pack.origin])).toEqual([['acme-widgets', '1.0.0', 'imported']])
    expect(backup.packs[0]!.sourceText).toContain('Acme Widgets')
    expect(backup.vendors.map((vendor) => vendor.id)).toEqual(['acme-widgets'])
    expect(backup.auditLog.map((entry) => [entry.entity, entry.action, entry.summary])).toEqual([
      ['pack', 'create', 'Template pack acme-widgets 1.0.0 installed (command line)'],
      ['vendor', 'create', 'Vendor Acme Widgets Ltd registered from its pack (command line)'],
      ['record', 'create', 'PA-0001 created from template acme-widgets 1.0.0, activity accounts (command line)'],
      ['record', 'create', 'PA-0002 created from template acme-widgets 1.0.0, activity newsletter (command line)']
    ])
    expect(verifyChain(backup.auditLog, backup.auditAnchor)).toEqual({ ok: true, entries: 4 })
  })

  it('appends to an existing backup with the next references, keeps what it had, and chains onto its audit trail', async () => {
    const records = generateDemoRegister(3, 7)
    const organisation = demoOrganisation()
    const into = join(directory, 'into.json')
    writeFileSync(into, serialiseBackup(createBackup({ exportedAt: '2026-01-01T00:00:00.000Z', appVersion: 'test', organisation, userProfile: { id: 'u1', name: 'Dana DPO', role: 'DPO' }, records, auditLog: [], vendors: [], packs: [] })))
    const first = join(directory, 'first.json')
    expect((await ropa(['templates', 'apply', FIXTURE_PACK_FILE, '--activity', 'accounts', '--into', into, '-o', first])).code).toBe(0)
    const output = join(directory, 'appended.json')
    const result = await ropa(['templates', 'apply', 'acme-widgets', '--activity', 'accounts', '--as', 'processor', '--into', first, '-o', output])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)

    const backup = readBackup(output)
    expect(backup.records.slice(0, 3)).toEqual(readBackup(into).records)
    expect(backup.records.slice(3).map(({ reference, role, origin }) => [reference, role, origin?.perspective])).toEqual([
      ['PA-0004', 'controller', 'controller-using-vendor'],
      ['PA-0005', 'processor', 'processor-with-vendor-as-sub-processor']
    ])
    expect(backup.records[4]!.openItems.map((item) => item.field)).toEqual(expect.arrayContaining(['controllersActedFor', 'recipients.0.contractReference']))
    // The installed pack (from the first run) is used by its id, and not installed twice.
    expect(backup.packs).toHaveLength(1)
    expect(backup.auditLog.at(-1)).toMatchObject({ actor: 'Dana DPO', actorId: 'u1', summary: 'PA-0005 created from template acme-widgets 1.0.0, activity accounts (command line)' })
    expect(verifyChain(backup.auditLog, backup.auditAnchor)).toEqual({ ok: true, entries: 4 })
  })

  it('names each activity the pack does not have, and writes nothing', async () => {
    const output = join(directory, 'missing.json')
    const result = await ropa(['templates', 'apply', FIXTURE_PACK_FILE, '--activity', 'accounts', '--activity', 'payroll', '-o', output])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('--activity payroll: pack acme-widgets 1.0.0 has no activity "payroll" (it has: accounts, newsletter)\nnothing written\n')
    expect(existsSync(output)).toBe(false)
  })

  it('validates the pack first, naming the problem by its JSON path, and writes nothing', async () => {
    const broken = join(directory, 'broken.json')
    writeFileSync(broken, readFileSync(FIXTURE_PACK_FILE, 'utf8').replace('"role": "controller"', '"role": "owner"'))
    const output = join(directory, 'broken-out.json')
    const result = await ropa(['templates', 'apply', broken, '--activity', 'accounts', '-o', output])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\$\\.activities\\[0\\]\\.role: `))
    expect(result.stderr.endsWith('nothing written\n')).toBe(true)
    expect(existsSync(output)).toBe(false)
  })

  it('refuses an unknown --as and a pack that is neither a file nor installed nor shipped', async () => {
    const output = join(directory, 'refused.json')
    const as = await ropa(['templates', 'apply', FIXTURE_PACK_FILE, '--activity', 'accounts', '--as', 'owner', '-o', output])
    expect(as.code).toBe(1)
    expect(as.stderr).toMatch(/^--as owner: use controller \(Our controller record, using the vendor\), processor .* or vendor /)
    const unknown = await ropa(['templates', 'apply', 'no-such-pack', '--activity', 'accounts', '-o', output])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe('no-such-pack: no such pack file, and no pack with this id is installed or shipped\nnothing written\n')
    expect(existsSync(output)).toBe(false)
  })

  it('makes records from a shipped pack by its id, Kaltura\'s hosting becoming the DPO\'s record with Kaltura as processor', async () => {
    const output = join(directory, 'kaltura.json')
    const result = await ropa(['templates', 'apply', 'kaltura', '--activity', 'platform-hosting-delivery', '-o', output])
    expect(result.stderr).toBe('')
    const record = readBackup(output).records[0]!
    // The activity's name ends with Kaltura's role, "(processor)", which is not the DPO's: it goes.
    expect(record).toMatchObject({ role: 'controller', name: 'Platform: hosting, managing and distributing Account Owners’ media (using Kaltura, Inc.)' })
    expect(record.recipients[0]).toMatchObject({ name: 'Kaltura, Inc.', type: 'processor' })
    expect(record.openItems.map((item) => item.note)).toContain('Reference the data processing agreement with Kaltura, Inc. (Art. 28(3)).')
    expect(readBackup(output).packs[0]!.origin).toBe('shipped')
  })
})
