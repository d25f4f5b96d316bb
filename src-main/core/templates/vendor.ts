/**
 * A vendor: registered when its pack is installed (or added by hand), referenced by record
 * recipients. The schema is what a stored or backed-up vendor row must be; fields a row may
 * lack (written by an older version) get their defaults, so no page meets an undefined list.
 */
import { z } from 'zod'
import type { StoredRecord } from '../records/model'
import type { TemplatePack } from './pack-schema'

export const vendorSchema = z.object({
  id: z.string().min(1, 'must not be empty'),
  name: z.string(),
  /** The pack that registered the vendor (its id is the pack's id); '' for a vendor added by hand. */
  packId: z.string().default(''),
  legalEntities: z.array(z.string()).default([]),
  privacyContact: z.string().default(''),
  dpoContact: z.string().default(''),
  euRepresentative: z.string().default(''),
  controllerFor: z.array(z.string()).default([]),
  processorFor: z.array(z.string()).default([]),
  notes: z.string().default('')
})
export type Vendor = z.infer<typeof vendorSchema>

type PackContact = TemplatePack['vendor']['privacyContact']

function contactText(contact: PackContact): string {
  if (!contact) return ''
  return [contact.name, contact.address, contact.email, contact.phone, contact.url].filter((part) => part && part.trim() !== '').join(', ')
}

/** The vendor a pack describes, as stored in `vendors` (its id is the pack's id). */
export function vendorFromPack(pack: TemplatePack): Vendor {
  const { vendor } = pack
  return {
    id: pack.id,
    name: vendor.name,
    packId: pack.id,
    legalEntities: vendor.legalEntities.map((entity) => (entity.address ? `${entity.name}, ${entity.address}` : entity.name)),
    privacyContact: contactText(vendor.privacyContact),
    dpoContact: contactText(vendor.dpoContact),
    euRepresentative: contactText(vendor.euRepresentative),
    controllerFor: vendor.controllerFor.map((entry) => entry.description),
    processorFor: vendor.processorFor.map((entry) => entry.description),
    notes: ''
  }
}

/** A record uses a vendor when it was made from the vendor's pack or names the vendor as a recipient. */
export function recordUsesVendor(record: StoredRecord, vendor: Vendor): boolean {
  return record.origin?.packId === vendor.packId || record.recipients.some((recipient) => recipient.vendorId === vendor.id)
}
