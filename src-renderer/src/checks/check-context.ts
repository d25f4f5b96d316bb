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

export async function loadCheckContext(db: RopaDatabase, repository: RegisterRepository, now: Date = new Date()): Promise<CheckContext> {
  const [organisation, packs] = await Promise.all([repository.getOrganisation(), db.packs.toArray()])
  return { organisation: organisation ?? null, today: localToday(now), installedPackVersions: installedPackVersions(packs) }
}
