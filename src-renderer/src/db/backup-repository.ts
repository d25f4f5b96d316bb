/**
 * The whole database as one backup (core/backup/backup-format.ts), and restore: everything the
 * backup holds replaces what is stored, in ONE transaction, so that a failure half-way leaves
 * the register exactly as it was. The caller validates the file (parseBackupText) and takes an
 * automatic backup of the current data before calling `restore`.
 */
import { anchorOf, type AuditAnchor, type AuditEntry, type ChainVerification } from '@core/audit/audit-chain'
import { backupRestoredRef } from '@core/audit/audit-summary'
import { backupAuditTrail, createBackup, type Backup } from '@core/backup/backup-format'
import type { StoredRecord } from '@core/records/model'
import Dexie from 'dexie'
import type { InstalledPack } from '@core/templates/installed-pack'
import type { Vendor } from '@core/templates/vendor'
import { ORGANISATION_ROW_ID, type RopaDatabase } from './database'
import { getAll, putAll } from './native-store'
import { AUDIT_ANCHOR_KEY, NoUserError, USER_PROFILE_KEY, type RegisterRepository, type UserProfile } from './register-repository'

const LAST_BACKUP_KEY = 'lastBackup'

/** The last backup the user can rely on: a file they saved, or (Electron) one in the user-data folder. */
export interface LastBackup {
  at: string
  kind: 'file' | 'automatic'
  /** File name or folder, for display. */
  location: string
}

/** What a backup holds, for the confirmation before a restore. */
export interface BackupSummary {
  exportedAt: string
  appVersion: string
  organisationName: string | null
  userName: string | null
  records: number
  auditEntries: number
  vendors: number
  packs: number
  /** The backup's head hash and count as the app recorded them (older backups: as its log stands). */
  auditAnchor: AuditAnchor
  /** The log's links and hashes, and its end against the backup's anchor where it has one. */
  auditChain: ChainVerification
}

export function summariseBackup(backup: Backup): BackupSummary {
  const { anchor, verification } = backupAuditTrail(backup)
  return {
    exportedAt: backup.exportedAt,
    appVersion: backup.appVersion,
    organisationName: backup.organisation?.controller.name || null,
    userName: backup.userProfile?.name || null,
    records: backup.records.length,
    auditEntries: backup.auditLog.length,
    vendors: backup.vendors.length,
    packs: backup.packs.length,
    auditAnchor: anchor,
    auditChain: verification
  }
}

export class BackupRepository {
  private readonly lastBackupListeners = new Set<() => void>()

  constructor(
    private readonly db: RopaDatabase,
    private readonly register: RegisterRepository,
    private readonly appVersion: string,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Everything, read in one transaction so that the backup is one consistent moment. */
  async takeBackup(): Promise<Backup> {
    const { db } = this
    return db.transaction('r', [db.records, db.organisation, db.auditLog, db.meta, db.vendors, db.packs, db.packArchive], async (transaction) => {
      const all = <T,>(name: string) => getAll<T>(transaction.idbtrans.objectStore(name))
      const [organisationRow, profile, anchor, records, auditLog, vendors, packs, packArchive] = await Dexie.Promise.all([
        db.organisation.get(ORGANISATION_ROW_ID),
        db.meta.get(USER_PROFILE_KEY),
        db.meta.get(AUDIT_ANCHOR_KEY),
        all<StoredRecord>('records'),
        all<AuditEntry>('auditLog'),
        all<Vendor>('vendors'),
        all<InstalledPack>('packs'),
        all<InstalledPack>('packArchive')
      ])
      const organisation = organisationRow ? (({ id: _id, ...rest }) => rest)(organisationRow) : null
      return createBackup({
        exportedAt: this.now().toISOString(),
        appVersion: this.appVersion,
        organisation,
        userProfile: (profile?.value as UserProfile | undefined) ?? null,
        records,
        auditLog,
        // A database from before the anchor existed: its log as it stands.
        auditAnchor: (anchor?.value as AuditAnchor | undefined) ?? anchorOf([...auditLog].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))),
        vendors,
        packs,
        packArchive
      })
    })
  }

  /**
   * Replaces the organisation, records, audit log, vendors, packs and pack archive with the
   * backup's, and adds one audit entry saying so, all in one transaction. The user stays who
   * they are: the person at this computer restores the backup, and their id must not become
   * another's (that would let them pass "require a separate approver"); the backup's user is
   * taken only when no one is set up here. The audit anchor becomes the backup's (so a backup
   * whose log lost entries stays visibly broken), then moves with the restore's own entry. The
   * reference counter never goes back, so that no reference is ever given to two different
   * activities. A backup made before the pack archive was backed up leaves the archive as it is.
   */
  async restore(backup: Backup): Promise<BackupSummary> {
    const { db } = this
    const current = await this.register.getUserProfile()
    const fromBackup = backup.userProfile?.name.trim() ? { ...backup.userProfile, id: backup.userProfile.id || crypto.randomUUID() } : undefined
    const user: UserProfile | undefined = current ?? fromBackup
    if (!user) throw new NoUserError()
    const summary = summariseBackup(backup)
    await db.transaction('rw', [db.records, db.organisation, db.auditLog, db.meta, db.vendors, db.packs, db.packArchive], async (transaction) => {
      const { packArchive } = backup
      await Promise.all([db.records.clear(), db.organisation.clear(), db.auditLog.clear(), db.vendors.clear(), db.packs.clear(), packArchive && db.packArchive.clear()])
      const store = (name: string) => transaction.idbtrans.objectStore(name)
      await Dexie.Promise.all([
        putAll(store('records'), backup.records),
        putAll(store('auditLog'), backup.auditLog),
        // Validated by parseBackupText with the stored rows' own schemas (defaults filled in).
        putAll(store('vendors'), backup.vendors),
        putAll(store('packs'), backup.packs),
        putAll(store('packArchive'), packArchive ?? [])
      ])
      if (backup.organisation) await db.organisation.put({ ...backup.organisation, id: ORGANISATION_ROW_ID })
      if (!current) await db.meta.put({ key: USER_PROFILE_KEY, value: user })
      await this.register.setAuditAnchor(summary.auditAnchor)
      await this.register.moveReferenceCounterPast(backup.records)
      await this.register.appendAudit(
        'register',
        'backup',
        'restore',
        backupRestoredRef(backup.exportedAt, backup.records.length, backup.auditLog.length, summary.auditChain.ok),
        [],
        user
      )
    })
    return summary
  }

  async lastBackup(): Promise<LastBackup | undefined> {
    return (await this.db.meta.get(LAST_BACKUP_KEY))?.value as LastBackup | undefined
  }

  async markBackupTaken(backup: LastBackup): Promise<void> {
    await this.db.meta.put({ key: LAST_BACKUP_KEY, value: backup })
    for (const listener of this.lastBackupListeners) listener()
  }

  onLastBackupChange(listener: () => void): () => void {
    this.lastBackupListeners.add(listener)
    return () => this.lastBackupListeners.delete(listener)
  }
}
