/**
 * The interface's catalogues: `ui` (its own words), `labels` (the register's enumerations, made
 * from the core's `labels` catalogue, the one the workbook, the CLI and the findings say them
 * from: see core/i18n/enum-labels.ts), and one namespace for each of the larger features
 * (`templates`, `drafting`, `importExport`), used as `useTranslation('templates')`. All live in
 * the core beside the core's namespaces so that one completeness test sees all of them.
 */
import enUi from '@core/i18n/locales/en/ui.json'
import frUi from '@core/i18n/locales/fr/ui.json'
import deUi from '@core/i18n/locales/de/ui.json'
import { enumLabelMaps, type EnumLabelMaps } from '@core/i18n/enum-labels'
import enTemplates from '@core/i18n/locales/en/templates.json'
import enDrafting from '@core/i18n/locales/en/drafting.json'
import enImportExport from '@core/i18n/locales/en/importExport.json'
import frTemplates from '@core/i18n/locales/fr/templates.json'
import frDrafting from '@core/i18n/locales/fr/drafting.json'
import frImportExport from '@core/i18n/locales/fr/importExport.json'
import deTemplates from '@core/i18n/locales/de/templates.json'
import deDrafting from '@core/i18n/locales/de/drafting.json'
import deImportExport from '@core/i18n/locales/de/importExport.json'
import type { Locale } from '@core/i18n'

export const UI_CATALOGUES = {
  en: { ui: enUi, labels: enumLabelMaps('en'), templates: enTemplates, drafting: enDrafting, importExport: enImportExport },
  fr: { ui: frUi, labels: enumLabelMaps('fr'), templates: frTemplates, drafting: frDrafting, importExport: frImportExport },
  de: { ui: deUi, labels: enumLabelMaps('de'), templates: deTemplates, drafting: deDrafting, importExport: deImportExport }
} satisfies Record<Locale, { ui: typeof enUi; labels: EnumLabelMaps; templates: typeof enTemplates; drafting: typeof enDrafting; importExport: typeof enImportExport }>
