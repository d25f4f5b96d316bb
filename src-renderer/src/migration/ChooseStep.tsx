/** Step 1 of the guided import: choose or drop a spreadsheet; it is read in a worker, with its stage shown and a way to stop. */
import { useState, type DragEvent } from 'react'
import { toast } from 'sonner'
import { useTranslation } from 'react-i18next'
import { t as translate } from '../i18n/i18n'
import { problemMessage, problemPath, refusalReason } from '../i18n/messages'
import type { Mapping, SpreadsheetFile, SpreadsheetProblem } from '@core/migration/types'
import { DEFAULT_XLSX_LIMITS } from '@core/workbook/xlsx-guard'
import { host } from '../host/host'
import { useAsyncAction } from '../ui/use-async-action'
import { formatNumber } from '../ui/numbers'
import type { MigrationStage } from './spreadsheet-reader-protocol'

export const SPREADSHEET_EXTENSIONS = ['xlsx', 'ods', 'csv'] as const
const MAX_BYTES = DEFAULT_XLSX_LIMITS.maxFileBytes

/** What the reader is doing, in the interface's language. */
export const stageText = (stage: MigrationStage): string => translate(`migration.stage.${stage}`)

export interface LoadedSpreadsheet {
  file: SpreadsheetFile
  mapping: Mapping
}

export function ProblemList({ title, problems }: { title: string; problems: SpreadsheetProblem[] }) {
  return (
    <div className="banner banner--error migration__problems" role="alert">
      <p className="problems__title">{title}</p>
      <ul className="problems">
        {problems.map((problem, index) => {
          const message = problemMessage(problem)
          const path = problemPath(problem)
          return (
            <li key={index}>
              {path && path !== '$' && !message.includes(path) ? <code>{path}</code> : null} {message}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/** Why a file is not read at all, before any bytes go to the reader; null when it may be read. */
export function refusedFile(name: string, size: number): string | null {
  const extension = name.toLowerCase().split('.').pop() ?? ''
  if (!(SPREADSHEET_EXTENSIONS as readonly string[]).includes(extension)) return translate('migration.notSpreadsheet', { name })
  if (size > MAX_BYTES) return translate('migration.tooLarge', { name, size: formatNumber(size / (1024 * 1024), { maximumFractionDigits: 1, minimumFractionDigits: 1 }), limit: formatNumber(MAX_BYTES / (1024 * 1024), { maximumFractionDigits: 0 }) })
  return null
}

export function ChooseStep({ onLoaded }: { onLoaded: (loaded: LoadedSpreadsheet) => Promise<void> }) {
  const { t } = useTranslation()
  const [problems, setProblems] = useState<{ title: string; problems: SpreadsheetProblem[] } | null>(null)
  const [reading, setReading] = useState<{ fileName: string; stage: MigrationStage | null; stop: () => void } | null>(null)
  const [dragging, setDragging] = useState(false)

  const read = async (fileName: string, bytes: Uint8Array) => {
    const notRead = t('migration.cannotImport', { name: fileName })
    const { runInBackground, StoppedJob } = await import('./spreadsheet-reader')
    const job = runInBackground({ kind: 'read', bytes, fileName }, { onStage: (stage) => setReading((current) => current && { ...current, stage }) })
    setReading({ fileName, stage: null, stop: () => job.cancel() })
    try {
      const result = await job.result
      if (!result.ok) return setProblems({ title: notRead, problems: result.problems })
      if (result.file.appWorkbookWithData) {
        return setProblems({
          title: t('migration.appWorkbook', { name: fileName }),
          problems: [{ path: '', message: t('migration.appWorkbookHint') }]
        })
      }
      if (result.mapping.sheets.length === 0) return setProblems({ title: notRead, problems: [{ path: fileName, message: t('migration.noSheet', { name: fileName }) }] })
      await onLoaded({ file: result.file, mapping: result.mapping })
    } catch (caught) {
      if (caught instanceof StoppedJob) toast.info(t('migration.stoppedReading', { name: fileName }))
      else throw caught
    } finally {
      setReading(null)
    }
  }

  const choose = useAsyncAction(async () => {
    setProblems(null)
    const opened = await host.openFile({ title: t('migration.dialogTitle'), filters: [{ name: t('migration.spreadsheet'), extensions: [...SPREADSHEET_EXTENSIONS] }], maxBytes: MAX_BYTES })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: t('migration.notRead', { name: opened.name }), problems: [{ path: '', message: refusalReason(opened) }] })
    const refused = refusedFile(opened.name, opened.bytes.length)
    if (refused) return setProblems({ title: t('migration.notRead', { name: opened.name }), problems: [{ path: '', message: refused }] })
    await read(opened.name, opened.bytes)
  }, t('migration.couldNotRead'))

  const drop = useAsyncAction(async (file: File) => {
    setProblems(null)
    const refused = refusedFile(file.name, file.size)
    if (refused) return setProblems({ title: t('migration.notRead', { name: file.name }), problems: [{ path: '', message: refused }] })
    await read(file.name, new Uint8Array(await file.arrayBuffer()))
  }, t('migration.couldNotRead'))

  const busy = choose.busy || drop.busy
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file && !busy) void drop.run(file)
  }

  return (
    <>
      <div
        className={`dropzone${dragging ? ' dropzone--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>
          {t('migration.dropHere')}{' '}
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void choose.run()}>
            {t('migration.choose')}
          </button>
        </p>
        <p className="muted">{t('migration.formats', { limit: formatNumber(MAX_BYTES / (1024 * 1024)) })}</p>
      </div>
      {reading ? (
        <p className="import__reading" role="status">
          <progress aria-label={t('migration.readingFile', { name: reading.fileName })} />
          {reading.stage ? stageText(reading.stage) : t('migration.opening', { name: reading.fileName })}
          <button type="button" className="button button--quiet" onClick={reading.stop}>
            {t('migration.stopReading')}
          </button>
        </p>
      ) : null}
      {problems ? <ProblemList {...problems} /> : null}
      {choose.error || drop.error ? (
        <p className="banner banner--error" role="alert">
          {choose.error ?? drop.error}
        </p>
      ) : null}
    </>
  )
}
