import { describe, expect, it } from 'vitest'
import { affectedRecords, compareVersions, diffPacks, formatPackDiff, type RecordOriginRef } from '@core/templates/pack-diff'
import type { TemplatePack } from '@core/templates/pack-schema'
import { validatePackText } from '@core/templates/validate-pack'
import { fixturePackJson } from '../fixtures/packs/fixture-pack'
import { NEW_RETENTION_QUOTE, NEW_YOUTUBE_QUOTE, OLD_YOUTUBE_QUOTE, V2_ACTIVITY_ID, haivisionV1Text, haivisionV2 } from '../fixtures/packs/haivision-v2'

/** As the app holds packs: validated, so format 1 packs carry ids derived from their content. */
function valid(json: unknown): TemplatePack {
  const validation = validatePackText(JSON.stringify(json))
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems))
  return validation.pack
}

const installed = valid(fixturePackJson())

function modifiedCopy(): TemplatePack {
  const pack = fixturePackJson()
  pack.version = '1.1.0'
  const accounts = pack.activities[0]
  accounts.retention.period = 3
  accounts.dataCategories = accounts.dataCategories.filter((category: any) => category.term !== 'user.name')
  accounts.purposes[1].lawfulBasis = 'b'
  const newsletter = pack.activities[1]
  pack.activities = pack.activities.filter((activity: any) => activity.id !== 'newsletter')
  pack.activities.push({ ...structuredClone(newsletter), id: 'events', name: 'Event sign-ups' })
  return valid(pack)
}

describe('compareVersions', () => {
  it('compares each part as a number', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1)
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0)
    expect(compareVersions('0.9.0', '1.0.0')).toBe(-1)
  })
})

describe('diffPacks in the interface\'s language', () => {
  it('names fields, items and values in French and in German, the policy\'s words as they are', () => {
    const labelled = (locale: 'fr' | 'de') => diffPacks(installed, modifiedCopy(), locale).changed[0]!.changes.map((change) => [change.label, change.before ?? null, change.after ?? null])
    expect(labelled('fr')).toEqual([
      ['Finalité « Take payments » › Base légale', null, expect.stringMatching(/^Art\. 6/)],
      ['Catégorie de données « Nom »', 'Catégorie : Nom; Formulation : your name', null],
      ['Conservation', '2 ans à compter de account closure', '3 ans à compter de account closure']
    ])
    expect(labelled('de')).toEqual([
      ['Zweck „Take payments“ › Rechtsgrundlage', null, expect.stringMatching(/^Art\. 6/)],
      ['Datenkategorie „Name“', 'Kategorie: Name; Wortlaut: your name', null],
      ['Speicherdauer', '2 Jahre ab account closure', '3 Jahre ab account closure']
    ])
  })
})

describe('diffPacks', () => {
  it('reports added, removed and changed activities, each change with its label in words, old → new and the quotes', () => {
    const diff = diffPacks(installed, modifiedCopy())
    expect(diff).toMatchObject({ packId: 'acme-widgets', installedVersion: '1.0.0', incomingVersion: '1.1.0', versionChange: 'newer' })
    expect(diff.added).toEqual([{ id: 'events', name: 'Event sign-ups' }])
    expect(diff.removed).toEqual([{ id: 'newsletter', name: 'Newsletter' }])
    expect(diff.changed.map((activity) => activity.id)).toEqual(['accounts'])
    expect(diff.changed[0]!.changes).toEqual([
      {
        kind: 'added',
        path: 'purposes[take-payments].lawfulBasis',
        label: 'Purpose “Take payments” › Lawful basis',
        after: 'Art. 6(1)(b) Contract',
        beforeQuotes: [],
        afterQuotes: ['We share contact details with our payment provider PayCo to take payments.']
      },
      // Matched by id: removing the first category reports that category, not a shift of the others.
      {
        kind: 'removed',
        path: 'dataCategories[user-name]',
        label: 'Data category “Name”',
        before: 'Category: Name; Wording: your name',
        beforeQuotes: ['we collect your name, your e-mail address and your password'],
        afterQuotes: []
      },
      {
        kind: 'changed',
        path: 'retention',
        label: 'Retention',
        before: '2 years from account closure',
        after: '3 years from account closure',
        beforeQuotes: ['for 2 years after it is closed'],
        afterQuotes: ['for 2 years after it is closed']
      }
    ])
    expect(diff.vendorChanges).toEqual([])
    expect(diff.sourceChanges).toEqual([])
    expect(diff.policyTextChanged).toBe(false)
  })

  it('matches list items by id: reordered purposes and categories are no change', () => {
    const reordered = fixturePackJson()
    reordered.version = '1.0.1'
    reordered.activities[0].purposes.reverse()
    reordered.activities[0].dataCategories.reverse()
    expect(diffPacks(installed, valid(reordered)).changed).toEqual([])
  })

  it('says "same" and reports nothing for an identical pack, and "older" for a downgrade', () => {
    expect(diffPacks(installed, structuredClone(installed))).toMatchObject({ versionChange: 'same', added: [], removed: [], changed: [] })
    expect(diffPacks(modifiedCopy(), installed).versionChange).toBe('older')
  })

  it('reports a changed policy text through the source hash, in words', () => {
    const incoming = structuredClone(installed)
    incoming.source.sha256 = 'f'.repeat(64)
    const diff = diffPacks(installed, incoming)
    expect(diff.policyTextChanged).toBe(true)
    expect(diff.sourceChanges).toEqual([
      { kind: 'changed', path: 'source.sha256', label: 'Policy › Text fingerprint (SHA-256)', before: installed.source.sha256, after: 'f'.repeat(64), beforeQuotes: [], afterQuotes: [] }
    ])
  })

  it('gives every value in full, however long and however many changes, and no label is an internal path', () => {
    const long = `${'The vendor explains at length why it keeps what it keeps. '.repeat(30)}End of the long purpose.`
    const incoming = fixturePackJson()
    incoming.version = '2.0.0'
    incoming.activities[0].purposes[0].legitimateInterest = long
    incoming.activities[0].dataCategories = incoming.activities[0].dataCategories.map((category: any) => ({ ...category, wording: `${category.wording} (reworded)` }))
    for (let index = 0; index < 25; index++) incoming.activities[0].dataSubjects.push({ term: `custom:Subject group ${index}`, quotes: ['When you create an account'] })
    const diff = diffPacks(installed, valid(incoming))
    const changes = diff.changed[0]!.changes
    expect(changes).toHaveLength(1 + 3 + 25)
    expect(changes.find((change) => change.label === 'Purpose “Provide the service the customer signed up for” › Legitimate interest')!.after).toBe(long)
    for (const change of changes) expect(change.label).not.toMatch(/[[\]]|\.\d|quotes|dataCategories|Gaps/)
    const text = formatPackDiff(diff)
    expect(text).toContain(long)
    expect(text).toContain('Data subject “Subject group 24”')
    expect(text).not.toMatch(/…|and \d+ more/)
  })

  it('diffs the second Haivision version per field: retention, removed sub-processor and reworded quotes, reordered purposes matched', () => {
    const v2 = haivisionV2()
    const second = validatePackText(v2.packText)
    expect(second.ok ? [] : second.problems).toEqual([])
    const diff = diffPacks(valid(JSON.parse(haivisionV1Text())), second.ok ? second.pack : installed)
    expect(diff.changed.map((activity) => activity.id)).toEqual([V2_ACTIVITY_ID])
    const changes = diff.changed[0]!.changes
    expect(changes.map((change) => `${change.kind}: ${change.label}`)).toEqual([
      'changed: Purpose “Managing the services offered to users who connect a YouTube account” › Policy quote',
      'changed: Data category “Name” › Wording',
      'changed: Data category “Name” › Policy quote',
      'changed: Retention',
      'changed: Retention › Policy quote',
      'removed: Sub-processor “Google Firebase”',
      // Open points name items by position: the sub-processor after Google Firebase moved up.
      'removed: Open point “Sub-processor 3 › Country”',
      'added: Open point “Sub-processor 2 › Country”'
    ])
    const retention = changes.find((change) => change.label === 'Retention')!
    expect(retention).toMatchObject({ before: "As set by the client's documented instructions (for example contractual obligations)", after: '2 years from the end of the contract with the client, then erase', afterQuotes: [NEW_RETENTION_QUOTE] })
    const quote = changes.find((change) => change.label === 'Data category “Name” › Policy quote')!
    expect(quote).toMatchObject({ before: `“${OLD_YOUTUBE_QUOTE}”`, after: `“${NEW_YOUTUBE_QUOTE}”` })
    expect(diff.policyTextChanged).toBe(true)
  })
})

describe('affectedRecords', () => {
  const record = (id: string, origin: RecordOriginRef['origin']): RecordOriginRef => ({ id, reference: `PA-000${id}`, name: `Record ${id}`, origin })
  const fromPack = (activityId: string, packVersion = '1.0.0', packId = 'acme-widgets') => ({ packId, packVersion, activityId })

  it('lists the records made from a changed or removed activity of this pack, and no others', () => {
    const records = [record('1', fromPack('accounts')), record('2', fromPack('newsletter')), record('3', null), record('4', fromPack('accounts', '1.0.0', 'other-pack')), record('5', fromPack('events'))]
    const incoming = modifiedCopy()
    const diff = diffPacks(installed, incoming)
    const affected = affectedRecords(records, incoming, (version) => (version === '1.0.0' ? installed : undefined))
    expect(affected).toEqual([
      { record: records[0], activityId: 'accounts', originVersion: '1.0.0', change: 'changed', changes: diff.changed[0]!.changes },
      { record: records[1], activityId: 'newsletter', originVersion: '1.0.0', change: 'removed', changes: [] },
      // Made from an activity its version did not have: what changed for it cannot be known.
      { record: records[4], activityId: 'events', originVersion: '1.0.0', change: 'origin-unknown', changes: [] }
    ])
  })

  it("measures each record against the version it was made from, not the installed one", () => {
    // 1.1.0 changes the retention; 1.2.0 changes only the description. Installed: 1.1.0.
    const v11 = modifiedCopy()
    const v12Json = JSON.parse(JSON.stringify(v11))
    v12Json.version = '1.2.0'
    v12Json.activities[0].description = 'Creating, running and closing customer accounts.'
    const v12 = valid(v12Json)
    const packs = new Map([
      ['1.0.0', installed],
      ['1.1.0', v11]
    ])
    const fromOld = record('1', fromPack('accounts', '1.0.0'))
    const fromInstalled = record('2', fromPack('accounts', '1.1.0'))
    const fromLost = record('3', fromPack('accounts', '0.9.0'))
    const affected = affectedRecords([fromOld, fromInstalled, fromLost], v12, (version) => packs.get(version))
    expect(affected.map((entry) => [entry.record.id, entry.originVersion, entry.change, entry.changes.map((change) => change.label)])).toEqual([
      ['1', '1.0.0', 'changed', ['Description', 'Purpose “Take payments” › Lawful basis', 'Data category “Name”', 'Retention']],
      ['2', '1.1.0', 'changed', ['Description']],
      ['3', '0.9.0', 'origin-unknown', []]
    ])
  })
})
