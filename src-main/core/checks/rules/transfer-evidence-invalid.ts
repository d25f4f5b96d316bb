import { dateParam, labelParam, msg, type MessageParam } from '../../i18n/message'
import type { TransferInstrument } from '../../records/enums'
import { isUnverifiedEvidence } from '../../records/model'
import { parseTransferInstrumentText } from '../../legal/parse-instrument-text'
import { instrumentStandingOn } from '../../legal/transfer-law'
import { recordFinding, type Finding, type RecordRule } from '../finding'
import { TRANSFER_LAW_NOTE, thirdCountryTransfers, transferName } from '../transfers'

/** `transfers`, `transfers[2].safeguard`, `transfers.2.documentation`: evidence about the record's transfers, and which one. */
const TRANSFER_FIELD = /^transfers(?:(?:\[(\d+)\]|\.(\d+))|\b|$)/

function invalidNamedIn(text: string, today: string): Array<{ instrument: TransferInstrument; since: string; reason: string }> {
  return parseTransferInstrumentText(text).named.flatMap((instrument) => {
    const standing = instrumentStandingOn(instrument, today)
    return standing.kind === 'invalid' ? [{ instrument, since: standing.since, reason: standing.reason }] : []
  })
}

/**
 * Art. 44: the record's own evidence (policy quotes, open points, imported spreadsheet
 * cells, the transfer's documentation) naming Privacy Shield, Safe Harbor or the pre-2021 SCCs is evidence of an
 * invalid safeguard, whatever the transfer's fields say; the DPO need not type anything.
 */
export const transferEvidenceInvalid: RecordRule = {
  id: 'transfer-evidence-invalid',
  article: 'Art. 44',
  description: "The record's evidence for its transfers does not rely on Privacy Shield, Safe Harbor or the pre-2021 standard contractual clauses.",
  check(record, context) {
    const findings: Finding[] = []
    const reported = new Set<string>()
    // transfer-instrument-invalid reports the instrument field of these; any other transfer's evidence is reported here.
    // Worked out only when evidence names an invalid instrument: most records have none.
    let thirdCountryIndexes: Set<number> | undefined
    const judgedByInstrument = () => (thirdCountryIndexes ??= new Set(thirdCountryTransfers(record, context).map(({ index }) => index)))
    type Where = 'documentation' | 'quote' | 'unverified' | 'openItem' | 'cell'
    const report = (where: Where, field: string, index: number | null, text: string, source: MessageParam = msg(`transfer-evidence-invalid.source.${where}`), severity: 'error' | 'warning' = 'error') => {
      for (const invalid of invalidNamedIn(text, context.today)) {
        if (index !== null && record.transfers[index]?.instrument === invalid.instrument && judgedByInstrument().has(index)) continue
        const key = `${field}|${invalid.instrument}`
        if (reported.has(key)) continue
        reported.add(key)
        const transfer = index === null ? undefined : record.transfers[index]
        const subject = transfer ? transferName(transfer, index!) : msg('transfer-evidence-invalid.allTransfers')
        findings.push(
          recordFinding(transferEvidenceInvalid, record, {
            severity,
            field,
            message: msg('transfer-evidence-invalid', {
              subject,
              source,
              instrument: labelParam('instrument', invalid.instrument),
              since: dateParam(invalid.since),
              reason: invalid.reason,
              excerpt: excerpt(text, invalid.instrument, context.today),
              note: TRANSFER_LAW_NOTE
            }),
            fix: msg('transfer-evidence-invalid.fix', { where: msg(`transfer-evidence-invalid.where.${where}`) })
          })
        )
      }
    }
    record.transfers.forEach((transfer, index) => report('documentation', `transfers.${index}.documentation`, index, transfer.documentation ?? ''))
    for (const evidence of record.evidence) {
      const match = TRANSFER_FIELD.exec(evidence.field)
      if (!match) continue
      const index = indexOf(match, record.transfers.length)
      // A quote never checked against the policy is no evidence: it only prompts a look at the policy.
      const [where, severity] = isUnverifiedEvidence(evidence) ? (['unverified', 'warning'] as const) : (['quote', 'error'] as const)
      for (const quote of [...evidence.quotes, evidence.note]) report(where, index === null ? 'transfers' : `transfers.${index}`, index, quote, undefined, severity)
    }
    for (const item of record.openItems) {
      const match = TRANSFER_FIELD.exec(item.field)
      if (!match) continue
      const index = indexOf(match, record.transfers.length)
      for (const text of [item.note, ...item.quotes]) report('openItem', index === null ? 'transfers' : `transfers.${index}`, index, text)
    }
    // Cells a migrated record was made from (the migration's import evidence).
    for (const cell of record.importedFrom ?? []) {
      const match = TRANSFER_FIELD.exec(cell.field)
      if (!match) continue
      const index = indexOf(match, record.transfers.length)
      report('cell', index === null ? 'transfers' : `transfers.${index}`, index, cell.text, msg('transfer-evidence-invalid.source.cell', { sheet: cell.sheet, cell: cell.cell, file: cell.file }))
    }
    return findings
  }
}

function indexOf(match: RegExpExecArray, count: number): number | null {
  const digits = match[1] ?? match[2]
  if (digits === undefined) return count === 1 ? 0 : null
  const index = Number(digits)
  return index < count ? index : null
}

/** The sentence of a long quote that names the instrument, so that the finding shows the words that matter. */
function excerpt(text: string, instrument: TransferInstrument, today: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  if (trimmed.length <= 160) return trimmed
  // A sentence ends before a capital, not after an abbreviation like "U.S.".
  const sentences = trimmed.split(/(?<![A-Z]\.[A-Z]\.)(?<=[.;!?])\s+(?=[A-Z"“])/)
  const naming = sentences.find((sentence) => invalidNamedIn(sentence, today).some((named) => named.instrument === instrument))
  const shown = naming ?? trimmed
  const cut = shown.length > 240 ? `${shown.slice(0, 237)}…` : shown
  return naming && sentences.length > 1 ? `… ${cut} …` : cut
}
