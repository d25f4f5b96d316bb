import type { LayoutKind, Mapping, ProposeMappingOptions, SpreadsheetFile, SpreadsheetProblem, SpreadsheetSheet } from './types'

export function detectLayout(sheet: SpreadsheetSheet): LayoutKind {
  void sheet
  return 'table'
}

export function proposeMapping(file: SpreadsheetFile, options: ProposeMappingOptions = {}): Mapping {
  void file
  void options
  return { format: 'ropa-import-mapping', version: 1, sheets: [] }
}

export function parseMapping(json: unknown): { ok: true; mapping: Mapping } | { ok: false; problems: SpreadsheetProblem[] } {
  void json
  return { ok: false, problems: [{ path: '$', message: 'not implemented yet' }] }
}
