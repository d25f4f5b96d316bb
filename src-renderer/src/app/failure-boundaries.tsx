/**
 * A page that throws while rendering gets an error screen (what failed, "Try again", the way
 * back to the register) instead of a blank window; so does a failure outside any page.
 */
import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { describeFailure } from '../ui/failure-text'
import { useNavigation } from './navigation'

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
