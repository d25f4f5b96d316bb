/**
 * The DPO's unsaved version of a record next to the stored one, field by field, for the
 * editor's compare view when someone else saved the record first.
 */
import { diffValues } from './diff'
import { describeFieldPath } from './field-names'
import { formOfRecord, recordFormSchema, type RecordFormInput, type StoredRecord } from './model'

export interface FieldDifference {
  /** The field's path, e.g. `purposes[p1].lawfulBasis` (for keys, never shown). */
  field: string
  /** The field in words, e.g. "Purpose › Lawful basis". */
  label: string
  /** Undefined when the field or item is not in that version. */
  yours: unknown
  stored: unknown
}

/** Every field where `yours` differs from the stored record; list items are matched by id. */
export function differencesFromStored(yours: RecordFormInput, stored: StoredRecord): FieldDifference[] {
  // Defaults filled in, so that a blank the form never touched does not count as a difference.
  const parsed = recordFormSchema.safeParse(yours)
  return diffValues(formOfRecord(stored), parsed.success ? parsed.data : yours).map((change) => ({
    field: change.field,
    label: describeFieldPath(change.field),
    yours: change.after,
    stored: change.before
  }))
}
