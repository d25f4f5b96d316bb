/**
 * `ropa check <backup.json> [--json] [--today YYYY-MM-DD]`: runs the compliance checks the app
 * shows over a backup file. Exit code 1 when any error-level finding exists, 0 otherwise,
 * 2 when the file cannot be read or is not a valid backup. Node-only (file system); the
 * checks themselves are in src-main/core/checks.
 */
import { readFileSync, statSync } from 'node:fs'
import type { Command } from 'commander'
import { BACKUP_MAX_BYTES, parseBackupText, type Backup } from '../core/backup/backup-format'
import { isIsoDate, localToday } from '../core/checks/dates'
import type { CheckContext, Finding } from '../core/checks/finding'
import { completeness, groupFindingsByRecord, runChecks, summariseFindings, type Completeness, type FindingsSummary } from '../core/checks/run-checks'
import { installedPackVersions } from '../core/templates/installed-pack'
import { formatProblem, type Problem } from '../core/util/problems'
import type { CliSession } from './run-cli'

export const EXIT_OK = 0
export const EXIT_ERRORS_FOUND = 1
export const EXIT_UNREADABLE = 2

export interface CheckReport {
  file: string
  today: string
  records: number
  summary: FindingsSummary
  completeness: Completeness
  findings: Finding[]
}

function readBackup(path: string): { ok: true; backup: Backup } | { ok: false; problems: Problem[] } {
  try {
    const size = statSync(path).size
    if (size > BACKUP_MAX_BYTES) {
      return { ok: false, problems: [{ path: '$', message: `the file is ${size} bytes, over the backup limit of ${BACKUP_MAX_BYTES} bytes` }] }
    }
    return parseBackupText(readFileSync(path, 'utf8'))
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }] }
  }
}

export function checkBackup(file: string, backup: Backup, today: string): CheckReport {
  const context: CheckContext = { organisation: backup.organisation, today, installedPackVersions: installedPackVersions(backup.packs) }
  const findings = runChecks(backup.records, context)
  return {
    file,
    today,
    records: backup.records.length,
    summary: summariseFindings(findings),
    completeness: completeness(backup.records, backup.organisation),
    findings
  }
}

const percent = (share: number): string => `${Math.round(share * 100)}%`
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

export function formatReport(report: CheckReport, backup: Backup): string {
  const lines: string[] = []
  const names = new Map(backup.records.map((record) => [record.id, `${record.reference} ${record.name}`]))
  for (const [recordId, findings] of groupFindingsByRecord(report.findings)) {
    lines.push(recordId === null ? 'Organisation profile' : (names.get(recordId) ?? recordId))
    for (const finding of findings) {
      lines.push(`  ${finding.severity.toUpperCase().padEnd(7)} ${finding.article}  ${finding.field}  [${finding.ruleId}]`)
      lines.push(`          ${finding.message}`)
      lines.push(`          Fix: ${finding.fix}`)
    }
    lines.push('')
  }
  const { bySeverity, recordsWith } = report.summary
  lines.push(
    report.findings.length === 0
      ? `No findings in ${plural(report.records, 'record')} (as of ${report.today}).`
      : `${plural(report.findings.length, 'finding')} (as of ${report.today}): ${plural(bySeverity.error, 'error')}, ${plural(bySeverity.warning, 'warning')}, ${bySeverity.info} info; ${recordsWith.error} of ${plural(report.records, 'record')} with errors.`
  )
  const articles = Object.entries(report.completeness.byArticle)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([article, count]) => `${article} ${percent(count.share)}`)
  lines.push(`Completeness of required Art. 30 items: ${percent(report.completeness.share)} (${articles.join(', ')}).`)
  return `${lines.join('\n')}\n`
}

export function registerCheckCommands(program: Command, session: CliSession): void {
  program
    .command('check')
    .description('Run the compliance checks over a backup file. Exit code 1 when any error-level finding exists, 2 when the file is not a valid backup')
    .argument('<backup>', 'backup file (.json) made by the app')
    .option('--json', 'print the findings, summary and completeness as JSON')
    .option('--today <date>', 'check as of this date (YYYY-MM-DD) instead of today, e.g. for review dates')
    .action((file: string, options: { json?: boolean; today?: string }) => {
      if (options.today !== undefined && !isIsoDate(options.today)) {
        session.err(`ropa check: --today must be a date in the form YYYY-MM-DD, not "${options.today}"\n`)
        session.exitCode = EXIT_UNREADABLE
        return
      }
      const read = readBackup(session.file(file))
      if (!read.ok) {
        for (const problem of read.problems) session.err(`${formatProblem(file, problem)}\n`)
        session.err(`ropa check: ${file} is not a valid backup; nothing was checked\n`)
        session.exitCode = EXIT_UNREADABLE
        return
      }
      const report = checkBackup(file, read.backup, options.today ?? localToday())
      session.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, read.backup))
      session.exitCode = report.summary.bySeverity.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK
    })
}
