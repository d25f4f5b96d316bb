/** A record's change history from the audit trail: when, who, which fields, old → new. */
import { useLiveQuery } from 'dexie-react-hooks'
import { describeFieldPath } from '@core/records/field-names'
import { fieldValueText } from '@core/records/field-values'
import { repository } from '../app/services'
import { formatDateTime } from '../ui/dates'

const ACTION_LABELS: Record<string, string> = { create: 'Created', update: 'Edited', delete: 'Deleted', restore: 'Restored', import: 'Imported', approve: 'Approved' }

/** Live: a change saved in this window or another appears at once. */
export function HistoryPanel({ recordId }: { recordId: string }) {
  const entries = useLiveQuery(() => repository.recordHistory(recordId), [recordId])
  if (!entries) return <p>Loading history…</p>
  return (
    <ol className="history" aria-label="Change history">
      {[...entries].reverse().map((entry) => (
        <li key={entry.seq} className="history__entry">
          <div className="history__meta">
            <strong>{ACTION_LABELS[entry.action] ?? entry.action}</strong> {formatDateTime(entry.at)} {entry.actor ? `by ${entry.actor}` : ''}
          </div>
          {entry.action === 'update' ? (
            <table className="history__changes">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {entry.changes.map((change) => (
                  <tr key={change.field}>
                    <td>{describeFieldPath(change.field)}</td>
                    <td className="history__before">{fieldValueText(change.field, change.before)}</td>
                    <td className="history__after">{fieldValueText(change.field, change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="history__summary">{entry.summary}</p>
          )}
          {entry.action === 'update' && !entry.summary.endsWith(' edited') ? <p className="history__summary">{entry.summary}</p> : null}
        </li>
      ))}
    </ol>
  )
}
