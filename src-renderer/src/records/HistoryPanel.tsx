/** A record's change history from the audit trail: when, who, which fields, old → new. */
import { useEffect, useState } from 'react'
import type { AuditEntry } from '@core/audit/audit-chain'
import { describeFieldPath } from '@core/records/field-names'
import { repository } from '../app/services'
import { formatDateTime } from '../ui/dates'


function displayValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ') || '—'
  return JSON.stringify(value)
}

const ACTION_LABELS: Record<string, string> = { create: 'Created', update: 'Edited', delete: 'Deleted', restore: 'Restored', import: 'Imported', approve: 'Approved' }

export function HistoryPanel({ recordId, version }: { recordId: string; version: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  useEffect(() => {
    void repository.recordHistory(recordId).then(setEntries)
  }, [recordId, version])
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
                    <td className="history__before">{displayValue(change.before)}</td>
                    <td className="history__after">{displayValue(change.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="history__summary">{entry.summary}</p>
          )}
        </li>
      ))}
    </ol>
  )
}
