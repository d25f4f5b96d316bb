/**
 * The record schemas' own validation messages ("Say why this open item is accepted") in a chosen
 * language, without i18next: each schema gives zod an error function that reads the catalogue
 * (`problems:validation.*`) in the language set here when the value is checked. English unless set:
 * the CLI, the import and the tests read English; the interface sets its own language.
 */
import { DEFAULT_LOCALE, type Locale } from './index'
import { translateMessage } from './catalogues'
import { msg, type MessageParam } from './message'

let validationLocale: Locale = DEFAULT_LOCALE

/** The language of validation messages from now on (the interface calls this when its language changes). */
export function setValidationLocale(locale: Locale): void {
  validationLocale = locale
}

export function getValidationLocale(): Locale {
  return validationLocale
}

/** A validation message in the current validation language. */
export function validationText(key: string, params?: Record<string, MessageParam>): string {
  return translateMessage(msg(`problems:validation.${key}`, params), validationLocale)
}

/** zod's error option for a schema check: the message, said when the check fails. */
export const validationError = (key: string, params?: Record<string, MessageParam>) => ({ error: () => validationText(key, params) })
