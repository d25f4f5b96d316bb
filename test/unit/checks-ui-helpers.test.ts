/** The checks UI's plain helpers: where a finding shows, the finding filter, the dashboard figures, the chain-break text. */
import { UNSTATED_INSTRUMENT } from '@core/records/model'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, chainEntry, verifyChain, type AuditEntry } from '@core/audit/audit-chain'
import type { Finding } from '@core/checks/finding'
import { runChecks } from '@core/checks/run-checks'
import { generateDemoRegister } from '@core/demo/demo-register'
import type { StoredRecord } from '@core/records/model'
import { recordFromActivity } from '@core/templates/instantiate'
import { validatePackText } from '@core/templates/validate-pack'
import { describeVerification } from '../../src-renderer/src/checks/audit-view'
import { ANCHOR_SECTIONS, anchorForField, sectionForAnchor } from '../../src-renderer/src/checks/field-anchors'
import { describeFieldPath as describeField } from '@core/records/field-names'
import { countsText, findingFilterOptions, matchesFindingFilter } from '../../src-renderer/src/checks/register-health'
import { findingsByArticle, recordsByRoleAndStatus, reviewsDue, transfersByCountry, vendorsByRecords } from '../../src-renderer/src/dashboard/dashboard-data'
import { checkContext, completeControllerRecord, TODAY } from '../fixtures/checks/records'

const TEMPLATES = resolve(import.meta.dirname, '../../templates')
const ITEM_LISTS = ['purposes', 'dataCategories', 'specialCategories', 'recipients', 'transfers', 'controllersActedFor']

/** The anchors the editor renders a FindingNote for (see RecordSections.tsx and RecordEditorPage.tsx). */
function isRenderedAnchor(anchor: string): boolean {
  const [list, index, extra] = anchor.split('.')
  if (index !== undefined) return ITEM_LISTS.includes(list!) && /^\d+$/.test(index) && extra === undefined
  return anchor in ANCHOR_SECTIONS
}

const finding = (recordId: string, severity: Finding['severity'], ruleId: string, field = 'name'): Finding => ({
  ruleId,
  severity,
  article: 'Art. 30(1)(b)',
  recordId,
  reference: null,
  field,
  message: '',
  fix: '',
  messageRef: { key: ruleId },
  fixRef: { key: `${ruleId}.fix` }
})

describe('where a finding shows in the editor', () => {
  it('maps item fields to their item and section-level fields to their section', () => {
    expect(anchorForField('purposes.0.lawfulBasis')).toBe('purposes.0')
    expect(anchorForField('purposes[2].lawfulBasis')).toBe('purposes.2')
    expect(anchorForField('dataCategories.1.retention.mode')).toBe('dataCategories.1')
    expect(anchorForField('purposes')).toBe('purposes')
    expect(anchorForField('retention')).toBe('dataCategories')
    expect(anchorForField('dpia.status')).toBe('context')
    expect(anchorForField('nextReview')).toBe('workflow')
    expect(anchorForField('openItems.3')).toBe('origin')
    expect(anchorForField('jointControllerDetails')).toBe('identity')
    expect(anchorForField('ageLimit')).toBe('identity')
    expect(sectionForAnchor('transfers.0')).toBe('transfers')
    expect(sectionForAnchor('criminalOffenceData')).toBe('special')
  })

  it('gives every finding of a varied register, and every template gap of the shipped packs, a place the editor renders', () => {
    const fields = new Set(runChecks(generateDemoRegister(400, 11), checkContext({ today: '2026-06-01' })).map((found) => found.field))
    for (const file of readdirSync(TEMPLATES).filter((name) => name.endsWith('.json') && !name.includes('schema'))) {
      const result = validatePackText(readFileSync(resolve(TEMPLATES, file), 'utf8'))
      if (!result.ok) throw new Error(`${file} does not validate`)
      for (const activity of result.pack.activities) for (const item of recordFromActivity(result.pack, activity.id).openItems) fields.add(item.field)
    }
    expect(fields.size).toBeGreaterThan(20)
    const lost = [...fields].filter((field) => !isRenderedAnchor(anchorForField(field)))
    expect(lost).toEqual([])
  })

  it('names fields the way a DPO reads them', () => {
    expect(describeField('purposes.0.lawfulBasis')).toBe('Purpose 1 › Lawful basis')
    expect(describeField('dataCategories.2.retention.mode')).toBe('Data category 3 › Retention › Kind')
    expect(describeField('transfers[1].safeguard')).toBe('Transfer 2 › Safeguard')
    expect(describeField('dpia.required')).toBe('DPIA › Required?')
    expect(describeField('securityMeasures')).toBe('Security measures')
  })
})

describe('the register finding filter', () => {
  const byRecord = new Map<string, Finding[]>([
    ['a', [finding('a', 'error', 'lawful-basis-missing'), finding('a', 'warning', 'open-template-gap'), finding('a', 'error', 'lawful-basis-missing', 'purposes.1.lawfulBasis')]],
    ['b', [finding('b', 'warning', 'open-template-gap')]],
    ['c', []]
  ])

  it('matches by severity, by rule and "no findings"; an unchecked record only matches "All"', () => {
    const matching = (filter: string) => [...byRecord.keys()].filter((id) => matchesFindingFilter(byRecord.get(id), filter))
    expect(matching('')).toEqual(['a', 'b', 'c'])
    expect(matching('severity:error')).toEqual(['a'])
    expect(matching('severity:warning')).toEqual(['a', 'b'])
    expect(matching('rule:open-template-gap')).toEqual(['a', 'b'])
    expect(matching('ok')).toEqual(['c'])
    expect(matchesFindingFilter(undefined, '')).toBe(true)
    expect(matchesFindingFilter(undefined, 'ok')).toBe(false)
  })

  it('offers each rule that fires with the number of records (not findings), most frequent first', () => {
    const options = findingFilterOptions(byRecord)
    expect(options.severities.map((option) => option.label)).toEqual(['Any error (1)', 'Any warning (2)', 'Any info (0)', 'No findings (1)'])
    expect(options.rules.map((option) => option.value)).toEqual(['rule:open-template-gap', 'rule:lawful-basis-missing'])
    expect(options.rules[1]!.label).toMatch(/ \(1\)$/)
    expect(countsText(byRecord.get('a'))).toBe('2 errors, 1 warning')
    expect(countsText([])).toBe('')
  })
})

describe('dashboard figures', () => {
  const base = completeControllerRecord()
  const record = (id: string, patch: Partial<StoredRecord>): StoredRecord => ({ ...base, id, reference: `PA-${id.padStart(4, '0')}`, ...patch })

  it('counts records by role and status', () => {
    const rows = recordsByRoleAndStatus([record('1', { status: 'draft' }), record('2', { status: 'approved' }), record('3', { role: 'processor', status: 'archived' }), record('4', { status: 'approved' })])
    expect(rows).toEqual([
      { role: 'Controller', draft: 1, 'in-review': 0, approved: 2, archived: 0 },
      { role: 'Joint controller', draft: 0, 'in-review': 0, approved: 0, archived: 0 },
      { role: 'Processor', draft: 0, 'in-review': 0, approved: 0, archived: 1 }
    ])
  })

  it('lists overdue reviews and those due within 30 days (today and day 30 included), leaving out archived records', () => {
    const { overdue, dueSoon } = reviewsDue(
      [
        record('1', { nextReview: '2025-05-31' }),
        record('2', { nextReview: TODAY }),
        record('3', { nextReview: '2025-07-01' }),
        record('4', { nextReview: '2025-07-02' }),
        record('5', { nextReview: '2025-01-01', status: 'archived' }),
        record('6', { nextReview: '' }),
        record('7', { nextReview: '2024-12-01' })
      ],
      TODAY
    )
    expect(overdue.map((entry) => [entry.id, entry.days])).toEqual([['7', -182], ['1', -1]])
    expect(dueSoon.map((entry) => [entry.id, entry.days])).toEqual([['2', 0], ['3', 30]])
  })

  it('groups transfers by destination regardless of case, split by mechanism', () => {
    const transfer = (country: string, mechanism: 'art46' | 'art45' | '') => ({ id: `${country}-${mechanism}`, recipient: 'X', country, documentation: '', ...UNSTATED_INSTRUMENT, mechanism })
    const { rows, safeguards, transfers } = transfersByCountry([
      record('1', { transfers: [transfer('United States', 'art46'), transfer('india', 'art46'), transfer('india', '')] }),
      record('2', { transfers: [transfer('united states', 'art45')] }),
      record('3', { transfers: [transfer('Brazil', 'art46')], status: 'archived' })
    ])
    expect(transfers).toBe(4)
    expect(safeguards).toEqual(['Adequacy decision (Art. 45)', 'Appropriate safeguards (Art. 46)', 'No mechanism chosen'])
    expect(rows).toEqual([
      { country: 'United States', total: 2, 'Appropriate safeguards (Art. 46)': 1, 'Adequacy decision (Art. 45)': 1 },
      { country: 'india', total: 2, 'Appropriate safeguards (Art. 46)': 1, 'No mechanism chosen': 1 }
    ])
  })

  it('counts each record once per vendor, as recipient or by template pack; unused vendors show with 0', () => {
    const vendors = [
      { id: 'stripe', name: 'Stripe', packId: '' },
      { id: 'kaltura', name: 'Kaltura', packId: 'kaltura' },
      { id: 'idle', name: 'Idle Ltd', packId: '' }
    ]
    const recipient = (vendorId: string) => ({ id: `r-${vendorId}-${Math.random()}`, name: vendorId, type: 'processor' as const, vendorId, contractReference: '', notes: '' })
    const counts = vendorsByRecords(vendors, [
      record('1', { recipients: [recipient('stripe'), recipient('stripe')] }),
      record('2', { recipients: [recipient('kaltura')], origin: { packId: 'kaltura', packVersion: '1', activityId: 'a' } }),
      record('3', { origin: { packId: 'kaltura', packVersion: '1', activityId: 'b' } }),
      record('4', { recipients: [recipient('stripe')], status: 'archived' })
    ])
    expect(counts.map((vendor) => [vendor.name, vendor.records])).toEqual([['Kaltura', 2], ['Stripe', 1], ['Idle Ltd', 0]])
  })

  it('sums the least frequent articles as "Other" beyond the limit', () => {
    const at = (article: string, severity: Finding['severity']) => ({ ...finding('x', severity, 'r'), article })
    const rows = findingsByArticle([at('A', 'error'), at('A', 'error'), at('B', 'warning'), at('B', 'info'), at('C', 'info'), at('D', 'warning')], 3)
    expect(rows).toEqual([
      { article: 'A', error: 2, warning: 0, info: 0 },
      { article: 'B', error: 0, warning: 1, info: 1 },
      { article: 'Other', error: 0, warning: 1, info: 1 }
    ])
  })
})

describe('the audit verification message', () => {
  function chain(count: number): AuditEntry[] {
    const entries: AuditEntry[] = []
    for (let index = 0; index < count; index++) {
      const content = { at: `2025-05-0${index + 1}T10:00:00.000Z`, actor: 'Dana', entity: 'record' as const, entityId: 'r', action: 'update' as const, summary: `edit ${index + 1}`, changes: [] }
      entries.push({ ...chainEntry(content, entries.at(-1)?.hash ?? GENESIS_HASH), seq: index + 1 })
    }
    return entries
  }

  it('says OK with the number of entries', () => {
    const entries = chain(4)
    expect(describeVerification(verifyChain(entries), entries)).toMatchObject({ ok: true, detail: 'All 4 entries are intact and each links to the one before it.' })
  })

  it('names the entry, its position and date, and why, for an altered and for a removed entry', () => {
    const altered = chain(4)
    altered[2] = { ...altered[2]!, summary: 'rewritten' }
    const text = describeVerification(verifyChain(altered), altered)
    expect(text.ok).toBe(false)
    expect(text.title).toBe('Audit trail broken at entry 3')
    expect(text.detail).toMatch(/^Entry 3 \(position 3 of 4, recorded .*2025.* by Dana\) was altered: its content does not match its hash/)

    const removed = chain(4).filter((entry) => entry.seq !== 2)
    expect(describeVerification(verifyChain(removed), removed).detail).toMatch(/^Entry 3 \(position 2 of 3, .*does not link to the entry before it/)
  })

  it('says when the trail no longer ends at its anchor (the newest entries removed)', () => {
    const entries = chain(4)
    const text = describeVerification(verifyChain(entries.slice(0, 3), { count: 4, headHash: entries[3]!.hash }), entries.slice(0, 3))
    expect(text).toEqual({
      ok: false,
      title: 'Audit trail does not end where it should',
      detail: 'The trail has 3 entries but its anchor records 4: the newest entry was removed. The entries still there link to one another.'
    })
  })
})
