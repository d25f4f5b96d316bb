/**
 * Template packs and vendors in the app's database. Every pack is validated with the core's
 * checker before anything is written; an install or upgrade then stores the pack, archives the
 * version it replaces, registers the pack's vendor and appends the audit entries in one
 * transaction, so a failing file leaves every table exactly as it was.
 */
import type { Locale } from '@core/i18n'
import type { AuditPerson } from '@core/audit/audit-chain'
import { auditRef, packChangesParam, packOriginParam, upgradeFieldsParam } from '@core/audit/audit-summary'
import type { FieldChange } from '@core/records/diff'
import { diffRecords, diffValues } from '@core/records/diff'
import type { StoredRecord } from '@core/records/model'
import { statusAfterEdit } from '@core/records/workflow'
import type { InstalledPack, PackOrigin } from '@core/templates/installed-pack'
import { affectedRecords, compareVersions, diffPacks, packChanges, type AffectedRecord, type PackDiff } from '@core/templates/pack-diff'
import type { TemplatePack } from '@core/templates/pack-schema'
import { quoteChangeFinder } from '@core/templates/quote-changes'
import { applyRecordUpgrade, planRecordUpgrade, type FieldChoice, type RecordUpgradePlan, type UpgradeField } from '@core/templates/record-upgrade'
import { activityFromRecord, bumpMinor, newUserPack, slugify } from '@core/templates/user-pack'
import { validatePackText } from '@core/templates/validate-pack'
import { recordUsesVendor, vendorFromPack, type Vendor } from '@core/templates/vendor'
import type { Problem } from '@core/util/problems'
import type { RopaDatabase } from './database'
import { RecordNotFoundError, StaleRecordError, type RegisterRepository } from './register-repository'
import { failureError } from '@core/i18n/message-error'
import { msg } from '@core/i18n/message'

export type { PackOrigin }

/** The packs shipped in templates/ (format 2: each embeds its policy text), loaded on demand. */
export interface ShippedTemplates {
  packs(): Promise<Array<{ file: string; text: string }>>
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1)

/**
 * Bundled by Vite as separate lazy chunks (`?raw` keeps the exact text, so the embedded
 * policies' SHA-256 and the quotes are checked against what ships): nothing here is loaded
 * until a pack is needed.
 */
export const bundledShippedTemplates: ShippedTemplates = (() => {
  const packModules = import.meta.glob<string>(['../../../templates/*.json', '!../../../templates/*.schema.json'], { query: '?raw', import: 'default' })
  return {
    packs: () => Promise.all(Object.entries(packModules).map(async ([path, load]) => ({ file: baseName(path), text: await load() })))
  }
})()

/** There is nothing to compare: the record was not made from a template, or its pack is no longer installed. */
export class NothingToCompareError extends Error {
  constructor(
    readonly reference: string,
    readonly why: 'not-from-template' | 'pack-not-installed',
    readonly packId = ''
  ) {
    super(why === 'not-from-template' ? `${reference} was not made from a template.` : `${reference} was made from template pack ${packId}, which is no longer installed.`)
    this.name = 'NothingToCompareError'
  }
}

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
  /** Every quote was found in the pack's embedded sources; false when it carries none (its values show as unverified). */
  quotesChecked: boolean
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

export class TemplateRepository {
  readonly db: RopaDatabase
  private shippedInstall: Promise<ShippedInstallReport> | null = null

  constructor(
    private readonly register: RegisterRepository,
    private readonly shipped: ShippedTemplates = bundledShippedTemplates,
    private readonly now: () => Date = () => new Date()
  ) {
    // The register's own database, so that its audit append joins this repository's transactions.
    this.db = register.db
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

  /** Every kept version of a pack, the installed one and those it replaced, newest first. */
  async packVersions(id: string): Promise<InstalledPack[]> {
    const [installed, archived] = await Promise.all([this.db.packs.get(id), this.archivedVersions(id)])
    const versions = [...(installed ? [installed] : []), ...archived.filter((pack) => pack.version !== installed?.version)]
    return versions.sort((a, b) => compareVersions(b.version, a.version))
  }

  /** One kept version of a pack, installed or archived; undefined when this app never kept it. */
  async getPackVersion(id: string, version: string): Promise<InstalledPack | undefined> {
    const installed = await this.db.packs.get(id)
    if (installed?.version === version) return installed
    return this.db.packArchive.get([id, version])
  }

  /** The records made from a pack, by reference. */
  async recordsFromPack(id: string): Promise<StoredRecord[]> {
    return (await this.db.records.where('origin.packId').equals(id).toArray()).sort((a, b) => a.reference.localeCompare(b.reference))
  }

  /** A lookup of the pack's kept versions, for measuring each record against its own. */
  private async versionLookup(id: string, extra: InstalledPack[] = []): Promise<(version: string) => TemplatePack | undefined> {
    const kept = new Map([...(await this.archivedVersions(id)), ...extra].map((row) => [row.version, row.pack]))
    return (version) => kept.get(version)
  }

  async listVendors(): Promise<Vendor[]> {
    return (await this.db.vendors.toArray()).sort((a, b) => a.name.localeCompare(b.name))
  }

  getVendor(id: string): Promise<Vendor | undefined> {
    return this.db.vendors.get(id)
  }

  /** Records made from the vendor's pack or naming the vendor as a recipient. */
  recordsUsingVendor(vendor: Vendor): Promise<StoredRecord[]> {
    return this.db.records.filter((record) => recordUsesVendor(record, vendor)).toArray()
  }

  /** How many records use each vendor, in one pass over the register. */
  async vendorUsage(): Promise<Map<string, number>> {
    const vendors = await this.db.vendors.toArray()
    const counts = new Map(vendors.map((vendor) => [vendor.id, 0]))
    await this.db.records.each((record) => {
      for (const vendor of vendors) if (recordUsesVendor(record, vendor)) counts.set(vendor.id, (counts.get(vendor.id) ?? 0) + 1)
    })
    return counts
  }

  // ---- validation and import -----------------------------------------------------------

  /**
   * Checks a pack's text, every quote against the sources the pack embeds. A pack without
   * source text is valid, with the validator's warning that its quotes were not checked.
   */
  async validate(text: string): Promise<{ ok: true; valid: ValidPack } | { ok: false; problems: Problem[] }> {
    const validation = validatePackText(text)
    if (!validation.ok) return validation
    return { ok: true, valid: { pack: validation.pack, warnings: validation.warnings, quotesChecked: validation.quotesChecked } }
  }

  /** What installing `text` would change, said in `locale`; writes nothing. */
  async previewPackText(text: string, locale: Locale = 'en'): Promise<PackPreview> {
    const validation = await this.validate(text)
    if (!validation.ok) return { kind: 'invalid', problems: validation.problems }
    const { valid } = validation
    const installed = await this.db.packs.get(valid.pack.id)
    if (!installed) return { kind: 'new', ...valid }
    const comparison = compareVersions(valid.pack.version, installed.version)
    if (comparison === 0) return { kind: 'same', installed, ...valid }
    if (comparison < 0) return { kind: 'older', installed, ...valid }
    const diff = diffPacks(installed.pack, valid.pack, locale)
    const derived = await this.recordsFromPack(installed.id)
    return { kind: 'newer', installed, diff, affected: affectedRecords(derived, valid.pack, await this.versionLookup(installed.id, [installed]), locale), ...valid }
  }

  /** Installs a new pack or replaces the installed version with a newer one (kept in packArchive). */
  async applyPack(preview: ApplicablePreview, origin: PackOrigin): Promise<InstalledPack> {
    const actor = await this.register.currentActor()
    const installed = await this.db.transaction('rw', [this.db.packs, this.db.packArchive, this.db.vendors, this.db.records, ...this.register.auditTables], async () => {
      const current = await this.db.packs.get(preview.pack.id)
      const expected = preview.kind === 'newer' ? preview.installed.version : undefined
      if (current?.version !== expected) {
        throw failureError('packChangedDuringImport', { id: preview.pack.id, now: current ? msg('problems:failure.packNowVersion', { version: current.version }) : msg('problems:failure.packNotInstalled') })
      }
      return this.writePack(current, preview.pack, origin, actor)
    })
    return installed
  }

  /** Must run inside a transaction over packs, packArchive, vendors, records and the audit tables. */
  private async writePack(current: InstalledPack | undefined, pack: TemplatePack, origin: PackOrigin, actor: AuditPerson): Promise<InstalledPack> {
    const row: InstalledPack = { id: pack.id, version: pack.version, vendorName: pack.vendor.name, origin, installedAt: this.now().toISOString(), pack, sourceText: '' }
    if (current) await this.db.packArchive.put(current)
    await this.db.packs.put(row)
    if (current) {
      const diff = diffPacks(current.pack, pack)
      const summary = auditRef('pack.updated', { pack: pack.id, from: current.version, to: pack.version, origin: packOriginParam(origin), changes: packChangesParam(diff) })
      await this.register.appendAudit('pack', pack.id, 'update', summary, packChanges(diff), actor)
      await this.noteQuoteChanges(pack, actor)
    } else {
      const activities = auditRef('pack.activities', { count: pack.activities.length })
      const summary = auditRef('pack.installed', { pack: pack.id, version: pack.version, origin: packOriginParam(origin), activities })
      await this.register.appendAudit('pack', pack.id, 'create', summary, [{ field: 'version', after: pack.version }], actor)
    }
    // A user pack's "vendor" is the organisation itself, not a recipient records could name.
    if (origin !== 'user') await this.registerVendor(pack, actor)
    return row
  }

  /**
   * A record relying on quotes the newly installed version no longer has goes back to review
   * (an approved one returns to "In review"), and keeps the changes for its finding. Each record
   * touched is one audited write. Must run inside writePack's transaction.
   */
  private async noteQuoteChanges(pack: TemplatePack, actor: AuditPerson): Promise<void> {
    const packOfVersion = await this.versionLookup(pack.id)
    const finders = new Map<string, ReturnType<typeof quoteChangeFinder>>()
    for (const before of await this.db.records.where('origin.packId').equals(pack.id).toArray()) {
      if (before.status === 'archived' || !before.origin || before.origin.packVersion === pack.version) continue
      const version = before.origin.packVersion
      if (!finders.has(version)) finders.set(version, quoteChangeFinder(packOfVersion(version), pack))
      const quoteChanges = finders.get(version)!(before)
      if (JSON.stringify(quoteChanges) === JSON.stringify(before.quoteChanges ?? [])) continue
      const after: StoredRecord = { ...before, quoteChanges, updatedAt: this.now().toISOString(), revision: before.revision + 1 }
      if (quoteChanges.length > 0 && before.status === 'approved') after.status = 'in-review'
      await this.db.records.put(after)
      const about = { reference: before.reference, pack: pack.id, version: pack.version }
      const quotes = auditRef('record.quotes', { count: quoteChanges.length })
      const summary =
        quoteChanges.length === 0
          ? auditRef('record.quotesBack', about)
          : auditRef(after.status !== before.status ? 'record.quotesGoneBackToReview' : 'record.quotesGone', { ...about, quotes })
      await this.register.appendAudit('record', before.id, 'update', summary, diffRecords(before, after), actor)
    }
  }

  // ---- bringing a record up to the installed version ------------------------------------

  /**
   * What bringing a record made from an earlier version of its pack up to the installed version
   * involves, field by field, said in `locale` (the audit entry of an upgrade keeps the fields' keys, said in each reader's language). Throws with the reason when there is nothing to compare.
   */
  async planRecordUpgrade(recordId: string, locale: Locale = 'en'): Promise<{ record: StoredRecord; installed: InstalledPack; plan: RecordUpgradePlan }> {
    const record = await this.db.records.get(recordId)
    if (!record) throw new RecordNotFoundError(recordId)
    const origin = record.origin
    if (!origin) throw new NothingToCompareError(record.reference, 'not-from-template')
    const installed = await this.db.packs.get(origin.packId)
    if (!installed) throw new NothingToCompareError(record.reference, 'pack-not-installed', origin.packId)
    const originPack = (await this.getPackVersion(origin.packId, origin.packVersion))?.pack
    return { record, installed, plan: planRecordUpgrade(record, originPack, installed.pack, locale) }
  }

  /**
   * Applies the DPO's choices (take over / keep per field) in one transaction: refused with
   * `StaleRecordError` when the record changed since `revision`, and when the installed version
   * is no longer the one compared with. One audit entry names the fields taken over and kept.
   */
  async upgradeRecord(recordId: string, revision: number, toVersion: string, choices: Partial<Record<UpgradeField, FieldChoice>>): Promise<StoredRecord> {
    const actor = await this.register.currentActor()
    return this.db.transaction('rw', [this.db.records, this.db.packs, this.db.packArchive, ...this.register.auditTables], async () => {
      const { record: before, installed, plan } = await this.planRecordUpgrade(recordId)
      if (before.revision !== revision) throw new StaleRecordError(before, revision)
      if (installed.version !== toVersion) {
        throw failureError('packMovedOn', { id: installed.id, version: installed.version, expected: toVersion, reference: before.reference })
      }
      const upgraded = applyRecordUpgrade(before, plan, choices, this.now().toISOString())
      const after: StoredRecord = { ...upgraded, updatedAt: this.now().toISOString(), revision: before.revision + 1 }
      after.status = statusAfterEdit(before.status, after.status, diffRecords(before, after))
      await this.db.records.put(after)
      const named = (choice: FieldChoice) => upgradeFieldsParam(plan.fields.filter((field) => (choices[field.field] ?? 'keep') === choice).map((field) => field.field))
      const summary = auditRef('record.upgraded', { reference: before.reference, pack: plan.packId, from: plan.fromVersion, to: plan.toVersion, taken: named('take'), kept: named('keep') })
      await this.register.appendAudit('record', before.id, 'update', summary, diffRecords(before, after), actor)
      return after
    })
  }

  private async registerVendor(pack: TemplatePack, actor: AuditPerson): Promise<void> {
    const before = await this.db.vendors.get(pack.id)
    const vendor = { ...vendorFromPack(pack), notes: before?.notes ?? '' }
    const changes: FieldChange[] = diffValues(before, vendor)
    if (before && changes.length === 0) return
    await this.db.vendors.put(vendor)
    await this.register.appendAudit('vendor', vendor.id, before ? 'update' : 'create', auditRef(before ? 'vendor.refreshed' : 'vendor.registered', { name: vendor.name, pack: pack.id, version: pack.version }), before ? changes : [], actor)
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
    await this.db.transaction('rw', [this.db.packs, this.db.packArchive, this.db.vendors, this.db.records, ...this.register.auditTables], async () => {
      for (const { pack } of valid) {
        const current = await this.db.packs.get(pack.id)
        if (current && (current.origin !== 'shipped' || compareVersions(pack.version, current.version) <= 0)) continue
        await this.writePack(current, pack, 'shipped', actor)
        ;(current ? report.upgraded : report.installed).push(pack.id)
      }
    })
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
    if (!installed) throw failureError('noSuchPack', { id })
    return { fileName: `${installed.id}-${installed.version}.json`, text: `${JSON.stringify(installed.pack, null, 2)}\n` }
  }

  /**
   * Adds the record as an activity template to the organisation's own pack (created on first
   * use), as a new version of that pack. Returns the pack and the activity's id.
   */
  async saveRecordAsTemplate(record: StoredRecord): Promise<{ pack: InstalledPack; activityId: string }> {
    const organisation = await this.register.getOrganisation()
    if (!organisation) throw failureError('organisationFirst')
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
    const valid = { pack: validation.pack, warnings: validation.warnings, quotesChecked: validation.quotesChecked }
    const preview: ApplicablePreview = current
      ? { kind: 'newer', installed: current, diff: diffPacks(current.pack, validation.pack), affected: [], ...valid }
      : { kind: 'new', ...valid }
    return { pack: await this.applyPack(preview, 'user'), activityId: activity.id }
  }
}

