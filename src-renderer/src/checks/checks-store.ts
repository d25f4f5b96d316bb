/**
 * The compliance findings of the whole register, kept in memory for the register's health
 * column and the dashboard. The first run reads every record and checks them in slices that
 * yield to the browser between them, so typing never waits; afterwards only the records a
 * change event names are checked again. Organisation or template-pack changes re-run the lot
 * (about 130 ms of checking for 10,000 records, still sliced).
 */
import type { CheckContext, Finding, Severity } from '@core/checks/finding'
import { checkOrganisation, checkRecord, worstSeverity } from '@core/checks/run-checks'
import type { StoredRecord } from '@core/records/model'
import type { RegisterChange, RegisterRepository } from '../db/register-repository'
import type { RopaDatabase } from '../db/database'
import { loadCheckContext } from './check-context'

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

const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

export class ChecksStore {
  private readonly records = new Map<string, StoredRecord>()
  private readonly findings = new Map<string, Finding[]>()
  private readonly healthById = new Map<string, Health>()
  private organisationFindings: Finding[] = []
  private context: CheckContext | null = null
  private snapshot: ChecksSnapshot
  private readonly listeners = new Set<() => void>()
  private loading: Promise<void> | undefined
  /** Serialises runs and change handling, so that a slow full run never overwrites newer results. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly db: RopaDatabase,
    private readonly repository: RegisterRepository,
    private readonly now: () => Date = () => new Date(),
    /** Every stored record; the app passes the register list's copy, so the register is read from disk once. */
    private readonly allRecords: () => Promise<readonly StoredRecord[]> = () => repository.db.records.toArray()
  ) {
    this.snapshot = this.makeSnapshot('idle', 0)
    repository.onChange((change) => {
      if (this.loading) void this.enqueue(() => this.applyChange(change))
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

  /**
   * Re-checks every record with a fresh context, without reading the records again: for
   * changes the register's events do not carry (template packs installed or upgraded).
   */
  refresh(): Promise<void> {
    if (!this.loading) return Promise.resolve()
    return this.enqueue(async () => {
      this.context = await loadCheckContext(this.db, this.repository, this.now())
      this.organisationFindings = checkOrganisation(this.context)
      await this.checkAll()
    })
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
      records: new Map(this.records),
      findingsByRecord: new Map(this.findings),
      organisationFindings: this.organisationFindings,
      health: new Map(this.healthById),
      version
    }
  }

  private publish(phase: ChecksSnapshot['phase']): void {
    this.snapshot = this.makeSnapshot(phase, this.snapshot.version + 1)
    for (const listener of this.listeners) listener()
  }

  private checkOne(record: StoredRecord): void {
    const found = checkRecord(record, this.context!)
    this.findings.set(record.id, found)
    this.healthById.set(record.id, worstSeverity(found))
  }

  private forget(id: string): void {
    this.records.delete(id)
    this.findings.delete(id)
    this.healthById.delete(id)
  }

  private async loadAll(): Promise<void> {
    this.context = await loadCheckContext(this.db, this.repository, this.now())
    this.organisationFindings = checkOrganisation(this.context)
    this.records.clear()
    this.publish('checking')
    for (const record of await this.allRecords()) this.records.set(record.id, record)
    await this.checkAll()
  }

  private async checkAll(): Promise<void> {
    this.findings.clear()
    this.healthById.clear()
    let sinceYield = 0
    for (const record of this.records.values()) {
      this.checkOne(record)
      if (++sinceYield === SLICE) {
        sinceYield = 0
        await yieldToBrowser()
      }
    }
    this.publish('ready')
  }

  private async applyChange(change: RegisterChange): Promise<void> {
    if (change.kind === 'profile') return
    if (change.kind === 'records') {
      const records = change.records ?? (await this.repository.db.records.bulkGet(change.ids))
      // A new day may have begun since the last run: review dates depend on it.
      const context = await loadCheckContext(this.db, this.repository, this.now())
      if (context.today !== this.context?.today) {
        this.context = context
        for (const [index, id] of change.ids.entries()) {
          const record = records[index]
          if (record) this.records.set(id, record)
          else this.forget(id)
        }
        return this.checkAll()
      }
      change.ids.forEach((id, index) => {
        const record = records[index]
        if (record) {
          this.records.set(id, record)
          this.checkOne(record)
        } else this.forget(id)
      })
      this.publish('ready')
      return
    }
    if (change.kind === 'organisation') {
      // Only the organisation rules read the organisation; record findings stay as they are.
      this.context = await loadCheckContext(this.db, this.repository, this.now())
      this.organisationFindings = checkOrganisation(this.context)
      this.publish('ready')
      return
    }
    // 'all' and any other kind (e.g. template packs installed): everything may have changed.
    await this.loadAll()
  }
}

/** Every finding of the register: the organisation's first, then each record's in `records` order. */
export function allFindings(snapshot: ChecksSnapshot): Finding[] {
  const findings = [...snapshot.organisationFindings]
  for (const list of snapshot.findingsByRecord.values()) for (const finding of list) findings.push(finding)
  return findings
}
