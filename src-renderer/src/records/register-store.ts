/**
 * The register list held in memory: loaded once in pages (first rows first, so the list
 * appears at once), then kept current from the repository's change events. Search and
 * filters run over it without touching the database.
 */
import { toRegisterRow, type RegisterRow } from '@core/records/register-index'
import type { StoredRecord } from '@core/records/model'
import type { RegisterChange, RegisterRepository } from '../db/register-repository'

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

  constructor(private readonly repository: RegisterRepository) {
    repository.onChange((change) => void this.applyChange(change))
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): RegisterSnapshot => this.snapshot

  private publish(patch: Partial<RegisterSnapshot>): void {
    const rows = [...this.rowsById.values()].sort((a, b) => a.referenceNumber - b.referenceNumber)
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

  /** Every stored record, once the register has loaded. */
  async loadedRecords(): Promise<StoredRecord[]> {
    await this.load()
    return [...this.recordsById.values()]
  }

  /** Forgets everything and loads again (after a restore or import that replaced the register). */
  reload(): Promise<void> {
    this.rowsById.clear()
    this.recordsById.clear()
    this.snapshot = { rows: [], phase: 'idle', loaded: 0, total: 0 }
    this.loading = this.loadAll()
    return this.loading
  }

  private async applyChange(change: RegisterChange): Promise<void> {
    if (change.kind === 'all') return this.reload()
    if (change.kind !== 'records') return
    // Off the writer's call stack: the list catches up a moment after the commit.
    await new Promise((resolve) => setTimeout(resolve, 0))
    const records = change.records ?? (await this.repository.db.records.bulkGet(change.ids))
    change.ids.forEach((id, index) => {
      const record = records[index]
      if (record) this.upsert([record])
      else {
        this.rowsById.delete(id)
        this.recordsById.delete(id)
      }
    })
    this.publish({ total: this.rowsById.size })
  }
}
