import { describe, expect, it } from 'vitest'
import { mechanismOfInstrument, parseTransferInstrumentText } from '../../src-main/core/legal/parse-instrument-text'
import { ART49_DEROGATION_LABELS, SCC_MODULE_LABELS, TRANSFER_INSTRUMENT_LABELS, TRANSFER_MECHANISM_LABELS } from '../../src-main/core/records/enums'

const pick = (text: string) => {
  const { mechanism, instrument, sccModule, derogation, tiaMentioned } = parseTransferInstrumentText(text)
  return { mechanism, instrument, sccModule, derogation, tiaMentioned }
}
const blank = { mechanism: '', instrument: '', sccModule: '', derogation: '', tiaMentioned: false }

describe('parseTransferInstrumentText', () => {
  it.each([
    ['EU-US Data Privacy Framework', { mechanism: 'art45', instrument: 'eu-us-dpf' }],
    ['EU-US DPF', { mechanism: 'art45', instrument: 'eu-us-dpf' }],
    ['Recipient is DPF certified (adequacy decision of 10 July 2023)', { mechanism: 'art45', instrument: 'eu-us-dpf' }],
    ['EU-U.S. Data Privacy Framework certification', { mechanism: 'art45', instrument: 'eu-us-dpf' }],
    ['SCCs + TIA', { mechanism: 'art46', instrument: '', tiaMentioned: true }],
    ['SCCs 2021 module 2', { mechanism: 'art46', instrument: 'scc-2021', sccModule: '2' }],
    ['Standard contractual clauses (Decision 2021/914), Module 3', { mechanism: 'art46', instrument: 'scc-2021', sccModule: '3' }],
    ['Standard contractual clauses', { mechanism: 'art46', instrument: '' }],
    ['Standard contractual clauses approved in 2010', { mechanism: 'art46', instrument: 'scc-pre-2021' }],
    ['Model clauses (Decision 2010/87/EU)', { mechanism: 'art46', instrument: 'scc-pre-2021' }],
    ['SCC 2004/915/EC', { mechanism: 'art46', instrument: 'scc-pre-2021' }],
    ['BCR', { mechanism: 'art47', instrument: '' }],
    ['Binding corporate rules for processors', { mechanism: 'art47', instrument: 'bcr-processor' }],
    ['Privacy Shield', { mechanism: 'art45', instrument: 'privacy-shield' }],
    ['EU-US Privacy Shield adequacy decision', { mechanism: 'art45', instrument: 'privacy-shield' }],
    ['Safe Harbour', { mechanism: 'art45', instrument: 'safe-harbor' }],
    ['adequacy', { mechanism: 'art45', instrument: 'adequacy-decision' }],
    ['IDTA', { mechanism: 'art46', instrument: 'uk-idta' }],
    ['UK Addendum', { mechanism: 'art46', instrument: 'uk-addendum' }],
    ['EU SCCs (module 2) with the UK Addendum', { mechanism: 'art46', instrument: 'uk-addendum', sccModule: '2' }],
    ['art 49(1)(a) explicit consent', { mechanism: 'art49', instrument: 'derogation', derogation: 'explicit-consent' }],
    ['Article 49(1)(b)', { mechanism: 'art49', instrument: 'derogation', derogation: 'contract-with-subject' }],
    ['Derogation: legal claims', { mechanism: 'art49', instrument: 'derogation', derogation: 'legal-claims' }],
    ['Derogation', { mechanism: 'art49', instrument: 'derogation' }],
    ['clauses contractuelles types', { mechanism: 'art46', instrument: '' }],
    ["décision d'adéquation", { mechanism: 'art45', instrument: 'adequacy-decision' }],
    ["règles d'entreprise contraignantes", { mechanism: 'art47', instrument: '' }],
    ['Standardvertragsklauseln', { mechanism: 'art46', instrument: '' }],
    ['Standardvertragsklauseln 2021, Modul 2', { mechanism: 'art46', instrument: 'scc-2021', sccModule: '2' }],
    ['Angemessenheitsbeschluss', { mechanism: 'art45', instrument: 'adequacy-decision' }],
    ['verbindliche interne Datenschutzvorschriften', { mechanism: 'art47', instrument: '' }],
    ['Art. 49 Abs. 1 lit. a ausdrückliche Einwilligung', { mechanism: 'art49', instrument: 'derogation', derogation: 'explicit-consent' }]
  ])('%s', (text, expected) => {
    expect(pick(text)).toEqual({ ...blank, ...expected })
  })

  it('leaves everything blank where the text names no instrument', () => {
    expect(pick('')).toEqual(blank)
    expect(pick('see contract folder')).toEqual(blank)
    expect(pick('Not applicable')).toEqual(blank)
  })

  it('does not choose between two mechanisms, but says which it saw', () => {
    const parsed = parseTransferInstrumentText('DPF, with SCCs as a fallback')
    expect(parsed.mechanism).toBe('')
    expect(parsed.instrument).toBe('')
    expect(parsed.named).toContain('eu-us-dpf')
  })

  it('does not take a module number for anything but the 2021 clauses', () => {
    expect(pick('BCR module 2').sccModule).toBe('')
  })
})

describe("the app's own labels read back", () => {
  it('every instrument label names its instrument and mechanism', () => {
    for (const [instrument, label] of Object.entries(TRANSFER_INSTRUMENT_LABELS)) {
      const parsed = parseTransferInstrumentText(label)
      expect(parsed.instrument, label).toBe(instrument)
      expect(parsed.mechanism, label).toBe(mechanismOfInstrument(instrument as keyof typeof TRANSFER_INSTRUMENT_LABELS))
    }
  })

  it('every mechanism label names its mechanism, and every derogation label its derogation', () => {
    for (const [mechanism, label] of Object.entries(TRANSFER_MECHANISM_LABELS)) expect(parseTransferInstrumentText(label).mechanism, label).toBe(mechanism)
    for (const [derogation, label] of Object.entries(ART49_DEROGATION_LABELS)) expect(parseTransferInstrumentText(label).derogation, label).toBe(derogation)
    for (const [module, label] of Object.entries(SCC_MODULE_LABELS)) expect(parseTransferInstrumentText(`Standard contractual clauses (Decision (EU) 2021/914), ${label}`).sccModule, label).toBe(module)
  })
})
