/** Import & export: the auditor's workbook and CSV, importing a workbook with a preview, and backup / restore of the whole database. */
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import { auditRef } from '@core/audit/audit-summary'
import { BACKUP_MAX_BYTES, serialiseBackup, type Backup } from '@core/backup/backup-format'
import type { AutomaticBackupList, HostProgress } from '@core/host/host-api'
import { activityTitle, type StoredRecord } from '@core/records/model'
import type { Problem } from '@core/util/problems'
import type { ImportPreview, ReadStage } from '@core/workbook/read-workbook'
import type { WorkbookVerification } from '@core/workbook/verify-workbook'
import { WORKBOOK_LAYOUTS, type WorkbookLayoutName } from '@core/workbook/layouts/names'
import { DEFAULT_XLSX_LIMITS } from '@core/workbook/xlsx-guard'
import { NavLink } from '../app/navigation'
import { registerStore, repository } from '../app/services'
import { summariseBackup, type BackupSummary, type LastBackup } from '../db/backup-repository'
import { host } from '../host/host'
import { chainBreakIn, problemMessage, problemPath, messageIn, refusalReason } from '../i18n/messages'
import { t } from '../i18n/i18n'
import { useFormatters } from '../i18n/use-formatters'
import { currentRegisterFilter } from '../records/RegisterPage'
import { useConfirm } from '../ui/confirm'
import { failureReason } from '../ui/failure-text'
import { formatNumber } from '../ui/numbers'
import { useAsyncAction } from '../ui/use-async-action'
import { backupAgeDays, backupRepository, parseBackupBytes, takeAutomaticBackup } from './backup-service'
import { confirmRestore } from './restore-confirmation'
import { datedFileName, describeFilter, exportInBackground, idsInScope, recordsInScope, type ExportScope } from './export-data'
import type { ExportStage } from './export-job'
import type { OrganisationChange, planImport } from './import-plan'

const PREVIEW_ROWS_SHOWN = 500

/** IndexedDB failures (a full disk, an aborted transaction) in words, not error names. */
const errorText = failureReason
/** A count for a plural key: `count` chooses the form, `n` is the number as the interface's language writes it. */
const counted = (count: number) => ({ count, n: formatNumber(count) })
const formatSize = (bytes: number) =>
  bytes < 1024 * 1024
    ? t('importExport:sizeKb', { size: formatNumber(Math.max(1, Math.round(bytes / 1024))) })
    : t('importExport:sizeMb', { size: formatNumber(bytes / (1024 * 1024), { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })

function ProblemList({ title, problems }: { title: string; problems: Problem[] }) {
  return (
    <div className="banner banner--error" role="alert">
      <p className="problems__title">{title}</p>
      <ul className="problems">
        {problems.map((problem, index) => {
          const message = problemMessage(problem)
          const path = problemPath(problem)
          return (
            <li key={index}>
              {/* A problem with the whole file names it in its message already. */}
              {path && path !== '$' && !message.startsWith(path) ? <code>{path}</code> : null} {message}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/** One failure of the whole action: its reason, with no place in the file to name. */
const failure = (title: string, caught: unknown) => ({ title, problems: [{ path: '', message: errorText(caught) }] })

// ---------------------------------------------------------------- export

type ExportProgress = HostProgress | ExportStage | null
const isRows = (progress: ExportProgress): progress is HostProgress | Extract<ExportStage, { step: 'writing' }> => progress !== null && 'done' in progress
const progressTotal = (progress: ExportProgress) => (isRows(progress) ? progress.total || 1 : 1)
const progressDone = (progress: ExportProgress) => (isRows(progress) ? progress.done : 0)
function progressText(progress: ExportProgress): string {
  if (isRows(progress)) return t('importExport:export.rowsWritten', { done: formatNumber(progress.done), total: formatNumber(progress.total) })
  if (progress?.step === 'reading') return t('importExport:export.reading')
  if (progress?.step === 'checking') return t('importExport:export.checking', counted(progress.records))
  return t('importExport:export.preparing')
}

function ExportSection() {
  const { t } = useTranslation('importExport')
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
        const dialog = { title: t('export.saveWorkbookTitle'), suggestedName: datedFileName(stem, 'xlsx'), filters: [{ name: t('export.excelWorkbook'), extensions: ['xlsx'] }] }
        result = exported.kind === 'workbook' ? await host.saveFile({ ...dialog, data: exported.bytes }) : await host.exportWorkbook({ ...dialog, data: exported.data })
      } else {
        const records = await recordsInScope(scope, filter)
        count = records.length
        const { registerCsv } = await import('@core/workbook/register-csv')
        result = await host.saveFile({ title: t('export.saveCsvTitle'), suggestedName: datedFileName(stem, 'csv'), filters: [{ name: 'CSV', extensions: ['csv'] }], data: registerCsv(records, { layout }) })
      }
      if (result.status === 'saved') toast.success(t('export.exported', { ...counted(count), file: result.name }))
    } catch (caught) {
      setError(t('export.failed', { reason: errorText(caught) }))
    } finally {
      setBusy(null)
    }
  }

  const total = snapshot.rows.length
  return (
    <section className="section" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('export.heading')}</h2>
      <p className="section__note">{t('export.intro')}</p>
      <fieldset className="choice" disabled={busy !== null}>
        <legend>{t('export.whatToExport')}</legend>
        <label className="choice__item">
          <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          <span>
            <strong>{t('export.wholeRegister')}</strong> {t('export.wholeRegisterDetail', counted(total))}
          </span>
        </label>
        <label className="choice__item">
          <input type="radio" name="export-scope" checked={scope === 'view'} onChange={() => setScope('view')} />
          <span>
            <strong>{t('export.currentView')}</strong> — {viewDescription || t('export.noFilters')}
            <span className="choice__hint">{t('export.viewHint')}</span>
          </span>
        </label>
      </fieldset>
      <label className="field export__layout">
        <span className="field__label">{t('export.layout')}</span>
        <select value={layout} disabled={busy !== null} onChange={(event) => setLayout(event.target.value as WorkbookLayoutName)}>
          {WORKBOOK_LAYOUTS.map((name) => (
            <option key={name} value={name}>
              {t(`export.layoutNames.${name}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="export__actions">
        <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void run('xlsx')}>
          {t('export.workbook')}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('csv')}>
          {t('export.csv')}
        </button>
        {busy === 'xlsx' ? (
          <span className="export__progress" role="status">
            <progress max={progressTotal(progress)} value={progressDone(progress)} aria-label={t('export.progressLabel')} />
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

/** The link inside the translated sentence (`<guide>`: `<link>` is a void HTML element to Trans): Trans gives it the words as children. */
function GuidedImportLink({ children }: { children?: ReactNode }) {
  return <NavLink to="/data/migrate">{children}</NavLink>
}

function ImportSection() {
  const { t } = useTranslation('importExport')
  const format = useFormatters()
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
    const opened = await host.openFile({ title: t('import.openTitle'), filters: [{ name: t('export.excelWorkbook'), extensions: ['xlsx'] }], maxBytes: DEFAULT_XLSX_LIMITS.maxFileBytes })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: t('problemsOfFile', { file: opened.name }), problems: [{ path: '', message: refusalReason(opened) }] })
    const fileName = opened.name
    const notImported = t('import.notImported', { file: fileName })
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
        if (caught instanceof CancelledRead) toast.info(t('import.stopped', { file: fileName }))
        else setProblems(failure(notImported, caught))
      }
    } catch (caught) {
      setProblems(failure(notImported, caught))
    } finally {
      setReading(null)
      setBusy(false)
    }
  }, t('import.couldNotOpen'))

  const importNow = async () => {
    if (!loaded || !plan) return
    const { counts } = plan
    const skipped = counts.invalid + counts.conflict - (overwrite ? counts.overwritable : 0)
    const withOrganisation = restoreOrganisation && loaded.organisationChanges.length > 0 && loaded.preview.organisation !== undefined
    const ok = await confirm({
      title: t('import.confirmTitle', counted(plan.records.length)),
      message: [
        overwrite && counts.overwritable
          ? t('import.confirmCountsOverwritten', { new: formatNumber(counts.new), update: formatNumber(counts.update), overwritten: formatNumber(counts.overwritable) })
          : t('import.confirmCounts', { new: formatNumber(counts.new), update: formatNumber(counts.update) }),
        skipped > 0 ? t('import.confirmSkipped', counted(skipped)) : '',
        withOrganisation ? t('import.confirmOrganisation', counted(loaded.organisationChanges.length)) : '',
        t('import.confirmAllOrNothing')
      ]
        .filter(Boolean)
        .join(' '),
      confirmLabel: t('import.confirmLabel')
    })
    if (!ok) return
    setBusy(true)
    try {
      // Stored as a key with its English text: each reader of the audit trail sees it in their own language.
      const imported = { count: plan.records.length, file: loaded.fileName }
      const summary = loaded.preview.kind === 'app-workbook' ? auditRef('records.importedFromAppWorkbook', imported) : auditRef('records.importedFromSheet', { ...imported, sheet: loaded.preview.sheet })
      const organisation = withOrganisation ? loaded.preview.organisation : undefined
      // One transaction for both: the organisation and the records are stored together or not at all.
      await repository.db.transaction('rw', repository.db.tables, async () => {
        if (organisation) await repository.saveOrganisation(organisation)
        if (plan.records.length > 0) await repository.importStoredRecords(plan.records, summary)
      })
      toast.success(t(organisation ? 'import.importedWithOrganisation' : 'import.imported', { ...counted(plan.records.length), file: loaded.fileName }))
      setLoaded(null)
    } catch (caught) {
      setProblems(failure(t('import.failed'), caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p className="section__note">{t('import.intro')}</p>
      <p className="section__note">
        <Trans t={t} i18nKey="import.migrateIntro" components={{ guide: <GuidedImportLink /> }} />
      </p>
      <button type="button" className="button" disabled={busy || choose.busy} onClick={() => void choose.run()}>
        {t('import.choose')}
      </button>
      {reading ? (
        <span className="import__reading" role="status">
          <progress aria-label={t('import.readingFile', { file: reading.fileName })} />
          {reading.stage ? t(`import.stage.${reading.stage}`) : t('import.opening', { file: reading.fileName })}
          <button type="button" className="button button--quiet" onClick={reading.cancel}>
            {t('import.stopReading')}
          </button>
        </span>
      ) : busy && !loaded ? (
        <span className="muted"> {t('import.working')}</span>
      ) : null}
      {problems ? <ProblemList {...problems} /> : null}
      {loaded && plan ? (
        <div className="import-preview">
          <h3>
            {t('import.previewOf', { file: loaded.fileName })}{' '}
            <span className="muted">
              (
              {loaded.preview.kind === 'app-workbook'
                ? loaded.preview.exportedAt
                  ? t('import.fromAppAt', { at: format.dateTime(loaded.preview.exportedAt) })
                  : t('import.fromApp')
                : t('import.fromSheet', { sheet: loaded.preview.sheet })}
              )
            </span>
          </h3>
          <p className="counts" role="status">
            <span>
              <span className="badge badge--new">{t('import.status.new')}</span> {format.number(plan.counts.new)}
            </span>
            <span className="counts__item">
              <span className="badge badge--update">{t('import.status.update')}</span> {format.number(plan.counts.update)}
              {plan.counts.unchanged ? ` ${t('import.unchanged', counted(plan.counts.unchanged))}` : ''}
            </span>
            <span className="counts__item">
              <span className="badge badge--conflict">{t('import.status.conflict')}</span> {format.number(plan.counts.conflict)}
            </span>
            <span className="counts__item">
              <span className="badge badge--invalid">{t('import.status.invalid')}</span> {format.number(plan.counts.invalid)}
            </span>
          </p>
          <div className="preview-table" role="region" aria-label={t('import.previewLabel')} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>{t('import.column.row')}</th>
                  <th>{t('import.column.reference')}</th>
                  <th>{t('import.column.activity')}</th>
                  <th>{t('import.column.result')}</th>
                  <th>{t('import.column.why')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.preview.rows.slice(0, PREVIEW_ROWS_SHOWN).map((row) => {
                  const notOverwritable = plan.notOverwritable.get(row)
                  return (
                    <tr key={row.location} className={`preview-row preview-row--${row.status}`}>
                      <td className="mono">{row.location}</td>
                      <td className="mono">{row.reference}</td>
                      <td>{activityTitle(row.name)}</td>
                      <td>
                        <span className={`badge badge--${row.status}`}>{t(`import.status.${row.status}`)}</span>
                      </td>
                      <td>
                        {messageIn(row.reasonRef, row.reason)}
                        {notOverwritable ? <div className="preview-row__note">{t('import.cannotOverwrite', { why: messageIn(notOverwritable) })}</div> : null}
                        {row.warnings.map((warning, index) => (
                          <div key={index} className="preview-row__warning">
                            {messageIn(row.warningRefs?.[index], warning)}
                          </div>
                        ))}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
            {loaded.preview.rows.length > PREVIEW_ROWS_SHOWN ? (
              <p className="muted">{t('import.firstRowsShown', { shown: formatNumber(PREVIEW_ROWS_SHOWN), total: formatNumber(loaded.preview.rows.length) })}</p>
            ) : null}
          </div>
          {plan.counts.conflict > 0 ? (
            <label className="checkbox-line">
              <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} disabled={plan.counts.overwritable === 0} />
              {t('import.overwrite', { overwritable: formatNumber(plan.counts.overwritable), conflicts: formatNumber(plan.counts.conflict) })}
            </label>
          ) : null}
          {loaded.organisationChanges.length > 0 ? (
            <div className="import-organisation" role="region" aria-label={t('import.organisationRegion')}>
              <h4>{t('import.organisationDiffers')}</h4>
              <table>
                <thead>
                  <tr>
                    <th>{t('import.field')}</th>
                    <th>{t('import.yoursNow')}</th>
                    <th>{t('import.inWorkbook')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.organisationChanges.map((change) => (
                    <tr key={change.key}>
                      <td>{organisationFieldText(change)}</td>
                      <td>{change.before || <span className="muted">{t('import.empty')}</span>}</td>
                      <td>{change.after || <span className="muted">{t('import.empty')}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <label className="checkbox-line">
                <input type="checkbox" checked={restoreOrganisation} onChange={(event) => setRestoreOrganisation(event.target.checked)} />
                {t('import.replaceOrganisation')}
              </label>
            </div>
          ) : null}
          {plan.blockers.length > 0 ? <ProblemList title={t('import.cannotImport')} problems={plan.blockers} /> : null}
          <div className="export__actions">
            <button type="button" className="button button--primary" disabled={busy || (plan.records.length === 0 && !restoreOrganisation) || plan.blockers.length > 0} onClick={() => void importNow()}>
              {t(restoreOrganisation && loaded.organisationChanges.length > 0 ? 'import.importButtonWithOrganisation' : 'import.importButton', counted(plan.records.length))}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setLoaded(null)}>
              {t('import.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  )
}

/** "Controller: e-mail", "Regime": a field of the organisation profile in the interface's language. */
function organisationFieldText(change: OrganisationChange): string {
  if (change.part === undefined) return t(`importExport:import.organisationField.${change.section}`)
  return t(`importExport:import.organisationField.${change.section}`, { part: t(`importExport:import.contactPart.${change.part}`) })
}

// ---------------------------------------------------------------- verify

/** "Verify a workbook": is this file exactly the export it claims to be? The same check as `ropa verify`. */
function VerifySection() {
  const { t } = useTranslation('importExport')
  const format = useFormatters()
  const [outcome, setOutcome] = useState<{ fileName: string; result: WorkbookVerification } | null>(null)
  const [problems, setProblems] = useState<{ title: string; problems: Problem[] } | null>(null)
  const check = useAsyncAction(async () => {
    setOutcome(null)
    setProblems(null)
    const opened = await host.openFile({ title: t('verify.openTitle'), filters: [{ name: t('export.excelWorkbook'), extensions: ['xlsx'] }], maxBytes: DEFAULT_XLSX_LIMITS.maxFileBytes })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: t('verify.notChecked', { file: opened.name }), problems: [{ path: '', message: refusalReason(opened) }] })
    const { verifyWorkbookInBackground } = await import('./verify-workbook')
    const result = await verifyWorkbookInBackground(opened.bytes, opened.name)
    if (result.ok) setOutcome({ fileName: opened.name, result })
    // A file refused before any sheet was compared (damaged, hostile, no Verification sheet) has reasons, not differences.
    else if (result.sheetsChecked === 0) setProblems({ title: t('verify.notChecked', { file: opened.name }), problems: result.problems })
    else setProblems({ title: t('verify.differences', { ...counted(result.problems.length), file: opened.name }), problems: result.problems })
  }, t('verify.couldNotCheck'))

  return (
    <section className="section" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verify.heading')}</h2>
      <p className="section__note">{t('verify.intro')}</p>
      <button type="button" className="button" disabled={check.busy} onClick={() => void check.run()}>
        {t('verify.button')}
      </button>
      {check.busy ? (
        <span className="import__reading" role="status">
          <progress aria-label={t('verify.checkingLabel')} /> {t('verify.checking')}
        </span>
      ) : null}
      {outcome ? (
        <div className="banner banner--success" role="status">
          <p>
            <strong>{t('verify.unchanged', { file: outcome.fileName })}</strong>{' '}
            {t('verify.unchangedDetail', { ...counted(outcome.result.sheetsChecked), at: format.dateTime(outcome.result.exportedAt) })}
          </p>
          <p>
            {t('verify.fingerprint')} <code className="mono">{outcome.result.fingerprint}</code>
          </p>
          <p>
            {t('verify.auditAtExport', { entries: outcome.result.auditEntries })} <code className="mono">{outcome.result.auditHead}</code>
          </p>
        </div>
      ) : null}
      {problems ? <ProblemList {...problems} /> : null}
    </section>
  )
}

// ---------------------------------------------------------------- backup and restore

interface PendingRestore {
  /** The file's name (an automatic backup's, which is also given as `automaticName`). */
  source: string
  automaticName?: string
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
  const { t } = useTranslation('importExport')
  const format = useFormatters()
  const confirm = useConfirm()
  const last = useLastBackup()
  const [automatic, setAutomatic] = useState<AutomaticBackupList | null>(null)
  const [pending, setPending] = useState<PendingRestore | null>(null)
  const [problems, setProblems] = useState<{ title: string; problems: Problem[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const refreshAutomatic = () => void host.listAutomaticBackups().then(setAutomatic, () => setAutomatic(null))
  useEffect(refreshAutomatic, [])
  // The browser build keeps its copies inside the browser only, and says so.
  const [inBrowser, setInBrowser] = useState(false)
  useEffect(() => void host.getAppInfo().then((info) => setInBrowser(info.host === 'browser')), [])
  const sourceName = (restore: Pick<PendingRestore, 'source' | 'automaticName'>) => (restore.automaticName === undefined ? restore.source : t('backup.automaticName', { name: restore.automaticName }))

  const backUp = async () => {
    setBusy(true)
    try {
      const backup = await backupRepository.takeBackup()
      const result = await host.saveFile({ title: t('backup.saveTitle'), suggestedName: datedFileName('ropa-backup', 'json'), filters: [{ name: t('backup.fileKind'), extensions: ['json'] }], data: serialiseBackup(backup) })
      if (result.status === 'saved') {
        await backupRepository.markBackupTaken({ at: backup.exportedAt, kind: 'file', location: result.name })
        toast.success(t('backup.saved', { file: result.name }))
      }
    } catch (caught) {
      setProblems(failure(t('backup.failed'), caught))
    } finally {
      setBusy(false)
    }
  }

  const check = (source: Pick<PendingRestore, 'source' | 'automaticName'>, bytes: Uint8Array) => {
    const parsed = parseBackupBytes(bytes)
    if (!parsed.ok) return setProblems({ title: t('backup.cannotRestore', { source: sourceName(source) }), problems: parsed.problems })
    setPending({ ...source, backup: parsed.backup, summary: summariseBackup(parsed.backup) })
  }

  const chooseFile = useAsyncAction(async () => {
    setProblems(null)
    setPending(null)
    const opened = await host.openFile({ title: t('backup.restoreTitle'), filters: [{ name: t('backup.fileKind'), extensions: ['json'] }], maxBytes: BACKUP_MAX_BYTES })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: t('problemsOfFile', { file: opened.name }), problems: [{ path: '', message: refusalReason(opened) }] })
    check({ source: opened.name }, opened.bytes)
  }, t('backup.couldNotOpen'))

  const chooseAutomatic = async (name: string) => {
    setProblems(null)
    setPending(null)
    try {
      const { json } = await host.readAutomaticBackup({ name })
      check({ source: name, automaticName: name }, new TextEncoder().encode(json))
    } catch (caught) {
      setProblems(failure(t('backup.automaticUnreadable', { name }), caught))
    }
  }

  const downloadAutomatic = useAsyncAction(async (name: string) => {
    const { json } = await host.readAutomaticBackup({ name })
    const result = await host.saveFile({ title: t('backup.saveAutomaticTitle'), suggestedName: name.endsWith('.json') ? name : `ropa-backup-${name.replace(/[:.]/g, '-')}.json`, filters: [{ name: t('backup.fileKind'), extensions: ['json'] }], data: json })
    if (result.status === 'saved') toast.success(t('backup.savedCopy', { file: result.name }))
  }, t('backup.couldNotSaveCopy'))

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
        setProblems(failure(t('backup.safetyCopyFailed'), caught))
        return
      }
      await backupRepository.restore(pending.backup)
      setPending(null)
      refreshAutomatic()
      toast.success(t('backup.restored', counted(pending.summary.records)), { description: safetyCopy })
    } catch (caught) {
      setProblems(failure(t('backup.restoreFailed'), caught))
    } finally {
      setBusy(false)
    }
  }

  const age = backupAgeDays(last)
  return (
    <section className="section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup.heading')}</h2>
      <p className="section__note">{t('backup.intro')}</p>
      <p className={`last-backup${age === null || age > 7 ? ' last-backup--stale' : ''}`} data-testid="last-backup">
        {last ? (
          <>
            {t('backup.last')} <strong>{format.dateTime(last.at)}</strong> ({age === 0 || age === null ? t('backup.today') : t('backup.daysAgo', counted(age))}) —{' '}
            {last.kind === 'file' ? t('backup.savedAs', { location: last.location }) : t('backup.automaticIn', { location: last.location })}
          </>
        ) : (
          t('backup.never')
        )}
      </p>
      <div className="export__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void backUp()}>
          {t('backup.backUpNow')}
        </button>
        <button type="button" className="button" disabled={busy || chooseFile.busy} onClick={() => void chooseFile.run()}>
          {t('backup.restoreFromFile')}
        </button>
      </div>
      {problems ? <ProblemList {...problems} /> : null}
      {pending ? (
        <div className="restore-summary" role="region" aria-label={t('backup.summaryRegion')}>
          <h3>{sourceName(pending)}</h3>
          <dl className="facts">
            <dt>{t('backup.madeAt')}</dt>
            <dd>{t('backup.madeAtValue', { at: format.dateTime(pending.summary.exportedAt), version: pending.summary.appVersion })}</dd>
            <dt>{t('backup.organisation')}</dt>
            <dd>{pending.summary.organisationName ?? t('backup.notEntered')}</dd>
            <dt>{t('backup.records')}</dt>
            <dd>{format.number(pending.summary.records)}</dd>
            <dt>{t('backup.auditLog')}</dt>
            <dd>
              {t('backup.auditEntries', counted(pending.summary.auditEntries))}{' '}
              {pending.summary.auditChain.ok ? (
                t('backup.chainIntact')
              ) : (
                <strong className="danger-text">{t('backup.chainBroken', { why: chainBreakIn(pending.summary.auditChain.firstBreak) })}</strong>
              )}
            </dd>
            <dt>{t('backup.auditAnchor')}</dt>
            <dd>
              {t('backup.anchorValue', counted(pending.summary.auditAnchor.count))} <code className="hash">{pending.summary.auditAnchor.headHash}</code>
            </dd>
            <dt>{t('backup.vendorsAndPacks')}</dt>
            <dd>{t('backup.vendorsAndPacksValue', { vendors: format.number(pending.summary.vendors), packs: format.number(pending.summary.packs) })}</dd>
          </dl>
          <div className="export__actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void restore()}>
              {t('backup.replace')}
            </button>
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => setPending(null)}>
              {t('backup.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <h3 className="subheading">{t('backup.automaticHeading')}</h3>
      {automatic ? (
        <>
          <p className="section__note section__note--tight">
            {inBrowser ? t('backup.automaticBrowser', { location: automatic.location }) : t('backup.automaticDesktop', { location: automatic.location })}
          </p>
          {automatic.backups.length === 0 ? (
            <p className="muted">{t('backup.none')}</p>
          ) : (
            <table className="plain-table" aria-label={t('backup.automaticTable')}>
              <thead>
                <tr>
                  <th>{t('backup.taken')}</th>
                  <th>{t('backup.why')}</th>
                  <th>{t('backup.size')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {automatic.backups.map((backup) => (
                  <tr key={backup.name}>
                    <td>{format.dateTime(backup.takenAt)}</td>
                    <td>{t(`backup.reason.${backup.reason}`)}</td>
                    <td>{formatSize(backup.bytes)}</td>
                    <td className="plain-table__actions">
                      <button type="button" className="button button--small" disabled={downloadAutomatic.busy} onClick={() => void downloadAutomatic.run(backup.name)}>
                        {t('backup.saveCopy')}
                      </button>
                      <button type="button" className="button button--small" disabled={busy} onClick={() => void chooseAutomatic(backup.name)}>
                        {t('backup.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p className="muted">{t('backup.readingAutomatic')}</p>
      )}
    </section>
  )
}

export function ImportExportPage() {
  const { t } = useTranslation('importExport')
  return (
    <main className="page page--narrow page--data">
      <div className="page__header">
        <h1>{t('title')}</h1>
      </div>
      <ExportSection />
      <ImportSection />
      <VerifySection />
      <BackupSection />
    </main>
  )
}
