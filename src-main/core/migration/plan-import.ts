import type { ImportPlan, Mapping, PlanImportOptions, SpreadsheetFile } from './types'

export function planImport(file: SpreadsheetFile, mapping: Mapping, options: PlanImportOptions): ImportPlan {
  void mapping
  void options
  return { fileName: file.fileName, records: [], problems: [], organisation: null, summary: { rowsRead: 0, recordsMade: 0, cellsMapped: 0, cellsKeptAsNotes: 0, cellsIgnored: [], columnsUnmapped: [] } }
}
