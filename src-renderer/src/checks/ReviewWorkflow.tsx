/**
 * The review workflow in the editor: draft → in review (submit) → approved (the core's
 * approval gate decides) → archived; the status field that cannot bypass the gate; and the
 * "separate approver" setting on the Organisation page.
 */
import { useId, useState, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useFormContext, useWatch } from 'react-hook-form'
import { toast } from 'sonner'
import { Trans, useTranslation } from 'react-i18next'
import type { MessageRef } from '@core/i18n/message'
import { enumLabels } from '../i18n/labels'
import { messageIn } from '../i18n/messages'
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
  const { t } = useTranslation()
  // A refusal belongs to the version it was given for: a newer or another record hides it.
  const version = `${record?.id ?? ''}@${record?.revision ?? 0}`
  const [refused, setRefused] = useState<{ version: string; reasons: MessageRef[] } | null>(null)
  const refusal = refused?.version === version ? refused.reasons : null
  const setRefusal = (reasons: MessageRef[] | null) => setRefused(reasons ? { version, reasons } : null)

  const submitForReview = useAsyncAction(async (current: StoredRecord) => {
    // Against the revision on screen: a record changed elsewhere is refused (StaleRecordError says so) and looked at again first.
    const saved = await repository.updateRecord(current.id, { ...formOfRecord(current), status: 'in-review' }, { revision: current.revision })
    onChanged(saved)
    toast.success(t('review.submitted', { reference: saved.reference }))
  }, t('review.couldNotSubmit'))
  const approve = useAsyncAction(async (current: StoredRecord) => {
    const result = await approvals.approve(current.id)
    if (!result.ok) {
      setRefusal(result.reasonRefs)
      return
    }
    setRefusal(null)
    onChanged(result.record)
    toast.success(t('review.approved', { reference: result.record.reference, date: formatDate(result.record.nextReview) }))
  }, t('review.couldNotApprove'))
  const busy = submitForReview.busy || approve.busy

  if (!record) return { actions: null, banner: null }

  const saveFirst = dirty ? t('review.saveFirst') : undefined
  const actions =
    record.status === 'draft' ? (
      <button type="button" className="button" onClick={() => void submitForReview.run(record)} disabled={dirty || busy} title={saveFirst}>
        {t('review.submit')}
      </button>
    ) : record.status === 'in-review' ? (
      <button type="button" className="button button--approve" onClick={() => void approve.run(record)} disabled={dirty || busy} title={saveFirst}>
        {t('review.approve')}
      </button>
    ) : record.status === 'approved' && record.approvedBy ? (
      <span className="approved-by" title={formatDateTime(record.approvedAt)}>
        {t('review.approvedBy', { name: record.approvedBy, date: formatDate(record.approvedAt) })}
      </span>
    ) : null

  const banner = refusal ? (
    <div className="banner banner--error approval-refused" role="alert">
      <div className="approval-refused__head">
        <Trans t={t} i18nKey="review.refused" components={{ strong: <strong /> }} />
        <button type="button" className="button button--small button--quiet" onClick={() => setRefusal(null)} aria-label={t('review.dismiss')}>
          ✕
        </button>
      </div>
      <ul>
        {refusal.map((reason, index) => (
          <li key={index}>{messageIn(reason)}</li>
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
  const { t } = useTranslation()
  const { register, formState } = useFormContext<RecordFormInput>()
  const stored = formState.defaultValues?.status
  const current = useWatch<RecordFormInput, 'status'>({ name: 'status' })
  const id = useId()
  return (
    <FieldShell label={t('review.status')} htmlFor={id} hint={current === 'in-review' ? t('review.statusHint') : undefined}>
      <select id={id} {...register('status')}>
        {Object.entries(enumLabels('RECORD_STATUS_LABELS')).map(([key, label]) =>
          key === 'approved' && stored !== 'approved' ? (
            <option key={key} value={key} disabled>
              {t('review.useApprove', { label })}
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
  const { t } = useTranslation()
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
    toast.success(value ? t('review.separateOn') : t('review.separateOff'))
  }, t('review.couldNotChangeSetting'))
  return (
    <section className="section" id="settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.settingsTitle')}</h2>
      <div className="field field--checkbox">
        <input id={id} type="checkbox" checked={separate ?? false} disabled={separate === undefined || change.busy} onChange={(event) => void change.run(event.target.checked)} />
        <label htmlFor={id}>{t('review.separateApprover')}</label>
      </div>
      <p className="field__hint">{t('review.separateApproverHint')}</p>
    </section>
  )
}
