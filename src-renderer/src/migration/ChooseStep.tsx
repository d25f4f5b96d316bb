/** Step 1 of the guided import: choose or drop a spreadsheet; it is read in a worker, with its stage shown and a way to stop. */
import { useState, type DragEvent } from 'react'
import { toast } from 'sonner'
import type { Mapping, SpreadsheetFile, SpreadsheetProblem } from '@core/migration/types'
import { DEFAULT_XLSX_LIMITS } from '@core/workbook/xlsx-guard'
import { host } from '../host/host'
import { useAsyncAction } from '../ui/use-async-action'
import type { MigrationStage } from './spreadsheet-reader-protocol'

export const SPREADSHEET_EXTENSIONS = ['xlsx', 'ods', 'csv'] as const
const MAX_BYTES = DEFAULT_XLSX_LIMITS.maxFileBytes

export const STAGE_TEXT: Record<MigrationStage, string> = {
  reading: 'Reading the sheets…',
  mapping: 'Matching the headings…',
  planning: 'Making the records from the rows…',
  checking: 'Running the compliance checks…'
}

export interface LoadedSpreadsheet {
  file: SpreadsheetFile
  mapping: Mapping
}

export function ProblemList({ title, problems }: { title: string; problems: SpreadsheetProblem[] }) {
  return (
    <div className="banner banner--error migration__problems" role="alert">
      <p className="problems__title">{title}</p>
      <ul className="problems">
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.path && problem.path !== '$' && !problem.message.includes(problem.path) ? <code>{problem.path}</code> : null} {problem.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Why a file is not read at all, before any bytes go to the reader; null when it may be read. */
export function refusedFile(name: string, size: number): string | null {
  const extension = name.toLowerCase().split('.').pop() ?? ''
  if (!(SPREADSHEET_EXTENSIONS as readonly string[]).includes(extension)) return `${name} is not a spreadsheet this import reads: choose an .xlsx, .ods or .csv file`
  if (size > MAX_BYTES) return `${name} is ${(size / (1024 * 1024)).toFixed(1)} MB; the limit is ${(MAX_BYTES / (1024 * 1024)).toFixed(0)} MB`
  return null
}

export function ChooseStep({ onLoaded }: { onLoaded: (loaded: LoadedSpreadsheet) => Promise<void> }) {
  const [problems, setProblems] = useState<{ title: string; problems: SpreadsheetProblem[] } | null>(null)
  const [reading, setReading] = useState<{ fileName: string; stage: MigrationStage | null; stop: () => void } | null>(null)
  const [dragging, setDragging] = useState(false)

  const read = async (fileName: string, bytes: Uint8Array) => {
    const notRead = `${fileName} cannot be imported; nothing was stored`
    const { runInBackground, StoppedJob } = await import('./spreadsheet-reader')
    const job = runInBackground({ kind: 'read', bytes, fileName }, { onStage: (stage) => setReading((current) => current && { ...current, stage }) })
    setReading({ fileName, stage: null, stop: () => job.cancel() })
    try {
      const result = await job.result
      if (!result.ok) return setProblems({ title: notRead, problems: result.problems })
      if (result.file.appWorkbookWithData) {
        return setProblems({
          title: `${fileName} is a workbook exported by this app`,
          problems: [{ path: '', message: 'Import it with "Choose a workbook…" on the Import & export page: it is read exactly from its hidden Data sheet, updates included.' }]
        })
      }
      if (result.mapping.sheets.length === 0) return setProblems({ title: notRead, problems: [{ path: fileName, message: `${fileName}: no sheet with a heading row or fiche labels was found` }] })
      await onLoaded({ file: result.file, mapping: result.mapping })
    } catch (caught) {
      if (caught instanceof StoppedJob) toast.info(`Stopped reading ${fileName}; nothing was stored`)
      else throw caught
    } finally {
      setReading(null)
    }
  }

  const choose = useAsyncAction(async () => {
    setProblems(null)
    const opened = await host.openFile({ title: 'Import a spreadsheet register', filters: [{ name: 'Spreadsheet', extensions: [...SPREADSHEET_EXTENSIONS] }], maxBytes: MAX_BYTES })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: `${opened.name} was not read`, problems: [{ path: '', message: opened.reason }] })
    const refused = refusedFile(opened.name, opened.bytes.length)
    if (refused) return setProblems({ title: `${opened.name} was not read`, problems: [{ path: '', message: refused }] })
    await read(opened.name, opened.bytes)
  }, 'Could not read the spreadsheet')

  const drop = useAsyncAction(async (file: File) => {
    setProblems(null)
    const refused = refusedFile(file.name, file.size)
    if (refused) return setProblems({ title: `${file.name} was not read`, problems: [{ path: '', message: refused }] })
    await read(file.name, new Uint8Array(await file.arrayBuffer()))
  }, 'Could not read the spreadsheet')

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
          Drop a spreadsheet here, or{' '}
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void choose.run()}>
            Choose a spreadsheet…
          </button>
        </p>
        <p className="muted">
          .xlsx, .ods or .csv (comma or semicolon separated, UTF-8 or Windows-1252), at most {MAX_BYTES / (1024 * 1024)} MB. Registers laid out as a table (one activity per row, headings in
          English, French or German; the ICO, CNIL and DSK models are recognised) or as fiches (one sheet per activity, labels beside values).
        </p>
      </div>
      {reading ? (
        <p className="import__reading" role="status">
          <progress aria-label={`Reading ${reading.fileName}`} />
          {reading.stage ? STAGE_TEXT[reading.stage] : `Opening ${reading.fileName}…`}
          <button type="button" className="button button--quiet" onClick={reading.stop}>
            Stop reading
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
