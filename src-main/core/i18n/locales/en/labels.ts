/**
 * The English labels are the app's own (core/records/enums.ts, core/records/field-names.ts),
 * gathered under `<group>.<stored key>`: they are written once, there. French and German give
 * the same keys (a test checks that none is missing).
 */
import {
  ART49_DEROGATION_LABELS,
  ART9_CONDITION_LABELS,
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_PERSPECTIVE_LABELS,
  RECORD_ROLE_LABELS,
  RECORD_STATUS_LABELS,
  REGIME_LABELS,
  RETENTION_END_ACTION_LABELS,
  RETENTION_MODE_LABELS,
  RETENTION_UNIT_LABELS,
  SAFEGUARD_LABELS,
  SCC_MODULE_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS,
  TRANSFER_INSTRUMENT_LABELS,
  TRANSFER_MECHANISM_LABELS
} from '../../../records/enums'
import { FIELD_NAMES, ITEM_NAMES, KIND_LABELS, OPEN_ITEM_RESOLUTION_LABELS } from '../../../records/field-names'
import { ART30_ARTICLE_TITLES } from '../../article-titles'
import { AUDIT_ACTION_LABELS } from '../../../audit/audit-text'

/** The label groups, by the prefix of their keys. */
export const LABEL_GROUPS = {
  role: RECORD_ROLE_LABELS,
  perspective: RECORD_PERSPECTIVE_LABELS,
  status: RECORD_STATUS_LABELS,
  lawfulBasis: LAWFUL_BASIS_LABELS,
  specialCategory: SPECIAL_CATEGORY_LABELS,
  art9: ART9_CONDITION_LABELS,
  recipientType: RECIPIENT_TYPE_LABELS,
  safeguard: SAFEGUARD_LABELS,
  mechanism: TRANSFER_MECHANISM_LABELS,
  instrument: TRANSFER_INSTRUMENT_LABELS,
  sccModule: SCC_MODULE_LABELS,
  derogation: ART49_DEROGATION_LABELS,
  regime: REGIME_LABELS,
  retentionMode: RETENTION_MODE_LABELS,
  retentionUnit: RETENTION_UNIT_LABELS,
  endAction: RETENTION_END_ACTION_LABELS,
  security: SECURITY_MEASURE_LABELS,
  dpiaRequired: DPIA_REQUIRED_LABELS,
  dpiaStatus: DPIA_STATUS_LABELS,
  resolution: OPEN_ITEM_RESOLUTION_LABELS,
  kind: KIND_LABELS,
  auditAction: AUDIT_ACTION_LABELS,
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  field: FIELD_NAMES,
  item: ITEM_NAMES,
  /** Art. 30's items, by their stored citation ('Art. 30(1)(b)'). */
  article: ART30_ARTICLE_TITLES
} as const satisfies Record<string, Record<string, string>>
export type LabelGroup = keyof typeof LABEL_GROUPS

const labels: Record<string, string> = {
  yes: 'Yes',
  no: 'No',
  notStated: 'Not stated',
  empty: '(empty)',
  none: '(none)'
}
for (const [group, map] of Object.entries(LABEL_GROUPS)) for (const [key, label] of Object.entries(map)) labels[`${group}.${key}`] = label

export default labels
