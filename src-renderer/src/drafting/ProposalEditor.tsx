/** Edits one proposal's value; the quote stays the policy's own words. */
import { useId, useState } from 'react'
import {
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RETENTION_UNIT_LABELS,
  SECURITY_MEASURE_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  keysOf,
  type RecordRole
} from '@core/records/enums'
import { mechanismOfInstrument } from '@core/legal/parse-instrument-text'
import { resolveDestinationCode } from '@core/legal/destinations'
import { VOCABULARY, termLabel } from '@core/vocabulary/vocabulary'
import type { DraftProposal, DraftValueByField } from '@core/templates/drafting/proposal'

interface Props {
  proposal: DraftProposal
  onSave: (value: DraftProposal['value']) => void
  onCancel: () => void
}

function TermSelect({ kind, value, onChange, label }: { kind: 'dataCategories' | 'dataSubjects'; value: string; onChange: (term: string) => void; label: string }) {
  const id = useId()
  const known = VOCABULARY[kind].some((entry) => entry.key === value)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {known ? null : <option value={value}>{termLabel(value)} (your wording)</option>}
        {VOCABULARY[kind].map((entry) => (
          <option key={entry.key} value={entry.key}>
            {entry.name} ({entry.key})
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
  const [value, setValue] = useState<DraftProposal['value']>(proposal.value)
  const patch = <F extends DraftProposal['field']>(next: Partial<DraftValueByField[F]>) => setValue((current) => ({ ...current, ...next }))
  const fields = (() => {
    switch (proposal.field) {
      case 'vendor':
      case 'activity':
        return <TextInput label="Name" value={(value as { name: string }).name} onChange={(name) => patch({ name })} />
      case 'subProcessor': {
        const current = value as DraftValueByField['subProcessor']
        return (
          <>
            <TextInput label="Name" value={current.name} onChange={(name) => patch<'subProcessor'>({ name })} />
            <TextInput label="Service" value={current.service ?? ''} onChange={(service) => patch<'subProcessor'>({ service })} />
          </>
        )
      }
      case 'role':
        return <Choice label="Role" value={(value as { role: RecordRole }).role} options={RECORD_ROLE_LABELS} onChange={(role) => role && patch<'role'>({ role })} />
      case 'dataCategory':
        return <TermSelect kind="dataCategories" label="Data category" value={(value as { term: string }).term} onChange={(term) => patch<'dataCategory'>({ term })} />
      case 'dataSubject':
        return <TermSelect kind="dataSubjects" label="Data subject" value={(value as { term: string }).term} onChange={(term) => patch<'dataSubject'>({ term })} />
      case 'purpose': {
        const current = value as DraftValueByField['purpose']
        return (
          <>
            <TextInput label="Purpose" multiline value={current.description} onChange={(description) => patch<'purpose'>({ description })} />
            <Choice
              label="Lawful basis"
              value={current.lawfulBasis ?? ''}
              options={LAWFUL_BASIS_LABELS}
              blank="Not stated"
              onChange={(basis) => setValue(basis ? { ...current, lawfulBasis: basis } : { description: current.description, uses: current.uses })}
            />
            {current.lawfulBasis === 'f' ? (
              <TextInput label="Legitimate interest (as the policy names it; blank: a gap)" value={current.legitimateInterest ?? ''} onChange={(legitimateInterest) => patch<'purpose'>({ legitimateInterest })} />
            ) : null}
          </>
        )
      }
      case 'retention': {
        const current = value as DraftValueByField['retention']
        return current.mode === 'period' ? (
          <>
            <TextInput label="Period" value={String(current.period)} onChange={(text) => patch<'retention'>({ period: Math.max(1, Math.min(1000, Math.round(Number(text) || 1))) })} />
            <Choice label="Unit" value={current.unit} options={RETENTION_UNIT_LABELS} onChange={(unit) => unit && patch<'retention'>({ unit: unit })} />
            <TextInput label="Counted from" value={current.fromEvent ?? ''} onChange={(fromEvent) => patch<'retention'>({ fromEvent })} />
          </>
        ) : (
          <TextInput label="Criterion" multiline value={current.criterion} onChange={(criterion) => patch<'retention'>({ criterion })} />
        )
      }
      case 'recipient': {
        const current = value as DraftValueByField['recipient']
        return (
          <>
            <TextInput label="Recipient" value={current.name} onChange={(name) => patch<'recipient'>({ name })} />
            <Choice label="Type" value={current.type} options={RECIPIENT_TYPE_LABELS} onChange={(type) => type && patch<'recipient'>({ type: type })} />
          </>
        )
      }
      case 'transfer': {
        const current = value as DraftValueByField['transfer']
        return (
          <>
            <TextInput label="Country" value={current.country} onChange={(country) => patch<'transfer'>({ country, countryCode: resolveDestinationCode(country) })} />
            <Choice
              label="Instrument"
              value={current.instrument ?? ''}
              options={TRANSFER_INSTRUMENT_LABELS}
              blank="Not stated"
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
            label="Measure"
            value={current.measure ?? ''}
            options={SECURITY_MEASURE_LABELS}
            blank="None of the listed (keep as description)"
            onChange={(measure) => setValue(measure ? { measure: measure } : {})}
          />
        )
      }
    }
  })()
  return (
    <form
      className="draft-editor"
      aria-label="Edit proposal"
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
          Save and accept
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
