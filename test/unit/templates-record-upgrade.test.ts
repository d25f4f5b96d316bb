/** Bringing a record up to a newer version of its template, and the quotes a newer version no longer has. */
import { describe, expect, it } from 'vitest'
import { recordFromActivity } from '@core/templates/instantiate'
import type { TemplatePack } from '@core/templates/pack-schema'
import { describeQuoteChange, findQuoteChanges } from '@core/templates/quote-changes'
import { applyRecordUpgrade, planRecordUpgrade, takeOverUnchangedChoices } from '@core/templates/record-upgrade'
import { confirmSuggestion } from '@core/records/suggestions'
import { validatePackText } from '@core/templates/validate-pack'
import { NEW_RETENTION_QUOTE, NEW_YOUTUBE_QUOTE, OLD_YOUTUBE_QUOTE, V2_ACTIVITY_ID, haivisionV1Text, haivisionV2 } from '../fixtures/packs/haivision-v2'

function valid(text: string): TemplatePack {
  const validation = validatePackText(text)
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems))
  return validation.pack
}
const v1 = valid(haivisionV1Text())
const second = haivisionV2()
const v2 = valid(second.packText)
const OLD_RETENTION_QUOTE = 'When we are not responsible for determining retention periods, we comply with the documented instructions of our clients, such as through contractual obligations.'
const REPLACED_AT = '2026-12-06T10:00:00.000Z'

/** A record made from version 1.0.0 whose first data category the DPO described in their own words. */
function editedRecord() {
  const record = recordFromActivity(v1, V2_ACTIVITY_ID, 'vendor-as-is')
  record.dataCategories[0]!.description = 'Accounts our marketing team connects'
  return record
}

describe('planning a record upgrade', () => {
  it('lists each field the new version changes with the current, origin and new value in full and the quotes of both versions', () => {
    const plan = planRecordUpgrade(editedRecord(), v1, v2)
    expect(plan).toMatchObject({ packId: 'haivision', activityId: V2_ACTIVITY_ID, fromVersion: '1.0.0', toVersion: '1.1.0', originKnown: true, activityRemoved: false })
    expect(plan.fields.map((field) => [field.field, field.label, field.changedByYou])).toEqual([
      ['purposes', 'Purposes', false],
      ['dataCategories', 'Data categories', true],
      ['recipients', 'Recipients', false]
    ])
    const categories = plan.fields[1]!
    expect(categories.currentText[0]).toBe("Social Data — “Accounts our marketing team connects”; Retention: As set by the client's documented instructions (for example contractual obligations), then (not stated)")
    expect(categories.originText![1]).toBe("Name — “names of users and profiles or pages”; Retention: As set by the client's documented instructions (for example contractual obligations), then (not stated)")
    expect(categories.incomingText[1]).toBe('Name — “names and e-mail addresses of users and the channels they may post to”; Retention: 2 years from the end of the contract with the client, then erase')
    expect(categories.originQuotes).toEqual(expect.arrayContaining([OLD_YOUTUBE_QUOTE, OLD_RETENTION_QUOTE]))
    expect(categories.incomingQuotes).toEqual(expect.arrayContaining([NEW_YOUTUBE_QUOTE, NEW_RETENTION_QUOTE]))
    expect(categories.incomingQuotes).not.toContain(OLD_YOUTUBE_QUOTE)
    const recipients = plan.fields[2]!
    expect(recipients.originText!.some((line) => line.includes('Google Firebase'))).toBe(true)
    expect(recipients.incomingText.some((line) => line.includes('Google Firebase'))).toBe(false)
    // The purposes only changed order and a quote: the same purposes, the new words behind one.
    expect(plan.fields[0]!.sameAsNew).toBe(true)
  })

  it('takes over every field the DPO has not changed with "take over all unchanged by me"', () => {
    expect(takeOverUnchangedChoices(planRecordUpgrade(editedRecord(), v1, v2))).toEqual({ purposes: 'take', dataCategories: 'keep', recipients: 'take' })
  })

  it('without the origin version, shows no origin value and counts every field as changed by the DPO', () => {
    const plan = planRecordUpgrade(editedRecord(), undefined, v2)
    expect(plan.originKnown).toBe(false)
    expect(plan.fields.every((field) => field.originText === undefined && field.changedByYou)).toBe(true)
  })
})

describe('applying a record upgrade', () => {
  it('takes over the chosen fields, keeps the others, moves superseded evidence to the record and makes the new version its origin', () => {
    const record = editedRecord()
    record.quoteChanges = findQuoteChanges(record, v1, v2)
    const plan = planRecordUpgrade(record, v1, v2)
    const next = applyRecordUpgrade(record, plan, { purposes: 'take', recipients: 'take', dataCategories: 'keep' }, REPLACED_AT)

    expect(next.origin).toEqual({ packId: 'haivision', packVersion: '1.1.0', activityId: V2_ACTIVITY_ID, perspective: 'vendor-as-is' })
    expect(next.quoteChanges).toEqual([])
    expect(next.recipients.map((recipient) => recipient.name)).not.toContain('Google Firebase')
    expect(next.purposes.map((purpose) => purpose.description)).toEqual(v2.activities.find((activity) => activity.id === V2_ACTIVITY_ID)!.purposes.map((purpose) => purpose.description))
    // Kept as the DPO has it.
    expect(next.dataCategories).toEqual(record.dataCategories)

    const quotesOf = (entries: Array<{ quotes: string[] }>) => entries.flatMap((entry) => entry.quotes)
    expect(quotesOf(next.evidence)).toContain(`When you connect your YouTube account via the YouTube API service, ${NEW_YOUTUBE_QUOTE} We obtain this information to manage the services offered to these users as part of the Haivision Technology and allow our users to use the functionalities that they requested.`)
    // Evidence whose words the new version no longer has is no longer evidence...
    expect(quotesOf(next.evidence)).not.toContain(OLD_YOUTUBE_QUOTE)
    expect(quotesOf(next.evidence)).not.toContain(OLD_RETENTION_QUOTE)
    // ...it is kept with the record, with the version it quoted and when it was replaced.
    expect(next.supersededEvidence.map((entry) => [entry.field, entry.packVersion, entry.replacedAt])).toEqual([
      ['purposes.1', '1.0.0', REPLACED_AT],
      ['dataCategories.0.retention', '1.0.0', REPLACED_AT],
      ['dataCategories.1', '1.0.0', REPLACED_AT],
      ['dataCategories.1.retention', '1.0.0', REPLACED_AT],
      ['dataCategories.2.retention', '1.0.0', REPLACED_AT]
    ])
    expect(next.supersededEvidence.find((entry) => entry.field === 'dataCategories.1')!.quotes).toEqual([OLD_YOUTUBE_QUOTE])
    // Evidence the new version still supports stays (the role, the data subjects...).
    expect(next.evidence.filter((entry) => entry.field === 'role')).toEqual(record.evidence.filter((entry) => entry.field === 'role'))
    expect(record.origin!.packVersion).toBe('1.0.0')
  })

  it('keeps every field without a choice, and taking over data categories gives the new retention with its evidence', () => {
    const record = editedRecord()
    const plan = planRecordUpgrade(record, v1, v2)
    expect(applyRecordUpgrade(record, plan, {}, REPLACED_AT).dataCategories).toEqual(record.dataCategories)
    const taken = applyRecordUpgrade(record, plan, { dataCategories: 'take' }, REPLACED_AT)
    expect(taken.dataCategories.map((category) => category.retention)).toEqual(Array(3).fill({ mode: 'period', period: 2, unit: 'years', fromEvent: 'the end of the contract with the client', endAction: 'erase', criterion: '' }))
    expect(taken.evidence.filter((entry) => entry.field === 'dataCategories.1.retention').flatMap((entry) => entry.quotes)).toEqual([NEW_RETENTION_QUOTE])
  })

  it('refuses to upgrade a record whose activity the new version removed', () => {
    const removed = structuredClone(v2)
    removed.activities = removed.activities.filter((activity) => activity.id !== V2_ACTIVITY_ID)
    const plan = planRecordUpgrade(editedRecord(), v1, removed)
    expect(plan.activityRemoved).toBe(true)
    expect(() => applyRecordUpgrade(editedRecord(), plan, {}, REPLACED_AT)).toThrow(/no longer has the activity "social-media-live-streaming"/)
  })
})

describe('quotes a newer version no longer has', () => {
  it('names each with what the same place of the template now quotes', () => {
    const changes = findQuoteChanges(recordFromActivity(v1, V2_ACTIVITY_ID, 'vendor-as-is'), v1, v2)
    expect(changes.map((change) => change.field)).toEqual(['purposes.1', 'dataCategories.0.retention', 'dataCategories.1', 'dataCategories.1.retention', 'dataCategories.2.retention'])
    const name = changes.find((change) => change.field === 'dataCategories.1')!
    expect(name).toEqual({ field: 'dataCategories.1', quote: OLD_YOUTUBE_QUOTE, nowSays: [NEW_YOUTUBE_QUOTE], packVersion: '1.1.0' })
    expect(describeQuoteChange(name)).toBe(`the vendor's policy no longer says "${OLD_YOUTUBE_QUOTE}"; it now says "${NEW_YOUTUBE_QUOTE}"`)
    expect(changes.find((change) => change.field === 'dataCategories.0.retention')!.nowSays).toEqual([NEW_RETENTION_QUOTE])
  })

  it('says "no longer mentions it" when the place is gone, and finds nothing for a version that keeps every quote', () => {
    const removed = structuredClone(v2)
    removed.activities = removed.activities.filter((activity) => activity.id !== V2_ACTIVITY_ID)
    const record = recordFromActivity(v1, V2_ACTIVITY_ID, 'vendor-as-is')
    const changes = findQuoteChanges(record, v1, removed)
    expect(changes.length).toBeGreaterThan(5)
    expect(changes.every((change) => change.nowSays.length === 0)).toBe(true)
    expect(describeQuoteChange(changes[0]!)).toMatch(/; it no longer mentions it$/)
    const sameWords = structuredClone(v1)
    sameWords.version = '1.0.1'
    expect(findQuoteChanges(record, v1, sameWords)).toEqual([])
    expect(findQuoteChanges(recordFromActivity(v1, 'technical-support', 'vendor-as-is'), v1, v2)).toEqual([])
  })
})

describe('the vendor\'s suggestions in the comparison (a record made from the DPO\'s side)', () => {
  const STREAMING = 'Allowing users to stream live video on YouTube, Facebook or other platforms'
  const YOUTUBE = 'Managing the services offered to users who connect a YouTube account'
  /** A controller record using Haivision, made from 1.0.0: the DPO confirmed the streaming purpose and kept the other undecided. */
  function controllerRecord() {
    const record = recordFromActivity(v1, V2_ACTIVITY_ID)
    const confirmed = confirmSuggestion({ purposes: record.purposes, evidence: record.evidence, suggestions: record.suggestions ?? [] }, record.suggestions!.find((suggestion) => suggestion.description === STREAMING)!.id)
    return { ...record, ...confirmed }
  }

  it('lists the suggestions a new version changes, current / origin / new with the quotes of both versions, and what the DPO already decided', () => {
    const plan = planRecordUpgrade(controllerRecord(), v1, v2)
    const suggestions = plan.fields.find((field) => field.field === 'suggestions')!
    expect(suggestions.label).toBe('Vendor suggestions')
    expect(suggestions.currentText).toEqual([`Purpose “${YOUTUBE}”, lawful basis: not stated`])
    expect(suggestions.originText).toEqual([`Purpose “${STREAMING}”, lawful basis: not stated`, `Purpose “${YOUTUBE}”, lawful basis: not stated`])
    expect(suggestions.incomingText).toEqual([`Purpose “${YOUTUBE}”, lawful basis: not stated`, `Purpose “${STREAMING}”, lawful basis: not stated`])
    expect(suggestions.incomingQuotes.some((quote) => quote.includes(NEW_YOUTUBE_QUOTE))).toBe(true)
    expect(suggestions.originQuotes.some((quote) => quote.includes(OLD_YOUTUBE_QUOTE))).toBe(true)
    expect(suggestions.changedByYou).toBe(true)
    expect(suggestions.decided).toEqual([{ text: `Purpose “${STREAMING}”, lawful basis: not stated`, outcome: 'confirmed', stillOffered: true }])
  })

  it('taking over replaces the undecided suggestion with the new version\'s and does not offer a confirmed or dismissed one again', () => {
    const record = controllerRecord()
    const next = applyRecordUpgrade(record, planRecordUpgrade(record, v1, v2), { suggestions: 'take' }, REPLACED_AT)
    expect(next.suggestions.map((suggestion) => suggestion.description)).toEqual([YOUTUBE])
    expect(next.suggestions[0]!.quotes.some((quote) => quote.includes(NEW_YOUTUBE_QUOTE))).toBe(true)
    // The purpose the DPO confirmed stays as it is, once.
    expect(next.purposes.map((purpose) => purpose.description)).toEqual([STREAMING])

    const dismissed = recordFromActivity(v1, V2_ACTIVITY_ID)
    dismissed.suggestions = dismissed.suggestions!.filter((suggestion) => suggestion.description !== STREAMING)
    const plan = planRecordUpgrade(dismissed, v1, v2)
    expect(plan.fields.find((field) => field.field === 'suggestions')!.decided).toEqual([{ text: `Purpose “${STREAMING}”, lawful basis: not stated`, outcome: 'dismissed', stillOffered: true }])
    expect(applyRecordUpgrade(dismissed, plan, { suggestions: 'take' }, REPLACED_AT).suggestions!.map((suggestion) => suggestion.description)).toEqual([YOUTUBE])
    // Kept: the stale suggestion stays until the DPO takes over.
    expect(applyRecordUpgrade(dismissed, plan, { suggestions: 'keep' }, REPLACED_AT).suggestions).toEqual(dismissed.suggestions)
  })

  it('offers again a suggestion the new version words differently, even one the DPO had decided', () => {
    const reworded = structuredClone(v2)
    const purpose = reworded.activities.find((activity) => activity.id === V2_ACTIVITY_ID)!.purposes.find((candidate) => candidate.description === STREAMING)!
    purpose.lawfulBasis = 'f'
    const record = controllerRecord()
    const plan = planRecordUpgrade(record, v1, reworded)
    expect(plan.fields.find((field) => field.field === 'suggestions')!.decided).toEqual([expect.objectContaining({ outcome: 'confirmed', stillOffered: false })])
    const next = applyRecordUpgrade(record, plan, { suggestions: 'take' }, REPLACED_AT)
    expect(next.suggestions.map((suggestion) => [suggestion.description, suggestion.lawfulBasis])).toEqual([
      [YOUTUBE, ''],
      [STREAMING, 'f']
    ])
  })

  it('without the origin version, cannot tell what was decided: taking over offers every suggestion of the new version', () => {
    const record = controllerRecord()
    const plan = planRecordUpgrade(record, undefined, v2)
    const suggestions = plan.fields.find((field) => field.field === 'suggestions')!
    expect(plan.originKnown).toBe(false)
    expect(suggestions.decided).toBeUndefined()
    const next = applyRecordUpgrade(record, plan, { suggestions: 'take' }, REPLACED_AT)
    expect(next.suggestions.map((suggestion) => suggestion.description)).toEqual([YOUTUBE, STREAMING])
    expect(next.purposes.map((purpose) => purpose.description)).toEqual([STREAMING])
  })

  it('says labels and values in the interface\'s language', () => {
    const plan = planRecordUpgrade(controllerRecord(), v1, v2, 'de')
    const suggestions = plan.fields.find((field) => field.field === 'suggestions')!
    expect(suggestions.currentText).toEqual([`Zweck „${YOUTUBE}“, Rechtsgrundlage: nicht angegeben`])
    const categories = plan.fields.find((field) => field.field === 'dataCategories')!
    expect(categories.label).toBe('Datenkategorien')
    expect(categories.incomingText[1]).toBe('Name — „names and e-mail addresses of users and the channels they may post to“; Speicherdauer: 2 Jahre ab the end of the contract with the client, dann löschen')
    const french = planRecordUpgrade(controllerRecord(), v1, v2, 'fr').fields.find((field) => field.field === 'recipients')!
    expect(french.label).toBe('Destinataires')
    expect(french.originText![0]).toBe('Nom : Haivision; Catégorie : Sous-traitant; Fournisseur : haivision')
  })
})
