import { describe, expect, it } from 'vitest'
import { affectedRecords, compareVersions, diffPacks, type RecordOriginRef } from '@core/templates/pack-diff'
import { templatePackSchema, type TemplatePack } from '@core/templates/pack-schema'
import { fixturePackJson } from '../fixtures/packs/fixture-pack'

const installed: TemplatePack = templatePackSchema.parse(fixturePackJson())

function modifiedCopy(): TemplatePack {
  const pack = structuredClone(installed)
  pack.version = '1.1.0'
  const accounts = pack.activities[0]!
  accounts.retention = { ...accounts.retention!, period: 3 }
  accounts.dataCategories = accounts.dataCategories.filter((category) => category.term !== 'user.name')
  accounts.purposes[1]!.lawfulBasis = 'b'
  pack.activities = pack.activities.filter((activity) => activity.id !== 'newsletter')
  pack.activities.push({ ...structuredClone(installed.activities[1]!), id: 'events', name: 'Event sign-ups' })
  return pack
}

describe('compareVersions', () => {
  it('compares each part as a number', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1)
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0)
    expect(compareVersions('0.9.0', '1.0.0')).toBe(-1)
  })
})

describe('diffPacks', () => {
  it('reports the version direction and added, removed and changed activities with field changes', () => {
    const diff = diffPacks(installed, modifiedCopy())
    expect(diff).toMatchObject({ packId: 'acme-widgets', installedVersion: '1.0.0', incomingVersion: '1.1.0', versionChange: 'newer' })
    expect(diff.added).toEqual([{ id: 'events', name: 'Event sign-ups' }])
    expect(diff.removed).toEqual([{ id: 'newsletter', name: 'Newsletter' }])
    expect(diff.changed.map((activity) => activity.id)).toEqual(['accounts'])
    const removedCategory = installed.activities[0]!.dataCategories[0]
    expect(diff.changed[0]!.changes).toEqual([
      { field: 'purposes[#2].lawfulBasis', before: undefined, after: 'b' },
      // Matched by term: removing the first category reports that category, not a shift of the others.
      { field: 'dataCategories[user.name]', before: removedCategory, after: undefined },
      { field: 'retention.period', before: 2, after: 3 }
    ])
    expect(diff.vendorChanges).toEqual([])
    expect(diff.sourceChanges).toEqual([])
  })

  it('says "same" and reports nothing for an identical pack, and "older" for a downgrade', () => {
    expect(diffPacks(installed, structuredClone(installed))).toMatchObject({ versionChange: 'same', added: [], removed: [], changed: [] })
    expect(diffPacks(modifiedCopy(), installed).versionChange).toBe('older')
  })

  it('reports a changed policy text through the source hash', () => {
    const incoming = structuredClone(installed)
    incoming.source.sha256 = 'f'.repeat(64)
    expect(diffPacks(installed, incoming).sourceChanges).toEqual([{ field: 'source.sha256', before: installed.source.sha256, after: 'f'.repeat(64) }])
  })
})

describe('affectedRecords', () => {
  const record = (id: string, origin: RecordOriginRef['origin']): RecordOriginRef => ({ id, reference: `PA-000${id}`, name: `Record ${id}`, origin })
  const fromPack = (activityId: string, packId = 'acme-widgets') => ({ packId, packVersion: '1.0.0', activityId })

  it('lists the records made from a changed or removed activity of this pack, and no others', () => {
    const records = [
      record('1', fromPack('accounts')),
      record('2', fromPack('newsletter')),
      record('3', null),
      record('4', fromPack('accounts', 'other-pack')),
      record('5', fromPack('events'))
    ]
    const diff = diffPacks(installed, modifiedCopy())
    expect(affectedRecords(diff, records)).toEqual([
      { record: records[0], activityId: 'accounts', change: 'changed', changes: diff.changed[0]!.changes },
      { record: records[1], activityId: 'newsletter', change: 'removed', changes: [] }
    ])
  })
})
