/**
 * The register's enumerations as the interface reads them (`RECORD_ROLE_LABELS.controller`),
 * made from the core's one `labels` catalogue (`role.controller`), so that the screen, the
 * workbook, the CLI and the findings name every value with the same words in each language.
 * There is no second store of these labels to drift apart.
 */
import type * as enums from '../records/enums'
import { CATALOGUES } from './catalogues'
import type { Locale } from './index'
import type { LabelGroup } from './locales/en/labels'
import { LABEL_GROUPS } from './locales/en/labels'

/** Each `*_LABELS` map of core/records/enums.ts, by the catalogue group that holds its labels. */
export const ENUM_LABEL_GROUPS = {
  ART49_DEROGATION_LABELS: 'derogation',
  ART9_CONDITION_LABELS: 'art9',
  DPIA_REQUIRED_LABELS: 'dpiaRequired',
  DPIA_STATUS_LABELS: 'dpiaStatus',
  LAWFUL_BASIS_LABELS: 'lawfulBasis',
  RECIPIENT_TYPE_LABELS: 'recipientType',
  RECORD_PERSPECTIVE_LABELS: 'perspective',
  RECORD_ROLE_LABELS: 'role',
  RECORD_STATUS_LABELS: 'status',
  REGIME_LABELS: 'regime',
  RETENTION_END_ACTION_LABELS: 'endAction',
  RETENTION_MODE_LABELS: 'retentionMode',
  RETENTION_UNIT_LABELS: 'retentionUnit',
  SAFEGUARD_LABELS: 'safeguard',
  SCC_MODULE_LABELS: 'sccModule',
  SECURITY_MEASURE_LABELS: 'security',
  SPECIAL_CATEGORY_LABELS: 'specialCategory',
  TRANSFER_INSTRUMENT_LABELS: 'instrument',
  TRANSFER_MECHANISM_LABELS: 'mechanism'
} as const satisfies { [Name in keyof typeof enums as Name extends `${string}_LABELS` ? Name : never]: LabelGroup }

export type EnumLabelMapName = keyof typeof ENUM_LABEL_GROUPS
/** `{ RECORD_ROLE_LABELS: { controller: '…', … }, … }`: every stored key of every enumeration, with its label. */
export type EnumLabelMaps = { readonly [Name in EnumLabelMapName]: Readonly<Record<keyof (typeof enums)[Name], string>> }

const made = new Map<Locale, EnumLabelMaps>()

/** Every enumeration's labels in one language, in the enumeration's own order; English where a label is missing. */
export function enumLabelMaps(locale: Locale): EnumLabelMaps {
  let maps = made.get(locale)
  if (!maps) {
    const built: Record<string, Record<string, string>> = {}
    for (const [name, group] of Object.entries(ENUM_LABEL_GROUPS)) {
      const labels: Record<string, string> = {}
      for (const [key, english] of Object.entries(LABEL_GROUPS[group])) labels[key] = CATALOGUES[locale].labels[`${group}.${key}`] ?? english
      built[name] = labels
    }
    made.set(locale, (maps = built as unknown as EnumLabelMaps))
  }
  return maps
}
