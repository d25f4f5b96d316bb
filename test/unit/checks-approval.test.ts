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
    expect(canApprove(record, checkRecord(record, checkContext()), { name: 'Dana' }, { name: 'Sam' }, separate)).toEqual({ ok: true })
  })

  it('refuses while error-level findings remain and lists each of them', () => {
    const record = completeControllerRecord()
    record.purposes[0]!.lawfulBasis = ''
    record.securityMeasures = []
    const decision = canApprove(record, checkRecord(record, checkContext()), { name: 'Dana' }, { name: 'Sam' }, separate)
    expect(decision.ok).toBe(false)
    if (decision.ok) return
    expect(decision.reasons).toHaveLength(2)
    // Each reason names its field as the editor labels it, never by its stored path.
    expect(decision.reasons[0]).toMatch(/Art\. 30\(1\)\(g\).*security measure.*\(Security measures\)$/)
    expect(decision.reasons[1]).toMatch(/Art\. 6\(1\).*Fulfil orders.*\(Purpose 1 › Lawful basis\)$/)
    for (const reason of decision.reasons) expect(reason).not.toMatch(/[a-z][A-Z]|\.\d|\[/)
  })

  it('is allowed again once the errors are fixed', () => {
    const record = completeControllerRecord()
    record.purposes[0]!.lawfulBasis = ''
    expect(canApprove(record, checkRecord(record, checkContext()), { name: 'Dana' }, { name: 'Sam' }, lenient).ok).toBe(false)
    record.purposes[0]!.lawfulBasis = 'b'
    expect(canApprove(record, checkRecord(record, checkContext()), { name: 'Dana' }, { name: 'Sam' }, lenient).ok).toBe(true)
  })

  it('ignores other records\' errors in a whole-register run but counts organisation-level errors', () => {
    const record = completeControllerRecord()
    const other = completeProcessorRecord()
    other.controllersActedFor = []
    const organisation = completeOrganisation()
    expect(canApprove(record, runChecks([record, other], checkContext({ organisation })), { name: 'Dana' }, { name: 'Sam' }, lenient)).toEqual({ ok: true })
    organisation.controller.name = ''
    const decision = canApprove(record, runChecks([record, other], checkContext({ organisation })), { name: 'Dana' }, { name: 'Sam' }, lenient)
    expect(decision).toMatchObject({ ok: false, reasons: [expect.stringMatching(/\(Organisation profile › Controller › Name\)$/)] })
  })

  it('refuses the last editor as approver when separate approval is on, whatever the letter case', () => {
    const record = completeControllerRecord()
    const decision = canApprove(record, [], { name: 'Dana Protection' }, { name: 'dana protection ' }, separate)
    expect(decision).toMatchObject({ ok: false, reasons: [expect.stringMatching(/Dana Protection made the last change.*someone else/)] })
    expect(canApprove(record, [], { name: 'Dana Protection' }, { name: 'Dana Protection' }, lenient)).toEqual({ ok: true })
  })

  it('compares people by their user id when both have one: a rename does not make the last editor someone else', () => {
    const record = completeControllerRecord()
    const renamed = canApprove(record, [], { id: 'user-1', name: 'Dana Weber' }, { id: 'user-1', name: 'Dana Fischer' }, separate)
    expect(renamed).toMatchObject({ ok: false, reasons: ['Dana Weber (then named Dana Fischer) made the last change to this record; with "separate approver" on, someone else must approve it.'] })
    // Two people who share a name are still two people.
    expect(canApprove(record, [], { id: 'user-2', name: 'Dana Fischer' }, { id: 'user-1', name: 'Dana Fischer' }, separate)).toEqual({ ok: true })
    // An entry written before users had ids carries only a name: the names are compared.
    expect(canApprove(record, [], { id: 'user-1', name: 'Dana Fischer' }, { name: 'dana fischer' }, separate).ok).toBe(false)
    expect(canApprove(record, [], { id: 'user-1', name: 'Dana Weber' }, { name: 'Dana Fischer' }, separate)).toEqual({ ok: true })
  })

  it('refuses an anonymous actor and records that are already approved or archived', () => {
    const record = completeControllerRecord()
    expect(canApprove(record, [], { name: '  ' }, { name: 'Sam' }, lenient)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/user profile/)] })
    record.status = 'archived'
    expect(canApprove(record, [], { name: 'Dana' }, { name: 'Sam' }, lenient)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/archived/)] })
    record.status = 'approved'
    expect(canApprove(record, [], { name: 'Dana' }, { name: 'Sam' }, lenient)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/already approved/)] })
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
