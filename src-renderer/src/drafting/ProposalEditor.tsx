/** Edits one proposal's value; the quote stays the policy's own words. */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { keysOf, type RecordRole } from '@core/records/enums'
import { termLabelIn } from '@core/i18n/catalogues'
import { mechanismOfInstrument } from '@core/legal/parse-instrument-text'
import { resolveDestinationCode } from '@core/legal/destinations'
import { VOCABULARY } from '@core/vocabulary/vocabulary'
import type { DraftProposal, DraftValueByField } from '@core/templates/drafting/proposal'
import { currentLocale } from '../i18n/i18n'
import { enumLabels } from '../i18n/labels'

interface Props {
  proposal: DraftProposal
  onSave: (value: DraftProposal['value']) => void
  onCancel: () => void
}

function TermSelect({ kind, value, onChange, label }: { kind: 'dataCategories' | 'dataSubjects'; value: string; onChange: (term: string) => void; label: string }) {
  const { t } = useTranslation('drafting')
  const id = useId()
  const locale = currentLocale()
  const known = VOCABULARY[kind].some((entry) => entry.key === value)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {known ? null : <option value={value}>{t('editor.yourWording', { term: termLabelIn(value, locale) })}</option>}
        {VOCABULARY[kind].map((entry) => (
          <option key={entry.key} value={entry.key}>
            {termLabelIn(entry.key, locale)} ({entry.key})
          </option>
        ))}
      </select>
    </div>
  )
}

function TextInput({ label, value, onChange, multiline = false }: { label: string; value: string; onChange: (text: string) => void; multiline?: boolean }) {
  const id = useId()
  return (
    <div className="field field--wide">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea id={id} rows={3} value={value} onChange={(event) => onChange(event.target.value)} /> : <input id={id} value={value} onChange={(event) => onChange(event.target.value)} />}
    </div>
  )
}

function Choice<K extends string>({ label, value, options, onChange, blank }: { label: string; value: K | ''; options: Record<K, string>; onChange: (key: K | '') => void; blank?: string }) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as K | '')}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {keysOf(options).map((key) => (
          <option key={key} value={key}>
            {options[key]}
          </option>
        ))}
      </select>
    </div>
  )
}

export function ProposalEditor({ proposal, onSave, onCancel }: Props) {
  const { t } = useTranslation('drafting')
  const [value, setValue] = useState<DraftProposal['value']>(proposal.value)
  const patch = <F extends DraftProposal['field']>(next: Partial<DraftValueByField[F]>) => setValue((current) => ({ ...current, ...next }))
  const fields = (() => {
    switch (proposal.field) {
      case 'vendor':
      case 'activity':
        return <TextInput label={t('editor.name')} value={(value as { name: string }).name} onChange={(name) => patch({ name })} />
      case 'subProcessor': {
        const current = value as DraftValueByField['subProcessor']
        return (
          <>
            <TextInput label={t('editor.name')} value={current.name} onChange={(name) => patch<'subProcessor'>({ name })} />
            <TextInput label={t('editor.service')} value={current.service ?? ''} onChange={(service) => patch<'subProcessor'>({ service })} />
          </>
        )
      }
      case 'role':
        return <Choice label={t('editor.role')} value={(value as { role: RecordRole }).role} options={enumLabels('RECORD_ROLE_LABELS')} onChange={(role) => role && patch<'role'>({ role })} />
      case 'dataCategory':
        return <TermSelect kind="dataCategories" label={t('editor.dataCategory')} value={(value as { term: string }).term} onChange={(term) => patch<'dataCategory'>({ term })} />
      case 'dataSubject':
        return <TermSelect kind="dataSubjects" label={t('editor.dataSubject')} value={(value as { term: string }).term} onChange={(term) => patch<'dataSubject'>({ term })} />
      case 'purpose': {
        const current = value as DraftValueByField['purpose']
        return (
          <>
            <TextInput label={t('editor.purpose')} multiline value={current.description} onChange={(description) => patch<'purpose'>({ description })} />
            <Choice
              label={t('editor.lawfulBasis')}
              value={current.lawfulBasis ?? ''}
              options={enumLabels('LAWFUL_BASIS_LABELS')}
              blank={t('editor.notStated')}
              onChange={(basis) => setValue(basis ? { ...current, lawfulBasis: basis } : { description: current.description, uses: current.uses })}
            />
            {current.lawfulBasis === 'f' ? (
              <TextInput label={t('editor.legitimateInterest')} value={current.legitimateInterest ?? ''} onChange={(legitimateInterest) => patch<'purpose'>({ legitimateInterest })} />
            ) : null}
          </>
        )
      }
      case 'retention': {
        const current = value as DraftValueByField['retention']
        return current.mode === 'period' ? (
          <>
            <TextInput label={t('editor.period')} value={String(current.period)} onChange={(text) => patch<'retention'>({ period: Math.max(1, Math.min(1000, Math.round(Number(text) || 1))) })} />
            <Choice label={t('editor.unit')} value={current.unit} options={enumLabels('RETENTION_UNIT_LABELS')} onChange={(unit) => unit && patch<'retention'>({ unit: unit })} />
            <TextInput label={t('editor.countedFrom')} value={current.fromEvent ?? ''} onChange={(fromEvent) => patch<'retention'>({ fromEvent })} />
          </>
        ) : (
          <TextInput label={t('editor.criterion')} multiline value={current.criterion} onChange={(criterion) => patch<'retention'>({ criterion })} />
        )
      }
      case 'recipient': {
        const current = value as DraftValueByField['recipient']
        return (
          <>
            <TextInput label={t('editor.recipient')} value={current.name} onChange={(name) => patch<'recipient'>({ name })} />
            <Choice label={t('editor.type')} value={current.type} options={enumLabels('RECIPIENT_TYPE_LABELS')} onChange={(type) => type && patch<'recipient'>({ type: type })} />
          </>
        )
      }
      case 'transfer': {
        const current = value as DraftValueByField['transfer']
        return (
          <>
            <TextInput label={t('editor.country')} value={current.country} onChange={(country) => patch<'transfer'>({ country, countryCode: resolveDestinationCode(country) })} />
            <Choice
              label={t('editor.instrument')}
              value={current.instrument ?? ''}
              options={enumLabels('TRANSFER_INSTRUMENT_LABELS')}
              blank={t('editor.notStated')}
              onChange={(instrument) => {
                const { instrument: _instrument, mechanism: _mechanism, sccModule: _module, ...rest } = current
                setValue(instrument ? { ...rest, instrument: instrument, mechanism: mechanismOfInstrument(instrument) } : rest)
              }}
            />
          </>
        )
      }
      case 'securityMeasure': {
        const current = value as DraftValueByField['securityMeasure']
        return (
          <Choice
            label={t('editor.measure')}
            value={current.measure ?? ''}
            options={enumLabels('SECURITY_MEASURE_LABELS')}
            blank={t('editor.noListedMeasure')}
            onChange={(measure) => setValue(measure ? { measure: measure } : {})}
          />
        )
      }
    }
  })()
  return (
    <form
      className="draft-editor"
      aria-label={t('editor.label')}
      onSubmit={(event) => {
        event.preventDefault()
        onSave(value)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          onCancel()
        }
      }}
    >
      <div className="draft-editor__fields">{fields}</div>
      <div className="draft-editor__actions">
        <button type="submit" className="button button--primary button--small">
          {t('editor.save')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  )
}
