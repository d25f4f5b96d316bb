/**
 * Dates and numbers in the interface's language (not the browser's): a French interface shows
 * « 15 janv. 2027 » and « 1 234 », a German one "15.01.2027" and "1.234". Stored values and
 * exports a machine reads stay ISO.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLongDate } from '@core/i18n/message'
import { currentLocale } from './i18n'
import { formatDate, formatDateTime, formatTime } from '../ui/dates'
import { formatNumber } from '../ui/numbers'

export interface Formatters {
  date: typeof formatDate
  dateTime: typeof formatDateTime
  time: typeof formatTime
  number: typeof formatNumber
}

/** The formatters, renewed when the language changes so that a component using them renders again. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(() => {
    void language
    return { date: formatDate, dateTime: formatDateTime, time: formatTime, number: formatNumber }
  }, [language])
}

/**
 * A date written out in the interface's language ("6 December 2026", « 6 décembre 2026 »,
 * „6. Dezember 2026“), as the findings and the workbook write legal dates (decisions, transfer law as of).
 */
export function longDate(isoDate: string): string {
  return formatLongDate(isoDate, currentLocale())
}
