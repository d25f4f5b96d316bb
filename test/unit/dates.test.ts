/** Dates are shown through kept formatters: the same text as a new formatter, following the browser's language. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatDate, formatDateTime, formatTime } from '../../src-renderer/src/ui/dates'

afterEach(() => vi.unstubAllGlobals())

describe('date formatting', () => {
  it('gives what a new Intl formatter gives, and follows a change of language', () => {
    vi.stubGlobal('navigator', { language: 'en-US' })
    expect(formatDate('2027-01-15')).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(2027, 0, 15)))
    expect(formatDate('2027-01-15')).toBe('Jan 15, 2027')
    const moment = new Date(2027, 0, 15, 10, 42, 5)
    expect(formatDateTime(moment)).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(moment))
    expect(formatDateTime(moment, { seconds: true })).toBe(new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(moment))
    expect(formatTime(moment)).toBe(new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' }).format(moment))
    vi.stubGlobal('navigator', { language: 'en-GB' })
    expect(formatDate('2027-01-15')).toBe('15 Jan 2027')
    expect(formatDate('not a date')).toBe('not a date')
  })
})
