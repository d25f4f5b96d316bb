/**
 * The audit trail: every change, newest first, a page at a time (the log grows without
 * bound), and "Verify audit trail", which re-hashes the whole chain and says exactly where it
 * breaks.
 */
import { useState } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { verifyChain, type AuditEntry } from '@core/audit/audit-chain'
import { database } from '../app/services'
import { NavLink } from '../app/navigation'
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, changeText, describeVerification, formatWhen } from './audit-view'
import { useAsyncAction } from '../ui/use-async-action'

const PAGE_SIZE = 50

type Verification = { ok: boolean; title: string; detail: string; brokenSeq: number | null }

function Changes({ entry }: { entry: AuditEntry }) {
  if (entry.changes.length === 0) return <span className="audit__none">—</span>
  return (
    <details className="audit__changes">
      <summary>
        {entry.changes.length} field{entry.changes.length === 1 ? '' : 's'}
      </summary>
      <ul>
        {entry.changes.map((change, index) => (
          <li key={index}>{changeText(change)}</li>
        ))}
      </ul>
    </details>
  )
}

export function AuditPage() {
  const [page, setPage] = useState(0)
  // Live: new entries (from this window or another) arrive at the top of the first page.
  const total = useLiveQuery(() => database.auditLog.count()) ?? null
  const entries = useLiveQuery(() => database.auditLog.orderBy('seq').reverse().offset(page * PAGE_SIZE).limit(PAGE_SIZE).toArray(), [page]) ?? []
  const [verification, setVerification] = useState<Verification | null>(null)

  const verify = useAsyncAction(async () => {
    const all = await database.auditLog.orderBy('seq').toArray()
    const result = verifyChain(all)
    const described = describeVerification(result, all)
    setVerification({ ...described, brokenSeq: result.ok ? null : (result.firstBreak.seq ?? null) })
    if (!result.ok && result.firstBreak.seq !== undefined) {
      // Show the page that holds the broken entry (pages run newest first).
      const newer = all.length - 1 - result.firstBreak.index
      setPage(Math.floor(newer / PAGE_SIZE))
    }
  }, 'Could not verify the audit trail')

  const pages = total === null ? 0 : Math.max(1, Math.ceil(total / PAGE_SIZE))
  return (
    <main className="page audit">
      <div className="page__header">
        <div>
          <h1>Audit trail</h1>
          <p className="lead">Every change to records, the organisation, vendors and template packs. Each entry carries the SHA-256 of the entry before it, so any edit or removal breaks the chain.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => void verify.run()} disabled={verify.busy}>
            {verify.busy ? 'Verifying…' : 'Verify audit trail'}
          </button>
        </div>
      </div>
      {verification ? (
        <div className={`banner verification ${verification.ok ? 'banner--ok' : 'banner--error'}`} role={verification.ok ? 'status' : 'alert'}>
          <strong>{verification.title}.</strong> {verification.detail}
        </div>
      ) : null}
      <div className="audit__bar">
        <span className="counts">{total === null ? 'Loading…' : `${total.toLocaleString()} entr${total === 1 ? 'y' : 'ies'}, newest first`}</span>
        {pages > 1 ? (
          <nav className="pager" aria-label="Audit trail pages">
            <button type="button" className="button button--small" onClick={() => setPage(page - 1)} disabled={page === 0}>
              Newer
            </button>
            <span>
              Page {page + 1} of {pages}
            </span>
            <button type="button" className="button button--small" onClick={() => setPage(page + 1)} disabled={page >= pages - 1}>
              Older
            </button>
          </nav>
        ) : null}
      </div>
      <table className="audit__table" aria-label="Audit trail">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Entity</th>
            <th scope="col">Action</th>
            <th scope="col">Summary</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} className={verification?.brokenSeq === entry.seq ? 'audit__row--broken' : undefined} aria-current={verification?.brokenSeq === entry.seq ? 'true' : undefined}>
              <td className="table__cell--mono">{entry.seq}</td>
              <td title={entry.at}>{formatWhen(entry.at)}</td>
              <td>{entry.actor || <span className="audit__none">(no name)</span>}</td>
              <td>
                {entry.entity === 'record' ? <NavLink to={`/records/${entry.entityId}`}>{AUDIT_ENTITY_LABELS.record}</NavLink> : (AUDIT_ENTITY_LABELS[entry.entity] ?? entry.entity)}
              </td>
              <td>
                <span className={`badge badge--action-${entry.action}`}>{AUDIT_ACTION_LABELS[entry.action] ?? entry.action}</span>
              </td>
              <td>{entry.summary}</td>
              <td>
                <Changes entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total === 0 ? <p className="empty">Nothing has been recorded yet.</p> : null}
    </main>
  )
}
