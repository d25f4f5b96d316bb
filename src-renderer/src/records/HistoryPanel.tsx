/** A record's change history from the audit trail: when, who, which fields, old → new, in labels. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { itemPositionIn } from '@core/records/field-names'
import { auditActionInWords, fieldInWords, valueInWords } from '../i18n/findings'
import { messageIn } from '../i18n/messages'
import { repository } from '../app/services'
import { formatDateTime } from '../ui/dates'

/** Live: a change saved in this window or another appears at once. */
export function HistoryPanel({ recordId }: { recordId: string }) {
  const { t } = useTranslation()
  const history = useLiveQuery(async () => ({ entries: await repository.recordHistory(recordId), record: await repository.getRecord(recordId) }), [recordId])
  if (!history) return <p>{t('history.loading')}</p>
  const position = itemPositionIn(history.record)
  return (
    <ol className="history" aria-label={t('history.label')}>
      {[...history.entries].reverse().map((entry) => (
        <li key={entry.seq} className="history__entry">
          <div className="history__meta">
            <strong>{auditActionInWords(entry.action)}</strong> {formatDateTime(entry.at)} {entry.actor ? t('history.by', { name: entry.actor }) : t('history.noName')}
          </div>
          {entry.action === 'update' ? (
            <table className="history__changes">
              <thead>
                <tr>
                  <th scope="col">{t('history.field')}</th>
                  <th scope="col">{t('history.before')}</th>
                  <th scope="col">{t('history.after')}</th>
                </tr>
              </thead>
              <tbody>
                {entry.changes.map((change) => (
                  <tr key={change.field}>
                    <td>{fieldInWords(change.field, position)}</td>
                    <td className="history__before">{valueInWords(change.field, change.before)}</td>
                    <td className="history__after">{valueInWords(change.field, change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="history__summary">{messageIn(entry.summaryRef, entry.summary)}</p>
          )}
          {/* A plain edit says no more than its table; any other update (an upgrade, an overwrite) says what it was. The English text is there in old and new entries alike. */}
          {entry.action === 'update' && !entry.summary.endsWith(' edited') ? <p className="history__summary">{messageIn(entry.summaryRef, entry.summary)}</p> : null}
        </li>
      ))}
    </ol>
  )
}
