/**
 * Prints, per file of the legacy corpus (test/fixtures/legacy/), what the migration makes of it
 * with the automatic mapping: rows read, records made, cells mapped, cells kept as notes, cells
 * ignored, columns no dictionary knew, rows skipped, and the findings `ropa check` reports on
 * the resulting backup (by severity, and the most frequent rules). The file goes through the
 * same `ropa import` and `ropa check` code as on the command line.
 *   npx tsx scripts/legacy-corpus-report.ts [--today YYYY-MM-DD]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseBackupText } from '../src-main/core/backup/backup-format'
import { checkBackup } from '../src-main/cli/check-commands'
import { localToday } from '../src-main/core/checks/dates'
import { runCli } from '../src-main/cli/run-cli'
import { planImport, proposeMapping, readSpreadsheet } from '../src-main/core/migration/index'

const LEGACY_DIR = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'legacy')
const todayIndex = process.argv.indexOf('--today')
const today = todayIndex > 0 ? process.argv[todayIndex + 1]! : localToday()

const work = mkdtempSync(join(tmpdir(), 'legacy-report-'))
const rows: string[][] = []
const rules: string[] = []
try {
  for (const name of readdirSync(LEGACY_DIR).sort()) {
    const read = await readSpreadsheet(name, new Uint8Array(readFileSync(join(LEGACY_DIR, name))))
    if (!read.ok) {
      rows.push([name, `unreadable: ${read.problems.map((problem) => problem.message).join('; ')}`])
      continue
    }
    const plan = planImport(read.file, proposeMapping(read.file), { today })
    const output = join(work, `${name}.json`)
    let stderr = ''
    const code = await runCli(['import', join(LEGACY_DIR, name), '-o', output, '--today', today], { stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) }, cwd: work })
    if (code !== 0) {
      rows.push([name, `ropa import exited ${code}: ${stderr.trim()}`])
      continue
    }
    const parsed = parseBackupText(readFileSync(output, 'utf8'))
    if (!parsed.ok) throw new Error(`${name}: the backup written is not valid: ${JSON.stringify(parsed.problems)}`)
    const report = checkBackup(output, parsed.backup, today)
    const { summary } = plan
    const topRules = Object.entries(report.summary.byRule)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([rule, count]) => `${rule} ${count}`)
      .join(', ')
    rules.push(`${name}: ${Object.entries(report.summary.byRule).map(([rule, count]) => `${rule} ${count}`).join(', ')}`)
    rows.push([
      name,
      String(summary.rowsRead),
      String(summary.recordsMade),
      String(plan.problems.length),
      String(summary.cellsMapped),
      String(summary.cellsKeptAsNotes),
      String(summary.cellsIgnored.length),
      String(summary.columnsUnmapped.length),
      parsed.backup.organisation ? 'yes' : 'no',
      String(report.summary.bySeverity.error),
      String(report.summary.bySeverity.warning),
      String(report.summary.bySeverity.info),
      topRules
    ])
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

const header = ['File', 'Rows read', 'Records', 'Rows skipped', 'Cells mapped', 'Kept as notes', 'Ignored', 'Unmapped columns', 'Organisation', 'Errors', 'Warnings', 'Info', 'Most frequent findings']
console.log(`Legacy corpus, automatic mapping, checks as of ${today}\n`)
console.log(`| ${header.join(' | ')} |`)
console.log(`|${header.map(() => '---').join('|')}|`)
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
console.log('\nFindings by rule:')
for (const line of rules) console.log(`  ${line}`)
