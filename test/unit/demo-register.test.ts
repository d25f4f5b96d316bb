import { describe, expect, it } from 'vitest'
import { demoOrganisation, generateDemoRegister } from '@core/demo/demo-register'
import { organisationSchema, storedRecordSchema } from '@core/records/model'

describe('generateDemoRegister', () => {
  const records = generateDemoRegister(300, 7)

  it('produces records that all pass the stored-record schema, referenced PA-0001 onwards', () => {
    for (const record of records) expect(storedRecordSchema.safeParse(record).error).toBeUndefined()
    expect(records.map((record) => record.reference).slice(0, 3)).toEqual(['PA-0001', 'PA-0002', 'PA-0003'])
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length)
  })

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoRegister(20, 7)).toEqual(records.slice(0, 20))
    expect(generateDemoRegister(20, 8)).not.toEqual(records.slice(0, 20))
  })

  it('has the benchmark shape: 3 purposes, 5 categories, 3 recipients, 1 transfer, 3-4 KB of JSON each (the model field names and retention objects alone take ~2.3 KB at this shape)', () => {
    for (const record of records) {
      expect([record.purposes.length, record.dataCategories.length, record.recipients.length, record.transfers.length]).toEqual([3, 5, 3, 1])
    }
    const averageBytes = records.reduce((sum, record) => sum + JSON.stringify(record).length, 0) / records.length
    expect(averageBytes).toBeGreaterThan(2500)
    expect(averageBytes).toBeLessThan(4500)
  })

  it('mixes roles (mostly controllers; processors name the controllers they act for) and gives LIA references for legitimate interests', () => {
    const controllers = records.filter((record) => record.role === 'controller').length
    expect(controllers / records.length).toBeGreaterThan(0.7)
    expect(controllers / records.length).toBeLessThan(0.9)
    const processors = records.filter((record) => record.role === 'processor')
    expect(processors.length).toBeGreaterThan(0)
    for (const processor of processors) expect(processor.controllersActedFor.length).toBeGreaterThan(0)
    const legitimateInterests = records.flatMap((record) => record.purposes).filter((purpose) => purpose.lawfulBasis === 'f')
    expect(legitimateInterests.length).toBeGreaterThan(0)
    for (const purpose of legitimateInterests) expect(purpose.liaReference).toMatch(/^LIA-PA-\d{4}-\d$/)
    expect(new Set(records.map((record) => record.status)).size).toBeGreaterThanOrEqual(3)
  })

  it('gives a valid demo organisation', () => {
    expect(organisationSchema.safeParse(demoOrganisation()).error).toBeUndefined()
  })
})
