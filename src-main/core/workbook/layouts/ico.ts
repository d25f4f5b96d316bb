/** The UK ICO's documentation templates, in English: the app's original register sheets. */
import { CONTROLLER_COLUMNS, PROCESSOR_COLUMNS } from '../register-sheets'
import { SHEET } from '../columns'
import type { RegisterLayout } from './index'

export const ICO_LAYOUT: RegisterLayout = {
  name: 'ico',
  locale: 'en',
  controller: { sheet: SHEET.controller, columns: () => CONTROLLER_COLUMNS },
  processor: { sheet: SHEET.processor, columns: () => PROCESSOR_COLUMNS }
}
