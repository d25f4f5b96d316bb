/**
 * When the record open in this editor was saved elsewhere (another window or tab): the
 * choices, and the compare view of the DPO's version next to the stored one, field by field.
 */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../ui/dates'
import { differencesFromStored } from '@core/records/compare'
import type { RecordFormInput, StoredRecord } from '@core/records/model'
import { valueInWords } from '../i18n/findings'

export interface StaleEdit {
  /** What is stored now. */
  stored: StoredRecord
  /** The DPO's unsaved version. */
  yours: RecordFormInput
  /** The revision the DPO started from. */
  baseRevision: number
  /** True when a save was just refused; false when the DPO asked to compare before saving. */
  refused: boolean
}

interface StaleSaveDialogProps {
  edit: StaleEdit
  busy: boolean
  /** Discard the unsaved changes and show the stored version. */
  onReload: () => void
  /** Save the DPO's version over the stored revision, on purpose. */
  onKeepMine: () => void
  /** Close and keep editing; nothing is saved. */
  onCancel: () => void
}

export function StaleSaveDialog({ edit, busy, onReload, onKeepMine, onCancel }: StaleSaveDialogProps) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [comparing, setComparing] = useState(!edit.refused)
  useEffect(() => {
    if (!dialogRef.current?.open) dialogRef.current?.showModal()
  }, [])
  const { stored } = edit
  const differences = comparing ? differencesFromStored(edit.yours, stored) : []
  const when = stored.updatedAt ? formatDateTime(stored.updatedAt) : ''
  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby="stale-title" aria-describedby="stale-message" onCancel={(event) => { event.preventDefault(); onCancel() }}>
      <h2 id="stale-title">{edit.refused ? t('stale.refusedTitle', { reference: stored.reference }) : t('stale.title', { reference: stored.reference })}</h2>
      <div className="dialog__body">
        <p id="stale-message">
          {when ? t('stale.sinceWhen', { base: edit.baseRevision, revision: stored.revision, when }) : t('stale.since', { base: edit.baseRevision, revision: stored.revision })}{' '}
          {edit.refused ? t('stale.refused') : t('stale.notYet')}
        </p>
        <p>{t('stale.choices', { revision: stored.revision })}</p>
        {comparing ? (
          differences.length === 0 ? (
            <p role="status">{t('stale.same')}</p>
          ) : (
            <div className="compare">
              <table className="history__changes compare__table">
                <caption className="visually-hidden">{t('stale.caption', { revision: stored.revision })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('stale.field')}</th>
                    <th scope="col">{t('stale.yours')}</th>
                    <th scope="col">{t('stale.stored', { revision: stored.revision })}</th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((difference) => (
                    <tr key={difference.field}>
                      <th scope="row">{difference.label}</th>
                      <td className="compare__value">{valueInWords(difference.field, difference.yours)}</td>
                      <td className="compare__value">{valueInWords(difference.field, difference.stored)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t('editor.keepEditing')}
        </button>
        {comparing ? null : (
          <button type="button" className="button" onClick={() => setComparing(true)}>
            {t('editor.compare')}
          </button>
        )}
        <button type="button" className="button" onClick={onReload} disabled={busy}>
          {t('editor.loadStored')}
        </button>
        <button type="button" className="button button--danger" onClick={onKeepMine} disabled={busy}>
          {t('stale.keepMine', { revision: stored.revision })}
        </button>
      </div>
    </dialog>
  )
}
