/** Catalogue keys are checked at compile time: a misspelt key is a type error. */
import 'i18next'
import type enUi from '@core/i18n/locales/en/ui.json'
import type { EnumLabelMaps } from '@core/i18n/enum-labels'
import type enTemplates from '@core/i18n/locales/en/templates.json'
import type enDrafting from '@core/i18n/locales/en/drafting.json'
import type enImportExport from '@core/i18n/locales/en/importExport.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui'
    resources: { ui: typeof enUi; labels: EnumLabelMaps; templates: typeof enTemplates; drafting: typeof enDrafting; importExport: typeof enImportExport }
    returnNull: false
  }
}
