/** A retention whose end the source does not state reads "then (not stated)" in the register sheets, and reads back as not stated. */
import { describe, expect, it } from 'vitest'
import { emptyRetention } from '@core/records/new-record'
import { retentionOf } from '@core/workbook/read-workbook'
import { retentionText } from '@core/workbook/register-sheets'
import { recordText } from '@core/workbook/layouts/record-text'

describe('an end of retention not stated', () => {
  const retention = { ...emptyRetention(), mode: 'period' as const, period: 2, fromEvent: 'account closure', endAction: '' as const }

  it('is written as not stated, never as "erase", in every language', () => {
    expect(retentionText(retention)).toBe('2 years from account closure, then (not stated)')
    expect(recordText('fr').retentionOf(retention)).toBe('2 ans à compter de account closure, puis (non indiqué)')
    expect(recordText('de').retentionOf(retention)).toBe('2 Jahre ab account closure, dann (nicht angegeben)')
  })

  it('reads back from a register sheet as not stated', () => {
    expect(retentionOf(retentionText(retention))).toEqual(retention)
    expect(retentionOf('2 years from account closure, then erase').endAction).toBe('erase')
  })
})
