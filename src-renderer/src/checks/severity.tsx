/** How a severity and a record's health look: a shape as well as a colour, and always a text label. */
import type { Severity } from '@core/checks/finding'
import type { Health } from './checks-store'
import { t } from '../i18n/i18n'

/** A severity's name in the interface's language ("Error", « Erreur », „Fehler“). */
export const severityLabel = (severity: Severity): string => t(`health.severity.${severity}`)
/** A record's health in the interface's language. */
export const healthLabel = (health: Health): string => t(`health.label.${health}`)

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
  if (health === undefined) return <span className="health health--pending" aria-label={t('health.checking')}>…</span>
  const label = health === 'ok' ? t('health.noFindings') : counts ? t('health.withCounts', { label: healthLabel(health), counts }) : healthLabel(health)
  return (
    <span className={`health health--${health}`} aria-label={t('health.aria', { label })} title={label}>
      <SeverityIcon severity={health} />
      <span className="health__text">{healthLabel(health)}</span>
    </span>
  )
}
