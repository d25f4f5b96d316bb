/**
 * The register's enumerations (roles, statuses, lawful bases, transfer instruments…) in the
 * interface's language. Stored keys never change; only their labels are translated. The labels
 * are the core's own (`core/i18n/enum-labels.ts`), so a value reads the same here as in the
 * workbook, the CLI and the findings.
 */
import type { EnumLabelMaps, EnumLabelMapName } from '@core/i18n/enum-labels'
import { UI_CATALOGUES } from './catalogues'
import { currentLocale } from './i18n'

type LabelCatalogue = EnumLabelMaps
export type LabelMapName = EnumLabelMapName

/** The labels of one enumeration, `{ key: label }`, in the interface's language (in the enumeration's own order). */
export function enumLabels<Name extends LabelMapName>(name: Name): LabelCatalogue[Name] {
  return UI_CATALOGUES[currentLocale()].labels[name]
}

/** One value's label; an unknown value (from a newer version, or free text) is shown as stored. */
export function enumLabel(name: LabelMapName, value: string): string {
  const labels = enumLabels(name) as Record<string, string>
  return labels[value] ?? value
}
