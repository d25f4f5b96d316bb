/**
 * A record field's value in words, for the history and the compare view: enum keys as their
 * labels (`in-review` → "In review"), vocabulary terms as their names, list items by their
 * filled-in fields, never by internal ids.
 */
import { termLabel } from '../vocabulary/vocabulary'
import {
  ART9_CONDITION_LABELS,
  DPIA_REQUIRED_LABELS,
  DPIA_STATUS_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RECORD_STATUS_LABELS,
  RETENTION_END_ACTION_LABELS,
  RETENTION_MODE_LABELS,
  RETENTION_UNIT_LABELS,
  SAFEGUARD_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS
} from './enums'
import { describeFieldPath } from './field-names'

const LABELS_BY_FIELD: Record<string, Record<string, string>> = {
  role: RECORD_ROLE_LABELS,
  status: RECORD_STATUS_LABELS,
  lawfulBasis: LAWFUL_BASIS_LABELS,
  category: SPECIAL_CATEGORY_LABELS,
  condition: ART9_CONDITION_LABELS,
  type: RECIPIENT_TYPE_LABELS,
  safeguard: SAFEGUARD_LABELS,
  mode: RETENTION_MODE_LABELS,
  unit: RETENTION_UNIT_LABELS,
  endAction: RETENTION_END_ACTION_LABELS,
  securityMeasures: SECURITY_MEASURE_LABELS,
  required: DPIA_REQUIRED_LABELS
}
const TERM_FIELDS = new Set(['dataSubjects', 'uses', 'term'])

/** The value stored at `path` (a path as `diffRecords` names it, e.g. `purposes[p1].lawfulBasis`) in words; '—' for nothing. */
export function fieldValueText(path: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—'
  if (Array.isArray(value)) {
    if (value.length === 0) return '—'
    return value.map((item) => fieldValueText(path, item)).join(value.every((item) => typeof item === 'string') ? ', ' : '\n')
  }
  if (typeof value === 'object') {
    const parts = Object.entries(value)
      .filter(([key, item]) => key !== 'id' && fieldValueText(`${path}.${key}`, item) !== '—')
      .map(([key, item]) => `${describeFieldPath(key)}: ${fieldValueText(`${path}.${key}`, item)}`)
    return parts.join('; ') || '—'
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value !== 'string') return String(value)
  const keys = path.replace(/\[[^\]]*\]/g, '').split('.')
  const key = keys.at(-1) ?? ''
  const labels = key === 'status' && keys.at(-2) === 'dpia' ? DPIA_STATUS_LABELS : LABELS_BY_FIELD[key]
  if (labels && value in labels) return labels[value as keyof typeof labels]!
  return TERM_FIELDS.has(key) ? termLabel(value) : value
}
