/**
 * The migration engine's entry points: bytes in, data out (no DOM, no Node), so that the
 * renderer's worker and the CLI use the same code.
 *   readSpreadsheet(fileName, bytes) → SpreadsheetFile (.xlsx, .ods, .csv)
 *   detectLayout(sheet) → 'table' | 'fiches'
 *   proposeMapping(file, { savedMapping }) → Mapping
 *   parseMapping(json) → Mapping or problems (a saved mapping, `--mapping m.json`)
 *   planImport(file, mapping, { today }) → ImportPlan (records, evidence, problems, summary)
 */
export * from './types'
export { readSpreadsheet } from './read-spreadsheet'
export { detectLayout, proposeMapping, parseMapping } from './propose-mapping'
export { planImport } from './plan-import'
export { describePlan, organisationOfPlan, storedRecordsOfPlan, type PlanLines } from './plan-result'
