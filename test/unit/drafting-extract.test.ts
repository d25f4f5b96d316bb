/**
 * The drafting assistant's rules, one behaviour each, on short texts written for the test, and
 * its invariants on the five shipped policies: every proposal's quote is exactly the text at its
 * span, and no rule names a vendor.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { draftFromPolicy, lawfulBasisOf, valueForSelection } from '../../src-main/core/templates/drafting/extract'
import { splitSentences } from '../../src-main/core/templates/drafting/segment'
import { embeddedPolicyText } from '../../src-main/core/templates/drafting/proposals-from-pack'
import { isPackFileName, validatePackText } from '../../src-main/core/templates/validate-pack'
import type { DraftProposal, ProposalOf } from '../../src-main/core/templates/drafting/proposal'

const ROOT = resolve(import.meta.dirname, '..', '..')
// The shipped packs embed their policies (format 2).
const SHIPPED_PACKS = readdirSync(join(ROOT, 'templates'))
  .filter(isPackFileName)
  .map((file) => {
    const validation = validatePackText(readFileSync(join(ROOT, 'templates', file), 'utf8'))
    if (!validation.ok) throw new Error(`${file} is not a valid pack`)
    return { file, pack: validation.pack, text: embeddedPolicyText(validation.pack) }
  })
const SHIPPED_POLICIES = SHIPPED_PACKS
/** Words of the packs' names that are plain English, found in lower case in the policies. */
const ENGLISH_WORDS = new Set(SHIPPED_PACKS.flatMap(({ text }) => [...text.matchAll(/(?<![\w.@/-])[a-z]{4,}(?![\w@])/g)].map((match) => match[0])))

function of<F extends DraftProposal['field']>(proposals: readonly DraftProposal[], field: F): Array<ProposalOf<F>> {
  return proposals.filter((proposal): proposal is ProposalOf<F> => proposal.field === field)
}

describe('sentences', () => {
  it('joins lines wrapped at a fixed width, keeps bullets and headings apart, and keeps exact offsets', () => {
    const text = 'Our Policy\n\n     We may retain your information for as long as your account is\n     active, and we delete it afterwards. Then we stop.\n  • First item here\n  • Second item here\n'
    const sentences = splitSentences(text)
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    expect(sentences.map((sentence) => sentence.text.replace(/\s+/g, ' '))).toEqual([
      'Our Policy',
      'We may retain your information for as long as your account is active, and we delete it afterwards.',
      'Then we stop.',
      '• First item here',
      '• Second item here'
    ])
    expect(sentences[0]!.heading).toBe(true)
    expect(sentences[3]!.bullet).toBe(true)
  })

  it('does not end a sentence at "e.g." or "Inc."', () => {
    const texts = splitSentences('We use providers (e.g. hosting) to run it. Example Labs, Inc. is the controller.').map((sentence) => sentence.text)
    expect(texts).toEqual(['We use providers (e.g. hosting) to run it.', 'Example Labs, Inc. is the controller.'])
  })
})

describe('proposals', () => {
  it('reads data categories as vocabulary keys from a sentence about collection, with the words highlighted', () => {
    const text = 'When you register, we collect your name, email address, IP address and company name.'
    const categories = of(draftFromPolicy(text).proposals, 'dataCategory')
    expect(categories.map((proposal) => proposal.value.term).sort()).toEqual(['user.contact.email', 'user.contact.organization', 'user.device.ip_address', 'user.name'])
    const email = categories.find((proposal) => proposal.value.term === 'user.contact.email')!
    expect(text.slice(email.focus!.start, email.focus!.end)).toBe('email address')
    expect(email.quote).toBe(text)
  })

  it('proposes nothing from a sentence that says what is not collected', () => {
    const text = 'We do not collect health information, biometric data or criminal records. Please do not provide your passport number.'
    expect(of(draftFromPolicy(text).proposals, 'dataCategory')).toEqual([])
  })

  it('takes the lawful basis a sentence states, and none when it states two', () => {
    expect(lawfulBasisOf('We process it based on our legitimate interests in improving the service.')).toBe('f')
    expect(lawfulBasisOf('This is necessary for the performance of a contract with you.')).toBe('b')
    expect(lawfulBasisOf('We rely on your consent or our legitimate interests.')).toBeUndefined()
    const purposes = of(draftFromPolicy('We use your contact details to send newsletters, with your consent.').proposals, 'purpose')
    expect(purposes.map((proposal) => [proposal.value.lawfulBasis, proposal.value.uses])).toEqual([['a', ['marketing.communications.email']]])
  })

  it('reads a retention period with its event and end, and a criterion when no period is given', () => {
    const text = 'We keep invoices for 10 years after the end of the financial year and then delete them. Other data is retained for as long as necessary to provide the service. Children under 16 years of age may not use the service.'
    const period = { mode: 'period', period: 10, unit: 'years', fromEvent: 'the end of the financial year and then delete them', endAction: 'erase' }
    const rules = of(draftFromPolicy(text, { model: null }).proposals, 'retention').map((proposal) => proposal.value)
    expect(rules).toEqual([period, { mode: 'criterion', criterion: 'Other data is retained for as long as necessary to provide the service.' }])
    // The shipped packs record "as long as necessary" as a vague point, not a retention rule: the learned scorer drops it; a period is never scored.
    expect(of(draftFromPolicy(text).proposals, 'retention').map((proposal) => proposal.value)).toEqual([period])
  })

  it('names sub-processors where a sentence says they provide a service, not the vendor itself, places, common words or a name far from the cue', () => {
    const text =
      'Example Labs, Inc. provides the Services. Example Labs hosts data with Nimbostore and sends e-mail through Postwise Mailer. ' +
      'Our services are provided in the United States. The Services are described in our terms. ' +
      'You manage your account in the Account Console of our hosting provider. ' +
      'Many teams choose Premium Plans, and we describe our analytics tools and integrations below.'
    const draft = draftFromPolicy(text)
    expect(of(draft.proposals, 'vendor').map((proposal) => proposal.value.name)).toEqual(['Example Labs, Inc.'])
    expect(of(draft.proposals, 'subProcessor').map((proposal) => proposal.value.name)).toEqual(['Nimbostore', 'Postwise Mailer'])
  })

  it('names a kind of provider the policy abbreviates, but not any abbreviated term', () => {
    const text = 'Videos are delivered by content delivery networks (CDNs) and other providers. Our engineers study artificial intelligence (AI) tools.'
    const names = of(draftFromPolicy(text).proposals, 'subProcessor').map((proposal) => [proposal.value.name, text.slice(proposal.focus!.start, proposal.focus!.end)])
    expect(names).toEqual([['Content delivery networks (CDNs)', 'content delivery networks (CDNs)']])
  })

  it('reads transfer destinations and instruments, but not where data comes from or where the reader lives', () => {
    const text =
      'If you are located in the United Kingdom, this section applies. We transfer data from Germany to the United States under the EU-US Data Privacy Framework. ' +
      'Data may also be transferred to India, where we use the standard contractual clauses 2021/914 module 2.'
    const transfers = of(draftFromPolicy(text).proposals, 'transfer').map((proposal) => proposal.value)
    expect(transfers).toEqual([
      { country: 'United States', countryCode: 'US', mechanism: 'art45', instrument: 'eu-us-dpf' },
      { country: 'India', countryCode: 'IN', mechanism: 'art46', instrument: 'scc-2021', sccModule: '2' }
    ])
  })

  it('reads security measures and the role, and lists a gap for each field it found nothing for', () => {
    const text = 'Example Labs is the controller of your data. We protect data with encryption in transit and role-based access controls.'
    const draft = draftFromPolicy(text)
    expect(of(draft.proposals, 'securityMeasure').map((proposal) => proposal.value.measure)).toEqual(['encryption-in-transit', 'access-control'])
    expect(of(draft.proposals, 'role').map((proposal) => proposal.value.role)).toEqual(['controller'])
    expect(draft.gaps.map((gap) => gap.field)).toEqual(['vendor', 'dataCategory', 'dataSubject', 'purpose', 'retention', 'recipient', 'subProcessor', 'transfer'])
  })

  it('reads a recipient’s type only where the policy states it', () => {
    const text = 'We share data with service providers who process it on our behalf. We may disclose data to law enforcement. We share data with advertising partners.'
    const recipients = of(draftFromPolicy(text).proposals, 'recipient').map((proposal) => [proposal.value.name, proposal.value.type])
    expect(recipients).toEqual([
      ['Service providers', 'processor'],
      ['Law enforcement', 'public-authority'],
      ['Advertising partners', 'not-stated']
    ])
  })

  it('reads a passage the author selected by the same rules, or keeps the passage itself', () => {
    expect(valueForSelection('dataCategory', 'your mobile phone number')).toEqual({ term: 'user.contact.phone_number', wording: 'mobile phone number' })
    expect(valueForSelection('subProcessor', 'Paylane')).toEqual({ name: 'Paylane' })
    expect(valueForSelection('retention', 'We keep logs for 90 days.')).toEqual({ mode: 'period', period: 90, unit: 'days' })
  })
})

describe('on the shipped policies', () => {
  it('every proposal quotes the text exactly at its span, with its highlight inside it', () => {
    for (const { file, text } of SHIPPED_POLICIES) {
      const { proposals } = draftFromPolicy(text)
      expect(proposals.length, file).toBeGreaterThan(20)
      for (const proposal of proposals) {
        expect(text.slice(proposal.span.start, proposal.span.end), `${file} ${proposal.id}`).toBe(proposal.quote)
        if (proposal.focus) expect(proposal.focus.start >= proposal.span.start && proposal.focus.end <= proposal.span.end, `${file} ${proposal.id}`).toBe(true)
      }
    }
  })

  it('no rule in the drafting folder, nor the learned model, names a shipped vendor or a product its pack names', () => {
    const folder = join(ROOT, 'src-main', 'core', 'templates', 'drafting')
    const source = readdirSync(folder)
      .map((file) => {
        const content = readFileSync(join(folder, file), 'utf8')
        // The learned model lists the packs it was fitted on (their ids): that is its record, not a rule.
        return file.endsWith('.json') ? JSON.stringify({ ...JSON.parse(content), trainedOn: [] }) : content
      })
      .join('\n')
      .toLowerCase()
    // The names come from the packs themselves: vendor, legal entities, sub-processors, and each name's words.
    const names = new Set<string>()
    for (const { pack } of SHIPPED_PACKS) {
      const whole = [pack.vendor.name, ...pack.vendor.legalEntities.map((entity) => entity.name), ...pack.activities.flatMap((activity) => activity.subProcessors.map((processor) => processor.name))]
      for (const name of whole) {
        const bare = name.toLowerCase().replace(/[,.]?\s*\b(?:inc|ltd|llc|gmbh)\b\.?/g, '').replace(/\([^)]*\)/g, ' ').trim()
        // A kind of provider in plain words ("content delivery networks") is no name.
        if (!bare.split(/\s+/).every((word) => ENGLISH_WORDS.has(word))) names.add(bare)
        // Single words that are a brand, not English ("analytics", "platform", "systems" are): capitalised in the name and never lower case in the policies.
        for (const word of name.replace(/\([^)]*\)/g, ' ').split(/[^A-Za-z]+/)) if (/^[A-Z]/.test(word) && word.length > 3 && !ENGLISH_WORDS.has(word.toLowerCase()) && !/^(?:gmbh|corp|limited)$/i.test(word)) names.add(word.toLowerCase())
      }
    }
    expect(names.size).toBeGreaterThan(10)
    for (const name of names) expect(source.includes(name), name).toBe(false)
  })
})
