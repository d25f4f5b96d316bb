/**
 * What the core reports (a changed cell of a verified workbook, a backup that cannot be restored,
 * an import row's reason, a broken audit chain) in the interface's language: the core gives each
 * as a catalogue key with parameters besides its English text, which stays the fallback.
 */
import type { AuditEntity, ChainBreak } from '@core/audit/audit-chain'
import { chainBreakRef } from '@core/audit/audit-text'
import { translateMessage } from '@core/i18n/catalogues'
import type { MessageRef } from '@core/i18n/message'
import type { Problem } from '@core/util/problems'
import { currentLocale, t } from './i18n'

/** A message in the interface's language; `fallback` (English from older data, or a library's own words) where there is no key. */
export function messageIn(ref: MessageRef | undefined, fallback = ''): string {
  return ref ? translateMessage(ref, currentLocale()) : fallback
}

export function problemMessage(problem: Problem): string {
  return messageIn(problem.ref, problem.message)
}

/** Where a problem is: a cell or JSON path as it is, a place said in words (`legacy.csv: line 3`) in the interface's language. */
export function problemPath(problem: Problem): string {
  return messageIn(problem.pathRef, problem.path)
}

/** Why the host refused to open a picked file (too large, not a file), in the interface's language. */
export function refusalReason(refused: { reason: string; reasonRef?: MessageRef }): string {
  return messageIn(refused.reasonRef, refused.reason)
}

/** Where and why an audit chain fails, in one clause. */
export function chainBreakIn(firstBreak: ChainBreak): string {
  return messageIn(chainBreakRef(firstBreak))
}

const ENTITIES: readonly string[] = ['record', 'organisation', 'vendor', 'pack', 'register', 'user'] satisfies AuditEntity[]

/** What an audit entry is about: "Record", "Fiche", "Eintrag"; a kind from a newer version of the app as it is stored. */
export function auditEntityLabel(entity: string): string {
  return ENTITIES.includes(entity) ? t(`audit.entityLabel.${entity as AuditEntity}`) : entity
}
