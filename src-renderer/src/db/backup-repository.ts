/**
 * The whole database as one backup (core/backup/backup-format.ts), and restore: everything the
 * backup holds replaces what is stored, in ONE transaction, so that a failure half-way leaves
 * the register exactly as it was. The caller validates the file (parseBackupText) and takes an
 * automatic backup of the current data before calling `restore`.
 */
import { verifyChain, type AuditEntry, type ChainVerification } from '@core/audit/audit-chain'
import { createBackup, type Backup } from '@core/backup/backup-format'
import type { StoredRecord } from '@core/records/model'
import Dexie from 'dexie'
import { ORGANISATION_ROW_ID, type InstalledPack, type RopaDatabase, type Vendor } from './database'
import { getAll, putAll } from './native-store'
import { USER_PROFILE_KEY, type RegisterRepository, type UserProfile } from './register-repository'

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
  auditChain: ChainVerification
}

export function summariseBackup(backup: Backup): BackupSummary {
  return {
    exportedAt: backup.exportedAt,
    appVersion: backup.appVersion,
    organisationName: backup.organisation?.controller.name || null,
    userName: backup.userProfile?.name || null,
    records: backup.records.length,
    auditEntries: backup.auditLog.length,
    vendors: backup.vendors.length,
    packs: backup.packs.length,
    auditChain: verifyChain([...backup.auditLog].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)))
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
      const [organisationRow, profile, records, auditLog, vendors, packs, packArchive] = await Dexie.Promise.all([
        db.organisation.get(ORGANISATION_ROW_ID),
        db.meta.get(USER_PROFILE_KEY),
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
        // Vendor and pack rows are plain objects; the backup format checks only their identity.
        vendors: vendors as unknown as Backup['vendors'],
        packs: packs as unknown as Backup['packs'],
        packArchive: packArchive as unknown as Backup['packs']
      })
    })
  }

  /**
   * Replaces the organisation, user profile, records, audit log, vendors, packs and pack
   * archive with the backup's, and adds one audit entry saying so, all in one transaction. The
   * reference counter never goes back, so that no reference is ever given to two different
   * activities. A backup made before the pack archive was backed up leaves the archive as it is.
   */
  async restore(backup: Backup): Promise<BackupSummary> {
    const { db } = this
    const actor = await this.register.currentActor()
    const summary = summariseBackup(backup)
    await db.transaction('rw', [db.records, db.organisation, db.auditLog, db.meta, db.vendors, db.packs, db.packArchive], async (transaction) => {
      const { packArchive } = backup
      await Promise.all([db.records.clear(), db.organisation.clear(), db.auditLog.clear(), db.vendors.clear(), db.packs.clear(), packArchive && db.packArchive.clear()])
      const store = (name: string) => transaction.idbtrans.objectStore(name)
      await Dexie.Promise.all([
        putAll(store('records'), backup.records),
        putAll(store('auditLog'), backup.auditLog),
        putAll(store('vendors'), backup.vendors as unknown as Vendor[]),
        putAll(store('packs'), backup.packs as unknown as InstalledPack[]),
        putAll(store('packArchive'), (packArchive ?? []) as unknown as InstalledPack[])
      ])
      if (backup.organisation) await db.organisation.put({ ...backup.organisation, id: ORGANISATION_ROW_ID })
      if (backup.userProfile) await db.meta.put({ key: USER_PROFILE_KEY, value: backup.userProfile })
      else await db.meta.delete(USER_PROFILE_KEY)
      await this.register.moveReferenceCounterPast(backup.records)
      await this.register.appendAudit(
        'register',
        'backup',
        'restore',
        `Register restored from a backup made at ${backup.exportedAt} (${backup.records.length} records, ${backup.auditLog.length} audit entries)`,
        [],
        actor
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
