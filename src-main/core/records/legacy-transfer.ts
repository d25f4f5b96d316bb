/**
 * Transfers written before the instrument fields existed carry one coarse `safeguard`. They
 * still arrive from backups, workbooks' Data sheet, version 1 template packs and stored
 * records, and are read into the new fields without inventing what the old value did not say:
 *
 * | old safeguard                | mechanism | instrument                    | notes                                        |
 * |------------------------------|-----------|-------------------------------|----------------------------------------------|
 * | adequacy                     | art45     | adequacy-decision             |                                              |
 * | sccs                         | art46     | '' (which SCCs is unknown)    | 2021 or pre-2021 only if the documentation says so; the old label is kept in the documentation |
 * | sa-sccs                      | art46     | sa-scc                        |                                              |
 * | bcr                          | art47     | '' (controller or processor BCR unknown) | unless the documentation says       |
 * | public-authority-instrument  | art46     | public-authority-instrument   |                                              |
 * | code-of-conduct              | art46     | code-of-conduct               |                                              |
 * | certification                | art46     | certification                 |                                              |
 * | ad-hoc-clauses               | art46     | ad-hoc-clauses                |                                              |
 * | administrative-arrangement   | art46     | administrative-arrangement    |                                              |
 * | derogation                   | art49     | derogation                    | the derogation only if the documentation names it |
 * | any other text ("Privacy Shield") | read by parseTransferInstrumentText | | the text is kept in the documentation |
 * | missing or ''                | ''        | ''                            |                                              |
 *
 * A transfer that already names a mechanism or instrument keeps them; its `safeguard` is dropped.
 * The country code is filled in only where the country text names exactly one place.
 */
import { resolveDestinationCode } from '../legal/destinations'
import { mechanismOfInstrument, parseTransferInstrumentText } from '../legal/parse-instrument-text'
import { SAFEGUARD_LABELS, type Safeguard, type TransferInstrument, type TransferMechanism } from './enums'

const SAFEGUARD_UPGRADE: Record<Safeguard, { mechanism: TransferMechanism; instrument: TransferInstrument | '' }> = {
  adequacy: { mechanism: 'art45', instrument: 'adequacy-decision' },
  sccs: { mechanism: 'art46', instrument: '' },
  'sa-sccs': { mechanism: 'art46', instrument: 'sa-scc' },
  bcr: { mechanism: 'art47', instrument: '' },
  'public-authority-instrument': { mechanism: 'art46', instrument: 'public-authority-instrument' },
  'code-of-conduct': { mechanism: 'art46', instrument: 'code-of-conduct' },
  certification: { mechanism: 'art46', instrument: 'certification' },
  'ad-hoc-clauses': { mechanism: 'art46', instrument: 'ad-hoc-clauses' },
  'administrative-arrangement': { mechanism: 'art46', instrument: 'administrative-arrangement' },
  derogation: { mechanism: 'art49', instrument: 'derogation' }
}

/** Old values whose label says more than the new fields can hold; the label stays in the documentation. */
const LABEL_KEPT: ReadonlySet<Safeguard> = new Set(['sccs'])

interface LegacyFields {
  safeguard?: unknown
  documentation?: unknown
  country?: unknown
  countryCode?: unknown
  mechanism?: unknown
  instrument?: unknown
  sccModule?: unknown
  derogation?: unknown
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : '')

function withNote(documentation: string, note: string): string {
  if (documentation.trim() === '') return note
  if (documentation.toLowerCase().includes(note.toLowerCase())) return documentation
  return `${documentation}\n(recorded before as: ${note})`
}

/**
 * The transfer in the current shape. Anything that is not a plain object is returned as it
 * came, for the schema to reject with its own message.
 */
export function upgradeLegacyTransfer<T>(input: T): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input
  const source = input as LegacyFields & Record<string, unknown>
  const { safeguard, ...rest } = source
  // A transfer stored before these fields existed has none of them: '' is "not stated".
  const upgraded: Record<string, unknown> = { countryCode: '', mechanism: '', instrument: '', sccModule: '', derogation: '', tiaReference: '', ...rest }
  const country = asText(source.country)
  if (asText(source.countryCode) === '' && country !== '') {
    const code = resolveDestinationCode(country)
    if (code !== '') upgraded.countryCode = code
  }
  const alreadyStated = asText(source.mechanism) !== '' || asText(source.instrument) !== ''
  const oldValue = asText(safeguard).trim()
  if (alreadyStated || oldValue === '') return upgraded as T

  const documentation = asText(source.documentation)
  const fromDocumentation = parseTransferInstrumentText(documentation)
  if (oldValue in SAFEGUARD_UPGRADE) {
    const old = oldValue as Safeguard
    const { mechanism, instrument } = SAFEGUARD_UPGRADE[old]
    // The DPO's own documentation may say which instrument ("SCCs 2021/914 module 2"), but only within the old mechanism.
    const stated = instrument === '' && fromDocumentation.mechanism === mechanism ? fromDocumentation.instrument : ''
    upgraded.mechanism = mechanism
    upgraded.instrument = instrument || stated
    if (upgraded.instrument === 'scc-2021' && asText(source.sccModule) === '') upgraded.sccModule = fromDocumentation.sccModule
    if (mechanism === 'art49' && asText(source.derogation) === '') upgraded.derogation = fromDocumentation.derogation
    if (LABEL_KEPT.has(old) && fromDocumentation.mechanism !== mechanism) upgraded.documentation = withNote(documentation, SAFEGUARD_LABELS[old])
    return upgraded as T
  }
  // Free text from an old import: read what it names, and keep the words.
  const parsed = parseTransferInstrumentText(oldValue)
  upgraded.mechanism = parsed.mechanism || (parsed.instrument ? mechanismOfInstrument(parsed.instrument) : '')
  upgraded.instrument = parsed.instrument
  upgraded.sccModule = parsed.sccModule
  upgraded.derogation = parsed.derogation
  upgraded.documentation = withNote(documentation, oldValue)
  return upgraded as T
}

/** A stored record with its transfers in the current shape (the database upgrade to version 5). */
export function upgradeRecordTransfers<T extends { transfers?: unknown }>(record: T): T {
  if (!Array.isArray(record.transfers)) return record
  return { ...record, transfers: record.transfers.map((transfer: unknown) => upgradeLegacyTransfer(transfer)) }
}
