/**
 * Issue #13, the texts a template writes into a record: in the language the record is made in
 * (the interface's, or `ropa templates apply --lang`), kept on its origin so that an upgrade
 * compares like with like; the policy's quotes and the pack's own words stay as written; the
 * reasons a record cannot be brought up are said in the screen's language.
 */
import 'fake-indexeddb/auto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Locale } from '@core/i18n'
import { CATALOGUES, formatArticle, translateMessage } from '@core/i18n/catalogues'
import { RECORD_PERSPECTIVE_LABELS, keysOf } from '@core/records/enums'
import { originSchema, recordFormSchema, storedRecordSchema, type RecordForm } from '@core/records/model'
import { confirmSuggestion } from '@core/records/suggestions'
import { parseBackupText } from '@core/backup/backup-format'
import { recordFromActivity } from '@core/templates/instantiate'
import type { ActivityTemplate, TemplatePack } from '@core/templates/pack-schema'
import { MessageError } from '@core/i18n/message-error'
import { applyRecordUpgrade, planRecordUpgrade } from '@core/templates/record-upgrade'
import { activityFromRecord } from '@core/templates/user-pack'
import { validatePackText } from '@core/templates/validate-pack'
import { i18n } from '../../src-renderer/src/i18n/i18n'
import { failureReason } from '../../src-renderer/src/ui/failure-text'
import { V2_ACTIVITY_ID, haivisionV1Text, haivisionV2 } from '../fixtures/packs/haivision-v2'
import { ropa } from '../fixtures/run-ropa'

const TEMPLATES_DIR = resolve(import.meta.dirname, '../../templates')
const PERSPECTIVES = keysOf(RECORD_PERSPECTIVE_LABELS)

function valid(text: string): TemplatePack {
  const validation = validatePackText(text)
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems))
  return validation.pack
}
const SHIPPED: TemplatePack[] = readdirSync(TEMPLATES_DIR)
  .filter((file) => file.endsWith('.json') && !file.endsWith('.schema.json'))
  .map((file) => valid(readFileSync(join(TEMPLATES_DIR, file), 'utf8')))
const haivision = SHIPPED.find((pack) => pack.id === 'haivision')!
const firstResonance = SHIPPED.find((pack) => pack.id === 'first-resonance')!

/** Every text of a record the app writes, with where it stands. */
function writtenTexts(record: RecordForm): Array<[string, string]> {
  return [
    ['name', record.name],
    ['description', record.description],
    ...record.recipients.map((recipient, index): [string, string] => [`recipients.${index}.notes`, recipient.notes]),
    ...record.openItems.map((item): [string, string] => [`open item on ${item.field}`, item.note]),
    ...record.evidence.map((entry): [string, string] => [`evidence note on ${entry.field}`, entry.note])
  ]
}

/** The pack's own words in an activity (names, descriptions, gap notes…): they stay as the pack wrote them, in English here. */
function packWords(pack: TemplatePack, activity: ActivityTemplate): string[] {
  return [
    pack.vendor.name,
    activity.name,
    activity.name.replace(/\s*\((?:processor|controller|joint controller)\)\s*$/i, ''),
    activity.description.trim(),
    activity.sensitiveDataStance?.statement ?? '',
    ...activity.gaps.map((gap) => gap.note),
    ...activity.subProcessors.flatMap((processor) => [processor.service ?? '', processor.country ?? '']),
    ...activity.transfers.flatMap((transfer) => [transfer.recipient, transfer.country]),
    String(activity.ageLimit?.minimumAge ?? '')
  ]
    .filter((words) => words !== '')
    .sort((a, b) => b.length - a.length)
}

/** A text with the pack's own words taken out: what is left is the app's frame. */
function frameOf(text: string, words: readonly string[]): string {
  return words.reduce((rest, word) => rest.split(word).join(' … '), text)
}

const wordsOf = (text: string) => (text.match(/[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]{3,}/g) ?? []).map((word) => word.toLowerCase())
const staticWords = (locale: Locale) => new Set(Object.values(CATALOGUES[locale].recordText).flatMap((text) => wordsOf(text.replace(/\{\{\s*[\w.-]+\s*\}\}/g, ' '))))
/** The English catalogue's own words, less those the other languages share (none today, but a brand name might). */
const ENGLISH_WORDS = (() => {
  const shared = new Set([...staticWords('fr'), ...staticWords('de')])
  return new Set([...staticWords('en')].filter((word) => !shared.has(word)))
})()

/** The English catalogue's words left in the frames of every record every shipped pack makes in `locale`. */
function englishLeftIn(locale: Locale): string[] {
  const left: string[] = []
  for (const pack of SHIPPED) {
    for (const activity of pack.activities) {
      const words = packWords(pack, activity)
      for (const perspective of PERSPECTIVES) {
        const record = recordFromActivity(pack, activity.id, perspective, { locale })
        for (const [where, text] of writtenTexts(record)) {
          const english = wordsOf(frameOf(text, words)).filter((word) => ENGLISH_WORDS.has(word))
          if (english.length > 0) left.push(`${pack.id}/${activity.id} (${perspective}) ${where}: ${english.join(', ')} in "${text}"`)
        }
      }
    }
  }
  return left
}

describe('the words a template writes into a record, in the record language', () => {
  it('the check below finds the English frame in English records (so it can find it in the others)', () => {
    expect(ENGLISH_WORDS.size).toBeGreaterThan(40)
    expect(englishLeftIn('en').length).toBeGreaterThan(100)
  })

  it.each(['fr', 'de'] as const)('leaves none of the English frame in the records every shipped pack makes in %s, from every perspective', (locale) => {
    expect(englishLeftIn(locale)).toEqual([])
  })

  it('writes a German record from Haivision on the DPO side, word for word, the pack words and the quotes as they are', () => {
    const english = recordFromActivity(haivision, 'technical-support', 'controller-using-vendor')
    const record = recordFromActivity(haivision, 'technical-support', 'controller-using-vendor', { locale: 'de' })
    expect(record.name).toBe('Technical support and support tickets (mit Haivision)')
    expect(record.description).toBe(`Die Richtlinie von Haivision beschreibt die Tätigkeit so: ${haivision.activities.find((activity) => activity.id === 'technical-support')!.description.trim()}`)
    expect(record.recipients[1]!.notes).toBe('Unterauftragsverarbeiter von Haivision; Dienst: Cloud services')
    expect(record.openItems.map((item) => item.note)).toEqual(
      expect.arrayContaining([
        'Verweisen Sie auf den Auftragsverarbeitungsvertrag mit Haivision (Art. 28 Abs. 3).',
        'Die Richtlinie schweigt: Haivision acts as processor here; the client (controller) is responsible for the lawful basis.',
        'Die Richtlinie sagt, wie lange die Daten aufbewahrt werden, aber nicht, was danach mit ihnen geschieht (Löschung, Anonymisierung oder Überprüfung); geben Sie es an.'
      ])
    )
    expect(record.evidence.find((entry) => entry.field === 'recipients.0')!.note).toBe('Rolle von Haivision')
    // The Regulation's article, cited as the German version does.
    expect(record.openItems.some((item) => item.note.includes(formatArticle('Art. 28(3)', 'de')))).toBe(true)
    // Quotes, values and fields are the same whatever the language: only the app's words differ.
    expect(record.evidence.map(({ field, quotes }) => ({ field, quotes }))).toEqual(english.evidence.map(({ field, quotes }) => ({ field, quotes })))
    expect(record.openItems.map(({ field, quotes }) => ({ field, quotes }))).toEqual(english.openItems.map(({ field, quotes }) => ({ field, quotes })))
    expect(record.dataCategories.map(({ term, description, retention }) => ({ term, description, retention }))).toEqual(english.dataCategories.map(({ term, description, retention }) => ({ term, description, retention })))
    expect(record.origin).toEqual({ packId: 'haivision', packVersion: haivision.version, activityId: 'technical-support', perspective: 'controller-using-vendor', locale: 'de' })
    expect(recordFormSchema.safeParse(record).error?.issues ?? []).toEqual([])
  })

  it('writes a French processor record with the vendor as sub-processor, with French typography and citations', () => {
    const record = recordFromActivity(haivision, 'technical-support', 'processor-with-vendor-as-sub-processor', { locale: 'fr' })
    expect(record.name).toBe('Technical support and support tickets (pour nos clients, avec Haivision en sous-traitant ultérieur)')
    expect(record.recipients[0]!.notes).toBe('Notre sous-traitant ultérieur')
    expect(record.recipients[3]!.notes).toBe('Sous-traitant ultérieur de Haivision ; Prestation : Processing to provide the Haivision Technology ; Pays : Worldwide (not named)')
    expect(record.openItems.slice(1, 3).map(({ field, note }) => [field, note])).toEqual([
      ['recipients.0.contractReference', 'Indiquez la référence du contrat de sous-traitance ultérieure conclu avec Haivision et de l’autorisation de vos clients d’y recourir (Art. 28, par. 2 et 4).'],
      ['controllersActedFor', 'Nommez les clients (responsables du traitement) pour le compte desquels vous agissez dans cette activité.']
    ])
    expect(record.openItems).toContainEqual(expect.objectContaining({ field: 'recipients.3.country', note: 'La politique est imprécise : The policy does not name the country: "Worldwide (not named)".' }))
  })

  it("frames the age limit and the stance on special-category data in the record language, the pack's statement as written", () => {
    const activity = firstResonance.activities.find((candidate) => candidate.id === 'service-delivery')!
    const record = recordFromActivity(firstResonance, activity.id, 'controller-using-vendor', { locale: 'fr' })
    expect(record.name).toBe(`${activity.name} (avec First Resonance, responsable du traitement distinct)`)
    expect(record.description.split('\n\n')).toEqual([
      `La politique de First Resonance décrit l’activité ainsi : ${activity.description.trim()}`,
      `Limite d’âge : selon la politique, le service n’est pas destiné aux personnes de moins de ${activity.ageLimit!.minimumAge} ans.`,
      `Catégories particulières de données : ${activity.sensitiveDataStance!.statement}`
    ])
    expect(record.recipients[0]!.notes).toBe('Selon sa politique, il agit pour cette activité en tant que responsable du traitement')
    expect(record.evidence.filter((entry) => entry.field === 'description').map((entry) => [entry.note, entry.quotes])).toEqual([
      ['Limite d’âge', activity.ageLimit!.quotes],
      ['Position sur les catégories particulières de données', activity.sensitiveDataStance!.quotes]
    ])
    const german = recordFromActivity(firstResonance, activity.id, 'controller-using-vendor', { locale: 'de' })
    expect(german.name).toBe(`${activity.name} (mit First Resonance als eigenständigem Verantwortlichen)`)
    expect(german.description.split('\n\n')[1]).toBe(`Altersgrenze: Laut der Richtlinie ist der Dienst nicht für Personen unter ${activity.ageLimit!.minimumAge} Jahren bestimmt.`)
  })

  it("notes a confirmed suggestion's evidence in the record's language", () => {
    const record = recordFromActivity(haivision, 'customer-relationship-management', 'controller-using-vendor', { locale: 'de' })
    const parts = { purposes: record.purposes, evidence: record.evidence, suggestions: record.suggestions ?? [] }
    const first = parts.suggestions[0]!
    const purposeConfirmed = confirmSuggestion(parts, first.id, 'de')
    expect(purposeConfirmed.evidence.at(-1)).toEqual({ field: 'purposes.0', quotes: first.quotes, note: 'Vorgeschlagen in der Richtlinie von Haivision; von uns übernommen' })
    const basis = purposeConfirmed.suggestions.find((suggestion) => suggestion.kind === 'lawful-basis')!
    expect(confirmSuggestion(purposeConfirmed, basis.id, 'fr').evidence.at(-1)!.note).toBe('Proposé par la politique de Haivision ; repris à notre compte')
    expect(confirmSuggestion({ ...parts, suggestions: [{ ...first, from: '' }] }, first.id, 'fr').evidence.at(-1)!.note).toBe('Proposé par la politique du fournisseur ; repris à notre compte')
    expect(confirmSuggestion(parts, first.id).evidence.at(-1)!.note).toBe("Suggested by Haivision's policy; confirmed as ours")
  })

  it('keeps English records exactly as before: no language stored, an origin without one reads as English', () => {
    const record = recordFromActivity(haivision, 'technical-support', 'controller-using-vendor')
    expect(record.origin).toEqual({ packId: 'haivision', packVersion: haivision.version, activityId: 'technical-support', perspective: 'controller-using-vendor' })
    expect(recordFromActivity(haivision, 'technical-support', 'controller-using-vendor', { locale: 'en' })).toMatchObject({ name: record.name, description: record.description, origin: record.origin })
    expect(originSchema.parse({ packId: 'a', packVersion: '1.0.0', activityId: 'b' }).locale).toBeUndefined()
    expect(originSchema.safeParse({ packId: 'a', packVersion: '1.0.0', activityId: 'b', locale: 'it' }).success).toBe(false)
  })

  it('makes a template of the organisation from a French record with the pack gaps as the pack wrote them', () => {
    const activity = haivision.activities.find((candidate) => candidate.id === 'technical-support')!
    const form = recordFromActivity(haivision, activity.id, 'vendor-as-is', { locale: 'fr' })
    const stored = storedRecordSchema.parse({ ...form, id: 'r1', reference: 'PA-0001', createdAt: '', updatedAt: '', approvedBy: '', approvedAt: '' })
    const gaps = activityFromRecord(stored).gaps.filter((gap) => activity.gaps.some((original) => original.note === gap.note))
    expect(gaps.map(({ kind, note }) => ({ kind, note }))).toEqual(activity.gaps.map(({ kind, note }) => ({ kind, note })))
  })
})

describe('bringing a record made in French up to a newer version of its template', () => {
  const v1 = valid(haivisionV1Text())
  const v2 = valid(haivisionV2().packText)

  it('compares it with the versions written in French: nothing counts as changed by the DPO, no open item is added twice', () => {
    const record = recordFromActivity(v1, V2_ACTIVITY_ID, 'controller-using-vendor', { locale: 'fr' })
    const plan = planRecordUpgrade(record, v1, v2, 'fr')
    expect(plan.fields.filter((field) => field.changedByYou).map((field) => field.field)).toEqual([])
    expect(plan.fields.map((field) => field.field)).not.toContain('name')
    expect(plan.newOpenItems.map((item) => item.note)).toEqual([])
    const next = applyRecordUpgrade(record, plan, { recipients: 'take', dataCategories: 'take' }, '2026-12-06T10:00:00.000Z')
    expect(next.origin).toEqual({ ...record.origin, packVersion: '1.1.0' })
    expect(next.openItems.every((item) => !/^The policy/.test(item.note))).toBe(true)
    // The vendor's own recipient note is still the French one.
    expect(next.recipients[0]!.notes).toBe(record.recipients[0]!.notes)
  })

  it('says why a record cannot be compared or brought up, in English for logs and in the screen language', async () => {
    const record = recordFromActivity(v1, V2_ACTIVITY_ID, 'controller-using-vendor', { locale: 'fr' })
    const other = { ...v2, id: 'kaltura' }
    const refused = (() => {
      try {
        planRecordUpgrade(record, v1, other)
      } catch (error) {
        return error
      }
      return undefined
    })()
    expect(refused).toBeInstanceOf(MessageError)
    expect((refused as Error).message).toBe('The record was not made from template pack kaltura.')
    expect(translateMessage((refused as MessageError).ref, 'de')).toBe('Der Eintrag wurde nicht aus dem Vorlagenpaket kaltura erstellt.')

    const removed = { ...v2, activities: v2.activities.filter((activity) => activity.id !== V2_ACTIVITY_ID) }
    const plan = planRecordUpgrade(record, v1, removed)
    expect(() => applyRecordUpgrade(record, plan, {}, '2026-12-06T10:00:00.000Z')).toThrow(`Version 1.1.0 of template pack haivision no longer has the activity "${V2_ACTIVITY_ID}": there is nothing to take over.`)
    let error: unknown
    try {
      applyRecordUpgrade(record, plan, {}, '2026-12-06T10:00:00.000Z')
    } catch (caught) {
      error = caught
    }
    await i18n.changeLanguage('fr')
    try {
      expect(failureReason(error)).toBe(`La version 1.1.0 du pack de modèles haivision n’a plus l’activité « ${V2_ACTIVITY_ID} » : il n’y a rien à reprendre.`)
    } finally {
      await i18n.changeLanguage('en')
    }
    expect(failureReason(error)).toBe((error as Error).message)
  })
})

describe('ropa templates apply --lang', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ropa-apply-lang-'))
  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it('writes the records in the language asked for, and keeps it on their origin', async () => {
    const output = join(directory, 'de.json')
    const result = await ropa(['templates', 'apply', 'haivision', '--activity', 'technical-support', '--as', 'processor', '--lang', 'de', '-o', output])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('PA-0001 Technical support and support tickets (für unsere Kunden, mit Haivision als Unterauftragsverarbeiter)')
    const parsed = parseBackupText(readFileSync(output, 'utf8'))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const record = parsed.backup.records[0]!
    expect(record.origin?.locale).toBe('de')
    expect(record.openItems.map((item) => item.note)).toContain('Nennen Sie die Kunden (Verantwortlichen), in deren Auftrag Sie bei dieser Tätigkeit handeln.')
  })

  it('refuses a language it does not have, and writes nothing', async () => {
    const output = join(directory, 'it.json')
    const result = await ropa(['templates', 'apply', 'haivision', '--activity', 'technical-support', '--lang', 'it', '-o', output])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('--lang must be one of en, fr, de, not "it"\nnothing written\n')
    expect(() => readFileSync(output)).toThrow()
  })
})
