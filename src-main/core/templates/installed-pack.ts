/**
 * A template pack as installed: the pack itself and, for shipped packs, its policy text. Stored
 * in `packs` (the installed version) and `packArchive` (versions it replaced), and in backups.
 * The pack inside is checked with the pack format's own schema, so a row that lacks a default
 * gets it and an unknown value (a role, a lawful basis...) is refused with its JSON path.
 */
import { z } from 'zod'
import { templatePackSchema } from './pack-schema'

export const PACK_ORIGINS = ['shipped', 'imported', 'user'] as const

export const installedPackSchema = z
  .object({
    id: z.string().min(1, 'must not be empty'),
    version: z.string(),
    vendorName: z.string(),
    origin: z.enum(PACK_ORIGINS),
    installedAt: z.string(),
    pack: templatePackSchema,
    /** The policy text the quotes come from, where known; '' otherwise. */
    sourceText: z.string().default('')
  })
  .superRefine((row, context) => {
    // The row's own id and version index the tables; they must be the pack's.
    if (row.id !== row.pack.id) context.addIssue({ code: 'custom', path: ['id'], message: `"${row.id}" is not the id of the pack it holds ("${row.pack.id}")` })
    if (row.version !== row.pack.version) {
      context.addIssue({ code: 'custom', path: ['version'], message: `"${row.version}" is not the version of the pack it holds ("${row.pack.version}")` })
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
