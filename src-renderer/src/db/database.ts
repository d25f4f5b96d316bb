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

// version 4: see incomplete

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
