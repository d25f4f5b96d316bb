/** The register's "finding" filter: by severity or by rule, over the findings the checks store holds. */
import type { Finding, Severity } from '@core/checks/finding'
import { SEVERITIES } from '@core/checks/finding'
import { ruleById } from '@core/checks/rules'
import { lookupText } from '@core/i18n/catalogues'
import { articleInWords } from '../i18n/findings'
import { currentLocale, t } from '../i18n/i18n'
import { formatNumber } from '../ui/numbers'

/** '' (any), `severity:<error|warning|info>`, `rule:<rule id>` or 'ok' (no findings). */
export type FindingFilter = string

export function matchesFindingFilter(findings: readonly Finding[] | undefined, filter: FindingFilter): boolean {
  if (filter === '') return true
  // Not yet checked: shown only when nothing is asked of it.
  if (findings === undefined) return false
  if (filter === 'ok') return findings.length === 0
  if (filter.startsWith('severity:')) {
    const severity = filter.slice('severity:'.length)
    return findings.some((finding) => finding.severity === severity)
  }
  if (filter.startsWith('rule:')) {
    const ruleId = filter.slice('rule:'.length)
    return findings.some((finding) => finding.ruleId === ruleId)
  }
  return true
}

export interface FindingFilterOption {
  value: FindingFilter
  label: string
}

/**
 * The filter's choices: each severity, "no findings", then every rule that fires in the
 * register, with the number of records it fires on, most frequent first.
 */
export function findingFilterOptions(findingsByRecord: ReadonlyMap<string, readonly Finding[]>): { severities: FindingFilterOption[]; rules: FindingFilterOption[] } {
  const recordsPerSeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  const recordsPerRule = new Map<string, { count: number; article: string }>()
  let clean = 0
  for (const findings of findingsByRecord.values()) {
    if (findings.length === 0) clean += 1
    const severities = new Set<Severity>()
    const rules = new Set<string>()
    for (const finding of findings) {
      severities.add(finding.severity)
      if (rules.has(finding.ruleId)) continue
      rules.add(finding.ruleId)
      const entry = recordsPerRule.get(finding.ruleId)
      if (entry) entry.count += 1
      else recordsPerRule.set(finding.ruleId, { count: 1, article: finding.article })
    }
    for (const severity of severities) recordsPerSeverity[severity] += 1
  }
  const severities = [
    ...SEVERITIES.map((severity) => ({ value: `severity:${severity}`, label: t(`health.filter.any.${severity}`, { n: formatNumber(recordsPerSeverity[severity]) }) })),
    { value: 'ok', label: t('health.filter.none', { n: formatNumber(clean) }) }
  ]
  const rules = [...recordsPerRule.entries()]
    .sort(([a, left], [b, right]) => right.count - left.count || (a < b ? -1 : 1))
    .map(([ruleId, { count, article }]) => ({ value: `rule:${ruleId}`, label: `${ruleLabel(ruleId, article)} (${count})` }))
  return { severities, rules }
}

/** What a rule asks, with its article: "Each purpose has an Art. 6 lawful basis — Art. 6(1)". */
export function ruleLabel(ruleId: string, fallbackArticle = ''): string {
  const rule = ruleById(ruleId)
  if (!rule) return fallbackArticle ? `${ruleId} — ${fallbackArticle}` : ruleId
  // The rule's title in the interface's language (its English description where the catalogue has none).
  const description = lookupText(currentLocale(), `rules:${rule.id}`).replace(/\.$/, '')
  const title = description === rule.id ? rule.description.replace(/\.$/, '') : description
  return rule.description.includes(rule.article.replace(/^Art\. /, '')) ? title : `${title} — ${articleInWords(rule.article)}`
}

/** "2 errors, 1 warning, 3 info" (severities with none left out). */
export function severityCountsText(counts: Record<Severity, number>): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => {
      const count = counts[severity]
      return t(`health.count.${severity}`, { count, n: formatNumber(count) })
    })
    .join(', ')
}

/** A record's findings counted by severity, for its health tooltip. */
export function countsText(findings: readonly Finding[] | undefined): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  for (const finding of findings ?? []) counts[finding.severity] += 1
  return severityCountsText(counts)
}
