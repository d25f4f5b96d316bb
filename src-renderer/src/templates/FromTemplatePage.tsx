/**
 * Opens the record editor pre-filled from one activity of an installed template pack. For a
 * vendor's pack the DPO first sees whose record it is (the perspective), chosen by default as
 * their own controller record using the vendor; the choice is part of the address, so changing
 * it after editing asks first like any other way of leaving the draft.
 */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RECORD_PERSPECTIVE_LABELS, keysOf, type RecordPerspective } from '@core/records/enums'
import type { RecordForm } from '@core/records/model'
import { recordFromInstalledPack } from '@core/templates/installed-pack'
import { defaultPerspective } from '@core/templates/instantiate'
import { isUserAuthoredSource, type ActivityTemplate, type TemplatePack } from '@core/templates/pack-schema'
import { NavLink, useNavigation } from '../app/navigation'
import { currentLocale } from '../i18n/i18n'
import { enumLabel } from '../i18n/labels'
import type { TemplatesT } from './template-words'
import { RecordEditorPage } from '../records/RecordEditorPage'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'

const PERSPECTIVES = keysOf(RECORD_PERSPECTIVE_LABELS)

function isPerspective(value: string | undefined): value is RecordPerspective {
  return (PERSPECTIVES as readonly string[]).includes(value ?? '')
}

export function fromTemplatePath(packId: string, activityId: string, perspective?: RecordPerspective): string {
  return `/records/from-template/${encodeURIComponent(packId)}/${encodeURIComponent(activityId)}${perspective ? `/${perspective}` : ''}`
}

export function FromTemplatePage({ packId, activityId, perspective }: { packId: string; activityId: string; perspective?: string }) {
  const { t } = useTranslation('templates')
  const installed = useTemplateData(async () => (await templateRepository.getPack(packId)) ?? null, [packId])
  if (installed === undefined) return <main className="page">{t('fromTemplate.loading')}</main>
  const activity = installed?.pack.activities.find((candidate) => candidate.id === activityId)
  if (!installed || !activity) {
    return (
      <main className="page">
        <h1>{t('fromTemplate.notFoundTitle')}</h1>
        <p>
          {installed ? t('fromTemplate.noActivity', { pack: packId, activity: activityId }) : t('fromTemplate.noPack', { pack: packId })} <NavLink to="/templates">{t('fromTemplate.backToLibrary')}</NavLink>
        </p>
      </main>
    )
  }
  const chosen = isPerspective(perspective) ? perspective : defaultPerspective(installed.pack)
  // The organisation's own pack holds its own records: there is no vendor's side to choose from.
  const ownPack = isUserAuthoredSource(installed.pack.source)
  return (
    <>
      {ownPack ? null : <PerspectiveChoice pack={installed.pack} activity={activity} chosen={chosen} />}
      <PrefilledEditor key={`${packId}/${activityId}/${installed.version}/${chosen}`} form={() => recordFromInstalledPack(installed, activityId, chosen, { locale: currentLocale() })} />
    </>
  )
}

/** What the policy says the vendor is in this activity, in a sentence. */
function vendorRoleSentence(t: TemplatesT, pack: TemplatePack, activity: ActivityTemplate): string {
  return t(`fromTemplate.vendorRole.${activity.role}`, { vendor: pack.vendor.name })
}

function PerspectiveChoice({ pack, activity, chosen }: { pack: TemplatePack; activity: ActivityTemplate; chosen: RecordPerspective }) {
  const { t } = useTranslation('templates')
  const { navigate } = useNavigation()
  const titleId = useId()
  return (
    <section className="perspective-choice" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('fromTemplate.title')}</h2>
      <p className="section__note">
        {vendorRoleSentence(t, pack, activity)} {t('fromTemplate.intro')}
      </p>
      <fieldset>
        <legend className="visually-hidden">{t('fromTemplate.legend')}</legend>
        {PERSPECTIVES.map((perspective) => (
          <label key={perspective}>
            <input
              type="radio"
              name="perspective"
              value={perspective}
              checked={perspective === chosen}
              onChange={() => void navigate(fromTemplatePath(pack.id, activity.id, perspective), { replace: true })}
            />
            <strong>{enumLabel('RECORD_PERSPECTIVE_LABELS', perspective)}</strong>
            <span className="perspective-choice__explanation">{t(`fromTemplate.explanation.${perspective}`)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  )
}

/** Builds the draft once: its item ids are random, and a re-render must not replace them. */
function PrefilledEditor({ form }: { form: () => RecordForm }) {
  const [initial] = useState(form)
  return <RecordEditorPage target={{ kind: 'new', role: initial.role, initial }} />
}
