/**
 * A page that throws while rendering gets an error screen (what failed, "Try again", the way
 * back to the register) instead of a blank window; so does a failure outside any page.
 */
import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { useTranslation } from 'react-i18next'
import { describeFailure } from '../ui/failure-text'
import { useNavigation } from './navigation'

/** What a failure screen says: what could not be shown, why in words, and the ways on. */
function FailureScreen({ id, title, failure, error, narrow = false, children }: { id: string; title: string; failure: string; error: unknown; narrow?: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <main className={`page${narrow ? ' page--narrow' : ''} route-failure`} role="alert" aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      <p>{describeFailure(failure, error)}</p>
      <p className="muted">{t('app.failure.nothingChanged')}</p>
      <div className="route-failure__actions">{children}</div>
    </main>
  )
}

function RouteFailure({ error, resetErrorBoundary }: FallbackProps) {
  const { navigate } = useNavigation()
  const { t } = useTranslation()
  return (
    <FailureScreen id="route-failure-title" title={t('app.failure.pageTitle')} failure={t('app.failure.pageFailure')} error={error}>
      <button type="button" className="button button--primary" onClick={() => resetErrorBoundary()}>
        {t('app.failure.tryAgain')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          resetErrorBoundary()
          void navigate('/')
        }}
      >
        {t('app.failure.backToRegister')}
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
  const { t } = useTranslation()
  return (
    <FailureScreen id="app-failure-title" title={t('app.failure.appTitle')} failure={t('app.failure.appFailure')} error={error} narrow>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('app.failure.reload')}
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
