/**
 * Compare one record with the installed version of the template it was made from, field by
 * field: the record's current value, the value of the version it was made from and the new
 * version's, with the policy's quotes behind both versions. The DPO takes over or keeps each
 * field (radio buttons: Tab and the arrow keys), or takes over every field they have not
 * changed, then saves: one audited write, refused when the record changed meanwhile.
 */
import { useState } from 'react'
import { toast } from 'sonner'
import { activityTitle } from '@core/records/model'
import { takeOverUnchangedChoices, type FieldChoice, type FieldComparison, type UpgradeField } from '@core/templates/record-upgrade'
import { NavLink, useNavigation } from '../app/navigation'
import { failureReason } from '../ui/failure-text'
import { useAsyncAction } from '../ui/use-async-action'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'

type Choices = Partial<Record<UpgradeField, FieldChoice>>

function Lines({ lines }: { lines: string[] }) {
  return lines.length === 1 ? <p className="upgrade-compare__value">{lines[0]}</p> : <ul className="upgrade-compare__value">{lines.map((line, index) => <li key={index}>{line}</li>)}</ul>
}

function QuotesBlock({ quotes, label }: { quotes: string[]; label: string }) {
  if (quotes.length === 0) return <p className="tpl-none">No quote</p>
  return (
    <details className="quotes">
      <summary>{quotes.length === 1 ? label : `${label} (${quotes.length})`}</summary>
      {quotes.map((quote, index) => (
        <blockquote key={index}>{quote}</blockquote>
      ))}
    </details>
  )
}

function FieldRow({ comparison, fromVersion, toVersion, choice, onChoose }: { comparison: FieldComparison; fromVersion: string; toVersion: string; choice: FieldChoice; onChoose: (choice: FieldChoice) => void }) {
  const name = `choice-${comparison.field}`
  return (
    <fieldset className={`upgrade-compare__field upgrade-compare__field--${choice}`} aria-label={comparison.label}>
      <legend>
        {comparison.label}
        {comparison.changedByYou ? <span className="badge badge--gap">Changed by you</span> : null}
        {comparison.sameAsNew ? <span className="badge">Same value, new quotes</span> : null}
      </legend>
      <div className="upgrade-compare__columns">
        <div className="upgrade-compare__column" role="group" aria-label="Your record now">
          <h4>Your record now</h4>
          <Lines lines={comparison.currentText} />
        </div>
        <div className="upgrade-compare__column" role="group" aria-label={`Version ${fromVersion} (made from)`}>
          <h4>Version {fromVersion} (made from)</h4>
          {comparison.originText ? <Lines lines={comparison.originText} /> : <p className="tpl-none">Version {fromVersion} is not kept in this app.</p>}
          <QuotesBlock quotes={comparison.originQuotes} label={`Quote in version ${fromVersion}`} />
        </div>
        <div className="upgrade-compare__column upgrade-compare__column--new" role="group" aria-label={`Version ${toVersion} (new)`}>
          <h4>Version {toVersion} (new)</h4>
          <Lines lines={comparison.incomingText} />
          <QuotesBlock quotes={comparison.incomingQuotes} label={`Quote in version ${toVersion}`} />
        </div>
      </div>
      <div className="upgrade-compare__choice" role="radiogroup" aria-label={`${comparison.label}: take over or keep`}>
        <label>
          <input type="radio" name={name} value="take" checked={choice === 'take'} onChange={() => onChoose('take')} /> Take over version {toVersion}
        </label>
        <label>
          <input type="radio" name={name} value="keep" checked={choice === 'keep'} onChange={() => onChoose('keep')} /> Keep what the record says
        </label>
      </div>
    </fieldset>
  )
}

export function RecordUpgradePage({ packId, recordId }: { packId: string; recordId: string }) {
  const data = useTemplateData(
    async () => {
      try {
        return { ok: true as const, ...(await templateRepository.planRecordUpgrade(recordId)) }
      } catch (error) {
        return { ok: false as const, reason: failureReason(error) }
      }
    },
    [recordId]
  )
  const [choices, setChoices] = useState<Choices>({})
  /** The revision the DPO is comparing: a save is refused when the record changed since. */
  const [openedRevision, setOpenedRevision] = useState<number | null>(null)
  const { navigate } = useNavigation()

  const save = useAsyncAction(async () => {
    if (!data?.ok) return
    const saved = await templateRepository.upgradeRecord(recordId, openedRevision ?? data.record.revision, data.plan.toVersion, choices)
    toast.success(`${saved.reference} now follows ${data.installed.vendorName} version ${data.plan.toVersion}`)
    await navigate(`/records/${encodeURIComponent(recordId)}`)
  }, 'Could not bring the record up to the new version')

  if (data === undefined) return <main className="page">Loading…</main>
  const back = <NavLink to={`/templates/${encodeURIComponent(packId)}`}>Back to the pack</NavLink>
  if (!data.ok) {
    return (
      <main className="page">
        <h1>Nothing to compare</h1>
        <p role="alert">
          {data.reason} {back}
        </p>
      </main>
    )
  }
  const { record, plan, installed } = data
  if (openedRevision === null) setOpenedRevision(record.revision)
  const changedElsewhere = openedRevision !== null && openedRevision !== record.revision
  const title = `${record.reference} ${activityTitle(record.name)}`
  const choiceOf = (field: UpgradeField): FieldChoice => choices[field] ?? 'keep'
  const upToDate = record.origin?.packVersion === plan.toVersion

  return (
    <main className="page upgrade-compare">
      <header className="page__header">
        <div>
          <NavLink to={`/templates/${encodeURIComponent(packId)}`} className="back">
            ← {installed.vendorName} template pack
          </NavLink>
          <h1>
            Compare {title} with version {plan.toVersion}
          </h1>
          <p className="lead">
            Made from {installed.vendorName} version {plan.fromVersion}. For each field version {plan.toVersion} changes, take over the new value or keep the record's; the quotes show the policy's words behind each version. Evidence the record no longer relies on is kept in its history.
          </p>
        </div>
      </header>
      {changedElsewhere ? (
        <div className="banner banner--warn" role="alert">
          {record.reference} was changed elsewhere since you opened this comparison: the values below are the stored ones now.{' '}
          <button type="button" className="button button--small" onClick={() => setOpenedRevision(record.revision)}>
            Compare the stored version
          </button>
        </div>
      ) : null}
      {upToDate ? (
        <p role="status">
          {record.reference} already follows version {plan.toVersion}. {back}
        </p>
      ) : plan.activityRemoved ? (
        <p role="alert">
          Version {plan.toVersion} no longer has the activity this record was made from: there is nothing to take over. The record stays as it is. {back}
        </p>
      ) : (
        <>
          <div className="upgrade-compare__toolbar">
            <button type="button" className="button" onClick={() => setChoices(takeOverUnchangedChoices(plan))} disabled={plan.fields.length === 0}>
              Take over all unchanged by me
            </button>
            <button type="button" className="button button--quiet" onClick={() => setChoices({})} disabled={plan.fields.length === 0}>
              Keep all
            </button>
            <span className="tpl-meta--inline" role="status">
              {plan.fields.length === 0
                ? `Nothing to decide: the record already says what version ${plan.toVersion} says.`
                : `${plan.fields.filter((field) => choiceOf(field.field) === 'take').length} of ${plan.fields.length} ${plan.fields.length === 1 ? 'field' : 'fields'} to take over`}
            </span>
          </div>
          {plan.fields.map((comparison) => (
            <FieldRow
              key={comparison.field}
              comparison={comparison}
              fromVersion={plan.fromVersion}
              toVersion={plan.toVersion}
              choice={choiceOf(comparison.field)}
              onChoose={(choice) => setChoices((current) => ({ ...current, [comparison.field]: choice }))}
            />
          ))}
          {plan.newOpenItems.length > 0 ? (
            <section className="section" aria-labelledby="new-open-title">
              <h2 id="new-open-title">New open points from version {plan.toVersion}</h2>
              <p className="section__note">These are added to the record for you to decide.</p>
              <ul>{plan.newOpenItems.map((item) => <li key={item.id}>{item.note}</li>)}</ul>
            </section>
          ) : null}
          <div className="upgrade-compare__actions">
            <button type="button" className="button button--primary" onClick={() => void save.run()} disabled={save.busy || changedElsewhere}>
              Save: bring {record.reference} to version {plan.toVersion}
            </button>
            <NavLink to={`/templates/${encodeURIComponent(packId)}`}>Cancel</NavLink>
            {save.error ? <p role="alert" className="field-error">{save.error}</p> : null}
          </div>
        </>
      )}
    </main>
  )
}
