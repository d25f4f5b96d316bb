/** Words the template screens share, in the interface's language. */
import type { TFunction } from 'i18next'
import type { TemplatePack } from '@core/templates/pack-schema'
import type { InstalledPack } from '@core/templates/installed-pack'
import { formatDate } from '../ui/dates'

export type TemplatesT = TFunction<'templates'>

/** A record's name, or "Unnamed activity" in the interface's language. */
export function recordTitle(t: TemplatesT, name: string): string {
  return name.trim() === '' ? t('unnamedActivity') : name
}

/** Where an installed pack came from, in words. */
export function originLabel(t: TemplatesT, origin: InstalledPack['origin']): string {
  return t(`origin.${origin}`)
}

export function policyDate(t: TemplatesT, pack: TemplatePack): string {
  const date = pack.source.effectiveDate ?? pack.source.lastUpdated
  return date ? formatDate(date) : t('library.notStated')
}

