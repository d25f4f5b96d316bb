/**
 * The audit trail: every change, newest first, a page at a time (the log grows without
 * bound), and "Verify audit trail", which re-hashes the whole chain, compares its end with the
 * anchor and says exactly where it breaks. `AuditTrailWarning` runs the same verification at
 * start-up and after a restore, and stays on screen while the trail is broken.
 */
import { useEffect, useId, useState, type FormEvent } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { compareWithAnchor, type AuditEntry } from '@core/audit/audit-chain'
import { database, repository } from '../app/services'
import { NavLink } from '../app/navigation'
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, changeText, describeVerification, formatWhen } from './audit-view'
import { useAsyncAction } from '../ui/use-async-action'
import { onTableChanges } from '../db/change-events'

const PAGE_SIZE = 50

type Verification = { ok: boolean; title: string; detail: string; brokenSeq: number | null }

type Described = { ok: boolean; title: string; detail: string }
/** The latest verification, from the page or the start-up check, so that the warning follows "Verify". */
const verifiedListeners = new Set<(described: Described) => void>()
const announce = (described: Described) => {
  for (const listener of verifiedListeners) listener(described)
}

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

/** What the comparison with an anchor printed earlier says, in words. */
function comparisonText(count: number, headHash: string, entries: readonly AuditEntry[]): Described {
  const outcome = compareWithAnchor(entries, { count, headHash })
  if (outcome.result === 'unchanged') {
    return { ok: true, title: 'Matches the earlier anchor', detail: `Entry ${count.toLocaleString()} still carries that hash: the first ${count.toLocaleString()} entries are as they were when the anchor was printed.` }
  }
  if (outcome.result === 'shorter') {
    return { ok: false, title: 'Entries are missing', detail: `The anchor records ${count.toLocaleString()} entries, but the trail now has only ${outcome.entriesNow.toLocaleString()}: entries were removed since.` }
  }
  return { ok: false, title: 'The trail was rewritten', detail: `Entry ${count.toLocaleString()} now carries ${outcome.hashNow}, not the hash the anchor records: the trail up to that entry was changed since the anchor was printed.` }
}

/** Checks the trail against the entry count and head hash on a workbook Cover or in a backup. */
function CompareWithAnchor() {
  const id = useId()
  const [count, setCount] = useState('')
  const [hash, setHash] = useState('')
  const [outcome, setOutcome] = useState<Described | null>(null)
  const compare = async (event: FormEvent) => {
    event.preventDefault()
    const entries = Number(count.trim())
    const headHash = hash.trim().toLowerCase()
    if (!/^\d+$/.test(count.trim())) return setOutcome({ ok: false, title: 'Check the entry count', detail: 'Enter the number of entries as printed: a whole number, for example 1204.' })
    if (!/^[0-9a-f]{64}$/.test(headHash)) return setOutcome({ ok: false, title: 'Check the hash', detail: 'Enter the SHA-256 as printed: 64 characters, 0–9 and a–f.' })
    try {
      setOutcome(comparisonText(entries, headHash, await database.auditLog.orderBy('seq').toArray()))
    } catch (caught) {
      setOutcome({ ok: false, title: 'The audit trail could not be read', detail: caught instanceof Error ? caught.message : String(caught) })
    }
  }
  return (
    <details className="audit__compare">
      <summary>Compare with an anchor from a workbook Cover or a backup</summary>
      <p className="field__hint">
        A complete rewrite of this computer's trail (entries and anchor re-hashed) passes "Verify". An anchor printed earlier does not move: the entry at that count must still have that
        hash.
      </p>
      <form className="audit__compare-form" onSubmit={(event) => void compare(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-count`}>Entries in the whole audit trail</label>
          <input id={`${id}-count`} inputMode="numeric" value={count} onChange={(event) => setCount(event.target.value)} />
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-hash`}>SHA-256 of the newest entry (head of the chain)</label>
          <input id={`${id}-hash`} spellCheck={false} value={hash} onChange={(event) => setHash(event.target.value)} />
        </div>
        <button type="submit" className="button">
          Compare
        </button>
      </form>
      {outcome ? (
        <div className={`banner ${outcome.ok ? 'banner--ok' : 'banner--error'}`} role={outcome.ok ? 'status' : 'alert'}>
          <strong>{outcome.title}.</strong> {outcome.detail}
        </div>
      ) : null}
    </details>
  )
}

const NO_ENTRIES: AuditEntry[] = []

export function AuditPage() {
  const [page, setPage] = useState(0)
  const [verification, setVerification] = useState<Verification | null>(null)
  // Live: new entries (from this window or another) arrive at the top of the first page.
  const total = useLiveQuery(() => database.auditLog.count()) ?? null
  const entries = useLiveQuery(() => database.auditLog.orderBy('seq').reverse().offset(page * PAGE_SIZE).limit(PAGE_SIZE).toArray(), [page]) ?? NO_ENTRIES
  const anchor = useLiveQuery(() => repository.auditAnchor())

  const verify = useAsyncAction(async () => {
    const { verification: result, entries: all } = await repository.verifyAuditTrail()
    const described = describeVerification(result, all)
    announce(described)
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
          <p className="lead">
            Every change to records, the organisation, your user profile, vendors and template packs. Each entry carries the SHA-256 of the entry before it, so an edit or removal
            breaks the chain; the newest entry's hash and the number of entries are also kept apart from the log, so removing the newest entries is caught too.
          </p>
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
      {anchor ? (
        <p className="audit__anchor" data-testid="audit-anchor">
          Anchor: <strong>{anchor.count.toLocaleString()}</strong> entr{anchor.count === 1 ? 'y' : 'ies'}, newest entry's SHA-256 <code>{anchor.headHash}</code>. Every workbook Cover and every backup
          carries the anchor as it was then: compare them to see whether the trail was changed since.
        </p>
      ) : null}
      <CompareWithAnchor />
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
              <td>{entry.actor || <span className="audit__none">(no name recorded)</span>}</td>
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

/**
 * A warning under the top bar while the audit trail fails verification: checked at start-up
 * (after the first paint) and again after a restore. It stays until the trail verifies.
 */
export function AuditTrailWarning() {
  const [broken, setBroken] = useState<Described | null>(null)
  useEffect(() => {
    let current = true
    const check = () =>
      void repository.verifyAuditTrail().then(
        ({ verification, entries }) => current && setBroken(verification.ok ? null : describeVerification(verification, entries)),
        (caught: unknown) => current && setBroken({ ok: false, title: 'The audit trail could not be checked', detail: caught instanceof Error ? caught.message : String(caught) })
      )
    const timer = setTimeout(check, 300)
    // A restore replaces the whole audit log (in this window or another): check it again.
    const unsubscribe = onTableChanges(database, ['auditLog'], (changes) => {
      if (changes.get('auditLog')?.all) check()
    })
    const follow = (described: Described) => setBroken(described.ok ? null : described)
    verifiedListeners.add(follow)
    return () => {
      current = false
      clearTimeout(timer)
      unsubscribe()
      verifiedListeners.delete(follow)
    }
  }, [])
  if (!broken) return null
  return (
    <div className="banner banner--error audit-warning" role="alert" data-testid="audit-trail-warning">
      <strong>{broken.title}.</strong> {broken.detail} <NavLink to="/audit">Open the Audit trail</NavLink>
    </div>
  )
}
