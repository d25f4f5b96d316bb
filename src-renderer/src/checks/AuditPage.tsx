/**
 * The audit trail: every change, newest first, a page at a time (the log grows without
 * bound), and "Verify audit trail", which re-hashes the whole chain, compares its end with the
 * anchor and says exactly where it breaks. `AuditTrailWarning` runs the same verification at
 * start-up and after a restore, and stays on screen while the trail is broken.
 */
import { useEffect, useId, useState, type FormEvent } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { Trans, useTranslation } from 'react-i18next'
import { t as translate } from '../i18n/i18n'
import { formatNumber } from '../ui/numbers'
import { compareWithAnchor, type AuditEntry } from '@core/audit/audit-chain'
import { database, repository } from '../app/services'
import { NavLink } from '../app/navigation'
import { changeText, describeVerification, entityLabel, formatWhen } from './audit-view'
import { auditActionInWords } from '../i18n/findings'
import { messageIn } from '../i18n/messages'
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
  const { t } = useTranslation()
  if (entry.changes.length === 0) return <span className="audit__none">—</span>
  return (
    <details className="audit__changes">
      <summary>
        {t('audit.fields', { count: entry.changes.length })}
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
    return { ok: true, title: translate('audit.matches'), detail: translate('audit.matchesDetail', { n: formatNumber(count) }) }
  }
  if (outcome.result === 'shorter') {
    return { ok: false, title: translate('audit.missing'), detail: translate('audit.missingDetail', { n: formatNumber(count), now: formatNumber(outcome.entriesNow) }) }
  }
  return { ok: false, title: translate('audit.rewritten'), detail: translate('audit.rewrittenDetail', { n: formatNumber(count), hash: outcome.hashNow }) }
}

/** Checks the trail against the entry count and head hash on a workbook Cover or in a backup. */
function CompareWithAnchor() {
  const { t } = useTranslation()
  const id = useId()
  const [count, setCount] = useState('')
  const [hash, setHash] = useState('')
  const [outcome, setOutcome] = useState<Described | null>(null)
  const compare = async (event: FormEvent) => {
    event.preventDefault()
    const entries = Number(count.trim())
    const headHash = hash.trim().toLowerCase()
    if (!/^\d+$/.test(count.trim())) return setOutcome({ ok: false, title: t('audit.checkCount'), detail: t('audit.checkCountDetail') })
    if (!/^[0-9a-f]{64}$/.test(headHash)) return setOutcome({ ok: false, title: t('audit.checkHash'), detail: t('audit.checkHashDetail') })
    try {
      setOutcome(comparisonText(entries, headHash, await database.auditLog.orderBy('seq').toArray()))
    } catch (caught) {
      setOutcome({ ok: false, title: t('audit.couldNotRead'), detail: caught instanceof Error ? caught.message : String(caught) })
    }
  }
  return (
    <details className="audit__compare">
      <summary>{t('audit.compareSummary')}</summary>
      <p className="field__hint">{t('audit.compareHint')}</p>
      <form className="audit__compare-form" onSubmit={(event) => void compare(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-count`}>{t('audit.entriesLabel')}</label>
          <input id={`${id}-count`} inputMode="numeric" value={count} onChange={(event) => setCount(event.target.value)} />
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-hash`}>{t('audit.hashLabel')}</label>
          <input id={`${id}-hash`} spellCheck={false} value={hash} onChange={(event) => setHash(event.target.value)} />
        </div>
        <button type="submit" className="button">
          {t('audit.compare')}
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
  const { t } = useTranslation()
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
  }, t('audit.couldNotVerify'))

  const pages = total === null ? 0 : Math.max(1, Math.ceil(total / PAGE_SIZE))
  return (
    <main className="page audit">
      <div className="page__header">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="lead">{t('audit.lead')}</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => void verify.run()} disabled={verify.busy}>
            {verify.busy ? t('audit.verifying') : t('audit.verify')}
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
          <Trans t={t} i18nKey="audit.anchor" count={anchor.count} values={{ n: formatNumber(anchor.count), hash: anchor.headHash }} components={{ strong: <strong />, code: <code /> }} />
        </p>
      ) : null}
      <CompareWithAnchor />
      <div className="audit__bar">
        <span className="counts">{total === null ? t('common.loading') : t('audit.entriesNewestFirst', { count: total, n: formatNumber(total) })}</span>
        {pages > 1 ? (
          <nav className="pager" aria-label={t('audit.pages')}>
            <button type="button" className="button button--small" onClick={() => setPage(page - 1)} disabled={page === 0}>
              {t('audit.newer')}
            </button>
            <span>{t('audit.pageOf', { page: page + 1, pages })}</span>
            <button type="button" className="button button--small" onClick={() => setPage(page + 1)} disabled={page >= pages - 1}>
              {t('audit.older')}
            </button>
          </nav>
        ) : null}
      </div>
      <table className="audit__table" aria-label={t('audit.title')}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.entity')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.summary')}</th>
            <th scope="col">{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} className={verification?.brokenSeq === entry.seq ? 'audit__row--broken' : undefined} aria-current={verification?.brokenSeq === entry.seq ? 'true' : undefined}>
              <td className="table__cell--mono">{entry.seq}</td>
              <td title={entry.at}>{formatWhen(entry.at)}</td>
              <td>{entry.actor || <span className="audit__none">{t('audit.noName')}</span>}</td>
              <td>
                {entry.entity === 'record' ? <NavLink to={`/records/${entry.entityId}`}>{entityLabel('record')}</NavLink> : entityLabel(entry.entity)}
              </td>
              <td>
                <span className={`badge badge--action-${entry.action}`}>{auditActionInWords(entry.action)}</span>
              </td>
              <td>{messageIn(entry.summaryRef, entry.summary)}</td>
              <td>
                <Changes entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total === 0 ? <p className="empty">{t('audit.nothing')}</p> : null}
    </main>
  )
}

/**
 * A warning under the top bar while the audit trail fails verification: checked at start-up
 * (after the first paint) and again after a restore. It stays until the trail verifies.
 */
export function AuditTrailWarning() {
  const { t } = useTranslation()
  const [broken, setBroken] = useState<Described | null>(null)
  useEffect(() => {
    let current = true
    const check = () =>
      void repository.verifyAuditTrail().then(
        ({ verification, entries }) => current && setBroken(verification.ok ? null : describeVerification(verification, entries)),
        (caught: unknown) => current && setBroken({ ok: false, title: translate('audit.couldNotCheck'), detail: caught instanceof Error ? caught.message : String(caught) })
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
      <strong>{broken.title}.</strong> {broken.detail} <NavLink to="/audit">{t('audit.open')}</NavLink>
    </div>
  )
}
