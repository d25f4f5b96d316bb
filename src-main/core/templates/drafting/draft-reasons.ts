/**
 * The drafting assistant's words as messages of the `draftReasons` catalogue: the screen says them
 * in the interface's language, the CLI in English, and a drafted pack in its author's language.
 * Only the key and its parameters here, so that the drafting worker does not load the catalogues.
 */
import type { DraftReasonKey } from '../../i18n/locales/en/draftReasons'
import { msg, type MessageParam, type MessageRef } from '../../i18n/message'

export const draftReason = (key: DraftReasonKey, params?: Record<string, MessageParam>): MessageRef => msg(`draftReasons:${key}`, params)
