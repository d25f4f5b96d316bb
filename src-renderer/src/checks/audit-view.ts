/** Plain helpers for the audit trail page: how entries, changes and a chain break read. */
import type { AuditEntry, ChainVerification } from '@core/audit/audit-chain'
import { formatDateTime } from '../ui/dates'

export { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, changeText, changeValueText } from '@core/audit/audit-text'

/** A date-time as the DPO reads it, in their own zone and locale, to the second; the ISO value stays in the cell's title. */
export const formatWhen = (iso: string): string => formatDateTime(iso, { seconds: true })

/**
 * The verification result in words. A break names the entry by its number in the log (its
 * `seq`, as the table shows it), its position, when it was recorded and why it fails.
 */
export function describeVerification(result: ChainVerification, entries: readonly AuditEntry[]): { ok: boolean; title: string; detail: string } {
  if (result.ok) {
    return { ok: true, title: 'Audit trail verified', detail: `All ${result.entries.toLocaleString()} entries are intact and each links to the one before it.` }
  }
  const { index, seq, reason, kind } = result.firstBreak
  if (kind === 'anchor') {
    return {
      ok: false,
      title: 'Audit trail does not end where it should',
      detail: `${reason.charAt(0).toUpperCase()}${reason.slice(1)}. The entries still there link to one another.`
    }
  }
  const entry = entries[index]
  const when = entry ? `recorded ${formatWhen(entry.at)}${entry.actor ? ` by ${entry.actor}` : ''}` : ''
  return {
    ok: false,
    title: `Audit trail broken at entry ${seq ?? index + 1}`,
    detail: `Entry ${seq ?? index + 1} (position ${index + 1} of ${result.entries.toLocaleString()}${when ? `, ${when}` : ''}) ${reason}. Entries before it are intact; from this entry on the trail cannot be trusted.`
  }
}
