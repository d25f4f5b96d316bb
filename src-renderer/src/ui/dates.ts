/**
 * The one way dates and times are shown: in the user's locale (the browser's language), with
 * the month as a word so that 03/04 is never ambiguous. Stored values stay ISO.
 */
const locale = (): string | undefined => (typeof navigator === 'undefined' ? undefined : navigator.language)

const dateFormat = () => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' })
const dateTimeFormat = (seconds: boolean) =>
  new Intl.DateTimeFormat(locale(), seconds ? { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' } : { dateStyle: 'medium', timeStyle: 'short' })

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
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'medium' }).format(value)
}
