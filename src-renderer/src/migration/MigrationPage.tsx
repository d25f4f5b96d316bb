/**
 * The guided import of a legacy register (a spreadsheet the DPO kept before this app), in four
 * steps: choose the file, map its columns, preview every record with its findings, confirm.
 * Nothing is stored before the last step, and then all or nothing.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { toast } from 'sonner'
import type { ImportPlan, Mapping, SpreadsheetFile } from '@core/migration/types'
import type { StoredRecord } from '@core/records/model'
import { NavLink } from '../app/navigation'
import { checksStore } from '../checks/checks-services'
import { useAsyncAction } from '../ui/use-async-action'
import { ChooseStep, STAGE_TEXT, type LoadedSpreadsheet } from './ChooseStep'
import { ignoredWithoutReason, organisationChanges, organisationWith } from './mapping-view'
import { MappingStep } from './MappingStep'
import { migrationRepository } from './migration-services'
import { OrganisationConfirmation, PlanSummary, PreviewStep } from './PreviewStep'
import type { CheckedPlan, MigrationStage } from './spreadsheet-reader-protocol'

type Step = 'choose' | 'map' | 'preview' | 'confirm' | 'done'
const STEPS: Array<{ step: Step; title: string }> = [
  { step: 'choose', title: 'Choose a file' },
  { step: 'map', title: 'Map the columns' },
  { step: 'preview', title: 'Preview' },
  { step: 'confirm', title: 'Confirm' }
]

interface Loaded {
  file: SpreadsheetFile
  /** Loaded with the first file, so that the engine stays out of the app's first bundle. */
  parseMapping: typeof import('@core/migration/propose-mapping').parseMapping
}

function StepList({ current }: { current: Step }) {
  const currentIndex = STEPS.findIndex((step) => step.step === current)
  return (
    <ol className="wizard-steps" aria-label="Steps">
      {STEPS.map((step, index) => (
        <li
          key={step.step}
          className={`wizard-steps__step${index === currentIndex ? ' wizard-steps__step--current' : index < currentIndex || current === 'done' ? ' wizard-steps__step--done' : ''}`}
          aria-current={index === currentIndex ? 'step' : undefined}
        >
          <span className="wizard-steps__number">{index + 1}</span> {step.title}
        </li>
      ))}
    </ol>
  )
}

export function MigrationPage() {
  const [step, setStep] = useState<Step>('choose')
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [mapping, setMapping] = useState<Mapping | null>(null)
  const [proposed, setProposed] = useState<Mapping | null>(null)
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set())
  const [stored, setStored] = useState<StoredRecord[] | null>(null)
  const checks = useSyncExternalStore(checksStore.subscribe, checksStore.getSnapshot)
  const context = checks.context
  useEffect(() => void checksStore.load(), [])
  const heading = useRef<HTMLHeadingElement>(null)
  // Each step's heading takes the focus, so that a keyboard or screen-reader user starts at its top.
  useEffect(() => heading.current?.focus(), [step])

  const usedMapping = useMemo(() => (mapping ? { ...mapping, sheets: mapping.sheets.filter((sheet) => !excluded.has(sheet.sheet)) } : null), [mapping, excluded])
  const [checked, setChecked] = useState<CheckedPlan | null>(null)
  const [planning, setPlanning] = useState<{ stage: MigrationStage | null; stop: () => void } | null>(null)
  const plan: ImportPlan | null = checked?.plan ?? null
  const changes = useMemo(() => (plan?.organisation && context?.organisation ? organisationChanges(context.organisation, plan.organisation) : []), [plan, context])
  const missingReasons = mapping ? ignoredWithoutReason(mapping) : []

  const onLoaded = async ({ file, mapping: proposal }: LoadedSpreadsheet) => {
    const { parseMapping } = await import('@core/migration/propose-mapping')
    setLoaded({ file, parseMapping })
    setMapping(proposal)
    setProposed(proposal)
    setExcluded(new Set())
    setTaken(new Set())
    setStep('map')
  }

  /** Plans the records and checks them in the worker: thousands of rows take seconds. */
  const preview = useAsyncAction(async () => {
    if (!loaded || !usedMapping || !context) return
    const { runInBackground, StoppedJob } = await import('./spreadsheet-reader')
    const job = runInBackground({ kind: 'plan', file: loaded.file, mapping: usedMapping, context }, { onStage: (stage) => setPlanning((current) => current && { ...current, stage }) })
    setPlanning({ stage: null, stop: () => job.cancel() })
    try {
      setChecked(await job.result)
      setStep('preview')
    } catch (caught) {
      if (caught instanceof StoppedJob) toast.info(`Stopped preparing the preview of ${loaded.file.fileName}; nothing was stored`)
      else throw caught
    } finally {
      setPlanning(null)
    }
  }, 'Could not prepare the preview')

  const reuse = async (savedMapping: Mapping): Promise<Mapping> => {
    if (!loaded) throw new Error('No file is loaded')
    const { runInBackground } = await import('./spreadsheet-reader')
    return runInBackground({ kind: 'propose', file: loaded.file, savedMapping }).result
  }

  const importNow = useAsyncAction(async () => {
    if (!loaded || !plan) return
    const organisation = context?.organisation && taken.size > 0 ? organisationWith(context.organisation, changes, taken) : undefined
    const records = await migrationRepository.importRecords({ fileName: loaded.file.fileName, records: plan.records.map((planned) => planned.record), organisation })
    setStored(records)
    setStep('done')
    toast.success(`Imported ${records.length.toLocaleString()} records from ${loaded.file.fileName}`)
  }, 'The import failed; nothing was stored')

  const startAgain = () => {
    setLoaded(null)
    setMapping(null)
    setChecked(null)
    setStored(null)
    setStep('choose')
  }

  const title = step === 'done' ? 'Imported' : STEPS.find((candidate) => candidate.step === step)?.title
  const toImport = plan?.records.length ?? 0
  return (
    <main className="page page--narrow page--data migration">
      <div className="page__header">
        <h1>Import a register from a spreadsheet</h1>
        <NavLink to="/data" className="button button--quiet">
          Back to Import &amp; export
        </NavLink>
      </div>
      <StepList current={step} />
      <section className="section" aria-labelledby="migration-step">
        <h2 id="migration-step" ref={heading} tabIndex={-1}>
          {title}
          {loaded && step !== 'choose' ? <span className="muted"> — {loaded.file.fileName}</span> : null}
        </h2>

        {step === 'choose' ? <ChooseStep onLoaded={onLoaded} /> : null}

        {step === 'map' && loaded && mapping && proposed ? (
          <>
            <MappingStep
              file={loaded.file}
              mapping={mapping}
              proposed={proposed}
              onChange={setMapping}
              onReuse={(reused) => {
                setMapping(reused)
                setProposed(reused)
              }}
              reuse={reuse}
              parseMapping={loaded.parseMapping}
              excluded={excluded}
              onExclude={(sheet, exclude) =>
                setExcluded((current) => {
                  const next = new Set(current)
                  if (exclude) next.add(sheet)
                  else next.delete(sheet)
                  return next
                })
              }
            />
            {missingReasons.length ? (
              <p className="banner banner--error" role="alert">
                Say why {missingReasons.map(({ sheet, column }) => `“${column.heading || column.source}” (${sheet})`).join(', ')} {missingReasons.length === 1 ? 'is' : 'are'} ignored before going on.
              </p>
            ) : null}
            <div className="export__actions">
              <button type="button" className="button button--quiet" onClick={startAgain}>
                Choose another file
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={missingReasons.length > 0 || usedMapping?.sheets.length === 0 || preview.busy || !context}
                onClick={() => void preview.run()}
              >
                Preview the records
              </button>
              {planning ? (
                <span className="import__reading" role="status">
                  <progress aria-label="Preparing the preview" />
                  {planning.stage ? STAGE_TEXT[planning.stage] : 'Preparing the preview…'}
                  <button type="button" className="button button--quiet" onClick={planning.stop}>
                    Stop
                  </button>
                </span>
              ) : null}
            </div>
            {preview.error ? (
              <p className="banner banner--error" role="alert">
                {preview.error}
              </p>
            ) : null}
          </>
        ) : null}

        {step === 'preview' ? (
          checked && plan ? (
            <>
              <PlanSummary plan={plan} excludedSheets={[...excluded]} />
              <OrganisationConfirmation
                changes={changes}
                taken={taken}
                onTake={(key, take) =>
                  setTaken((current) => {
                    const next = new Set(current)
                    if (take) next.add(key)
                    else next.delete(key)
                    return next
                  })
                }
              />
              <PreviewStep plan={plan} findings={checked.findings} />
              <div className="export__actions">
                <button type="button" className="button button--quiet" onClick={() => setStep('map')}>
                  Back to the mapping
                </button>
                <button type="button" className="button button--primary" disabled={toImport === 0} onClick={() => setStep('confirm')}>
                  Continue to confirm
                </button>
              </div>
            </>
          ) : (
            <p role="status">Preparing the preview…</p>
          )
        ) : null}

        {step === 'confirm' && plan && loaded ? (
          <>
            <PlanSummary plan={plan} excludedSheets={[...excluded]} />
            <p>
              {toImport.toLocaleString()} records from {loaded.file.fileName} will be added to the register as drafts, with new references continuing the register; each keeps the cells it was
              made from as import evidence.
              {taken.size > 0 ? ` ${taken.size} organisation field${taken.size === 1 ? '' : 's'} will be taken from the file.` : ''}
              {plan.problems.length ? ` ${plan.problems.length} rows that cannot become records are not imported.` : ''} Either everything is stored or, if anything fails, nothing is.
            </p>
            {importNow.error ? (
              <p className="banner banner--error" role="alert">
                {importNow.error}
              </p>
            ) : null}
            <div className="export__actions">
              <button type="button" className="button button--quiet" disabled={importNow.busy} onClick={() => setStep('preview')}>
                Back to the preview
              </button>
              <button type="button" className="button button--primary" disabled={importNow.busy || toImport === 0} onClick={() => void importNow.run()}>
                {importNow.busy ? 'Importing…' : `Import ${toImport.toLocaleString()} records`}
              </button>
            </div>
          </>
        ) : null}

        {step === 'done' && stored && loaded ? (
          <>
            <p className="banner banner--ok" role="status">
              Imported {stored.length.toLocaleString()} records from {loaded.file.fileName}
              {stored.length ? ` as ${stored[0]!.reference}–${stored.at(-1)!.reference}` : ''}, all drafts.
            </p>
            <div className="export__actions">
              <NavLink to="/" className="button button--primary">
                Open the register
              </NavLink>
              {stored[0] ? (
                <NavLink to={`/records/${stored[0].id}`} className="button">
                  Open {stored[0].reference}
                </NavLink>
              ) : null}
              <button type="button" className="button button--quiet" onClick={startAgain}>
                Import another file
              </button>
            </div>
          </>
        ) : null}
      </section>
    </main>
  )
}
