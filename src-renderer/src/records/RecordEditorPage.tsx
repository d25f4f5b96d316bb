/**
 * The record editor: every Article 30 item in sections, validated with the core's schema.
 * "Saved" appears only once the Dexie transaction has committed; leaving with unsaved
 * changes asks first.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useCallback, useEffect, useRef, useState } from 'react'
import { FormProvider, useForm, useFormContext, useWatch, type FieldErrors } from 'react-hook-form'
import { toast } from 'sonner'
import { recordFormSchema, type RecordForm, type RecordFormInput, type StoredRecord } from '@core/records/model'
import { emptyRecordForm } from '@core/records/new-record'
import { RECORD_STATUS_LABELS, type RecordRole } from '@core/records/enums'
import { repository } from '../app/services'
import { NavLink, useLeaveGuard, useNavigation } from '../app/navigation'
import { useConfirm } from '../ui/confirm'
import { formatTime } from '../ui/dates'
import { runReported, useAsyncAction } from '../ui/use-async-action'
import { EvidenceProvider } from './evidence'
import { describeFieldPath } from '@core/records/field-names'
import { SaveAsTemplateButton } from '../templates/SaveAsTemplateButton'
import { FindingNote, FindingsPanel, FindingsProvider } from '../checks/EditorFindings'
import { useReviewWorkflow } from '../checks/ReviewWorkflow'
import { HistoryPanel } from './HistoryPanel'
import {
  ContextSection,
  ControllersSection,
  DataSection,
  IdentitySection,
  PurposesSection,
  RecipientsSection,
  SecuritySection,
  SpecialSection,
  TransfersSection,
  WorkflowSection,
  sectionsFor
} from './RecordSections'

type EditorTarget = { kind: 'new'; role: RecordRole; initial?: RecordForm } | { kind: 'existing'; id: string }

function formOf(record: StoredRecord): RecordFormInput {
  const { id: _id, reference: _reference, createdAt: _createdAt, updatedAt: _updatedAt, approvedBy: _approvedBy, approvedAt: _approvedAt, ...form } = record
  return form
}

function countErrors(errors: FieldErrors): number {
  let count = 0
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    if ('message' in node && typeof (node as { message: unknown }).message === 'string') count += 1
    for (const [key, value] of Object.entries(node)) if (key !== 'ref') walk(value)
  }
  walk(errors)
  return count
}

export function RecordEditorPage({ target }: { target: EditorTarget }) {
  const [record, setRecord] = useState<StoredRecord | null | undefined>(target.kind === 'new' ? null : undefined)
  useEffect(() => {
    if (target.kind === 'existing') void repository.getRecord(target.id).then((found) => setRecord(found ?? null))
  }, [target])
  if (record === undefined) return <main className="page">Loading…</main>
  if (record === null && target.kind === 'existing') {
    return (
      <main className="page">
        <h1>Record not found</h1>
        <p>It may have been deleted. <NavLink to="/">Back to the register</NavLink></p>
      </main>
    )
  }
  const initial = record ? formOf(record) : target.kind === 'new' ? (target.initial ?? emptyRecordForm(target.role)) : emptyRecordForm()
  return <RecordEditor key={record?.id ?? 'new'} record={record} initial={initial} />
}

function RecordEditor({ record: initialRecord, initial }: { record: StoredRecord | null; initial: RecordFormInput }) {
  const [record, setRecord] = useState(initialRecord)
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
  const { isDirty, isSubmitting, errors, submitCount } = form.formState
  const role = useWatch({ control: form.control, name: 'role' })
  const evidence = useWatch({ control: form.control, name: 'evidence' }) ?? []
  const openItems = useWatch({ control: form.control, name: 'openItems' }) ?? []

  const shouldBlock = useCallback(() => form.formState.isDirty && !form.formState.isSubmitting, [form])
  const askToLeave = useCallback(
    () => confirm({ title: 'Leave without saving?', message: 'Your changes to this record have not been saved and will be lost.', confirmLabel: 'Discard changes', cancelLabel: 'Keep editing', danger: true }),
    [confirm]
  )
  useLeaveGuard(shouldBlock, askToLeave)

  const saveAction = useAsyncAction(async (values: RecordForm) => {
    const saved = record ? await repository.updateRecord(record.id, values) : await repository.createRecord(values)
    form.reset(formOf(saved))
    setRecord(saved)
    setSavedAt(formatTime())
    if (record?.status === 'approved' && saved.status === 'in-review') toast.info('Changed after approval: the record is back in review and needs approving again.')
    if (!record) await navigate(`/records/${saved.id}`, { replace: true, state: { savedAt: formatTime() } })
  }, 'Could not save')
  const save = form.handleSubmit(saveAction.run)

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
    toast.success(`Duplicated as ${copy.reference}`)
    await navigate(`/records/${copy.id}`)
  }, 'Could not duplicate the record')
  const showRecord = (changed: StoredRecord) => {
    form.reset(formOf(changed))
    setRecord(changed)
  }
  const archive = useAsyncAction(async () => {
    if (!record) return
    const confirmed = await confirm({
      title: `Archive ${record.reference}?`,
      message: <>“{record.name}” leaves the active register (the register shows it again with “Show archived”). You can undo this straight after, or later restore it to draft.</>,
      confirmLabel: 'Archive record'
    })
    if (!confirmed) return
    const before = record
    const archived = await repository.archiveRecord(record.id)
    showRecord(archived)
    toast.success(`${archived.reference} archived`, {
      duration: 10_000,
      action: {
        label: 'Undo',
        onClick: () =>
          void runReported(`Could not undo archiving ${before.reference}`, async () => {
            const restored = await repository.updateRecord(before.id, formOf(before))
            if (recordIdRef.current === restored.id) showRecord(restored)
            toast.success(`${restored.reference} is ${RECORD_STATUS_LABELS[restored.status].toLowerCase()} again`)
          })
      }
    })
  }, 'Could not archive the record')
  const restoreToDraft = useAsyncAction(async () => {
    if (!record) return
    const restored = await repository.updateRecord(record.id, { ...formOf(record), status: 'draft' })
    showRecord(restored)
    toast.success(`${restored.reference} restored to draft`)
  }, 'Could not restore the record to draft')
  const remove = useAsyncAction(async () => {
    if (!record) return
    const confirmed = await confirm({
      title: `Delete ${record.reference}?`,
      message: <>“{record.name}” will be removed from the register. You can undo this straight after.</>,
      confirmLabel: 'Delete record',
      danger: true
    })
    if (!confirmed) return
    const deleted = await repository.deleteRecord(record.id)
    form.reset(form.getValues())
    await navigate('/')
    toast(`${deleted.reference} deleted`, {
      action: {
        label: 'Undo',
        onClick: () =>
          void runReported(`Could not undo deleting ${deleted.reference}`, async () => {
            await repository.restoreRecord(deleted)
            toast.success(`${deleted.reference} restored`)
          })
      },
      duration: 10_000
    })
  }, 'Could not delete the record')

  const review = useReviewWorkflow({ record, dirty: isDirty, onChanged: (changed) => { form.reset(formOf(changed)); setRecord(changed) } })
  const errorCount = countErrors(errors)
  const sections = sectionsFor(role === 'processor')
  return (
    <FormProvider {...form}>
      <FindingsProvider form={form} record={record}>
      <EvidenceProvider evidence={evidence}>
        <form className="editor" noValidate onSubmit={save} aria-label="Record editor">
          <header className="editor__bar">
            <div className="editor__title">
              <NavLink to="/" className="back">
                ← Register
              </NavLink>
              <h1>
                {record ? <span className="reference">{record.reference}</span> : <span className="reference">New</span>} {form.watch('name') || 'Untitled record'}
              </h1>
            </div>
            <div className="editor__actions">
              <span className="editor__state" role="status" aria-live="polite">
                {isSubmitting ? 'Saving…' : saveAction.error ? 'Not saved' : isDirty ? 'Unsaved changes' : savedAt ? `Saved at ${savedAt}` : ''}
              </span>
              {review.actions}
              {record ? (
                <>
                  <SaveAsTemplateButton record={record} disabled={isDirty} />
                  <button type="button" className="button" onClick={() => void duplicate.run()} disabled={duplicate.busy}>
                    Duplicate
                  </button>
                  {record.status !== 'archived' ? (
                    <button type="button" className="button" onClick={() => void archive.run()} disabled={isDirty || archive.busy} title={isDirty ? 'Save your changes first' : undefined}>
                      Archive
                    </button>
                  ) : (
                    <button type="button" className="button" onClick={() => void restoreToDraft.run()} disabled={isDirty || restoreToDraft.busy} title={isDirty ? 'Save your changes first' : undefined}>
                      Restore to draft
                    </button>
                  )}
                  <button type="button" className="button button--danger" onClick={() => void remove.run()} disabled={remove.busy}>
                    Delete
                  </button>
                </>
              ) : null}
              <button type="submit" className="button button--primary" disabled={isSubmitting} title="Ctrl+S">
                Save
              </button>
            </div>
          </header>
          {review.banner}
          {saveAction.error ? (
            <div className="banner banner--error" role="alert">
              {saveAction.error} Your changes are still here, not saved.
            </div>
          ) : null}
          {submitCount > 0 && errorCount > 0 ? (
            <div className="banner banner--error" role="alert">
              {errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} attention before this record can be saved. Nothing has been saved.
            </div>
          ) : null}
          <div className="editor__layout">
            <nav className="editor__nav" aria-label="Sections">
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
                      History
                    </a>
                  </li>
                ) : null}
              </ol>
            </nav>
            <div className="editor__sections">
              <FindingsPanel />
              <OriginPanel />
              <FindingNote anchor="origin" />
              {openItems.some((item) => !item.resolved) ? <OpenItemsPanel /> : null}
              <IdentitySection />
              {role === 'processor' ? <ControllersSection /> : null}
              <PurposesSection />
              <DataSection />
              <SpecialSection />
              <RecipientsSection />
              <TransfersSection />
              <SecuritySection />
              <ContextSection />
              <WorkflowSection />
              {record ? (
                <section className="section" id="history" aria-labelledby="history-title">
                  <h2 id="history-title">History</h2>
                  <HistoryPanel recordId={record.id} version={record.updatedAt} />
                </section>
              ) : null}
            </div>
          </div>
        </form>
      </EvidenceProvider>
      </FindingsProvider>
    </FormProvider>
  )
}

function OriginPanel() {
  const origin = useWatch<RecordFormInput, 'origin'>({ name: 'origin' })
  if (!origin) return null
  return (
    <aside className="banner banner--info" aria-label="Template origin">
      Pre-filled from template pack{' '}
      <NavLink to={`/templates/${origin.packId}`}>
        <strong>{origin.packId}</strong>
      </NavLink> version {origin.packVersion}, activity <strong>{origin.activityId}</strong>. Values marked “From template” show the policy's words on demand.
    </aside>
  )
}

function OpenItemsPanel() {
  const { register } = useFormContext<RecordFormInput>()
  const openItems = useWatch<RecordFormInput, 'openItems'>({ name: 'openItems' }) ?? []
  return (
    <section className="section section--open-items" id="open-items" aria-labelledby="open-items-title">
      <h2 id="open-items-title">Open items from the template</h2>
      <p className="section__note">The vendor's policy is silent or vague on these points. Decide each one, then tick it as resolved.</p>
      <ul className="open-items">
        {openItems.map((item, index) =>
          item.resolved ? null : (
            <li key={item.id} className="open-items__item">
              <label>
                <input type="checkbox" {...register(`openItems.${index}.resolved`)} /> <strong>{describeFieldPath(item.field)}</strong>: {item.note}
              </label>
              {(item.quotes ?? []).map((quote, quoteIndex) => (
                <blockquote key={quoteIndex}>{quote}</blockquote>
              ))}
            </li>
          )
        )}
      </ul>
    </section>
  )
}
