/**
 * Every read and write of the register goes through here. Each write validates its input
 * first, then changes the data and appends its audit entry in one transaction: either all
 * of it is stored or none of it.
 */
import {
  type AuditAction,
  type AuditAnchor,
  type AuditEntity,
  type AuditEntry,
  type AuditPerson,
  type ChainVerification,
  GENESIS_HASH,
  anchorOf,
  chainEntry,
  verifyChain
} from '@core/audit/audit-chain'
import { auditRef, recordsAddedRef } from '@core/audit/audit-summary'
import { localToday } from '@core/checks/dates'
import type { CheckContext } from '@core/checks/finding'
import type { MessageRef } from '@core/i18n/message'
import { inEnglish } from '@core/i18n/problem'
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
import { installedPackVersions } from '@core/templates/installed-pack'
import Dexie from 'dexie'
import { ORGANISATION_ROW_ID, RopaDatabase } from './database'
import { getAllKeys, getOne, markRecordsChanged, putAll } from './native-store'

/** The person using the app on this computer. `id` is made once and survives renames. */
export interface UserProfile {
  id: string
  name: string
  role: string
}
export type UserProfileInput = Pick<UserProfile, 'name' | 'role'>


const NEXT_REFERENCE_KEY = 'nextReferenceNumber'
export const USER_PROFILE_KEY = 'userProfile'
/** The audit chain's head hash and entry count, kept apart from the entries (see AuditAnchor). */
export const AUDIT_ANCHOR_KEY = 'auditAnchor'
const IMPORT_CHUNK = 500

export class RecordNotFoundError extends Error {
  constructor(id: string) {
    super(`No record with id ${id}`)
  }
}

/** Every audit entry names who made the change; without a user profile nothing can be written. */
export class NoUserError extends Error {
  constructor() {
    super('No user is set up on this computer: enter your name on the Organisation page first. Every change is recorded under the name of who made it.')
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

/** A repository on its own connection to the app's database: a Web Worker cannot share the page's. */
export function openRegisterRepository(databaseName: string): RegisterRepository {
  return new RegisterRepository(new RopaDatabase(databaseName))
}

export class RegisterRepository {
  constructor(
    readonly db: RopaDatabase,
    private readonly now: () => Date = () => new Date()
  ) {}

  // ---- user profile -------------------------------------------------------------------

  async getUserProfile(): Promise<UserProfile | undefined> {
    const stored = (await this.db.meta.get(USER_PROFILE_KEY))?.value as Partial<UserProfile> | undefined
    if (!stored) return undefined
    if (stored.id) return stored as UserProfile
    return this.giveUserAnId()
  }

  /** A profile saved before users had ids gets one the first time it is read, and keeps it. */
  private async giveUserAnId(): Promise<UserProfile | undefined> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const stored = (await this.db.meta.get(USER_PROFILE_KEY))?.value as Partial<UserProfile> | undefined
      if (!stored) return undefined
      if (stored.id) return stored as UserProfile
      const profile: UserProfile = { id: crypto.randomUUID(), name: stored.name ?? '', role: stored.role ?? '' }
      await this.db.meta.put({ key: USER_PROFILE_KEY, value: profile })
      return profile
    })
  }

  /**
   * Saves the current user's name and role, keeping their id. A rename is itself audited
   * (old → new), so that the trail shows that entries under two names are one person.
   */
  async saveUserProfile(input: UserProfileInput): Promise<UserProfile> {
    const current = await this.getUserProfile()
    return this.writeUserProfile(input, current, current?.id ?? crypto.randomUUID())
  }

  /**
   * Someone else now uses the app on this computer: a new user with a new id, so that
   * "require a separate approver" tells them apart from the previous user.
   */
  async switchUser(input: UserProfileInput): Promise<UserProfile> {
    const current = await this.getUserProfile()
    return this.writeUserProfile(input, undefined, crypto.randomUUID(), current)
  }

  /**
   * The first profile on this computer is not itself an entry (every entry its user writes
   * carries both id and name); a rename, a new role or a different person is.
   */
  private async writeUserProfile(input: UserProfileInput, before: UserProfile | undefined, id: string, previousUser?: UserProfile): Promise<UserProfile> {
    const profile: UserProfile = { id, name: input.name.trim(), role: input.role.trim() }
    if (profile.name === '') throw new NoUserError()
    const changes = diffRecords(before && { name: before.name, role: before.role }, { name: profile.name, role: profile.role })
    if (before && changes.length === 0) return before
    await this.db.transaction('rw', this.auditTables, async () => {
      await this.db.meta.put({ key: USER_PROFILE_KEY, value: profile })
      if (before) {
        const summary = before.name !== profile.name ? auditRef('user.renamed', { before: before.name, after: profile.name }) : auditRef('user.roleChanged', { name: profile.name })
        await this.appendAudit('user', profile.id, 'update', summary, changes, profile)
      } else if (previousUser) {
        await this.appendAudit('user', profile.id, 'create', auditRef('user.switched', { name: profile.name, previous: previousUser.name }), changes, profile)
      }
    })
    return profile
  }

  /** The local user as audit entries name them; blank when no one is set up (appendAudit then refuses). */
  async currentActor(): Promise<AuditPerson> {
    const profile = await this.getUserProfile()
    return { id: profile?.id ?? '', name: profile?.name ?? '' }
  }

  // ---- audit trail --------------------------------------------------------------------

  /** The tables every write that appends to the audit trail must include in its transaction. */
  get auditTables() {
    return [this.db.auditLog, this.db.meta]
  }

  /**
   * Appends to the hash-chained audit log and moves the anchor (head hash and count, in
   * `meta`) with it. Must be called inside a transaction over `auditTables`. Refuses an entry
   * without a user: the trail never records a change by nobody. A summary given as a catalogue key
   * (`audit:*`, see core/audit/audit-summary.ts) is stored both as the key and in English.
   */
  async appendAudit(entity: AuditEntity, entityId: string, action: AuditAction, summary: MessageRef | string, changes: FieldChange[], actor: AuditPerson): Promise<void> {
    const name = actor.name.trim()
    if (name === '' || !actor.id) throw new NoUserError()
    const last = await this.db.auditLog.orderBy('seq').last()
    const said = typeof summary === 'string' ? { summary } : { summary: inEnglish(summary), summaryRef: summary }
    const entry = chainEntry({ at: this.now().toISOString(), actor: name, actorId: actor.id, entity, entityId, action, ...said, changes }, last?.hash ?? GENESIS_HASH)
    await this.db.auditLog.add(entry)
    const anchor = await this.auditAnchor()
    // A database from before the anchor existed starts counting from its log as it stands.
    const count = anchor ? anchor.count + 1 : await this.db.auditLog.count()
    await this.setAuditAnchor({ headHash: entry.hash, count })
  }

  async auditAnchor(): Promise<AuditAnchor | undefined> {
    return (await this.db.meta.get(AUDIT_ANCHOR_KEY))?.value as AuditAnchor | undefined
  }

  /** Must be called inside a transaction that includes meta. */
  async setAuditAnchor(anchor: AuditAnchor): Promise<void> {
    await this.db.meta.put({ key: AUDIT_ANCHOR_KEY, value: anchor })
  }

  /**
   * Re-hashes the whole chain and compares its end with the anchor. A database from before the
   * anchor existed has none yet: its intact chain is verified alone and becomes the anchor.
   */
  async verifyAuditTrail(): Promise<{ verification: ChainVerification; entries: AuditEntry[]; anchor: AuditAnchor }> {
    const { entries, anchor } = await this.db.transaction('r', this.auditTables, async () => ({
      entries: await this.auditLog(),
      anchor: await this.auditAnchor()
    }))
    const verification = verifyChain(entries, anchor)
    if (anchor) return { verification, entries, anchor }
    const adopted = anchorOf(entries)
    if (verification.ok) {
      await this.db.transaction('rw', this.db.meta, async () => {
        if (!(await this.auditAnchor())) await this.setAuditAnchor(adopted)
      })
    }
    return { verification, entries, anchor: adopted }
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
    await this.db.transaction('rw', [this.db.organisation, ...this.auditTables], async () => {
      const before = await this.getOrganisation()
      await this.db.organisation.put({ ...organisation, id: ORGANISATION_ROW_ID })
      const changes = diffRecords(before, organisation)
      // Saving without a change is not a change: the trail would fill with empty entries.
      if (before && changes.length === 0) return
      await this.appendAudit('organisation', ORGANISATION_ROW_ID, before ? 'update' : 'create', auditRef(before ? 'organisation.edited' : 'organisation.created'), changes, actor)
    })
    return organisation
  }

  // ---- records ------------------------------------------------------------------------

  getRecord(id: string): Promise<StoredRecord | undefined> {
    return this.db.records.get(id)
  }

  /** Reserves `count` consecutive reference numbers and returns the first. Must be called inside a transaction that includes meta. */
  async takeReferenceNumbers(count: number): Promise<number> {
    const next = ((await this.db.meta.get(NEXT_REFERENCE_KEY))?.value as number | undefined) ?? 1
    await this.db.meta.put({ key: NEXT_REFERENCE_KEY, value: next + count })
    return next
  }

  async createRecord(input: RecordFormInput): Promise<StoredRecord> {
    const form = recordFormSchema.parse(input)
    const actor = await this.currentActor()
    const timestamp = this.now().toISOString()
    const record = await this.db.transaction('rw', [this.db.records, ...this.auditTables], async () => {
      const reference = formatReference(await this.takeReferenceNumbers(1))
      const created: StoredRecord = { ...form, id: crypto.randomUUID(), reference, createdAt: timestamp, updatedAt: timestamp, approvedBy: '', approvedAt: '', revision: 1 }
      await this.db.records.add(created)
      await this.appendAudit('record', created.id, 'create', auditRef('record.created', { reference }), diffRecords(undefined, form), actor)
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
    return this.db.transaction('rw', [this.db.records, ...this.auditTables], async () => {
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
      const summary = base?.overwrite
        ? auditRef('record.editedOverwriting', { reference: before.reference, revision: before.revision })
        : auditRef('record.edited', { reference: before.reference })
      await this.appendAudit('record', id, 'update', summary, changes, actor)
      return after
    })
  }

  async duplicateRecord(id: string): Promise<StoredRecord> {
    const original = await this.getRecord(id)
    if (!original) throw new RecordNotFoundError(id)
    return this.createRecord({ ...formOfRecord(original), name: original.name.trim() === '' ? '' : `Copy of ${original.name}`, status: 'draft', lastReviewed: '' })
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
    const deleted = await this.db.transaction('rw', [this.db.records, ...this.auditTables], async () => {
      const record = await this.db.records.get(id)
      if (!record) throw new RecordNotFoundError(id)
      await this.db.records.delete(id)
      await this.appendAudit('record', id, 'delete', auditRef('record.deleted', { reference: record.reference }), diffRecords(record, undefined), actor)
      return record
    })
    return deleted
  }

  /** Puts a deleted record back; restoring is a write, so its revision moves on. */
  async restoreRecord(record: StoredRecord): Promise<void> {
    const parsed = storedRecordSchema.parse(record)
    const restored = { ...parsed, revision: parsed.revision + 1 }
    const actor = await this.currentActor()
    await this.db.transaction('rw', [this.db.records, ...this.auditTables], async () => {
      await this.db.records.add(restored)
      await this.appendAudit('record', restored.id, 'restore', auditRef('record.restored', { reference: restored.reference }), diffRecords(undefined, restored), actor)
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
    const records = await this.db.transaction('rw', [this.db.records, ...this.auditTables], async () => {
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
      await this.appendAudit('register', 'records', 'import', recordsAddedRef(created.length, firstNumber), [], actor)
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
  async importStoredRecords(inputs: readonly unknown[], summary: MessageRef | string): Promise<StoredRecord[]> {
    const actor = await this.currentActor()
    const records = await this.db.transaction('rw', [this.db.records, ...this.auditTables], async (transaction) => {
      // A pipeline: each chunk is validated (unless it was already) while IndexedDB writes the
      // chunk before it; even already validated records are written faster in chunks than in
      // one loop, because IndexedDB starts on a chunk while the next is handed over. An
      // invalid record throws and a failed put aborts the transaction, so nothing at all is
      // stored. The puts go to the native store of this same transaction: Dexie's bulkPut
      // costs about 60% more than raw puts here (see `npm run bench`), and this write needs
      // none of its middleware.
      const store = transaction.idbtrans.objectStore('records')
      // An imported record that changes a stored one is a write to it: its revision moves past
      // the stored one, so that an editor open on the stored version sees the change. One that
      // says exactly what is stored keeps the stored revision (re-importing an export is no edit).
      const storedIds = new Set(await getAllKeys<string>(store))
      const pastStored = (record: StoredRecord): Promise<StoredRecord> =>
        storedIds.has(record.id) ? getOne<StoredRecord>(store, record.id).then((stored) =>
              stored && diffRecords(stored, record).length === 0 ? { ...record, revision: stored.revision } : { ...record, revision: Math.max(record.revision, (stored?.revision ?? 0) + 1) }
            ) : Dexie.Promise.resolve(record)
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
  /**
   * What the compliance checks need besides the records: the organisation, today and the
   * installed pack versions. `knownPackVersions`, when given, are versions the caller already
   * holds as current (the checks store hears of every pack change): the pack rows, policy texts
   * and all, are then not read again.
   */
  async checkContext(now: Date = new Date(), knownPackVersions?: Record<string, string>): Promise<CheckContext> {
    const [organisation, versions] = await Promise.all([this.getOrganisation(), knownPackVersions ?? this.db.packs.toArray().then(installedPackVersions)])
    return { organisation: organisation ?? null, today: localToday(now), installedPackVersions: versions }
  }

  /** The stored records with these ids, in the same order (undefined where one is gone). */
  recordsById(ids: readonly string[]): Promise<(StoredRecord | undefined)[]> {
    return this.db.records.bulkGet([...ids])
  }

  /** The audit trail, oldest entry first. */
  auditLog(): Promise<AuditEntry[]> {
    return this.db.auditLog.orderBy('seq').toArray()
  }

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
