/**
 * The full-database backup file: organisation, records, the audit log, vendors, packs and
 * the earlier versions of packs in one JSON document with a `formatVersion`. docs/backup.schema.json is generated from
 * `backupSchema` (scripts/generate-backup-schema.ts) and a test keeps the two equal.
 * Restore validates the whole file with `parseBackupText` before anything is replaced.
 */
import { z } from 'zod'
import { anchorOf, verifyChain, type AuditAnchor, type AuditEntry, type ChainVerification } from '../audit/audit-chain'
import { organisationSchema, storedRecordSchema } from '../records/model'
import { installedPackSchema } from '../templates/installed-pack'
import { parseJsonSafely } from '../templates/safe-json'
import { vendorSchema } from '../templates/vendor'
import { zodIssueToProblems } from '../templates/validate-pack'
import { problemAt } from '../i18n/problem'
import { messageRefSchema } from '../i18n/message-schema'
import { formatJsonPath, type Problem } from '../util/problems'

export const BACKUP_FORMAT_VERSION = 1
/** Far above a 10,000-activity register (~40 MB), well below what a JS string can hold. */
export const BACKUP_MAX_BYTES = 400 * 1024 * 1024
const MAX_PROBLEMS = 100

// JSON drops `undefined`, so a created or removed value arrives without its before or after key.
const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })

export const auditEntrySchema = z.object({
  seq: z.number().int().nonnegative().optional(),
  at: z.string(),
  actor: z.string(),
  actorId: z.string().optional().describe("The user's stable id; absent in entries written before users had ids"),
  entity: z.enum(['record', 'organisation', 'vendor', 'pack', 'register', 'user']),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'delete', 'restore', 'import', 'approve']),
  summary: z.string(),
  summaryRef: messageRefSchema.optional().describe('The summary as a catalogue key with parameters, said in the reader\'s language; absent in entries written before it existed'),
  changes: z.array(fieldChangeSchema),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 hexadecimal characters'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 hexadecimal characters')
})
// Keeps the schema and audit-chain.ts's types in step: fails to compile if either drifts.
const auditEntryMatches: (entry: z.infer<typeof auditEntrySchema>) => AuditEntry = (entry) => entry
void auditEntryMatches

export const userProfileSchema = z.object({
  id: z.string().optional().describe('Stable id of the local user (absent in backups made before users had ids)'),
  name: z.string(),
  role: z.string()
})

const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 hexadecimal characters')
export const auditAnchorSchema = z
  .object({ headHash: sha256HexSchema, count: z.number().int().nonnegative() })
  .describe('Hash of the newest audit entry and the number of entries, as the app recorded them apart from the log')
// Keeps the schema and audit-chain.ts's anchor in step.
const auditAnchorMatches: (anchor: z.infer<typeof auditAnchorSchema>) => AuditAnchor = (anchor) => anchor
void auditAnchorMatches

export const backupSchema = z
  .object({
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    exportedAt: z.string().describe('ISO 8601 date and time the backup was made'),
    appVersion: z.string(),
    organisation: organisationSchema.nullable(),
    userProfile: userProfileSchema.nullable(),
    records: z.array(storedRecordSchema),
    auditLog: z.array(auditEntrySchema),
    // Added after the first backups were made; a backup without it is still format 1.
    auditAnchor: auditAnchorSchema.optional(),
    // The same schemas as the stored rows: a row missing a defaulted field gets the default, an unknown value is refused with its path.
    vendors: z.array(vendorSchema),
    packs: z.array(installedPackSchema),
    // Added after the first backups were made, so a backup without it is still format 1;
    // restoring such a backup leaves the stored pack archive as it is.
    packArchive: z
      .array(installedPackSchema)
      .optional()
      .describe('Earlier versions of installed packs, kept when a pack was updated; absent in older backups')
  })
  .describe(`RoPA Manager backup, format ${BACKUP_FORMAT_VERSION}`)

export type Backup = z.infer<typeof backupSchema>
export type BackupParse = { ok: true; backup: Backup } | { ok: false; problems: Problem[] }

/**
 * The backup's audit trail in chain order, its anchor (as the app recorded it; for a backup
 * made before anchors existed, as its log stands) and whether the log verifies against it.
 */
export function backupAuditTrail(backup: Backup): { log: AuditEntry[]; anchor: AuditAnchor; verification: ChainVerification } {
  const log = [...backup.auditLog].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
  return { log, anchor: backup.auditAnchor ?? anchorOf(log), verification: verifyChain(log, backup.auditAnchor) }
}

/** A backup of the given parts, stamped with the format version. */
export function createBackup(parts: Omit<Backup, 'formatVersion'>): Backup {
  return { formatVersion: BACKUP_FORMAT_VERSION, ...parts }
}

export function serialiseBackup(backup: Backup): string {
  return JSON.stringify(backup)
}

/** JSON Schema of the file, for docs/backup.schema.json (`io: 'input'`: defaulted fields are optional). */
export function backupJsonSchemaText(): string {
  const schema = { ...z.toJSONSchema(backupSchema, { io: 'input' }), title: `RoPA Manager backup, format ${BACKUP_FORMAT_VERSION}` }
  return `${JSON.stringify(schema, null, 2)}\n`
}

function checkFormatVersion(value: unknown): Problem | null {
  const path = '$.formatVersion'
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problemAt('$', 'backup.notObject')
  }
  const version = (value as { formatVersion?: unknown }).formatVersion
  if (version === undefined) return problemAt(path, 'backup.noFormatVersion', { expected: BACKUP_FORMAT_VERSION })
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return problemAt(path, 'backup.formatVersionNotNumber', { expected: BACKUP_FORMAT_VERSION, found: JSON.stringify(version) })
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return problemAt(path, 'backup.newerFormat', { version, expected: BACKUP_FORMAT_VERSION })
  }
  if (version !== BACKUP_FORMAT_VERSION) return problemAt(path, 'backup.unknownFormat', { version, expected: BACKUP_FORMAT_VERSION })
  return null
}

/** Two rows with one key would make a restore ambiguous (and fail half-way in IndexedDB). */
function checkUniqueRows(backup: Backup): Problem[] {
  const problems: Problem[] = []
  const unique = <T,>(table: string, rows: readonly T[], keyName: string, key: (row: T) => string) => {
    const firstIndex = new Map<string, number>()
    rows.forEach((row, index) => {
      const value = key(row)
      const seen = firstIndex.get(value)
      if (seen === undefined) firstIndex.set(value, index)
      else problems.push(problemAt(formatJsonPath([table, index, keyName]), 'backup.duplicate', { key: keyName, value, table, index: seen }))
    })
  }
  unique('records', backup.records, 'id', (record) => record.id)
  unique('records', backup.records, 'reference', (record) => record.reference)
  unique('vendors', backup.vendors, 'id', (vendor) => vendor.id)
  unique('packs', backup.packs, 'id', (pack) => pack.id)
  unique('packArchive', backup.packArchive ?? [], 'version', (pack) => `${pack.id} ${pack.version}`)
  return problems
}

/**
 * Validates a backup file completely. Nothing is returned unless every part is valid, so a
 * restore can never start from a half-understood file.
 */
export function parseBackupText(text: string): BackupParse {
  const parsed = parseJsonSafely(text, { maxBytes: BACKUP_MAX_BYTES, label: 'backup' })
  if (!parsed.ok) {
    // A file that ends before its JSON does was cut short (disk full, interrupted copy).
    const truncated = parsed.problems.find((problem) => /end of input|unterminated string/.test(problem.message))
    if (truncated) {
      return {
        ok: false,
        problems: [problemAt('$', 'backup.truncated', { detail: truncated.message })]
      }
    }
    return parsed
  }
  const versionProblem = checkFormatVersion(parsed.value)
  if (versionProblem) return { ok: false, problems: [versionProblem] }
  const result = backupSchema.safeParse(parsed.value)
  if (!result.success) return { ok: false, problems: result.error.issues.flatMap(zodIssueToProblems).slice(0, MAX_PROBLEMS) }
  const duplicates = checkUniqueRows(result.data)
  if (duplicates.length > 0) return { ok: false, problems: duplicates.slice(0, MAX_PROBLEMS) }
  return { ok: true, backup: result.data }
}
