/** The register's "Finding" filter: a severity, "no findings", or one rule that is not met. */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding } from '@core/checks/finding'
import { findingFilterOptions, type FindingFilter } from './register-health'

export function FindingFilterSelect({ value, onChange, findingsByRecord }: { value: FindingFilter; onChange: (value: FindingFilter) => void; findingsByRecord: ReadonlyMap<string, readonly Finding[]> }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  // The labels are worked out in the interface's language: a change of language works them out again.
  const options = useMemo(() => (void language, findingFilterOptions(findingsByRecord)), [findingsByRecord, language])
  return (
    <label className="filter filter--finding">
      <span>{t('health.filter.label')}</span>
      <select value={value} aria-label={t('health.filter.label')} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('common.all')}</option>
        <optgroup label={t('health.filter.health')}>
          {options.severities.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
        {options.rules.length > 0 ? (
          <optgroup label={t('health.filter.ruleNotMet')}>
            {options.rules.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ) : null}
        {/* A rule chosen earlier that no longer fires stays selectable, so the select never lies about the filter. */}
        {value.startsWith('rule:') && !options.rules.some((option) => option.value === value) ? <option value={value}>{value.slice(5)} (0)</option> : null}
      </select>
    </label>
  )
}
