/**
 * Reads an older pack as the current format. Format 1 → 2: every list item gets a stable id
 * derived from its content (a data category's term, a recipient's name...), so that two versions
 * of a pack are compared item by item even when the author reordered them. Ids already present
 * are kept; a clash gets a numeric suffix. Pure and deterministic: the same pack always gets the
 * same ids.
 */
import { PACK_FORMAT_VERSION, type ActivityTemplate, type TemplatePack } from './pack-schema'
import { slugify } from './user-pack'

export function upgradePack(pack: TemplatePack): TemplatePack {
  return {
    ...pack,
    formatVersion: PACK_FORMAT_VERSION,
    activities: pack.activities.map(withItemIds)
  }
}

function withItemIds(activity: ActivityTemplate): ActivityTemplate {
  return {
    ...activity,
    purposes: withIds(activity.purposes, (purpose) => purpose.description.split(/\s+/).slice(0, 6).join(' '), 'purpose'),
    dataSubjects: withIds(activity.dataSubjects, (subject) => subject.term, 'subject'),
    dataCategories: withIds(activity.dataCategories, (category) => category.term, 'category'),
    specialCategories: withIds(activity.specialCategories, (special) => special.category, 'special'),
    recipients: withIds(activity.recipients, (recipient) => recipient.name, 'recipient'),
    subProcessors: withIds(activity.subProcessors, (processor) => processor.name, 'sub-processor'),
    transfers: withIds(activity.transfers, (transfer) => `${transfer.recipient} ${transfer.country}`, 'transfer')
  }
}

/** Gives every item without an id one made from `idText`, unique within the list. */
export function withIds<T extends { id?: string | undefined }>(items: T[], idText: (item: T) => string, fallback: string): T[] {
  const taken = new Set(items.flatMap((item) => (item.id ? [item.id] : [])))
  return items.map((item) => {
    if (item.id) return item
    const base = slugify(idText(item).replace(/^custom:/, ''), fallback).slice(0, 70)
    let id = base
    for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`
    taken.add(id)
    return { ...item, id }
  })
}
