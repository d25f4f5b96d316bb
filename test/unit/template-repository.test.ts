import 'fake-indexeddb/auto'
import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyChain } from '@core/audit/audit-chain'
import { EMPTY_TEXT_SHA256 } from '@core/templates/pack-schema'
import { recordFromActivity } from '@core/templates/instantiate'
import { isPackFileName, validatePackText } from '@core/templates/validate-pack'
import { RopaDatabase } from '../../src-renderer/src/db/database'
import { RegisterRepository } from '../../src-renderer/src/db/register-repository'
import { activityFromRecord } from '@core/templates/user-pack'
import { PackValidationError, TemplateRepository, type PackPreview } from '../../src-renderer/src/db/template-repository'
import { describeFieldPath } from '@core/records/field-names'
import { locateQuote } from '../../src-renderer/src/templates/quote-location'
import { FIXTURE_PACK_TEXT, fixturePackJson } from '../fixtures/packs/fixture-pack'

const TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates')
const SHIPPED_PACK_FILES = readdirSync(TEMPLATES_DIR).filter(isPackFileName)
const shippedJson = (file: string): any => JSON.parse(readFileSync(resolve(TEMPLATES_DIR, file), 'utf8'))

let db: RopaDatabase
let register: RegisterRepository
let templates: TemplateRepository

beforeEach(async () => {
  db = new RopaDatabase(`templates-${crypto.randomUUID()}`)
  register = new RegisterRepository(db)
  templates = new TemplateRepository(register)
  await register.saveUserProfile({ name: 'Dana DPO', role: 'DPO' })
  await register.saveOrganisation({ controller: { name: 'Northwind Analytics GmbH', address: 'Hafenstraße 1, Hamburg', email: 'privacy@northwind.example', phone: '' }, dpo: {}, representative: {} })
})
afterEach(async () => {
  await db.delete()
})

/** Every table the template code may touch, as stored. */
async function snapshot() {
  return {
    packs: await db.packs.toArray(),
    packArchive: await db.packArchive.toArray(),
    vendors: await db.vendors.toArray(),
    records: await db.records.toArray(),
    auditLog: await db.auditLog.toArray(),
    meta: await db.meta.toArray()
  }
}

function expectKind<K extends PackPreview['kind']>(preview: PackPreview, kind: K): Extract<PackPreview, { kind: K }> {
  expect(preview.kind, preview.kind === 'invalid' ? JSON.stringify(preview.problems) : '').toBe(kind)
  return preview as Extract<PackPreview, { kind: K }>
}

describe('shipped packs', () => {
  it('installs every shipped pack with its policy text and vendor, audited, and a second run changes nothing', async () => {
    const report = await templates.installShippedPacks()
    expect(report.failed).toEqual([])
    const ids = SHIPPED_PACK_FILES.map((file) => shippedJson(file).id).sort()
    expect(report.installed.sort()).toEqual(ids)
    expect(ids).toHaveLength(5)

    const haivision = await templates.getPack('haivision')
    expect(haivision).toMatchObject({ origin: 'shipped', version: shippedJson('haivision.json').version, vendorName: 'Haivision' })
    // Format 2: the policy text is in the pack itself, not in the row.
    expect(haivision!.sourceText).toBe('')
    expect(haivision!.pack.sources.map((source) => [source.kind, source.text])).toEqual(shippedJson('haivision.json').sources.map((source: any) => [source.kind, source.text]))
    const vendor = await templates.getVendor('haivision')
    expect(vendor!.legalEntities[0]).toContain('Haivision Systems, Inc.')
    expect(vendor!.processorFor.length + vendor!.controllerFor.length).toBeGreaterThan(0)

    const audit = await db.auditLog.toArray()
    expect(audit.filter((entry) => entry.entity === 'pack').map((entry) => entry.entityId).sort()).toEqual(ids)
    expect(audit.filter((entry) => entry.entity === 'vendor').map((entry) => entry.entityId).sort()).toEqual(ids)
    expect(audit.every((entry) => entry.actor === 'Dana DPO')).toBe(true)
    expect(verifyChain(audit).ok).toBe(true)

    const before = await snapshot()
    const second = await templates.installShippedPacks()
    expect(second).toEqual({ installed: [], upgraded: [], failed: [] })
    expect(await snapshot()).toEqual(before)
  })

  it('leaves a pack the DPO imported in place of a shipped one alone', async () => {
    const newer = shippedJson('haivision.json')
    newer.version = '9.0.0'
    expectKind(await templates.importPackText(JSON.stringify(newer)), 'new')
    const report = await templates.installShippedPacks()
    expect(report.installed).not.toContain('haivision')
    expect((await templates.getPack('haivision'))!.version).toBe('9.0.0')
  })
})

describe('importing a pack file', () => {
  it('checks the quotes of a pack that cites a shipped policy, and stores nothing when one is not in it', async () => {
    const copy = shippedJson('haivision.json')
    copy.id = 'haivision-copy'
    copy.activities[0].purposes[0].quotes[0] = 'We sell your data to anyone who asks.'
    const before = await snapshot()
    const preview = expectKind(await templates.importPackText(JSON.stringify(copy)), 'invalid')
    expect(preview.problems).toHaveLength(1)
    expect(preview.problems[0]!.path).toBe('$.activities[0].purposes[0].quotes[0]')
    expect(preview.problems[0]!.message).toMatch(/^quote not found verbatim in the policy text/)
    expect(await snapshot()).toEqual(before)
  })

  it('installs a pack without source text, keeping the warning that its quotes were not checked', async () => {
    const preview = expectKind(await templates.importPackText(FIXTURE_PACK_TEXT), 'new')
    expect(preview.quotesChecked).toBe(false)
    expect(preview.warnings).toContainEqual(expect.objectContaining({ path: '$.sources', message: 'the pack carries no source text: its quotes were not checked, and its values show as unverified' }))
    const installed = await templates.getPack('acme-widgets')
    expect(installed).toMatchObject({ origin: 'imported', version: '1.0.0', sourceText: '' })
    expect(await templates.getVendor('acme-widgets')).toMatchObject({ name: 'Acme Widgets Ltd', packId: 'acme-widgets' })
  })

  it('says so for the same version twice and refuses an older one, writing nothing', async () => {
    await templates.importPackText(FIXTURE_PACK_TEXT)
    const before = await snapshot()
    expectKind(await templates.importPackText(FIXTURE_PACK_TEXT), 'same')
    const older = fixturePackJson()
    older.version = '0.9.0'
    expectKind(await templates.importPackText(JSON.stringify(older)), 'older')
    expect(await snapshot()).toEqual(before)
  })

  it('shows what a newer version changes and which records it affects, then archives the old version', async () => {
    await templates.importPackText(FIXTURE_PACK_TEXT)
    const installed = (await templates.getPack('acme-widgets'))!.pack
    const fromAccounts = await register.createRecord(recordFromActivity(installed, 'accounts'))
    const fromNewsletter = await register.createRecord(recordFromActivity(installed, 'newsletter'))
    await register.createRecord({ ...recordFromActivity(installed, 'accounts'), origin: null, name: 'Hand-made' })

    const newer = fixturePackJson()
    newer.version = '1.1.0'
    newer.activities[0].name = 'Customer accounts and billing'
    newer.activities.push({ ...newer.activities[1], id: 'webinars', name: 'Webinars' })
    const preview = expectKind(await templates.previewPackText(JSON.stringify(newer)), 'newer')
    expect(preview.diff.added).toEqual([{ id: 'webinars', name: 'Webinars' }])
    expect(preview.diff.changed.map((activity) => activity.id)).toEqual(['accounts'])
    expect(preview.diff.changed[0]!.changes).toContainEqual(expect.objectContaining({ kind: 'changed', path: 'name', label: 'Name', before: 'Customer accounts', after: 'Customer accounts and billing' }))
    expect(preview.affected.map((entry) => entry.record.id)).toEqual([fromAccounts.id])
    expect(fromNewsletter.origin?.activityId).toBe('newsletter')
    expect(await db.packArchive.count()).toBe(0)

    await templates.applyPack(preview, 'imported')
    expect((await templates.getPack('acme-widgets'))!.version).toBe('1.1.0')
    expect((await templates.archivedVersions('acme-widgets')).map((pack) => pack.version)).toEqual(['1.0.0'])
    const upgrade = (await db.auditLog.toArray()).at(-1)!
    expect(upgrade).toMatchObject({ entity: 'pack', entityId: 'acme-widgets', action: 'update' })
    expect(upgrade.summary).toContain('1 activity added, 1 activity changed, 0 activities removed')
    expect(upgrade.changes).toContainEqual({ field: 'version', before: '1.0.0', after: '1.1.0' })
    expect(verifyChain(await db.auditLog.toArray()).ok).toBe(true)
  })

  it('refuses a stale preview (the pack changed meanwhile) and leaves every table as it was', async () => {
    const preview = expectKind(await templates.previewPackText(FIXTURE_PACK_TEXT), 'new')
    await templates.importPackText(FIXTURE_PACK_TEXT)
    const before = await snapshot()
    await expect(templates.applyPack(preview, 'imported')).rejects.toThrow(/changed while it was being imported/)
    expect(await snapshot()).toEqual(before)
  })

  const huge = 'x'.repeat(2 * 1024 * 1024)
  const badFiles: Array<[string, () => string, RegExp]> = [
    ['invalid JSON', () => FIXTURE_PACK_TEXT.slice(0, 200), /^invalid JSON at line/],
    ['a wrong formatVersion', () => JSON.stringify({ ...fixturePackJson(), formatVersion: 3 }), /formatVersion 3 is newer than this app supports/],
    ['a missing required field', () => JSON.stringify({ ...fixturePackJson(), id: undefined }), /required field "id" is missing/],
    ['duplicate activity ids', () => { const pack = fixturePackJson(); pack.activities[1].id = pack.activities[0].id; return JSON.stringify(pack) }, /duplicate activity id "accounts"/],
    ['a __proto__ key', () => FIXTURE_PACK_TEXT.replace('"formatVersion": 1,', '"formatVersion": 1, "__proto__": {"polluted": true},'), /__proto__/],
    ['a 2 MB string', () => JSON.stringify({ ...fixturePackJson(), id: huge }), /longer than|too long|characters/i],
    ['a file over 5 MB', () => JSON.stringify({ ...fixturePackJson(), padding: [huge, huge, huge] }), /over the limit of 5/]
  ]
  for (const [what, text, message] of badFiles) {
    it(`refuses ${what} with a message naming where, and stores nothing`, async () => {
      await templates.installShippedPacks()
      const before = await snapshot()
      const preview = expectKind(await templates.importPackText(text()), 'invalid')
      expect(preview.problems.length).toBeGreaterThan(0)
      expect(preview.problems.map((problem) => problem.message).join('\n')).toMatch(message)
      expect(preview.problems.every((problem) => problem.path.startsWith('$'))).toBe(true)
      expect(await snapshot()).toEqual(before)
    })
  }
})

describe('export and user packs', () => {
  it('exports a pack as JSON text that validates back to the same pack', async () => {
    await templates.installShippedPacks()
    const { fileName, text } = await templates.exportPack('kaltura')
    const installed = (await templates.getPack('kaltura'))!
    expect(fileName).toBe(`kaltura-${installed.version}.json`)
    // Format 2: the policy text travels inside the pack, and its quotes are checked again.
    const validation = validatePackText(text)
    expect(validation.ok && validation.quotesChecked).toBe(true)
    expect(validation.ok && validation.pack).toEqual(installed.pack)
  })

  it('accepts a user-authored pack without quotes only when it names no policy at all', () => {
    const pack = fixturePackJson()
    pack.source = { title: 'Our own templates', sha256: EMPTY_TEXT_SHA256, file: '' }
    pack.activities[0].roleQuotes = []
    pack.activities[0].purposes[0].quotes = []
    expect(validatePackText(JSON.stringify(pack)).ok).toBe(true)
    pack.source.sha256 = 'a'.repeat(64)
    const refused = validatePackText(JSON.stringify(pack))
    expect(refused.ok ? [] : refused.problems).toEqual([
      expect.objectContaining({ path: '$.activities[0].roleQuotes', message: 'give at least one verbatim quote from the policy' }),
      expect.objectContaining({ path: '$.activities[0].purposes[0].quotes', message: 'give at least one verbatim quote from the policy' })
    ])
  })

  it('saves a record as a template into a user pack named after the organisation, keeping its quotes and open items', async () => {
    await templates.installShippedPacks()
    const haivision = (await templates.getPack('haivision'))!.pack
    const form = recordFromActivity(haivision, 'customer-relationship-management', 'vendor-as-is')
    form.dataCategories[0]!.retention = { mode: 'period', period: 3, unit: 'years', fromEvent: 'end of contract', endAction: 'erase', criterion: '' }
    form.purposes.push({ id: 'own', description: 'Send the annual client survey', uses: [], lawfulBasis: '', legitimateInterest: '', liaReference: '', consentRecordReference: '' })
    const record = await register.createRecord(form)

    const first = await templates.saveRecordAsTemplate(record)
    expect(first.pack).toMatchObject({ id: 'northwind-analytics-gmbh', origin: 'user', version: '1.0.0', vendorName: 'Northwind Analytics GmbH' })
    expect(first.activityId).toBe('customer-relationship-management')
    const activity = first.pack.pack.activities[0]!
    expect(activity.purposes[0]!.quotes).toEqual(haivision.activities.find((candidate) => candidate.id === first.activityId)!.purposes[0]!.quotes)
    expect(activity.purposes[1]).toEqual({ id: 'send-the-annual-client-survey', description: 'Send the annual client survey', uses: [], quotes: [] })
    expect(activity.dataCategories[0]!.retention).toMatchObject({ mode: 'period', period: 3, unit: 'years', fromEvent: 'end of contract' })
    // Each open item is a gap, and the transfer whose instrument the record does not name yet gets one saying so.
    expect(activity.gaps.length).toBe(record.openItems.length + 1)
    expect(activity.gaps.at(-1)).toMatchObject({ field: 'transfers[0].instrument', kind: 'silent' })
    expect(await templates.getVendor('northwind-analytics-gmbh')).toBeUndefined()

    // The exported user pack is a valid pack file, and a record made from it has the same values.
    const exported = await templates.exportPack(first.pack.id)
    expect(validatePackText(exported.text).ok).toBe(true)
    const again = recordFromActivity(first.pack.pack, first.activityId)
    expect(again.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis])).toEqual(record.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis]))
    expect(again.dataCategories.map((category) => category.retention)).toEqual(record.dataCategories.map((category) => category.retention))
    expect(again.recipients.map((recipient) => recipient.name)).toEqual(record.recipients.map((recipient) => recipient.name))

    const second = await templates.saveRecordAsTemplate(record)
    expect(second.pack.version).toBe('1.1.0')
    expect(second.activityId).toBe('customer-relationship-management-2')
    expect((await templates.archivedVersions(first.pack.id)).map((pack) => pack.version)).toEqual(['1.0.0'])
    const packAudit = (await db.auditLog.toArray()).filter((entry) => entry.entityId === first.pack.id)
    expect(packAudit.map((entry) => entry.action)).toEqual(['create', 'update'])
  })

  it('refuses to save a record the pack format cannot hold, naming the problem, and stores nothing', async () => {
    const record = await register.createRecord({ ...recordFromActivity(validatePackOk(FIXTURE_PACK_TEXT), 'accounts'), purposes: [] })
    const before = await snapshot()
    const error = await templates.saveRecordAsTemplate(record).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PackValidationError)
    expect((error as PackValidationError).problems).toEqual([expect.objectContaining({ path: '$.activities[0].purposes', message: 'an activity needs at least one purpose' })])
    expect(await snapshot()).toEqual(before)
  })

  it('names each activity uniquely and leaves out what the record does not fill', async () => {
    const record = await register.createRecord({ ...recordFromActivity(validatePackOk(FIXTURE_PACK_TEXT), 'accounts'), name: 'Ünïcode & Co — accounts', evidence: [], openItems: [], source: '' })
    const activity = activityFromRecord(record, new Set(['unicode-co-accounts']))
    expect(activity.id).toBe('unicode-co-accounts-2')
    expect(activity.dataSource).toBeUndefined()
    expect(activity.roleQuotes).toEqual([])
  })
})

describe('vendors', () => {
  it('counts and lists the records that use a vendor, by origin or as a recipient', async () => {
    await templates.installShippedPacks()
    const kaltura = (await templates.getPack('kaltura'))!.pack
    const fromPack = await register.createRecord(recordFromActivity(kaltura, kaltura.activities[0]!.id))
    const asRecipient = await register.createRecord({
      ...recordFromActivity(validatePackOk(FIXTURE_PACK_TEXT), 'accounts'),
      origin: null,
      recipients: [{ id: 'r1', name: 'Kaltura', type: 'processor', vendorId: 'kaltura', contractReference: '', notes: '' }]
    })
    await register.createRecord({ ...recordFromActivity(validatePackOk(FIXTURE_PACK_TEXT), 'accounts'), origin: null })
    const vendor = (await templates.getVendor('kaltura'))!
    expect((await templates.recordsUsingVendor(vendor)).map((record) => record.id).sort()).toEqual([fromPack.id, asRecipient.id].sort())
    const usage = await templates.vendorUsage()
    expect(usage.get('kaltura')).toBe(2)
    expect(usage.get('haivision')).toBe(0)
  })
})

function validatePackOk(text: string) {
  const validation = validatePackText(text)
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems))
  return validation.pack
}

describe('finding a quote in the policy text', () => {
  it('matches across line breaks and runs of spaces, returning the original range', () => {
    const text = 'Intro.\n\nWe keep   your data\n  for two years.\nEnd.'
    const range = locateQuote(text, 'We keep your data for two years.')
    expect(range && text.slice(range.start, range.end)).toBe('We keep   your data\n  for two years.')
    expect(locateQuote(text, '  Intro.\n We ')).toEqual({ start: 0, end: 10 })
    expect(locateQuote(text, 'We keep your data for three years.')).toBeNull()
    expect(locateQuote(text, '   ')).toBeNull()
  })

  it('finds every quote of a shipped pack in its policy text', () => {
    const pack = shippedJson('kaltura.json')
    const source: string = pack.sources[0].text
    const quotes = JSON.stringify({ ...pack, sources: [] }).match(/"quotes":\[[^\]]*\]/g)!.flatMap((list) => JSON.parse(`{${list}}`).quotes as string[])
    expect(quotes.length).toBeGreaterThan(50)
    expect(quotes.filter((quote) => locateQuote(source, quote) === null)).toEqual([])
  })

  it('finds a pack\'s hundreds of quotes in its policy text at once: the text is normalised once, not once per quote', () => {
    const pack = shippedJson('kaltura.json')
    const source: string = pack.sources[0].text
    const quotes = JSON.stringify({ ...pack, sources: [] }).match(/"quotes":\[[^\]]*\]/g)!.flatMap((list) => JSON.parse(`{${list}}`).quotes as string[])
    const lookups = [...quotes, ...quotes, ...quotes].slice(0, 500)
    const started = performance.now()
    for (const quote of lookups) locateQuote(source, quote)
    // Normalising the 50 KB text per quote took 2.7 s here; once, it takes a few milliseconds.
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('names record and template fields for people', () => {
    expect(describeFieldPath('purposes.0.lawfulBasis')).toBe('Purpose 1 › Lawful basis')
    expect(describeFieldPath('transfers[1].safeguard')).toBe('Transfer 2 › Safeguard')
    expect(describeFieldPath('dataSource')).toBe('Source of the data')
  })
})
