import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import { Toaster } from 'sonner'
import { Route, Router, Switch, useLocation } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import type { RecordRole } from '@core/records/enums'
import { OrganisationPage, SetupPage } from '../organisation/OrganisationPages'
import { RecordEditorPage } from '../records/RecordEditorPage'
import { RegisterPage } from '../records/RegisterPage'
import { FromTemplatePage } from '../templates/FromTemplatePage'
import { PackPage } from '../templates/PackPage'
import { TemplateLibraryPage } from '../templates/TemplateLibraryPage'
import { VendorPage, VendorsPage } from '../templates/VendorsPages'
import { AuditPage, AuditTrailWarning } from '../checks/AuditPage'
import { DashboardPage } from '../dashboard/DashboardPage'
import { startAutomaticBackups } from '../export/backup-service'
import { ImportExportPage } from '../export/ImportExportPage'
import { MigrationPage } from '../migration/MigrationPage'
import { ConfirmProvider } from '../ui/confirm'
import { installGlobalFailureReporting } from '../ui/global-failure-reporting'
import { RouteBoundary } from './failure-boundaries'
import { NavLink, NavigationProvider } from './navigation'
import { repository } from './services'
import { templateRepository } from '../templates/template-services'
import { LanguagePicker } from '../i18n/LanguagePicker'

/** The organisation's name (null before setup, undefined while reading), following changes made in any window. */
function useOrganisationName(): string | null | undefined {
  return useLiveQuery(async () => (await repository.getOrganisation())?.controller.name ?? null)
}

function TopBar({ organisationName }: { organisationName: string }) {
  const { t } = useTranslation()
  const [location] = useLocation()
  const section = location.startsWith('/organisation') ? 'organisation' : /^\/(templates|vendors)(\/|$)/.test(location) ? 'templates' : 'register'
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__logo" aria-hidden="true">§30</span>
        <span>
          <strong>RoPA Manager</strong>
          <span className="topbar__org">{organisationName}</span>
        </span>
      </div>
      <nav className="topbar__nav" aria-label={t('app.nav.main')}>
        <NavLink to="/" current={section === 'register' && !location.startsWith('/data') && !location.startsWith('/dashboard') && !location.startsWith('/audit')}>
          {t('app.nav.register')}
        </NavLink>
        <NavLink to="/dashboard" current={location.startsWith('/dashboard')}>
          {t('app.nav.dashboard')}
        </NavLink>
        <NavLink to="/organisation" current={section === 'organisation'}>
          {t('app.nav.organisation')}
        </NavLink>
        <NavLink to="/templates" current={location.startsWith('/templates')}>
          {t('app.nav.templates')}
        </NavLink>
        <NavLink to="/vendors" current={location.startsWith('/vendors')}>
          {t('app.nav.vendors')}
        </NavLink>
        <NavLink to="/data" current={location.startsWith('/data')}>
          {t('app.nav.data')}
        </NavLink>
        <NavLink to="/audit" current={location.startsWith('/audit')}>
          {t('app.nav.audit')}
        </NavLink>
      </nav>
      <LanguagePicker className="topbar__language" />
    </header>
  )
}

/**
 * "Skip to main content", the first thing Tab reaches. The app routes by the address's hash,
 * so the link moves focus itself instead of jumping to `#main-content`.
 */
function SkipLink() {
  const { t } = useTranslation()
  return (
    <a
      className="skip-link"
      href="#main-content"
      onClick={(event) => {
        event.preventDefault()
        document.getElementById('main-content')?.focus()
      }}
    >
      {t('app.skipLink')}
    </a>
  )
}

function Routes() {
  const [location] = useLocation()
  return (
    <div id="main-content" className="route" tabIndex={-1}>
      <RouteBoundary location={location}>
        <RouteSwitch />
      </RouteBoundary>
    </div>
  )
}

function RouteSwitch() {
  return (
    <Switch>
      <Route path="/records/from-template/:packId/:activityId/:perspective?">
        {(params) => <FromTemplatePage key={`${params.packId}/${params.activityId}`} packId={params.packId} activityId={params.activityId} perspective={params.perspective} />}
      </Route>
      <Route path="/records/new/:role">{(params) => <RecordEditorPage key={`new-${params.role}`} target={{ kind: 'new', role: params.role as RecordRole }} />}</Route>
      <Route path="/records/:id">{(params) => <RecordEditorPage key={params.id} target={{ kind: 'existing', id: params.id }} />}</Route>
      <Route path="/templates/:packId">{(params) => <PackPage key={params.packId} packId={params.packId} />}</Route>
      <Route path="/templates">
        <TemplateLibraryPage />
      </Route>
      <Route path="/vendors/:vendorId">{(params) => <VendorPage key={params.vendorId} vendorId={params.vendorId} />}</Route>
      <Route path="/vendors">
        <VendorsPage />
      </Route>
      <Route path="/organisation">
        <OrganisationPage />
      </Route>
      <Route path="/dashboard">
        <DashboardPage />
      </Route>
      <Route path="/audit">
        <AuditPage />
      </Route>
      <Route path="/data/migrate">
        <MigrationPage />
      </Route>
      <Route path="/data">
        <ImportExportPage />
      </Route>
      <Route>
        <RegisterPage />
      </Route>
    </Switch>
  )
}

export function App() {
  // Subscribes the whole tree to a change of language: everything below renders again in it.
  const { t } = useTranslation()
  const organisationName = useOrganisationName()
  useEffect(() => installGlobalFailureReporting(), [])
  useEffect(() => void startAutomaticBackups(), [])
  // The dashboard's figures are worked out in idle time after each check run, ahead of a visit.
  useEffect(() => {
    if (!organisationName) return
    // The shipped packs are installed once the app is set up, after the register's first paint.
    const timer = setTimeout(() => void templateRepository.ensureShippedPacks(), 1500)
    return () => clearTimeout(timer)
  }, [organisationName])
  return (
    <Router hook={useHashLocation}>
      <ConfirmProvider>
        <NavigationProvider>
          {organisationName === undefined ? (
            <main className="page">{t('app.opening')}</main>
          ) : organisationName === null ? (
            <SetupPage onDone={() => undefined} />
          ) : (
            <>
              <SkipLink />
              <TopBar organisationName={organisationName} />
              <AuditTrailWarning />
              <Routes />
            </>
          )}
          <Toaster position="bottom-right" richColors closeButton />
        </NavigationProvider>
      </ConfirmProvider>
    </Router>
  )
}
