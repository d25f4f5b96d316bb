/**
 * The template library: installed packs, export, and import of a pack file — validated before
 * anything is stored; a newer version shows what changes and which records it touches, and
 * asks before applying.
 */
import { activityTitle } from '@core/records/model'
import { useEffect, useRef, useState } from 'react'
import { toast } from 'sonner'
import { MAX_PACK_FILE_BYTES, type TemplatePack } from '@core/templates/pack-schema'
import type { Problem } from '@core/util/problems'
import type { InstalledPack } from '@core/templates/installed-pack'
import { describeDiff } from '@core/templates/pack-diff'
import { describePackPath } from '@core/templates/pack-path-names'
import type { ApplicablePreview, PackPreview } from '../db/template-repository'
import { NavLink } from '../app/navigation'
import { host } from '../host/host'
import { describeFieldPath } from '@core/records/field-names'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'
import { formatDate } from '../ui/dates'
import { failureReason } from '../ui/failure-text'
import { useAsyncAction } from '../ui/use-async-action'

export const ORIGIN_LABELS: Record<InstalledPack['origin'], string> = { shipped: 'Shipped', imported: 'Imported', user: 'Your own' }

export function policyDate(pack: TemplatePack): string {
  const date = pack.source.effectiveDate ?? pack.source.lastUpdated
  return date ? formatDate(date) : 'not stated'
}

export function ExportPackButton({ packId }: { packId: string }) {
  const exportPack = useAsyncAction(async () => {
    const { fileName, text } = await templateRepository.exportPack(packId)
    const result = await host.saveFile({ title: 'Export template pack', suggestedName: fileName, filters: [{ name: 'Template pack', extensions: ['json'] }], data: text })
    if (result.status === 'saved') toast.success(`Exported ${result.name}`)
  }, `Could not export pack ${packId}`)
  return (
    <button type="button" className="button button--small" onClick={() => void exportPack.run()} disabled={exportPack.busy} aria-label={`Export ${packId}`}>
      Export
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

/** Each problem where a person reads it (“Activity 1 “Accounts” › Purpose 2 › Quote 1”), then the JSON path the author edits. */
const problemLines = (problems: Problem[], pack?: unknown) => problems.map((problem) => `${describePackPath(problem.path, pack)} — ${problem.path}: ${problem.message}`)

function outcomeOf(fileName: string, preview: Exclude<PackPreview, ApplicablePreview>, pack?: unknown): Outcome {
  switch (preview.kind) {
    case 'invalid':
      return { tone: 'error', title: `${fileName} is not a valid template pack. Nothing was imported.`, lines: problemLines(preview.problems, pack) }
    case 'same':
      return { tone: 'info', title: `${fileName}: ${preview.pack.vendor.name} pack “${preview.pack.id}” version ${preview.pack.version} is already installed, nothing changed.`, lines: [] }
    case 'older':
      return {
        tone: 'error',
        title: `${fileName} holds version ${preview.pack.version} of pack “${preview.pack.id}”, older than the installed version ${preview.installed.version}. It was not imported; nothing changed.`,
        lines: []
      }
  }
}

function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

function shortValue(value: unknown): string {
  if (value === undefined) return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 140 ? `${text.slice(0, 137)}…` : text
}

/** The change summary of a newer version and the records it affects, asking before applying. */
function UpgradeDialog({ preview, onAnswer }: { preview: Extract<PackPreview, { kind: 'newer' }>; onAnswer: (apply: boolean) => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (!dialogRef.current?.open) dialogRef.current?.showModal()
  }, [])
  const { diff, affected } = preview
  const policyChanged = diff.sourceChanges.some((change) => change.field === 'source.sha256')
  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby="upgrade-title" onCancel={(event) => { event.preventDefault(); onAnswer(false) }}>
      <h2 id="upgrade-title">
        Update {preview.pack.vendor.name} from version {diff.installedVersion} to {diff.incomingVersion}?
      </h2>
      <div className="dialog__body upgrade">
        <p className="upgrade__summary">{describeDiff(diff)}.</p>
        {diff.added.length > 0 ? (
          <div>
            <h3>Activities added</h3>
            <ul>{diff.added.map((activity) => <li key={activity.id}>{activity.name} <span className="tpl-id">{activity.id}</span></li>)}</ul>
          </div>
        ) : null}
        {diff.removed.length > 0 ? (
          <div>
            <h3>Activities removed</h3>
            <ul>{diff.removed.map((activity) => <li key={activity.id}>{activity.name} <span className="tpl-id">{activity.id}</span></li>)}</ul>
          </div>
        ) : null}
        {diff.changed.length > 0 ? (
          <div>
            <h3>Activities changed</h3>
            <ul>
              {diff.changed.map((activity) => (
                <li key={activity.id}>
                  {activity.name} <span className="tpl-id">{activity.id}</span>
                  <ul className="upgrade__fields">
                    {activity.changes.slice(0, 12).map((change, index) => (
                      <li key={index}>
                        <strong>{change.before === undefined ? 'added' : change.after === undefined ? 'removed' : 'changed'}</strong> {change.field}: {change.before !== undefined && change.after !== undefined ? `${shortValue(change.before)} → ${shortValue(change.after)}` : shortValue(change.after ?? change.before)}
                      </li>
                    ))}
                    {activity.changes.length > 12 ? <li>and {activity.changes.length - 12} more field changes</li> : null}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {diff.vendorChanges.length > 0 || policyChanged ? (
          <p>
            {diff.vendorChanges.length > 0 ? `Vendor details: ${diff.vendorChanges.length} changed (${diff.vendorChanges.slice(0, 4).map((change) => change.field).join(', ')}). ` : ''}
            {policyChanged ? 'The policy text itself is a new one.' : ''}
          </p>
        ) : null}
        <h3>Records made from the installed version that this update affects</h3>
        {affected.length === 0 ? (
          <p>None: no record was made from an activity this update changes or removes.</p>
        ) : (
          <>
            <p>These records stay as they are; review them against the new version after the update.</p>
            <table className="data-table" aria-label="Affected records">
              <thead>
                <tr>
                  <th>Record</th>
                  <th>Activity</th>
                  <th>What happens to it</th>
                </tr>
              </thead>
              <tbody>
                {affected.map((entry) => (
                  <tr key={entry.record.id}>
                    <td>
                      <span className="reference">{entry.record.reference}</span> {activityTitle(entry.record.name)}
                    </td>
                    <td>{entry.activityId}</td>
                    <td>{entry.change === 'removed' ? 'activity removed from the pack' : `${entry.changes.length} field${entry.changes.length === 1 ? '' : 's'} changed: ${[...new Set(entry.changes.map((change) => describeFieldPath(change.field.replace(/\[[^\]]*\]/g, '').split('.')[0] ?? '')))].join(', ')}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {preview.warnings.length > 0 ? <WarningList warnings={preview.warnings} /> : null}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => onAnswer(false)} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--primary" onClick={() => onAnswer(true)}>
          Apply update
        </button>
      </div>
    </dialog>
  )
}

function WarningList({ warnings }: { warnings: Problem[] }) {
  return (
    <div className="tpl-warnings">
      <h3>Warnings</h3>
      <ul>{problemLines(warnings).map((line, index) => <li key={index}>{line}</li>)}</ul>
    </div>
  )
}

export function TemplateLibraryPage() {
  const packs = useTemplateData(() => templateRepository.listPacks(), [])
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [pendingUpgrade, setPendingUpgrade] = useState<{ fileName: string; preview: Extract<PackPreview, { kind: 'newer' }> } | null>(null)
  const [busy, setBusy] = useState(false)

  const install = async (fileName: string, preview: ApplicablePreview) => {
    const installed = await templateRepository.applyPack(preview, 'imported')
    const what = `${installed.vendorName} pack “${installed.id}” version ${installed.version}`
    const sourceCount = installed.pack.sources.filter((source) => source.text.trim() !== '').length
    const checked = preview.quotesChecked
      ? ` Every quote was found word for word in ${sourceCount > 1 ? `its ${sourceCount} embedded sources` : 'its embedded source'}.`
      : ' It carries no source text: its quotes were not checked, so its values show as unverified.'
    setOutcome({
      tone: 'success',
      title: `${preview.kind === 'newer' ? `${fileName}: updated ${what}.` : `${fileName}: installed ${what} with ${installed.pack.activities.length} activity templates.`}${checked}`,
      lines: problemLines(preview.warnings)
    })
    toast.success(preview.kind === 'newer' ? `Updated ${installed.id} to ${installed.version}` : `Installed ${installed.id} ${installed.version}`)
  }

  const importPack = useAsyncAction(async () => {
    const opened = await host.openFile({ title: 'Import a template pack', filters: [{ name: 'Template pack', extensions: ['json'] }], maxBytes: MAX_PACK_FILE_BYTES })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') {
      setOutcome({ tone: 'error', title: `${opened.name} was not imported. Nothing changed.`, lines: [opened.reason] })
      return
    }
    setBusy(true)
    try {
      const text = decodeText(opened.bytes)
      if (text === null) {
        setOutcome({ tone: 'error', title: `${opened.name} is not a valid template pack. Nothing was imported.`, lines: ['$: the file is not UTF-8 text'] })
        return
      }
      const preview = await templateRepository.previewPackText(text)
      if (preview.kind === 'new') await install(opened.name, preview)
      else if (preview.kind === 'newer') setPendingUpgrade({ fileName: opened.name, preview })
      else setOutcome(outcomeOf(opened.name, preview, preview.kind === 'invalid' ? parsedOrNothing(text) : undefined))
    } catch (error) {
      setOutcome({ tone: 'error', title: `${opened.name} was not imported. Nothing changed.`, lines: [failureReason(error)] })
    } finally {
      setBusy(false)
    }
  }, 'Could not open the pack file')

  const answerUpgrade = async (apply: boolean) => {
    const pending = pendingUpgrade
    setPendingUpgrade(null)
    if (!pending) return
    if (!apply) {
      setOutcome({ tone: 'info', title: `${pending.fileName}: update cancelled, nothing changed.`, lines: [] })
      return
    }
    try {
      await install(pending.fileName, pending.preview)
    } catch (error) {
      setOutcome({ tone: 'error', title: `${pending.fileName} was not imported. Nothing changed.`, lines: [failureReason(error)] })
    }
  }

  return (
    <main className="page">
      <header className="page__header">
        <div>
          <h1>Template library</h1>
          <p className="lead">Packs drawn from vendors' privacy policies. Each activity pre-fills a record, every value with the policy's own words.</p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => void importPack.run()} disabled={busy || importPack.busy}>
            Import pack…
          </button>
        </div>
      </header>
      {outcome ? (
        <div className={`banner tpl-outcome banner--${outcome.tone === 'error' ? 'error' : outcome.tone === 'success' ? 'success' : 'info'}`} role={outcome.tone === 'error' ? 'alert' : 'status'} aria-label="Import result">
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
        <p>Loading the template packs…</p>
      ) : packs.length === 0 ? (
        <p className="empty">No template packs are installed.</p>
      ) : (
        <table className="data-table" aria-label="Template packs">
          <thead>
            <tr>
              <th>Vendor</th>
              <th>Pack</th>
              <th>Version</th>
              <th>Policy date</th>
              <th className="data-table__number">Activities</th>
              <th>Origin</th>
              <th>
                <span className="tpl-hidden">Actions</span>
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
                <td>{policyDate(installed.pack)}</td>
                <td className="data-table__number">{installed.pack.activities.length}</td>
                <td>
                  <span className={`badge badge--origin-${installed.origin}`}>{ORIGIN_LABELS[installed.origin]}</span>
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
