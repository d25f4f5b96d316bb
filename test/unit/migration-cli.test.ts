/** `ropa import` of legacy registers, in-process through runCli: what is mapped, kept and skipped, and --strict / --mapping / --print-mapping. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parseBackupText, type Backup } from '@core/backup/backup-format'
import { ropa } from '../fixtures/run-ropa'

const LEGACY = join(import.meta.dirname, '..', 'fixtures', 'legacy')
const dir = mkdtempSync(join(tmpdir(), 'ropa-migration-'))
for (const name of ['ico-controller.xlsx', 'messy-register.xlsx', 'cnil-registre.ods', 'half-incomplete.xlsx', 'adherents-windows1252.csv']) copyFileSync(join(LEGACY, name), join(dir, name))

function backupAt(name: string): Backup {
  const result = parseBackupText(readFileSync(join(dir, name), 'utf8'))
  if (!result.ok) throw new Error(JSON.stringify(result.problems))
  return result.backup
}
const importFile = (args: string[]) => ropa(['import', ...args, '--today', '2026-12-06'], dir)

describe('ropa import of a legacy register', () => {
  it('imports every row of an ICO-layout register, with its contact block as the organisation', async () => {
    const result = await importFile(['ico-controller.xlsx', '-o', 'ico.json'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/^wrote ico\.json: 5 activities imported from ico-controller\.xlsx$/m)
    const backup = backupAt('ico.json')
    expect(backup.records.map((record) => record.reference)).toEqual(['PA-0001', 'PA-0002', 'PA-0003', 'PA-0004', 'PA-0005'])
    expect(backup.organisation).toMatchObject({
      controller: { name: 'Brightwater Housing Ltd', email: 'info@brightwater.example' },
      dpo: { name: 'Priya Shah', email: 'dpo@brightwater.example' },
      representative: { name: 'Brightwater EU SARL' }
    })
    const newsletter = backup.records.find((record) => record.name === 'Newsletter')!
    expect(newsletter.transfers).toEqual([expect.objectContaining({ country: 'United States', recipient: 'Mailchimp', instrument: 'eu-us-dpf', mechanism: 'art45' })])
  })

  it('a register headed Purpose / Data categories / Retention / Country / Safeguard keeps all of them, its references and its free-text bases, and says what it did', async () => {
    const result = await importFile(['messy-register.xlsx', '-o', 'messy.json'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const backup = backupAt('messy.json')
    const volunteers = backup.records.find((record) => record.previousReference === 'NCT-1')!
    expect(volunteers.purposes.map((purpose) => [purpose.description, purpose.lawfulBasis])).toEqual([
      ['Recruiting volunteers', 'b'],
      ['Running DBS checks', 'b']
    ])
    expect(volunteers.importedFrom).toContainEqual(expect.objectContaining({ cell: 'D6', heading: 'Lawful basis', text: 'Art 6(1)(b) contract' }))
    expect(volunteers.dataCategories.map((category) => [category.term, category.retention.period, category.retention.fromEvent])).toEqual([
      ['custom:Contact details', 3, 'last contact'],
      ['custom:Criminal records', 3, 'last contact']
    ])
    expect(volunteers.lastReviewed).toBe('2023-05-17')
    const donations = backup.records.find((record) => record.previousReference === 'NCT-2')!
    // "SCCs" says the mechanism, not which set of clauses: the instrument stays blank.
    expect(donations.transfers).toEqual([expect.objectContaining({ country: 'USA', countryCode: 'US', recipient: '', mechanism: 'art46', instrument: '', documentation: 'SCCs' })])
    expect(backup.records.map((record) => record.previousReference)).toEqual(['NCT-1', 'NCT-2', 'NCT-3'])
    // Words, not silence: the mapping, the counts and the column no dictionary knew.
    expect(result.stdout).toMatch(/read 3 rows from 'Data register' \(table, headings in row 4\): 3 activities made/)
    expect(result.stdout).toMatch(/cells: 30 mapped to record fields, 4 kept as notes, 0 ignored/)
    expect(result.stdout).toMatch(/'Data register'!G "Data \/ Retention" → Retention \(english "Retention"\)/)
    expect(result.stdout).toMatch(/messy-register\.xlsx: 'Data register'!M "Risk rating": no record field matches this heading; its cells are kept as notes/)
  })

  it('makes no recipient a processor unless the sheet says so (HMRC, the police)', async () => {
    await importFile(['messy-register.xlsx', '-o', 'messy.json'])
    const recipients = backupAt('messy.json').records.flatMap((record) => record.recipients.map((recipient) => [recipient.name, recipient.type]))
    expect(recipients).toEqual([
      ['HMRC', 'not-stated'],
      ['Police', 'not-stated'],
      ['Payroll Co', 'processor'],
      ['HMRC', 'not-stated'],
      ['Stripe', 'processor'],
      ['Mailchimp', 'not-stated']
    ])
  })

  it('imports a French CNIL register (.ods) and a Windows-1252 CSV', async () => {
    expect(await importFile(['cnil-registre.ods', '-o', 'cnil.json'])).toMatchObject({ code: 0, stderr: '' })
    const cnil = backupAt('cnil.json')
    expect(cnil.records.map((record) => record.name)).toEqual(['Gestion de la paie', 'Fichier clients', 'Vidéosurveillance', 'Recrutement'])
    expect(cnil.organisation?.controller.name).toBe('Librairie Durand SARL')
    expect(cnil.records[0]!.dataCategories[0]!.retention).toMatchObject({ mode: 'period', period: 5, fromEvent: 'la fin du contrat' })

    expect(await importFile(['adherents-windows1252.csv', '-o', 'csv.json'])).toMatchObject({ code: 0, stderr: '' })
    expect(backupAt('csv.json').records[1]!.dataCategories.map((category) => category.term)).toEqual(['custom:Identité', 'custom:Montant des dons (€)'])
  })

  it('reports a row it skips, naming sheet, cell and reason, and still exits 0', async () => {
    const result = await importFile(['half-incomplete.xlsx', '-o', 'half.json'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/half-incomplete\.xlsx: 'RoPA'!A4: skipped, not imported: no name of the activity \(column "Processing activity" is empty\) and no purpose to name it by; the row's cells: A4 "R3", F4 "Contact details", H4 "Events agency"/)
    expect(backupAt('half.json').records).toHaveLength(3)
  })

  it('--strict exits 1 on an unmapped column or a skipped row and writes nothing', async () => {
    const unmapped = await importFile(['messy-register.xlsx', '-o', 'strict-messy.json', '--strict'])
    expect(unmapped.code).toBe(1)
    expect(unmapped.stderr).toMatch(/messy-register\.xlsx: 'Data register'!M "Risk rating": no record field matches this heading/)
    expect(existsSync(join(dir, 'strict-messy.json'))).toBe(false)
    const skipped = await importFile(['half-incomplete.xlsx', '-o', 'strict-half.json', '--strict'])
    expect(skipped.code).toBe(1)
    expect(skipped.stderr).toMatch(/'RoPA'!A4: skipped, not imported/)
    expect(existsSync(join(dir, 'strict-half.json'))).toBe(false)
    expect(await importFile(['ico-controller.xlsx', '-o', 'strict-ico.json', '--strict'])).toMatchObject({ code: 0 })
  })

  it('--print-mapping prints the mapping; --mapping uses an edited one', async () => {
    const printed = await importFile(['messy-register.xlsx', '--print-mapping'])
    expect(printed.code).toBe(0)
    const mapping = JSON.parse(printed.stdout) as { sheets: Array<{ columns: Array<{ heading: string; target: unknown }> }> }
    const risk = mapping.sheets[0]!.columns.find((column) => column.heading === 'Risk rating')!
    risk.target = { kind: 'ignore', reason: 'internal risk score' }
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping))
    const result = await importFile(['messy-register.xlsx', '-o', 'mapped.json', '--mapping', 'mapping.json', '--strict'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toMatch(/'Data register'!M6 \("Risk rating"\): ignored: internal risk score/)
    expect(backupAt('mapped.json').records[0]!.notes).not.toContain('Risk rating')

    writeFileSync(join(dir, 'bad-mapping.json'), JSON.stringify({ sheets: [{ sheet: 'Data register', layout: 'table', headerRow: 4, columns: [{ source: 'A', heading: 'Ref', target: { kind: 'ignore', reason: '' } }] }] }))
    const bad = await importFile(['messy-register.xlsx', '-o', 'never.json', '--mapping', 'bad-mapping.json'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/bad-mapping\.json: \$\.sheets\[0\]\.columns\[0\]\.target\.reason: Say why this column is ignored/)
  })

  it('refuses a spreadsheet with no register in it, naming its sheets', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('Shopping').addRow(['Milk', 'Eggs'])
    writeFileSync(join(dir, 'shopping.xlsx'), new Uint8Array((await workbook.xlsx.writeBuffer())))
    const result = await importFile(['shopping.xlsx', '-o', 'never.json'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/shopping\.xlsx: no register found: no sheet \('Shopping'\) has a row with at least 3 headings/)
  })
})
