/**
 * Template packs and vendors in the app's database. Every pack is validated with the core's
 * checker before anything is written; an install or upgrade then stores the pack, archives the
 * version it replaces, registers the pack's vendor and appends the audit entries in one
 * transaction, so a failing file leaves every table exactly as it was.
 */
import type { AuditPerson } from '@core/audit/audit-chain'
import type { FieldChange } from '@core/records/diff'
import { diffValues } from '@core/records/diff'
import type { StoredRecord } from '@core/records/model'
import type { InstalledPack, PackOrigin } from '@core/templates/installed-pack'
import { affectedRecords, compareVersions, describeDiff, diffPacks, packChanges, type AffectedRecord, type PackDiff } from '@core/templates/pack-diff'
import type { TemplatePack } from '@core/templates/pack-schema'
import { activityFromRecord, bumpMinor, newUserPack, slugify } from '@core/templates/user-pack'
import { validatePackText } from '@core/templates/validate-pack'
import { recordUsesVendor, vendorFromPack, type Vendor } from '@core/templates/vendor'
import type { Problem } from '@core/util/problems'
import type { RopaDatabase } from './database'
import type { RegisterRepository } from './register-repository'

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
    const installed = await this.db.transaction('rw', [this.db.packs, this.db.packArchive, this.db.vendors, ...this.register.auditTables], async () => {
      const current = await this.db.packs.get(preview.pack.id)
      const expected = preview.kind === 'newer' ? preview.installed.version : undefined
      if (current?.version !== expected) {
        throw new Error(`Template pack ${preview.pack.id} changed while it was being imported (now ${current ? `version ${current.version}` : 'not installed'}); import the file again.`)
      }
      return this.writePack(current, preview.pack, origin, actor)
    })
    return installed
  }

  /** Must run inside a transaction over packs, packArchive, vendors and auditLog. */
  private async writePack(current: InstalledPack | undefined, pack: TemplatePack, origin: PackOrigin, actor: AuditPerson): Promise<InstalledPack> {
    const row: InstalledPack = { id: pack.id, version: pack.version, vendorName: pack.vendor.name, origin, installedAt: this.now().toISOString(), pack, sourceText: '' }
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

  private async registerVendor(pack: TemplatePack, actor: AuditPerson): Promise<void> {
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
    await this.db.transaction('rw', [this.db.packs, this.db.packArchive, this.db.vendors, ...this.register.auditTables], async () => {
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
    const valid = { pack: validation.pack, warnings: validation.warnings, quotesChecked: validation.quotesChecked }
    const preview: ApplicablePreview = current
      ? { kind: 'newer', installed: current, diff: diffPacks(current.pack, validation.pack), affected: [], ...valid }
      : { kind: 'new', ...valid }
    return { pack: await this.applyPack(preview, 'user'), activityId: activity.id }
  }
}

