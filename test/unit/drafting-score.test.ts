/**
 * How drafts are scored against the shipped packs (the bench's matching rules), and the figures
 * themselves as a floor: a change to the rules that loses recall on the shipped policies fails here.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { draftFromPolicy } from '../../src-main/core/templates/drafting/extract'
import type { DraftProposal } from '../../src-main/core/templates/drafting/proposal'
import { isSameOrRelatedKey, scoreDraft } from '../../src-main/core/templates/drafting/score-draft'
import { embeddedPolicyText } from '../../src-main/core/templates/drafting/proposals-from-pack'
import type { TemplatePack } from '../../src-main/core/templates/pack-schema'
import { isPackFileName, validatePackText } from '../../src-main/core/templates/validate-pack'

const ROOT = resolve(import.meta.dirname, '..', '..')

function proposal(field: DraftProposal['field'], value: unknown, start = 0, end = 1): DraftProposal {
  return { id: `${field}-${start}`, field, value, span: { start, end }, quote: 'x', reason: { key: 'draftReasons:quotedByYou' } } as DraftProposal
}

const TEXT = 'We keep data as long as needed. Other sentence here.'
const gold = {
  activities: [
    {
      dataCategories: [{ term: 'user.contact.email', quotes: [] }, { term: 'user.device', quotes: [] }, { term: 'custom:Survey answers', quotes: [] }],
      subProcessors: [{ name: 'Acme (Acme Analytics)' }, { name: 'Nimbus Cloud, Inc.' }],
      retention: { mode: 'criterion', criterion: 'As long as needed', quotes: ['We keep data as long as needed.'] },
      transfers: [{ country: 'United States' }, { country: 'Not named (worldwide)' }]
    }
  ]
} as unknown as TemplatePack

describe('scoring a draft', () => {
  it('counts parent and child keys as hits for data categories, and only equal keys in the strict figure', () => {
    expect(isSameOrRelatedKey('user.contact', 'user.contact.email')).toBe(true)
    expect(isSameOrRelatedKey('user.contact.email', 'user.contact')).toBe(true)
    expect(isSameOrRelatedKey('user.contact.email', 'user.contact.phone_number')).toBe(false)
    expect(isSameOrRelatedKey('user.device', 'user.device_id')).toBe(false)
    const scores = scoreDraft([proposal('dataCategory', { term: 'user.contact', wording: '' }), proposal('dataCategory', { term: 'user.name', wording: '' })], gold, TEXT)
    expect(scores.dataCategories).toMatchObject({ truePositives: 1, proposed: 2, found: 1, gold: 2, precision: 0.5, recall: 0.5, unscoredGold: 1 })
    expect(scores.dataCategoriesExact).toMatchObject({ truePositives: 0, found: 0 })
  })

  it('matches sub-processors by normalised name, either part of "Parent (Product)"', () => {
    const scores = scoreDraft([proposal('subProcessor', { name: 'Acme Analytics' }), proposal('subProcessor', { name: 'nimbus cloud' }), proposal('subProcessor', { name: 'Acme Cloud' })], gold, TEXT)
    expect(scores.subProcessors).toMatchObject({ truePositives: 2, proposed: 3, found: 2, gold: 2, wrong: ['Acme Cloud'] })
  })

  it('matches a retention criterion by its sentence overlapping the gold quote, and countries by ISO code', () => {
    const scores = scoreDraft(
      [proposal('retention', { mode: 'criterion', criterion: 'x' }, 0, 31), proposal('retention', { mode: 'criterion', criterion: 'y' }, 32, 52), proposal('transfer', { country: 'USA', countryCode: 'US' }), proposal('transfer', { country: 'India', countryCode: 'IN' })],
      gold,
      TEXT
    )
    expect(scores.retention).toMatchObject({ truePositives: 1, proposed: 2, found: 1, gold: 1 })
    expect(scores.transferCountries).toMatchObject({ truePositives: 1, proposed: 2, found: 1, gold: 1, unscoredGold: 1 })
  })
})

describe('the figures on the shipped packs', () => {
  it('reach the issue’s targets pooled over the five policies', () => {
    const totals = { dataCategories: [0, 0, 0, 0], subProcessors: [0, 0, 0, 0], retention: [0, 0, 0, 0] }
    for (const file of readdirSync(join(ROOT, 'templates')).filter(isPackFileName)) {
      const validation = validatePackText(readFileSync(join(ROOT, 'templates', file), 'utf8'))
      if (!validation.ok) throw new Error(file)
      const text = embeddedPolicyText(validation.pack)
      const scores = scoreDraft(draftFromPolicy(text).proposals, validation.pack, text)
      for (const field of ['dataCategories', 'subProcessors', 'retention'] as const) {
        const s = scores[field]
        totals[field] = [totals[field][0]! + s.truePositives, totals[field][1]! + s.proposed, totals[field][2]! + s.found, totals[field][3]! + s.gold]
      }
    }
    const recall = (field: keyof typeof totals) => totals[field][2]! / totals[field][3]!
    const precision = (field: keyof typeof totals) => totals[field][0]! / totals[field][1]!
    expect(recall('dataCategories')).toBeGreaterThanOrEqual(0.7)
    expect(precision('dataCategories')).toBeGreaterThanOrEqual(0.6)
    expect(recall('subProcessors')).toBeGreaterThanOrEqual(0.8)
    expect(recall('retention')).toBeGreaterThanOrEqual(0.8)
  })
})
