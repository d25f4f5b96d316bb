import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createBackup, serialiseBackup } from '@core/backup/backup-format'
import type { StoredRecord } from '@core/records/model'
import type { Finding } from '@core/checks/finding'
import { installedPackRow } from '../fixtures/templates/installed-pack'
import { completeControllerRecord, completeOrganisation, completeProcessorRecord, TODAY } from '../fixtures/checks/records'
import { ropa } from '../fixtures/run-ropa'

const directory = mkdtempSync(join(tmpdir(), 'ropa-check-cli-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function writeBackup(name: string, records: StoredRecord[], packs = [installedPackRow('acme-crm', '1.2.0')]): string {
  const backup = createBackup({
    exportedAt: '2025-06-01T10:00:00.000Z',
    appVersion: '0.1.0',
    organisation: completeOrganisation(),
    userProfile: { name: 'Dana', role: 'DPO' },
    records,
    auditLog: [],
    vendors: [],
    packs
  })
  const path = join(directory, name)
  writeFileSync(path, serialiseBackup(backup))
  return path
}

async function ropaCheck(...args: string[]) {
  const result = await ropa(['check', ...args])
  return { status: result.code, stdout: result.stdout, stderr: result.stderr }
}

describe('ropa check <backup.json>', () => {
  it('exits 0 and says so when nothing is found', async () => {
    const path = writeBackup('clean.json', [completeControllerRecord(), completeProcessorRecord()])
    const result = await ropaCheck(path, '--today', TODAY)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(`No findings in 2 records (as of ${TODAY}).`)
    expect(result.stdout).toMatch(/Completeness of required Art\. 30 items: 100%/)
  })

  it('exits 1 on an error-level finding and prints findings grouped by record, then by article, with the fix', async () => {
    const broken = completeControllerRecord()
    broken.purposes[0]!.lawfulBasis = ''
    const warned = completeProcessorRecord()
    warned.nextReview = '2025-05-01'
    const result = await ropaCheck(writeBackup('errors.json', [broken, warned]), '--today', TODAY)
    expect(result.status).toBe(1)
    const lines = result.stdout.split('\n')
    const first = lines.indexOf('PA-0001 Customer accounts')
    const second = lines.indexOf('PA-0002 Hosting for clients')
    expect(first).toBeGreaterThanOrEqual(0)
    expect(second).toBeGreaterThan(first)
    expect(lines[first + 1]).toBe('  Art. 6(1)')
    expect(lines[first + 2]).toMatch(/^ {4}ERROR +Purpose 1 › Lawful basis {2}\[lawful-basis-missing\]$/)
    expect(lines[first + 4]).toMatch(/Fix: Choose the lawful basis/)
    expect(lines[second + 1]).toBe('  Art. 24(1)')
    expect(lines[second + 2]).toMatch(/WARNING +Next review/)
    expect(result.stdout).toContain('2 findings (as of 2025-06-01): 1 error, 1 warning, 0 info; 1 of 2 records with errors.')
  })

  it('exits 0 when there are only warnings, and --json gives the findings, summary and completeness', async () => {
    const record = completeControllerRecord()
    record.recipients = []
    record.origin = { packId: 'acme-crm', packVersion: '1.0.0', activityId: 'accounts' }
    const result = await ropaCheck(writeBackup('warnings.json', [record]), '--json', '--today', TODAY)
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout)
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['art30-recipients', 'template-version-outdated'])
    expect(report.findings[1].message).toMatch(/version 1\.0\.0; version 1\.2\.0 is now installed/)
    expect(report.summary.bySeverity).toEqual({ error: 0, warning: 1, info: 1 })
    expect(report.completeness.byArticle['Art. 30(1)(d)']).toEqual({ present: 0, required: 1, share: 0 })
    expect(report.records).toBe(1)
  })

  it('exits 2 and names the file and JSON path when the backup is invalid', async () => {
    const record = completeControllerRecord()
    record.reference = 'X-1'
    const path = writeBackup('invalid.json', [record])
    const result = await ropaCheck(path, '--today', TODAY)
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`${path}: $.records[0].reference:`)
    expect(result.stderr).toContain('is not a valid backup or workbook; nothing was checked')
  })

  it('exits 2 for a missing file and for a malformed --today', async () => {
    const missing = await ropaCheck(join(directory, 'nope.json'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/nope\.json: \$: cannot read the file/)
    const badDate = await ropaCheck(writeBackup('date.json', [completeControllerRecord()]), '--today', '1/6/2025')
    expect(badDate.status).toBe(2)
    expect(badDate.stderr).toMatch(/--today must be a date in the form YYYY-MM-DD, not "1\/6\/2025"/)
  })
})

/** A register the DPO has only begun: names, purposes, categories and recipients not known yet. */
function unfinishedRecords(): StoredRecord[] {
  const controller = completeControllerRecord()
  controller.name = ''
  controller.purposes = [{ ...controller.purposes[0]!, description: '', lawfulBasis: '' }]
  controller.dataCategories[0]!.term = ''
  controller.recipients = [{ id: 'r1', name: '', type: 'not-stated', vendorId: '', contractReference: '', notes: '' }]
  controller.securityMeasures = []
  const processor = completeProcessorRecord()
  processor.controllersActedFor[0]!.name = ''
  processor.controllersActedFor[0]!.processingCategories = ''
  return [controller, processor]
}

describe('ropa check on an incomplete register', () => {
  it('reads it, and reports what is missing under each article of Art. 30, exit 1', async () => {
    const result = await ropaCheck(writeBackup('unfinished.json', unfinishedRecords()), '--today', TODAY)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    const lines = result.stdout.split('\n')
    const controller = lines.indexOf('PA-0001 Unnamed activity')
    expect(controller).toBeGreaterThanOrEqual(0)
    const headings = lines.slice(controller + 1, lines.indexOf('', controller)).filter((line) => /^ {2}\S/.test(line))
    expect(headings).toEqual([
      '  Art. 6(1)',
      '  Art. 30(1) Controller\'s record',
      '  Art. 30(1)(b) Purposes of the processing',
      '  Art. 30(1)(c) Categories of data subjects and of personal data',
      '  Art. 30(1)(d) Categories of recipients',
      '  Art. 30(1)(g) Technical and organisational measures'
    ])
    expect(result.stdout).toContain('Recipient 1: its type is not stated (processor, other controller, public authority or internal).')
    expect(result.stdout).toContain('    ERROR   Data category 1 › Category  [art30-data-categories]')
    expect(result.stdout).toContain('PA-0002 Hosting for clients\n  Art. 30(2)(a) Processor and the controllers it acts for\n')
    expect(lines).toContain('By article:')
    expect(lines).toContain('  Art. 30(1)(d) Categories of recipients: 33% complete (1 of 3); 2 errors')
    expect(lines).toContain('  Art. 30(1)(e) Transfers to third countries: 100% complete (1 of 1); nothing missing')
    expect(lines).toContain('  Art. 30(2)(b) Categories of processing for each controller: 0% complete (0 of 1); 1 error')
    // No stored path reaches the report.
    expect(result.stdout).not.toMatch(/\w\.\d\.|\[\d+\]/)
  })

  it('checks the app\'s own workbook the same way, and refuses a workbook row that is not structurally valid, naming its cell', async () => {
    const backupPath = writeBackup('for-workbook.json', unfinishedRecords())
    const workbook = join(directory, 'unfinished.xlsx')
    expect(await ropa(['export', backupPath, '-o', workbook])).toMatchObject({ code: 0, stderr: '' })
    const fromBackup = await ropaCheck(backupPath, '--today', TODAY, '--json')
    const fromWorkbook = await ropaCheck(workbook, '--today', TODAY, '--json')
    expect(fromWorkbook.stderr).toBe('')
    expect(fromWorkbook.status).toBe(1)
    const recordFindings = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings.filter((finding) => finding.recordId !== null)
    expect(recordFindings(fromWorkbook.stdout)).toEqual(recordFindings(fromBackup.stdout))
    expect((await ropaCheck(workbook, '--today', TODAY)).stdout).toContain('The organisation profile (Art. 30(1)(a)) is not in a workbook: it was not checked')

    // The same length, so only the reference is wrong: 'PA-X002' is not a reference.
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(workbook)
    let edited = ''
    book.getWorksheet('Data')!.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.includes('"reference":"PA-0002"')) {
          cell.value = cell.value.replace('"reference":"PA-0002"', '"reference":"PA-X002"')
          edited = cell.address
        }
      })
    })
    expect(edited).not.toBe('')
    const damaged = join(directory, 'damaged.xlsx')
    await book.xlsx.writeFile(damaged)
    const refused = await ropaCheck(damaged, '--today', TODAY)
    expect(refused.status).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain(`${damaged}: 'Data'!${edited}: `)
    expect(refused.stderr).toMatch(/reference/)
  })
})
