/**
 * `ropa check <register> [--json] [--today YYYY-MM-DD]`: runs the compliance checks the app
 * shows over a backup file or a workbook (the app's own, or an ICO-style register), and
 * reports what is missing by article of Art. 30. A register that is structurally valid is
 * always checked, however incomplete: exit code 1 when any error-level finding exists, 0
 * otherwise, 2 only when the file cannot be read or is not structurally valid (each problem
 * named by its JSON path or cell). Node-only (file system); the checks are in src-main/core/checks.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import type { Command } from 'commander'
import { BACKUP_MAX_BYTES, parseBackupText, type Backup } from '../core/backup/backup-format'
import { ART30_LETTERS, groupByArticle } from '../core/checks/art30-items'
import { isLocale, LOCALES, type Locale } from '../core/i18n'
import { articleHeadingIn, describeFieldPathIn, lookupText, translateMessage } from '../core/i18n/catalogues'
import { formatShortDate } from '../core/i18n/message'
import { problemIn } from '../core/i18n/problem'
import { isIsoDate, localToday } from '../core/checks/dates'
import type { CheckContext, Finding } from '../core/checks/finding'
import { checkRecord, completeness, groupFindingsByRecord, runChecks, summariseFindings, type Completeness, type FindingsSummary } from '../core/checks/run-checks'
import { activityTitle, type Organisation, type StoredRecord } from '../core/records/model'
import { installedPackVersions } from '../core/templates/installed-pack'
import { formatProblem, type Problem } from '../core/util/problems'
import { DEFAULT_XLSX_LIMITS } from '../core/workbook/xlsx-guard'
import type { CliSession } from './run-cli'

export const EXIT_OK = 0
export const EXIT_ERRORS_FOUND = 1
export const EXIT_UNREADABLE = 2

export interface CheckReport {
  file: string
  today: string
  records: number
  /** False for a workbook: the organisation profile (Art. 30(1)(a)) was not part of the check. */
  organisationChecked: boolean
  summary: FindingsSummary
  completeness: Completeness
  findings: Finding[]
}

/** The register a check runs over: from a backup, or from a workbook (which carries no organisation profile the checks can read). */
export interface CheckedRegister {
  kind: 'backup' | 'workbook'
  records: StoredRecord[]
  organisation: Organisation | null
  installedPackVersions: Record<string, string>
}

type ReadResult = { ok: true; register: CheckedRegister } | { ok: false; problems: Problem[] }

const cannotRead = (error: unknown): ReadResult => ({ ok: false, problems: [{ path: '$', message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` }] })

function readBackupRegister(path: string): ReadResult {
  try {
    const size = statSync(path).size
    if (size > BACKUP_MAX_BYTES) {
      return { ok: false, problems: [{ path: '$', message: `the file is ${size} bytes, over the backup limit of ${BACKUP_MAX_BYTES} bytes` }] }
    }
    const read = parseBackupText(readFileSync(path, 'utf8'))
    return read.ok ? { ok: true, register: registerOfBackup(read.backup) } : read
  } catch (error) {
    return cannotRead(error)
  }
}

export function registerOfBackup(backup: Backup): CheckedRegister {
  return { kind: 'backup', records: backup.records, organisation: backup.organisation, installedPackVersions: installedPackVersions(backup.packs) }
}

/** A workbook is checked as it would be imported: a row that is not structurally valid is refused with its cell. */
async function readWorkbookRegister(path: string): Promise<ReadResult> {
  let bytes: Buffer
  try {
    const size = statSync(path).size
    if (size > DEFAULT_XLSX_LIMITS.maxFileBytes) return { ok: false, problems: [{ path: '$', message: `the file is ${size} bytes, over the workbook limit of ${DEFAULT_XLSX_LIMITS.maxFileBytes} bytes` }] }
    bytes = readFileSync(path)
  } catch (error) {
    return cannotRead(error)
  }
  // Loaded only here: exceljs takes a second to load, which a backup check need not wait for.
  const { readWorkbook, recordsToImport } = await import('../core/workbook/read-workbook')
  const result = await readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), [], { fileName: path })
  if (!result.ok) return result
  const invalid = result.preview.rows.filter((row) => row.status === 'invalid')
  if (invalid.length > 0) return { ok: false, problems: invalid.map((row) => ({ path: row.location, message: `${row.reference}: ${row.reason}` })) }
  return { ok: true, register: { kind: 'workbook', records: recordsToImport(result.preview), organisation: null, installedPackVersions: {} } }
}

/** A zip (an .xlsx) starts with "PK"; anything else is read as a backup. */
function isZipFile(path: string): boolean {
  let descriptor: number | undefined
  try {
    descriptor = openSync(path, 'r')
    const head = Buffer.alloc(2)
    return readSync(descriptor, head, 0, 2, 0) === 2 && head[0] === 0x50 && head[1] === 0x4b
  } catch {
    return false
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

export function readRegister(path: string): Promise<ReadResult> {
  return isZipFile(path) || /\.xlsx$/i.test(path) ? readWorkbookRegister(path) : Promise.resolve(readBackupRegister(path))
}

export function checkBackup(file: string, backup: Backup, today: string): CheckReport {
  return checkRegister(file, registerOfBackup(backup), today)
}

export function checkRegister(file: string, register: CheckedRegister, today: string): CheckReport {
  const context: CheckContext = { organisation: register.organisation, today, installedPackVersions: register.installedPackVersions }
  // A workbook carries no organisation profile to check: its items are not reported missing, only not checked.
  const findings = register.kind === 'backup' ? runChecks(register.records, context) : register.records.flatMap((record) => checkRecord(record, context))
  return {
    file,
    today,
    records: register.records.length,
    organisationChecked: register.kind === 'backup',
    summary: summariseFindings(findings),
    completeness: completeness(register.records, register.organisation),
    findings
  }
}

const percent = (share: number): string => `${Math.round(share * 100)}%`

/** Findings by record, and within a record by article; then the register's Art. 30 items letter by letter. */
export function formatReport(report: CheckReport, records: readonly StoredRecord[], locale: Locale = 'en'): string {
  const lines: string[] = []
  const names = new Map(records.map((record) => [record.id, `${record.reference} ${activityTitle(record.name)}`]))
  const english = locale === 'en'
  for (const [recordId, findings] of groupFindingsByRecord(report.findings)) {
    lines.push(recordId === null ? lookupText(locale, 'workbook:findings.organisationProfile') : (names.get(recordId) ?? recordId))
    for (const [article, group] of groupByArticle(findings)) {
      lines.push(`  ${articleHeadingIn(article, locale)}`)
      for (const finding of group) {
        const severity = english ? finding.severity : lookupText(locale, `labels:severity.${finding.severity}`)
        lines.push(`    ${severity.toUpperCase().padEnd(7)} ${describeFieldPathIn(finding.field, locale)}  [${finding.ruleId}]`)
        lines.push(`            ${english ? finding.message : translateMessage(finding.messageRef, locale)}`)
        lines.push(`            ${english ? 'Fix' : lookupText(locale, 'workbook:findings.fix')}: ${english ? finding.fix : translateMessage(finding.fixRef, locale)}`)
      }
    }
    lines.push('')
  }
  const say = (key: string, params?: Record<string, string | number>) => lookupText(locale, `cli:${key}`, params)
  const count = (value: number, word: string) => say(`count.${word}.${value === 1 ? 'one' : 'other'}`, { count: value })
  const counts = (errors: number, warnings: number) =>
    errors + warnings === 0 ? say('check.nothingMissing') : [errors > 0 ? count(errors, 'error') : '', warnings > 0 ? count(warnings, 'warning') : ''].filter(Boolean).join(', ')
  const { bySeverity, recordsWith } = report.summary
  const today = english ? report.today : formatShortDate(report.today, locale)
  lines.push(
    report.findings.length === 0
      ? say('check.none', { records: count(report.records, 'record'), today })
      : say('check.summary', {
          findings: count(report.findings.length, 'finding'),
          today,
          errors: count(bySeverity.error, 'error'),
          warnings: count(bySeverity.warning, 'warning'),
          info: bySeverity.info,
          withErrors: recordsWith.error,
          records: count(report.records, 'record')
        })
  )
  lines.push(say('check.completeness', { share: percent(report.completeness.share) }))
  lines.push(say('check.byArticle'))
  for (const article of ART30_LETTERS) {
    const tally = report.completeness.byArticle[article]
    const found = report.summary.byArticle[article]
    if (!tally && !found) continue
    const share = tally ? say('check.share', { share: percent(tally.share), present: tally.present, required: tally.required }) : say('check.notRequired')
    lines.push(`  ${articleHeadingIn(article, locale)}: ${share}; ${counts(found?.error ?? 0, found?.warning ?? 0)}`)
  }
  if (!report.organisationChecked) lines.push(say('check.organisationNotChecked'))
  return `${lines.join('\n')}\n`
}

export function registerCheckCommands(program: Command, session: CliSession): void {
  program
    .command('check')
    .description('Run the compliance checks over a backup file or a workbook and report what is missing, by article. Exit code 1 when any error-level finding exists, 2 when the file is not structurally valid')
    .argument('<register>', 'backup file (.json) or workbook (.xlsx) made by the app, or an ICO-style register (.xlsx)')
    .option('--json', 'print the findings, summary and completeness as JSON')
    .option('--today <date>', 'check as of this date (YYYY-MM-DD) instead of today, e.g. for review dates')
    .option('--lang <language>', 'language of the findings: en (default), fr or de')
    .action(async (file: string, options: { json?: boolean; today?: string; lang?: string }) => {
      if (options.today !== undefined && !isIsoDate(options.today)) {
        session.err(`ropa check: --today must be a date in the form YYYY-MM-DD, not "${options.today}"\n`)
        session.exitCode = EXIT_UNREADABLE
        return
      }
      if (options.lang !== undefined && !isLocale(options.lang)) {
        session.err(`ropa check: --lang must be one of ${LOCALES.join(', ')}, not "${options.lang}"\n`)
        session.exitCode = EXIT_UNREADABLE
        return
      }
      const read = await readRegister(session.file(file))
      if (!read.ok) {
        // Problems that carry their keys (a refused workbook or backup) are said in the language asked for.
        for (const problem of read.problems) session.err(`${formatProblem(file, problemIn(problem, options.lang ?? 'en'))}\n`)
        session.err(`ropa check: ${file} is not a valid backup or workbook; nothing was checked\n`)
        session.exitCode = EXIT_UNREADABLE
        return
      }
      const report = checkRegister(file, read.register, options.today ?? localToday())
      session.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, read.register.records, options.lang ?? 'en'))
      session.exitCode = report.summary.bySeverity.error > 0 ? EXIT_ERRORS_FOUND : EXIT_OK
    })
}
