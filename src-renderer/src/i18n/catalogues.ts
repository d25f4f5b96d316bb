/**
 * The interface's catalogues: `ui` (its own words) and `labels` (the register's enumerations,
 * shared with the workbook and the CLI). Both live in the core beside the core's namespaces so
 * that one completeness test sees all of them.
 */
import enUi from '@core/i18n/locales/en/ui.json'
import frUi from '@core/i18n/locales/fr/ui.json'
import deUi from '@core/i18n/locales/de/ui.json'
import enLabels from '@core/i18n/locales/en/labels.json'
import frLabels from '@core/i18n/locales/fr/labels.json'
import deLabels from '@core/i18n/locales/de/labels.json'
import type { Locale } from '@core/i18n'

export const UI_CATALOGUES = {
  en: { ui: enUi, labels: enLabels },
  fr: { ui: frUi, labels: frLabels },
  de: { ui: deUi, labels: deLabels }
} satisfies Record<Locale, { ui: typeof enUi; labels: typeof enLabels }>
