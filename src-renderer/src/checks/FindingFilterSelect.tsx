/** The register's "Finding" filter: a severity, "no findings", or one rule that is not met. */
import { useMemo } from 'react'
import type { Finding } from '@core/checks/finding'
import { findingFilterOptions, type FindingFilter } from './register-health'

export function FindingFilterSelect({ value, onChange, findingsByRecord }: { value: FindingFilter; onChange: (value: FindingFilter) => void; findingsByRecord: ReadonlyMap<string, readonly Finding[]> }) {
  const options = useMemo(() => findingFilterOptions(findingsByRecord), [findingsByRecord])
  return (
    <label className="filter filter--finding">
      <span>Finding</span>
      <select value={value} aria-label="Finding" onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        <optgroup label="Health">
          {options.severities.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
        {options.rules.length > 0 ? (
          <optgroup label="Rule not met">
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
