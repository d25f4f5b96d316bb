/**
 * Issue #13, the audit trail's own words: each entry stores its summary as a catalogue key
 * (`summaryRef`) beside the English text, hashed with the entry; the screens and the workbook say
 * it in the reader's language; approval refusals are keys too. Storage on fake-indexeddb.
 */
import 'fake-indexeddb/auto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { canonicalJson, chainEntry, GENESIS_HASH, hashEntry, verifyChain, type AuditEntry, type AuditEntryContent } from '@core/audit/audit-chain'
import { auditSummaryIn, backupRestoredRef } from '@core/audit/audit-summary'
import { createBackup, parseBackupText, serialiseBackup } from '@core/backup/backup-format'
import type { Locale } from '@core/i18n'
import { translateMessage } from '@core/i18n/catalogues'
import { formatDateTimeIn } from '@core/i18n/message'
import { formOfRecord } from '@core/records/model'
import { emptyRecordForm } from '@core/records/new-record'
import { sha256Hex } from '@core/util/sha256'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { ApprovalRepository } from '../../src-renderer/src/db/approval-repository'
import { BackupRepository } from '../../src-renderer/src/db/backup-repository'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { MigrationRepository } from '../../src-renderer/src/db/migration-repository'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { TemplateRepository } from '../../src-renderer/src/db/template-repository'
import { completeControllerRecord, completeOrganisation, TODAY } from '../fixtures/checks/records'
import { FIXTURE_PACK_FILE, fixturePackJson } from '../fixtures/packs/fixture-pack'
import { ropa } from '../fixtures/run-ropa'

const databases: RopaDatabase[] = []
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close()
    await db.delete()
  }
})

// Midday, so that the local date is TODAY in any time zone.
const now = () => new Date(`${TODAY}T12:00:00`)

async function openRegister(name = 'Dana Fischer') {
  const db = new RopaDatabase(`audit-i18n-${crypto.randomUUID()}`)
  databases.push(db)
  const register = new RegisterRepository(db, now)
  await register.saveUserProfile({ name, role: 'DPO' })
  return { db, register, backups: new BackupRepository(db, register, '9.9.9-test'), approvals: new ApprovalRepository(db, register, now) }
}

/** The entry's summary in each language; the English one must be the text stored. */
function said(entry: AuditEntry): Record<Locale, string> {
  expect(entry.summaryRef, `entry ${entry.seq} "${entry.summary}" has no key`).toBeDefined()
  const en = auditSummaryIn(entry, 'en')
  expect(en).toBe(entry.summary)
  return { en, fr: auditSummaryIn(entry, 'fr'), de: auditSummaryIn(entry, 'de') }
}

describe('audit entries written by the app carry their summary as a key', () => {
  it('says a record created, edited, edited over a newer revision, deleted and restored in French and German', async () => {
    const { register } = await openRegister()
    const created = await register.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll' })
    const edited = await register.updateRecord(created.id, { ...formOfRecord(created), owner: 'Head of HR' })
    await register.updateRecord(created.id, { ...formOfRecord(edited), owner: 'HR' }, { revision: edited.revision, overwrite: true })
    const deleted = await register.deleteRecord(created.id)
    await register.restoreRecord(deleted)
    const entries = (await register.auditLog()).filter((entry) => entry.entity === 'record')
    expect(entries.map(said)).toEqual([
      { en: 'PA-0001 created', fr: 'PA-0001 créée', de: 'PA-0001 angelegt' },
      { en: 'PA-0001 edited', fr: 'PA-0001 modifiée', de: 'PA-0001 geändert' },
      {
        en: 'PA-0001 edited, overwriting revision 2 (changed elsewhere)',
        fr: 'PA-0001 modifiée, en remplaçant la révision 2 (modifiée ailleurs)',
        de: 'PA-0001 geändert, Revision 2 überschrieben (anderswo geändert)'
      },
      { en: 'PA-0001 deleted', fr: 'PA-0001 supprimée', de: 'PA-0001 gelöscht' },
      { en: 'PA-0001 restored', fr: 'PA-0001 rétablie', de: 'PA-0001 wiederhergestellt' }
    ])
    expect(verifyChain(await register.auditLog(), await register.auditAnchor())).toEqual({ ok: true, entries: 5 })
  })

  it('says the organisation, a rename, a role change, another person and the approval setting in French and German', async () => {
    const { register, approvals } = await openRegister('Dana Fischer')
    await register.saveOrganisation(completeOrganisation())
    await register.saveOrganisation({ ...completeOrganisation(), controller: { ...completeOrganisation().controller, phone: '+49 40 1234' } })
    await register.saveUserProfile({ name: 'Dana Weber', role: 'DPO' })
    await register.saveUserProfile({ name: 'Dana Weber', role: 'Head of privacy' })
    await register.switchUser({ name: 'Sam Approver', role: 'Deputy' })
    await approvals.saveSettings({ separateApprover: true })
    expect((await register.auditLog()).map((entry) => said(entry).fr)).toEqual([
      'Profil de l’organisme créé',
      'Profil de l’organisme modifié',
      'Utilisateur renommé : Dana Fischer → Dana Weber',
      'Rôle de Dana Weber modifié',
      'Sam Approver utilise désormais l’application (une autre personne que Dana Weber)',
      'Approbateur distinct exigé'
    ])
    expect((await register.auditLog()).map((entry) => said(entry).de)).toEqual([
      'Organisationsprofil angelegt',
      'Organisationsprofil geändert',
      'Benutzer umbenannt: Dana Fischer → Dana Weber',
      'Rolle von Dana Weber geändert',
      'Sam Approver nutzt jetzt die Anwendung (eine andere Person als Dana Weber)',
      'Separate freigebende Person verlangt'
    ])
  })

  it('says records added, imported from a spreadsheet and from a workbook in French and German', async () => {
    const { db, register } = await openRegister()
    await register.insertRecords([{ ...emptyRecordForm('controller'), name: 'A' }, { ...emptyRecordForm('processor'), name: 'B' }])
    await new MigrationRepository(db, register).importRecords({ fileName: 'registre.xlsx', records: [{ ...emptyRecordForm('controller'), name: 'Paie' }] })
    const stored = await register.getRecord((await register.allRecords()).find((record) => record.name === 'A')!.id)
    await register.importStoredRecords([{ ...stored!, name: 'A, renamed' }], { key: 'audit:records.importedFromAppWorkbook', params: { count: 1, file: 'export.xlsx' } })
    expect((await register.auditLog()).map(said)).toEqual([
      { en: '2 records added (PA-0001–PA-0002)', fr: '2 fiches ajoutées (PA-0001–PA-0002)', de: '2 Einträge hinzugefügt (PA-0001–PA-0002)' },
      { en: 'Imported 1 record from registre.xlsx (PA-0003)', fr: '1 fiche importée de registre.xlsx (PA-0003)', de: '1 Eintrag aus registre.xlsx importiert (PA-0003)' },
      {
        en: '1 record imported from export.xlsx, the app\'s workbook',
        fr: '1 fiche importée de export.xlsx, classeur de l’application',
        de: '1 Eintrag aus export.xlsx importiert, Arbeitsmappe der Anwendung'
      }
    ])
  })

  it('says a template pack installed, updated and its vendor registered in French and German, the counts in each language\'s plural', async () => {
    const { db, register } = await openRegister()
    const templates = new TemplateRepository(register)
    const first = fixturePackJson()
    expect(first.activities).toHaveLength(2)
    first.activities = first.activities.slice(0, 1)
    expect((await templates.importPackText(JSON.stringify(first))).kind).toBe('new')
    const newer = fixturePackJson()
    newer.version = '1.1.0'
    expect((await templates.importPackText(JSON.stringify(newer))).kind).toBe('newer')
    const entries = (await db.auditLog.orderBy('seq').toArray()).filter((entry) => entry.entity === 'pack' || entry.entity === 'vendor')
    expect(entries.map(said)).toEqual([
      { en: 'Template pack acme-widgets 1.0.0 installed (imported, 1 activity)', fr: 'Pack de modèles acme-widgets 1.0.0 installé (importé, 1 activité)', de: 'Vorlagenpaket acme-widgets 1.0.0 installiert (importiert, 1 Tätigkeit)' },
      {
        en: 'Vendor Acme Widgets Ltd registered by template pack acme-widgets 1.0.0',
        fr: 'Fournisseur Acme Widgets Ltd enregistré par le pack de modèles acme-widgets 1.0.0',
        de: 'Anbieter Acme Widgets Ltd durch Vorlagenpaket acme-widgets 1.0.0 erfasst'
      },
      {
        en: 'Template pack acme-widgets updated from 1.0.0 to 1.1.0 (imported): 1 activity added, 0 activities changed, 0 activities removed',
        // French counts 0 in the singular, as the language does.
        fr: 'Pack de modèles acme-widgets mis à jour de 1.0.0 à 1.1.0 (importé) : 1 activité ajoutée, 0 activité modifiée, 0 activité supprimée',
        de: 'Vorlagenpaket acme-widgets von 1.0.0 auf 1.1.0 aktualisiert (importiert): 1 Tätigkeit hinzugefügt, 0 Tätigkeiten geändert, 0 Tätigkeiten entfernt'
      }
    ])
  })

  it('says a restore from a backup in French and German, and keeps every key through backup and restore', async () => {
    const source = await openRegister()
    const created = await source.register.createRecord({ ...emptyRecordForm('controller'), name: 'Payroll' })
    await source.register.updateRecord(created.id, { ...formOfRecord(created), owner: 'HR' })
    const text = serialiseBackup(await source.backups.takeBackup())
    const parsed = parseBackupText(text)
    if (!parsed.ok) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'))
    expect(parsed.backup.auditLog.map((entry) => entry.summaryRef)).toEqual((await source.register.auditLog()).map((entry) => entry.summaryRef))

    const target = await openRegister('Restoring Clerk')
    await target.backups.restore(parsed.backup)
    const log = await target.register.auditLog()
    expect(log.slice(0, -1).map((entry) => said(entry).fr)).toEqual(['PA-0001 créée', 'PA-0001 modifiée'])
    expect(said(log.at(-1)!)).toEqual({
      en: `Register restored from a backup made on ${formatDateTimeIn(parsed.backup.exportedAt, 'en')} (1 record, 2 audit entries)`,
      fr: `Registre restauré à partir d’une sauvegarde faite le ${formatDateTimeIn(parsed.backup.exportedAt, 'fr')} (1 fiche, 2 entrées du journal d’audit)`,
      de: `Verzeichnis aus einer Sicherung vom ${formatDateTimeIn(parsed.backup.exportedAt, 'de')} wiederhergestellt (1 Eintrag, 2 Einträge im Prüfprotokoll)`
    })
    expect(verifyChain(log, await target.register.auditAnchor())).toEqual({ ok: true, entries: 3 })
  })

  it('says when the backup was made as a reader writes it, in UTC, never as a raw timestamp', () => {
    const ref = backupRestoredRef('2026-05-01T10:07:30.000+02:00', 3, 12, true)
    expect(translateMessage(ref, 'en')).toBe('Register restored from a backup made on 1 May 2026, 08:07 UTC (3 records, 12 audit entries)')
    expect(translateMessage(ref, 'fr')).toBe('Registre restauré à partir d’une sauvegarde faite le 1er mai 2026 à 08:07 UTC (3 fiches, 12 entrées du journal d’audit)')
    expect(translateMessage(ref, 'de')).toBe('Verzeichnis aus einer Sicherung vom 1. Mai 2026, 08:07 UTC wiederhergestellt (3 Einträge, 12 Einträge im Prüfprotokoll)')
    // What is no timestamp (a hand-edited backup) is said as it is, not as "Invalid Date".
    expect(translateMessage(backupRestoredRef('last Tuesday', 1, 1, true), 'en')).toBe('Register restored from a backup made on last Tuesday (1 record, 1 audit entry)')
  })

  it('restores a backup written before entries had keys: its entries verify and read as stored', async () => {
    const old = oldEntries()
    const backup = createBackup({ exportedAt: '2025-06-01T10:00:00.000Z', appVersion: '0.9.0', organisation: null, userProfile: null, records: [], auditLog: old, vendors: [], packs: [] })
    const text = serialiseBackup(backup)
    expect(text).not.toContain('summaryRef')
    const parsed = parseBackupText(text)
    expect(parsed.ok).toBe(true)
    const target = await openRegister()
    await target.backups.restore(parsed.ok ? parsed.backup : backup)
    const log = await target.register.auditLog()
    expect(verifyChain(log, await target.register.auditAnchor())).toEqual({ ok: true, entries: 3 })
    expect(log.slice(0, 2).map((entry) => [entry.summaryRef, auditSummaryIn(entry, 'fr')])).toEqual([
      [undefined, 'PA-0001 created'],
      [undefined, 'PA-0001 edited']
    ])
  })
})

/** Two entries as the app wrote them before summaries had keys (no summaryRef), hashed as it hashed them then. */
function oldEntries(): AuditEntry[] {
  const contents: AuditEntryContent[] = [
    { at: '2025-05-01T09:00:00.000Z', actor: 'Dana', actorId: 'user-1', entity: 'record', entityId: 'r1', action: 'create', summary: 'PA-0001 created', changes: [{ field: 'name', after: 'Payroll' }] },
    { at: '2025-05-02T09:00:00.000Z', actor: 'Dana', actorId: 'user-1', entity: 'record', entityId: 'r1', action: 'update', summary: 'PA-0001 edited', changes: [{ field: 'owner', before: '', after: 'HR' }] }
  ]
  let prevHash = GENESIS_HASH
  return contents.map((content, index) => {
    // The formula from before summaryRef existed, written out here on purpose.
    const { at, actor, actorId, entity, entityId, action, summary, changes } = content
    const hash = sha256Hex(prevHash + canonicalJson({ at, actor, actorId, entity, entityId, action, summary, changes }))
    const entry = { ...content, seq: index + 1, prevHash, hash }
    prevHash = hash
    return entry
  })
}

describe('the hash chain covers summaryRef', () => {
  it('hashes an entry without a key exactly as before keys existed, so older trails keep verifying', () => {
    const old = oldEntries()
    // oldEntries() hashes with the formula from before keys existed; today's hashEntry must agree.
    expect(old.map((entry) => hashEntry(entry, entry.prevHash))).toEqual(old.map((entry) => entry.hash))
    expect(verifyChain(old)).toEqual({ ok: true, entries: 2 })
  })

  it('breaks at an entry whose key was changed or removed, though its English text is untouched', () => {
    const first = chainEntry({ at: '2026-01-01T00:00:00.000Z', actor: 'Dana', actorId: 'u', entity: 'record', entityId: 'r1', action: 'create', summary: 'PA-0001 created', summaryRef: { key: 'audit:record.created', params: { reference: 'PA-0001' } }, changes: [] }, GENESIS_HASH)
    const second = chainEntry({ at: '2026-01-02T00:00:00.000Z', actor: 'Dana', actorId: 'u', entity: 'record', entityId: 'r1', action: 'delete', summary: 'PA-0001 deleted', summaryRef: { key: 'audit:record.deleted', params: { reference: 'PA-0001' } }, changes: [] }, first.hash)
    const entries = [{ ...first, seq: 1 }, { ...second, seq: 2 }]
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 2 })
    // The key says another record was deleted, the English text still says PA-0001: the screens would show the lie.
    const tampered = [entries[0]!, { ...entries[1]!, summaryRef: { key: 'audit:record.deleted', params: { reference: 'PA-0002' } } }]
    expect(verifyChain(tampered)).toMatchObject({ ok: false, firstBreak: { seq: 2, kind: 'hash' } })
    const reworded = [{ ...entries[0]!, summaryRef: { key: 'audit:record.restored', params: { reference: 'PA-0001' } } }, entries[1]!]
    expect(verifyChain(reworded)).toMatchObject({ ok: false, firstBreak: { seq: 1, kind: 'hash' } })
    const { summaryRef: _removed, ...withoutKey } = entries[1]!
    expect(verifyChain([entries[0]!, withoutKey])).toMatchObject({ ok: false, firstBreak: { seq: 2, kind: 'hash' } })
  })
})

describe('the workbook\'s Audit trail sheet', () => {
  it('says each entry in the CNIL layout\'s French, cell by cell, and keeps the stored text of an entry without a key', async () => {
    const { register } = await openRegister()
    const created = await register.createRecord({ ...emptyRecordForm('controller'), name: 'Paie' })
    await register.updateRecord(created.id, { ...formOfRecord(created), owner: 'RH' })
    const log = [...oldEntries().map((entry) => ({ ...entry, seq: entry.seq! + 100 })), ...(await register.auditLog())]
    const bytes = await writeWorkbookBuffer({
      organisation: completeOrganisation(),
      records: await register.allRecords(),
      vendors: [],
      appVersion: '0.1.0-test',
      exportedAt: '2026-12-06T09:30:00.000Z',
      filters: '',
      layout: 'cnil',
      auditLog: log
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Journal d’audit')
    expect(sheet, workbook.worksheets.map((each) => each.name).join(', ')).toBeDefined()
    const cells = (row: number) => Array.from({ length: 9 }, (_, index) => String(sheet!.getRow(row).getCell(index + 1).value ?? ''))
    expect(cells(1)).toEqual(['Entrée', 'Quand (UTC)', 'Qui', 'Identifiant de l’utilisateur', 'Objet', 'Identifiant de l’objet', 'Action', 'Résumé', 'Modifications (champ : avant → après)'])
    const rows = [2, 3, 4, 5].map(cells)
    // Sorted by seq: the app's two entries (1, 2), then the two older ones (101, 102).
    expect(rows.map((row) => [row[0], row[4], row[6], row[7]])).toEqual([
      ['1', 'Fiche', 'Création', 'PA-0001 créée'],
      ['2', 'Fiche', 'Modification', 'PA-0001 modifiée'],
      ['101', 'Fiche', 'Création', 'PA-0001 created'],
      ['102', 'Fiche', 'Modification', 'PA-0001 edited']
    ])
    expect(rows[1]![8]).toBe('Responsable opérationnel : (vide) → RH')
  })
})

describe('the command line', () => {
  it('writes the keys with `templates apply`, and `export --layout dsk` says them in German', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ropa-audit-i18n-'))
    try {
      const backupFile = join(directory, 'applied.json')
      const applied = await ropa(['templates', 'apply', FIXTURE_PACK_FILE, '--activity', 'accounts', '-o', backupFile])
      expect(applied.code, applied.stderr).toBe(0)
      const parsed = parseBackupText(readFileSync(backupFile, 'utf8'))
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
      expect(parsed.backup.auditLog.map((entry) => said(entry).de)).toEqual([
        'Vorlagenpaket acme-widgets 1.0.0 installiert (Befehlszeile)',
        'Anbieter Acme Widgets Ltd aus seinem Vorlagenpaket erfasst (Befehlszeile)',
        'PA-0001 aus Vorlage acme-widgets 1.0.0 angelegt, Tätigkeit accounts (Befehlszeile)'
      ])
      const workbookFile = join(directory, 'verzeichnis.xlsx')
      const exported = await ropa(['export', backupFile, '-o', workbookFile, '--layout', 'dsk'])
      expect(exported.code, exported.stderr).toBe(0)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(readFileSync(workbookFile) as unknown as ArrayBuffer)
      const sheet = workbook.getWorksheet('Prüfprotokoll')
      expect(sheet, workbook.worksheets.map((each) => each.name).join(', ')).toBeDefined()
      const summaries = [2, 3, 4].map((row) => String(sheet!.getRow(row).getCell(8).value))
      expect(summaries).toEqual(parsed.backup.auditLog.map((entry) => said(entry).de))
      expect(String(sheet!.getRow(2).getCell(5).value)).toBe('Vorlagenpaket')
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})

describe('approval refusals', () => {
  it('are keys said in German: not in review, an error finding, an open item and the same editor', async () => {
    const { register, approvals } = await openRegister('Dana Fischer')
    await register.saveOrganisation(completeOrganisation())
    const form = formOfRecord(completeControllerRecord())
    const draft = await register.createRecord({ ...form, status: 'draft' })
    const notInReview = await approvals.approve(draft.id)
    expect(notInReview.ok).toBe(false)
    if (notInReview.ok) return
    expect(notInReview.reasons).toEqual(['Only a record that is in review can be approved: set its status to "In review" and save it first.'])
    expect(notInReview.reasonRefs.map((ref) => translateMessage(ref, 'de'))).toEqual([
      'Nur ein Eintrag in Prüfung kann freigegeben werden: Setzen Sie seinen Status auf „In Prüfung“ und speichern Sie ihn zuerst.'
    ])

    const inReview = await register.createRecord({
      ...form,
      nextReview: '',
      purposes: form.purposes!.map((purpose, index) => (index === 0 ? { ...purpose, lawfulBasis: '' } : purpose)),
      status: 'in-review',
      openItems: [{ id: 'o1', field: 'recipients.0.contractReference', note: 'Kein AVV gefunden.', quotes: [], resolution: 'open', resolutionNote: '' }]
    })
    await approvals.saveSettings({ separateApprover: true })
    const refused = await approvals.approve(inReview.id)
    if (refused.ok) throw new Error('approved')
    expect(refused.reasonRefs.map((ref) => translateMessage(ref, 'en'))).toEqual(refused.reasons)
    expect(refused.reasonRefs.map((ref) => translateMessage(ref, 'de'))).toEqual([
      expect.stringMatching(/^Art\. 6 Abs\. 1 – .*Rechtsgrundlage.* \(Zweck 1 › Rechtsgrundlage\)$/),
      'Offener Punkt noch nicht entschieden – Empfänger 1 › Vertrag zur Auftragsverarbeitung: Kein AVV gefunden. Markieren Sie ihn als erledigt oder akzeptieren Sie ihn mit einer Notiz, die den Grund nennt.',
      'Dana Fischer hat diesen Eintrag zuletzt geändert; bei „separate freigebende Person“ muss jemand anderes ihn freigeben.'
    ])
    expect(translateMessage(refused.reasonRefs[0]!, 'fr')).toMatch(/^Art\. 6, par\. 1 : .* \(Finalité 1 › Base légale\)$/)
  })
})
