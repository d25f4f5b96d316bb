/**
 * The one way dates and times are shown: in the interface's language, with the month as a word
 * so that 03/04 is never ambiguous. Stored values stay ISO.
 */
import { currentLocale } from '../i18n/i18n'

/**
 * The interface's language, in the browser's regional variant of it when there is one: an English
 * interface in en-GB writes "15 Jan 2027", in en-US "Jan 15, 2027"; a French interface on an
 * English browser writes French dates.
 */
export function formattingLocale(): string {
  const chosen = currentLocale()
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]
  return preferred.find((tag) => typeof tag === 'string' && tag.toLowerCase().split(/[-_]/)[0] === chosen) ?? chosen
}
const locale = formattingLocale

/**
 * Formatters are costly to build (about a millisecond each), and a list of dates builds one per
 * date: each is kept per locale and options, and built again only when the language changes.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const language = locale()
  const key = `${language ?? ''}\u0000${JSON.stringify(options)}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(language, options)
    formatters.set(key, format)
  }
  return format
}

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
const DATE_TIME_SECONDS: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'medium' }

const dateFormat = () => formatter(DATE)
const dateTimeFormat = (seconds: boolean) => formatter(seconds ? DATE_TIME_SECONDS : DATE_TIME)

/** A calendar date (`2027-01-15`, or the date part of a timestamp) → "Jan 15, 2027" / "15 Jan 2027". Empty or unreadable values come back as given. */
export function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return value
  // A calendar date has no time zone: build it in local time so that it never shifts a day.
  const date = value.length > 10 ? new Date(value) : new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(date.getTime()) ? value : dateFormat().format(date)
}

/** A moment (ISO timestamp or Date) → "Jan 15, 2027, 10:42 AM" in local time; `seconds` where the exact moment matters (the audit trail). */
export function formatDateTime(value: string | Date, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? String(value) : dateTimeFormat(seconds).format(date)
}

/** The time of day only, for "Saved at 10:42:05". */
export function formatTime(value: Date = new Date()): string {
  return formatter(TIME).format(value)
}
