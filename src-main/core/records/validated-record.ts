/**
 * Records that have passed `storedRecordSchema`, marked so that writing them later need not
 * check them again: a 10,000-row import is validated once, when the file is read for its
 * preview, not a second time when the DPO confirms it. Each marked record is frozen, so
 * the check still describes it when it is stored.
 */
import type { ZodSafeParseResult } from 'zod'
import { storedRecordSchema, type StoredRecord } from './model'

const validatedRecords = new WeakSet<object>()

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key])
}

function markValidated(record: StoredRecord): StoredRecord {
  deepFreeze(record)
  validatedRecords.add(record)
  return record
}

/** `storedRecordSchema.safeParse`, with a valid record frozen and marked as validated. */
export function safeParseStoredRecord(input: unknown): ZodSafeParseResult<StoredRecord> {
  const result = storedRecordSchema.safeParse(input)
  if (result.success) markValidated(result.data)
  return result
}

/** The input itself where it was validated already; otherwise parsed (throwing a ZodError when invalid). */
export function toValidatedRecord(input: unknown): StoredRecord {
  if (typeof input === 'object' && input !== null && validatedRecords.has(input)) return input as StoredRecord
  return markValidated(storedRecordSchema.parse(input))
}

