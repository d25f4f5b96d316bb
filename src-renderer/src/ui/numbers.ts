/** Counts and figures in the interface's language: "1,234" in English, "1 234" in French, "1.234" in German. */
import { formattingLocale } from './dates'

const formats = new Map<string, Intl.NumberFormat>()

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  const language = formattingLocale()
  const key = `${language}\u0000${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(language, options)
    formats.set(key, format)
  }
  return format.format(value)
}
