/**
 * `ropa templates apply <pack> --activity <id>… [--as controller|processor|vendor]
 * [--lang en|fr|de] [--into backup.json] -o backup.json`: makes records from a template pack's activities with the
 * same core function as the app's "New record from this activity", for automation. The pack is
 * validated first; every activity id is checked before anything is made; the records are
 * appended to the backup (a new one without --into) with the next references, an audit entry
 * each, and the pack and its vendor installed in the backup when it lacks them. Nothing is
 * written when anything is wrong. `--lang` is the language of the words the app writes into the
 * records (name, description, notes, open items), as the app's interface language is; the
 * policy's quotes stay as they are.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Command } from 'commander'
import { isLocale, LOCALES } from '../core/i18n'
import { anchorOf, chainEntry, GENESIS_HASH, type AuditEntry } from '../core/audit/audit-chain'
import { auditRef } from '../core/audit/audit-summary'
import type { MessageRef } from '../core/i18n/message'
import { inEnglish } from '../core/i18n/problem'
import { createBackup, serialiseBackup, type Backup } from '../core/backup/backup-format'
import { RECORD_PERSPECTIVE_LABELS, type RecordPerspective } from '../core/records/enums'
import { formatReference, referenceNumber, type StoredRecord } from '../core/records/model'
import { newItemId } from '../core/records/new-record'
import { diffRecords } from '../core/records/diff'
import { recordFromInstalledPack, type InstalledPack } from '../core/templates/installed-pack'
import { defaultPerspective } from '../core/templates/instantiate'
import type { TemplatePack } from '../core/templates/pack-schema'
import { validatePackText } from '../core/templates/validate-pack'
import { vendorFromPack } from '../core/templates/vendor'
import { formatProblem } from '../core/util/problems'
import type { CliSession } from './run-cli'
import { SHIPPED_TEMPLATES_DIR, validatePackFile } from './template-commands'
import { appVersion, readBackupFile } from './workbook-commands'

/** `--as` words → the perspective the app offers under the same choice. */
const AS_OPTIONS: Record<string, RecordPerspective> = {
  controller: 'controller-using-vendor',
  processor: 'processor-with-vendor-as-sub-processor',
  vendor: 'vendor-as-is'
}

/** Who the audit trail names for a command-line change when the backup has no user profile. */
const COMMAND_LINE_ACTOR = 'ropa templates apply (command line)'

interface ApplyOptions {
  activity: string[]
  as?: string
  lang?: string
  into?: string
  output: string
}

interface ResolvedPack {
  pack: TemplatePack
  /** The policy text, where the pack came with one (stored with the pack when it is installed in the backup). */
  sourceText: string
  origin: InstalledPack['origin']
}

/** A problem with the command's input, phrased for the user. */
class ApplyProblem extends Error {}

/** A pack file, else a pack installed in the backup, else a shipped pack by id; validated in each case. */
function resolvePack(session: CliSession, packArgument: string, backup: Backup | null): ResolvedPack {
  const path = session.file(packArgument)
  if (existsSync(path) && statSync(path).isFile()) {
    const result = validatePackFile(path)
    if (!result.ok) throw new ApplyProblem(result.problems.map((problem) => formatProblem(packArgument, problem)).join('\n'))
    const sourcePath = join(dirname(path), 'sources', result.pack.source.file)
    const sourceText = result.pack.source.file !== '' && existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : ''
    return { pack: result.pack, sourceText, origin: 'imported' }
  }
  const installed = backup?.packs.find((candidate) => candidate.id === packArgument)
  if (installed) {
    const result = validatePackText(JSON.stringify(installed.pack), installed.sourceText === '' ? {} : { sourceText: installed.sourceText })
    if (!result.ok) throw new ApplyProblem(result.problems.map((problem) => formatProblem(`installed pack ${packArgument}`, problem)).join('\n'))
    return { pack: result.pack, sourceText: installed.sourceText, origin: installed.origin }
  }
  const shipped = join(SHIPPED_TEMPLATES_DIR, `${packArgument}.json`)
  if (/^[a-z0-9][a-z0-9-]*$/.test(packArgument) && existsSync(shipped)) {
    const result = validatePackFile(shipped)
    if (!result.ok) throw new ApplyProblem(result.problems.map((problem) => formatProblem(packArgument, problem)).join('\n'))
    const sourcePath = join(SHIPPED_TEMPLATES_DIR, 'sources', result.pack.source.file)
    return { pack: result.pack, sourceText: existsSync(sourcePath) ? readFileSync(sourcePath, 'utf8') : '', origin: 'shipped' }
  }
  throw new ApplyProblem(`${packArgument}: no such pack file, and no pack with this id is installed${backup ? ' in the backup' : ''} or shipped`)
}

function applyTemplates(session: CliSession, packArgument: string, options: ApplyOptions): void {
  const perspectiveWord = options.as
  if (perspectiveWord !== undefined && !(perspectiveWord in AS_OPTIONS)) {
    throw new ApplyProblem(`--as ${perspectiveWord}: use controller (${RECORD_PERSPECTIVE_LABELS['controller-using-vendor']}), processor (${RECORD_PERSPECTIVE_LABELS['processor-with-vendor-as-sub-processor']}) or vendor (${RECORD_PERSPECTIVE_LABELS['vendor-as-is']})`)
  }
  if (options.lang !== undefined && !isLocale(options.lang)) throw new ApplyProblem(`--lang must be one of ${LOCALES.join(', ')}, not "${options.lang}"`)
  const locale = options.lang ?? 'en'
  const base = options.into ? readBackupFile(session.file(options.into), options.into) : null
  const { pack, sourceText, origin } = resolvePack(session, packArgument, base)
  const missing = options.activity.filter((id) => !pack.activities.some((activity) => activity.id === id))
  if (missing.length > 0) {
    const known = pack.activities.map((activity) => activity.id).join(', ')
    throw new ApplyProblem(missing.map((id) => `--activity ${id}: pack ${pack.id} ${pack.version} has no activity "${id}" (it has: ${known})`).join('\n'))
  }
  const perspective = perspectiveWord === undefined ? defaultPerspective(pack) : AS_OPTIONS[perspectiveWord]!

  const now = new Date().toISOString()
  const backup: Backup = base ?? createBackup({ exportedAt: now, appVersion: appVersion(), organisation: null, userProfile: null, records: [], auditLog: [], vendors: [], packs: [] })
  const actor = backup.userProfile && backup.userProfile.name.trim() !== '' ? { actor: backup.userProfile.name.trim(), ...(backup.userProfile.id ? { actorId: backup.userProfile.id } : {}) } : { actor: COMMAND_LINE_ACTOR }
  // The next references after the highest in the register, as a restore moves the app's counter.
  const highest = backup.records.reduce((max, record) => Math.max(max, referenceNumber(record.reference)), 0)
  const log = [...backup.auditLog].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
  const appended: AuditEntry[] = []
  let previousHash = log.at(-1)?.hash ?? GENESIS_HASH
  let nextSeq = (log.at(-1)?.seq ?? log.length) + 1
  // The same entries the app writes: English text and the key the app says in the reader's language.
  const audit = (entity: AuditEntry['entity'], entityId: string, summaryRef: MessageRef, changes: AuditEntry['changes']) => {
    const entry = { ...chainEntry({ at: now, ...actor, entity, entityId, action: 'create', summary: inEnglish(summaryRef), summaryRef, changes }, previousHash), seq: nextSeq++ }
    previousHash = entry.hash
    appended.push(entry)
  }

  const packs = [...backup.packs]
  const vendors = [...backup.vendors]
  if (!packs.some((installed) => installed.id === pack.id)) {
    packs.push({ id: pack.id, version: pack.version, vendorName: pack.vendor.name, origin, installedAt: now, pack, sourceText })
    audit('pack', pack.id, auditRef('pack.installedFromCommandLine', { pack: pack.id, version: pack.version }), [])
  }
  if (!vendors.some((vendor) => vendor.id === pack.id)) {
    const vendor = vendorFromPack(pack)
    vendors.push(vendor)
    audit('vendor', vendor.id, auditRef('vendor.registeredFromCommandLine', { name: vendor.name }), [])
  }
  const created: StoredRecord[] = options.activity.map((activityId, index) => {
    const reference = formatReference(highest + index + 1)
    // The app's own function: evidence marked verified or not, as the pack was checked.
    const form = recordFromInstalledPack({ pack, sourceText }, activityId, perspective, { locale })
    const record: StoredRecord = { ...form, id: newItemId(), reference, createdAt: now, updatedAt: now, approvedBy: '', approvedAt: '', revision: 1 }
    audit('record', record.id, auditRef('record.createdFromTemplateOnCommandLine', { reference, pack: pack.id, version: pack.version, activity: activityId }), diffRecords(undefined, form))
    return record
  })

  const auditLog = [...log, ...appended]
  const anchorBefore = backup.auditAnchor ?? anchorOf(log)
  const result: Backup = {
    ...backup,
    exportedAt: now,
    records: [...backup.records, ...created],
    auditLog,
    auditAnchor: { headHash: previousHash, count: anchorBefore.count + appended.length },
    vendors,
    packs
  }
  writeFileSync(session.file(options.output), serialiseBackup(result), 'utf8')
  session.out(`wrote ${options.output}: ${created.length} record${created.length === 1 ? '' : 's'} made from ${pack.id} ${pack.version} as "${RECORD_PERSPECTIVE_LABELS[perspective]}"\n`)
  for (const record of created) session.out(`${record.reference} ${record.name} (${record.openItems.length} open item${record.openItems.length === 1 ? '' : 's'}, ${record.suggestions?.length ?? 0} suggestion${record.suggestions?.length === 1 ? '' : 's'} to confirm)\n`)
}

/** Adds `apply` to the `templates` command group (registered by template-commands.ts). */
export function registerTemplateApplyCommand(program: Command, session: CliSession): void {
  const templates = program.commands.find((command) => command.name() === 'templates')
  if (!templates) throw new Error('the templates command group must be registered first')
  templates
    .command('apply')
    .description("Make records from a pack's activities, as the app's \"New record from this activity\" does, into a backup file")
    .argument('<pack>', 'a pack file (.json), or the id of a pack installed in the --into backup or shipped with the app')
    .requiredOption('--activity <id...>', 'the activity to make a record from (repeat for several)')
    .option('--as <perspective>', 'controller (default: our record, using the vendor), processor (our processor record, the vendor as sub-processor) or vendor (the vendor\'s activity as it is)')
    .option('--lang <language>', 'language of the words the app writes into the records (name, description, notes, open items): en (default), fr or de')
    .option('--into <backup.json>', 'the backup to add the records to (default: a new, empty register)')
    .requiredOption('-o, --output <backup.json>', 'the backup file to write')
    .action((packArgument: string, options: ApplyOptions) => {
      try {
        applyTemplates(session, packArgument, options)
      } catch (error) {
        session.err(`${error instanceof Error ? error.message : String(error)}\nnothing written\n`)
        session.exitCode = 1
      }
    })
}
