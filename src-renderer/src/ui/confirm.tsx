/** An accessible confirmation dialog (native <dialog>), asked for with `await confirm(...)`. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ConfirmRequest {
  title: string
  message: ReactNode
  confirmLabel: string
  cancelLabel?: string
  danger?: boolean
}

export type Confirm = (request: ConfirmRequest) => Promise<boolean>

const ConfirmContext = createContext<Confirm>(() => Promise.resolve(false))

export function useConfirm(): Confirm {
  return useContext(ConfirmContext)
}

export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const [pending, setPending] = useState<(ConfirmRequest & { resolve: (answer: boolean) => void }) | null>(null)
  const dialogRef = useRef<HTMLDialogElement>(null)

  const confirm = useCallback<Confirm>((request) => new Promise((resolve) => setPending({ ...request, resolve })), [])

  useEffect(() => {
    if (pending && !dialogRef.current?.open) dialogRef.current?.showModal()
  }, [pending])

  const answer = (value: boolean) => {
    pending?.resolve(value)
    setPending(null)
    dialogRef.current?.close()
  }

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <dialog ref={dialogRef} className="dialog" aria-labelledby="confirm-title" onCancel={(event) => { event.preventDefault(); answer(false) }}>
        {pending ? (
          <form method="dialog" onSubmit={(event) => { event.preventDefault(); answer(true) }}>
            <h2 id="confirm-title">{pending.title}</h2>
            <div className="dialog__body">{pending.message}</div>
            <div className="dialog__actions">
              <button type="button" className="button" onClick={() => answer(false)} autoFocus>
                {pending.cancelLabel ?? t('common.cancel')}
              </button>
              <button type="submit" className={`button ${pending.danger ? 'button--danger' : 'button--primary'}`}>
                {pending.confirmLabel}
              </button>
            </div>
          </form>
        ) : null}
      </dialog>
    </ConfirmContext.Provider>
  )
}
