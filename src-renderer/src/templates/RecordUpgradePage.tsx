/**
 * Compare one record with the installed version of the template it was made from, field by
 * field: the record's current value, the value of the version it was made from and the new
 * version's, with the policy's quotes behind both versions. The DPO takes over or keeps each
 * field (radio buttons: Tab and the arrow keys), or takes over every field they have not
 * changed, then saves: one audited write, refused when the record changed meanwhile. The
 * vendor's suggestions (purposes and lawful bases offered to a record made from the DPO's side)
 * are one of the fields; the view says what taking them over does to those already decided.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import { takeOverUnchangedChoices, type FieldChoice, type FieldComparison, type RecordUpgradePlan, type UpgradeField } from '@core/templates/record-upgrade'
import { NavLink, useNavigation } from '../app/navigation'
import { NothingToCompareError } from '../db/template-repository'
import { currentLocale } from '../i18n/i18n'
import { failureReason } from '../ui/failure-text'
import { useAsyncAction } from '../ui/use-async-action'
import { templateRepository } from './template-services'
import { recordTitle } from './template-words'
import { useTemplateData } from './use-templates'

type Choices = Partial<Record<UpgradeField, FieldChoice>>

function Lines({ lines }: { lines: string[] }) {
  return lines.length === 1 ? <p className="upgrade-compare__value">{lines[0]}</p> : <ul className="upgrade-compare__value">{lines.map((line, index) => <li key={index}>{line}</li>)}</ul>
}

function QuotesBlock({ quotes, version }: { quotes: string[]; version: string }) {
  const { t } = useTranslation('templates')
  if (quotes.length === 0) return <p className="tpl-none">{t('compare.noQuote')}</p>
  return (
    <details className="quotes">
      <summary>{t('compare.quoteIn', { count: quotes.length, version })}</summary>
      {quotes.map((quote, index) => (
        <blockquote key={index}>{quote}</blockquote>
      ))}
    </details>
  )
}

/** What taking over the vendor's suggestions does, and the ones the DPO has already decided. */
function SuggestionsNote({ comparison, plan, vendor }: { comparison: FieldComparison; plan: RecordUpgradePlan; vendor: string }) {
  const { t } = useTranslation('templates')
  const decided = comparison.decided ?? []
  return (
    <div className="upgrade-compare__note" role="note">
      <p>{plan.originKnown ? t('compare.suggestionsNote', { vendor, version: plan.toVersion }) : t('compare.suggestionsOriginUnknown', { from: plan.fromVersion, version: plan.toVersion })}</p>
      {decided.length > 0 ? (
        <>
          <h4>{t('compare.decidedTitle')}</h4>
          <ul className="upgrade-compare__decided">
            {decided.map((suggestion, index) => (
              <li key={index}>
                {t('compare.decidedItem', {
                  suggestion: suggestion.text,
                  outcome: suggestion.outcome === 'confirmed' ? t('compare.confirmed') : t('compare.dismissed'),
                  offered: suggestion.stillOffered ? t('compare.stillOffered', { version: plan.toVersion }) : t('compare.notOffered', { version: plan.toVersion })
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

function FieldRow({ comparison, plan, vendor, choice, onChoose }: { comparison: FieldComparison; plan: RecordUpgradePlan; vendor: string; choice: FieldChoice; onChoose: (choice: FieldChoice) => void }) {
  const { t } = useTranslation('templates')
  const { fromVersion, toVersion } = plan
  const name = `choice-${comparison.field}`
  return (
    <fieldset className={`upgrade-compare__field upgrade-compare__field--${choice}`} aria-label={comparison.label}>
      <legend>
        {comparison.label}
        {comparison.changedByYou ? <span className="badge badge--gap">{t('compare.changedByYou')}</span> : null}
        {comparison.sameAsNew ? <span className="badge">{t('compare.sameValueNewQuotes')}</span> : null}
      </legend>
      {comparison.field === 'suggestions' ? <SuggestionsNote comparison={comparison} plan={plan} vendor={vendor} /> : null}
      <div className="upgrade-compare__columns">
        <div className="upgrade-compare__column" role="group" aria-label={t('compare.now')}>
          <h4>{t('compare.now')}</h4>
          <Lines lines={comparison.currentText} />
        </div>
        <div className="upgrade-compare__column" role="group" aria-label={t('compare.madeFrom', { version: fromVersion })}>
          <h4>{t('compare.madeFrom', { version: fromVersion })}</h4>
          {comparison.originText ? <Lines lines={comparison.originText} /> : <p className="tpl-none">{t('compare.notKept', { version: fromVersion })}</p>}
          <QuotesBlock quotes={comparison.originQuotes} version={fromVersion} />
        </div>
        <div className="upgrade-compare__column upgrade-compare__column--new" role="group" aria-label={t('compare.newVersion', { version: toVersion })}>
          <h4>{t('compare.newVersion', { version: toVersion })}</h4>
          <Lines lines={comparison.incomingText} />
          <QuotesBlock quotes={comparison.incomingQuotes} version={toVersion} />
        </div>
      </div>
      <div className="upgrade-compare__choice" role="radiogroup" aria-label={t('compare.choiceGroup', { field: comparison.label })}>
        <label>
          <input type="radio" name={name} value="take" checked={choice === 'take'} onChange={() => onChoose('take')} /> {t('compare.take', { version: toVersion })}
        </label>
        <label>
          <input type="radio" name={name} value="keep" checked={choice === 'keep'} onChange={() => onChoose('keep')} /> {t('compare.keep')}
        </label>
      </div>
    </fieldset>
  )
}

export function RecordUpgradePage({ packId, recordId }: { packId: string; recordId: string }) {
  const { t, i18n } = useTranslation('templates')
  const data = useTemplateData(
    async () => {
      try {
        return { ok: true as const, ...(await templateRepository.planRecordUpgrade(recordId, currentLocale())) }
      } catch (error) {
        if (error instanceof NothingToCompareError) {
          const reason = error.why === 'not-from-template' ? t('compare.notFromTemplate', { reference: error.reference }) : t('compare.packNotInstalled', { reference: error.reference, pack: error.packId })
          return { ok: false as const, reason }
        }
        return { ok: false as const, reason: failureReason(error) }
      }
    },
    // The comparison's words are the core's: worked out again in a newly chosen language.
    [recordId, i18n.language]
  )
  const [choices, setChoices] = useState<Choices>({})
  /** The revision the DPO is comparing: a save is refused when the record changed since. */
  const [openedRevision, setOpenedRevision] = useState<number | null>(null)
  const { navigate } = useNavigation()

  const save = useAsyncAction(async () => {
    if (!data?.ok) return
    const saved = await templateRepository.upgradeRecord(recordId, openedRevision ?? data.record.revision, data.plan.toVersion, choices)
    toast.success(t('compare.saved', { reference: saved.reference, vendor: data.installed.vendorName, version: data.plan.toVersion }))
    await navigate(`/records/${encodeURIComponent(recordId)}`)
  }, t('compare.failed'))

  if (data === undefined) return <main className="page">{t('compare.loading')}</main>
  const back = <NavLink to={`/templates/${encodeURIComponent(packId)}`}>{t('compare.backToPack')}</NavLink>
  if (!data.ok) {
    return (
      <main className="page">
        <h1>{t('compare.nothingTitle')}</h1>
        <p role="alert">
          {data.reason} {back}
        </p>
      </main>
    )
  }
  const { record, plan, installed } = data
  if (openedRevision === null) setOpenedRevision(record.revision)
  const changedElsewhere = openedRevision !== null && openedRevision !== record.revision
  const title = `${record.reference} ${recordTitle(t, record.name)}`
  const choiceOf = (field: UpgradeField): FieldChoice => choices[field] ?? 'keep'
  const upToDate = record.origin?.packVersion === plan.toVersion

  return (
    <main className="page upgrade-compare">
      <header className="page__header">
        <div>
          <NavLink to={`/templates/${encodeURIComponent(packId)}`} className="back">
            {t('compare.backLink', { vendor: installed.vendorName })}
          </NavLink>
          <h1>{t('compare.title', { record: title, version: plan.toVersion })}</h1>
          <p className="lead">{t('compare.lead', { vendor: installed.vendorName, from: plan.fromVersion, to: plan.toVersion })}</p>
        </div>
      </header>
      {changedElsewhere ? (
        <div className="banner banner--warn" role="alert">
          {t('compare.changedElsewhere', { reference: record.reference })}{' '}
          <button type="button" className="button button--small" onClick={() => setOpenedRevision(record.revision)}>
            {t('compare.compareStored')}
          </button>
        </div>
      ) : null}
      {upToDate ? (
        <p role="status">
          {t('compare.upToDate', { reference: record.reference, version: plan.toVersion })} {back}
        </p>
      ) : plan.activityRemoved ? (
        <p role="alert">
          {t('compare.activityRemoved', { version: plan.toVersion })} {back}
        </p>
      ) : (
        <>
          <div className="upgrade-compare__toolbar">
            <button type="button" className="button" onClick={() => setChoices(takeOverUnchangedChoices(plan))} disabled={plan.fields.length === 0}>
              {t('compare.takeAllUnchanged')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setChoices({})} disabled={plan.fields.length === 0}>
              {t('compare.keepAll')}
            </button>
            <span className="tpl-meta--inline" role="status">
              {plan.fields.length === 0
                ? t('compare.nothingToDecide', { version: plan.toVersion })
                : t('compare.toTakeOver', { taken: plan.fields.filter((field) => choiceOf(field.field) === 'take').length, count: plan.fields.length })}
            </span>
          </div>
          {plan.fields.map((comparison) => (
            <FieldRow
              key={comparison.field}
              comparison={comparison}
              plan={plan}
              vendor={installed.vendorName}
              choice={choiceOf(comparison.field)}
              onChoose={(choice) => setChoices((current) => ({ ...current, [comparison.field]: choice }))}
            />
          ))}
          {plan.newOpenItems.length > 0 ? (
            <section className="section" aria-labelledby="new-open-title">
              <h2 id="new-open-title">{t('compare.newOpenTitle', { version: plan.toVersion })}</h2>
              <p className="section__note">{t('compare.newOpenNote')}</p>
              <ul>{plan.newOpenItems.map((item) => <li key={item.id}>{item.note}</li>)}</ul>
            </section>
          ) : null}
          <div className="upgrade-compare__actions">
            <button type="button" className="button button--primary" onClick={() => void save.run()} disabled={save.busy || changedElsewhere}>
              {t('compare.save', { reference: record.reference, version: plan.toVersion })}
            </button>
            <NavLink to={`/templates/${encodeURIComponent(packId)}`}>{t('compare.cancel')}</NavLink>
            {save.error ? <p role="alert" className="field-error">{save.error}</p> : null}
          </div>
        </>
      )}
    </main>
  )
}
