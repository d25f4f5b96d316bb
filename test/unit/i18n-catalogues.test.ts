/**
 * The catalogues under src-main/core/i18n/locales/<locale>/ (the interface's JSON namespaces,
 * and the core's; the interface's `labels` are the core's, see i18n-labels-agree.test.ts) are complete in every language: the same keys, the same
 * placeholders and tags, and no English left in French or German except words those languages
 * spell the same way.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../src-main/core/i18n'
import { enumLabelMaps } from '../../src-main/core/i18n/enum-labels'

const LOCALES_DIR = resolve(import.meta.dirname, '../../src-main/core/i18n/locales')

type Catalogue = { [key: string]: string | Catalogue }

/** A namespace's file: JSON, or a TS module whose default (or only) export is the catalogue. */
async function loadNamespace(locale: string, file: string): Promise<Catalogue> {
  const path = resolve(LOCALES_DIR, locale, file)
  if (file.endsWith('.json')) return JSON.parse(readFileSync(path, 'utf8')) as Catalogue
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>
  const exported = module.default ?? Object.values(module).find((value) => typeof value === 'object' && value !== null)
  return exported as Catalogue
}

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') entries.set(`${prefix}${key}`, value)
    else if (typeof value === 'object' && value !== null) for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text)
  }
  return entries
}

/** The JSON catalogues (the interface's); the core's TS catalogues have their own test (i18n-core.test.ts). */
const namespaceFiles = readdirSync(resolve(LOCALES_DIR, 'en')).filter((file) => file.endsWith('.json'))

/** `{{name}}` placeholders and `<tag>`s: a translation must keep every one of them, and add none. */
const markers = (text: string): string[] => [...text.matchAll(/\{\{\s*[\w.-]+(?:,[^}]*)?\s*\}\}|<\/?\w+\s*\/?>/g)].map((match) => match[0].replace(/\s/g, '')).sort()

/**
 * Words French or German spell exactly as English does, which a translation may therefore keep.
 * Each is a word of that language in its own right (most are the GDPR's own terms in that
 * language version), not English left behind.
 */
const SAME_IN: Record<'fr' | 'de', ReadonlySet<string>> = {
  fr: new Set([
    'Article', // « article » of the Regulation
    'Destination', // « destination » (Art. 44 FR: « vers un pays tiers »; the destination of a transfer)
    'Sections', // « sections » of the editor
    'Notes', // « notes »
    'Description', // « description » (Art. 30(1)(g) FR: « une description générale des mesures »)
    'Condition', // « condition » (Art. 9(2) FR: conditions of processing)
    'Type', // « type » of recipient
    'Instrument', // « instrument juridiquement contraignant » (Art. 46(2)(a) FR)
    'Code', // « code » pays
    'Certification', // « certification » (Art. 42 FR)
    'Pseudonymisation', // « pseudonymisation » (Art. 4(5) FR)
    'Source', // « source » (Art. 14(2)(f) FR: « la source d’où proviennent les données »)
    'Ctrl', // the key as French keyboards label it (German ones say „Strg“)
    'Version', // « version » of a template pack
    'version',
    'Versions',
    'Actions' // « actions » (the hidden heading of a table's buttons)
  ]),
  de: new Set([
    'Organisation', // „internationale Organisation“ (Art. 4(26) DE); an organisation
    'Status', // „Status“ of a record
    'Instrument', // „rechtlich bindendes und durchsetzbares Dokument“ — the app's "Instrument" column, a German word too
    'Code', // Ländercode
    'Version', // „Version“ of a template pack
    'KB', // Kilobyte, the unit German writes as English does
    'MB' // Megabyte
  ])
}

/** The words of a text once placeholders, tags and article numbers (`Art. 9(2)`, `30(1)(a)`) are set aside. */
const wordsOf = (text: string): string[] =>
  text
    .replace(/\{\{[^}]*\}\}|<\/?\w+\s*\/?>/g, ' ')
    .replace(/\bArt\.\s*\d+(\(\w+\))*|\b\d+(\(\w+\))+/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 1)

describe('translation catalogues', () => {
  it('has every namespace in every language', () => {
    expect(namespaceFiles).toEqual(expect.arrayContaining(['ui.json']))
    for (const locale of LOCALES) expect(readdirSync(resolve(LOCALES_DIR, locale)).filter((file) => file.endsWith('.json')).sort()).toEqual([...namespaceFiles].sort())
  })

  for (const file of namespaceFiles) {
    describe(file, () => {
      for (const locale of ['fr', 'de'] as const) {
        it(`has in ${locale} exactly the keys of en, with the same placeholders and tags, and nothing left in English`, async () => {
          const english = flatten(await loadNamespace('en', file))
          const translated = flatten(await loadNamespace(locale, file))
          expect(english.size).toBeGreaterThan(0)
          expect.soft([...translated.keys()].filter((key) => !english.has(key)), 'keys not in English').toEqual([])
          expect.soft([...english.keys()].filter((key) => !translated.has(key)), 'keys missing').toEqual([])
          const wrongMarkers = [...english].filter(([key, text]) => markers(text).join() !== markers(translated.get(key) ?? '').join()).map(([key]) => key)
          expect.soft(wrongMarkers, 'placeholders or tags differ').toEqual([])
          const empty = [...translated].filter(([, text]) => text.trim() === '').map(([key]) => key)
          expect.soft(empty, 'empty translations').toEqual([])
          const untranslated = [...english]
            .filter(([key, text]) => translated.get(key) === text && !wordsOf(text).every((word) => SAME_IN[locale].has(word)))
            .map(([key, text]) => `${key}: ${text}`)
          expect.soft(untranslated, 'left in English').toEqual([])
        })
      }
    })
  }

  it('uses the GDPR’s own words for the roles (French and German language versions)', () => {
    const labels = (locale: 'fr' | 'de') => enumLabelMaps(locale)
    expect(labels('fr').RECORD_ROLE_LABELS).toMatchObject({ controller: 'Responsable du traitement', processor: 'Sous-traitant' })
    expect(labels('de').RECORD_ROLE_LABELS).toMatchObject({ controller: 'Verantwortlicher', processor: 'Auftragsverarbeiter' })
    const ui = (locale: string) => flatten(JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'ui.json'), 'utf8')) as Catalogue)
    expect(ui('fr').get('organisation.dpoLegend')).toBe('Délégué à la protection des données')
    expect(ui('de').get('organisation.dpoLegend')).toBe('Datenschutzbeauftragter')
    expect(ui('fr').get('register.filter.lawfulBasis')).toBe('Base légale')
    expect(ui('de').get('register.filter.lawfulBasis')).toBe('Rechtsgrundlage')
  })
})
