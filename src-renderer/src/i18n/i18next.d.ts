/** Catalogue keys are checked at compile time: a misspelt key is a type error. */
import 'i18next'
import type enUi from '@core/i18n/locales/en/ui.json'
import type enLabels from '@core/i18n/locales/en/labels.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui'
    resources: { ui: typeof enUi; labels: typeof enLabels }
    returnNull: false
  }
}
