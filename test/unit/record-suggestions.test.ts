import { describe, expect, it } from 'vitest'
import { recordFormSchema, type Purpose, type Suggestion } from '@core/records/model'
import { confirmSuggestion, dismissSuggestion, type SuggestionParts } from '@core/records/suggestions'
import { describeFieldPath, describeFieldValue } from '@core/records/field-names'
import { checkRecord } from '@core/checks/run-checks'
import { recordFromActivity } from '@core/templates/instantiate'
import { recordFromInstalledPack } from '@core/templates/installed-pack'
import { templatePackSchema } from '@core/templates/pack-schema'
import { FIXTURE_SOURCE_TEXT, fixturePackJson } from '../fixtures/packs/fixture-pack'

const suggestion = (overrides: Partial<Suggestion> = {}): Suggestion => ({
  id: 's1',
  kind: 'purpose',
  from: 'Acme Widgets Ltd',
  purposeId: '',
  description: 'Provide the service the customer signed up for',
  uses: ['essential.service'],
  lawfulBasis: 'b',
  legitimateInterest: '',
  quotes: ['We use your details to provide the service.'],
  ...overrides
})
const ownPurpose: Purpose = { id: 'p0', description: 'Our own purpose', uses: [], lawfulBasis: 'c', legitimateInterest: '', liaReference: '', consentRecordReference: '' }

describe("confirming a vendor's suggestion", () => {
  it('adds a confirmed purpose without a lawful basis, with its quotes as evidence, and offers the basis separately for it', () => {
    const parts: SuggestionParts = { purposes: [ownPurpose], evidence: [], suggestions: [suggestion()] }
    const next = confirmSuggestion(parts, 's1')
    expect(next.purposes).toHaveLength(2)
    expect(next.purposes[1]).toMatchObject({ description: 'Provide the service the customer signed up for', uses: ['essential.service'], lawfulBasis: '' })
    expect(next.evidence).toEqual([{ field: 'purposes.1', quotes: ['We use your details to provide the service.'], note: "Suggested by Acme Widgets Ltd's policy; confirmed as ours" }])
    expect(next.suggestions).toEqual([expect.objectContaining({ kind: 'lawful-basis', purposeId: next.purposes[1]!.id, lawfulBasis: 'b' })])

    const withBasis = confirmSuggestion(next, next.suggestions[0]!.id)
    expect(withBasis.purposes[1]!.lawfulBasis).toBe('b')
    expect(withBasis.purposes[0]).toEqual(ownPurpose)
    expect(withBasis.evidence.at(-1)).toEqual({ field: 'purposes.1.lawfulBasis', quotes: ['We use your details to provide the service.'], note: "Suggested by Acme Widgets Ltd's policy; confirmed as ours" })
    expect(withBasis.suggestions).toEqual([])
  })

  it('removes a purpose suggestion without a basis once confirmed, and keeps the others in their order', () => {
    const parts: SuggestionParts = { purposes: [], evidence: [], suggestions: [suggestion({ id: 'a', lawfulBasis: '' }), suggestion({ id: 'b', description: 'Take payments' })] }
    const next = confirmSuggestion(parts, 'a')
    expect(next.suggestions.map((item) => item.id)).toEqual(['b'])
  })

  it('dismisses a suggestion and leaves the purposes and evidence as they were', () => {
    const parts: SuggestionParts = { purposes: [ownPurpose], evidence: [{ field: 'name', quotes: [], note: '' }], suggestions: [suggestion()] }
    expect(dismissSuggestion(parts, 's1')).toEqual({ purposes: [ownPurpose], evidence: parts.evidence, suggestions: [] })
  })

  it('leaves everything as it was for a basis whose purpose was removed meanwhile', () => {
    const parts: SuggestionParts = { purposes: [ownPurpose], evidence: [], suggestions: [suggestion({ kind: 'lawful-basis', purposeId: 'gone' })] }
    expect(confirmSuggestion(parts, 's1')).toBe(parts)
  })

  it("keeps a record made from a vendor's pack free of the vendor's purposes until the DPO confirms one, and reports each undecided suggestion", () => {
    const record = recordFromActivity(templatePackSchema.parse(fixturePackJson()), 'accounts', 'controller-using-vendor')
    const context = { organisation: null, today: '2026-12-06', installedPackVersions: {} }
    const suggestionFindings = () => checkRecord(record, context).filter((finding) => finding.ruleId === 'vendor-suggestion-undecided')
    expect(suggestionFindings()).toHaveLength(2)
    Object.assign(record, confirmSuggestion({ purposes: record.purposes, evidence: record.evidence, suggestions: record.suggestions ?? [] }, record.suggestions![0]!.id))
    expect(record.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis])).toEqual([['Provide the service the customer signed up for', '']])
    expect(suggestionFindings().map((finding) => finding.field)).toEqual(['purposes.0.lawfulBasis', 'purposes'])
    expect(recordFormSchema.safeParse(record).success).toBe(true)
  })
})

describe('suggestions from an installed pack', () => {
  it("carry whether the pack's quotes were verified into the evidence they leave when confirmed", () => {
    const pack = templatePackSchema.parse(fixturePackJson())
    const unverified = recordFromInstalledPack({ pack, sourceText: '' }, 'accounts', 'controller-using-vendor')
    expect(unverified.suggestions?.every((item) => item.verified === false)).toBe(true)
    const confirmed = confirmSuggestion({ purposes: [], evidence: [], suggestions: unverified.suggestions ?? [] }, unverified.suggestions![0]!.id)
    expect(confirmed.evidence).toEqual([expect.objectContaining({ field: 'purposes.0', verified: false })])

    const verified = recordFromInstalledPack({ pack, sourceText: FIXTURE_SOURCE_TEXT }, 'accounts', 'controller-using-vendor')
    const confirmedVerified = confirmSuggestion({ purposes: [], evidence: [], suggestions: verified.suggestions ?? [] }, verified.suggestions![0]!.id)
    expect(confirmedVerified.evidence[0]!.verified).toBe(true)
  })
})

describe('suggestions in the history and findings, in words', () => {
  it('names a suggestion and its kind as the editor does, never by key', () => {
    expect(describeFieldPath('suggestions.0.kind')).toBe('Vendor suggestion 1 › Kind')
    expect(describeFieldPath('suggestions[s1].lawfulBasis')).toBe('Vendor suggestion › Lawful basis')
    expect(describeFieldValue('suggestions[s1].kind', 'lawful-basis')).toBe('Lawful basis')
    expect(describeFieldValue('origin.perspective', 'controller-using-vendor')).toBe('Our controller record, using the vendor')
  })
})
