/**
 * The drafting assistant's words: why it proposes each value (shown next to the proposal), the
 * notes and names it writes into a drafted pack in the author's language, and what the pack editor
 * could not place. Quoted policy words are parameters and stay as the policy wrote them.
 */
import EN_DRAFTING from './drafting.json'

/** `field.<field>`: the drafting screen's field names, so that the core's notes name fields as the screen does. */
export const draftFieldEntries = (fields: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([field, label]) => [`field.${field}`, label]))

const texts = {
  // Why a value is proposed.
  names: 'names “{{wording}}”',
  purposeStated: 'says what data is used for; {{basis}}',
  purposeListed: 'listed under a sentence about use; {{basis}}',
  statesBasis: 'states {{basis}}',
  noBasis: 'no lawful basis stated',
  'basis.a': 'consent',
  'basis.b': 'contract',
  'basis.c': 'legal obligation',
  'basis.d': 'vital interests',
  'basis.e': 'public task',
  'basis.f': 'legitimate interests',
  statesPeriod: 'states a period: “{{period}}”',
  statesCriterion: 'states how long data is kept without a fixed period',
  sharedWith: 'data is shared with “{{wording}}”',
  sharedWithCapacityUnknown: 'data is shared with “{{wording}}”; the policy does not say in what capacity',
  abbreviatedKind: 'a kind of provider the policy names and abbreviates: “{{name}}”',
  listedService: 'a named service listed by the policy',
  namedProvider: 'a named provider in a sentence about providers: “{{name}}”',
  countryInTransfer: 'names “{{country}}” in a sentence about where data goes',
  safeguardWithoutCountry: 'names a transfer safeguard without naming a country',
  encryptionUnspecified: 'mentions encryption without saying at rest or in transit',
  controllerStated: 'says who is the controller',
  processorStated: 'says data is processed on behalf of customers',
  activityHeading: 'a heading about how data is used',
  vendorGiven: 'names the vendor you gave',
  vendorRepeated: 'the name the policy repeats most ({{count}} times)',
  vendorEntity: 'a legal entity with the vendor’s name',
  fromPack: 'from pack {{id}} {{version}}',
  quotedByYou: 'quoted by you',
  // A field nothing was proposed for.
  nothingFound: 'Nothing found in the policy for “{{field}}”: the policy may be silent on it. Check before relying on the pack.',
  // Written into a drafted pack.
  silentGap: 'The drafting assistant found nothing the policy states about {{what}}; the author accepted none. Check the policy.',
  'what.lawfulBasis': 'the lawful basis of this purpose',
  'what.legitimateInterest': 'which legitimate interest this purpose serves',
  'what.subProcessorCountry': 'the country of this sub-processor',
  'what.transferInstrument': 'the instrument (safeguard) for this transfer',
  'what.transferCountry': 'the country this transfer goes to',
  'what.dataCategories': 'the categories of personal data',
  'what.dataSubjects': 'whose data it is',
  'what.retention': 'how long data is kept',
  'what.recipients': 'who receives the data',
  'what.transfers': 'transfers outside the EEA',
  'what.securityMeasures': 'security measures',
  roleNotStated:
    "The policy does not say whether {{vendor}} acts as controller or processor; the draft reads it as controller because a privacy policy describes the vendor's own processing. Check it.",
  processingDescribedIn: 'Processing described in {{title}}',
  notStatedInPolicy: 'Not stated in the policy',
  oneRetentionRule: 'an activity keeps one retention rule; “{{quote}}” was left out: give it its own activity to keep it',
  // A pack opened in the editor: values it cannot place in the pack's documents, and what it keeps as it is.
  vendorNoQuote: 'Vendor “{{name}}”: no quote',
  vendorQuoteNotInText: 'Vendor “{{name}}”: quote not in the text (“{{quote}}”)',
  itemNoQuote: '{{activity}} › {{item}}: no quote',
  itemQuoteNotInText: '{{activity}} › {{item}}: quote not in the text (“{{quote}}”)',
  activityNotInText: 'Activity “{{name}}”: its quotes are not in the text',
  'kept.fieldGaps': 'gaps on whole fields, with their notes (gaps on single items are made anew)',
  'kept.contacts': 'vendor contacts',
  'kept.specialCategories': 'special categories',
  'kept.retentionPerCategory': 'retention per data category',
  'kept.statements': 'age limit, automated decisions, data source and sensitive-data statements'
} as const

export type DraftReasonKey = keyof typeof texts | `field.${keyof typeof EN_DRAFTING.fields}`

export default { ...texts, ...draftFieldEntries(EN_DRAFTING.fields) } satisfies Record<string, string>
