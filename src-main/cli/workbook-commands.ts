/**
 * `ropa export`, `ropa import` and `ropa demo`: the workbook, CSV and backup from the command
 * line, with the same core code as the app. Node-only (file system). Errors go to stderr with
 * exit code 1; nothing is written when the input has a problem.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { Command } from 'commander'
import { BACKUP_MAX_BYTES, backupAuditTrail, createBackup, parseBackupText, serialiseBackup, type Backup } from '../core/backup/backup-format'
import { demoOrganisation, generateDemoRegister } from '../core/demo/demo-register'
import type { Mapping } from '../core/migration/types'
import { formatBytes } from '../core/templates/safe-json'
import { formatProblem, type Problem } from '../core/util/problems'
import { registerCsv } from '../core/workbook/register-csv'
import { REGISTER_LAYOUTS, WORKBOOK_LAYOUTS, isWorkbookLayout, type WorkbookLayoutName } from '../core/workbook/layouts'
import { isLocale, LOCALES, type Locale } from '../core/i18n'
import { problemIn } from '../core/i18n/problem'
import { packSourcesOf } from '../core/workbook/register-sheets'
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
    // A problem with the whole file, or at a place that names the file (`legacy.csv: line 3`), names the file once.
    const namesFile = (path: string) => path === label || path.startsWith(`${label}: `)
    super(problems.map((problem) => (namesFile(problem.path) ? `${problem.path}: ${problem.message}` : formatProblem(label, problem))).join('\n'))
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

interface ImportOptions {
  output?: string
  mapping?: string
  printMapping?: boolean
  strict?: boolean
  today?: string
}

async function importSpreadsheet(session: CliSession, filePath: string, options: ImportOptions): Promise<void> {
  if (!options.output && !options.printMapping) throw new Error('ropa import: give -o <backup.json> (and/or --print-mapping)')
  const bytes = readLimited(session.file(filePath), filePath, DEFAULT_XLSX_LIMITS.maxFileBytes, 'spreadsheet')
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // Loaded only here: exceljs and SheetJS take a while to load, which other commands need not wait for.
  const migration = await import('../core/migration/index')
  const read = await migration.readSpreadsheet(filePath, view)
  if (!read.ok) throw new CommandProblems(filePath, read.problems)
  const file = { ...read.file, fileName: basename(filePath) }

  if (file.appWorkbookWithData && !options.mapping) {
    if (options.printMapping) session.out(`${filePath} is the app's own workbook: it is read back exactly from its Data sheet, without a mapping\n`)
    if (options.output) await importAppWorkbook(session, filePath, view, options.output)
    return
  }

  let mapping: Mapping
  if (options.mapping) {
    const mappingText = readLimited(session.file(options.mapping), options.mapping, 5 * 1024 * 1024, 'mapping').toString('utf8')
    let json: unknown
    try {
      json = JSON.parse(mappingText)
    } catch (error) {
      throw new CommandProblems(options.mapping, [{ path: '$', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }])
    }
    const parsed = migration.parseMapping(json)
    if (!parsed.ok) throw new CommandProblems(options.mapping, parsed.problems)
    mapping = parsed.mapping
  } else {
    mapping = migration.proposeMapping(file)
  }
  if (options.printMapping) session.out(`${JSON.stringify(mapping, null, 2)}\n`)
  if (mapping.sheets.length === 0) {
    const names = file.sheets.map((sheet) => `'${sheet.name}'`).join(', ') || 'none'
    throw new CommandProblems(filePath, [
      {
        path: filePath,
        message: `no register found: no sheet (${names}) has a row with at least 3 headings such as "Purpose of processing", "Categories of personal data", "Retention", "Finalité(s) du traitement" or "Zwecke der Verarbeitung" in its first 30 rows, nor label/value rows like a CNIL fiche. Write a mapping (see --print-mapping) and pass it with --mapping`
      }
    ])
  }
  if (!options.output) return

  const plan = migration.planImport(file, mapping, { today: options.today ?? localToday() })
  const lines = migration.describePlan(plan, mapping)
  const located = (line: string) => `${filePath}: ${line}`
  if (options.strict && (lines.unmapped.length > 0 || lines.skipped.length > 0)) {
    throw new CommandProblems(filePath, [
      ...lines.unmapped.map((line) => ({ path: filePath, message: line })),
      ...lines.skipped.map((line) => ({ path: filePath, message: line })),
      { path: filePath, message: 'nothing written (--strict): map or fix the columns and rows above, or import without --strict to keep unmapped columns as notes' }
    ])
  }
  if (plan.records.length === 0) {
    throw new CommandProblems(filePath, [...lines.skipped.map((line) => ({ path: filePath, message: line })), { path: filePath, message: 'no row could become a record: nothing written' }])
  }
  const now = new Date().toISOString()
  const { organisation, reason } = migration.organisationOfPlan(plan, now)
  const backup = createBackup({
    exportedAt: now,
    appVersion: appVersion(),
    organisation,
    userProfile: null,
    records: migration.storedRecordsOfPlan(plan, now),
    auditLog: [],
    vendors: [],
    packs: []
  })
  writeFileSync(session.file(options.output), serialiseBackup(backup), 'utf8')
  session.out(`wrote ${options.output}: ${plan.records.length} activities imported from ${filePath}\n`)
  for (const line of lines.summary) session.out(`${located(line)}\n`)
  if (!organisation) session.out(`${located(`no organisation profile in the backup: ${reason}`)}\n`)
  for (const line of [...lines.unmapped, ...lines.skipped, ...lines.warnings]) session.out(`${located(line)}\n`)
}

/** The app's own workbook with its Data sheet: every record exactly as exported. */
async function importAppWorkbook(session: CliSession, filePath: string, bytes: Uint8Array, output: string): Promise<void> {
  const { readWorkbook, recordsToImport } = await import('../core/workbook/read-workbook')
  const result = await readWorkbook(bytes, [], { fileName: filePath })
  if (!result.ok) throw new CommandProblems(filePath, result.problems)
  const { preview } = result
  const invalid = preview.rows.filter((row) => row.status === 'invalid' || row.status === 'conflict')
  // All or nothing, as in the app: one bad row and no backup is written.
  if (invalid.length > 0) {
    throw new CommandProblems(
      filePath,
      invalid.map((row) => ({ path: row.location, message: `${row.reference}: ${row.status}: ${row.reason}` }))
    )
  }
  for (const row of preview.rows) for (const warning of row.warnings) session.out(`${filePath}: ${row.location}: warning: ${warning}\n`)
  const records = recordsToImport(preview)
  // The Cover's organisation (DPO, representative, joint controllers), restored exactly from the Data sheet.
  const organisation = preview.organisation ?? null
  const backup = createBackup({ exportedAt: new Date().toISOString(), appVersion: appVersion(), organisation, userProfile: null, records, auditLog: [], vendors: [], packs: [] })
  writeFileSync(session.file(output), serialiseBackup(backup), 'utf8')
  session.out(`wrote ${output}: ${records.length} activities read exactly, from the workbook's Data sheet\n`)
  if (organisation) session.out(`organisation profile restored: ${organisation.controller.name}\n`)
}

/** `--layout` and `--lang`, checked: cnil is in French and dsk in German unless another language is asked for. */
function exportLanguage(options: { layout?: string; lang?: string }): { layout: WorkbookLayoutName; locale: Locale } {
  const layout = options.layout ?? 'ico'
  if (!isWorkbookLayout(layout)) throw new Error(`ropa export: --layout must be one of ${WORKBOOK_LAYOUTS.join(', ')}, not "${layout}"`)
  if (options.lang !== undefined && !isLocale(options.lang)) throw new Error(`ropa export: --lang must be one of ${LOCALES.join(', ')}, not "${options.lang}"`)
  return { layout, locale: options.lang ?? REGISTER_LAYOUTS[layout].locale }
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
    .option('--layout <layout>', 'the register sheets\' model: ico (UK ICO, English; default), cnil (CNIL, French) or dsk (DSK, German)')
    .option('--lang <language>', 'language of the Cover, detail sheets, findings and page texts: en, fr or de (default: the layout\'s)')
    .action((backupPath: string, options: { output?: string; csv?: string; layout?: string; lang?: string }) =>
      run(async () => {
        if (!options.output && !options.csv) throw new Error('ropa export: give -o <register.xlsx> and/or --csv <register.csv>')
        const { layout, locale } = exportLanguage(options)
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
            layout,
            locale,
            // The same checks as `ropa check`, as of today, and the whole audit trail.
            findings: checkBackup(backupPath, backup, localToday()).findings,
            auditLog: backup.auditLog,
            audit: backupAuditTrail(backup),
            // Evidence names the policy each quote comes from, for installed and earlier pack versions.
            packs: packSourcesOf([...backup.packs, ...(backup.packArchive ?? [])])
          })
          const chosen = layout === 'ico' && locale === 'en' ? '' : ` (${layout} layout, ${locale})`
          session.out(`wrote ${options.output}: ${backup.records.length} activities${chosen}\n`)
        }
        if (options.csv) {
          writeFileSync(session.file(options.csv), registerCsv(backup.records, { layout, locale }), 'utf8')
          session.out(`wrote ${options.csv}: ${backup.records.length} activities\n`)
        }
      })
    )

  program
    .command('import')
    .description(
      'Read a register kept in a spreadsheet (.xlsx, .ods or .csv: ICO, CNIL or DSK layouts, or your own) into a backup file; the app\'s own workbook is read back exactly from its Data sheet'
    )
    .argument('<file>', 'the spreadsheet (.xlsx, .ods or .csv)')
    .option('-o, --output <file>', 'backup file to write (.json)')
    .option('--mapping <file>', 'a mapping saved earlier (JSON, as --print-mapping writes it) instead of the automatic one')
    .option('--print-mapping', 'print the mapping (which column fills which field) as JSON, to check it or save and edit it')
    .option('--strict', 'exit 1, writing nothing, when a column matches no field or a row cannot become a record')
    .option('--today <date>', 'the date to check review dates against (YYYY-MM-DD; default: today)')
    .action((filePath: string, options: ImportOptions) => run(() => importSpreadsheet(session, filePath, options)))

  program
    .command('verify')
    .description('Check that a workbook is exactly as the app exported it: every cell, the hidden Data sheet and the Verification sheet')
    .argument('<workbook>', 'the .xlsx file')
    .option('--lang <language>', 'language of the differences found: en (default), fr or de')
    .action((workbookPath: string, options: { lang?: string }) =>
      run(async () => {
        if (options.lang !== undefined && !isLocale(options.lang)) throw new Error(`ropa verify: --lang must be one of ${LOCALES.join(', ')}, not "${options.lang}"`)
        const locale: Locale = options.lang ?? 'en'
        const bytes = readLimited(session.file(workbookPath), workbookPath, DEFAULT_XLSX_LIMITS.maxFileBytes, 'workbook')
        const [{ verifyWorkbook }, { nodeHash }] = await Promise.all([import('../core/workbook/verify-workbook'), import('../export/write-workbook-stream')])
        const result = await verifyWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), workbookPath, { createHash: nodeHash })
        // Each difference carries its catalogue key: said in the language asked for, English by default.
        if (!result.ok) throw new CommandProblems(workbookPath, result.problems.map((problem) => problemIn(problem, locale)))
        session.out(
          `${workbookPath}: unchanged since export: ${result.sheetsChecked} sheets, every cell matches its row and column hashes\n` +
            `exported at ${result.exportedAt}\nfingerprint of the whole export: ${result.fingerprint}\n` +
            `audit trail at export: ${result.auditEntries} entries, head ${result.auditHead}\n`
        )
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
