/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so that results do not depend on the machine's zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function parse(date: string): Date {
  const match = ISO_DATE.exec(date)
  if (!match) throw new Error(`Expected a date in the form YYYY-MM-DD, got "${date}"`)
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
}

const format = (date: Date): string => date.toISOString().slice(0, 10)

/** Today as YYYY-MM-DD in the user's own time zone: "overdue" means overdue where the DPO sits. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value)
}

export function addDays(date: string, days: number): string {
  const result = parse(date)
  result.setUTCDate(result.getUTCDate() + days)
  return format(result)
}

/** Adds months, clamping to the month's last day (29 Feb + 12 months = 28 Feb). */
export function addMonths(date: string, months: number): string {
  const start = parse(date)
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay))
  return format(target)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / 86_400_000)
}
