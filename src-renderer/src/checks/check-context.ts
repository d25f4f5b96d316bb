/** What the compliance checks need besides the records: the organisation, today's date and the installed packs. */
import type { CheckContext } from '@core/checks/finding'
import type { RopaDatabase } from '../db/database'
import type { RegisterRepository } from '../db/register-repository'

/** Today as YYYY-MM-DD in the user's own time zone: "overdue" means overdue where the DPO sits. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** packId → installed version, as the template-version rule expects. */
export function installedPackVersions(packs: ReadonlyArray<{ id: string; version: string }>): Record<string, string> {
  const versions: Record<string, string> = {}
  for (const pack of packs) versions[pack.id] = pack.version
  return versions
}

/**
 * `packVersions`, when given, are the installed versions the caller already knows to be current
 * (the checks store, which hears of every pack change): the pack rows, policy texts and all, are
 * then not read again.
 */
export async function loadCheckContext(db: RopaDatabase, repository: RegisterRepository, now: Date = new Date(), packVersions?: Record<string, string>): Promise<CheckContext> {
  const [organisation, versions] = await Promise.all([repository.getOrganisation(), packVersions ?? db.packs.toArray().then(installedPackVersions)])
  return { organisation: organisation ?? null, today: localToday(now), installedPackVersions: versions }
}
