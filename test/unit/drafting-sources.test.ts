/**
 * A pack drafted from several documents (a privacy policy and a sub-processor list): every source
 * embedded with its kind, title, date or version and SHA-256, each quote standing in its own
 * source, the pack valid for the import's checker; a quote tied to the wrong source, a source
 * without text, or none at all is refused and named; an installed pack opens with all its sources
 * and each value in the document that holds its quote, and saves back to the same pack.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packFromDraft, type DraftSource } from '../../src-main/core/templates/drafting/draft-pack'
import { draftFromPolicy } from '../../src-main/core/templates/drafting/extract'
import { editorSources, proposalsFromPack } from '../../src-main/core/templates/drafting/proposals-from-pack'
import type { DraftProposal } from '../../src-main/core/templates/drafting/proposal'
import { normaliseWhitespace } from '../../src-main/core/templates/quote-check'
import { validatePackText } from '../../src-main/core/templates/validate-pack'
import { sha256Hex } from '../../src-main/core/util/sha256'

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'drafting')
const POLICY = readFileSync(join(FIXTURES, 'northbeam-policy.txt'), 'utf8')
const LIST = readFileSync(join(FIXTURES, 'northbeam-subprocessors.txt'), 'utf8')

const SOURCES: DraftSource[] = [
  { id: 'privacy-policy', kind: 'privacy-policy', title: 'Northbeam Privacy Policy', text: POLICY, date: '2026-03-02' },
  { id: 'sub-processors', kind: 'sub-processor-list', title: 'Northbeam sub-processors', text: LIST, version: 'Version 3' }
]

/** A passage of the sub-processor list quoted for a sub-processor, as the author's selection makes it. */
function listQuote(passage: string, name: string, country: string): DraftProposal {
  const start = LIST.indexOf(passage)
  if (start < 0) throw new Error(passage)
  return { id: `subProcessor-list-${start}`, field: 'subProcessor', value: { name, country }, span: { start, end: start + passage.length }, quote: passage, source: 'sub-processors', reason: { key: 'draftReasons:quotedByYou' } }
}

const LIST_QUOTES = [listQuote('Transcribo GmbH - speech-to-text processing - Germany', 'Transcribo GmbH', 'Germany'), listQuote('Mailrelay Ltd - transactional e-mail - Ireland', 'Mailrelay Ltd', 'Ireland')]

function twoSourcePack() {
  const policyProposals = draftFromPolicy(POLICY).proposals.map((proposal) => ({ ...proposal, source: 'privacy-policy' }))
  const result = packFromDraft({ sources: SOURCES, proposals: [...policyProposals, ...LIST_QUOTES] })
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result
}

describe('a pack drafted from several sources', () => {
  it('embeds every source with its kind, title, date or version and SHA-256; the privacy policy is the pack’s main source', () => {
    const { pack, json } = twoSourcePack()
    expect(pack.sources).toEqual([
      { id: 'privacy-policy', kind: 'privacy-policy', title: 'Northbeam Privacy Policy', date: '2026-03-02', text: POLICY, sha256: sha256Hex(POLICY) },
      { id: 'sub-processors', kind: 'sub-processor-list', title: 'Northbeam sub-processors', version: 'Version 3', text: LIST, sha256: sha256Hex(LIST) }
    ])
    expect(pack.source).toEqual({ title: 'Northbeam Privacy Policy', lastUpdated: '2026-03-02', sha256: sha256Hex(POLICY), file: '' })
    const checked = validatePackText(json)
    expect(checked.ok && checked.quotesChecked).toBe(true)
  })

  it('keeps each quote in its own source: the list’s sub-processors quote the list, the policy’s values the policy', () => {
    const { pack } = twoSourcePack()
    const processors = pack.activities.flatMap((activity) => activity.subProcessors)
    const byName = new Map(processors.map((processor) => [processor.name, processor]))
    for (const name of ['Transcribo GmbH', 'Mailrelay Ltd']) {
      const quotes = byName.get(name)?.quotes ?? []
      expect(quotes.length, name).toBe(1)
      for (const quote of quotes) {
        expect(LIST.includes(quote), name).toBe(true)
        expect(normaliseWhitespace(POLICY).includes(normaliseWhitespace(quote)), name).toBe(false)
      }
    }
    expect(byName.get('Transcribo GmbH')?.country).toBe('Germany')
    // The policy's own sub-processor still quotes the policy.
    for (const quote of byName.get('Cloudvault')?.quotes ?? ['missing']) expect(POLICY.includes(quote)).toBe(true)
    // Without the list embedded the import's checker refuses the list's quotes: they are tied to it, not to the policy.
    const { pack: full } = twoSourcePack()
    const withoutList = JSON.stringify({ ...full, sources: full.sources.slice(0, 1) })
    const refused = validatePackText(withoutList)
    expect(refused.ok ? [] : refused.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/quote not found verbatim in the policy text.*Transcribo GmbH/),
      expect.stringMatching(/quote not found verbatim in the policy text.*Mailrelay Ltd/)
    ])
  })

  it('refuses a quote whose source is not the one it stands in, an unknown source, a source without text, and no source at all', () => {
    const policyProposals = draftFromPolicy(POLICY).proposals.map((proposal) => ({ ...proposal, source: 'privacy-policy' }))
    const misplaced = LIST_QUOTES.map((proposal) => ({ ...proposal, source: 'privacy-policy' }))
    const wrong = packFromDraft({ sources: SOURCES, proposals: [...policyProposals, ...misplaced] })
    expect(wrong.ok ? [] : wrong.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^the quote “Transcribo GmbH.*” is no longer at its place in “Northbeam Privacy Policy”$/),
      expect.stringMatching(/^the quote “Mailrelay Ltd.*” is no longer at its place in “Northbeam Privacy Policy”$/)
    ])
    const unknown = packFromDraft({ sources: SOURCES, proposals: [...policyProposals, { ...LIST_QUOTES[0]!, source: 'dpa' }] })
    expect(unknown.ok ? [] : unknown.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/comes from a source that is not in the pack \(“dpa”\)/)])
    expect(unknown.ok ? undefined : unknown.problems[0]?.said).toEqual({ key: 'unknownSource', params: { quote: LIST_QUOTES[0]!.quote, source: 'dpa' }, field: 'subProcessor' })
    const empty = packFromDraft({ sources: [...SOURCES, { id: 'dpa', kind: 'dpa', title: 'Northbeam DPA', text: '  ' }], proposals: [...policyProposals, ...LIST_QUOTES] })
    expect(empty.ok ? [] : empty.problems).toEqual([
      // In English for the command line, and as the drafting catalogue's key for the screen to say in its language.
      { path: 'Source “Northbeam DPA”', message: 'the document has no text: paste or open it, or remove it', said: { key: 'emptySource', params: {}, sourceTitle: 'Northbeam DPA' } }
    ])
    const none = packFromDraft({ sources: [], proposals: policyProposals })
    expect(none.ok ? [] : none.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^no source document/)])
  })

  it('opens in the editor with all its sources, each value in the source that holds its quote, and saves back to the same pack', () => {
    const { pack, json } = twoSourcePack()
    const sources = editorSources(pack)
    expect(sources.map((source) => [source.id, source.kind, source.title, source.version, source.date])).toEqual([
      ['privacy-policy', 'privacy-policy', 'Northbeam Privacy Policy', undefined, '2026-03-02'],
      ['sub-processors', 'sub-processor-list', 'Northbeam sub-processors', 'Version 3', undefined]
    ])
    const opened = proposalsFromPack(pack, sources)
    expect(opened.unplaced).toEqual([])
    const transcribo = opened.proposals.find((proposal) => proposal.field === 'subProcessor' && proposal.value.name === 'Transcribo GmbH')
    expect(transcribo?.source).toBe('sub-processors')
    expect(LIST.slice(transcribo!.span.start, transcribo!.span.end)).toBe(transcribo!.quote)
    expect(opened.proposals.filter((proposal) => proposal.source === 'sub-processors').length).toBe(2)
    const saved = packFromDraft({ sources, proposals: opened.proposals, vendorName: pack.vendor.name, packId: pack.id, version: pack.version, base: pack })
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems))
    expect(saved.json).toBe(json)
  })

  it('shows a pack without embedded text through its installed policy copy, and none when it has neither', () => {
    const { pack } = twoSourcePack()
    const formatOne = { ...pack, sources: [] }
    expect(editorSources(formatOne, POLICY)).toEqual([{ id: 'policy', kind: 'privacy-policy', title: 'Northbeam Privacy Policy', text: POLICY }])
    expect(editorSources(formatOne, '')).toEqual([])
    // A source embedded without text has nothing to show or quote from.
    expect(editorSources({ ...pack, sources: [pack.sources[0]!, { ...pack.sources[1]!, text: '' }] }).map((source) => source.id)).toEqual(['privacy-policy'])
  })
})
