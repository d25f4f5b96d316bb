/**
 * From accepted proposals to a format-2 pack that the import checker accepts, with the policy
 * embedded; what cannot make a pack is named; an installed pack opens in the editor and saves back
 * to the same values; `ropa templates draft` writes the same pack or nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { packFromDraft } from '../../src-main/core/templates/drafting/draft-pack'
import { draftFromPolicy } from '../../src-main/core/templates/drafting/extract'
import { embeddedPolicyText, proposalsFromPack } from '../../src-main/core/templates/drafting/proposals-from-pack'
import { validatePackText } from '../../src-main/core/templates/validate-pack'
import { sha256Hex } from '../../src-main/core/util/sha256'
import { ropa } from '../fixtures/run-ropa'

const ROOT = resolve(import.meta.dirname, '..', '..')
const POLICY_FILE = join(ROOT, 'test', 'fixtures', 'drafting', 'northbeam-policy.txt')
const POLICY = readFileSync(POLICY_FILE, 'utf8')
const directory = mkdtempSync(join(tmpdir(), 'ropa-draft-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function draftedPack() {
  const draft = draftFromPolicy(POLICY)
  const result = packFromDraft({ text: POLICY, title: 'Northbeam Privacy Policy', proposals: draft.proposals })
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return { draft, result }
}

describe('packFromDraft', () => {
  it('makes a format-2 pack with the policy embedded, ids on every item, and every quote verbatim', () => {
    const { result } = draftedPack()
    const pack = result.pack
    expect(pack.formatVersion).toBe(2)
    expect(pack.sources).toEqual([{ id: 'policy', kind: 'privacy-policy', title: 'Northbeam Privacy Policy', text: POLICY, sha256: sha256Hex(POLICY) }])
    expect(pack.source).toEqual({ title: 'Northbeam Privacy Policy', sha256: sha256Hex(POLICY), file: '' })
    expect(pack.vendor.name).toBe('Northbeam Labs, Inc.')
    const parsed = JSON.parse(result.json)
    for (const activity of parsed.activities) for (const category of activity.dataCategories) expect(category.id).toMatch(/^[a-z0-9-]+$/)
    const checked = validatePackText(result.json, { sourceText: POLICY })
    expect(checked.ok).toBe(true)
    const activities = pack.activities
    expect(activities.flatMap((activity) => activity.subProcessors.map((processor) => processor.name))).toContain('Cloudvault')
    expect(activities.flatMap((activity) => activity.transfers.map((transfer) => [transfer.country, transfer.instrument]))).toEqual([['United States', 'eu-us-dpf']])
    expect(activities.flatMap((activity) => (activity.retention ? [activity.retention] : []))).toEqual([
      { mode: 'period', period: 24, unit: 'months', fromEvent: 'the account is closed', endAction: 'erase', quotes: ['We keep account data for 24 months after the account is closed, and then delete it.'] }
    ])
  })

  it('records the role as a gap when the policy does not state it, instead of presenting a guess as the policy’s', () => {
    const { result } = draftedPack()
    for (const activity of result.pack.activities) {
      expect(activity.role).toBe('controller')
      expect(activity.gaps.find((gap) => gap.field === 'role')?.note).toMatch(/does not say whether Northbeam Labs, Inc\. acts as controller or processor/)
    }
  })

  it('names what is missing when no vendor or no purpose is accepted, and when a quote no longer matches the text', () => {
    const { draft } = draftedPack()
    const withoutVendor = packFromDraft({ text: POLICY, title: 'T', proposals: draft.proposals.filter((proposal) => proposal.field !== 'vendor') })
    expect(withoutVendor.ok ? [] : withoutVendor.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^no vendor accepted/)])
    const withoutPurpose = packFromDraft({ text: POLICY, title: 'T', proposals: draft.proposals.filter((proposal) => proposal.field !== 'purpose') })
    expect(withoutPurpose.ok ? [] : withoutPurpose.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^no purpose accepted/)])
    const moved = draft.proposals.map((proposal) => (proposal.field === 'subProcessor' ? { ...proposal, span: { start: proposal.span.start + 1, end: proposal.span.end + 1 } } : proposal))
    const tampered = packFromDraft({ text: POLICY, title: 'T', proposals: moved })
    expect(tampered.ok).toBe(false)
  })

  it('puts each value in the activity whose heading stands above it, merging an activity without a purpose into the one before', () => {
    const { result } = draftedPack()
    // "Information We Collect" has no purpose under it: its categories join "How We Use Your Information".
    expect(result.pack.activities.map((activity) => activity.name)).toEqual(['How We Use Your Information'])
    expect(result.pack.activities[0]!.dataCategories.map((category) => category.term)).toContain('user.device.ip_address')
  })
})

describe('an installed pack in the editor', () => {
  it('opens with every value at its quote and saves back to the same values', () => {
    for (const file of ['haivision.json', 'kaltura.json']) {
      const original = validatePackText(readFileSync(join(ROOT, 'templates', file), 'utf8'))
      if (!original.ok) throw new Error(file)
      const text = embeddedPolicyText(original.pack)
      expect(text.length, file).toBeGreaterThan(1000)
      const opened = proposalsFromPack(original.pack, text)
      expect(opened.unplaced, file).toEqual([])
      const saved = packFromDraft({ text, title: original.pack.source.title, proposals: opened.proposals, vendorName: original.pack.vendor.name, packId: original.pack.id, version: '1.1.0', base: original.pack })
      if (!saved.ok) throw new Error(`${file}: ${JSON.stringify(saved.problems)}`)
      // Quotes compare as the checker compares them: whitespace may differ.
      const flat = (quotes: readonly string[]) => quotes.map((quote) => quote.replace(/\s+/g, ' ').trim())
      const summary = (pack: typeof original.pack) =>
        pack.activities.map((activity) => ({
          name: activity.name,
          role: activity.role,
          purposes: activity.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis, flat(purpose.quotes)]),
          categories: activity.dataCategories.map((category) => [category.term, flat(category.quotes), category.retention]),
          subProcessors: activity.subProcessors.map((processor) => processor.name),
          recipients: activity.recipients.map((recipient) => [recipient.name, recipient.type]),
          specialCategories: activity.specialCategories
        }))
      expect(summary(saved.pack), file).toEqual(summary(original.pack))
    }
  })
})

describe('ropa templates draft', () => {
  it('writes a valid pack with the policy embedded and reports what it proposed', async () => {
    const output = join(directory, 'draft.json')
    const result = await ropa(['templates', 'draft', POLICY_FILE, '-o', output])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Data categories: \d+ proposed$/m)
    expect(result.stdout).toMatch(/pack "northbeam-labs-inc-draft" written/)
    const written = readFileSync(output, 'utf8')
    const checked = validatePackText(written, { sourceText: POLICY })
    expect(checked.ok).toBe(true)
    if (checked.ok) expect(checked.pack.sources[0]?.text).toBe(POLICY)
    // The same proposals as the app's drafting screen with all accepted.
    expect(written).toBe(draftedPack().result.json.replace('"title": "Northbeam Privacy Policy"', '"title": "Northbeam Privacy Policy"'))
  })

  it('prints the pack on stdout without -o, and takes the vendor given', async () => {
    const result = await ropa(['templates', 'draft', POLICY_FILE, '--vendor', 'Northbeam'])
    expect(result.code).toBe(0)
    const pack = JSON.parse(result.stdout)
    expect(pack.vendor.name).toBe('Northbeam')
    expect(pack.id).toBe('northbeam-draft')
    expect(result.stderr).toMatch(/Sub-processors: \d+ proposed/)
  })

  it('writes nothing for an empty file, a file that is not UTF-8, or a text from which no pack can be made', async () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['empty.txt', '  \n', /the policy file is empty/],
      ['latin1.txt', Buffer.from([0x50, 0x6f, 0x6c, 0x69, 0x63, 0x79, 0xe9, 0x0a]), /not valid UTF-8/],
      ['nothing.txt', 'Hello.\nThis text says nothing about data.\n', /no vendor accepted/]
    ]
    for (const [name, content, message] of cases) {
      const input = join(directory, name)
      writeFileSync(input, content)
      const output = join(directory, `${name}.json`)
      const result = await ropa(['templates', 'draft', input, '-o', output])
      expect(result.code, name).toBe(1)
      expect(result.stderr, name).toMatch(message)
      expect(existsSync(output), name).toBe(false)
    }
  })
})
