/**
 * A template pack as installed: the pack itself and, for packs installed before format 2
 * embedded their sources, the policy text its quotes were checked against. Stored
 * in `packs` (the installed version) and `packArchive` (versions it replaced), and in backups.
 * The pack inside is checked with the pack format's own schema, so a row that lacks a default
 * gets it and an unknown value (a role, a lawful basis...) is refused with its JSON path.
 */
import { z } from 'zod'
import type { RecordPerspective } from '../records/enums'
import type { RecordForm } from '../records/model'
import { recordFromActivity, type InstantiateOptions } from './instantiate'
import { customIssue, schemaMessage } from './pack-messages'
import { templatePackSchema } from './pack-schema'
import { embeddedQuoteSources, normaliseWhitespace, type QuoteSource } from './quote-check'

export const PACK_ORIGINS = ['shipped', 'imported', 'user'] as const

export const installedPackSchema = z
  .object({
    id: z.string().min(1, schemaMessage('schema.notEmpty')),
    version: z.string(),
    vendorName: z.string(),
    origin: z.enum(PACK_ORIGINS),
    installedAt: z.string(),
    pack: templatePackSchema,
    /**
     * Format 1 rows: the policy text the quotes were checked against, where the app had it; ''
     * otherwise. A format 2 pack carries its texts in `pack.sources`, and its row keeps ''.
     */
    sourceText: z.string().default('')
  })
  .superRefine((row, context) => {
    // The row's own id and version index the tables; they must be the pack's.
    if (row.id !== row.pack.id) context.addIssue({ code: 'custom', path: ['id'], ...customIssue('installed.idMismatch', { rowId: row.id, packId: row.pack.id }) })
    if (row.version !== row.pack.version) {
      context.addIssue({ code: 'custom', path: ['version'], ...customIssue('installed.versionMismatch', { rowVersion: row.version, packVersion: row.pack.version }) })
    }
  })
export type InstalledPack = z.infer<typeof installedPackSchema>
export type PackOrigin = InstalledPack['origin']

/** packId → installed version, as the template-version rule expects. */
export function installedPackVersions(packs: ReadonlyArray<{ id: string; version: string }>): Record<string, string> {
  const versions: Record<string, string> = {}
  for (const pack of packs) versions[pack.id] = pack.version
  return versions
}

/**
 * The texts an installed pack's quotes were checked against on import: its embedded sources,
 * or the policy text of a row from before format 2. Empty when the pack had none: its values
 * are unverified and never count as evidence.
 */
export function installedPackSources(installed: Pick<InstalledPack, 'pack' | 'sourceText'>): QuoteSource[] {
  const embedded = embeddedQuoteSources(installed.pack)
  return installed.sourceText.trim() === '' ? embedded : [...embedded, { title: installed.pack.source.title, text: installed.sourceText }]
}

/** Whether the pack's quotes were checked against a source text (see installedPackSources). */
export function isVerifiedPack(installed: Pick<InstalledPack, 'pack' | 'sourceText'>): boolean {
  return installedPackSources(installed).length > 0
}

/** The source a quote stands in (whitespace-normalised), for "Show in policy"; the first source when none has it. */
export function sourceOfQuote(sources: readonly QuoteSource[], quote: string): QuoteSource | undefined {
  const wanted = normaliseWhitespace(quote)
  return sources.find((source) => normaliseWhitespace(source.text).includes(wanted)) ?? sources[0]
}

/**
 * A draft record from one activity of an installed pack, its evidence marked verified or not:
 * the quotes of a pack without source text were never checked.
 */
export function recordFromInstalledPack(installed: Pick<InstalledPack, 'pack' | 'sourceText'>, activityId: string, perspective?: RecordPerspective, options: InstantiateOptions = {}): RecordForm {
  const record = recordFromActivity(installed.pack, activityId, perspective, options)
  const verified = isVerifiedPack(installed)
  return {
    ...record,
    evidence: record.evidence.map((evidence) => ({ ...evidence, verified })),
    ...(record.suggestions ? { suggestions: record.suggestions.map((suggestion) => ({ ...suggestion, verified })) } : {})
  }
}
