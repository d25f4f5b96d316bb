/**
 * The register layouts an export can take (issue #13): the ICO's template in English, the
 * CNIL's "registre" in French and the DSK's "Verzeichnis von Verarbeitungstätigkeiten" in
 * German. A layout decides the controller and processor register sheets (names, columns,
 * headings, order); every layout keeps the other sheets and the hidden Data sheet, so each
 * re-imports exactly.
 */
import type { Locale } from '../../i18n'
import type { StoredRecord } from '../../records/model'
import type { Column } from '../register-sheets'
import { CNIL_LAYOUT } from './cnil'
import { DSK_LAYOUT } from './dsk'
import { ICO_LAYOUT } from './ico'
import type { RecordText } from './record-text'

import type { WorkbookLayoutName } from './names'

export { WORKBOOK_LAYOUTS, isWorkbookLayout, type WorkbookLayoutName } from './names'

export interface RegisterSheetLayout {
  /** The sheet's name (31 characters at most, Excel's limit). */
  sheet: string
  columns(text: RecordText): Column<StoredRecord>[]
}

export interface RegisterLayout {
  name: WorkbookLayoutName
  /** The language of the regulator's model, and the export's language unless another is chosen. */
  locale: Locale
  controller: RegisterSheetLayout
  processor: RegisterSheetLayout
}

export const REGISTER_LAYOUTS: Record<WorkbookLayoutName, RegisterLayout> = { ico: ICO_LAYOUT, cnil: CNIL_LAYOUT, dsk: DSK_LAYOUT }
