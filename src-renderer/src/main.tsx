// First: the interface's language is set before any component renders.
import './i18n/i18n'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { toValidatedRecord } from '@core/records/validated-record'
import { App } from './app/App'
import { database, repository } from './app/services'
import { checksStore } from './checks/checks-services'
import { backupRepository } from './export/backup-service'
import { AppBoundary } from './app/failure-boundaries'
import './styles.css'

// `npm run bench` opens the app with ?bench to seed data through the real repository.
if (new URLSearchParams(window.location.search).has('bench')) Object.assign(window, { ropaBench: { database, repository, backupRepository, checksStore, toValidatedRecord } })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppBoundary>
      <App />
    </AppBoundary>
  </StrictMode>
)
