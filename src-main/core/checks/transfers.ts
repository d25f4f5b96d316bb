/** The record's transfers that leave the EEA, the only ones Chapter V is about. */
import type { Transfer } from '../records/model'
import { classifyDestination, type DestinationClass } from './adequacy'
import type { CheckableRecord } from './finding'

export interface ThirdCountryTransfer {
  transfer: Transfer
  index: number
  destination: DestinationClass
}

export function thirdCountryTransfers(record: CheckableRecord): ThirdCountryTransfer[] {
  const result: ThirdCountryTransfer[] = []
  record.transfers.forEach((transfer, index) => {
    const destination = classifyDestination(transfer.country ?? '')
    if (!destination.inEea) result.push({ transfer, index, destination })
  })
  return result
}

/** 30(1)(e) for a controller's record, 30(2)(c) for a processor's. */
export function transferArticle(record: CheckableRecord): string {
  return record.role === 'processor' ? 'Art. 30(2)(c)' : 'Art. 30(1)(e)'
}
