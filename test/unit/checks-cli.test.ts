import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createBackup, serialiseBackup } from '@core/backup/backup-format'
import type { StoredRecord } from '@core/records/model'
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

  it('exits 1 on an error-level finding and prints findings grouped by record with the fix', async () => {
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
    expect(lines[first + 1]).toMatch(/^ {2}ERROR +Art\. 6\(1\) {2}purposes\.0\.lawfulBasis {2}\[lawful-basis-missing\]$/)
    expect(lines[first + 3]).toMatch(/Fix: Choose the lawful basis/)
    expect(lines[second + 1]).toMatch(/WARNING +Art\. 24\(1\) {2}nextReview/)
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
    expect(result.stderr).toContain('is not a valid backup; nothing was checked')
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
