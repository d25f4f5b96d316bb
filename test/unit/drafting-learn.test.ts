/**
 * The drafting assistant's learned parts and NLP layer: what each learned part changes in a draft,
 * that the committed model is the one the shipped packs give, that a model fitted for the
 * leave-one-out bench never saw its held-out pack, and wink's sentence boundaries.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { draftFromPolicy } from '../../src-main/core/templates/drafting/extract'
import { draftPolicy } from '../../src-main/core/templates/drafting/draft-policy'
import { fitDraftingModel } from '../../src-main/core/templates/drafting/learn'
import type { LearnedDraftingModel } from '../../src-main/core/templates/drafting/learned-model'
import { analyseText } from '../../src-main/core/templates/drafting/nlp'
import { splitSentences } from '../../src-main/core/templates/drafting/segment'
import { LEARNED_MODEL_FILE, learnedModelJson, shippedTrainingPolicies } from '../../scripts/learn-drafting-model'

const EMPTY: LearnedDraftingModel = {
  trainedOn: [],
  categoryWordings: [],
  rejectedCategoryWordings: [],
  subProcessor: { features: [], weights: [], bias: 0, threshold: 0 },
  retention: { features: [], weights: [], bias: 0, threshold: 0 }
}

const terms = (text: string, model: LearnedDraftingModel | null) =>
  draftFromPolicy(text, { model }).proposals.flatMap((proposal) => (proposal.field === 'dataCategory' ? [proposal.value.term] : []))
const subProcessors = (text: string, model: LearnedDraftingModel | null) =>
  draftFromPolicy(text, { model }).proposals.flatMap((proposal) => (proposal.field === 'subProcessor' ? [proposal.value.name] : []))

describe('learned parts', () => {
  it('a learned phrase proposes its term where the lexicon reads none', () => {
    const text = 'We collect your mobile carrier when you open the app.'
    expect(terms(text, null)).toEqual([])
    expect(terms(text, { ...EMPTY, categoryWordings: [{ wording: 'mobile carrier', key: 'user.device' }] })).toEqual(['user.device'])
  })

  it('a rejected wording is not proposed, other wordings of the same term still are', () => {
    const text = 'We collect your preferences and your account settings.'
    expect(terms(text, null)).toEqual(['user.account.settings'])
    const model = { ...EMPTY, rejectedCategoryWordings: [{ wording: 'preferences', key: 'user.account.settings' }] }
    expect(draftFromPolicy(text, { model }).proposals.filter((proposal) => proposal.field === 'dataCategory').map((proposal) => proposal.field === 'dataCategory' && proposal.value.wording)).toEqual(['account settings'])
  })

  it('the sub-processor scorer drops a candidate its features weigh down, and keeps the others', () => {
    const text = 'We use Nimbostore to store uploaded files. You may also post comments on our pages on social media platforms, including Chirper.'
    expect(subProcessors(text, null)).toEqual(['Nimbostore', 'Chirper'])
    const model = { ...EMPTY, subProcessor: { features: ['socialOrStore'], weights: [-4], bias: 1, threshold: 0.5 } }
    expect(subProcessors(text, model)).toEqual(['Nimbostore'])
  })

  it('the committed model is the one the five shipped packs give (run `npm run drafting:learn` after changing them)', () => {
    expect(readFileSync(LEARNED_MODEL_FILE, 'utf8')).toBe(learnedModelJson())
  }, 60_000)

  it('a model fitted for one held-out pack is fitted on the four others only, the same each time', () => {
    const policies = shippedTrainingPolicies()
    const heldOut = policies[0]!
    const model = fitDraftingModel(policies.slice(1))
    expect(model.trainedOn).toEqual(policies.slice(1).map(({ pack }) => pack.id))
    expect(model.trainedOn).not.toContain(heldOut.pack.id)
    // Fitting is deterministic: the same four packs give the same model.
    expect(fitDraftingModel(policies.slice(1))).toEqual(model)
  }, 60_000)
})

describe('NLP layer (winkNLP)', () => {
  it('ends a sentence after a legal-entity suffix, where the punctuation rule reads an abbreviation', () => {
    const text = 'Copyright 2021 Example, Inc. All rights reserved.'
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([text])
    expect(splitSentences(text, analyseText(text)).map((sentence) => sentence.text)).toEqual(['Copyright 2021 Example, Inc.', 'All rights reserved.'])
  })

  it('keeps the paragraph rules: bullets and lines stay apart, and offsets stay exact', () => {
    const text = 'How we use data\n• We collect your e-mail address. We keep it safe.\n• We use Nimbostore to store files.'
    const sentences = splitSentences(text, analyseText(text))
    expect(sentences.map((sentence) => sentence.text)).toEqual(['How we use data', '• We collect your e-mail address.', 'We keep it safe.', '• We use Nimbostore to store files.'])
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
  })

  it('draftPolicy drafts with the NLP layer and the shipped model', () => {
    const text = 'Copyright 2021 Example, Inc. All rights reserved. We use Nimbostore to store uploaded files.'
    const draft = draftPolicy(text)
    expect(draft.proposals.find((proposal) => proposal.field === 'subProcessor')?.quote).toBe('We use Nimbostore to store uploaded files.')
  })
})
