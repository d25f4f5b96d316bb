/**
 * A pack without source text imports, but its values are unverified: records made from it carry
 * evidence marked so, which the workbook names and the findings do not count. Rows installed
 * before format 2 (their policy text in `sourceText`) stay verified and show their policy.
 */
import { describe, expect, it } from 'vitest'
import { installedPackSchema, installedPackSources, isVerifiedPack, recordFromInstalledPack, sourceOfQuote } from '@core/templates/installed-pack'
import { templatePackSchema } from '@core/templates/pack-schema'
import { evidenceSchema, recordFormSchema } from '@core/records/model'
import { SHEET } from '@core/workbook/columns'
import { writeWorkbookBuffer } from '@core/workbook/write-workbook'
import { FIXTURE_SOURCE_TEXT, fixturePackJson, fixturePackV2Json } from '../fixtures/packs/fixture-pack'
import { exportData, loadWorkbook, sampleRecords } from '../fixtures/workbooks/sample-register'

const row = (pack: unknown, sourceText = '') =>
  installedPackSchema.parse({ id: 'acme-widgets', version: '1.0.0', vendorName: 'Acme Widgets Ltd', origin: 'imported', installedAt: '2026-01-01T00:00:00.000Z', pack, sourceText })

describe('evidence from an installed pack', () => {
  it('is unverified when the pack carried no source text, verified when it embeds its policy', () => {
    const withoutText = { ...fixturePackV2Json(), sources: [] }
    const unverified = recordFromInstalledPack(row(withoutText), 'accounts')
    expect(unverified.evidence.length).toBeGreaterThan(5)
    expect(unverified.evidence.every((evidence) => evidence.verified === false)).toBe(true)
    expect(recordFormSchema.safeParse(unverified).success).toBe(true)

    const verified = recordFromInstalledPack(row(fixturePackV2Json()), 'accounts')
    expect(verified.evidence.every((evidence) => evidence.verified === true)).toBe(true)
  })

  it('is verified for a row installed before format 2, whose policy text the row kept', () => {
    const legacy = row(templatePackSchema.parse(fixturePackJson()), FIXTURE_SOURCE_TEXT)
    expect(isVerifiedPack(legacy)).toBe(true)
    expect(installedPackSources(legacy)).toEqual([{ title: legacy.pack.source.title, text: FIXTURE_SOURCE_TEXT }])
    expect(recordFromInstalledPack(legacy, 'accounts').evidence.every((evidence) => evidence.verified === true)).toBe(true)
  })

  it('reads evidence stored before verification was tracked without the field (treated as verified)', () => {
    expect(evidenceSchema.parse({ field: 'role', quotes: ['q'], note: '' })).toEqual({ field: 'role', quotes: ['q'], note: '' })
  })
})

describe('the workbook Evidence sheet', () => {
  it('lists unverified evidence as such, read back cell by cell', async () => {
    const records = sampleRecords().slice(0, 1)
    records[0] = {
      ...records[0]!,
      evidence: [
        { field: 'purposes.0', quotes: ['Checked words.'], note: '', verified: true },
        { field: 'purposes.0.lawfulBasis', quotes: ['Unchecked words.'], note: '', verified: false },
        { field: 'role', quotes: ['Words from before verification was tracked.'], note: '' }
      ]
    }
    const sheet = (await loadWorkbook(await writeWorkbookBuffer(exportData(records)))).getWorksheet(SHEET.evidence)!
    const header = (sheet.getRow(1).values as unknown[]).map(String)
    const column = (name: string) => header.indexOf(name)
    const rows = [2, 3, 4].map((row) => [sheet.getRow(row).getCell(column('Kind')).value, sheet.getRow(row).getCell(column('Quote from the source (verbatim)')).value])
    expect(rows).toEqual([
      ['Evidence', 'Checked words.'],
      ['Evidence (unverified)', 'Unchecked words.'],
      ['Evidence', 'Words from before verification was tracked.']
    ])
  })
})

describe('"Show in policy" with several sources', () => {
  it('opens the source the quote stands in, whitespace aside', () => {
    const sources = [
      { title: 'Privacy policy', text: 'We keep your data\nfor two years.' },
      { title: 'Sub-processors', text: 'PayCo (payments, Ireland)' }
    ]
    expect(sourceOfQuote(sources, 'PayCo  (payments,\nIreland)')?.title).toBe('Sub-processors')
    expect(sourceOfQuote(sources, 'We keep your data for two years.')?.title).toBe('Privacy policy')
    expect(sourceOfQuote([], 'anything')).toBeUndefined()
  })
})
