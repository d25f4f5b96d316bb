/**
 * Dates and numbers follow the interface's language, not the browser's: a German interface on
 * an English browser writes German dates, and an English interface keeps the browser's regional
 * variant of English (en-GB "15 Jan 2027", en-US "Jan 15, 2027"). The first run follows the
 * browser's languages; a saved choice wins.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLocale, i18n, initialLocale, LOCALE_STORAGE_KEY } from '../../src-renderer/src/i18n/i18n'
import { formatDate } from '../../src-renderer/src/ui/dates'
import { formatNumber } from '../../src-renderer/src/ui/numbers'
import { longDate } from '../../src-renderer/src/i18n/use-formatters'

function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value)
  }
}

afterEach(async () => {
  await i18n.changeLanguage('en')
})

describe('the interface language', () => {
  it('writes dates and numbers in the chosen language, not the browser’s', async () => {
    vi.stubGlobal('navigator', { language: 'en-US', languages: ['en-US'] })
    vi.stubGlobal('localStorage', memoryStorage())
    vi.stubGlobal('document', { documentElement: { lang: 'en' } })
    expect(formatDate('2027-01-15')).toBe('Jan 15, 2027')
    await chooseLocale('de')
    expect(formatDate('2027-01-15')).toBe('15.01.2027')
    expect(formatNumber(1234567)).toBe('1.234.567')
    expect(i18n.t('register.title')).toBe('Verzeichnis von Verarbeitungstätigkeiten')
    await chooseLocale('fr')
    expect(formatDate('2027-01-15')).toBe('15 janv. 2027')
    expect(formatNumber(1234)).toBe('1\u202f234')
  })

  it('follows the browser’s languages on first run, and a saved choice after', () => {
    const storage = memoryStorage()
    vi.stubGlobal('localStorage', storage)
    vi.stubGlobal('navigator', { language: 'es-ES', languages: ['es-ES', 'de-AT', 'en'] })
    expect(initialLocale()).toBe('de')
    vi.stubGlobal('navigator', { language: 'ja', languages: ['ja'] })
    expect(initialLocale()).toBe('en')
    storage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(initialLocale()).toBe('fr')
    storage.setItem(LOCALE_STORAGE_KEY, 'xx')
    expect(initialLocale()).toBe('en')
  })

  it('writes legal dates out in the interface’s language (transfer law as of, adequacy decisions), as the findings do', async () => {
    await i18n.changeLanguage('fr')
    expect(longDate('2026-12-06')).toBe('6 décembre 2026')
    expect(longDate('2023-07-01')).toBe('1er juillet 2023')
    await i18n.changeLanguage('de')
    expect(longDate('2026-12-06')).toBe('6. Dezember 2026')
    await i18n.changeLanguage('en')
    expect(longDate('2026-12-06')).toBe('6 December 2026')
  })
})
