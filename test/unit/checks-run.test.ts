import { describe, expect, it } from 'vitest'
import { checkRecord, completeness, groupFindingsByRecord, runChecks, summariseFindings, worstSeverity } from '@core/checks/run-checks'
import { checkContext, completeControllerRecord, completeOrganisation, completeProcessorRecord } from '../fixtures/checks/records'

describe('runChecks', () => {
  it('finds nothing on a complete register', () => {
    expect(runChecks([completeControllerRecord(), completeProcessorRecord()], checkContext())).toEqual([])
  })

  it('lists organisation findings first, then each record\'s, with record id and reference', () => {
    const broken = completeControllerRecord()
    broken.purposes[0]!.lawfulBasis = ''
    const organisation = completeOrganisation()
    organisation.controller.name = ''
    const findings = runChecks([completeProcessorRecord(), broken], checkContext({ organisation }))
    expect(findings.map((f) => [f.ruleId, f.recordId, f.reference])).toEqual([
      ['org-controller-name', null, null],
      ['lawful-basis-missing', 'rec-1', 'PA-0001']
    ])
  })

  it('checks an unsaved form record, leaving its id and reference null', () => {
    const { id: _id, reference: _reference, createdAt: _c, updatedAt: _u, approvedAt: _a, approvedBy: _b, ...form } = completeControllerRecord()
    form.dataSubjects = []
    expect(checkRecord(form, checkContext())).toEqual([expect.objectContaining({ ruleId: 'art30-data-subjects', recordId: null, reference: null })])
  })
})

describe('summariseFindings and worstSeverity', () => {
  it('count by severity, article, rule and records affected', () => {
    const a = completeControllerRecord()
    a.purposes[0]!.lawfulBasis = ''
    a.purposes[1]!.lawfulBasis = ''
    a.recipients = []
    const b = completeProcessorRecord()
    b.nextReview = '2025-06-10'
    const findings = runChecks([a, b], checkContext({ organisation: null }))
    const summary = summariseFindings(findings)
    expect(summary.bySeverity).toEqual({ error: 4, warning: 2, info: 1 })
    expect(summary.total).toBe(7)
    expect(summary.byArticle['Art. 6(1)']).toEqual({ error: 2, warning: 0, info: 0 })
    expect(summary.byArticle['Art. 30(1)(a)']).toEqual({ error: 2, warning: 1, info: 0 })
    expect(summary.byRule['lawful-basis-missing']).toBe(2)
    expect(summary.recordsWith).toEqual({ error: 1, warning: 1, info: 1 })
    expect(worstSeverity(findings.filter((f) => f.recordId === 'rec-2'))).toBe('info')
    expect(worstSeverity(findings.filter((f) => f.recordId === 'rec-1'))).toBe('error')
    expect(worstSeverity([])).toBe('ok')
    expect([...groupFindingsByRecord(findings).keys()]).toEqual([null, 'rec-1', 'rec-2'])
  })
})

describe('completeness', () => {
  it('is 1 overall and per article for a complete register', () => {
    const result = completeness([completeControllerRecord(), completeProcessorRecord()], completeOrganisation())
    expect(result.share).toBe(1)
    expect(result.present).toBe(result.required)
    expect(Object.keys(result.byArticle).sort()).toEqual(
      ['Art. 30(1)(a)', 'Art. 30(1)(b)', 'Art. 30(1)(c)', 'Art. 30(1)(d)', 'Art. 30(1)(e)', 'Art. 30(1)(f)', 'Art. 30(1)(g)', 'Art. 30(2)(a)', 'Art. 30(2)(b)', 'Art. 30(2)(d)'].sort()
    )
  })

  it('counts each missing item against its article', () => {
    const record = completeControllerRecord()
    record.purposes = []
    record.dataCategories[0]!.retention.mode = 'unspecified'
    const result = completeness([record, completeControllerRecord()], null)
    expect(result.byArticle['Art. 30(1)(a)']).toEqual({ present: 0, required: 3, share: 0 })
    expect(result.byArticle['Art. 30(1)(b)']).toEqual({ present: 1, required: 2, share: 0.5 })
    // Retention is one item per record: present only when every category has it.
    expect(result.byArticle['Art. 30(1)(f)']).toEqual({ present: 1, required: 2, share: 0.5 })
    expect(result.byArticle['Art. 30(1)(c)']).toEqual({ present: 4, required: 4, share: 1 })
    // Per controller record: 9 items, recipients' names and kinds (30(1)(d)) among them.
    expect(result.byArticle['Art. 30(1)(d)']).toEqual({ present: 6, required: 6, share: 1 })
    expect(result.required).toBe(3 + 2 * 9)
    expect(result.present).toBe(result.required - 5)
    expect(result.share).toBeCloseTo(16 / 21)
  })

  it('leaves archived records out', () => {
    const archived = completeControllerRecord()
    archived.status = 'archived'
    archived.purposes = []
    expect(completeness([archived], completeOrganisation()).share).toBe(1)
  })
})
