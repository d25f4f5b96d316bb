/**
 * A finding in the interface's language: the checks give each message and fix as a key with
 * parameters (core/i18n), rendered here; the English text is the fallback for a finding that
 * carries none (read from older data).
 */
import type { Finding } from '@core/checks/finding'
import { articleHeadingIn as articleHeadingInLocale, describeFieldPathIn, describeFieldValueIn, formatArticle, labelIn, translateMessage } from '@core/i18n/catalogues'
import type { ItemPosition } from '@core/records/field-names'
import { currentLocale } from './i18n'

export function findingMessage(finding: Pick<Finding, 'message' | 'messageRef'>): string {
  return finding.messageRef ? translateMessage(finding.messageRef, currentLocale()) : finding.message
}

export function findingFix(finding: Pick<Finding, 'fix' | 'fixRef'>): string {
  return finding.fixRef ? translateMessage(finding.fixRef, currentLocale()) : finding.fix
}

/** A record field path in words ("Purpose 1 › Lawful basis"), in the interface's language; `position` numbers the history's item ids. */
export function fieldInWords(path: string, position?: ItemPosition): string {
  return describeFieldPathIn(path, currentLocale(), position)
}

/** A stored value in words (enum labels, vocabulary names, yes/no), in the interface's language, as the workbook names it. */
export function valueInWords(path: string, value: unknown): string {
  return describeFieldValueIn(path, value, currentLocale())
}

/** A citation in the interface's language's style ("Art. 30, par. 1, point b)"), as the workbook and the CLI write it. */
export function articleInWords(article: string): string {
  return formatArticle(article, currentLocale())
}

/** "Art. 30(1)(b) Purposes of the processing": the citation in the language's style, then the item's title in that language, as `ropa check` heads it. */
export function articleHeadingIn(article: string): string {
  return articleHeadingInLocale(article, currentLocale())
}

/** What an audit entry did ("Edited", « Modification », „Geändert“); an action from a newer version as stored. */
export function auditActionInWords(action: string): string {
  const label = labelIn(currentLocale(), 'auditAction', action)
  return label === `auditAction.${action}` ? action : label
}
