/**
 * The compliance findings of the whole register, kept in memory for the register's health
 * column and the dashboard. The first run reads every record and checks them in slices that
 * yield to the browser between them, so typing never waits; afterwards only the records that
 * Dexie's change events name (writes in this window or any other) are checked again.
 * Template-pack changes re-run the lot (about 130 ms of checking for 10,000 records, still
 * sliced); organisation changes re-run only the organisation's rules.
 */
import type { CheckContext, Finding, Severity } from '@core/checks/finding'
import { checkOrganisation, checkRecord, worstSeverity } from '@core/checks/run-checks'
import type { StoredRecord } from '@core/records/model'
import { onTableChanges, type TableChanges } from '../db/change-events'
import type { RegisterRepository } from '../db/register-repository'

export type Health = Severity | 'ok'

export interface ChecksSnapshot {
  phase: 'idle' | 'checking' | 'ready'
  context: CheckContext | null
  records: ReadonlyMap<string, StoredRecord>
  /** Findings per record id (records without findings have an empty list). */
  findingsByRecord: ReadonlyMap<string, readonly Finding[]>
  organisationFindings: readonly Finding[]
  health: ReadonlyMap<string, Health>
  /** Bumped on every publish, so that memoised views know when to recompute. */
  version: number
}

/** Records checked between yields: ~10 ms of work, well inside a frame budget. */
const SLICE = 750

/**
 * A read-only view of one of the store's maps. Each snapshot gets new views (so memoised views
 * see a new identity) over the same maps: publishing after a save copies nothing, where copying
 * three 10,000-entry maps cost ~17 ms and their garbage. A full run fills new maps and swaps them
 * in, so a published snapshot never shows a half-checked register.
 */
class MapView<K, V> implements ReadonlyMap<K, V> {
  constructor(private readonly map: ReadonlyMap<K, V>) {}
  get size(): number {
    return this.map.size
  }
  get(key: K): V | undefined {
    return this.map.get(key)
  }
  has(key: K): boolean {
    return this.map.has(key)
  }
  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    this.map.forEach((value, key) => callback(value, key, this))
  }
  entries(): MapIterator<[K, V]> {
    return this.map.entries()
  }
  keys(): MapIterator<K> {
    return this.map.keys()
  }
  values(): MapIterator<V> {
    return this.map.values()
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.map.entries()
  }
}

const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export class ChecksStore {
  private readonly records = new Map<string, StoredRecord>()
  private findings = new Map<string, Finding[]>()
  private healthById = new Map<string, Health>()
  private organisationFindings: Finding[] = []
  private context: CheckContext | null = null
  private snapshot: ChecksSnapshot
  private readonly listeners = new Set<() => void>()
  private loading: Promise<void> | undefined
  /** Serialises runs and change handling, so that a slow full run never overwrites newer results. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly repository: RegisterRepository,
    private readonly now: () => Date = () => new Date(),
    /** Every stored record; the app passes the register list's copy, so the register is read from disk once. */
    private readonly allRecords: () => Promise<readonly StoredRecord[]> = () => repository.allRecords()
  ) {
    this.snapshot = this.makeSnapshot('idle', 0)
    onTableChanges(repository.db, ['records', 'organisation', 'packs'], (changes) => {
      if (this.loading) void this.enqueue(() => this.applyChanges(changes))
    })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): ChecksSnapshot => this.snapshot

  /** Starts the first run (once); resolves when every record has been checked. */
  load(): Promise<void> {
    this.loading ??= this.enqueue(() => this.loadAll())
    return this.loading
  }

  /** Resolves once everything queued so far has been applied (for tests and the benchmark). */
  settled(): Promise<void> {
    return this.queue
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task, task)
    return this.queue
  }

  private makeSnapshot(phase: ChecksSnapshot['phase'], version: number): ChecksSnapshot {
    return {
      phase,
      context: this.context,
      records: new MapView(this.records),
      findingsByRecord: new MapView(this.findings),
      organisationFindings: this.organisationFindings,
      health: new MapView(this.healthById),
      version
    }
  }

  private publish(phase: ChecksSnapshot['phase']): void {
    this.snapshot = this.makeSnapshot(phase, this.snapshot.version + 1)
    for (const listener of this.listeners) listener()
  }

  private checkOne(record: StoredRecord, findings = this.findings, health = this.healthById): void {
    const found = checkRecord(record, this.context!)
    findings.set(record.id, found)
    health.set(record.id, worstSeverity(found))
  }

  private forget(id: string): void {
    this.records.delete(id)
    this.findings.delete(id)
    this.healthById.delete(id)
  }

  private async loadAll(): Promise<void> {
    this.context = await this.repository.checkContext(this.now())
    this.organisationFindings = checkOrganisation(this.context)
    this.records.clear()
    this.publish('checking')
    for (const record of await this.allRecords()) this.records.set(record.id, record)
    await this.checkAll()
  }

  private async checkAll(): Promise<void> {
    const findings = new Map<string, Finding[]>()
    const health = new Map<string, Health>()
    let sinceYield = 0
    for (const record of this.records.values()) {
      this.checkOne(record, findings, health)
      if (++sinceYield === SLICE) {
        sinceYield = 0
        await yieldToBrowser()
      }
    }
    this.findings = findings
    this.healthById = health
    this.publish('ready')
  }

  private async applyChanges(changes: TableChanges): Promise<void> {
    const records = changes.get('records')
    if (records?.all) return this.loadAll()
    const packsChanged = changes.has('packs')
    // Unless the packs changed, the installed versions are the ones already known.
    const context = await this.repository.checkContext(this.now(), packsChanged ? undefined : this.context?.installedPackVersions)
    // A newer pack version makes records from the old one "outdated", and a new day may have
    // begun since the last run (review dates depend on it): every record is checked again.
    const recheckAll = packsChanged || context.today !== this.context?.today
    this.context = context
    if (changes.has('organisation') || packsChanged) this.organisationFindings = checkOrganisation(context)
    if (records) {
      const stored = await this.repository.recordsById(records.keys)
      records.keys.forEach((id, index) => {
        const record = stored[index]
        if (!record) return this.forget(id)
        this.records.set(id, record)
        if (!recheckAll) this.checkOne(record)
      })
    }
    if (recheckAll) return this.checkAll()
    this.publish('ready')
  }
}

/** Every finding of the register: the organisation's first, then each record's in `records` order. */
export function allFindings(snapshot: ChecksSnapshot): Finding[] {
  const findings = [...snapshot.organisationFindings]
  for (const list of snapshot.findingsByRecord.values()) for (const finding of list) findings.push(finding)
  return findings
}
