/**
 * Failures nobody caught: a page that throws while rendering gets an error screen (what
 * failed, "Try again", the way back to the register) instead of a blank window, and a
 * rejected promise or error outside React gets a toast.
 */
import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { toast } from 'sonner'
import { useNavigation } from '../app/navigation'
import { describeFailure } from './failure-text'

function RouteFailure({ error, resetErrorBoundary }: FallbackProps) {
  const { navigate } = useNavigation()
  return (
    <main className="page route-failure" role="alert" aria-labelledby="route-failure-title">
      <h1 id="route-failure-title">This page could not be shown</h1>
      <p>{describeFailure('Something went wrong while showing it', error)}</p>
      <p className="muted">Nothing was changed by this error. Your data is stored as it was.</p>
      <div className="route-failure__actions">
        <button type="button" className="button button--primary" onClick={() => resetErrorBoundary()}>
          Try again
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            resetErrorBoundary()
            void navigate('/')
          }}
        >
          Back to the register
        </button>
      </div>
    </main>
  )
}

/** One boundary around the page on screen; moving to another address clears the failure. */
export function RouteBoundary({ location, children }: { location: string; children: ReactNode }) {
  return (
    <ErrorBoundary FallbackComponent={RouteFailure} resetKeys={[location]} onError={(error) => console.error('Page failed to render', error)}>
      {children}
    </ErrorBoundary>
  )
}

function AppFailure({ error }: FallbackProps) {
  return (
    <main className="page page--narrow route-failure" role="alert" aria-labelledby="app-failure-title">
      <h1 id="app-failure-title">The register could not be opened</h1>
      <p>{describeFailure('Something went wrong', error)}</p>
      <p className="muted">Nothing was changed by this error. Your data is stored as it was.</p>
      <div className="route-failure__actions">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Reload the app
        </button>
      </div>
    </main>
  )
}

/** The last line: a failure outside any page (opening the database, the top bar) still says what happened. */
export function AppBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary FallbackComponent={AppFailure} onError={(error) => console.error('The app failed to render', error)}>
      {children}
    </ErrorBoundary>
  )
}

/** Tells the user about errors that escaped every handler. They still reach the console. */
export function installGlobalFailureReporting(target: Window = window): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    toast.error(describeFailure('Something went wrong', event.reason), { duration: 15_000 })
  }
  const onError = (event: ErrorEvent) => {
    // Errors loading an image or script have no `error`; they are not the user's business.
    if (event.error === undefined && !event.message) return
    toast.error(describeFailure('Something went wrong', event.error ?? event.message), { duration: 15_000 })
  }
  target.addEventListener('unhandledrejection', onRejection)
  target.addEventListener('error', onError)
  return () => {
    target.removeEventListener('unhandledrejection', onRejection)
    target.removeEventListener('error', onError)
  }
}
