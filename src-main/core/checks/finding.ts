/**
 * What a compliance check reports, and the shape of a rule. A finding names the article it
 * enforces and the field it concerns, using react-hook-form field names
 * (`purposes.0.lawfulBasis`) so that the editor can show it next to the field.
 */
import { translateMessage } from '../i18n/catalogues'
import type { MessageRef } from '../i18n/message'
import type { RecordRole } from '../records/enums'
import type { Organisation, RecordForm, StoredRecord } from '../records/model'

export type Severity = 'error' | 'warning' | 'info'

/** Most severe first; used for sorting and for a record's health. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info']

export interface Finding {
  ruleId: string
  severity: Severity
  /** The provision the rule enforces, e.g. 'Art. 30(1)(b)'. */
  article: string
  /** null for organisation-level findings (and for a record that has not been saved yet). */
  recordId: string | null
  reference: string | null
  /** Path in the record form (or the organisation form for organisation rules), e.g. 'purposes.0.lawfulBasis'. */
  field: string
  /** In English; `messageRef` says it in any language (core/i18n `translateMessage`). */
  message: string
  /** What to do about it, in plain language (English; `fixRef` in any language). */
  fix: string
  /** The message as a catalogue key (`findings` namespace) and its parameters. */
  messageRef: MessageRef
  fixRef: MessageRef
}

export interface CheckContext {
  organisation: Organisation | null
  /** YYYY-MM-DD */
  today: string
  /** packId -> the version currently installed */
  installedPackVersions: Record<string, string>
}

/** A stored record, or a record still being edited in the form. */
export type CheckableRecord = StoredRecord | (RecordForm & { id?: string; reference?: string })

export interface RuleMeta {
  id: string
  article: string
  /** One sentence a DPO understands: what the rule looks for. */
  description: string
}

export interface RecordRule extends RuleMeta {
  check(record: CheckableRecord, context: CheckContext): Finding[]
}

export interface OrganisationRule extends RuleMeta {
  check(organisation: Organisation | null, context: CheckContext): Finding[]
}

export const CONTROLLER_ROLES: readonly RecordRole[] = ['controller', 'joint-controller']

export function isControllerRecord(record: CheckableRecord): boolean {
  return record.role === 'controller' || record.role === 'joint-controller'
}

export interface FindingDetails {
  severity: Severity
  field: string
  message: MessageRef
  fix: MessageRef
  /** Overrides the rule's article where one rule covers sibling provisions (30(1)(e) and 30(2)(c)). */
  article?: string
}

export function recordFinding(rule: RuleMeta, record: CheckableRecord, details: FindingDetails): Finding {
  return {
    ruleId: rule.id,
    severity: details.severity,
    article: details.article ?? rule.article,
    recordId: record.id ?? null,
    reference: record.reference ?? null,
    field: details.field,
    ...findingText(details)
  }
}

export function organisationFinding(rule: RuleMeta, details: FindingDetails): Finding {
  return {
    ruleId: rule.id,
    severity: details.severity,
    article: details.article ?? rule.article,
    recordId: null,
    reference: null,
    field: details.field,
    ...findingText(details)
  }
}

function findingText(details: FindingDetails): Pick<Finding, 'message' | 'fix' | 'messageRef' | 'fixRef'> {
  return { message: translateMessage(details.message, 'en'), fix: translateMessage(details.fix, 'en'), messageRef: details.message, fixRef: details.fix }
}

export function isBlank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === ''
}

/** Pack gaps name fields as `purposes[0].lawfulBasis`; the form uses `purposes.0.lawfulBasis`. */
export function toFormFieldPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1')
}
