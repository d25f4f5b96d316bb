/**
 * A message that is not yet text: a catalogue key and its parameters. Findings carry these so
 * that the app, the workbook and the CLI can each say them in their own language; a parameter
 * may itself be a message (a transfer's name, an enum label) or a date, said in the same language.
 */
import type { Locale } from './index'

export interface MessageRef {
  /** `namespace:key`, e.g. `findings:lawful-basis-missing`; the namespace defaults to `findings`. */
  key: string
  params?: Readonly<Record<string, MessageParam>>
}
/** A calendar date (YYYY-MM-DD) to be written the way the reader's language writes it. */
export interface DateParam {
  date: string
  /**
   * 'long' (default): "16 July 2020"; 'short': the way the reader's language writes dates in a table
   * (ISO in English); 'dateTime': an ISO timestamp as "1 May 2026, 10:00 UTC".
   */
  style?: 'long' | 'short' | 'dateTime'
}
/** A list of parameters, each said in the reader's language, joined with `separator`. */
export interface ListParam {
  list: readonly MessageParam[]
  separator: string
}
/** A number written the way the reader's language writes it: "16,384", "16 384", "16.384"; `decimals` fixes the digits after the mark. */
export interface NumberParam {
  number: number
  decimals?: number
}
export type MessageParam = string | number | MessageRef | DateParam | ListParam | NumberParam

export const msg = (key: string, params?: Record<string, MessageParam>): MessageRef => (params ? { key, params } : { key })
export const dateParam = (date: string): DateParam => ({ date })
export const shortDateParam = (date: string): DateParam => ({ date, style: 'short' })
/** A moment (an ISO 8601 timestamp such as an export's or a change's), said as "1 May 2026, 10:00 UTC". */
export const dateTimeParam = (timestamp: string): DateParam => ({ date: timestamp, style: 'dateTime' })
/** A record's field path (`purposes.0.lawfulBasis`), said in the editor's words in the reader's language. */
export const fieldPathParam = (path: string): MessageRef => ({ key: `fieldPath:${path}` })
/** A vocabulary term (stored key or `custom:` text), said by its label in the reader's language. */
export const termParam = (term: string): MessageRef => ({ key: `vocabulary:${term}` })
/** An enum value's label, e.g. `labelParam('instrument', 'scc-2021')`. */
export const labelParam = (group: string, key: string): MessageRef => ({ key: `labels:${group}.${key}` })
export const listParam = (list: readonly MessageParam[], separator: string): ListParam => ({ list, separator })
export const numberParam = (number: number, decimals?: number): NumberParam => (decimals === undefined ? { number } : { number, decimals })

export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as MessageRef).key === 'string'
}

/** Looks a key up in one language; returns the key itself when the catalogue lacks it. */
export type Lookup = (namespacedKey: string, params: Record<string, string | number>) => string

const MONTHS: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember']
}

/** "16 July 2020", "16 juillet 2020", "16. Juli 2020": written out, never ambiguous. Text that is not a date stays as it is. */
export function formatLongDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return isoDate
  const day = Number(match[3])
  const month = MONTHS[locale][Number(match[2]) - 1] ?? ''
  if (locale === 'de') return `${day}. ${month} ${match[1]}`
  if (locale === 'fr') return `${day === 1 ? '1er' : day} ${month} ${match[1]}`
  return `${day} ${month} ${match[1]}`
}

/** "06/12/2026" (fr), "06.12.2026" (de), "2026-12-06" (en, as the app has always shown dates): for cells people read. */
export function formatShortDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.slice(0, 10))
  if (!match || isoDate.length !== 10) return isoDate
  if (locale === 'fr') return `${match[3]}/${match[2]}/${match[1]}`
  if (locale === 'de') return `${match[3]}.${match[2]}.${match[1]}`
  return isoDate
}

/**
 * "1 May 2026, 10:00 UTC", « 1er mai 2026 à 10:00 UTC », „1. Mai 2026, 10:00 UTC“. In UTC, said so:
 * the same words on every machine, in the audit trail and in the workbook. Text that is no timestamp stays as it is.
 */
export function formatDateTimeIn(timestamp: string, locale: Locale): string {
  const time = Date.parse(timestamp)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(timestamp) || Number.isNaN(time)) return timestamp
  const utc = new Date(time).toISOString()
  const day = formatLongDate(utc.slice(0, 10), locale)
  return `${day}${locale === 'fr' ? ' à' : ','} ${utc.slice(11, 16)} UTC`
}

/** The digit group separators and decimal mark of each language, as Intl writes them (fr: a narrow no-break space). */
const NUMBER_MARKS: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  fr: { group: '\u202f', decimal: ',' },
  de: { group: '.', decimal: ',' }
}

/** 99999999999 → "99,999,999,999" (en), "99 999 999 999" (fr), "99.999.999.999" (de); written here, not by Intl, so that every runtime says the same. */
export function formatNumberIn(number: number, locale: Locale, decimals?: number): string {
  if (!Number.isFinite(number)) return String(number)
  const marks = NUMBER_MARKS[locale]
  const [whole = '', fraction] = (decimals === undefined ? String(Math.abs(number)) : Math.abs(number).toFixed(decimals)).split('.')
  // Huge numbers print in exponent form: no digits to group.
  if (!/^\d+$/.test(whole)) return String(number)
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, marks.group)
  return `${number < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : marks.decimal + fraction}`
}

/** Renders a message: nested messages and dates first, then the message itself. */
export function renderMessage(ref: MessageRef, lookup: Lookup, locale: Locale): string {
  const params: Record<string, string | number> = {}
  if (ref.params) for (const name in ref.params) params[name] = renderParam(ref.params[name]!, lookup, locale)
  return lookup(ref.key.includes(':') ? ref.key : `findings:${ref.key}`, params)
}

function renderParam(value: MessageParam, lookup: Lookup, locale: Locale): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value
  if (isMessageRef(value)) return renderMessage(value, lookup, locale)
  if ('list' in value) return value.list.map((item) => renderParam(item, lookup, locale)).join(value.separator)
  if ('number' in value) return formatNumberIn(value.number, locale, value.decimals)
  if (value.style === 'dateTime') return formatDateTimeIn(value.date, locale)
  return value.style === 'short' ? formatShortDate(value.date, locale) : formatLongDate(value.date, locale)
}

/** A template split once into its text and its parameter names (odd indexes): the checks say thousands of messages a run. */
const compiled = new Map<string, string[]>()
function compile(template: string): string[] {
  let parts = compiled.get(template)
  if (!parts) compiled.set(template, (parts = template.split(/\{\{\s*([\w.-]+)\s*\}\}/)))
  return parts
}

/** `{{name}}` replaced by its parameter; i18next's syntax, so that the catalogues serve both. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  const parts = compile(template)
  if (parts.length === 1) return template
  let text = parts[0]!
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index]!
    const value = params[name]
    text += (value === undefined ? `{{${name}}}` : String(value)) + parts[index + 1]!
  }
  return text
}
