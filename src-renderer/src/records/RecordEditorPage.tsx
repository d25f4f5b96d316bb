/**
 * The record editor: every Article 30 item in sections, validated with the core's schema.
 * "Saved" appears only once the Dexie transaction has committed; leaving with unsaved
 * changes asks first. The stored record is read live: a save made elsewhere (another window
 * or tab) shows at once when there are no unsaved changes, and as a notice when there are;
 * a save based on a stale revision is refused and the DPO chooses what to keep.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { memo, startTransition, useCallback, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form'
import { toast } from 'sonner'
import { Trans, useTranslation } from 'react-i18next'
import { activityTitle, formOfRecord, perspectiveOf, recordFormSchema, type RecordForm, type RecordFormInput, type StoredRecord } from '@core/records/model'
import { emptyRecordForm } from '@core/records/new-record'
import type { RecordRole } from '@core/records/enums'
import { enumLabel } from '../i18n/labels'
import { t as translate } from '../i18n/i18n'
import { registerStore, repository } from '../app/services'
import { StaleRecordError } from '../db/register-repository'
import { StaleSaveDialog, type StaleEdit } from './StaleSaveDialog'
import { NavLink, useLeaveGuard, useNavigation } from '../app/navigation'
import { compareVersions } from '@core/templates/pack-diff'
import { checksStore } from '../checks/checks-services'
import { useConfirm } from '../ui/confirm'
import { formatTime } from '../ui/dates'
import { runReported, useAsyncAction } from '../ui/use-async-action'
import { EvidenceProvider, ImportOriginPanel } from './evidence'
import { SaveAsTemplateButton } from '../templates/SaveAsTemplateButton'
import { FindingNote, FindingsPanel, FindingsProvider } from '../checks/EditorFindings'
import { useReviewWorkflow } from '../checks/ReviewWorkflow'
import { HistoryPanel } from './HistoryPanel'
import { OpenItemsPanel } from './OpenItems'
import {
  ContextSection,
  ControllersSection,
  DataSection,
  IdentitySection,
  NotesSection,
  PurposesSection,
  RecipientsSection,
  SecuritySection,
  SpecialSection,
  TransfersSection,
  WorkflowSection,
  sectionsFor
} from './RecordSections'

type EditorTarget = { kind: 'new'; role: RecordRole; initial?: RecordForm } | { kind: 'existing'; id: string }

const formOf = formOfRecord

function countErrors(errors: FieldErrors): number {
  let count = 0
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    if ('message' in node && typeof node.message === 'string') count += 1
    for (const [key, value] of Object.entries(node)) if (key !== 'ref') walk(value)
  }
  walk(errors)
  return count
}

export function RecordEditorPage({ target }: { target: EditorTarget }) {
  const { t } = useTranslation()
  const id = target.kind === 'existing' ? target.id : null
  // Live: undefined while reading, null when no such record is stored (or it was deleted).
  // Until the query answers, the register's in-memory copy (kept current by the same change
  // events) lets the editor draw at once instead of after a database read.
  const stored = useLiveQuery(async () => (id ? ((await repository.getRecord(id)) ?? null) : null), [id], id ? registerStore.knownRecord(id) : undefined)
  // The version the editor opened with; later versions reach the editor as `stored`.
  const [record, setRecord] = useState<StoredRecord | null | undefined>(target.kind === 'new' ? null : undefined)
  // Adopted during render (React's pattern for state derived once from a prop), not in an effect.
  if (record === undefined && stored !== undefined) setRecord(stored)
  if (record === undefined) return <main className="page">{t('common.loading')}</main>
  if (record === null && target.kind === 'existing') {
    return (
      <main className="page">
        <h1>{t('editor.notFound')}</h1>
        <p>
          {t('editor.notFoundText')} <NavLink to="/">{t('editor.backToRegister')}</NavLink>
        </p>
      </main>
    )
  }
  const initial = record ? formOf(record) : target.kind === 'new' ? (target.initial ?? emptyRecordForm(target.role)) : emptyRecordForm()
  return <RecordEditor key={record?.id ?? 'new'} record={record} stored={record ? stored : undefined} initial={initial} />
}

interface RecordEditorProps {
  /** The record as opened (null for a new one). */
  record: StoredRecord | null
  /** The record as stored now, live (undefined while unknown, null once deleted). */
  stored: StoredRecord | null | undefined
  initial: RecordFormInput
}

function RecordEditor({ record: initialRecord, stored, initial }: RecordEditorProps) {
  const { t } = useTranslation()
  // The stored version the form is based on: its revision is what a save is checked against.
  const [record, setRecord] = useState(initialRecord)
  const [staleEdit, setStaleEdit] = useState<StaleEdit | null>(null)
  // An Undo clicked after leaving this record must not show it in the editor now on screen.
  const recordIdRef = useRef(initialRecord?.id)
  useEffect(() => {
    recordIdRef.current = record?.id
  }, [record?.id])
  // A new record is reopened at its own address once saved; the "Saved" note comes along.
  const [savedAt, setSavedAt] = useState<string | null>(() => (window.history.state as { savedAt?: string } | null)?.savedAt ?? null)
  const { navigate } = useNavigation()
  const confirm = useConfirm()
  const form = useForm<RecordFormInput, unknown, RecordForm>({ resolver: zodResolver(recordFormSchema), defaultValues: initial })
  const { isDirty, errors, submitCount } = form.formState
  const role = useWatch({ control: form.control, name: 'role' })
  const evidence = useWatch({ control: form.control, name: 'evidence' }) ?? []
  const importedFrom = useWatch({ control: form.control, name: 'importedFrom' }) ?? []

  // A save under way is not "leaving with unsaved changes" (a new record moves to its own address).
  const savingRef = useRef(false)
  const shouldBlock = useCallback(() => form.formState.isDirty && !savingRef.current, [form])
  const askToLeave = useCallback(
    () => confirm({ title: t('editor.leaveTitle'), message: t('editor.leaveMessage'), confirmLabel: t('editor.discard'), cancelLabel: t('editor.keepEditing'), danger: true }),
    [confirm, t]
  )
  useLeaveGuard(shouldBlock, askToLeave)

  // Said on the page, next to what was saved, rather than in a toast that fades.
  const [backInReview, setBackInReview] = useState(false)
  const afterSave = (before: StoredRecord | null, saved: StoredRecord) => {
    form.reset(formOf(saved))
    setRecord(saved)
    setSavedAt(formatTime())
    setBackInReview(before?.status === 'approved' && saved.status === 'in-review')
  }

  const saveAction = useAsyncAction(async (values: RecordForm) => {
    let saved: StoredRecord
    try {
      saved = record ? await repository.updateRecord(record.id, values, { revision: record.revision }) : await repository.createRecord(values)
    } catch (error) {
      // Saved elsewhere first: nothing was written; the DPO decides what to keep.
      if (error instanceof StaleRecordError && record) return setStaleEdit({ stored: error.stored, yours: values, baseRevision: record.revision, refused: true })
      throw error
    }
    afterSave(record, saved)
    if (!record) await navigate(`/records/${saved.id}`, { replace: true, state: { savedAt: formatTime() } })
  }, t('editor.couldNotSave'))
  const runSave = saveAction.run
  /**
   * Validates and saves without react-hook-form's handleSubmit, whose "submitting" and
   * "submitted" states re-render every field twice per save (~40 ms at this form's size). A form
   * with errors goes through handleSubmit, which marks the fields and counts the attempt.
   */
  const save = useCallback(
    async (event?: FormEvent) => {
      event?.preventDefault()
      if (savingRef.current) return
      const parsed = recordFormSchema.safeParse(form.getValues())
      if (!parsed.success) return form.handleSubmit(runSave)()
      savingRef.current = true
      try {
        await runSave(parsed.data)
      } finally {
        savingRef.current = false
      }
    },
    [form, runSave]
  )
  const isSubmitting = saveAction.busy

  const keepMine = useAsyncAction(async () => {
    if (!staleEdit || !record) return
    try {
      const saved = await repository.updateRecord(record.id, staleEdit.yours, { revision: staleEdit.stored.revision, overwrite: true })
      setStaleEdit(null)
      afterSave(record, saved)
      toast.success(t('editor.savedOver', { reference: saved.reference, revision: staleEdit.stored.revision }))
    } catch (error) {
      // Yet another save came in meanwhile: show it, and let the DPO decide again.
      if (error instanceof StaleRecordError) setStaleEdit({ ...staleEdit, stored: error.stored, refused: true })
      else throw error
    }
  }, t('editor.couldNotSave'))

  // A newer stored version (saved elsewhere) replaces the form when nothing is unsaved; with
  // unsaved changes, the notice below offers to compare instead. An older one is this
  // editor's own save still on its way through the live query.
  const newerStored = stored && record && stored.revision > record.revision ? stored : null
  useEffect(() => {
    if (newerStored && !isDirty && !isSubmitting && !keepMine.busy) {
      form.reset(formOf(newerStored))
      setRecord(newerStored)
    }
  }, [newerStored, isDirty, isSubmitting, keepMine.busy, form])

  const loadStored = () => {
    const latest = staleEdit?.stored ?? newerStored
    setStaleEdit(null)
    if (!latest) return
    form.reset(formOf(latest))
    setRecord(latest)
    setSavedAt(null)
  }
  const compareNow = () => {
    if (newerStored && record) setStaleEdit({ stored: newerStored, yours: form.getValues(), baseRevision: record.revision, refused: false })
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        void save()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [save])

  const duplicate = useAsyncAction(async () => {
    if (!record) return
    if (isDirty && !(await askToLeave())) return
    form.reset(form.formState.defaultValues)
    const copy = await repository.duplicateRecord(record.id)
    toast.success(t('editor.duplicated', { reference: copy.reference }))
    await navigate(`/records/${copy.id}`)
  }, t('editor.couldNotDuplicate'))
  const showRecord = (changed: StoredRecord) => {
    form.reset(formOf(changed))
    setRecord(changed)
  }
  const archive = useAsyncAction(async () => {
    if (!record) return
    const confirmed = await confirm({
      title: t('editor.archiveTitle', { reference: record.reference }),
      message: t('editor.archiveMessage', { name: activityTitle(record.name) }),
      confirmLabel: t('editor.archiveConfirm')
    })
    if (!confirmed) return
    const before = record
    const archived = await repository.archiveRecord(record.id, record.revision)
    showRecord(archived)
    toast.success(t('editor.archived', { reference: archived.reference }), {
      duration: 10_000,
      action: {
        label: t('common.undo'),
        onClick: () =>
          void runReported(translate('editor.couldNotUndoArchive', { reference: before.reference }), async () => {
            // Undone only if nobody changed the record since: otherwise the refusal says so.
            const restored = await repository.updateRecord(before.id, formOf(before), { revision: archived.revision })
            if (recordIdRef.current === restored.id) showRecord(restored)
            toast.success(translate('editor.isAgain', { reference: restored.reference, status: enumLabel('RECORD_STATUS_LABELS', restored.status).toLowerCase() }))
          })
      }
    })
  }, t('editor.couldNotArchive'))
  const restoreToDraft = useAsyncAction(async () => {
    if (!record) return
    const restored = await repository.updateRecord(record.id, { ...formOf(record), status: 'draft' }, { revision: record.revision })
    showRecord(restored)
    toast.success(t('editor.restoredToDraft', { reference: restored.reference }))
  }, t('editor.couldNotRestoreDraft'))
  const remove = useAsyncAction(async () => {
    if (!record) return
    const confirmed = await confirm({
      title: t('editor.deleteTitle', { reference: record.reference }),
      message: t('editor.deleteMessage', { name: activityTitle(record.name) }),
      confirmLabel: t('editor.deleteConfirm'),
      danger: true
    })
    if (!confirmed) return
    const deleted = await repository.deleteRecord(record.id)
    form.reset(form.getValues())
    await navigate('/')
    toast(t('editor.deleted', { reference: deleted.reference }), {
      action: {
        label: t('common.undo'),
        onClick: () =>
          void runReported(translate('editor.couldNotUndoDelete', { reference: deleted.reference }), async () => {
            await repository.restoreRecord(deleted)
            toast.success(translate('editor.restored', { reference: deleted.reference }))
          })
      },
      duration: 10_000
    })
  }, t('editor.couldNotDelete'))

  const review = useReviewWorkflow({ record, dirty: isDirty, onChanged: (changed) => { form.reset(formOf(changed)); setRecord(changed) } })
  const errorCount = countErrors(errors)
  const sections = sectionsFor(role === 'processor')
  return (
    <FormProvider {...form}>
      <FindingsProvider form={form} record={record}>
      <EvidenceProvider evidence={evidence} importedFrom={importedFrom}>
        <form className="editor" noValidate onSubmit={(event) => void save(event)} aria-label={t('editor.formLabel')}>
          <header className="editor__bar">
            <div className="editor__title">
              <NavLink to="/" className="back">
                {t('editor.back')}
              </NavLink>
              <h1>
                {record ? <span className="reference">{record.reference}</span> : <span className="reference">{t('editor.new')}</span>} {activityTitle(form.watch('name'))}
              </h1>
            </div>
            <div className="editor__actions">
              <span className="editor__state" role="status" aria-live="polite">
                {isSubmitting ? t('editor.saving') : saveAction.error ? t('editor.notSaved') : isDirty ? t('editor.unsaved') : savedAt ? t('editor.savedAt', { time: savedAt }) : ''}
              </span>
              {review.actions}
              {record ? (
                <>
                  <SaveAsTemplateButton record={record} disabled={isDirty} />
                  <button type="button" className="button" onClick={() => void duplicate.run()} disabled={duplicate.busy}>
                    {t('editor.duplicate')}
                  </button>
                  {record.status !== 'archived' ? (
                    <button type="button" className="button" onClick={() => void archive.run()} disabled={isDirty || archive.busy} title={isDirty ? t('editor.saveFirst') : undefined}>
                      {t('editor.archive')}
                    </button>
                  ) : (
                    <button type="button" className="button" onClick={() => void restoreToDraft.run()} disabled={isDirty || restoreToDraft.busy} title={isDirty ? t('editor.saveFirst') : undefined}>
                      {t('editor.restoreToDraft')}
                    </button>
                  )}
                  <button type="button" className="button button--danger" onClick={() => void remove.run()} disabled={remove.busy}>
                    {t('editor.delete')}
                  </button>
                </>
              ) : null}
              <button type="submit" className="button button--primary" disabled={isSubmitting} title={t('editor.shortcut')}>
                {t('editor.save')}
              </button>
            </div>
          </header>
          {review.banner}
          {record && stored === null ? (
            <div className="banner banner--warn" role="alert">
              {t('editor.deletedElsewhere', { reference: record.reference })}
            </div>
          ) : null}
          {newerStored && isDirty && !staleEdit ? (
            <div className="banner banner--warn stale-notice" role="alert">
              <span>
                {t('editor.changedElsewhere', { reference: newerStored.reference, revision: newerStored.revision, base: record?.revision })}
              </span>{' '}
              <button type="button" className="button" onClick={compareNow}>
                {t('editor.compare')}
              </button>{' '}
              <button type="button" className="button" onClick={loadStored}>
                {t('editor.loadStored')}
              </button>
            </div>
          ) : null}
          {backInReview && !isDirty ? (
            <div className="banner banner--info" role="status">
              {t('editor.backInReview', { reference: record?.reference })}
            </div>
          ) : null}
          {saveAction.error ? (
            <div className="banner banner--error" role="alert">
              {t('editor.stillHere', { error: saveAction.error })}
            </div>
          ) : null}
          {submitCount > 0 && errorCount > 0 ? (
            <div className="banner banner--error" role="alert">
              {t('editor.fieldsNeedAttention', { count: errorCount })}
            </div>
          ) : null}
          <div className="editor__layout">
            <nav className="editor__nav" aria-label={t('editor.sections')}>
              <ol>
                {sections.map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`} onClick={(event) => { event.preventDefault(); document.getElementById(section.id)?.scrollIntoView({ behavior: 'smooth' }) }}>
                      {section.article ? <span className="article">{section.article}</span> : null} {section.title}
                    </a>
                  </li>
                ))}
                {record ? (
                  <li>
                    <a href="#history" onClick={(event) => { event.preventDefault(); document.getElementById('history')?.scrollIntoView({ behavior: 'smooth' }) }}>
                      {t('editor.history')}
                    </a>
                  </li>
                ) : null}
              </ol>
            </nav>
            <EditorSections isProcessor={role === 'processor'} recordId={record?.id ?? null} />
          </div>
        </form>
        {staleEdit ? <StaleSaveDialog edit={staleEdit} busy={keepMine.busy} onReload={loadStored} onKeepMine={() => void keepMine.run()} onCancel={() => setStaleEdit(null)} /> : null}
      </EvidenceProvider>
      </FindingsProvider>
    </FormProvider>
  )
}

/**
 * The form's sections, kept out of the editor's own re-renders (the saving state, the live
 * stored version, the "Saved at" note): each field follows the form through react-hook-form's
 * context and watchers, so nothing here needs the editor to draw it again.
 */
const EditorSections = memo(function EditorSections({ isProcessor, recordId }: { isProcessor: boolean; recordId: string | null }) {
  // Memoised: it follows a change of language itself.
  const { t } = useTranslation()
  // The sections below the first screen are drawn just after it (a non-urgent update), so that a
  // record opens as soon as its top is ready; their values are in the form from the start.
  const [belowTheFold, setBelowTheFold] = useState(false)
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setBelowTheFold(true)))
    return () => cancelAnimationFrame(frame)
  }, [])
  return (
    <div className="editor__sections">
      <FindingsPanel />
      <OriginPanel recordId={recordId} />
      <ImportOriginPanel />
      <FindingNote anchor="origin" />
      <OpenItemsPanel />
      <IdentitySection />
      {isProcessor ? <ControllersSection /> : null}
      <PurposesSection />
      {belowTheFold ? (
        <>
          <DataSection />
          <SpecialSection />
          <RecipientsSection />
          <TransfersSection />
          <SecuritySection />
          <ContextSection />
          <WorkflowSection />
          <NotesSection />
          {recordId ? (
            <section className="section" id="history" aria-labelledby="history-title">
              <h2 id="history-title">{t('editor.history')}</h2>
              <HistoryPanel recordId={recordId} />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  )
})

function OriginPanel({ recordId }: { recordId: string | null }) {
  const { t } = useTranslation()
  const origin = useWatch<RecordFormInput, 'origin'>({ name: 'origin' })
  const packId = origin?.packId
  // A newer version of the template is installed: the record can be compared with it field by field.
  // The checks already hold the installed versions (kept in step with installs), so no pack is read here.
  const installedVersions = useSyncExternalStore(checksStore.subscribe, checksStore.getSnapshot).context?.installedPackVersions
  const installedVersion = packId ? installedVersions?.[packId] : undefined
  if (!origin) return null
  const newer = recordId !== null && installedVersion !== undefined && compareVersions(installedVersion, origin.packVersion) > 0
  return (
    <aside className="banner banner--info" aria-label={t('editor.templateOrigin')}>
      <Trans
        t={t}
        i18nKey="editor.prefilled"
        values={{ pack: origin.packId, version: origin.packVersion, activity: origin.activityId, perspective: enumLabel('RECORD_PERSPECTIVE_LABELS', perspectiveOf(origin)) }}
        components={{
          pack: (
            <NavLink to={`/templates/${origin.packId}`}>
              <strong />
            </NavLink>
          ),
          strong: <strong />
        }}
      />
      {newer ? (
        <>
          {' '}
          <NavLink to={`/templates/${origin.packId}/compare/${recordId}`}>{t('editor.compareWithVersion', { version: installedVersion })}</NavLink>
        </>
      ) : null}
    </aside>
  )
}
