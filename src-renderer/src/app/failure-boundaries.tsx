/**
 * A page that throws while rendering gets an error screen (what failed, "Try again", the way
 * back to the register) instead of a blank window; so does a failure outside any page.
 */
import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { describeFailure } from '../ui/failure-text'
import { useNavigation } from './navigation'

/** What a failure screen says: what could not be shown, why in words, and the ways on. */
function FailureScreen({ id, title, failure, error, narrow = false, children }: { id: string; title: string; failure: string; error: unknown; narrow?: boolean; children: ReactNode }) {
  return (
    <main className={`page${narrow ? ' page--narrow' : ''} route-failure`} role="alert" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <p>{describeFailure(failure, error)}</p>
      <p className="muted">Nothing was changed by this error. Your data is stored as it was.</p>
      <div className="route-failure__actions">{children}</div>
    </main>
  )
}

function RouteFailure({ error, resetErrorBoundary }: FallbackProps) {
  const { navigate } = useNavigation()
  return (
    <FailureScreen id="route-failure-title" title="This page could not be shown" failure="Something went wrong while showing it" error={error}>
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
    </FailureScreen>
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
    <FailureScreen id="app-failure-title" title="The register could not be opened" failure="Something went wrong" error={error} narrow>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        Reload the app
      </button>
    </FailureScreen>
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
