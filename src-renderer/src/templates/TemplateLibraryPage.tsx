/**
 * The template library: installed packs, export, and import of a pack file — validated before
 * anything is stored; a newer version shows what changes and which records it touches, and
 * asks before applying.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import { MAX_PACK_FILE_BYTES } from '@core/templates/pack-schema'
import type { Problem } from '@core/util/problems'
import { describeDiff } from '@core/templates/pack-diff'
import { describePackPath } from '@core/templates/pack-path-names'
import type { ApplicablePreview, PackPreview } from '../db/template-repository'
import { NavLink } from '../app/navigation'
import { host } from '../host/host'
import { AffectedRecordsTable, PackDiffView } from './PackDiffView'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'
import { originLabel, policyDate, type TemplatesT } from './template-words'
import { currentLocale } from '../i18n/i18n'
import { problemMessage, refusalReason } from '../i18n/messages'
import { failureReason } from '../ui/failure-text'
import { useAsyncAction } from '../ui/use-async-action'

export function ExportPackButton({ packId }: { packId: string }) {
  const { t } = useTranslation('templates')
  const exportPack = useAsyncAction(async () => {
    const { fileName, text } = await templateRepository.exportPack(packId)
    const result = await host.saveFile({ title: t('export.dialogTitle'), suggestedName: fileName, filters: [{ name: t('export.filter'), extensions: ['json'] }], data: text })
    if (result.status === 'saved') toast.success(t('export.done', { name: result.name }))
  }, t('export.failed', { id: packId }))
  return (
    <button type="button" className="button button--small" onClick={() => void exportPack.run()} disabled={exportPack.busy} aria-label={t('export.label', { id: packId })}>
      {t('export.button')}
    </button>
  )
}

interface Outcome {
  tone: 'error' | 'info' | 'success'
  title: string
  lines: string[]
}

/** The file's JSON, when it parses, so that a problem's place can name its activity. */
function parsedOrNothing(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Each problem where a person reads it (“Activity 1 “Accounts” › Purpose 2 › Quote 1”), then the JSON path the author edits, then why: in the interface's language. */
const problemLines = (problems: Problem[], pack?: unknown) =>
  problems.map((problem) => `${describePackPath(problem.path, pack, currentLocale())} — ${problem.path}: ${problemMessage(problem)}`)

function outcomeOf(t: TemplatesT, fileName: string, preview: Exclude<PackPreview, ApplicablePreview>, pack?: unknown): Outcome {
  switch (preview.kind) {
    case 'invalid':
      return { tone: 'error', title: t('import.invalid', { file: fileName }), lines: problemLines(preview.problems, pack) }
    case 'same':
      return { tone: 'info', title: t('import.same', { file: fileName, what: t('import.what', { vendor: preview.pack.vendor.name, id: preview.pack.id, version: preview.pack.version }) }), lines: [] }
    case 'older':
      return { tone: 'error', title: t('import.older', { file: fileName, version: preview.pack.version, id: preview.pack.id, installed: preview.installed.version }), lines: [] }
  }
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** What a newer version changes, in full, and the records it affects, asking before applying. */
function UpgradeDialog({ preview, onAnswer }: { preview: Extract<PackPreview, { kind: 'newer' }>; onAnswer: (apply: boolean) => void }) {
  const { t } = useTranslation('templates')
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (!dialogRef.current?.open) dialogRef.current?.showModal()
  }, [])
  const { diff, affected } = preview
  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby="upgrade-title" onCancel={(event) => { event.preventDefault(); onAnswer(false) }}>
      <h2 id="upgrade-title">{t('upgrade.title', { vendor: preview.pack.vendor.name, from: diff.installedVersion, to: diff.incomingVersion })}</h2>
      <div className="dialog__body upgrade">
        <p className="upgrade__summary">{describeDiff(diff, currentLocale())}.</p>
        <PackDiffView diff={diff} />
        <h3>{t('upgrade.affectedTitle')}</h3>
        {affected.length === 0 ? (
          <p>{t('upgrade.noneAffected')}</p>
        ) : (
          <>
            <p>{t('upgrade.affectedIntro')}</p>
            <AffectedRecordsTable affected={affected} />
          </>
        )}
        {preview.warnings.length > 0 ? <WarningList warnings={preview.warnings} pack={preview.pack} /> : null}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => onAnswer(false)} autoFocus>
          {t('upgrade.cancel')}
        </button>
        <button type="button" className="button button--primary" onClick={() => onAnswer(true)}>
          {t('upgrade.apply')}
        </button>
      </div>
    </dialog>
  )
}

function WarningList({ warnings, pack }: { warnings: Problem[]; pack: unknown }) {
  const { t } = useTranslation('templates')
  return (
    <div className="tpl-warnings">
      <h3>{t('library.warnings')}</h3>
      <ul>{problemLines(warnings, pack).map((line, index) => <li key={index}>{line}</li>)}</ul>
    </div>
  )
}

export function TemplateLibraryPage() {
  const { t } = useTranslation('templates')
  const packs = useTemplateData(() => templateRepository.listPacks(), [])
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [pendingUpgrade, setPendingUpgrade] = useState<{ fileName: string; preview: Extract<PackPreview, { kind: 'newer' }> } | null>(null)
  const [busy, setBusy] = useState(false)

  const install = async (fileName: string, preview: ApplicablePreview) => {
    const installed = await templateRepository.applyPack(preview, 'imported')
    const what = t('import.what', { vendor: installed.vendorName, id: installed.id, version: installed.version })
    const sourceCount = installed.pack.sources.filter((source) => source.text.trim() !== '').length
    const checked = preview.quotesChecked ? t('import.checked', { count: sourceCount }) : t('import.unchecked')
    const done = preview.kind === 'newer' ? t('import.updated', { file: fileName, what }) : t('import.installed', { file: fileName, what, count: installed.pack.activities.length })
    setOutcome({ tone: 'success', title: `${done} ${checked}`, lines: problemLines(preview.warnings, preview.pack) })
    toast.success(preview.kind === 'newer' ? t('import.toastUpdated', { id: installed.id, version: installed.version }) : t('import.toastInstalled', { id: installed.id, version: installed.version }))
  }

  const importPack = useAsyncAction(async () => {
    const opened = await host.openFile({ title: t('import.dialogTitle'), filters: [{ name: t('export.filter'), extensions: ['json'] }], maxBytes: MAX_PACK_FILE_BYTES })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') {
      setOutcome({ tone: 'error', title: t('import.notImported', { file: opened.name }), lines: [refusalReason(opened)] })
      return
    }
    setBusy(true)
    try {
      const text = decodeText(opened.bytes)
      if (text === null) {
        setOutcome({ tone: 'error', title: t('import.invalid', { file: opened.name }), lines: [`$: ${t('import.notUtf8')}`] })
        return
      }
      const preview = await templateRepository.previewPackText(text, currentLocale())
      if (preview.kind === 'new') await install(opened.name, preview)
      else if (preview.kind === 'newer') setPendingUpgrade({ fileName: opened.name, preview })
      else setOutcome(outcomeOf(t, opened.name, preview, preview.kind === 'invalid' ? parsedOrNothing(text) : undefined))
    } catch (error) {
      setOutcome({ tone: 'error', title: t('import.notImported', { file: opened.name }), lines: [failureReason(error)] })
    } finally {
      setBusy(false)
    }
  }, t('import.openFailed'))

  const answerUpgrade = async (apply: boolean) => {
    const pending = pendingUpgrade
    setPendingUpgrade(null)
    if (!pending) return
    if (!apply) {
      setOutcome({ tone: 'info', title: t('import.cancelled', { file: pending.fileName }), lines: [] })
      return
    }
    try {
      await install(pending.fileName, pending.preview)
    } catch (error) {
      setOutcome({ tone: 'error', title: t('import.notImported', { file: pending.fileName }), lines: [failureReason(error)] })
    }
  }

  return (
    <main className="page">
      <header className="page__header">
        <div>
          <h1>{t('library.title')}</h1>
          <p className="lead">{t('library.lead')}</p>
        </div>
        <div className="page__actions">
          <NavLink to="/templates/draft" className="button">{t('library.draftFromPolicy')}</NavLink>
          <button type="button" className="button button--primary" onClick={() => void importPack.run()} disabled={busy || importPack.busy}>
            {t('library.importPack')}
          </button>
        </div>
      </header>
      {outcome ? (
        <div className={`banner tpl-outcome banner--${outcome.tone === 'error' ? 'error' : outcome.tone === 'success' ? 'success' : 'info'}`} role={outcome.tone === 'error' ? 'alert' : 'status'} aria-label={t('import.region')}>
          <p className="tpl-outcome__title">{outcome.title}</p>
          {outcome.lines.length > 0 ? (
            <ul className="tpl-outcome__lines">
              {outcome.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {packs === undefined ? (
        <p>{t('library.loading')}</p>
      ) : packs.length === 0 ? (
        <p className="empty">{t('library.empty')}</p>
      ) : (
        <table className="data-table" aria-label={t('library.tableLabel')}>
          <thead>
            <tr>
              <th>{t('library.col.vendor')}</th>
              <th>{t('library.col.pack')}</th>
              <th>{t('library.col.version')}</th>
              <th>{t('library.col.policyDate')}</th>
              <th className="data-table__number">{t('library.col.activities')}</th>
              <th>{t('library.col.origin')}</th>
              <th>
                <span className="tpl-hidden">{t('library.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.map((installed) => (
              <tr key={installed.id}>
                <td>
                  <NavLink to={`/templates/${encodeURIComponent(installed.id)}`}>{installed.vendorName}</NavLink>
                  <div className="tpl-meta">{installed.pack.source.title}</div>
                </td>
                <td className="tpl-id">{installed.id}</td>
                <td>{installed.version}</td>
                <td>{policyDate(t, installed.pack)}</td>
                <td className="data-table__number">{installed.pack.activities.length}</td>
                <td>
                  <span className={`badge badge--origin-${installed.origin}`}>{originLabel(t, installed.origin)}</span>
                </td>
                <td className="data-table__actions">
                  <ExportPackButton packId={installed.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pendingUpgrade ? <UpgradeDialog preview={pendingUpgrade.preview} onAnswer={(apply) => void answerUpgrade(apply)} /> : null}
    </main>
  )
}
