/**
 * The guided import of a legacy register (a spreadsheet the DPO kept before this app), in four
 * steps: choose the file, map its columns, preview every record with its findings, confirm.
 * Nothing is stored before the last step, and then all or nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { toast } from 'sonner'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../ui/numbers'
import type { ImportPlan, Mapping, SpreadsheetFile } from '@core/migration/types'
import type { StoredRecord } from '@core/records/model'
import { NavLink, useLeaveGuard } from '../app/navigation'
import { checksStore } from '../checks/checks-services'
import { useConfirm } from '../ui/confirm'
import { useAsyncAction } from '../ui/use-async-action'
import { ChooseStep, stageText, type LoadedSpreadsheet } from './ChooseStep'
import { ignoredWithoutReason, organisationChanges, organisationWith } from './mapping-view'
import { MappingStep } from './MappingStep'
import { migrationRepository } from './migration-services'
import { OrganisationConfirmation, PlanSummary, PreviewStep } from './PreviewStep'
import type { CheckedPlan, MigrationStage } from './spreadsheet-reader-protocol'

type Step = 'choose' | 'map' | 'preview' | 'confirm' | 'done'
const STEPS: Array<{ step: Step; title: `migration.step.${Step}` }> = [
  { step: 'choose', title: 'migration.step.choose' },
  { step: 'map', title: 'migration.step.map' },
  { step: 'preview', title: 'migration.step.preview' },
  { step: 'confirm', title: 'migration.step.confirm' }
]

interface Loaded {
  file: SpreadsheetFile
  /** Loaded with the first file, so that the engine stays out of the app's first bundle. */
  parseMapping: typeof import('@core/migration/propose-mapping').parseMapping
}

function StepList({ current }: { current: Step }) {
  const { t } = useTranslation()
  const currentIndex = STEPS.findIndex((step) => step.step === current)
  return (
    <ol className="wizard-steps" aria-label={t('migration.steps')}>
      {STEPS.map((step, index) => (
        <li
          key={step.step}
          className={`wizard-steps__step${index === currentIndex ? ' wizard-steps__step--current' : index < currentIndex || current === 'done' ? ' wizard-steps__step--done' : ''}`}
          aria-current={index === currentIndex ? 'step' : undefined}
        >
          <span className="wizard-steps__number">{index + 1}</span> {t(step.title)}
        </li>
      ))}
    </ol>
  )
}

export function MigrationPage() {
  const { t } = useTranslation()
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

  // Between reading the file and importing it, leaving would throw away the mapping work.
  const confirm = useConfirm()
  const fileName = loaded?.file.fileName ?? ''
  const inProgress = step === 'map' || step === 'preview' || step === 'confirm'
  const shouldBlock = useCallback(() => inProgress, [inProgress])
  const askToLeave = useCallback(
    () => confirm({ title: t('migration.leaveTitle', { name: fileName }), message: t('migration.leaveMessage'), confirmLabel: t('migration.leave'), cancelLabel: t('migration.stay'), danger: true }),
    [confirm, t, fileName]
  )
  useLeaveGuard(shouldBlock, askToLeave)

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
      if (caught instanceof StoppedJob) toast.info(t('migration.stoppedPreview', { name: loaded.file.fileName }))
      else throw caught
    } finally {
      setPlanning(null)
    }
  }, t('migration.couldNotPreview'))

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
    toast.success(t('migration.imported', { count: records.length, n: formatNumber(records.length), name: loaded.file.fileName }))
  }, t('migration.importFailed'))

  const startAgain = () => {
    setLoaded(null)
    setMapping(null)
    setChecked(null)
    setStored(null)
    setStep('choose')
  }

  const titleKey = step === 'done' ? 'migration.step.done' : STEPS.find((candidate) => candidate.step === step)?.title
  const title = titleKey ? t(titleKey) : ''
  const toImport = plan?.records.length ?? 0
  return (
    <main className="page page--narrow page--data migration">
      <div className="page__header">
        <h1>{t('migration.title')}</h1>
        <NavLink to="/data" className="button button--quiet">
          {t('migration.back')}
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
                {t('migration.sayWhy', { count: missingReasons.length, columns: missingReasons.map(({ sheet, column }) => `“${column.heading || column.source}” (${sheet})`).join(', ') })}
              </p>
            ) : null}
            <div className="export__actions">
              <button type="button" className="button button--quiet" onClick={startAgain}>
                {t('migration.chooseAnother')}
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={missingReasons.length > 0 || usedMapping?.sheets.length === 0 || preview.busy || !context}
                onClick={() => void preview.run()}
              >
                {t('migration.previewRecords')}
              </button>
              {planning ? (
                <span className="import__reading" role="status">
                  <progress aria-label={t('migration.preparingLabel')} />
                  {planning.stage ? stageText(planning.stage) : t('migration.preparing')}
                  <button type="button" className="button button--quiet" onClick={planning.stop}>
                    {t('migration.stop')}
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
                  {t('migration.backToMapping')}
                </button>
                <button type="button" className="button button--primary" disabled={toImport === 0} onClick={() => setStep('confirm')}>
                  {t('migration.continue')}
                </button>
              </div>
            </>
          ) : (
            <p role="status">{t('migration.preparing')}</p>
          )
        ) : null}

        {step === 'confirm' && plan && loaded ? (
          <>
            <PlanSummary plan={plan} excludedSheets={[...excluded]} />
            <p>
              {t('migration.willAdd', { count: toImport, n: formatNumber(toImport), name: loaded.file.fileName })}
              {taken.size > 0 ? ` ${t('migration.organisationFields', { count: taken.size })}` : ''}
              {plan.problems.length ? ` ${t('migration.rowsNotImported', { count: plan.problems.length })}` : ''} {t('migration.allOrNothing')}
            </p>
            {importNow.error ? (
              <p className="banner banner--error" role="alert">
                {importNow.error}
              </p>
            ) : null}
            <div className="export__actions">
              <button type="button" className="button button--quiet" disabled={importNow.busy} onClick={() => setStep('preview')}>
                {t('migration.backToPreview')}
              </button>
              <button type="button" className="button button--primary" disabled={importNow.busy || toImport === 0} onClick={() => void importNow.run()}>
                {importNow.busy ? t('migration.importing') : t('migration.importN', { count: toImport, n: formatNumber(toImport) })}
              </button>
            </div>
          </>
        ) : null}

        {step === 'done' && stored && loaded ? (
          <>
            <p className="banner banner--ok" role="status">
              {stored[0]
                ? t('migration.doneBannerRange', { count: stored.length, n: formatNumber(stored.length), name: loaded.file.fileName, first: stored[0].reference, last: stored.at(-1)!.reference })
                : t('migration.doneBanner', { count: stored.length, n: formatNumber(stored.length), name: loaded.file.fileName })}
            </p>
            <div className="export__actions">
              <NavLink to="/" className="button button--primary">
                {t('migration.openRegister')}
              </NavLink>
              {stored[0] ? (
                <NavLink to={`/records/${stored[0].id}`} className="button">
                  {t('migration.open', { reference: stored[0].reference })}
                </NavLink>
              ) : null}
              <button type="button" className="button button--quiet" onClick={startAgain}>
                {t('migration.importAnother')}
              </button>
            </div>
          </>
        ) : null}
      </section>
    </main>
  )
}
