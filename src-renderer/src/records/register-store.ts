/**
 * The register list held in memory: loaded once in pages (first rows first, so the list
 * appears at once), then kept current from Dexie's change events, which name the records
 * each write changed, in this window or any other: only those are read again. Search and
 * filters run over it without touching the database.
 */
import { toRegisterRow, type RegisterRow } from '@core/records/register-index'
import type { StoredRecord } from '@core/records/model'
import { onTableChanges, type TableChange } from '../db/change-events'
import type { RegisterRepository } from '../db/register-repository'

export interface RegisterSnapshot {
  rows: RegisterRow[]
  phase: 'idle' | 'first-rows' | 'indexing' | 'ready'
  loaded: number
  total: number
}

const FIRST_ROWS = 100
const PAGE_SIZE = 1000

export class RegisterStore {
  private readonly rowsById = new Map<string, RegisterRow>()
  /** The records behind the rows, shared with the checks so that the register is read once. */
  private readonly recordsById = new Map<string, StoredRecord>()
  private snapshot: RegisterSnapshot = { rows: [], phase: 'idle', loaded: 0, total: 0 }
  private readonly listeners = new Set<() => void>()
  private loading: Promise<void> | undefined
  /** A re-read of the whole register after a bulk change (restore, import), while it runs. */
  private rereading: Promise<void> | undefined

  constructor(private readonly repository: RegisterRepository) {
    onTableChanges(repository.db, ['records'], (changes) => void this.applyChange(changes.get('records')!))
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): RegisterSnapshot => this.snapshot

  /**
   * `replaced`: the ids of rows that changed in place (a save). Their new rows take the old
   * ones' places, so the list is not sorted again; anything else (rows added or removed) is.
   */
  private publish(patch: Partial<RegisterSnapshot>, replaced?: ReadonlySet<string>): void {
    const previous = this.snapshot.rows
    const rows =
      replaced
        ? previous.map((row) => (replaced.has(row.id) ? this.rowsById.get(row.id)! : row))
        : [...this.rowsById.values()].sort((a, b) => a.referenceNumber - b.referenceNumber)
    this.snapshot = { ...this.snapshot, ...patch, rows, loaded: Math.max(this.snapshot.loaded, rows.length) }
    for (const listener of this.listeners) listener()
  }

  private upsert(records: StoredRecord[]): void {
    for (const record of records) {
      this.rowsById.set(record.id, toRegisterRow(record))
      this.recordsById.set(record.id, record)
    }
  }

  load(): Promise<void> {
    this.loading ??= this.loadAll()
    return this.loading
  }

  private async loadAll(): Promise<void> {
    this.upsert(await this.repository.firstRecords(FIRST_ROWS))
    const total = await this.repository.countRecords()
    this.publish({ phase: this.rowsById.size < total ? 'indexing' : 'ready', total })
    if (this.rowsById.size >= total) return
    await this.repository.forEachRecordPage(PAGE_SIZE, (page) => {
      this.upsert(page)
      this.publish({ phase: 'indexing', loaded: this.rowsById.size })
    })
    this.publish({ phase: 'ready', total: this.rowsById.size })
  }

  /** The stored record as held in memory (undefined until the register has loaded it). */
  knownRecord(id: string): StoredRecord | undefined {
    return this.recordsById.get(id)
  }

  /** Every stored record, once the register has loaded. */
  async loadedRecords(): Promise<StoredRecord[]> {
    await this.load()
    // After a restore, the checks must see the restored records, not the ones before.
    await this.rereading
    return [...this.recordsById.values()]
  }

  private async applyChange(change: TableChange): Promise<void> {
    // A bulk write or a restore: read the register again (the list stays up meanwhile).
    if (change.all) {
      this.rereading = this.reloadInPlace()
      return this.rereading
    }
    const records = await this.repository.recordsById(change.keys)
    const replaced = new Set<string>()
    let added = false
    let removed = false
    change.keys.forEach((id, index) => {
      const record = records[index]
      if (record) {
        if (this.rowsById.has(id)) replaced.add(id)
        else added = true
        this.upsert([record])
      } else {
        removed ||= this.rowsById.delete(id)
        this.recordsById.delete(id)
      }
    })
    this.publish({ total: this.rowsById.size }, added || removed ? undefined : replaced)
  }

  /** Replaces the held records with what is stored now, publishing once when done. */
  private async reloadInPlace(): Promise<void> {
    await this.load()
    const stored = new Map<string, StoredRecord>()
    await this.repository.forEachRecordPage(PAGE_SIZE, (page) => {
      for (const record of page) stored.set(record.id, record)
    })
    for (const id of this.recordsById.keys()) {
      if (!stored.has(id)) {
        this.rowsById.delete(id)
        this.recordsById.delete(id)
      }
    }
    for (const record of stored.values()) {
      // Unchanged records keep their row, so memoised views need not recompute them.
      if (this.recordsById.get(record.id)?.revision !== record.revision || this.recordsById.get(record.id)?.updatedAt !== record.updatedAt) this.upsert([record])
    }
    this.publish({ total: this.rowsById.size })
  }
}
