/** The template and vendor domain logic in the core: vendors from packs, the user pack, records as templates, and describing a pack change. */
import { describe, expect, it } from 'vitest'
import { demoOrganisation } from '@core/demo/demo-register'
import type { StoredRecord } from '@core/records/model'
import { storedRecordSchema } from '@core/records/model'
import { recordFromActivity } from '@core/templates/instantiate'
import { installedPackSchema } from '@core/templates/installed-pack'
import { describeDiff, diffPacks, packChanges } from '@core/templates/pack-diff'
import { templatePackSchema, type TemplatePack } from '@core/templates/pack-schema'
import { activityFromRecord, bumpMinor, newUserPack, slugify } from '@core/templates/user-pack'
import { validatePackText } from '@core/templates/validate-pack'
import { recordUsesVendor, vendorFromPack, vendorSchema } from '@core/templates/vendor'
import { FIXTURE_PACK_TEXT } from '../fixtures/packs/fixture-pack'

function fixturePack(): TemplatePack {
  const validation = validatePackText(FIXTURE_PACK_TEXT)
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems))
  return validation.pack
}

function storedFrom(pack: TemplatePack, activityId: string, changes: Partial<StoredRecord> = {}): StoredRecord {
  const now = '2025-06-01T00:00:00.000Z'
  return storedRecordSchema.parse({ ...recordFromActivity(pack, activityId, 'vendor-as-is'), id: `id-${activityId}`, reference: 'PA-0001', createdAt: now, updatedAt: now, approvedBy: '', approvedAt: '', ...changes })
}

describe('vendors', () => {
  it('are made from a pack: its id, legal entities with addresses, and contacts as one line each', () => {
    const vendor = vendorFromPack(fixturePack())
    expect(vendor).toEqual({
      id: 'acme-widgets',
      name: 'Acme Widgets Ltd',
      packId: 'acme-widgets',
      legalEntities: ['Acme Widgets Ltd, 1 Example Street, Dublin, Ireland'],
      privacyContact: 'privacy@acme.example',
      dpoContact: '',
      euRepresentative: '',
      controllerFor: [],
      processorFor: [],
      notes: ''
    })
    expect(vendorSchema.parse(vendor)).toEqual(vendor)
  })

  it('are used by a record made from their pack or naming them as a recipient, and by no other', () => {
    const pack = fixturePack()
    const vendor = vendorFromPack(pack)
    const fromPack = storedFrom(pack, 'accounts')
    expect(fromPack.origin?.packId).toBe('acme-widgets')
    expect(recordUsesVendor(fromPack, vendor)).toBe(true)
    const unrelated = { ...fromPack, origin: null }
    expect(recordUsesVendor(unrelated, vendor)).toBe(false)
    const asRecipient = { ...unrelated, recipients: [{ id: 'r', name: 'Acme', type: 'processor' as const, vendorId: 'acme-widgets', contractReference: '', notes: '' }] }
    expect(recordUsesVendor(asRecipient, vendor)).toBe(true)
    // The DPO's own record made from the pack names the vendor as its first recipient.
    const dposSide = storedRecordSchema.parse({ ...recordFromActivity(pack, 'accounts', 'controller-using-vendor'), id: 'own', reference: 'PA-0002', createdAt: '', updatedAt: '', approvedBy: '', approvedAt: '', origin: null })
    expect(recordUsesVendor(dposSide, vendor)).toBe(true)
  })
})

describe("the organisation's own pack", () => {
  it('starts at 1.0.0 with the organisation as its vendor and no policy behind it; with a saved record it is a valid pack', () => {
    const organisation = demoOrganisation()
    const pack = newUserPack('example-trading', organisation)
    expect(pack).toMatchObject({ id: 'example-trading', version: '1.0.0', vendor: { name: organisation.controller.name }, activities: [] })
    expect(pack.vendor.privacyContact).toEqual(organisation.controller.email.trim() ? { email: organisation.controller.email.trim(), quotes: [] } : undefined)
    const withoutEmail = newUserPack('x', { ...organisation, controller: { ...organisation.controller, email: '  ', address: '' } })
    expect(withoutEmail.vendor.privacyContact).toBeUndefined()
    expect(withoutEmail.vendor.legalEntities).toEqual([{ name: organisation.controller.name, quotes: [] }])

    const record = storedFrom(fixturePack(), 'accounts')
    const result = templatePackSchema.safeParse({ ...pack, activities: [activityFromRecord(record)] })
    expect(result.success ? [] : result.error.issues).toEqual([])
  })

  it('gets a new minor version per template, and ids are readable slugs', () => {
    expect(bumpMinor('1.4.2')).toBe('1.5.0')
    expect(bumpMinor('2.0.0')).toBe('2.1.0')
    expect(slugify('Ünïcode & Co — Accounts', 'activity')).toBe('unicode-co-accounts')
    expect(slugify('***', 'activity')).toBe('activity')
    expect(slugify('a'.repeat(70) + ' b', 'x')).toHaveLength(60)
  })

  it('takes a record as an activity template with its quotes and its unresolved open items as gaps', () => {
    const pack = fixturePack()
    const record = storedFrom(pack, 'accounts')
    const activity = activityFromRecord(record)
    const original = pack.activities.find((candidate) => candidate.id === 'accounts')!
    expect(activity.id).toBe(slugify(record.name, 'activity'))
    expect(activity.purposes.map((purpose) => purpose.quotes)).toEqual(original.purposes.map((purpose) => purpose.quotes))
    // Every gap of the template comes back (instantiating may add open items of its own, e.g. a transfer without a safeguard);
    // a gap on one template transfer comes back as one on the transfers, since such a transfer is not in the record.
    const fieldsOf = (gaps: Array<{ field: string }>) => new Set(gaps.map((gap) => gap.field.replace(/^transfers\[\d+\].*$/, 'transfers')))
    // The open item on the end of retention the policy does not state comes back as a gap on the data categories.
    expect(fieldsOf(activity.gaps)).toEqual(new Set([...fieldsOf(original.gaps), 'dataCategories']))
    const resolved = { ...record, openItems: record.openItems.map((item) => ({ ...item, resolution: 'resolved' as const })) }
    // Format 2: the record's transfer names "Standard contractual clauses" but no instrument yet, which the template says.
    expect(activityFromRecord(resolved).gaps).toEqual([{ field: 'transfers[0].instrument', kind: 'silent', note: 'No transfer instrument is named for this transfer.', quotes: [] }])
  })
})

describe('describing a pack change', () => {
  it('says in words how many activities were added, changed and removed, and lists them as audit changes', () => {
    const installed = fixturePack()
    const [first, second] = installed.activities
    const incoming: TemplatePack = {
      ...installed,
      version: '1.1.0',
      activities: [{ ...first!, description: `${first!.description} Changed.` }, { ...second!, id: 'newsletter-v2', name: 'Newsletter v2' }]
    }
    const diff = diffPacks(installed, incoming)
    expect(describeDiff(diff)).toBe('1 activity added, 1 activity changed, 1 activity removed')
    expect(packChanges(diff)).toEqual([
      { field: 'version', before: '1.0.0', after: '1.1.0' },
      { field: 'activities[newsletter-v2]', after: 'Newsletter v2' },
      { field: `activities[${second!.id}]`, before: second!.name },
      { field: `activities[${first!.id}]`, before: first!.name, after: '1 field changed' }
    ])
  })
})

describe('installed pack rows', () => {
  it('hold a valid pack whose id and version are the row\'s own', () => {
    const pack = fixturePack()
    const row = { id: pack.id, version: pack.version, vendorName: pack.vendor.name, origin: 'imported', installedAt: '2025-01-01T00:00:00.000Z', pack }
    expect(installedPackSchema.parse(row)).toEqual({ ...row, sourceText: '' })
    const mismatched = installedPackSchema.safeParse({ ...row, version: '9.9.9' })
    expect(mismatched.success ? [] : mismatched.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['version', '"9.9.9" is not the version of the pack it holds ("1.0.0")']])
  })
})
