/** The jobs the guided import hands to its worker, and the messages between them. */
import type { Locale } from '@core/i18n'
import type { MessageRef } from '@core/i18n/message'
import type { CheckContext, Finding } from '@core/checks/finding'
import type { ImportPlan, Mapping, SpreadsheetFile, SpreadsheetProblem } from '@core/migration/types'

export type MigrationRequest = (
  /** Read the file and propose its mapping. */
  | { kind: 'read'; bytes: Uint8Array; fileName: string }
  /** Propose the mapping again with a saved (or loaded) mapping's choices. */
  | { kind: 'propose'; file: SpreadsheetFile; savedMapping: Mapping }
  /** Plan the records and run the compliance checks on each. */
  | { kind: 'plan'; file: SpreadsheetFile; mapping: Mapping; context: CheckContext }
) & {
  /** The language of the schema's validation messages (a row's reason), the interface's; the worker has its own module state. */
  validationLocale?: Locale
}

/** The file as read and the mapping proposed for it, or the problems that stopped the reading. */
export type SpreadsheetReadResult = { ok: true; file: SpreadsheetFile; mapping: Mapping } | { ok: false; problems: SpreadsheetProblem[] }

export interface CheckedPlan {
  plan: ImportPlan
  /** The findings of each planned record, in the plan's order. */
  findings: Finding[][]
}

export interface MigrationResults {
  read: SpreadsheetReadResult
  propose: Mapping
  plan: CheckedPlan
}

export type MigrationStage = 'reading' | 'mapping' | 'planning' | 'checking'

export type MigrationWorkerMessage =
  /** Sent once the worker's code has loaded: an error after it is a crash, not a failure to start. */
  | { type: 'started' }
  | { type: 'stage'; stage: MigrationStage }
  | { type: 'done'; result: MigrationResults[MigrationRequest['kind']] }
  | { type: 'failed'; message: string; ref?: MessageRef }
