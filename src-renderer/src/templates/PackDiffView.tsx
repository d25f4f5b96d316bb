/**
 * A pack diff for people: per activity, each field added, removed or changed, old → new in full,
 * with the policy's quotes behind each value; then the vendor and the policy. Nothing is cut or
 * hidden behind "and N more". Also the records a version affects, grouped by the version each
 * was made from.
 */
import { useTranslation } from 'react-i18next'
import type { AffectedRecord, PackChange, PackDiff, RecordOriginRef } from '@core/templates/pack-diff'
import { NavLink } from '../app/navigation'
import { recordTitle, type TemplatesT } from './template-words'

function QuoteList({ quotes, label }: { quotes: string[]; label: string }) {
  const { t } = useTranslation('templates')
  if (quotes.length === 0) return null
  return (
    <details className="quotes">
      <summary>{quotes.length === 1 ? label : t('diff.quoteCount', { label, count: quotes.length })}</summary>
      {quotes.map((quote, index) => (
        <blockquote key={index}>{quote}</blockquote>
      ))}
    </details>
  )
}

/** A value in full; a quote change shows each quote as a quotation. */
function ChangeValue({ change, side }: { change: PackChange; side: 'before' | 'after' }) {
  const { t } = useTranslation('templates')
  const value = change[side]
  if (value === undefined) return <span className="tpl-none">—</span>
  const isQuote = /(^|\.)(quotes|roleQuotes)$/.test(change.path)
  const quotes = side === 'before' ? change.beforeQuotes : change.afterQuotes
  if (isQuote) {
    return quotes.length === 0 ? <span className="tpl-none">{t('diff.noQuote')}</span> : <>{quotes.map((quote, index) => <blockquote key={index} className="diff__quote">{quote}</blockquote>)}</>
  }
  return (
    <>
      <span className="diff__value">{value}</span>
      <QuoteList quotes={quotes} label={side === 'before' ? t('diff.policySaid') : t('diff.policySays')} />
    </>
  )
}

export function ChangeTable({ changes, caption }: { changes: PackChange[]; caption: string }) {
  const { t } = useTranslation('templates')
  return (
    <table className="data-table diff" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{t('diff.col.field')}</th>
          <th scope="col">{t('diff.col.change')}</th>
          <th scope="col">{t('diff.col.before')}</th>
          <th scope="col">{t('diff.col.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path} className={`diff__row diff__row--${change.kind}`}>
            <th scope="row" className="diff__field">{change.label}</th>
            <td>
              <span className={`badge diff__kind diff__kind--${change.kind}`}>{t(`diff.kind.${change.kind}`)}</span>
            </td>
            <td>
              <ChangeValue change={change} side="before" />
            </td>
            <td>
              <ChangeValue change={change} side="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function PackDiffView({ diff }: { diff: PackDiff }) {
  const { t } = useTranslation('templates')
  const nothing = diff.added.length + diff.removed.length + diff.changed.length + diff.vendorChanges.length + diff.sourceChanges.length === 0
  return (
    <div className="pack-diff">
      {nothing ? <p>{t('diff.nothing', { from: diff.installedVersion, to: diff.incomingVersion })}</p> : null}
      {diff.added.length > 0 ? (
        <section aria-label={t('diff.added')}>
          <h3>{t('diff.added')}</h3>
          <ul>{diff.added.map((activity) => <li key={activity.id}>{activity.name}</li>)}</ul>
        </section>
      ) : null}
      {diff.removed.length > 0 ? (
        <section aria-label={t('diff.removed')}>
          <h3>{t('diff.removed')}</h3>
          <ul>{diff.removed.map((activity) => <li key={activity.id}>{activity.name}</li>)}</ul>
        </section>
      ) : null}
      {diff.changed.map((activity) => (
        <section key={activity.id} aria-label={t('diff.changesIn', { name: activity.name })}>
          <h3>
            {t('diff.changedHeading', { name: activity.name })} <span className="tpl-meta--inline">{t('diff.changeCount', { count: activity.changes.length })}</span>
          </h3>
          <ChangeTable changes={activity.changes} caption={t('diff.changesIn', { name: activity.name })} />
        </section>
      ))}
      {diff.vendorChanges.length > 0 ? (
        <section aria-label={t('diff.vendorChanges')}>
          <h3>{t('diff.vendorHeading')}</h3>
          <ChangeTable changes={diff.vendorChanges} caption={t('diff.vendorChanges')} />
        </section>
      ) : null}
      {diff.sourceChanges.length > 0 ? (
        <section aria-label={t('diff.policyChanges')}>
          <h3>{diff.policyTextChanged ? t('diff.policyNewText') : t('diff.policyHeading')}</h3>
          <ChangeTable changes={diff.sourceChanges} caption={t('diff.policyChanges')} />
        </section>
      ) : null}
    </div>
  )
}

/** What a version changes for one record, in a sentence. */
function affectedWords(t: TemplatesT, entry: AffectedRecord<RecordOriginRef>): string {
  switch (entry.change) {
    case 'changed':
      return t('affected.changed', { count: entry.changes.length, fields: [...new Set(entry.changes.map((change) => change.label.split(' › ')[0]))].join('; ') })
    case 'removed':
      return t('affected.removed')
    case 'origin-unknown':
      return t('affected.originUnknown', { version: entry.originVersion })
  }
}

/** The records a version affects, grouped by the version each was made from. */
export function AffectedRecordsTable<T extends RecordOriginRef>({ affected, linkToCompare = false }: { affected: Array<AffectedRecord<T>>; linkToCompare?: boolean }) {
  const { t } = useTranslation('templates')
  const versions = [...new Set(affected.map((entry) => entry.originVersion))]
  return (
    <>
      {versions.map((version) => {
        const entries = affected.filter((entry) => entry.originVersion === version)
        return (
          <table key={version} className="data-table" aria-label={t('affected.tableLabel', { version })}>
            <caption>{t('affected.caption', { version })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('affected.colRecord')}</th>
                <th scope="col">{t('affected.colWhat')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.record.id}>
                  <td>
                    <span className="reference">{entry.record.reference}</span> {recordTitle(t, entry.record.name)}
                  </td>
                  <td>
                    {affectedWords(t, entry)}
                    {linkToCompare && entry.change === 'changed' ? (
                      <>
                        {' '}
                        <NavLink to={`/templates/${encodeURIComponent(entry.record.origin?.packId ?? '')}/compare/${encodeURIComponent(entry.record.id)}`}>{t('affected.compare')}</NavLink>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      })}
    </>
  )
}
