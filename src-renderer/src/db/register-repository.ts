/**
 * Every read and write of the register goes through here. Each write validates its input
 * first, then changes the data and appends its audit entry in one transaction: either all
 * of it is stored or none of it.
 */
import { type AuditAction, type AuditEntity, type AuditEntry, GENESIS_HASH, chainEntry } from '@core/audit/audit-chain'
import { diffRecords, type FieldChange } from '@core/records/diff'
import { toValidatedRecord } from '@core/records/validated-record'
import { statusAfterEdit } from '@core/records/workflow'
import {
  formatReference,
  formOfRecord,
  referenceNumber,
  organisationSchema,
  recordFormSchema,
  storedRecordSchema,
  type Organisation,
  type RecordFormInput,
  type StoredRecord
} from '@core/records/model'
import Dexie from 'dexie'
import { ORGANISATION_ROW_ID, type RopaDatabase } from './database'
import { getAllKeys, getOne, markRecordsChanged, putAll } from './native-store'

export interface UserProfile {
  name: string
  role: string
}

/** What a write changed, as the feature repositories used to announce it (see `emit`). */
export type RegisterChange = { kind: 'records'; ids: string[]; records?: StoredRecord[] } | { kind: 'organisation' } | { kind: 'profile' } | { kind: 'all' }

const NEXT_REFERENCE_KEY = 'nextReferenceNumber'
export const USER_PROFILE_KEY = 'userProfile'
const IMPORT_CHUNK = 500

export class RecordNotFoundError extends Error {
  constructor(id: string) {
    super(`No record with id ${id}`)
  }
}

/**
 * A save based on a revision that is no longer the stored one: someone (another window or
 * tab) changed the record in between. Nothing was written; `stored` is what is stored now.
 */
export class StaleRecordError extends Error {
  constructor(
    readonly stored: StoredRecord,
    readonly baseRevision: number
  ) {
    super(`${stored.reference} was changed elsewhere: you edited revision ${baseRevision}, the stored one is revision ${stored.revision}. Nothing was saved.`)
  }
}

/**
 * The revision an edit was based on. The write is refused unless it is still the stored one;
 * `overwrite` says the editor saw that stored revision and replaces it on purpose (audited).
 */
export interface WriteBase {
  revision: number
  overwrite?: boolean
}

export class RegisterRepository {
  constructor(
    readonly db: RopaDatabase,
    private readonly now: () => Date = () => new Date()
  ) {}

  /**
   * @deprecated Changes reach readers through Dexie (liveQuery and `storagemutated`, which
   * also cover other windows); kept as a no-op only so that callers on other branches merge.
   */
  emit(_change: RegisterChange): void {}

  // ---- user profile -------------------------------------------------------------------

  async getUserProfile(): Promise<UserProfile | undefined> {
    return (await this.db.meta.get(USER_PROFILE_KEY))?.value as UserProfile | undefined
  }

  async saveUserProfile(profile: UserProfile): Promise<void> {
    await this.db.meta.put({ key: USER_PROFILE_KEY, value: { name: profile.name.trim(), role: profile.role.trim() } })
  }

  /** The name of the local user, written into every audit entry. */
  async currentActor(): Promise<string> {
    return (await this.getUserProfile())?.name ?? ''
  }

  // ---- audit trail --------------------------------------------------------------------

  /** Appends to the hash-chained audit log. Must be called inside a transaction that includes auditLog. */
  async appendAudit(entity: AuditEntity, entityId: string, action: AuditAction, summary: string, changes: FieldChange[], actor: string): Promise<void> {
    const last = await this.db.auditLog.orderBy('seq').last()
    const entry = chainEntry({ at: this.now().toISOString(), actor, entity, entityId, action, summary, changes }, last?.hash ?? GENESIS_HASH)
    await this.db.auditLog.add(entry)
  }

  async recordHistory(recordId: string): Promise<AuditEntry[]> {
    const entries = await this.db.auditLog.where('[entity+entityId]').equals(['record', recordId]).toArray()
    return entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
  }

  // ---- organisation -------------------------------------------------------------------

  async getOrganisation(): Promise<Organisation | undefined> {
    const row = await this.db.organisation.get(ORGANISATION_ROW_ID)
    if (!row) return undefined
    const { id: _id, ...organisation } = row
    return organisation
  }

  async saveOrganisation(input: unknown): Promise<Organisation> {
    const organisation = organisationSchema.parse(input)
    organisation.updatedAt = this.now().toISOString()
    const actor = await this.currentActor()
    await this.db.transaction('rw', this.db.organisation, this.db.auditLog, async () => {
      const before = await this.getOrganisation()
      await this.db.organisation.put({ ...organisation, id: ORGANISATION_ROW_ID })
      const changes = diffRecords(before, organisation)
      await this.appendAudit('organisation', ORGANISATION_ROW_ID, before ? 'update' : 'create', before ? 'Organisation profile edited' : 'Organisation profile created', changes, actor)
    })
    return organisation
  }

  // ---- records ------------------------------------------------------------------------

  getRecord(id: string): Promise<StoredRecord | undefined> {
    return this.db.records.get(id)
  }

  /** Must be called inside a transaction that includes meta. */
  /** Reserves `count` consecutive reference numbers and returns the first. */
  private async takeReferenceNumbers(count: number): Promise<number> {
    const next = ((await this.db.meta.get(NEXT_REFERENCE_KEY))?.value as number | undefined) ?? 1
    await this.db.meta.put({ key: NEXT_REFERENCE_KEY, value: next + count })
    return next
  }

  async createRecord(input: RecordFormInput): Promise<StoredRecord> {
    const form = recordFormSchema.parse(input)
    const actor = await this.currentActor()
    const timestamp = this.now().toISOString()
    const record = await this.db.transaction('rw', this.db.records, this.db.meta, this.db.auditLog, async () => {
      const reference = formatReference(await this.takeReferenceNumbers(1))
      const created: StoredRecord = { ...form, id: crypto.randomUUID(), reference, createdAt: timestamp, updatedAt: timestamp, approvedBy: '', approvedAt: '', revision: 1 }
      await this.db.records.add(created)
      await this.appendAudit('record', created.id, 'create', `${reference} created`, diffRecords(undefined, form), actor)
      return created
    })
    return record
  }

  /**
   * Saves the editor's form over the stored record. With `base`, the save is checked against
   * the stored revision inside the write transaction and refused with `StaleRecordError` when
   * another write came first; with `base.overwrite`, the audit entry says which revision it
   * overwrote. Every write that changes the record counts its revision up by one.
   */
  async updateRecord(id: string, input: RecordFormInput, base?: WriteBase): Promise<StoredRecord> {
    const form = recordFormSchema.parse(input)
    const actor = await this.currentActor()
    return this.db.transaction('rw', this.db.records, this.db.auditLog, async () => {
      const before = await this.db.records.get(id)
      if (!before) throw new RecordNotFoundError(id)
      if (base && base.revision !== before.revision) throw new StaleRecordError(before, base.revision)
      const after: StoredRecord = { ...before, ...form }
      after.status = statusAfterEdit(before.status, after.status, diffRecords(before, after))
      const changes = diffRecords(before, after)
      if (changes.length === 0) return before
      after.updatedAt = this.now().toISOString()
      after.revision = before.revision + 1
      await this.db.records.put(after)
      const summary = base?.overwrite ? `${before.reference} edited, overwriting revision ${before.revision} (changed elsewhere)` : `${before.reference} edited`
      await this.appendAudit('record', id, 'update', summary, changes, actor)
      return after
    })
  }

  async duplicateRecord(id: string): Promise<StoredRecord> {
    const original = await this.getRecord(id)
    if (!original) throw new RecordNotFoundError(id)
    return this.createRecord({ ...formOfRecord(original), name: `Copy of ${original.name}`, status: 'draft', lastReviewed: '' })
  }

  /** Archives the stored record; `revision` (the one the caller shows) makes it refuse a stale one. */
  async archiveRecord(id: string, revision?: number): Promise<StoredRecord> {
    const record = await this.getRecord(id)
    if (!record) throw new RecordNotFoundError(id)
    return this.updateRecord(id, { ...formOfRecord(record), status: 'archived' }, { revision: revision ?? record.revision })
  }

  /** Deletes a record and returns it, so that the deletion can be undone with `restoreRecord`. */
  async deleteRecord(id: string): Promise<StoredRecord> {
    const actor = await this.currentActor()
    const deleted = await this.db.transaction('rw', this.db.records, this.db.auditLog, async () => {
      const record = await this.db.records.get(id)
      if (!record) throw new RecordNotFoundError(id)
      await this.db.records.delete(id)
      await this.appendAudit('record', id, 'delete', `${record.reference} deleted`, diffRecords(record, undefined), actor)
      return record
    })
    return deleted
  }

  /** Puts a deleted record back; restoring is a write, so its revision moves on. */
  async restoreRecord(record: StoredRecord): Promise<void> {
    const parsed = storedRecordSchema.parse(record)
    const restored = { ...parsed, revision: parsed.revision + 1 }
    const actor = await this.currentActor()
    await this.db.transaction('rw', this.db.records, this.db.auditLog, async () => {
      await this.db.records.add(restored)
      await this.appendAudit('record', restored.id, 'restore', `${restored.reference} restored`, diffRecords(undefined, restored), actor)
    })
  }

  /**
   * Stores many new records in one transaction with one audit entry naming them all
   * (imports, demo data). References are assigned here, in order.
   */
  async insertRecords(inputs: RecordFormInput[]): Promise<StoredRecord[]> {
    const forms = inputs.map((input) => recordFormSchema.parse(input))
    const actor = await this.currentActor()
    const timestamp = this.now().toISOString()
    const records = await this.db.transaction('rw', this.db.records, this.db.meta, this.db.auditLog, async () => {
      const firstNumber = await this.takeReferenceNumbers(forms.length)
      const created = forms.map((form, index): StoredRecord => ({
        ...form,
        id: crypto.randomUUID(),
        reference: formatReference(firstNumber + index),
        createdAt: timestamp,
        updatedAt: timestamp,
        approvedBy: '',
        approvedAt: '',
        revision: 1
      }))
      await this.db.records.bulkAdd(created)
      const summary = `${created.length} records added${created.length ? ` (${formatReference(firstNumber)}–${formatReference(firstNumber + created.length - 1)})` : ''}`
      await this.appendAudit('register', 'records', 'import', summary, [], actor)
      return created
    })
    return records
  }

  /**
   * Adds records that already have their identity (from a backup or the app's own workbook),
   * all validated before anything is written, in one transaction. Records validated when
   * their file was read (see `safeParseStoredRecord`) are not checked twice. The reference
   * counter moves past the highest reference so that new records never collide.
   */
  async importStoredRecords(inputs: readonly unknown[], summary: string): Promise<StoredRecord[]> {
    const actor = await this.currentActor()
    const records = await this.db.transaction('rw', this.db.records, this.db.meta, this.db.auditLog, async (transaction) => {
      // A pipeline: each chunk is validated (unless it was already) while IndexedDB writes the
      // chunk before it; even already validated records are written faster in chunks than in
      // one loop, because IndexedDB starts on a chunk while the next is handed over. An
      // invalid record throws and a failed put aborts the transaction, so nothing at all is
      // stored. The puts go to the native store of this same transaction: Dexie's bulkPut
      // costs about 60% more than raw puts here (see `npm run bench`), and this write needs
      // none of its middleware.
      const store = transaction.idbtrans.objectStore('records')
      // An imported record that replaces a stored one is a write to it: its revision moves past
      // the stored one, so that an editor open on the stored version sees the change.
      const storedIds = new Set(await getAllKeys<string>(store))
      const pastStored = (record: StoredRecord): Promise<StoredRecord> | StoredRecord =>
        storedIds.has(record.id) ? getOne<StoredRecord>(store, record.id).then((stored) => ({ ...record, revision: Math.max(record.revision, (stored?.revision ?? 0) + 1) })) : record
      const valid: StoredRecord[] = []
      // Two chunks in flight: the writer always has the next one queued while this one is validated.
      const inFlight: Promise<unknown>[] = []
      for (let start = 0; start < inputs.length; start += IMPORT_CHUNK) {
        let chunk = inputs.slice(start, start + IMPORT_CHUNK).map(toValidatedRecord)
        if (chunk.some((record) => storedIds.has(record.id))) chunk = await Dexie.Promise.all(chunk.map(pastStored))
        if (inFlight.length === 2) await inFlight.shift()
        inFlight.push(putAll(store, chunk))
        valid.push(...chunk)
      }
      await Dexie.Promise.all(inFlight)
      // The native puts bypass Dexie, so tell its change tracking (liveQuery, other windows) which records changed.
      markRecordsChanged(transaction, valid.map((record) => record.id))
      await this.moveReferenceCounterPast(valid)
      await this.appendAudit('register', 'records', 'import', summary, [], actor)
      return valid
    })
    return records
  }

  /** Keeps new references clear of the given ones. Must be called inside a transaction that includes meta. */
  async moveReferenceCounterPast(records: readonly StoredRecord[]): Promise<void> {
    const highest = records.reduce((max, record) => Math.max(max, referenceNumber(record.reference)), 0)
    const next = ((await this.db.meta.get(NEXT_REFERENCE_KEY))?.value as number | undefined) ?? 1
    if (highest >= next) await this.db.meta.put({ key: NEXT_REFERENCE_KEY, value: highest + 1 })
  }

  // ---- reading the register in pages ---------------------------------------------------

  /** Every record, e.g. to classify an import's rows against the register. */
  allRecords(): Promise<StoredRecord[]> {
    return this.db.records.toArray()
  }

  firstRecords(limit: number): Promise<StoredRecord[]> {
    return this.db.records.orderBy('reference').limit(limit).toArray()
  }

  countRecords(): Promise<number> {
    return this.db.records.count()
  }

  /** Reads every record in primary-key pages, so that a large register loads with visible progress. */
  async forEachRecordPage(pageSize: number, onPage: (records: StoredRecord[]) => void): Promise<void> {
    let lastId: string | undefined
    for (;;) {
      const page = await (lastId === undefined ? this.db.records.orderBy(':id') : this.db.records.where(':id').above(lastId)).limit(pageSize).toArray()
      if (page.length === 0) return
      onPage(page)
      lastId = page.at(-1)?.id
    }
  }
}
