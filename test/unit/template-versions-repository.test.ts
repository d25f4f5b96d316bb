/** Versions of a template pack in the database: archive, affected records, quotes that changed, and bringing a record up to a new version. */
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import { auditSummaryIn } from '@core/audit/audit-summary'
import { checkRecord } from '@core/checks/run-checks'
import { recordFromActivity } from '@core/templates/instantiate'
import { takeOverUnchangedChoices } from '@core/templates/record-upgrade'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { RegisterRepository, StaleRecordError } from '../../src-renderer/src/db/register-repository'
import { TemplateRepository, type ShippedTemplates } from '../../src-renderer/src/db/template-repository'
import { NEW_YOUTUBE_QUOTE, OLD_YOUTUBE_QUOTE, V2_ACTIVITY_ID, haivisionV1Text, haivisionV2 } from '../fixtures/packs/haivision-v2'

const V1_POLICY: string = JSON.parse(haivisionV1Text()).sources[0].text
const v2 = haivisionV2()

/** The app as it ships Haivision: `packs` is the pack files of this build. */
function shipping(packs: string[]): ShippedTemplates {
  return { packs: async () => packs.map((text, index) => ({ file: `pack-${index}.json`, text })) }
}

let db: RopaDatabase
let register: RegisterRepository
let clock = new Date('2026-12-06T09:00:00.000Z')

beforeEach(async () => {
  db = new RopaDatabase(`versions-${crypto.randomUUID()}`)
  register = new RegisterRepository(db, () => clock)
  await register.saveUserProfile({ name: 'Dana DPO', role: 'DPO' })
  await register.saveOrganisation({ controller: { name: 'Northwind Analytics GmbH', address: 'Hafenstraße 1, Hamburg', email: 'privacy@northwind.example', phone: '' }, dpo: {}, representative: {} })
})
afterEach(async () => {
  await db.delete()
})

const templatesShipping = (packs: string[]) => new TemplateRepository(register, shipping(packs), () => clock)

async function installV1(): Promise<TemplateRepository> {
  const templates = templatesShipping([haivisionV1Text()])
  expect((await templates.installShippedPacks()).installed).toEqual(['haivision'])
  return templates
}

async function recordFrom(templates: TemplateRepository, activityId: string, status: 'draft' | 'approved' = 'draft') {
  const pack = (await templates.getPack('haivision'))!.pack
  return register.createRecord({ ...recordFromActivity(pack, activityId, 'vendor-as-is'), status })
}

async function importV2(templates: TemplateRepository, text = v2.packText) {
  const preview = await templates.previewPackText(text)
  if (preview.kind !== 'newer') throw new Error(`expected a newer version, got ${preview.kind}`)
  await templates.applyPack(preview, 'imported')
  return preview
}

describe('every earlier version is kept', () => {
  it('installing a newer shipped version archives the one it replaces, and both can be read', async () => {
    await installV1()
    const next = templatesShipping([v2.packText])
    expect(await next.installShippedPacks()).toEqual({ installed: [], upgraded: ['haivision'], failed: [] })
    expect((await next.packVersions('haivision')).map((row) => [row.version, row.origin])).toEqual([
      ['1.1.0', 'shipped'],
      ['1.0.0', 'shipped']
    ])
    const archived = (await next.getPackVersion('haivision', '1.0.0'))!
    expect(archived.pack.sources[0]!.text).toBe(V1_POLICY)
    expect((await next.getPackVersion('haivision', '1.1.0'))!.pack.sources[0]!.text).toBe(v2.policyText)
    expect(await next.getPackVersion('haivision', '0.9.0')).toBeUndefined()
  })
})

describe('records affected by a newer version', () => {
  it('are measured against the version each was made from', async () => {
    const templates = await installV1()
    const fromFirst = await recordFrom(templates, V2_ACTIVITY_ID)
    const unaffected = await recordFrom(templates, 'technical-support')
    await importV2(templates)
    const fromSecond = await recordFrom(templates, V2_ACTIVITY_ID)

    const third = structuredClone(v2.pack)
    third.version = '1.2.0'
    third.activities.find((activity: any) => activity.id === V2_ACTIVITY_ID).description = 'Live streaming to social media, now with analytics.'
    const preview = await templates.previewPackText(JSON.stringify(third))
    if (preview.kind !== 'newer') throw new Error(preview.kind)
    const byRecord = new Map(preview.affected.map((entry) => [entry.record.id, entry]))
    expect(byRecord.has(unaffected.id)).toBe(false)
    expect(byRecord.get(fromFirst.id)).toMatchObject({ originVersion: '1.0.0', change: 'changed' })
    expect(byRecord.get(fromFirst.id)!.changes.map((change) => change.label)).toContain('Retention')
    expect(byRecord.get(fromFirst.id)!.changes.map((change) => change.label)).toContain('Description')
    // Made from 1.1.0: only what 1.2.0 changes since.
    expect(byRecord.get(fromSecond.id)).toMatchObject({ originVersion: '1.1.0', change: 'changed' })
    expect(byRecord.get(fromSecond.id)!.changes.map((change) => change.label)).toEqual(['Description'])
  })
})

describe('a changed quote reopens review', () => {
  it('sends an approved record relying on a changed quote back to review, with a finding naming the old and new words', async () => {
    const templates = await installV1()
    const relying = await recordFrom(templates, V2_ACTIVITY_ID, 'approved')
    const untouched = await recordFrom(templates, 'technical-support', 'approved')
    clock = new Date('2026-12-06T10:00:00.000Z')
    await importV2(templates)

    const after = (await register.getRecord(relying.id))!
    expect(after.status).toBe('in-review')
    expect(after.revision).toBe(relying.revision + 1)
    expect(after.quoteChanges.map((change) => change.field)).toEqual(['purposes.1', 'dataCategories.0.retention', 'dataCategories.1', 'dataCategories.1.retention', 'dataCategories.2.retention'])
    const findings = checkRecord(after, await register.checkContext(clock)).filter((finding) => finding.ruleId === 'template-quote-changed')
    expect(findings.map((finding) => finding.message)).toContain(`Data category 2: the vendor's policy no longer says "${OLD_YOUTUBE_QUOTE}"; it now says "${NEW_YOUTUBE_QUOTE}" (template version 1.1.0).`)
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true)

    // A record whose quotes all stand is left as it was.
    expect(await register.getRecord(untouched.id)).toEqual(untouched)
    const audit = await db.auditLog.toArray()
    const entry = audit.find((candidate) => candidate.entityId === relying.id && candidate.action === 'update')!
    expect(entry.summary).toBe(`${relying.reference} back to review: template pack haivision 1.1.0 no longer has 5 quotes its evidence relies on`)
    expect(auditSummaryIn(entry, 'fr')).toBe(`${relying.reference} renvoyée en revue : le pack de modèles haivision 1.1.0 ne contient plus 5 citations sur lesquelles reposent ses justificatifs`)
    expect(auditSummaryIn(entry, 'de')).toBe(`${relying.reference} zurück in Prüfung: Im Vorlagenpaket haivision 1.1.0 fehlt nun: 5 Zitate, auf die sich seine Nachweise stützen`)
    expect(entry.changes).toContainEqual({ field: 'status', before: 'approved', after: 'in-review' })
    expect(verifyChain(audit).ok).toBe(true)
  })
})

describe('bringing a record up to the installed version', () => {
  it('takes over and keeps fields as chosen, in one audited write, and refuses a stale revision or version', async () => {
    const templates = await installV1()
    const original = await recordFrom(templates, V2_ACTIVITY_ID)
    const edited = await register.updateRecord(original.id, { ...original, dataCategories: original.dataCategories.map((category, index) => (index === 0 ? { ...category, description: 'Our words' } : category)) })
    await importV2(templates)
    const { record, plan } = await templates.planRecordUpgrade(original.id)
    expect(record.revision).toBe(edited.revision + 1)
    const choices = takeOverUnchangedChoices(plan)
    expect(choices).toEqual({ purposes: 'take', dataCategories: 'keep', recipients: 'take' })

    const before = { records: await db.records.toArray(), audit: await db.auditLog.count() }
    await expect(templates.upgradeRecord(original.id, record.revision - 1, '1.1.0', choices)).rejects.toBeInstanceOf(StaleRecordError)
    await expect(templates.upgradeRecord(original.id, record.revision, '1.2.0', choices)).rejects.toThrow(/now at version 1\.1\.0, not 1\.2\.0/)
    expect({ records: await db.records.toArray(), audit: await db.auditLog.count() }).toEqual(before)

    clock = new Date('2026-12-06T11:00:00.000Z')
    const upgraded = await templates.upgradeRecord(original.id, record.revision, '1.1.0', choices)
    expect(upgraded).toMatchObject({ origin: { packId: 'haivision', packVersion: '1.1.0', activityId: V2_ACTIVITY_ID, perspective: 'vendor-as-is' }, quoteChanges: [], revision: record.revision + 1 })
    expect(upgraded.recipients.map((recipient) => recipient.name)).not.toContain('Google Firebase')
    expect(upgraded.dataCategories[0]!.description).toBe('Our words')
    expect(upgraded.supersededEvidence.map((entry) => [entry.field, entry.packVersion, entry.replacedAt])).toContainEqual(['dataCategories.1', '1.0.0', '2026-12-06T11:00:00.000Z'])
    expect(await register.getRecord(original.id)).toEqual(upgraded)
    const entry = (await db.auditLog.toArray()).at(-1)!
    expect(entry.summary).toBe(`${original.reference} brought from template pack haivision 1.0.0 to 1.1.0: took over Purposes, Recipients; kept Data categories`)
    expect(auditSummaryIn(entry, 'fr')).toBe(`${original.reference} mise à jour du pack de modèles haivision 1.0.0 vers 1.1.0 : repris Finalités, Destinataires ; conservé Catégories de données`)
    expect(auditSummaryIn(entry, 'de')).toBe(`${original.reference} von Vorlagenpaket haivision 1.0.0 auf 1.1.0 gebracht: übernommen Zwecke, Empfänger; beibehalten Datenkategorien`)
    expect(entry.changes.map((change) => change.field)).toEqual(expect.arrayContaining(['origin.packVersion', 'supersededEvidence', 'quoteChanges']))

    // Up to date now: nothing more to compare.
    const again = await templates.planRecordUpgrade(original.id)
    expect(again.plan.fields).toEqual([])
  })

  it('says why when a record was not made from a template or its pack is gone', async () => {
    const templates = await installV1()
    const handMade = await register.createRecord({ ...recordFromActivity((await templates.getPack('haivision'))!.pack, 'technical-support'), origin: null })
    await expect(templates.planRecordUpgrade(handMade.id)).rejects.toThrow(`${handMade.reference} was not made from a template.`)
    const orphan = await register.createRecord({ ...handMade, origin: { packId: 'gone', packVersion: '1.0.0', activityId: 'x' } })
    await expect(templates.planRecordUpgrade(orphan.id)).rejects.toThrow(/template pack gone, which is no longer installed/)
    // Typed, so that the compare view says it in the interface's language.
    await expect(templates.planRecordUpgrade(handMade.id)).rejects.toMatchObject({ name: 'NothingToCompareError', why: 'not-from-template', reference: handMade.reference })
    await expect(templates.planRecordUpgrade(orphan.id)).rejects.toMatchObject({ name: 'NothingToCompareError', why: 'pack-not-installed', packId: 'gone' })
  })
})
