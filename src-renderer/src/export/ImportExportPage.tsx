/** Import & export: the auditor's workbook and CSV, importing a workbook with a preview, and backup / restore of the whole database. */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { toast } from 'sonner'
import { chainBreakText } from '@core/audit/audit-text'
import { BACKUP_MAX_BYTES, serialiseBackup, type Backup } from '@core/backup/backup-format'
import type { AutomaticBackupList, HostProgress } from '@core/host/host-api'
import { activityTitle, type StoredRecord } from '@core/records/model'
import type { Problem } from '@core/util/problems'
import type { ImportPreview, ImportPreviewRow, ReadStage } from '@core/workbook/read-workbook'
import type { WorkbookVerification } from '@core/workbook/verify-workbook'
import { WORKBOOK_LAYOUTS, type WorkbookLayoutName } from '@core/workbook/layouts/names'
import { DEFAULT_XLSX_LIMITS } from '@core/workbook/xlsx-guard'
import { NavLink } from '../app/navigation'
import { registerStore, repository } from '../app/services'
import { summariseBackup, type BackupSummary, type LastBackup } from '../db/backup-repository'
import { host } from '../host/host'
import { currentRegisterFilter } from '../records/RegisterPage'
import { useConfirm } from '../ui/confirm'
import { formatDateTime } from '../ui/dates'
import { failureReason } from '../ui/failure-text'
import { useAsyncAction } from '../ui/use-async-action'
import { backupAgeDays, backupRepository, parseBackupBytes, takeAutomaticBackup } from './backup-service'
import { confirmRestore } from './restore-confirmation'
import { datedFileName, describeFilter, exportInBackground, idsInScope, recordsInScope, type ExportScope } from './export-data'
import type { ExportStage } from './export-job'
import type { OrganisationChange, planImport } from './import-plan'

const PREVIEW_ROWS_SHOWN = 500
const STATUS_LABELS: Record<ImportPreviewRow['status'], string> = { new: 'New', update: 'Update', conflict: 'Conflict', invalid: 'Invalid' }

/** IndexedDB failures (a full disk, an aborted transaction) in words, not error names. */
const errorText = failureReason
const formatTime = (iso: string) => formatDateTime(iso)
const formatSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`)

function ProblemList({ title, problems }: { title: string; problems: Problem[] }) {
  return (
    <div className="banner banner--error" role="alert">
      <p className="problems__title">{title}</p>
      <ul className="problems">
        {problems.map((problem, index) => (
          <li key={index}>
            {/* A problem with the whole file names it in its message already. */}
            {problem.path && problem.path !== '$' && !problem.message.startsWith(problem.path) ? <code>{problem.path}</code> : null} {problem.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

// ---------------------------------------------------------------- export

type ExportProgress = HostProgress | ExportStage | null
const isRows = (progress: ExportProgress): progress is HostProgress | Extract<ExportStage, { step: 'writing' }> => progress !== null && 'done' in progress
const progressTotal = (progress: ExportProgress) => (isRows(progress) ? progress.total || 1 : 1)
const progressDone = (progress: ExportProgress) => (isRows(progress) ? progress.done : 0)
function progressText(progress: ExportProgress): string {
  if (isRows(progress)) return `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows written`
  if (progress?.step === 'reading') return 'Reading the register…'
  if (progress?.step === 'checking') return `Checking ${progress.records.toLocaleString()} records…`
  return 'Preparing the workbook…'
}

/** The regulators' models, each in its own language (core/workbook/layouts). */
const LAYOUT_NAMES: Record<WorkbookLayoutName, string> = {
  ico: 'ICO template (UK, English)',
  cnil: 'CNIL registre (France, français)',
  dsk: 'DSK Verzeichnis (Deutschland, Deutsch)'
}

function ExportSection() {
  const snapshot = useSyncExternalStore(registerStore.subscribe, registerStore.getSnapshot)
  const [scope, setScope] = useState<ExportScope>('all')
  const [layout, setLayout] = useState<WorkbookLayoutName>('ico')
  const [progress, setProgress] = useState<HostProgress | ExportStage | null>(null)
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const filter = currentRegisterFilter()
  const viewDescription = describeFilter(filter)
  useEffect(() => void registerStore.load(), [])
  useEffect(() => host.onProgress((event) => event.operation === 'export' && setProgress(event)), [])

  const run = async (kind: 'xlsx' | 'csv') => {
    setBusy(kind)
    setError(null)
    setProgress(null)
    try {
      const stem = scope === 'all' ? 'ropa-register' : 'ropa-register-view'
      let result
      let count: number
      if (kind === 'xlsx') {
        // Read, checked and (in the browser build) written in a worker: the page only shows the stage.
        const inBrowser = (await host.getAppInfo()).host === 'browser'
        const exported = await exportInBackground(scope, filter, await idsInScope(scope, filter), inBrowser, setProgress, layout)
        count = exported.records
        const suggestedName = datedFileName(stem, 'xlsx')
        result =
          exported.kind === 'workbook'
            ? await host.saveFile({ title: 'Export the register as a workbook', suggestedName, filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }], data: exported.bytes })
            : await host.exportWorkbook({ data: exported.data, suggestedName })
      } else {
        const records = await recordsInScope(scope, filter)
        count = records.length
        const { registerCsv } = await import('@core/workbook/register-csv')
        result = await host.saveFile({ title: 'Export the register as CSV', suggestedName: datedFileName(stem, 'csv'), filters: [{ name: 'CSV', extensions: ['csv'] }], data: registerCsv(records, { layout }) })
      }
      if (result.status === 'saved') toast.success(`Exported ${count.toLocaleString()} records to ${result.name}`)
    } catch (caught) {
      setError(`The export failed: ${errorText(caught)}`)
    } finally {
      setBusy(null)
    }
  }

  const total = snapshot.rows.length
  return (
    <section className="section" aria-labelledby="export-heading">
      <h2 id="export-heading">Export for an auditor</h2>
      <p className="section__note">
        One workbook (.xlsx) with a Cover sheet, the controller and processor registers laid out like the ICO template, detail sheets (purposes, data categories, recipients,
        transfers, vendors, evidence) and a fingerprint of the records, so that two exports can be compared. It re-imports without loss.
      </p>
      <fieldset className="choice" disabled={busy !== null}>
        <legend>What to export</legend>
        <label className="choice__item">
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          <span>
            <strong>The whole register</strong> — {total.toLocaleString()} records, archived ones included
          </span>
        </label>
        <label className="choice__item">
          <input type="radio" name="export-scope" checked={scope === 'view'} onChange={() => setScope('view')} />
          <span>
            <strong>The register's current view</strong> — {viewDescription || 'no filters'}
            <span className="choice__hint">The filters are named on the Cover sheet. Change them on the Register page.</span>
          </span>
        </label>
      </fieldset>
      <label className="field export__layout">
        <span className="field__label">Register layout</span>
        <select value={layout} disabled={busy !== null} onChange={(event) => setLayout(event.target.value as WorkbookLayoutName)}>
          {WORKBOOK_LAYOUTS.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_NAMES[name]}
            </option>
          ))}
        </select>
      </label>
      <div className="export__actions">
        <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void run('xlsx')}>
          Export workbook (.xlsx)
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('csv')}>
          Export CSV
        </button>
        {busy === 'xlsx' ? (
          <span className="export__progress" role="status">
            <progress max={progressTotal(progress)} value={progressDone(progress)} aria-label="Export progress" />
            {progressText(progress)}
          </span>
        ) : null}
      </div>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}

// ---------------------------------------------------------------- import

interface LoadedImport {
  /** Loaded with the reader: both pull in exceljs, which stays out of the app's first bundle. */
  planImport: typeof planImport
  fileName: string
  preview: ImportPreview
  existing: StoredRecord[]
  /** What restoring the workbook's organisation profile would change (empty: nothing, or no profile in the workbook). */
  organisationChanges: OrganisationChange[]
}

const READ_STAGE_TEXT: Record<ReadStage, string> = {
  checking: 'Checking the file…',
  unpacking: 'Unpacking the sheets…',
  reading: 'Reading the rows…'
}

function ImportSection() {
  const confirm = useConfirm()
  const [loaded, setLoaded] = useState<LoadedImport | null>(null)
  const [problems, setProblems] = useState<{ title: string; problems: Problem[] } | null>(null)
  const [overwrite, setOverwrite] = useState(false)
  const [restoreOrganisation, setRestoreOrganisation] = useState(false)
  const [busy, setBusy] = useState(false)
  const [reading, setReading] = useState<{ fileName: string; stage: ReadStage | null; cancel: () => void } | null>(null)
  const plan = useMemo(() => (loaded ? loaded.planImport(loaded.preview, loaded.existing, overwrite) : null), [loaded, overwrite])

  const choose = useAsyncAction(async () => {
    setProblems(null)
    setLoaded(null)
    setOverwrite(false)
    setRestoreOrganisation(false)
    const opened = await host.openFile({ title: 'Import a workbook', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }], maxBytes: DEFAULT_XLSX_LIMITS.maxFileBytes })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: `${opened.name} was not read`, problems: [{ path: '', message: opened.reason }] })
    const fileName = opened.name
    const notImported = `${fileName} cannot be imported; nothing was stored`
    setBusy(true)
    try {
      const [{ readWorkbookInBackground, CancelledRead }, { planImport, organisationChanges }] = await Promise.all([import('./workbook-reader'), import('./import-plan')])
      const [existing, storedOrganisation] = await Promise.all([repository.allRecords(), repository.getOrganisation()])
      // Read in a worker: the page stays usable, and a file that exhausts the reader cannot take the window (and unsaved edits) with it.
      const job = readWorkbookInBackground(opened.bytes, existing, { fileName, onStage: (stage) => setReading((current) => current && { ...current, stage }) })
      setReading({ fileName, stage: null, cancel: () => job.cancel() })
      try {
        const result = await job.result
        if (!result.ok) setProblems({ title: notImported, problems: result.problems })
        else {
          const { organisation } = result.preview
          setLoaded({ planImport, fileName, preview: result.preview, existing, organisationChanges: organisation ? organisationChanges(storedOrganisation, organisation) : [] })
        }
      } catch (caught) {
        if (caught instanceof CancelledRead) toast.info(`Stopped reading ${fileName}; nothing was stored`)
        else setProblems({ title: notImported, problems: [{ path: '', message: errorText(caught) }] })
      }
    } catch (caught) {
      setProblems({ title: notImported, problems: [{ path: '', message: errorText(caught) }] })
    } finally {
      setReading(null)
      setBusy(false)
    }
  }, 'Could not open the workbook')

  const importNow = async () => {
    if (!loaded || !plan) return
    const { counts } = plan
    const skipped = counts.invalid + counts.conflict - (overwrite ? counts.overwritable : 0)
    const withOrganisation = restoreOrganisation && loaded.organisationChanges.length > 0 && loaded.preview.organisation !== undefined
    const ok = await confirm({
      title: `Import ${plan.records.length.toLocaleString()} records?`,
      message: (
        <>
          {counts.new} new, {counts.update} updated{overwrite && counts.overwritable ? `, ${counts.overwritable} conflicts overwritten` : ''}.{' '}
          {skipped > 0 ? `${skipped} rows are not imported (see the preview). ` : ''}
          {withOrganisation ? `The organisation profile is replaced with the workbook's (${loaded.organisationChanges.length} changes, listed in the preview). ` : ''}
          Either everything is stored or, if anything fails, nothing is.
        </>
      ),
      confirmLabel: 'Import'
    })
    if (!ok) return
    setBusy(true)
    try {
      const how = loaded.preview.kind === 'app-workbook' ? 'the app\'s workbook' : `sheet '${loaded.preview.sheet}' (ICO layout)`
      const summary = `${plan.records.length} records imported from ${loaded.fileName}, ${how}`
      const organisation = withOrganisation ? loaded.preview.organisation : undefined
      // One transaction for both: the organisation and the records are stored together or not at all.
      await repository.db.transaction('rw', repository.db.tables, async () => {
        if (organisation) await repository.saveOrganisation(organisation)
        if (plan.records.length > 0) await repository.importStoredRecords(plan.records, summary)
      })
      toast.success(`Imported ${plan.records.length.toLocaleString()} records${organisation ? ' and the organisation profile' : ''} from ${loaded.fileName}`)
      setLoaded(null)
    } catch (caught) {
      setProblems({ title: 'The import failed; nothing was stored', problems: [{ path: '', message: errorText(caught) }] })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="section" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a workbook</h2>
      <p className="section__note">
        A workbook exported by this app (read exactly, from its hidden Data sheet), or a register kept in a spreadsheet laid out like the ICO controller template (columns matched by
        heading; lists split on “;” or new lines). Nothing is stored until you confirm the preview.
      </p>
      <p className="section__note">
        Moving from a register kept in your own spreadsheet (any layout, .xlsx, .ods or .csv, in English, French or German)?{' '}
        <NavLink to="/data/migrate">Import a register from a spreadsheet, step by step</NavLink>: you map its columns, see every record before anything is stored, and each record keeps the
        cells it came from.
      </p>
      <button type="button" className="button" disabled={busy || choose.busy} onClick={() => void choose.run()}>
        Choose a workbook…
      </button>
      {reading ? (
        <span className="import__reading" role="status">
          <progress aria-label={`Reading ${reading.fileName}`} />
          {reading.stage ? READ_STAGE_TEXT[reading.stage] : `Opening ${reading.fileName}…`}
          <button type="button" className="button button--quiet" onClick={reading.cancel}>
            Stop reading
          </button>
        </span>
      ) : busy && !loaded ? (
        <span className="muted"> Working…</span>
      ) : null}
      {problems ? <ProblemList {...problems} /> : null}
      {loaded && plan ? (
        <div className="import-preview">
          <h3>
            Preview of {loaded.fileName}{' '}
            <span className="muted">
              ({loaded.preview.kind === 'app-workbook' ? `exported by this app${loaded.preview.exportedAt ? ` at ${formatTime(loaded.preview.exportedAt)}` : ''}` : `sheet '${loaded.preview.sheet}', ICO layout`})
            </span>
          </h3>
          <p className="counts" role="status">
            <span>
              <span className="badge badge--new">New</span> {plan.counts.new}
            </span>
            <span className="counts__item">
              <span className="badge badge--update">Update</span> {plan.counts.update}
              {plan.counts.unchanged ? ` (${plan.counts.unchanged} with nothing to change)` : ''}
            </span>
            <span className="counts__item">
              <span className="badge badge--conflict">Conflict</span> {plan.counts.conflict}
            </span>
            <span className="counts__item">
              <span className="badge badge--invalid">Invalid</span> {plan.counts.invalid}
            </span>
          </p>
          <div className="preview-table" role="region" aria-label="Import preview" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>Row</th>
                  <th>Reference</th>
                  <th>Activity</th>
                  <th>Result</th>
                  <th>Why</th>
                </tr>
              </thead>
              <tbody>
                {loaded.preview.rows.slice(0, PREVIEW_ROWS_SHOWN).map((row) => (
                  <tr key={row.location} className={`preview-row preview-row--${row.status}`}>
                    <td className="mono">{row.location}</td>
                    <td className="mono">{row.reference}</td>
                    <td>{activityTitle(row.name)}</td>
                    <td>
                      <span className={`badge badge--${row.status}`}>{STATUS_LABELS[row.status]}</span>
                    </td>
                    <td>
                      {row.reason}
                      {plan.notOverwritable.has(row) ? <div className="preview-row__note">Cannot be overwritten: {plan.notOverwritable.get(row)}</div> : null}
                      {row.warnings.map((warning) => (
                        <div key={warning} className="preview-row__warning">
                          {warning}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {loaded.preview.rows.length > PREVIEW_ROWS_SHOWN ? (
              <p className="muted">
                The first {PREVIEW_ROWS_SHOWN} of {loaded.preview.rows.length.toLocaleString()} rows are shown; the counts above cover them all.
              </p>
            ) : null}
          </div>
          {plan.counts.conflict > 0 ? (
            <label className="checkbox-line">
              <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} disabled={plan.counts.overwritable === 0} />
              Overwrite conflicts ({plan.counts.overwritable} of {plan.counts.conflict} can be): replace the stored version with the workbook's
            </label>
          ) : null}
          {loaded.organisationChanges.length > 0 ? (
            <div className="import-organisation" role="region" aria-label="Organisation profile in the workbook">
              <h4>The workbook's organisation profile differs from yours</h4>
              <table>
                <thead>
                  <tr>
                    <th>Field</th>
                    <th>Yours now</th>
                    <th>In the workbook</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.organisationChanges.map((change) => (
                    <tr key={change.field}>
                      <td>{change.field}</td>
                      <td>{change.before || <span className="muted">(empty)</span>}</td>
                      <td>{change.after || <span className="muted">(empty)</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <label className="checkbox-line">
                <input type="checkbox" checked={restoreOrganisation} onChange={(event) => setRestoreOrganisation(event.target.checked)} />
                Also replace the organisation profile with the workbook's (controller, DPO, representative, joint controllers)
              </label>
            </div>
          ) : null}
          {plan.blockers.length > 0 ? <ProblemList title="This workbook cannot be imported" problems={plan.blockers.map((message) => ({ path: '', message }))} /> : null}
          <div className="export__actions">
            <button type="button" className="button button--primary" disabled={busy || (plan.records.length === 0 && !restoreOrganisation) || plan.blockers.length > 0} onClick={() => void importNow()}>
              Import {plan.records.length.toLocaleString()} records{restoreOrganisation && loaded.organisationChanges.length > 0 ? ' and the organisation profile' : ''}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setLoaded(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}

// ---------------------------------------------------------------- verify

/** "Verify a workbook": is this file exactly the export it claims to be? The same check as `ropa verify`. */
function VerifySection() {
  const [outcome, setOutcome] = useState<{ fileName: string; result: WorkbookVerification } | null>(null)
  const [problems, setProblems] = useState<{ title: string; problems: Problem[] } | null>(null)
  const check = useAsyncAction(async () => {
    setOutcome(null)
    setProblems(null)
    const opened = await host.openFile({ title: 'Verify a workbook', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }], maxBytes: DEFAULT_XLSX_LIMITS.maxFileBytes })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: `${opened.name} was not checked`, problems: [{ path: '', message: opened.reason }] })
    const { verifyWorkbookInBackground } = await import('./verify-workbook')
    const result = await verifyWorkbookInBackground(opened.bytes, opened.name)
    if (result.ok) setOutcome({ fileName: opened.name, result })
    else setProblems({ title: `${opened.name} is not the workbook as exported: ${result.problems.length} ${result.problems.length === 1 ? 'difference' : 'differences'}`, problems: result.problems })
  }, 'Could not check the workbook')

  return (
    <section className="section" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verify a workbook</h2>
      <p className="section__note">
        Checks that a workbook exported by this app is unchanged: every cell against its row and column hashes, the hidden Data sheet and the Verification sheet. Any change is named by
        sheet and cell. Nothing is stored.
      </p>
      <button type="button" className="button" disabled={check.busy} onClick={() => void check.run()}>
        Verify a workbook…
      </button>
      {check.busy ? (
        <span className="import__reading" role="status">
          <progress aria-label="Checking the workbook" /> Checking…
        </span>
      ) : null}
      {outcome ? (
        <div className="banner banner--success" role="status">
          <p>
            <strong>{outcome.fileName} is unchanged since export</strong> ({outcome.result.sheetsChecked} sheets, exported at {formatTime(outcome.result.exportedAt)}).
          </p>
          <p>
            Fingerprint of the whole export: <code className="mono">{outcome.result.fingerprint}</code>
          </p>
          <p>
            Audit trail at export: {outcome.result.auditEntries} entries, head <code className="mono">{outcome.result.auditHead}</code>
          </p>
        </div>
      ) : null}
      {problems ? <ProblemList {...problems} /> : null}
    </section>
  )
}

// ---------------------------------------------------------------- backup and restore

interface PendingRestore {
  source: string
  backup: Backup
  summary: BackupSummary
}

function useLastBackup(): LastBackup | undefined {
  const [last, setLast] = useState<LastBackup | undefined>()
  useEffect(() => {
    const read = () => void backupRepository.lastBackup().then(setLast)
    read()
    return backupRepository.onLastBackupChange(read)
  }, [])
  return last
}

function BackupSection() {
  const confirm = useConfirm()
  const last = useLastBackup()
  const [automatic, setAutomatic] = useState<AutomaticBackupList | null>(null)
  const [pending, setPending] = useState<PendingRestore | null>(null)
  const [problems, setProblems] = useState<{ title: string; problems: Problem[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const refreshAutomatic = () => void host.listAutomaticBackups().then(setAutomatic, () => setAutomatic(null))
  useEffect(refreshAutomatic, [])

  const backUp = async () => {
    setBusy(true)
    try {
      const backup = await backupRepository.takeBackup()
      const result = await host.saveFile({ title: 'Save a backup of the register', suggestedName: datedFileName('ropa-backup', 'json'), filters: [{ name: 'RoPA backup', extensions: ['json'] }], data: serialiseBackup(backup) })
      if (result.status === 'saved') {
        await backupRepository.markBackupTaken({ at: backup.exportedAt, kind: 'file', location: result.name })
        toast.success(`Backup saved: ${result.name}`)
      }
    } catch (caught) {
      setProblems({ title: 'The backup failed', problems: [{ path: '', message: errorText(caught) }] })
    } finally {
      setBusy(false)
    }
  }

  const check = (source: string, bytes: Uint8Array) => {
    const parsed = parseBackupBytes(bytes)
    if (!parsed.ok) return setProblems({ title: `${source} cannot be restored; nothing was changed`, problems: parsed.problems })
    setPending({ source, backup: parsed.backup, summary: summariseBackup(parsed.backup) })
  }

  const chooseFile = useAsyncAction(async () => {
    setProblems(null)
    setPending(null)
    const opened = await host.openFile({ title: 'Restore from a backup', filters: [{ name: 'RoPA backup', extensions: ['json'] }], maxBytes: BACKUP_MAX_BYTES })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: `${opened.name} was not read`, problems: [{ path: '', message: opened.reason }] })
    check(opened.name, opened.bytes)
  }, 'Could not open the backup file')

  const chooseAutomatic = async (name: string) => {
    setProblems(null)
    setPending(null)
    try {
      const { json } = await host.readAutomaticBackup({ name })
      check(`Automatic backup ${name}`, new TextEncoder().encode(json))
    } catch (caught) {
      setProblems({ title: `Automatic backup ${name} could not be read`, problems: [{ path: '', message: errorText(caught) }] })
    }
  }

  const downloadAutomatic = useAsyncAction(async (name: string) => {
    const { json } = await host.readAutomaticBackup({ name })
    const result = await host.saveFile({ title: 'Save the automatic backup', suggestedName: name.endsWith('.json') ? name : `ropa-backup-${name.replace(/[:.]/g, '-')}.json`, filters: [{ name: 'RoPA backup', extensions: ['json'] }], data: json })
    if (result.status === 'saved') toast.success(`Saved a copy: ${result.name}`)
  }, 'Could not save a copy of the automatic backup')

  const restore = async () => {
    if (!pending) return
    const ok = await confirmRestore(pending.summary, (await repository.getUserProfile())?.name, confirm)
    if (!ok) return
    setBusy(true)
    try {
      let safetyCopy: string
      try {
        safetyCopy = (await takeAutomaticBackup('before-restore')).location
      } catch (caught) {
        setProblems({ title: 'Nothing was restored: the copy of the current data could not be saved first', problems: [{ path: '', message: errorText(caught) }] })
        return
      }
      await backupRepository.restore(pending.backup)
      setPending(null)
      refreshAutomatic()
      toast.success(`Restored ${pending.summary.records.toLocaleString()} records. The data as it was is kept as an automatic backup.`, { description: safetyCopy })
    } catch (caught) {
      setProblems({ title: 'The restore failed; the stored data is unchanged', problems: [{ path: '', message: errorText(caught) }] })
    } finally {
      setBusy(false)
    }
  }

  const age = backupAgeDays(last)
  return (
    <section className="section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p className="section__note">
        A backup is one JSON file with the whole database: organisation, your profile, every record, the audit log, vendors and template packs. Keep it somewhere other than this
        computer.
      </p>
      <p className={`last-backup${age === null || age > 7 ? ' last-backup--stale' : ''}`} data-testid="last-backup">
        {last ? (
          <>
            Last backup: <strong>{formatTime(last.at)}</strong> ({age === 0 ? 'today' : `${age} day${age === 1 ? '' : 's'} ago`}) — {last.kind === 'file' ? 'saved as' : 'automatic, in'} {last.location}
          </>
        ) : (
          'No backup has been taken on this computer yet.'
        )}
      </p>
      <div className="export__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void backUp()}>
          Back up now (.json)
        </button>
        <button type="button" className="button" disabled={busy || chooseFile.busy} onClick={() => void chooseFile.run()}>
          Restore from a backup file…
        </button>
      </div>
      {problems ? <ProblemList {...problems} /> : null}
      {pending ? (
        <div className="restore-summary" role="region" aria-label="Backup to restore">
          <h3>{pending.source}</h3>
          <dl className="facts">
            <dt>Made at</dt>
            <dd>
              {formatTime(pending.summary.exportedAt)} by app version {pending.summary.appVersion}
            </dd>
            <dt>Organisation</dt>
            <dd>{pending.summary.organisationName ?? 'not entered'}</dd>
            <dt>Records</dt>
            <dd>{pending.summary.records.toLocaleString()}</dd>
            <dt>Audit log</dt>
            <dd>
              {pending.summary.auditEntries.toLocaleString()} entries —{' '}
              {pending.summary.auditChain.ok ? 'the hash chain is intact' : <strong className="danger-text">the hash chain is broken: {chainBreakText(pending.summary.auditChain.firstBreak)}</strong>}
            </dd>
            <dt>Audit anchor</dt>
            <dd>
              {pending.summary.auditAnchor.count.toLocaleString()} entries, newest entry's SHA-256 <code className="hash">{pending.summary.auditAnchor.headHash}</code>
            </dd>
            <dt>Vendors and packs</dt>
            <dd>
              {pending.summary.vendors} vendors, {pending.summary.packs} template packs
            </dd>
          </dl>
          <div className="export__actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void restore()}>
              Replace the register with this backup…
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      <h3 className="subheading">Automatic backups</h3>
      {automatic ? (
        <>
          <p className="section__note section__note--tight">
            Kept in {automatic.location}: a copy before every restore{' '}
            {automatic.location.includes('IndexedDB') ? '(in the browser, save backup files yourself as well)' : ', one a day, and one shortly after each change'}; the newest 10 of each kind.
          </p>
          {automatic.backups.length === 0 ? (
            <p className="muted">None yet.</p>
          ) : (
            <table className="plain-table" aria-label="Automatic backups">
              <thead>
                <tr>
                  <th>Taken</th>
                  <th>Why</th>
                  <th>Size</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {automatic.backups.map((backup) => (
                  <tr key={backup.name}>
                    <td>{formatTime(backup.takenAt)}</td>
                    <td>{{ 'before-restore': 'Before a restore', daily: 'Daily', 'after-changes': 'After changes' }[backup.reason]}</td>
                    <td>{formatSize(backup.bytes)}</td>
                    <td className="plain-table__actions">
                      <button type="button" className="button button--small" disabled={downloadAutomatic.busy} onClick={() => void downloadAutomatic.run(backup.name)}>
                        Save a copy
                      </button>
                      <button type="button" className="button button--small" disabled={busy} onClick={() => void chooseAutomatic(backup.name)}>
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p className="muted">Reading the automatic backups…</p>
      )}
    </section>
  )
}

export function ImportExportPage() {
  return (
    <main className="page page--narrow page--data">
      <div className="page__header">
        <h1>Import &amp; export</h1>
      </div>
      <ExportSection />
      <ImportSection />
      <VerifySection />
      <BackupSection />
    </main>
  )
}
