/**
 * A pack diff for people: per activity, each field added, removed or changed, old → new in full,
 * with the policy's quotes behind each value; then the vendor and the policy. Nothing is cut or
 * hidden behind "and N more". Also the records a version affects, grouped by the version each
 * was made from.
 */
import { activityTitle } from '@core/records/model'
import type { AffectedRecord, ChangeKind, PackChange, PackDiff, RecordOriginRef } from '@core/templates/pack-diff'
import { NavLink } from '../app/navigation'

const KIND_LABELS: Record<ChangeKind, string> = { added: 'Added', removed: 'Removed', changed: 'Changed' }

function QuoteList({ quotes, label }: { quotes: string[]; label: string }) {
  if (quotes.length === 0) return null
  return (
    <details className="quotes">
      <summary>{quotes.length === 1 ? label : `${label} (${quotes.length})`}</summary>
      {quotes.map((quote, index) => (
        <blockquote key={index}>{quote}</blockquote>
      ))}
    </details>
  )
}

/** A value in full; a quote change shows each quote as a quotation. */
function ChangeValue({ change, side }: { change: PackChange; side: 'before' | 'after' }) {
  const value = change[side]
  if (value === undefined) return <span className="tpl-none">—</span>
  const isQuote = /(^|\.)(quotes|roleQuotes)$/.test(change.path)
  const quotes = side === 'before' ? change.beforeQuotes : change.afterQuotes
  if (isQuote) {
    return quotes.length === 0 ? <span className="tpl-none">(no quote)</span> : <>{quotes.map((quote, index) => <blockquote key={index} className="diff__quote">{quote}</blockquote>)}</>
  }
  return (
    <>
      <span className="diff__value">{value}</span>
      <QuoteList quotes={quotes} label={side === 'before' ? 'Policy said' : 'Policy says'} />
    </>
  )
}

export function ChangeTable({ changes, caption }: { changes: PackChange[]; caption: string }) {
  return (
    <table className="data-table diff" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Change</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.path} className={`diff__row diff__row--${change.kind}`}>
            <th scope="row" className="diff__field">{change.label}</th>
            <td>
              <span className={`badge diff__kind diff__kind--${change.kind}`}>{KIND_LABELS[change.kind]}</span>
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
  const nothing = diff.added.length + diff.removed.length + diff.changed.length + diff.vendorChanges.length + diff.sourceChanges.length === 0
  return (
    <div className="pack-diff">
      {nothing ? <p>No differences between version {diff.installedVersion} and version {diff.incomingVersion}.</p> : null}
      {diff.added.length > 0 ? (
        <section aria-label="Activities added">
          <h3>Activities added</h3>
          <ul>{diff.added.map((activity) => <li key={activity.id}>{activity.name}</li>)}</ul>
        </section>
      ) : null}
      {diff.removed.length > 0 ? (
        <section aria-label="Activities removed">
          <h3>Activities removed</h3>
          <ul>{diff.removed.map((activity) => <li key={activity.id}>{activity.name}</li>)}</ul>
        </section>
      ) : null}
      {diff.changed.map((activity) => (
        <section key={activity.id} aria-label={`Changes in ${activity.name}`}>
          <h3>
            Changed: {activity.name} <span className="tpl-meta--inline">({activity.changes.length} {activity.changes.length === 1 ? 'change' : 'changes'})</span>
          </h3>
          <ChangeTable changes={activity.changes} caption={`Changes in ${activity.name}`} />
        </section>
      ))}
      {diff.vendorChanges.length > 0 ? (
        <section aria-label="Vendor changes">
          <h3>Vendor details</h3>
          <ChangeTable changes={diff.vendorChanges} caption="Vendor changes" />
        </section>
      ) : null}
      {diff.sourceChanges.length > 0 ? (
        <section aria-label="Policy changes">
          <h3>{diff.policyTextChanged ? 'Policy: the text itself is a new one' : 'Policy'}</h3>
          <ChangeTable changes={diff.sourceChanges} caption="Policy changes" />
        </section>
      ) : null}
    </div>
  )
}

const AFFECTED_WORDS: Record<AffectedRecord<RecordOriginRef>['change'], (entry: AffectedRecord<RecordOriginRef>) => string> = {
  changed: (entry) => `${entry.changes.length} ${entry.changes.length === 1 ? 'change' : 'changes'}: ${[...new Set(entry.changes.map((change) => change.label.split(' › ')[0]))].join('; ')}`,
  removed: () => 'Its activity is no longer in the pack.',
  'origin-unknown': (entry) => `Version ${entry.originVersion} is not kept in this app: compare the record with the new version by hand.`
}

/** The records a version affects, grouped by the version each was made from. */
export function AffectedRecordsTable<T extends RecordOriginRef>({ affected, linkToCompare = false }: { affected: Array<AffectedRecord<T>>; linkToCompare?: boolean }) {
  const versions = [...new Set(affected.map((entry) => entry.originVersion))]
  return (
    <>
      {versions.map((version) => {
        const entries = affected.filter((entry) => entry.originVersion === version)
        return (
          <table key={version} className="data-table" aria-label={`Records made from version ${version}`}>
            <caption>Made from version {version}</caption>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">What changes for it</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.record.id}>
                  <td>
                    <span className="reference">{entry.record.reference}</span> {activityTitle(entry.record.name)}
                  </td>
                  <td>
                    {AFFECTED_WORDS[entry.change](entry)}
                    {linkToCompare && entry.change === 'changed' ? (
                      <>
                        {' '}
                        <NavLink to={`/templates/${encodeURIComponent(entry.record.origin?.packId ?? '')}/compare/${encodeURIComponent(entry.record.id)}`}>Compare and take over</NavLink>
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
