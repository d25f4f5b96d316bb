import { describe, expect, it } from 'vitest'
import { generateDemoRegister } from '@core/demo/demo-register'
import { storedRecordSchema } from '@core/records/model'
import { safeParseStoredRecord, toValidatedRecord } from '@core/records/validated-record'

describe('records validated once', () => {
  it('returns a record validated when it was read as it is, frozen, so a later write need not check it again', () => {
    const input = generateDemoRegister(1, 3)[0]!
    const result = safeParseStoredRecord(input)
    if (!result.success) throw new Error('the demo record should be valid')
    expect(toValidatedRecord(result.data)).toBe(result.data)
    expect(Object.isFrozen(result.data.purposes[0])).toBe(true)
    expect(() => {
      ;(result.data.purposes[0] as { description: string }).description = 'changed after the check'
    }).toThrow(TypeError)
  })

  it('parses any other input: defaults filled, invalid input refused with the field named', () => {
    const record = generateDemoRegister(1, 3)[0]!
    const { purposes, ...withoutPurposes } = record
    expect(purposes.length).toBeGreaterThan(0)
    const parsed = toValidatedRecord(withoutPurposes)
    expect(parsed).not.toBe(withoutPurposes)
    expect(parsed.purposes).toEqual([])
    // A copy equal to a validated record is not the validated record: it is checked again.
    expect(() => toValidatedRecord({ ...record, reference: 'X-1' })).toThrow(/PA-0001/)
    expect(safeParseStoredRecord({ ...record, reference: 'X-1' }).success).toBe(false)
  })

  it('freezes only the record it returns: defaults filled in are not shared with the next parse', () => {
    const record = generateDemoRegister(1, 4)[0]!
    const { evidence: _evidence, criminalOffenceData: _criminal, ...withoutDefaults } = record
    const first = toValidatedRecord(withoutDefaults)
    expect(Object.isFrozen(first.evidence)).toBe(true)
    const next = storedRecordSchema.parse(withoutDefaults)
    expect(Object.isFrozen(next.evidence)).toBe(false)
    expect(Object.isFrozen(next.criminalOffenceData)).toBe(false)
    expect(Object.isFrozen(withoutDefaults)).toBe(false)
  })
})
