/** A transfer's instrument in words, for the workbook, the register's search and the CSV. */
import { ART49_DEROGATION_LABELS, SCC_MODULE_LABELS, TRANSFER_INSTRUMENT_LABELS, TRANSFER_MECHANISM_LABELS } from '../records/enums'
import type { Transfer } from '../records/model'
import { destinationName } from './destinations'

/** The destination as the DPO wrote it, or the picker's name for its code; '' when neither says. */
export function destinationText(transfer: Pick<Transfer, 'country' | 'countryCode'>): string {
  if (transfer.country.trim() !== '') return transfer.country.trim()
  return destinationName(transfer.countryCode) ?? ''
}

/** "Standard contractual clauses (Decision (EU) 2021/914), Module 2: controller to processor"; "Not stated" when nothing is. */
export function transferInstrumentText(transfer: Pick<Transfer, 'mechanism' | 'instrument' | 'sccModule' | 'derogation'>): string {
  const parts: string[] = []
  if (transfer.instrument !== '' && transfer.instrument !== 'derogation') parts.push(TRANSFER_INSTRUMENT_LABELS[transfer.instrument])
  else if (transfer.mechanism !== '') parts.push(TRANSFER_MECHANISM_LABELS[transfer.mechanism])
  if (transfer.sccModule !== '') parts.push(SCC_MODULE_LABELS[transfer.sccModule])
  if (transfer.derogation !== '') parts.push(ART49_DEROGATION_LABELS[transfer.derogation])
  return parts.length === 0 ? 'Not stated' : parts.join(', ')
}
