/** The sections of the record editor, each naming the Article 30 item it satisfies. */
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import {
  ART9_CONDITION_LABELS,
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RETENTION_END_ACTION_LABELS,
  RETENTION_MODE_LABELS,
  RETENTION_UNIT_LABELS,
  ART49_DEROGATION_LABELS,
  REGIME_LABELS,
  SCC_MODULE_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  TRANSFER_MECHANISM_LABELS,
  type Regime,
  type TransferInstrument,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS
} from '@core/records/enums'
import { UNSTATED_INSTRUMENT, type RecordFormInput } from '@core/records/model'
import { classifyDestination } from '@core/checks/adequacy'
import { localToday } from '@core/checks/dates'
import { DESTINATION_OPTIONS, resolveDestinationCode } from '@core/legal/destinations'
import { mechanismOfInstrument } from '@core/legal/parse-instrument-text'
import { ADEQUACY_SCOPE_TEXT, TRANSFER_LAW_AS_OF, formatLegalDate, instrumentAvailableUnder, instrumentStandingOn } from '@core/legal/transfer-law'
import { useLiveQuery } from 'dexie-react-hooks'
import { repository } from '../app/services'
import { emptyRetention, newItemId } from '@core/records/new-record'
import { useId, useState, type ReactNode } from 'react'
import { CheckboxField, FieldShell, SelectField, TextAreaField, TextField, errorMessage } from '../ui/fields'
import { SingleTermPicker, TermListPicker } from '../ui/TermPicker'
import { EvidenceNote, ImportEvidenceNote } from './evidence'
import { VendorPicker } from '../templates/VendorPicker'
import { FindingNote } from '../checks/EditorFindings'
import { StatusField } from '../checks/ReviewWorkflow'
import { VendorSuggestions } from './VendorSuggestions'

export interface SectionInfo {
  id: string
  title: string
  article: string
}

function Section({ info, children, intro }: { info: SectionInfo; children: ReactNode; intro?: ReactNode }) {
  return (
    <section className="section" id={info.id} aria-labelledby={`${info.id}-title`}>
      <h2 id={`${info.id}-title`}>
        {info.article ? <span className="article">{info.article}</span> : null} {info.title}
      </h2>
      {intro ? <p className="section__note">{intro}</p> : null}
      {children}
    </section>
  )
}

function ItemHeader({ title, onRemove, removeLabel }: { title: string; onRemove: () => void; removeLabel: string }) {
  return (
    <div className="item__header">
      <h3>{title}</h3>
      <button type="button" className="button button--small button--quiet" onClick={onRemove} aria-label={removeLabel}>
        Remove
      </button>
    </div>
  )
}

function useIsProcessor(): boolean {
  return useWatch<RecordFormInput, 'role'>({ name: 'role' }) === 'processor'
}

export function sectionsFor(isProcessor: boolean): SectionInfo[] {
  return [
    { id: 'identity', title: 'Identity', article: '' },
    ...(isProcessor ? [{ id: 'controllers', title: 'Controllers acted for and categories of processing', article: '30(2)(a)(b)' }] : []),
    { id: 'purposes', title: 'Purposes and lawful basis', article: isProcessor ? '' : '30(1)(b)' },
    { id: 'data', title: 'Data subjects, data categories and retention', article: isProcessor ? '' : '30(1)(c)(f)' },
    { id: 'special', title: 'Special category and criminal-offence data', article: 'Art. 9, 10' },
    { id: 'recipients', title: 'Recipients', article: isProcessor ? '' : '30(1)(d)' },
    { id: 'transfers', title: 'Transfers to third countries', article: isProcessor ? '30(2)(c)' : '30(1)(e)' },
    { id: 'security', title: 'Technical and organisational measures', article: isProcessor ? '30(2)(d)' : '30(1)(g)' },
    { id: 'context', title: 'Source, systems, automated decisions, DPIA', article: '' },
    { id: 'workflow', title: 'Workflow and review', article: '' },
    { id: 'notes', title: 'Notes', article: '' }
  ]
}

const sectionInfo = (id: string, isProcessor: boolean) => sectionsFor(isProcessor).find((section) => section.id === id)!

export function IdentitySection() {
  const role = useWatch<RecordFormInput, 'role'>({ name: 'role' })
  return (
    <Section info={sectionInfo('identity', role === 'processor')}>
      <div className="grid">
        <TextField name="name" label="Name of the processing activity" wide />
        <TextField name="previousReference" label="Previous reference" hint="Its reference in your earlier register; the register's search finds it." />
        <SelectField name="role" label="Our role" labels={RECORD_ROLE_LABELS} />
        <TextField name="businessFunction" label="Business function / department" />
        <TextField name="owner" label="Owner" />
        <TextAreaField name="description" label="Description" />
        {role === 'joint-controller' ? <TextAreaField name="jointControllerDetails" label="Joint controller: name, contact details and arrangement (Art. 26)" /> : null}
      </div>
      {['name', 'previousReference', 'role', 'businessFunction', 'owner', 'description', 'jointControllerDetails'].map((field) => (
        <EvidenceNote key={field} field={field} />
      ))}
      <FindingNote anchor="identity" />
    </Section>
  )
}

function PurposeItem({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { control, formState } = useFormContext<RecordFormInput>()
  const basis = useWatch<RecordFormInput>({ name: `purposes.${index}.lawfulBasis` })
  return (
    <div className="item">
      <ItemHeader title={`Purpose ${index + 1}`} onRemove={onRemove} removeLabel={`Remove purpose ${index + 1}`} />
      <div className="grid">
        <TextAreaField name={`purposes.${index}.description`} label="Purpose" rows={2} />
        <Controller
          control={control}
          name={`purposes.${index}.uses`}
          render={({ field }) => <TermListPicker kind="dataUses" label="Kind of use (vocabulary)" value={field.value ?? []} onChange={field.onChange} error={errorMessage(formState.errors, field.name)} />}
        />
        <SelectField name={`purposes.${index}.lawfulBasis`} label="Lawful basis — Art. 6(1)" labels={LAWFUL_BASIS_LABELS} blank="Not yet decided" />
        {basis === 'f' ? (
          <>
            <TextAreaField name={`purposes.${index}.legitimateInterest`} label="Legitimate interest pursued" rows={2} />
            <TextField name={`purposes.${index}.liaReference`} label="Legitimate interests assessment (link or reference)" />
          </>
        ) : null}
        {basis === 'a' ? <TextField name={`purposes.${index}.consentRecordReference`} label="Where consent is recorded (link or reference)" wide /> : null}
      </div>
      <EvidenceNote field={`purposes.${index}`} />
      <FindingNote anchor={`purposes.${index}`} />
    </div>
  )
}

export function PurposesSection() {
  const isProcessor = useIsProcessor()
  const { fields, append, remove } = useFieldArray<RecordFormInput, 'purposes'>({ name: 'purposes' })
  return (
    <Section info={sectionInfo('purposes', isProcessor)} intro="Each purpose needs its own lawful basis.">
      <VendorSuggestions />
      {fields.map((field, index) => (
        <PurposeItem key={field.id} index={index} onRemove={() => remove(index)} />
      ))}
      <ImportEvidenceNote field="purposes" />
      <FindingNote anchor="purposes" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), description: '', uses: [], lawfulBasis: '', legitimateInterest: '', liaReference: '', consentRecordReference: '' })}>
        Add purpose
      </button>
    </Section>
  )
}

function RetentionFields({ prefix }: { prefix: string }) {
  const mode = useWatch<RecordFormInput>({ name: `${prefix}.mode` as 'name' })
  return (
    <fieldset className="retention">
      <legend>Retention — 30(1)(f)</legend>
      <div className="grid grid--retention">
        <SelectField name={`${prefix}.mode`} label="Retention" labels={RETENTION_MODE_LABELS} />
        {mode === 'period' ? (
          <>
            <TextField name={`${prefix}.period`} label="Period" options={{ setValueAs: (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value)) }} />
            <SelectField name={`${prefix}.unit`} label="Unit" labels={RETENTION_UNIT_LABELS} />
            <TextField name={`${prefix}.fromEvent`} label="Runs from (event)" placeholder="e.g. end of contract" />
            <SelectField name={`${prefix}.endAction`} label="At the end" labels={RETENTION_END_ACTION_LABELS} />
          </>
        ) : null}
        {mode === 'criterion' ? (
          <>
            <TextAreaField name={`${prefix}.criterion`} label="Criterion used to set the retention" rows={2} />
            <SelectField name={`${prefix}.endAction`} label="At the end" labels={RETENTION_END_ACTION_LABELS} />
          </>
        ) : null}
      </div>
    </fieldset>
  )
}

export function DataSection() {
  const isProcessor = useIsProcessor()
  const { control, formState } = useFormContext<RecordFormInput>()
  const { fields, append, remove } = useFieldArray<RecordFormInput, 'dataCategories'>({ name: 'dataCategories' })
  return (
    <Section info={sectionInfo('data', isProcessor)}>
      <Controller
        control={control}
        name="dataSubjects"
        render={({ field }) => <TermListPicker kind="dataSubjects" label="Categories of data subjects" value={field.value ?? []} onChange={field.onChange} error={errorMessage(formState.errors, 'dataSubjects')} />}
      />
      <EvidenceNote field="dataSubjects" />
      <FindingNote anchor="dataSubjects" />
      <h3 className="subheading">Categories of personal data</h3>
      {fields.map((field, index) => (
        <div className="item" key={field.id}>
          <ItemHeader title={`Data category ${index + 1}`} onRemove={() => remove(index)} removeLabel={`Remove data category ${index + 1}`} />
          <div className="grid">
            <Controller
              control={control}
              name={`dataCategories.${index}.term`}
              render={({ field: termField }) => (
                <SingleTermPicker kind="dataCategories" label="Data category" value={termField.value ?? ''} onChange={termField.onChange} error={errorMessage(formState.errors, termField.name)} />
              )}
            />
            <TextField name={`dataCategories.${index}.description`} label="Details (in your words)" />
          </div>
          <RetentionFields prefix={`dataCategories.${index}.retention`} />
          <EvidenceNote field={`dataCategories.${index}`} />
          <FindingNote anchor={`dataCategories.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="dataCategories" />
      <FindingNote anchor="dataCategories" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), term: '', description: '', retention: emptyRetention() })}>
        Add data category
      </button>
    </Section>
  )
}

export function SpecialSection() {
  const isProcessor = useIsProcessor()
  const { fields, append, remove } = useFieldArray<RecordFormInput, 'specialCategories'>({ name: 'specialCategories' })
  const criminal = useWatch<RecordFormInput, 'criminalOffenceData.processed'>({ name: 'criminalOffenceData.processed' })
  return (
    <Section info={sectionInfo('special', isProcessor)} intro="Special categories need an Art. 9(2) condition as well as an Art. 6 basis.">
      {fields.map((field, index) => (
        <div className="item" key={field.id}>
          <ItemHeader title={`Special category ${index + 1}`} onRemove={() => remove(index)} removeLabel={`Remove special category ${index + 1}`} />
          <div className="grid">
            <SelectField name={`specialCategories.${index}.category`} label="Special category — Art. 9(1)" labels={SPECIAL_CATEGORY_LABELS} />
            <SelectField name={`specialCategories.${index}.condition`} label="Condition — Art. 9(2)" labels={ART9_CONDITION_LABELS} blank="Not yet decided" />
            <TextField name={`specialCategories.${index}.notes`} label="Notes" wide />
          </div>
          <EvidenceNote field={`specialCategories.${index}`} />
          <FindingNote anchor={`specialCategories.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="specialCategories" />
      <FindingNote anchor="specialCategories" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), category: 'health', condition: '', notes: '' })}>
        Add special category
      </button>
      <div className="grid">
        <CheckboxField name="criminalOffenceData.processed" label="Criminal convictions and offences data is processed (Art. 10)" />
        {criminal ? <TextField name="criminalOffenceData.basis" label="Art. 10 basis (official authority or the law that authorises it)" wide /> : null}
      </div>
      <EvidenceNote field="criminalOffenceData" />
      <FindingNote anchor="criminalOffenceData" />
    </Section>
  )
}

export function RecipientsSection() {
  const isProcessor = useIsProcessor()
  const { fields, append, remove } = useFieldArray<RecordFormInput, 'recipients'>({ name: 'recipients' })
  return (
    <Section info={sectionInfo('recipients', isProcessor)}>
      {fields.map((field, index) => (
        <div className="item" key={field.id}>
          <ItemHeader title={`Recipient ${index + 1}`} onRemove={() => remove(index)} removeLabel={`Remove recipient ${index + 1}`} />
          <div className="grid">
            <TextField name={`recipients.${index}.name`} label="Recipient" />
            <SelectField name={`recipients.${index}.type`} label="Type" labels={RECIPIENT_TYPE_LABELS} />
            <VendorPicker index={index} />
            <TextField name={`recipients.${index}.contractReference`} label="Contract / DPA (link or reference)" />
            <TextField name={`recipients.${index}.notes`} label="Notes" />
          </div>
          <EvidenceNote field={`recipients.${index}`} />
          <FindingNote anchor={`recipients.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="recipients" />
      <FindingNote anchor="recipients" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), name: '', type: 'not-stated', vendorId: '', contractReference: '', notes: '' })}>
        Add recipient
      </button>
    </Section>
  )
}

export function TransfersSection() {
  const isProcessor = useIsProcessor()
  const { fields, append, remove } = useFieldArray<RecordFormInput, 'transfers'>({ name: 'transfers' })
  const regime = useLiveQuery(async () => (await repository.getOrganisation())?.regime ?? 'eu', []) ?? 'eu'
  return (
    <Section
      info={sectionInfo('transfers', isProcessor)}
      intro={
        <>
          Every transfer outside the {regime === 'uk' ? 'UK' : 'EEA'} names its destination, the Chapter V mechanism and the instrument it relies on. Organisation&apos;s regime: {REGIME_LABELS[regime]}.{' '}
          <span className="transfer-law-date">Transfer law as of {formatLegalDate(TRANSFER_LAW_AS_OF)}.</span>
        </>
      }
    >
      {fields.map((field, index) => (
        <TransferItem key={field.id} index={index} regime={regime} onRemove={() => remove(index)} />
      ))}
      <ImportEvidenceNote field="transfers" />
      <FindingNote anchor="transfers" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), recipient: '', country: '', documentation: '', ...UNSTATED_INSTRUMENT })}>
        Add transfer
      </button>
    </Section>
  )
}

/** The instruments offered for a mechanism under the regime; one already chosen stays offered so that stored data shows. */
function instrumentChoices(mechanism: string, regime: Regime, current: string): Record<string, string> {
  const choices: Record<string, string> = {}
  for (const [key, label] of Object.entries(TRANSFER_INSTRUMENT_LABELS) as Array<[TransferInstrument, string]>) {
    const fits = mechanismOfInstrument(key) === mechanism && instrumentAvailableUnder(key, regime)
    if (!fits && key !== current) continue
    const standing = instrumentStandingOn(key, localToday())
    choices[key] = standing.kind === 'invalid' ? `${label} (invalid since ${formatLegalDate(standing.since)})` : label
  }
  return choices
}

function destinationHint(country: string, countryCode: string, regime: Regime): string {
  if (country.trim() === '' && countryCode === '') return 'Choose from the list or type the destination.'
  const destination = classifyDestination(country, { regime: regime === 'uk' ? 'uk' : 'eu', countryCode, on: localToday() })
  const code = countryCode ? `Code ${countryCode}. ` : 'Not matched to a country code. '
  if (destination.domestic) return `${code}${regime === 'uk' ? 'In the UK' : 'In the EEA'}: not a transfer under Chapter V.`
  const list = regime === 'uk' ? `the UK's list (as of ${formatLegalDate(TRANSFER_LAW_AS_OF)})` : "the EU's list"
  if (destination.adequacy === null) return `${code}No adequacy decision on ${list}.`
  return `${code}${destination.adequacy
    .map((decision) => `${decision.regime === 'uk' ? 'UK adequacy regulations' : 'Adequacy decision'} for ${decision.name}${decision.decided ? `${decision.regime === 'uk' ? ' in force from' : ' of'} ${formatLegalDate(decision.decided)}` : ''}${decision.scope ? `: ${ADEQUACY_SCOPE_TEXT[decision.scope]}` : ''}`)
    .join('; ')}.`
}

function DestinationField({ index, regime }: { index: number; regime: Regime }) {
  const { register, setValue } = useFormContext<RecordFormInput>()
  const country = (useWatch<RecordFormInput>({ name: `transfers.${index}.country` }) as string | undefined) ?? ''
  const countryCode = (useWatch<RecordFormInput>({ name: `transfers.${index}.countryCode` }) as string | undefined) ?? ''
  const id = useId()
  // The ~260 suggestions exist only while the field has focus, like the vocabulary pickers' (an editor stays light).
  const [focused, setFocused] = useState(false)
  const field = register(`transfers.${index}.country`, {
    // A name from the list (or an unambiguous alias such as "USA") carries its code; free text keeps none.
    onChange: (event: { target: { value: string } }) => setValue(`transfers.${index}.countryCode`, resolveDestinationCode(event.target.value), { shouldDirty: true })
  })
  return (
    <FieldShell label="Country or international organisation" htmlFor={id} hint={destinationHint(country, countryCode, regime)}>
      <input
        id={id}
        list={focused ? `${id}-destinations` : undefined}
        autoComplete="off"
        {...field}
        onFocus={() => setFocused(true)}
        onBlur={(event) => {
          setFocused(false)
          void field.onBlur(event)
        }}
      />
      {focused ? (
        <datalist id={`${id}-destinations`}>
          {DESTINATION_OPTIONS.map((option) => (
            <option key={option.code} value={option.name} />
          ))}
        </datalist>
      ) : null}
    </FieldShell>
  )
}

function TransferItem({ index, regime, onRemove }: { index: number; regime: Regime; onRemove: () => void }) {
  const { setValue, getValues } = useFormContext<RecordFormInput>()
  const mechanism = (useWatch<RecordFormInput>({ name: `transfers.${index}.mechanism` }) as string | undefined) ?? ''
  const instrument = (useWatch<RecordFormInput>({ name: `transfers.${index}.instrument` }) as string | undefined) ?? ''
  const onMechanismChange = (event: { target: { value: string } }) => {
    // An instrument of another mechanism no longer applies; nothing else is cleared.
    const chosen = getValues(`transfers.${index}.instrument`) ?? ''
    // Art. 49 has one instrument, the derogation itself: which one is asked next.
    if (event.target.value === 'art49') setValue(`transfers.${index}.instrument`, 'derogation', { shouldDirty: true })
    else if (chosen !== '' && mechanismOfInstrument(chosen) !== event.target.value) setValue(`transfers.${index}.instrument`, '', { shouldDirty: true })
  }
  return (
    <div className="item">
      <ItemHeader title={`Transfer ${index + 1}`} onRemove={onRemove} removeLabel={`Remove transfer ${index + 1}`} />
      <div className="grid">
        <TextField name={`transfers.${index}.recipient`} label="Recipient" />
        <DestinationField index={index} regime={regime} />
        <SelectField name={`transfers.${index}.mechanism`} label="Mechanism (Chapter V)" labels={TRANSFER_MECHANISM_LABELS} blank="Not stated yet" options={{ onChange: onMechanismChange }} />
        {mechanism !== '' && mechanism !== 'art49' ? (
          <SelectField name={`transfers.${index}.instrument`} label="Instrument" labels={instrumentChoices(mechanism, regime, instrument)} blank="Not stated yet" />
        ) : null}
        {instrument === 'scc-2021' || instrument === 'uk-addendum' ? <SelectField name={`transfers.${index}.sccModule`} label="SCC module" labels={SCC_MODULE_LABELS} blank="Not stated yet" /> : null}
        {mechanism === 'art49' ? <SelectField name={`transfers.${index}.derogation`} label="Art. 49 derogation" labels={ART49_DEROGATION_LABELS} blank="Not stated yet" /> : null}
        <TextField name={`transfers.${index}.documentation`} label={mechanism === 'art49' ? 'Documentation of the derogation (Art. 49)' : 'Documentation (link or reference)'} />
        {mechanism === 'art46' || mechanism === 'art47' ? <TextField name={`transfers.${index}.tiaReference`} label="Transfer impact assessment (reference or link)" /> : null}
      </div>
      <EvidenceNote field={`transfers.${index}`} />
      <FindingNote anchor={`transfers.${index}`} />
    </div>
  )
}

export function SecuritySection() {
  const isProcessor = useIsProcessor()
  const { control } = useFormContext<RecordFormInput>()
  return (
    <Section info={sectionInfo('security', isProcessor)}>
      <Controller
        control={control}
        name="securityMeasures"
        render={({ field }) => {
          const chosen = field.value ?? []
          return (
            <fieldset className="checklist">
              <legend>Measures in place</legend>
              {Object.entries(SECURITY_MEASURE_LABELS).map(([key, label]) => (
                <label key={key} className="checklist__item">
                  <input
                    type="checkbox"
                    checked={chosen.includes(key as (typeof chosen)[number])}
                    onChange={(event) => field.onChange(event.target.checked ? [...chosen, key] : chosen.filter((item) => item !== key))}
                    onBlur={field.onBlur}
                  />{' '}
                  {label}
                </label>
              ))}
            </fieldset>
          )
        }}
      />
      <TextAreaField name="securityDescription" label="General description of the measures" />
      <EvidenceNote field="securityMeasures" />
      <EvidenceNote field="securityDescription" />
      <FindingNote anchor="securityMeasures" />
    </Section>
  )
}

export function ContextSection() {
  const isProcessor = useIsProcessor()
  const automated = useWatch<RecordFormInput, 'automatedDecisionMaking.exists'>({ name: 'automatedDecisionMaking.exists' })
  return (
    <Section info={sectionInfo('context', isProcessor)}>
      <div className="grid">
        <TextField name="source" label="Source of the personal data" wide />
        <TextField name="systems" label="Systems and locations where the data is held" wide />
        <CheckboxField name="automatedDecisionMaking.exists" label="Automated decision-making or profiling takes place" />
        {automated ? <TextAreaField name="automatedDecisionMaking.description" label="Describe the automated decision-making or profiling" rows={2} /> : null}
        <SelectField name="dpia.required" label="DPIA required?" labels={DPIA_REQUIRED_LABELS} />
        <SelectField name="dpia.status" label="DPIA progress" labels={DPIA_STATUS_LABELS} blank="—" />
        <TextField name="dpia.link" label="DPIA (link or reference)" />
      </div>
      {['source', 'systems', 'automatedDecisionMaking', 'dpia'].map((field) => (
        <EvidenceNote key={field} field={field} />
      ))}
      <FindingNote anchor="context" />
    </Section>
  )
}

export function ControllersSection() {
  const { fields, append, remove } = useFieldArray<RecordFormInput, 'controllersActedFor'>({ name: 'controllersActedFor' })
  return (
    <Section info={sectionInfo('controllers', true)} intro="For each controller on whose behalf you act: who they are and what you do for them.">
      {fields.map((field, index) => (
        <div className="item" key={field.id}>
          <ItemHeader title={`Controller ${index + 1}`} onRemove={() => remove(index)} removeLabel={`Remove controller ${index + 1}`} />
          <div className="grid">
            <TextField name={`controllersActedFor.${index}.name`} label="Controller" />
            <TextField name={`controllersActedFor.${index}.contact`} label="Contact details" />
            <TextField name={`controllersActedFor.${index}.representative`} label="Representative" />
            <TextField name={`controllersActedFor.${index}.dpo`} label="Controller's DPO" />
            <TextAreaField name={`controllersActedFor.${index}.processingCategories`} label="Categories of processing carried out — 30(2)(b)" rows={2} />
          </div>
          <EvidenceNote field={`controllersActedFor.${index}`} />
          <FindingNote anchor={`controllersActedFor.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="controllersActedFor" />
      <FindingNote anchor="controllersActedFor" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), name: '', contact: '', representative: '', dpo: '', processingCategories: '' })}>
        Add controller
      </button>
    </Section>
  )
}

export function WorkflowSection() {
  const isProcessor = useIsProcessor()
  return (
    <Section info={sectionInfo('workflow', isProcessor)}>
      <div className="grid">
        <StatusField />
        <TextField name="lastReviewed" label="Last reviewed" type="date" />
        <TextField name="nextReview" label="Next review" type="date" />
      </div>
      {['status', 'lastReviewed', 'nextReview'].map((field) => (
        <EvidenceNote key={field} field={field} />
      ))}
      <FindingNote anchor="workflow" />
    </Section>
  )
}

/** Free notes, where an import keeps the cells the DPO chose to keep "as a note". */
export function NotesSection() {
  const isProcessor = useIsProcessor()
  return (
    <Section info={sectionInfo('notes', isProcessor)}>
      <TextAreaField name="notes" label="Notes" rows={4} />
      <EvidenceNote field="notes" />
    </Section>
  )
}
