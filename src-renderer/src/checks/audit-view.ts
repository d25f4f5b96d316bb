/** Plain helpers for the audit trail page: how entries, changes and a chain break read, in the interface's language. */
import type { AuditEntry, ChainVerification } from '@core/audit/audit-chain'
import type { FieldChange } from '@core/records/diff'
import { fieldInWords, valueInWords } from '../i18n/findings'
import { t } from '../i18n/i18n'
import { messageIn } from '../i18n/messages'
import { formatDateTime } from '../ui/dates'
import { formatNumber } from '../ui/numbers'

/** A date-time as the DPO reads it, in their own zone and locale, to the second; the ISO value stays in the cell's title. */
export const formatWhen = (iso: string): string => formatDateTime(iso, { seconds: true })

export { auditEntityLabel as entityLabel } from '../i18n/messages'

/** A stored value as one line, cut at `maxChars`. */
function valueLine(field: string, value: unknown, maxChars: number): string {
  const text = valueInWords(field, value)
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text
}

/** "Purpose 1 › Lawful basis: (empty) → Art. 6(1)(b) Contract", in the interface's language. */
export function changeText(change: FieldChange, maxChars = 160): string {
  return `${fieldInWords(change.field)}: ${valueLine(change.field, change.before, maxChars)} → ${valueLine(change.field, change.after, maxChars)}`
}

/**
 * The verification result in words. A break names the entry by its number in the log (its
 * `seq`, as the table shows it), its position, when it was recorded and why it fails.
 */
export function describeVerification(result: ChainVerification, entries: readonly AuditEntry[]): { ok: boolean; title: string; detail: string } {
  if (result.ok) {
    return { ok: true, title: t('audit.verifiedTitle'), detail: t('audit.verifiedDetail', { count: result.entries, n: formatNumber(result.entries) }) }
  }
  const { index, seq, reason, reasonRef, kind } = result.firstBreak
  const why = messageIn(reasonRef, reason)
  if (kind === 'anchor') {
    return { ok: false, title: t('audit.anchorTitle'), detail: t('audit.anchorDetail', { reason: `${why.charAt(0).toUpperCase()}${why.slice(1)}` }) }
  }
  const entry = entries[index]
  const number = String(seq ?? index + 1)
  const where = { entry: number, position: formatNumber(index + 1), total: formatNumber(result.entries), reason: why }
  const detail = !entry
    ? t('audit.brokenDetail', where)
    : entry.actor
      ? t('audit.brokenDetailWho', { ...where, when: formatWhen(entry.at), who: entry.actor })
      : t('audit.brokenDetailWhen', { ...where, when: formatWhen(entry.at) })
  return { ok: false, title: t('audit.brokenTitle', { entry: number }), detail }
}
