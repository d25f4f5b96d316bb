/**
 * When the record open in this editor was saved elsewhere (another window or tab): the
 * choices, and the compare view of the DPO's version next to the stored one, field by field.
 */
import { useEffect, useRef, useState } from 'react'
import { differencesFromStored } from '@core/records/compare'
import type { RecordFormInput, StoredRecord } from '@core/records/model'
import { describeFieldValue } from '@core/records/field-names'

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
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [comparing, setComparing] = useState(!edit.refused)
  useEffect(() => {
    if (!dialogRef.current?.open) dialogRef.current?.showModal()
  }, [])
  const { stored } = edit
  const differences = comparing ? differencesFromStored(edit.yours, stored) : []
  const when = stored.updatedAt ? new Date(stored.updatedAt).toLocaleString() : ''
  return (
    <dialog ref={dialogRef} className="dialog dialog--wide" aria-labelledby="stale-title" aria-describedby="stale-message" onCancel={(event) => { event.preventDefault(); onCancel() }}>
      <h2 id="stale-title">{edit.refused ? `Not saved: ${stored.reference} was changed elsewhere` : `${stored.reference} was changed elsewhere`}</h2>
      <div className="dialog__body">
        <p id="stale-message">
          Since you opened it (revision {edit.baseRevision}), this record was saved in another window or tab: the stored version is now revision {stored.revision}
          {when ? `, saved ${when}` : ''}. {edit.refused ? 'Your save was refused so that it would not silently undo that change; nothing was saved.' : 'Your changes are not saved yet.'}
        </p>
        <p>Compare the two versions, load the stored one (your unsaved changes are discarded), or keep yours on purpose (the audit trail records that it overwrote revision {stored.revision}).</p>
        {comparing ? (
          differences.length === 0 ? (
            <p role="status">Your version and the stored one say the same.</p>
          ) : (
            <div className="compare">
              <table className="history__changes compare__table">
                <caption className="visually-hidden">Your version compared with the stored revision {stored.revision}</caption>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Your value</th>
                    <th scope="col">Stored value (revision {stored.revision})</th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((difference) => (
                    <tr key={difference.field}>
                      <th scope="row">{difference.label}</th>
                      <td className="compare__value">{describeFieldValue(difference.field, difference.yours)}</td>
                      <td className="compare__value">{describeFieldValue(difference.field, difference.stored)}</td>
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
          Keep editing
        </button>
        {comparing ? null : (
          <button type="button" className="button" onClick={() => setComparing(true)}>
            Compare changes
          </button>
        )}
        <button type="button" className="button" onClick={onReload} disabled={busy}>
          Load the stored version
        </button>
        <button type="button" className="button button--danger" onClick={onKeepMine} disabled={busy}>
          Keep mine (overwrite revision {stored.revision})
        </button>
      </div>
    </dialog>
  )
}
