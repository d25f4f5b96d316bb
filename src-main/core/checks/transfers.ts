/** The record's transfers that leave the EEA (or the UK, for a UK GDPR organisation): the only ones Chapter V is about. */
import { destinationText } from '../legal/transfer-text'
import { TRANSFER_LAW_AS_OF } from '../legal/transfer-law'
import { dateParam, msg, type MessageRef } from '../i18n/message'
import type { Regime } from '../records/enums'
import type { Transfer } from '../records/model'
import { classifyDestination, type DestinationClass } from './adequacy'
import type { CheckableRecord, CheckContext } from './finding'

export interface ThirdCountryTransfer {
  transfer: Transfer
  index: number
  destination: DestinationClass
}

/** The organisation's regime; 'eu' until the profile says otherwise. */
export function regimeOf(context: CheckContext): Regime {
  return context.organisation?.regime ?? 'eu'
}

/**
 * Transfers under the EU list, and for a UK-only organisation under the UK's. An
 * organisation under both is judged here by the EU list; the adequacy rule checks its UK
 * side too (`ukDestination`).
 */
export function thirdCountryTransfers(record: CheckableRecord, context: CheckContext): ThirdCountryTransfer[] {
  const regime = regimeOf(context) === 'uk' ? 'uk' : 'eu'
  const result: ThirdCountryTransfer[] = []
  record.transfers.forEach((transfer, index) => {
    const destination = classifyDestination(transfer.country ?? '', { regime, on: context.today, countryCode: transfer.countryCode ?? '' })
    if (!destination.domestic) result.push({ transfer, index, destination })
  })
  return result
}

/** How the UK's list sees a transfer, for an organisation under both regimes. */
export function ukDestination(transfer: Transfer, context: CheckContext): DestinationClass {
  return classifyDestination(transfer.country ?? '', { regime: 'uk', on: context.today, countryCode: transfer.countryCode ?? '' })
}

/** 30(1)(e) for a controller's record, 30(2)(c) for a processor's. */
export function transferArticle(record: CheckableRecord): string {
  return record.role === 'processor' ? 'Art. 30(2)(c)' : 'Art. 30(1)(e)'
}

export { destinationText }

/** "Transfer 2 to United States (Acme Inc.)", as the editor numbers it; never a gap where a name is missing. */
export function transferName(transfer: Pick<Transfer, 'country' | 'countryCode' | 'recipient'>, index: number): MessageRef {
  const destination = destinationText(transfer)
  const number = index + 1
  const recipient = transfer.recipient.trim()
  if (destination === '') return recipient === '' ? msg('transfer.name.none', { number }) : msg('transfer.name.noDestination', { number, recipient })
  return recipient === '' ? msg('transfer.name.noRecipient', { number, destination }) : msg('transfer.name', { number, destination, recipient })
}

/** Said under findings judged by the dated legal data. */
export const TRANSFER_LAW_NOTE: MessageRef = msg('transferLawNote', { date: dateParam(TRANSFER_LAW_AS_OF) })
