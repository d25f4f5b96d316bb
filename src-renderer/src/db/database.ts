/**
 * The app's IndexedDB database. Each version's schema is kept as it was shipped, so that
 * Dexie can upgrade any older database a DPO still has on disk.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie'
import type { AuditEntry } from '@core/audit/audit-chain'
import type { Organisation, StoredRecord } from '@core/records/model'
import type { InstalledPack } from '@core/templates/installed-pack'
import type { Vendor } from '@core/templates/vendor'
import { upgradeLegacyTransfer } from '@core/records/legacy-transfer'

// Their zod schemas live in the core (they are validated in backups too); re-exported for the pages.
export type { InstalledPack, Vendor }

export const DATABASE_NAME = 'ropa-register'
export const ORGANISATION_ROW_ID = 'organisation'

export interface OrganisationRow extends Organisation {
  id: typeof ORGANISATION_ROW_ID
}

export interface MetaRow {
  key: string
  value: unknown
}

/** Version 1: the register, the organisation, the audit trail and small settings. */
export const SCHEMA_V1 = {
  records: 'id, &reference, role, status, businessFunction, nextReview, updatedAt',
  organisation: 'id',
  auditLog: '++seq, [entity+entityId]',
  meta: 'key'
} as const

/**
 * Version 2: template packs (the installed version of each, and the versions they replaced)
 * and vendors; records gain an index on the pack they were made from.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  records: `${SCHEMA_V1.records}, origin.packId`,
  packs: 'id, vendorName',
  packArchive: '[id+version], id',
  vendors: 'id, name, packId'
} as const

/**
 * Version 3: every record carries a revision, counted up by each write, so that a save made
 * from a stale copy is refused. The schema's tables and indexes are those of version 2; the
 * upgrade gives every existing record revision 1.
 */
export const SCHEMA_V3 = SCHEMA_V2

/**
 * Version 4: open items are resolved or accepted with a note (`resolution`, `resolutionNote`)
 * instead of ticked (`resolved`), and records carry the fields of the migration contract
 * (`previousReference`, `notes`, `importedFrom`). Tables and indexes are those of version 3.
 */
export const SCHEMA_V4 = SCHEMA_V3

/** A stored open item as versions 1–3 wrote it, or as version 4 does. */
type StoredOpenItem = Record<string, unknown> & { resolved?: unknown; resolution?: unknown; resolutionNote?: unknown }

/** Brings a record stored by versions 1–3 to the version 4 shape; what it already has is kept. */
export function upgradeRecordToV4(record: Record<string, unknown>): void {
  if (typeof record.previousReference !== 'string') record.previousReference = ''
  if (typeof record.notes !== 'string') record.notes = ''
  if (!Array.isArray(record.importedFrom)) record.importedFrom = []
  if (!Array.isArray(record.openItems)) return
  for (const item of record.openItems as StoredOpenItem[]) {
    if (typeof item !== 'object' || item === null) continue
    if (typeof item.resolution !== 'string') item.resolution = item.resolved === true ? 'resolved' : 'open'
    if (typeof item.resolutionNote !== 'string') item.resolutionNote = ''
    delete item.resolved
  }
}

/**
 * Version 5: a transfer names its mechanism and instrument instead of one `safeguard`. The
 * tables are those of version 3; the upgrade reads each stored transfer's safeguard into the
 * new fields (core/records/legacy-transfer.ts), stating nothing the old value did not say.
 */
export const SCHEMA_V5 = SCHEMA_V3

export class RopaDatabase extends Dexie {
  records!: Table<StoredRecord, string>
  organisation!: Table<OrganisationRow, string>
  auditLog!: Table<AuditEntry, number>
  meta!: Table<MetaRow, string>
  packs!: Table<InstalledPack, string>
  packArchive!: Table<InstalledPack, [string, string]>
  vendors!: Table<Vendor, string>

  constructor(name: string = DATABASE_NAME, options?: DexieOptions) {
    super(name, options)
    this.version(1).stores(SCHEMA_V1)
    this.version(2).stores(SCHEMA_V2)
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade((transaction) =>
        transaction
          .table<StoredRecord, string>('records')
          .toCollection()
          .modify((record) => {
            if (typeof record.revision !== 'number') record.revision = 1
          })
      )
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade((transaction) =>
        transaction
          .table<Record<string, unknown>, string>('records')
          .toCollection()
          .modify((record) => upgradeRecordToV4(record))
      )
    // Version 5 is the transfers' (instrument fields); keep versions in number order.

    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade((transaction) =>
        transaction
          .table<StoredRecord, string>('records')
          .toCollection()
          .modify((record) => {
            record.transfers = record.transfers.map((transfer) => upgradeLegacyTransfer(transfer))
          })
      )
  }
}
