/**
 * `ropa export`, `ropa import` and `ropa demo`: the workbook, CSV and backup from the command
 * line, with the same core code as the app. Node-only (file system). Errors go to stderr with
 * exit code 1; nothing is written when the input has a problem.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { BACKUP_MAX_BYTES, backupAuditTrail, createBackup, parseBackupText, serialiseBackup, type Backup } from '../core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '../core/demo/demo-register'
import { formatBytes } from '../core/templates/safe-json'
import { formatProblem, type Problem } from '../core/util/problems'
import { registerCsv } from '../core/workbook/register-csv'
import { DEFAULT_XLSX_LIMITS } from '../core/workbook/xlsx-guard'
import { localToday } from '../core/checks/dates'
import { checkBackup } from './check-commands'
import type { CliSession } from './run-cli'

const PACKAGE_JSON = resolve(import.meta.dirname, '..', '..', 'package.json')
const MAX_DEMO_ACTIVITIES = 100_000

export function appVersion(): string {
  return (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version
}

/** Thrown to end a command with problems already phrased for the user. */
class CommandProblems extends Error {
  constructor(
    readonly label: string,
    readonly problems: Problem[]
  ) {
    // A problem with the whole file names the file once.
    super(problems.map((problem) => (problem.path === label ? `${label}: ${problem.message}` : formatProblem(label, problem))).join('\n'))
  }
}

/**
 * Reads a file after checking its size, so that a huge file is refused before it is loaded.
 * `label` is the file as the user named it, for messages.
 */
function readLimited(path: string, label: string, maxBytes: number, what: string): Buffer {
  let size: number
  try {
    size = statSync(path).size
  } catch (error) {
    throw new CommandProblems(label, [{ path: label, message: `cannot read the ${what}: ${error instanceof Error ? error.message : String(error)}` }])
  }
  if (size > maxBytes) throw new CommandProblems(label, [{ path: label, message: `the ${what} is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)}` }])
  return readFileSync(path)
}

export function readBackupFile(path: string, label = path): Backup {
  const bytes = readLimited(path, label, BACKUP_MAX_BYTES, 'backup')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new CommandProblems(label, [{ path: '$', message: 'the backup is not valid UTF-8 text' }])
  }
  const result = parseBackupText(text)
  if (!result.ok) throw new CommandProblems(label, result.problems)
  return result.backup
}

export function registerWorkbookCommands(program: Command, session: CliSession): void {
  /** Ends the command with exit code 1 and the message on stderr when the action throws. */
  const run = (action: () => Promise<void>): Promise<void> =>
    action().catch((error: unknown) => {
      session.err(`${error instanceof Error ? error.message : String(error)}\n`)
      session.exitCode = 1
    })

  program
    .command('export')
    .description('Write the register in a backup file as an auditor\'s workbook (.xlsx) and/or CSV')
    .argument('<backup>', 'backup file (.json) made by the app or by `ropa demo`')
    .option('-o, --output <file>', 'workbook to write (.xlsx)')
    .option('--csv <file>', 'also (or only) write the register as CSV')
    .action((backupPath: string, options: { output?: string; csv?: string }) =>
      run(async () => {
        if (!options.output && !options.csv) throw new Error('ropa export: give -o <register.xlsx> and/or --csv <register.csv>')
        const backup = readBackupFile(session.file(backupPath), backupPath)
        if (options.output) {
          // Loaded only here: exceljs takes a second to load, which the other commands need not wait for.
          const { writeWorkbookStream } = await import('../export/write-workbook-stream')
          await writeWorkbookStream(session.file(options.output), {
            organisation: backup.organisation,
            records: backup.records,
            vendors: backup.vendors,
            appVersion: appVersion(),
            exportedAt: new Date().toISOString(),
            filters: '',
            // The same checks as `ropa check`, as of today, and the whole audit trail.
            findings: checkBackup(backupPath, backup, localToday()).findings,
            auditLog: backup.auditLog,
            audit: backupAuditTrail(backup)
          })
          session.out(`wrote ${options.output}: ${backup.records.length} activities\n`)
        }
        if (options.csv) {
          writeFileSync(session.file(options.csv), registerCsv(backup.records), 'utf8')
          session.out(`wrote ${options.csv}: ${backup.records.length} activities\n`)
        }
      })
    )

  program
    .command('import')
    .description('Read a workbook (one exported by the app, or a register in the ICO template layout) into a backup file')
    .argument('<workbook>', 'the .xlsx file')
    .requiredOption('-o, --output <file>', 'backup file to write (.json)')
    .action((workbookPath: string, options: { output: string }) =>
      run(async () => {
        const bytes = readLimited(session.file(workbookPath), workbookPath, DEFAULT_XLSX_LIMITS.maxFileBytes, 'workbook')
        const { readWorkbook, recordsToImport } = await import('../core/workbook/read-workbook')
        const result = await readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), [], { fileName: workbookPath })
        if (!result.ok) throw new CommandProblems(workbookPath, result.problems)
        const { preview } = result
        const invalid = preview.rows.filter((row) => row.status === 'invalid' || row.status === 'conflict')
        // All or nothing, as in the app: one bad row and no backup is written.
        if (invalid.length > 0) {
          throw new CommandProblems(
            workbookPath,
            invalid.map((row) => ({ path: row.location, message: `${row.reference}: ${row.status}: ${row.reason}` }))
          )
        }
        for (const row of preview.rows) for (const warning of row.warnings) session.out(`${workbookPath}: ${row.location}: warning: ${warning}\n`)
        const records = recordsToImport(preview)
        const backup = createBackup({
          exportedAt: new Date().toISOString(),
          appVersion: appVersion(),
          organisation: null,
          userProfile: null,
          records,
          auditLog: [],
          vendors: [],
          packs: []
        })
        writeFileSync(session.file(options.output), serialiseBackup(backup), 'utf8')
        const how = preview.kind === 'app-workbook' ? 'exactly, from the workbook\'s Data sheet' : `from the sheet '${preview.sheet}' (ICO layout)`
        session.out(`wrote ${options.output}: ${records.length} activities read ${how}\n`)
      })
    )

  program
    .command('demo')
    .description('Write a realistic synthetic register as a backup file, for trying the app and for benchmarks')
    .requiredOption('-o, --output <file>', 'backup file to write (.json)')
    .option('--activities <n>', 'number of processing activities', '50')
    .option('--seed <n>', 'seed: the same seed gives the same register', '1')
    .action((options: { output: string; activities: string; seed: string }) =>
      run(async () => {
        const count = Number(options.activities)
        const seed = Number(options.seed)
        if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_ACTIVITIES) {
          throw new Error(`ropa demo: --activities must be a whole number from 1 to ${MAX_DEMO_ACTIVITIES}, not "${options.activities}"`)
        }
        if (!Number.isInteger(seed)) throw new Error(`ropa demo: --seed must be a whole number, not "${options.seed}"`)
        const backup = createBackup({
          exportedAt: new Date().toISOString(),
          appVersion: appVersion(),
          organisation: demoOrganisation(),
          userProfile: null,
          records: generateDemoRegister(count, seed),
          auditLog: [],
          vendors: [],
          packs: []
        })
        writeFileSync(session.file(options.output), serialiseBackup(backup), 'utf8')
        session.out(`wrote ${options.output}: ${count} demo activities\n`)
      })
    )
}
