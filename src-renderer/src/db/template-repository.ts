/**
 * Template packs and vendors in the app's database. Every pack is validated with the core's
 * checker before anything is written; an install or upgrade then stores the pack, archives the
 * version it replaces, registers the pack's vendor and appends the audit entries in one
 * transaction, so a failing file leaves every table exactly as it was.
 */
import type { FieldChange } from '@core/records/diff'
import { diffValues } from '@core/records/diff'
import type { Organisation, StoredRecord } from '@core/records/model'
import { affectedRecords, compareVersions, diffPacks, type AffectedRecord, type PackDiff } from '@core/templates/pack-diff'
import { EMPTY_TEXT_SHA256, type ActivityTemplate, type TemplatePack } from '@core/templates/pack-schema'
import { validatePackText } from '@core/templates/validate-pack'
import type { Problem } from '@core/util/problems'
import type { InstalledPack, RopaDatabase, Vendor } from './database'
import type { RegisterRepository } from './register-repository'

export type PackOrigin = InstalledPack['origin']

/** The packs and policy texts shipped in templates/, loaded on demand. */
export interface ShippedTemplates {
  packs(): Promise<Array<{ file: string; text: string }>>
  /** The policy text for a `source.file`, or undefined when the app does not ship it. */
  sourceText(file: string): Promise<string | undefined>
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/**
 * Bundled by Vite as separate lazy chunks (`?raw` keeps the exact text, so the sha256 and the
 * quotes are checked against what ships): nothing here is loaded until a pack is needed.
 */
export const bundledShippedTemplates: ShippedTemplates = (() => {
  const packModules = import.meta.glob<string>(['../../../templates/*.json', '!../../../templates/*.schema.json'], { query: '?raw', import: 'default' })
  const sourceModules = import.meta.glob<string>('../../../templates/sources/*.txt', { query: '?raw', import: 'default' })
  const sourcesByFile = new Map(Object.entries(sourceModules).map(([path, load]) => [baseName(path), load]))
  return {
    packs: () => Promise.all(Object.entries(packModules).map(async ([path, load]) => ({ file: baseName(path), text: await load() }))),
    sourceText: async (file) => sourcesByFile.get(file)?.()
  }
})()

export class PackValidationError extends Error {
  constructor(
    readonly problems: Problem[],
    what = 'template pack'
  ) {
    super(`The ${what} is not valid:\n${problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n')}`)
  }
}

interface ValidPack {
  pack: TemplatePack
  warnings: Problem[]
  /** The policy text the quotes were checked against; '' when the app does not have it. */
  sourceText: string
}

/** What importing a file would do, worked out before anything is written. */
export type PackPreview =
  | { kind: 'invalid'; problems: Problem[] }
  | ({ kind: 'new' } & ValidPack)
  | ({ kind: 'same'; installed: InstalledPack } & ValidPack)
  | ({ kind: 'older'; installed: InstalledPack } & ValidPack)
  | ({ kind: 'newer'; installed: InstalledPack; diff: PackDiff; affected: Array<AffectedRecord<StoredRecord>> } & ValidPack)

export type ApplicablePreview = Extract<PackPreview, { kind: 'new' | 'newer' }>

export interface ShippedInstallReport {
  installed: string[]
  upgraded: string[]
  /** Shipped files that failed validation (a build error, kept visible rather than thrown). */
  failed: Array<{ file: string; problems: Problem[] }>
}

type Listener = () => void

export class TemplateRepository {
  readonly db: RopaDatabase
  private readonly listeners = new Set<Listener>()
  private shippedInstall: Promise<ShippedInstallReport> | null = null

  constructor(
    private readonly register: RegisterRepository,
    private readonly shipped: ShippedTemplates = bundledShippedTemplates,
    private readonly now: () => Date = () => new Date()
  ) {
    // The register's own database, so that its audit append joins this repository's transactions.
    this.db = register.db
  }

  /** Called after any pack or vendor change. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }

  // ---- reading ------------------------------------------------------------------------

  async listPacks(): Promise<InstalledPack[]> {
    return (await this.db.packs.toArray()).sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.id.localeCompare(b.id))
  }

  getPack(id: string): Promise<InstalledPack | undefined> {
    return this.db.packs.get(id)
  }

  archivedVersions(id: string): Promise<InstalledPack[]> {
    return this.db.packArchive.where('id').equals(id).toArray()
  }

  async listVendors(): Promise<Vendor[]> {
    return (await this.db.vendors.toArray()).sort((a, b) => a.name.localeCompare(b.name))
  }

  getVendor(id: string): Promise<Vendor | undefined> {
    return this.db.vendors.get(id)
  }

  /** Records made from the vendor's pack or naming the vendor as a recipient. */
  recordsUsingVendor(vendor: Vendor): Promise<StoredRecord[]> {
    return this.db.records.filter((record) => usesVendor(record, vendor)).toArray()
  }

  /** How many records use each vendor, in one pass over the register. */
  async vendorUsage(): Promise<Map<string, number>> {
    const vendors = await this.db.vendors.toArray()
    const counts = new Map(vendors.map((vendor) => [vendor.id, 0]))
    await this.db.records.each((record) => {
      for (const vendor of vendors) if (usesVendor(record, vendor)) counts.set(vendor.id, (counts.get(vendor.id) ?? 0) + 1)
    })
    return counts
  }

  // ---- validation and import -----------------------------------------------------------

  /**
   * Checks a pack's text. A pack whose `source.file` is a policy the app ships has its sha256
   * and every quote checked against that text; otherwise the quotes cannot be checked and the
   * warning says so.
   */
  async validate(text: string): Promise<{ ok: true; valid: ValidPack } | { ok: false; problems: Problem[] }> {
    const structural = validatePackText(text)
    if (!structural.ok) return structural
    const file = structural.pack.source.file
    const shippedText = file === '' ? undefined : await this.shipped.sourceText(file)
    // Kept: the validator's warning that the sha256 and the quotes were not checked.
    if (shippedText === undefined) return { ok: true, valid: { pack: structural.pack, warnings: structural.warnings, sourceText: '' } }
    const checked = validatePackText(text, { sourceText: shippedText })
    if (!checked.ok) return checked
    return { ok: true, valid: { pack: checked.pack, warnings: checked.warnings, sourceText: shippedText } }
  }

  /** What installing `text` would change; writes nothing. */
  async previewPackText(text: string): Promise<PackPreview> {
    const validation = await this.validate(text)
    if (!validation.ok) return { kind: 'invalid', problems: validation.problems }
    const { valid } = validation
    const installed = await this.db.packs.get(valid.pack.id)
    if (!installed) return { kind: 'new', ...valid }
    const comparison = compareVersions(valid.pack.version, installed.version)
    if (comparison === 0) return { kind: 'same', installed, ...valid }
    if (comparison < 0) return { kind: 'older', installed, ...valid }
    const diff = diffPacks(installed.pack, valid.pack)
    const derived = await this.db.records.where('origin.packId').equals(installed.id).toArray()
    return { kind: 'newer', installed, diff, affected: affectedRecords(diff, derived), ...valid }
  }

  /** Installs a new pack or replaces the installed version with a newer one (kept in packArchive). */
  async applyPack(preview: ApplicablePreview, origin: PackOrigin): Promise<InstalledPack> {
    const actor = await this.register.currentActor()
    const installed = await this.db.transaction('rw', [this.db.packs, this.db.packArchive, this.db.vendors, this.db.auditLog], async () => {
      const current = await this.db.packs.get(preview.pack.id)
      const expected = preview.kind === 'newer' ? preview.installed.version : undefined
      if (current?.version !== expected) {
        throw new Error(`Template pack ${preview.pack.id} changed while it was being imported (now ${current ? `version ${current.version}` : 'not installed'}); import the file again.`)
      }
      return this.writePack(current, preview.pack, preview.sourceText, origin, actor)
    })
    this.emit()
    return installed
  }

  /** Must run inside a transaction over packs, packArchive, vendors and auditLog. */
  private async writePack(current: InstalledPack | undefined, pack: TemplatePack, sourceText: string, origin: PackOrigin, actor: string): Promise<InstalledPack> {
    const row: InstalledPack = { id: pack.id, version: pack.version, vendorName: pack.vendor.name, origin, installedAt: this.now().toISOString(), pack, sourceText }
    if (current) await this.db.packArchive.put(current)
    await this.db.packs.put(row)
    const activities = `${pack.activities.length} ${pack.activities.length === 1 ? 'activity' : 'activities'}`
    if (current) {
      const diff = diffPacks(current.pack, pack)
      await this.register.appendAudit('pack', pack.id, 'update', `Template pack ${pack.id} updated from ${current.version} to ${pack.version} (${origin}): ${describeDiff(diff)}`, packChanges(diff), actor)
    } else {
      await this.register.appendAudit('pack', pack.id, 'create', `Template pack ${pack.id} ${pack.version} installed (${origin}, ${activities})`, [{ field: 'version', after: pack.version }], actor)
    }
    // A user pack's "vendor" is the organisation itself, not a recipient records could name.
    if (origin !== 'user') await this.registerVendor(pack, actor)
    return row
  }

  private async registerVendor(pack: TemplatePack, actor: string): Promise<void> {
    const before = await this.db.vendors.get(pack.id)
    const vendor = { ...vendorFromPack(pack), notes: before?.notes ?? '' }
    const changes: FieldChange[] = diffValues(before, vendor)
    if (before && changes.length === 0) return
    await this.db.vendors.put(vendor)
    await this.register.appendAudit('vendor', vendor.id, before ? 'update' : 'create', `Vendor ${vendor.name} ${before ? 'refreshed from' : 'registered by'} template pack ${pack.id} ${pack.version}`, before ? changes : [], actor)
  }

  /** Validates and installs a file's text when it is new or newer; returns what it found. */
  async importPackText(text: string, origin: PackOrigin = 'imported'): Promise<PackPreview> {
    const preview = await this.previewPackText(text)
    if (preview.kind === 'new' || preview.kind === 'newer') await this.applyPack(preview, origin)
    return preview
  }

  /**
   * Installs the shipped packs that are missing, and upgrades a shipped pack when the app ships a
   * newer version. Idempotent: a second run changes nothing. All packs in one transaction.
   */
  async installShippedPacks(): Promise<ShippedInstallReport> {
    const report: ShippedInstallReport = { installed: [], upgraded: [], failed: [] }
    const valid: ValidPack[] = []
    for (const { file, text } of await this.shipped.packs()) {
      const validation = await this.validate(text)
      if (validation.ok) valid.push(validation.valid)
      else report.failed.push({ file, problems: validation.problems })
    }
    const actor = await this.register.currentActor()
    await this.db.transaction('rw', [this.db.packs, this.db.packArchive, this.db.vendors, this.db.auditLog], async () => {
      for (const { pack, sourceText } of valid) {
        const current = await this.db.packs.get(pack.id)
        if (current && (current.origin !== 'shipped' || compareVersions(pack.version, current.version) <= 0)) continue
        await this.writePack(current, pack, sourceText, 'shipped', actor)
        ;(current ? report.upgraded : report.installed).push(pack.id)
      }
    })
    if (report.installed.length + report.upgraded.length > 0) this.emit()
    for (const failure of report.failed) console.error(`Shipped template pack ${failure.file} is invalid`, failure.problems)
    return report
  }

  /** installShippedPacks once per session; pages that need packs await this. */
  ensureShippedPacks(): Promise<ShippedInstallReport> {
    this.shippedInstall ??= this.installShippedPacks().catch((error: unknown) => {
      this.shippedInstall = null
      throw error
    })
    return this.shippedInstall
  }

  // ---- export and user packs ------------------------------------------------------------

  async exportPack(id: string): Promise<{ fileName: string; text: string }> {
    const installed = await this.db.packs.get(id)
    if (!installed) throw new Error(`No template pack with id ${id}`)
    return { fileName: `${installed.id}-${installed.version}.json`, text: `${JSON.stringify(installed.pack, null, 2)}\n` }
  }

  /**
   * Adds the record as an activity template to the organisation's own pack (created on first
   * use), as a new version of that pack. Returns the pack and the activity's id.
   */
  async saveRecordAsTemplate(record: StoredRecord): Promise<{ pack: InstalledPack; activityId: string }> {
    const organisation = await this.register.getOrganisation()
    if (!organisation) throw new Error('Set up the organisation profile before saving templates.')
    const base = slugify(organisation.controller.name, 'my-organisation')
    let packId = base
    for (let suffix = 2; ; suffix++) {
      const existing = await this.db.packs.get(packId)
      if (!existing || existing.origin === 'user') break
      packId = `${base.slice(0, 70)}-user${suffix === 2 ? '' : `-${suffix}`}`
    }
    const current = await this.db.packs.get(packId)
    const previous = current?.pack ?? newUserPack(packId, organisation)
    const activity = activityFromRecord(record, new Set(previous.activities.map((candidate) => candidate.id)))
    const next: TemplatePack = {
      ...previous,
      version: current ? bumpMinor(previous.version) : '1.0.0',
      activities: current ? [...previous.activities, activity] : [activity]
    }
    const validation = validatePackText(JSON.stringify(next))
    if (!validation.ok) throw new PackValidationError(validation.problems, `template made from ${record.reference}`)
    const preview: ApplicablePreview = current
      ? { kind: 'newer', installed: current, diff: diffPacks(current.pack, validation.pack), affected: [], pack: validation.pack, warnings: validation.warnings, sourceText: '' }
      : { kind: 'new', pack: validation.pack, warnings: validation.warnings, sourceText: '' }
    return { pack: await this.applyPack(preview, 'user'), activityId: activity.id }
  }
}

function usesVendor(record: StoredRecord, vendor: Vendor): boolean {
  return record.origin?.packId === vendor.packId || record.recipients.some((recipient) => recipient.vendorId === vendor.id)
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

export function describeDiff(diff: PackDiff): string {
  const parts = [
    plural(diff.added.length, 'activity added', 'activities added'),
    plural(diff.changed.length, 'activity changed', 'activities changed'),
    plural(diff.removed.length, 'activity removed', 'activities removed')
  ]
  if (diff.vendorChanges.length > 0) parts.push('vendor details changed')
  if (diff.sourceChanges.some((change) => change.field === 'source.sha256')) parts.push('new policy text')
  return parts.join(', ')
}

/** The audit entry's changes for an upgrade: the version and each activity added, removed or changed. */
function packChanges(diff: PackDiff): FieldChange[] {
  return [
    { field: 'version', before: diff.installedVersion, after: diff.incomingVersion },
    ...diff.added.map((activity) => ({ field: `activities[${activity.id}]`, after: activity.name })),
    ...diff.removed.map((activity) => ({ field: `activities[${activity.id}]`, before: activity.name })),
    ...diff.changed.map((activity) => ({ field: `activities[${activity.id}]`, before: activity.name, after: `${plural(activity.changes.length, 'field', 'fields')} changed` }))
  ]
}

type PackContact = TemplatePack['vendor']['privacyContact']

function contactText(contact: PackContact): string {
  if (!contact) return ''
  return [contact.name, contact.address, contact.email, contact.phone, contact.url].filter((part) => part && part.trim() !== '').join(', ')
}

/** The vendor a pack describes, as stored in `vendors` (its id is the pack's id). */
export function vendorFromPack(pack: TemplatePack): Vendor {
  const { vendor } = pack
  return {
    id: pack.id,
    name: vendor.name,
    packId: pack.id,
    legalEntities: vendor.legalEntities.map((entity) => (entity.address ? `${entity.name}, ${entity.address}` : entity.name)),
    privacyContact: contactText(vendor.privacyContact),
    dpoContact: contactText(vendor.dpoContact),
    euRepresentative: contactText(vendor.euRepresentative),
    controllerFor: vendor.controllerFor.map((entry) => entry.description),
    processorFor: vendor.processorFor.map((entry) => entry.description),
    notes: ''
  }
}

export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug === '' ? fallback : slug
}

function bumpMinor(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return `${major}.${minor + 1}.0`
}

function newUserPack(id: string, organisation: Organisation): TemplatePack {
  const { controller } = organisation
  const email = controller.email.trim()
  return {
    formatVersion: 1,
    id,
    version: '1.0.0',
    vendor: {
      name: controller.name,
      legalEntities: [{ name: controller.name, ...(controller.address.trim() ? { address: controller.address.trim() } : {}), quotes: [] }],
      ...(email ? { privacyContact: { email, quotes: [] } } : {}),
      controllerFor: [],
      processorFor: []
    },
    source: { title: `Templates authored by ${controller.name}`, sha256: EMPTY_TEXT_SHA256, file: '' },
    activities: []
  }
}

/** The record's evidence quotes for `field` and every field inside it, without repeats. */
function quotesUnder(record: StoredRecord, field: string, exact = false): string[] {
  const matching = record.evidence.filter((item) => item.field === field || (!exact && item.field.startsWith(`${field}.`)))
  return [...new Set(matching.flatMap((item) => item.quotes))]
}

const GAP_PREFIX = /^The policy is (silent|vague): /

/** An open item's record field as the template field recordFromActivity maps back from. */
function templateFieldOf(recordField: string): string {
  const [head, ...rest] = recordField.split('.')
  const renamed = head === 'source' ? 'dataSource' : head === 'securityDescription' ? 'securityMeasures.description' : head
  return [renamed, ...rest].join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]')
}

/**
 * An activity template made from a record: every field the pack format has that the record
 * fills, with the record's evidence quotes where it has them, and its unresolved open items
 * as gaps. Values a DPO typed themselves carry no quote.
 */
export function activityFromRecord(record: StoredRecord, takenIds: ReadonlySet<string> = new Set()): ActivityTemplate {
  const base = slugify(record.name, 'activity')
  let id = base
  for (let suffix = 2; takenIds.has(id); suffix++) id = `${base}-${suffix}`
  const optional = <T,>(value: T | '' | undefined): T | undefined => (value === '' ? undefined : value)

  const activity: ActivityTemplate = {
    id,
    name: record.name,
    description: record.description,
    role: record.role,
    roleQuotes: quotesUnder(record, 'role'),
    purposes: record.purposes.map((purpose, index) => ({
      description: purpose.description,
      uses: [...purpose.uses],
      lawfulBasis: optional(purpose.lawfulBasis),
      legitimateInterest: optional(purpose.legitimateInterest.trim()),
      quotes: quotesUnder(record, `purposes.${index}`)
    })),
    dataSubjects: record.dataSubjects.map((term, index) => ({ term, quotes: quotesUnder(record, `dataSubjects.${index}`) })),
    dataCategories: record.dataCategories.map((category, index) => {
      const { retention } = category
      const quotes = quotesUnder(record, `dataCategories.${index}.retention`)
      const packRetention: ActivityTemplate['retention'] =
        retention.mode === 'period' && retention.period !== null
          ? { mode: 'period', period: retention.period, unit: retention.unit, endAction: retention.endAction, ...(retention.fromEvent.trim() ? { fromEvent: retention.fromEvent.trim() } : {}), quotes }
          : retention.mode === 'criterion'
            ? { mode: 'criterion', criterion: retention.criterion, endAction: retention.endAction, quotes }
            : undefined
      return { term: category.term, wording: category.description, ...(packRetention ? { retention: packRetention } : {}), quotes: quotesUnder(record, `dataCategories.${index}`, true) }
    }),
    specialCategories: record.specialCategories.map((special, index) => ({
      category: special.category,
      condition: optional(special.condition),
      quotes: quotesUnder(record, `specialCategories.${index}`)
    })),
    recipients: record.recipients.map((recipient, index) => ({ name: recipient.name, type: recipient.type, quotes: quotesUnder(record, `recipients.${index}`) })),
    subProcessors: [],
    transfers: record.transfers.map((transfer, index) => ({
      recipient: transfer.recipient,
      country: transfer.country,
      safeguard: transfer.safeguard,
      quotes: quotesUnder(record, `transfers.${index}`)
    })),
    gaps: record.openItems
      .filter((item) => !item.resolved)
      .map((item) => {
        const kind = GAP_PREFIX.exec(item.note)?.[1] as 'silent' | 'vague' | undefined
        const note = item.note.replace(GAP_PREFIX, '').trim()
        return { field: templateFieldOf(item.field), kind: kind ?? (item.quotes.length > 0 ? 'vague' : 'silent'), note: note || 'Open point carried over from the record', quotes: [...item.quotes] }
      })
  }
  for (const purpose of activity.purposes) {
    if (purpose.lawfulBasis === undefined) delete purpose.lawfulBasis
    if (purpose.legitimateInterest === undefined) delete purpose.legitimateInterest
  }
  for (const special of activity.specialCategories) if (special.condition === undefined) delete special.condition
  if (record.securityMeasures.length > 0 || record.securityDescription.trim() !== '') {
    activity.securityMeasures = {
      measures: [...record.securityMeasures],
      description: record.securityDescription,
      quotes: [...new Set([...quotesUnder(record, 'securityMeasures'), ...quotesUnder(record, 'securityDescription')])]
    }
  }
  if (record.automatedDecisionMaking.exists || record.automatedDecisionMaking.description.trim() !== '') {
    activity.automatedDecisionMaking = { ...record.automatedDecisionMaking, quotes: quotesUnder(record, 'automatedDecisionMaking') }
  }
  if (record.source.trim() !== '') activity.dataSource = { description: record.source, quotes: quotesUnder(record, 'source') }
  return activity
}
