/**
 * The review workflow in the editor: draft → in review (submit) → approved (the core's
 * approval gate decides) → archived; the status field that cannot bypass the gate; and the
 * "separate approver" setting on the Organisation page.
 */
import { useId, useState, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useFormContext, useWatch } from 'react-hook-form'
import { toast } from 'sonner'
import { RECORD_STATUS_LABELS } from '@core/records/enums'
import { formOfRecord, type RecordFormInput, type StoredRecord } from '@core/records/model'
import { repository } from '../app/services'
import { FieldShell } from '../ui/fields'
import { formatDate, formatDateTime } from '../ui/dates'
import { useAsyncAction } from '../ui/use-async-action'
import { approvals } from './checks-services'

interface ReviewOptions {
  record: StoredRecord | null
  /** Unsaved changes: approving or submitting acts on the stored record, so save first. */
  dirty: boolean
  /** Called with the stored record after a workflow step wrote it. */
  onChanged: (record: StoredRecord) => void
}

/** The editor's review buttons (for its action bar) and the refusal banner (for under the bar). */
export function useReviewWorkflow({ record, dirty, onChanged }: ReviewOptions): { actions: ReactNode; banner: ReactNode } {
  // A refusal belongs to the version it was given for: a newer or another record hides it.
  const version = `${record?.id ?? ''}@${record?.revision ?? 0}`
  const [refused, setRefused] = useState<{ version: string; reasons: string[] } | null>(null)
  const refusal = refused?.version === version ? refused.reasons : null
  const setRefusal = (reasons: string[] | null) => setRefused(reasons ? { version, reasons } : null)

  const submitForReview = useAsyncAction(async (current: StoredRecord) => {
    // Against the revision on screen: a record changed elsewhere is refused (StaleRecordError says so) and looked at again first.
    const saved = await repository.updateRecord(current.id, { ...formOfRecord(current), status: 'in-review' }, { revision: current.revision })
    onChanged(saved)
    toast.success(`${saved.reference} submitted for review`)
  }, 'Could not submit the record for review')
  const approve = useAsyncAction(async (current: StoredRecord) => {
    const result = await approvals.approve(current.id)
    if (!result.ok) {
      setRefusal(result.reasons)
      return
    }
    setRefusal(null)
    onChanged(result.record)
    toast.success(`${result.record.reference} approved; next review ${formatDate(result.record.nextReview)}`)
  }, 'Could not approve the record')
  const busy = submitForReview.busy || approve.busy

  if (!record) return { actions: null, banner: null }

  const saveFirst = dirty ? 'Save your changes first' : undefined
  const actions =
    record.status === 'draft' ? (
      <button type="button" className="button" onClick={() => void submitForReview.run(record)} disabled={dirty || busy} title={saveFirst}>
        Submit for review
      </button>
    ) : record.status === 'in-review' ? (
      <button type="button" className="button button--approve" onClick={() => void approve.run(record)} disabled={dirty || busy} title={saveFirst}>
        Approve
      </button>
    ) : record.status === 'approved' && record.approvedBy ? (
      <span className="approved-by" title={formatDateTime(record.approvedAt)}>
        Approved by {record.approvedBy} on {formatDate(record.approvedAt)}
      </span>
    ) : null

  const banner = refusal ? (
    <div className="banner banner--error approval-refused" role="alert">
      <div className="approval-refused__head">
        <strong>Approval refused.</strong> Resolve these first:
        <button type="button" className="button button--small button--quiet" onClick={() => setRefusal(null)} aria-label="Dismiss">
          ✕
        </button>
      </div>
      <ul>
        {refusal.map((reason, index) => (
          <li key={index}>{reason}</li>
        ))}
      </ul>
    </div>
  ) : null
  return { actions, banner }
}

/**
 * The record's status. "Approved" can only come from the Approve action (which checks the
 * record and records who approved it), so the list offers it only to a record already approved.
 */
export function StatusField() {
  const { register, formState } = useFormContext<RecordFormInput>()
  const stored = formState.defaultValues?.status
  const current = useWatch<RecordFormInput, 'status'>({ name: 'status' })
  const id = useId()
  return (
    <FieldShell label="Status" htmlFor={id} hint={current === 'in-review' ? 'Approve with the Approve button at the top once the findings allow it.' : undefined}>
      <select id={id} {...register('status')}>
        {Object.entries(RECORD_STATUS_LABELS).map(([key, label]) =>
          key === 'approved' && stored !== 'approved' ? (
            <option key={key} value={key} disabled>
              {label} (use Approve)
            </option>
          ) : (
            <option key={key} value={key}>
              {label}
            </option>
          )
        )}
      </select>
    </FieldShell>
  )
}

/** The Organisation page's "Review and approval" settings. */
export function ApprovalSettingsSection() {
  const stored = useLiveQuery(() => approvals.getSettings().then((settings) => settings.separateApprover))
  // The box ticks at once; the value being saved shows until the stored one catches up.
  const [saving, setSaving] = useState<boolean | undefined>(undefined)
  if (saving !== undefined && stored === saving) setSaving(undefined)
  const separate = saving ?? stored
  const id = useId()
  const change = useAsyncAction(async (value: boolean) => {
    setSaving(value)
    try {
      await approvals.saveSettings({ separateApprover: value })
    } catch (error) {
      // Not saved: the box shows what is stored again.
      setSaving(undefined)
      throw error
    }
    toast.success(value ? 'Someone other than the last editor must now approve each record' : 'The last editor may now approve a record')
  }, 'Could not change the approval setting')
  return (
    <section className="section" id="settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Review and approval</h2>
      <div className="field field--checkbox">
        <input id={id} type="checkbox" checked={separate ?? false} disabled={separate === undefined || change.busy} onChange={(event) => void change.run(event.target.checked)} />
        <label htmlFor={id}>Require a separate approver: the person who last edited a record may not approve it</label>
      </div>
      <p className="field__hint">The last editor is taken from the record's audit trail. Changing this setting is itself recorded in the audit trail.</p>
    </section>
  )
}
