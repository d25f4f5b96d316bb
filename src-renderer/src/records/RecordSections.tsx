/** The sections of the record editor, each naming the Article 30 item it satisfies. */
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { type Regime, type TransferInstrument } from '@core/records/enums'
import { useTranslation } from 'react-i18next'
import { t } from '../i18n/i18n'
import { enumLabel, enumLabels } from '../i18n/labels'
import { articleInWords } from '../i18n/findings'
import { UNSTATED_INSTRUMENT, type RecordFormInput } from '@core/records/model'
import { classifyDestination } from '@core/checks/adequacy'
import { localToday } from '@core/checks/dates'
import { DESTINATION_OPTIONS, resolveDestinationCode } from '@core/legal/destinations'
import { mechanismOfInstrument } from '@core/legal/parse-instrument-text'
import { ADEQUACY_SCOPE_TEXT, TRANSFER_LAW_AS_OF, instrumentAvailableUnder, instrumentStandingOn } from '@core/legal/transfer-law'
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
import { longDate } from '../i18n/use-formatters'

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
  const { t } = useTranslation()
  return (
    <div className="item__header">
      <h3>{title}</h3>
      <button type="button" className="button button--small button--quiet" onClick={onRemove} aria-label={removeLabel}>
        {t('sections.remove')}
      </button>
    </div>
  )
}

function useIsProcessor(): boolean {
  return useWatch<RecordFormInput, 'role'>({ name: 'role' }) === 'processor'
}

export function sectionsFor(isProcessor: boolean): SectionInfo[] {
  // Each section's citation in the interface's language's style, as the findings and the workbook cite it.
  const cite = (article: string) => (article ? articleInWords(article) : '')
  return [
    { id: 'identity', title: t('sections.identity'), article: '' },
    ...(isProcessor ? [{ id: 'controllers', title: t('sections.controllers'), article: cite('Art. 30(2)(a)(b)') }] : []),
    { id: 'purposes', title: t('sections.purposes'), article: cite(isProcessor ? '' : 'Art. 30(1)(b)') },
    { id: 'data', title: t('sections.data'), article: cite(isProcessor ? '' : 'Art. 30(1)(c)(f)') },
    { id: 'special', title: t('sections.special'), article: cite('Art. 9, 10') },
    { id: 'recipients', title: t('sections.recipients'), article: cite(isProcessor ? '' : 'Art. 30(1)(d)') },
    { id: 'transfers', title: t('sections.transfers'), article: cite(isProcessor ? 'Art. 30(2)(c)' : 'Art. 30(1)(e)') },
    { id: 'security', title: t('sections.security'), article: cite(isProcessor ? 'Art. 30(2)(d)' : 'Art. 30(1)(g)') },
    { id: 'context', title: t('sections.context'), article: '' },
    { id: 'workflow', title: t('sections.workflow'), article: '' },
    { id: 'notes', title: t('sections.notes'), article: '' }
  ]
}

const sectionInfo = (id: string, isProcessor: boolean) => sectionsFor(isProcessor).find((section) => section.id === id)!

export function IdentitySection() {
  const role = useWatch<RecordFormInput, 'role'>({ name: 'role' })
  return (
    <Section info={sectionInfo('identity', role === 'processor')}>
      <div className="grid">
        <TextField name="name" label={t('sections.identityFields.name')} wide />
        <TextField name="previousReference" label={t('sections.identityFields.previousReference')} hint={t('sections.identityFields.previousReferenceHint')} />
        <SelectField name="role" label={t('sections.identityFields.role')} labels={enumLabels('RECORD_ROLE_LABELS')} />
        <TextField name="businessFunction" label={t('sections.identityFields.businessFunction')} />
        <TextField name="owner" label={t('sections.identityFields.owner')} />
        <TextAreaField name="description" label={t('sections.identityFields.description')} />
        {role === 'joint-controller' ? <TextAreaField name="jointControllerDetails" label={t('sections.identityFields.jointControllerDetails')} /> : null}
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
      <ItemHeader title={t('sections.purpose.title', { n: index + 1 })} onRemove={onRemove} removeLabel={t('sections.purpose.remove', { n: index + 1 })} />
      <div className="grid">
        <TextAreaField name={`purposes.${index}.description`} label={t('sections.purpose.description')} rows={2} />
        <Controller
          control={control}
          name={`purposes.${index}.uses`}
          render={({ field }) => <TermListPicker kind="dataUses" label={t('sections.purpose.uses')} value={field.value ?? []} onChange={field.onChange} error={errorMessage(formState.errors, field.name)} />}
        />
        <SelectField name={`purposes.${index}.lawfulBasis`} label={t('sections.purpose.lawfulBasis')} labels={enumLabels('LAWFUL_BASIS_LABELS')} blank={t('common.notYetDecided')} />
        {basis === 'f' ? (
          <>
            <TextAreaField name={`purposes.${index}.legitimateInterest`} label={t('sections.purpose.legitimateInterest')} rows={2} />
            <TextField name={`purposes.${index}.liaReference`} label={t('sections.purpose.lia')} />
          </>
        ) : null}
        {basis === 'a' ? <TextField name={`purposes.${index}.consentRecordReference`} label={t('sections.purpose.consent')} wide /> : null}
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
    <Section info={sectionInfo('purposes', isProcessor)} intro={t('sections.purpose.intro')}>
      <VendorSuggestions />
      {fields.map((field, index) => (
        <PurposeItem key={field.id} index={index} onRemove={() => remove(index)} />
      ))}
      <ImportEvidenceNote field="purposes" />
      <FindingNote anchor="purposes" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), description: '', uses: [], lawfulBasis: '', legitimateInterest: '', liaReference: '', consentRecordReference: '' })}>
        {t('sections.purpose.add')}
      </button>
    </Section>
  )
}

function RetentionFields({ prefix }: { prefix: string }) {
  const mode = useWatch<RecordFormInput>({ name: `${prefix}.mode` as 'name' })
  return (
    <fieldset className="retention">
      <legend>{t('sections.retention.legend')}</legend>
      <div className="grid grid--retention">
        <SelectField name={`${prefix}.mode`} label={t('sections.retention.mode')} labels={enumLabels('RETENTION_MODE_LABELS')} />
        {mode === 'period' ? (
          <>
            <TextField name={`${prefix}.period`} label={t('sections.retention.period')} options={{ setValueAs: (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value)) }} />
            <SelectField name={`${prefix}.unit`} label={t('sections.retention.unit')} labels={enumLabels('RETENTION_UNIT_LABELS')} />
            <TextField name={`${prefix}.fromEvent`} label={t('sections.retention.fromEvent')} placeholder={t('sections.retention.fromEventPlaceholder')} />
            <SelectField name={`${prefix}.endAction`} label={t('sections.retention.endAction')} labels={enumLabels('RETENTION_END_ACTION_LABELS')} blank={t('common.notStatedYet')} />
          </>
        ) : null}
        {mode === 'criterion' ? (
          <>
            <TextAreaField name={`${prefix}.criterion`} label={t('sections.retention.criterion')} rows={2} />
            <SelectField name={`${prefix}.endAction`} label={t('sections.retention.endAction')} labels={enumLabels('RETENTION_END_ACTION_LABELS')} blank={t('common.notStatedYet')} />
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
        render={({ field }) => <TermListPicker kind="dataSubjects" label={t('sections.dataFields.subjects')} value={field.value ?? []} onChange={field.onChange} error={errorMessage(formState.errors, 'dataSubjects')} />}
      />
      <EvidenceNote field="dataSubjects" />
      <FindingNote anchor="dataSubjects" />
      <h3 className="subheading">{t('sections.dataFields.categoriesHeading')}</h3>
      {fields.map((field, index) => (
        <div className="item" key={field.id}>
          <ItemHeader title={t('sections.dataFields.title', { n: index + 1 })} onRemove={() => remove(index)} removeLabel={t('sections.dataFields.remove', { n: index + 1 })} />
          <div className="grid">
            <Controller
              control={control}
              name={`dataCategories.${index}.term`}
              render={({ field: termField }) => (
                <SingleTermPicker kind="dataCategories" label={t('sections.dataFields.term')} value={termField.value ?? ''} onChange={termField.onChange} error={errorMessage(formState.errors, termField.name)} />
              )}
            />
            <TextField name={`dataCategories.${index}.description`} label={t('sections.dataFields.details')} />
          </div>
          <RetentionFields prefix={`dataCategories.${index}.retention`} />
          <EvidenceNote field={`dataCategories.${index}`} />
          <FindingNote anchor={`dataCategories.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="dataCategories" />
      <FindingNote anchor="dataCategories" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), term: '', description: '', retention: emptyRetention() })}>
        {t('sections.dataFields.add')}
      </button>
    </Section>
  )
}

export function SpecialSection() {
  const isProcessor = useIsProcessor()
  const { fields, append, remove } = useFieldArray<RecordFormInput, 'specialCategories'>({ name: 'specialCategories' })
  const criminal = useWatch<RecordFormInput, 'criminalOffenceData.processed'>({ name: 'criminalOffenceData.processed' })
  return (
    <Section info={sectionInfo('special', isProcessor)} intro={t('sections.specialFields.intro')}>
      {fields.map((field, index) => (
        <div className="item" key={field.id}>
          <ItemHeader title={t('sections.specialFields.title', { n: index + 1 })} onRemove={() => remove(index)} removeLabel={t('sections.specialFields.remove', { n: index + 1 })} />
          <div className="grid">
            <SelectField name={`specialCategories.${index}.category`} label={t('sections.specialFields.category')} labels={enumLabels('SPECIAL_CATEGORY_LABELS')} />
            <SelectField name={`specialCategories.${index}.condition`} label={t('sections.specialFields.condition')} labels={enumLabels('ART9_CONDITION_LABELS')} blank={t('common.notYetDecided')} />
            <TextField name={`specialCategories.${index}.notes`} label={t('sections.specialFields.notes')} wide />
          </div>
          <EvidenceNote field={`specialCategories.${index}`} />
          <FindingNote anchor={`specialCategories.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="specialCategories" />
      <FindingNote anchor="specialCategories" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), category: 'health', condition: '', notes: '' })}>
        {t('sections.specialFields.add')}
      </button>
      <div className="grid">
        <CheckboxField name="criminalOffenceData.processed" label={t('sections.specialFields.criminal')} />
        {criminal ? <TextField name="criminalOffenceData.basis" label={t('sections.specialFields.criminalBasis')} wide /> : null}
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
          <ItemHeader title={t('sections.recipient.title', { n: index + 1 })} onRemove={() => remove(index)} removeLabel={t('sections.recipient.remove', { n: index + 1 })} />
          <div className="grid">
            <TextField name={`recipients.${index}.name`} label={t('sections.recipient.name')} />
            <SelectField name={`recipients.${index}.type`} label={t('sections.recipient.type')} labels={enumLabels('RECIPIENT_TYPE_LABELS')} />
            <VendorPicker index={index} />
            <TextField name={`recipients.${index}.contractReference`} label={t('sections.recipient.contract')} />
            <TextField name={`recipients.${index}.notes`} label={t('sections.recipient.notes')} />
          </div>
          <EvidenceNote field={`recipients.${index}`} />
          <FindingNote anchor={`recipients.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="recipients" />
      <FindingNote anchor="recipients" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), name: '', type: 'not-stated', vendorId: '', contractReference: '', notes: '' })}>
        {t('sections.recipient.add')}
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
          {t(regime === 'uk' ? 'sections.transfer.introUk' : 'sections.transfer.introEu', { regime: enumLabel('REGIME_LABELS', regime) })}{' '}
          <span className="transfer-law-date">{t('sections.transfer.lawAsOf', { date: longDate(TRANSFER_LAW_AS_OF) })}</span>
        </>
      }
    >
      {fields.map((field, index) => (
        <TransferItem key={field.id} index={index} regime={regime} onRemove={() => remove(index)} />
      ))}
      <ImportEvidenceNote field="transfers" />
      <FindingNote anchor="transfers" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), recipient: '', country: '', documentation: '', ...UNSTATED_INSTRUMENT })}>
        {t('sections.transfer.add')}
      </button>
    </Section>
  )
}

/** The instruments offered for a mechanism under the regime; one already chosen stays offered so that stored data shows. */
function instrumentChoices(mechanism: string, regime: Regime, current: string): Record<string, string> {
  const choices: Record<string, string> = {}
  for (const [key, label] of Object.entries(enumLabels('TRANSFER_INSTRUMENT_LABELS')) as Array<[TransferInstrument, string]>) {
    const fits = mechanismOfInstrument(key) === mechanism && instrumentAvailableUnder(key, regime)
    if (!fits && key !== current) continue
    const standing = instrumentStandingOn(key, localToday())
    choices[key] = standing.kind === 'invalid' ? t('sections.transfer.invalidSince', { label, date: longDate(standing.since) }) : label
  }
  return choices
}

function destinationHint(country: string, countryCode: string, regime: Regime): string {
  if (country.trim() === '' && countryCode === '') return t('sections.transfer.chooseOrType')
  const destination = classifyDestination(country, { regime: regime === 'uk' ? 'uk' : 'eu', countryCode, on: localToday() })
  const code = `${countryCode ? t('sections.transfer.code', { code: countryCode }) : t('sections.transfer.noCode')} `
  if (destination.domestic) return `${code}${regime === 'uk' ? t('sections.transfer.inUk') : t('sections.transfer.inEea')}`
  if (destination.adequacy === null) return `${code}${regime === 'uk' ? t('sections.transfer.noAdequacyUk', { date: longDate(TRANSFER_LAW_AS_OF) }) : t('sections.transfer.noAdequacyEu')}`
  return `${code}${destination.adequacy
    .map((decision) => {
      const uk = decision.regime === 'uk'
      const named = decision.decided
        ? t(uk ? 'sections.transfer.ukAdequacyFrom' : 'sections.transfer.adequacyOf', { name: decision.name, date: longDate(decision.decided) })
        : t(uk ? 'sections.transfer.ukAdequacy' : 'sections.transfer.adequacy', { name: decision.name })
      return `${named}${decision.scope ? `: ${ADEQUACY_SCOPE_TEXT[decision.scope]}` : ''}`
    })
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
    <FieldShell label={t('sections.transfer.destination')} htmlFor={id} hint={destinationHint(country, countryCode, regime)}>
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
      <ItemHeader title={t('sections.transfer.title', { n: index + 1 })} onRemove={onRemove} removeLabel={t('sections.transfer.remove', { n: index + 1 })} />
      <div className="grid">
        <TextField name={`transfers.${index}.recipient`} label={t('sections.transfer.recipient')} />
        <DestinationField index={index} regime={regime} />
        <SelectField name={`transfers.${index}.mechanism`} label={t('sections.transfer.mechanism')} labels={enumLabels('TRANSFER_MECHANISM_LABELS')} blank={t('common.notStatedYet')} options={{ onChange: onMechanismChange }} />
        {mechanism !== '' && mechanism !== 'art49' ? (
          <SelectField name={`transfers.${index}.instrument`} label={t('sections.transfer.instrument')} labels={instrumentChoices(mechanism, regime, instrument)} blank={t('common.notStatedYet')} />
        ) : null}
        {instrument === 'scc-2021' || instrument === 'uk-addendum' ? <SelectField name={`transfers.${index}.sccModule`} label={t('sections.transfer.sccModule')} labels={enumLabels('SCC_MODULE_LABELS')} blank={t('common.notStatedYet')} /> : null}
        {mechanism === 'art49' ? <SelectField name={`transfers.${index}.derogation`} label={t('sections.transfer.derogation')} labels={enumLabels('ART49_DEROGATION_LABELS')} blank={t('common.notStatedYet')} /> : null}
        <TextField name={`transfers.${index}.documentation`} label={mechanism === 'art49' ? t('sections.transfer.documentationDerogation') : t('sections.transfer.documentation')} />
        {mechanism === 'art46' || mechanism === 'art47' ? <TextField name={`transfers.${index}.tiaReference`} label={t('sections.transfer.tia')} /> : null}
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
              <legend>{t('sections.securityFields.measures')}</legend>
              {Object.entries(enumLabels('SECURITY_MEASURE_LABELS')).map(([key, label]) => (
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
      <TextAreaField name="securityDescription" label={t('sections.securityFields.description')} />
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
        <TextField name="source" label={t('sections.contextFields.source')} wide />
        <TextField name="systems" label={t('sections.contextFields.systems')} wide />
        <CheckboxField name="automatedDecisionMaking.exists" label={t('sections.contextFields.automated')} />
        {automated ? <TextAreaField name="automatedDecisionMaking.description" label={t('sections.contextFields.automatedDescription')} rows={2} /> : null}
        <SelectField name="dpia.required" label={t('sections.contextFields.dpiaRequired')} labels={enumLabels('DPIA_REQUIRED_LABELS')} />
        <SelectField name="dpia.status" label={t('sections.contextFields.dpiaStatus')} labels={enumLabels('DPIA_STATUS_LABELS')} blank="—" />
        <TextField name="dpia.link" label={t('sections.contextFields.dpiaLink')} />
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
    <Section info={sectionInfo('controllers', true)} intro={t('sections.controller.intro')}>
      {fields.map((field, index) => (
        <div className="item" key={field.id}>
          <ItemHeader title={t('sections.controller.title', { n: index + 1 })} onRemove={() => remove(index)} removeLabel={t('sections.controller.remove', { n: index + 1 })} />
          <div className="grid">
            <TextField name={`controllersActedFor.${index}.name`} label={t('sections.controller.name')} />
            <TextField name={`controllersActedFor.${index}.contact`} label={t('sections.controller.contact')} />
            <TextField name={`controllersActedFor.${index}.representative`} label={t('sections.controller.representative')} />
            <TextField name={`controllersActedFor.${index}.dpo`} label={t('sections.controller.dpo')} />
            <TextAreaField name={`controllersActedFor.${index}.processingCategories`} label={t('sections.controller.categories')} rows={2} />
          </div>
          <EvidenceNote field={`controllersActedFor.${index}`} />
          <FindingNote anchor={`controllersActedFor.${index}`} />
        </div>
      ))}
      <ImportEvidenceNote field="controllersActedFor" />
      <FindingNote anchor="controllersActedFor" />
      <button type="button" className="button button--small" onClick={() => append({ id: newItemId(), name: '', contact: '', representative: '', dpo: '', processingCategories: '' })}>
        {t('sections.controller.add')}
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
        <TextField name="lastReviewed" label={t('sections.workflowFields.lastReviewed')} type="date" />
        <TextField name="nextReview" label={t('sections.workflowFields.nextReview')} type="date" />
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
      <TextAreaField name="notes" label={t('sections.notesField')} rows={4} />
      <EvidenceNote field="notes" />
    </Section>
  )
}
