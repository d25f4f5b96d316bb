import { z } from 'zod'
import { BACKUP_MAX_BYTES, auditAnchorSchema, auditEntrySchema, parseBackupText } from '../backup/backup-format'
import { organisationSchema, storedRecordSchema } from '../records/model'
import { formatJsonPath } from '../util/problems'
import { LOCALES } from '../i18n'
import type { MessageRef } from '../i18n/message'
import { messageRefSchema } from '../i18n/message-schema'
import { fileProblemRef } from '../i18n/file-problem'
import { inEnglish } from '../i18n/problem'
import { WORKBOOK_LAYOUTS } from '../workbook/layouts/names'
import type { ExportData } from '../workbook/register-sheets'

/**
 * The one typed contract between the renderer and whatever hosts it. The Electron preload
 * forwards each method over IPC (channel `ropa:<method>`); the browser build implements the
 * same interface with a file input and a Blob download. Every method takes one
 * structured-cloneable argument and returns a promise. Each request has a zod schema here,
 * next to its type: the main process trusts nothing the renderer sends.
 */

/** File types a native dialog offers: a label and extensions without the dot (`*` for any). */
export const fileFilterSchema = z.strictObject({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension without the dot, e.g. "json"')).min(1).max(20)
})
export type FileFilter = z.infer<typeof fileFilterSchema>

export interface AppInfo {
  version: string
  host: 'electron' | 'browser'
}

/** The largest file the app ever opens (a backup file); every open names its own, smaller or equal, limit. */
export const MAX_OPEN_FILE_BYTES = BACKUP_MAX_BYTES

const dialogTitle = z.string().max(200)
/** A file name offered in a save dialog: a name only, never a path. */
const suggestedFileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', 'a file name without a folder')

export const openFileRequestSchema = z.strictObject({
  title: dialogTitle,
  filters: z.array(fileFilterSchema).max(20),
  /** Files larger than this are refused before being read. Required: leaving it out must never lift the limit. */
  maxBytes: z.number().int().positive().max(MAX_OPEN_FILE_BYTES)
})
export type OpenFileRequest = z.infer<typeof openFileRequestSchema>

export type OpenFileResult =
  | { status: 'opened'; name: string; bytes: Uint8Array }
  | { status: 'cancelled' }
  /** `reason` in English; `reasonRef` for the interface to say it in its own language. */
  | { status: 'refused'; name: string; reason: string; reasonRef?: MessageRef }

export const saveFileRequestSchema = z.strictObject({
  title: dialogTitle,
  suggestedName: suggestedFileName,
  filters: z.array(fileFilterSchema).max(20),
  data: z.union([z.string(), z.instanceof(Uint8Array)])
})
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>

export type SaveFileResult = { status: 'saved'; name: string } | { status: 'cancelled' }

const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  article: z.string(),
  recordId: z.string().nullable(),
  reference: z.string().nullable(),
  field: z.string(),
  message: z.string(),
  fix: z.string(),
  messageRef: messageRefSchema,
  fixRef: messageRefSchema
})

const chainVerificationSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().nonnegative(),
    firstBreak: z.object({ seq: z.union([z.number().int(), z.undefined()]), index: z.number().int().nonnegative(), reason: z.string(), kind: z.enum(['link', 'hash', 'anchor']) })
  })
])

/** What the workbook writer is given: the records are checked as stored records, so the writer never meets a malformed one. */
export const exportDataSchema = z.strictObject({
  organisation: organisationSchema.nullable(),
  records: z.array(storedRecordSchema),
  vendors: z.array(z.looseObject({ id: z.string() })),
  appVersion: z.string(),
  exportedAt: z.iso.datetime({ offset: true }),
  filters: z.string(),
  layout: z.enum(WORKBOOK_LAYOUTS).optional(),
  locale: z.enum(LOCALES).optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 hexadecimal characters').optional(),
  findings: z.array(findingSchema).optional(),
  auditLog: z.array(auditEntrySchema).optional(),
  audit: z.object({ anchor: auditAnchorSchema, verification: chainVerificationSchema }).optional(),
  packs: z
    .array(z.strictObject({ id: z.string(), version: z.string(), title: z.string(), effectiveDate: z.string(), lastUpdated: z.string(), sha256: z.string() }))
    .optional()
})
// Fail to compile if the schema lets through anything the writer's ExportData does not describe,
// or if ExportData gains a part the schema does not know (the strict schema would refuse every export).
const exportDataMatches: (data: z.infer<typeof exportDataSchema>) => ExportData = (data) => data
const exportDataCovered: Exclude<keyof ExportData, keyof z.infer<typeof exportDataSchema>> extends never ? true : never = true
void exportDataMatches
void exportDataCovered

export interface ExportWorkbookRequest {
  /** The save dialog's title and file type, in the interface's language. */
  title: string
  filters: FileFilter[]
  /** Plain data: the host writes the workbook (Electron: the streaming writer in the main process). */
  data: ExportData
  suggestedName: string
}
export const exportWorkbookRequestSchema = z.strictObject({ title: dialogTitle, filters: z.array(fileFilterSchema).max(20), data: exportDataSchema, suggestedName: suggestedFileName })

/** Progress of a long host operation, sent from the host to the renderer while it runs. */
export interface HostProgress {
  operation: 'export'
  done: number
  total: number
}

export const AUTOMATIC_BACKUP_REASONS = ['before-restore', 'daily', 'after-changes'] as const
export type AutomaticBackupReason = (typeof AUTOMATIC_BACKUP_REASONS)[number]

/** How many problems of an invalid backup an error message lists. */
const PROBLEMS_LISTED = 5

/** The contents of an automatic backup: checked as a whole backup file, so that no copy the user relies on is unreadable. */
const automaticBackupJson = z
  .string()
  .max(BACKUP_MAX_BYTES)
  .superRefine((json, context) => {
    const parsed = parseBackupText(json)
    if (parsed.ok) return
    // Said in English: the message crosses IPC as an Error's text. A backup the app made itself is never refused here unless it has a bug.
    for (const problem of parsed.problems.slice(0, PROBLEMS_LISTED)) {
      context.addIssue({ code: 'custom', message: inEnglish(fileProblemRef('backup.notValid', { path: problem.path, problem: problem.ref ?? problem.message })) })
    }
  })

export const writeAutomaticBackupRequestSchema = z.strictObject({
  /** The serialised backup (backup-format.ts). */
  json: automaticBackupJson,
  /** Why it was taken, written into the file name. */
  reason: z.enum(AUTOMATIC_BACKUP_REASONS)
})
export type WriteAutomaticBackupRequest = z.infer<typeof writeAutomaticBackupRequestSchema>

/**
 * An automatic backup's name as the host listed it: a file name (Electron) or key (browser),
 * never a path, so that no name can reach outside the backups folder.
 */
export const automaticBackupNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'a backup name: letters, digits, ".", "_", ":" and "-", no folder')
  .refine((name) => !name.includes('..'), 'a backup name without ".."')

export const readAutomaticBackupRequestSchema = z.strictObject({ name: automaticBackupNameSchema })
export type ReadAutomaticBackupRequest = z.infer<typeof readAutomaticBackupRequestSchema>

export interface AutomaticBackupInfo {
  /** File name (Electron) or key (browser), newest first in lists. */
  name: string
  takenAt: string
  reason: AutomaticBackupReason
  bytes: number
}

export interface AutomaticBackupList {
  /** Where they are kept, for the user: a folder (Electron) or "this browser's storage". */
  location: string
  backups: AutomaticBackupInfo[]
}

/** The request/response methods, each forwarded over IPC as `ropa:<method>`. */
export interface HostMethods {
  getAppInfo(request?: undefined): Promise<AppInfo>
  openFile(request: OpenFileRequest): Promise<OpenFileResult>
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /** Asks where to save, then writes the register workbook there, reporting progress through onProgress. */
  exportWorkbook(request: ExportWorkbookRequest): Promise<SaveFileResult>
  /** Keeps a backup where the user need not think about it (the user-data folder); the oldest beyond a limit are removed. */
  writeAutomaticBackup(request: WriteAutomaticBackupRequest): Promise<{ location: string; backup: AutomaticBackupInfo }>
  listAutomaticBackups(request?: undefined): Promise<AutomaticBackupList>
  readAutomaticBackup(request: ReadAutomaticBackupRequest): Promise<{ json: string }>
}

export type HostMethod = keyof HostMethods
export type HostRequest<M extends HostMethod> = Parameters<HostMethods[M]>[0]

/**
 * Each method's request schema. The main process parses every request with these before a
 * handler runs; the typed map fails to compile if a schema and its method's type drift apart.
 */
export const HOST_REQUEST_SCHEMAS: { [M in HostMethod]: z.ZodType<HostRequest<M>, unknown> } = {
  getAppInfo: z.undefined(),
  openFile: openFileRequestSchema,
  saveFile: saveFileRequestSchema,
  exportWorkbook: exportWorkbookRequestSchema,
  writeAutomaticBackup: writeAutomaticBackupRequestSchema,
  listAutomaticBackups: z.undefined(),
  readAutomaticBackup: readAutomaticBackupRequestSchema
}

const MAX_ISSUES_LISTED = 5

/**
 * The request checked against its method's schema, or an error naming the method and each
 * wrong part (`$.maxBytes: ...`), so that a bad call is refused before anything happens.
 */
export function parseHostRequest<M extends HostMethod>(method: M, request: unknown): HostRequest<M> {
  const result = (HOST_REQUEST_SCHEMAS[method] as z.ZodType<HostRequest<M>, unknown>).safeParse(request)
  if (result.success) return result.data
  const issues = result.error.issues.slice(0, MAX_ISSUES_LISTED).map((issue) => `${formatJsonPath(issue.path)}: ${issue.message}`)
  const more = result.error.issues.length > MAX_ISSUES_LISTED ? ` (and ${result.error.issues.length - MAX_ISSUES_LISTED} more)` : ''
  throw new Error(`${method} was refused: the request is invalid: ${issues.join('; ')}${more}`)
}

/** Events from the host: subscribe with a listener, get back the function that unsubscribes. */
export interface HostEvents {
  onProgress(listener: (progress: HostProgress) => void): () => void
}

export type HostApi = HostMethods & HostEvents

/** Listed explicitly so that the preload exposes exactly these and the main process handles exactly these. */
export const HOST_METHODS = [
  'getAppInfo',
  'openFile',
  'saveFile',
  'exportWorkbook',
  'writeAutomaticBackup',
  'listAutomaticBackups',
  'readAutomaticBackup'
] as const satisfies readonly HostMethod[]

// Fails to compile if a method of HostMethods is missing from HOST_METHODS.
const everyMethodListed: Exclude<HostMethod, (typeof HOST_METHODS)[number]> extends never ? true : never = true
void everyMethodListed

/** The channel on which the main process sends HostProgress events. */
export const PROGRESS_CHANNEL = 'ropa:event:progress'

/** How many automatic backups are kept; older ones are removed as new ones are written. */
export const AUTOMATIC_BACKUPS_KEPT = 10

/** The name under which the preload exposes the API on `window`. */
export const HOST_API_GLOBAL = 'ropaHost'

export function ipcChannel(method: HostMethod): string {
  return `ropa:${method}`
}
