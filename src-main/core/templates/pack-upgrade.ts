/**
 * Reads an older pack as the current format. Format 1 → 2:
 * - every list item gets a stable id derived from its content (a data category's term, a
 *   recipient's name...), so that two versions of a pack are compared item by item even when
 *   the author reordered them. Ids already present are kept; a clash gets a numeric suffix.
 * - a transfer's `safeguard` becomes its `mechanism` and `instrument`, read as every legacy
 *   transfer is (records/legacy-transfer.ts). Where the old value does not say which instrument
 *   ("standard contractual clauses": 2021 or older?) or there was none, a gap on
 *   `transfers[i].instrument` says so, keeping the old label, unless a gap already covers it;
 *   gaps on `transfers[i].safeguard` are renamed to `transfers[i].instrument`.
 * Pure and deterministic: the same pack always upgrades to the same pack, which passes format
 * 2's own checks.
 */
import { SAFEGUARD_LABELS } from '../records/enums'
import { upgradeLegacyTransfer } from '../records/legacy-transfer'
import type { Transfer } from '../records/model'
import { PACK_FORMAT_VERSION, type ActivityTemplate, type PackGap, type TemplatePack } from './pack-schema'
import { slugify } from './slug'

export function upgradePack(pack: TemplatePack): TemplatePack {
  return {
    ...pack,
    formatVersion: PACK_FORMAT_VERSION,
    activities: pack.activities.map(upgradeActivity)
  }
}

/** One activity as format 2 has it: ids on its items, instruments (or gaps) on its transfers. */
export function upgradeActivity(activity: ActivityTemplate): ActivityTemplate {
  return withInstruments(withItemIds(activity))
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

const SAFEGUARD_GAP = /^transfers\[(\d+)\]\.safeguard$/

function withInstruments(activity: ActivityTemplate): ActivityTemplate {
  const gaps: PackGap[] = activity.gaps.map((gap) => ({ ...gap, field: gap.field.replace(SAFEGUARD_GAP, 'transfers[$1].instrument') }))
  const covered = (index: number) => gaps.some((gap) => gap.field === `transfers[${index}]` || gap.field === `transfers[${index}].instrument`)
  const transfers = activity.transfers.map((transfer, index) => {
    const { safeguard, ...rest } = transfer
    const upgraded = { ...rest }
    if (safeguard !== undefined && transfer.mechanism === undefined && transfer.instrument === undefined) {
      const read = upgradeLegacyTransfer({ country: transfer.country, safeguard, documentation: '' }) as Partial<Pick<Transfer, 'mechanism' | 'instrument' | 'sccModule' | 'derogation'>>
      if (read.mechanism) upgraded.mechanism = read.mechanism
      if (read.instrument) upgraded.instrument = read.instrument
      if (read.sccModule) upgraded.sccModule = read.sccModule
      if (read.derogation) upgraded.derogation = read.derogation
    }
    if (upgraded.instrument === undefined && !covered(index)) {
      gaps.push({
        field: `transfers[${index}].instrument`,
        kind: safeguard === undefined ? 'silent' : 'vague',
        note:
          safeguard === undefined
            ? 'No transfer instrument is named for this transfer.'
            : `The pack names "${SAFEGUARD_LABELS[safeguard]}" without saying which instrument (format 1 pack).`,
        quotes: []
      })
    }
    return upgraded
  })
  return { ...activity, transfers, gaps }
}
