/**
 * The words a template writes into a record, in the record's language (`recordText` catalogue),
 * and the open-item frame around a pack's gap note, read back in any of the languages. Pure.
 */
import { LOCALES, type Locale } from '../i18n'
import { CATALOGUES, lookupText } from '../i18n/catalogues'
import { msg, type MessageParam, type MessageRef } from '../i18n/message'

/** A key of the `recordText` catalogue with its parameters. */
export const recordTextRef = (key: string, params?: Record<string, MessageParam>): MessageRef => msg(`recordText:${key}`, params)

/** `recordText:<key>` said in one language. */
export type RecordWords = (key: string, params?: Record<string, string | number>) => string
export const recordWordsIn =
  (locale: Locale): RecordWords =>
  (key, params) =>
    lookupText(locale, `recordText:${key}`, params)

export type GapKind = 'silent' | 'vague'
const GAP_KEYS: Record<GapKind, string> = { silent: 'open.policySilent', vague: 'open.policyVague' }

/** "The policy is silent: <the pack's note>", in the record's language; the note stays as the pack wrote it. */
export function gapNoteIn(locale: Locale, kind: GapKind, note: string): string {
  return recordWordsIn(locale)(GAP_KEYS[kind], { note })
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Each language's frames as patterns: an open item made in French reads back as the same gap as one made in English. */
const GAP_PATTERNS: ReadonlyArray<{ kind: GapKind; pattern: RegExp }> = LOCALES.flatMap((locale) =>
  (Object.keys(GAP_KEYS) as GapKind[]).map((kind) => {
    const [before = '', after = ''] = (CATALOGUES[locale].recordText[GAP_KEYS[kind]] ?? '').split('{{note}}')
    return { kind, pattern: new RegExp(`^${escape(before)}([\\s\\S]*)${escape(after)}$`) }
  })
)

/** The gap an open item's note states, in whichever language the record was made; undefined for any other note. */
export function parseGapNote(note: string): { kind: GapKind; note: string } | undefined {
  for (const { kind, pattern } of GAP_PATTERNS) {
    const match = pattern.exec(note)
    if (match) return { kind, note: match[1]!.trim() }
  }
  return undefined
}
