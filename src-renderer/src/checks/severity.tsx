/** How a severity and a record's health look: a shape as well as a colour, and always a text label. */
import type { Severity } from '@core/checks/finding'
import type { Health } from './checks-store'

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' }
export const HEALTH_LABELS: Record<Health, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes', ok: 'OK' }

const SYMBOLS: Record<Health, string> = { error: '✕', warning: '!', info: 'i', ok: '✓' }

export function SeverityIcon({ severity }: { severity: Health }) {
  return (
    <span className={`severity-icon severity-icon--${severity}`} aria-hidden="true">
      {SYMBOLS[severity]}
    </span>
  )
}

/** A record's health in the register: the worst severity of its findings, with an accessible label. */
export function HealthBadge({ health, counts }: { health: Health | undefined; counts?: string }) {
  if (health === undefined) return <span className="health health--pending" aria-label="Health: checking">…</span>
  const label = health === 'ok' ? 'No findings' : `${HEALTH_LABELS[health]}${counts ? `: ${counts}` : ''}`
  return (
    <span className={`health health--${health}`} aria-label={`Health: ${label}`} title={label}>
      <SeverityIcon severity={health} />
      <span className="health__text">{HEALTH_LABELS[health]}</span>
    </span>
  )
}
