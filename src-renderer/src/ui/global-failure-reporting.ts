/** Errors that escaped every handler (a rejected promise, an error outside React) are told in a toast. */
import { toast } from 'sonner'
import { describeFailure } from './failure-text'
import { t } from '../i18n/i18n'

/** Tells the user about errors that escaped every handler. They still reach the console. */
export function installGlobalFailureReporting(target: Window = window): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    toast.error(describeFailure(t('failure.somethingWentWrong'), event.reason), { duration: 15_000 })
  }
  const onError = (event: ErrorEvent) => {
    // Errors loading an image or script have no `error`; they are not the user's business.
    if (event.error === undefined && !event.message) return
    toast.error(describeFailure(t('failure.somethingWentWrong'), event.error ?? event.message), { duration: 15_000 })
  }
  target.addEventListener('unhandledrejection', onRejection)
  target.addEventListener('error', onError)
  return () => {
    target.removeEventListener('unhandledrejection', onRejection)
    target.removeEventListener('error', onError)
  }
}
