/** Chooses the interface's language; each language is named in itself, so that a user who cannot read the current one still finds theirs. */
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCALES, isLocale, type Locale } from '@core/i18n'
import { chooseLocale, currentLocale } from './i18n'

export const LOCALE_NATIVE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français', de: 'Deutsch' }

export function LanguagePicker({ className }: { className?: string }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <span className={`language-picker${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={currentLocale()}
        onChange={(event) => {
          if (isLocale(event.target.value)) void chooseLocale(event.target.value)
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NATIVE_NAMES[locale]}
          </option>
        ))}
      </select>
    </span>
  )
}
