import { describe, expect, it } from 'vitest'
import { canApprove, nextReviewAfterApproval } from '@core/checks/approval'
import { checkRecord, runChecks } from '@core/checks/run-checks'
import { checkContext, completeControllerRecord, completeOrganisation, completeProcessorRecord } from '../fixtures/checks/records'

const separate = { separateApprover: true }
const lenient = { separateApprover: false }

describe('canApprove', () => {
  it('allows a record without error-level findings', () => {
    const record = completeControllerRecord()
    record.purposes[1]!.liaReference = '' // a warning does not block
    expect(canApprove(record, checkRecord(record, checkContext()), 'Dana', 'Sam', separate)).toEqual({ ok: true })
  })

  it('refuses while error-level findings remain and lists each of them', () => {
    const record = completeControllerRecord()
    record.purposes[0]!.lawfulBasis = ''
    record.securityMeasures = []
    const decision = canApprove(record, checkRecord(record, checkContext()), 'Dana', 'Sam', separate)
    expect(decision.ok).toBe(false)
    if (decision.ok) return
    expect(decision.reasons).toHaveLength(2)
    expect(decision.reasons[0]).toMatch(/Art\. 30\(1\)\(g\).*security measure.*securityMeasures/)
    expect(decision.reasons[1]).toMatch(/Art\. 6\(1\).*Fulfil orders.*purposes\.0\.lawfulBasis/)
  })

  it('is allowed again once the errors are fixed', () => {
    const record = completeControllerRecord()
    record.purposes[0]!.lawfulBasis = ''
    expect(canApprove(record, checkRecord(record, checkContext()), 'Dana', 'Sam', lenient).ok).toBe(false)
    record.purposes[0]!.lawfulBasis = 'b'
    expect(canApprove(record, checkRecord(record, checkContext()), 'Dana', 'Sam', lenient).ok).toBe(true)
  })

  it('ignores other records\' errors in a whole-register run but counts organisation-level errors', () => {
    const record = completeControllerRecord()
    const other = completeProcessorRecord()
    other.controllersActedFor = []
    const organisation = completeOrganisation()
    expect(canApprove(record, runChecks([record, other], checkContext({ organisation })), 'Dana', 'Sam', lenient)).toEqual({ ok: true })
    organisation.controller.name = ''
    const decision = canApprove(record, runChecks([record, other], checkContext({ organisation })), 'Dana', 'Sam', lenient)
    expect(decision).toEqual({ ok: false, reasons: [expect.stringMatching(/organisation profile: controller\.name/)] })
  })

  it('refuses the last editor as approver when separate approval is on, whatever the letter case', () => {
    const record = completeControllerRecord()
    const decision = canApprove(record, [], 'Dana Protection', 'dana protection ', separate)
    expect(decision).toEqual({ ok: false, reasons: [expect.stringMatching(/Dana Protection made the last change.*someone else/)] })
    expect(canApprove(record, [], 'Dana Protection', 'Dana Protection', lenient)).toEqual({ ok: true })
  })

  it('refuses an anonymous actor and records that are already approved or archived', () => {
    const record = completeControllerRecord()
    expect(canApprove(record, [], '  ', 'Sam', lenient)).toEqual({ ok: false, reasons: [expect.stringMatching(/user profile/)] })
    record.status = 'archived'
    expect(canApprove(record, [], 'Dana', 'Sam', lenient)).toEqual({ ok: false, reasons: [expect.stringMatching(/archived/)] })
    record.status = 'approved'
    expect(canApprove(record, [], 'Dana', 'Sam', lenient)).toEqual({ ok: false, reasons: [expect.stringMatching(/already approved/)] })
  })
})

describe('nextReviewAfterApproval', () => {
  it('is 12 months after the approval date', () => {
    expect(nextReviewAfterApproval('2025-06-01T14:30:00.000Z')).toBe('2026-06-01')
    expect(nextReviewAfterApproval('2025-12-31')).toBe('2026-12-31')
  })

  it('clamps 29 February to 28 February', () => {
    expect(nextReviewAfterApproval('2024-02-29T09:00:00Z')).toBe('2025-02-28')
  })

  it('rejects a value that is not a date with a clear message', () => {
    expect(() => nextReviewAfterApproval('yesterday')).toThrow(/YYYY-MM-DD.*"yesterday"/)
  })
})
