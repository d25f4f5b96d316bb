import { useEffect, useState } from 'react'
import { toast } from 'sonner'
import { useTranslation } from 'react-i18next'
import type { Organisation } from '@core/records/model'
import { repository } from '../app/services'
import type { UserProfileInput } from '../db/register-repository'
import { OrganisationForm, emptyOrganisation, type SetupValues } from './OrganisationForm'
import { ApprovalSettingsSection } from '../checks/ReviewWorkflow'
import { LanguagePicker } from '../i18n/LanguagePicker'

/** Saves the profile (a rename, or a different person) and the organisation; the form reports a failure. */
async function save(values: SetupValues): Promise<void> {
  const { newPerson, ...profile } = values.profile
  await (newPerson ? repository.switchUser(profile) : repository.saveUserProfile(profile))
  await repository.saveOrganisation(values.organisation)
}

export function SetupPage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <main className="page page--narrow">
      <div className="page__header">
        <h1>{t('organisation.welcome')}</h1>
        <LanguagePicker />
      </div>
      <p className="lead">{t('organisation.welcomeLead')}</p>
      <OrganisationForm
        initial={{ organisation: emptyOrganisation(), profile: { name: '', role: '', newPerson: false } }}
        withProfile
        submitLabel={t('organisation.saveAndOpen')}
        onSubmit={async (values) => {
          await save(values)
          onDone()
        }}
      />
    </main>
  )
}

export function OrganisationPage() {
  const { t } = useTranslation()
  const [loaded, setLoaded] = useState<{ organisation: Organisation; profile: UserProfileInput & { newPerson: boolean }; userName: string | undefined } | null>(null)
  useEffect(() => {
    void Promise.all([repository.getOrganisation(), repository.getUserProfile()]).then(([organisation, profile]) =>
      setLoaded({ organisation: organisation ?? emptyOrganisation(), profile: { name: profile?.name ?? '', role: profile?.role ?? '', newPerson: false }, userName: profile?.name })
    )
  }, [])
  if (!loaded) return <main className="page">{t('common.loading')}</main>
  return (
    <main className="page page--narrow">
      <h1>{t('organisation.title')}</h1>
      <OrganisationForm
        initial={loaded}
        withProfile
        currentUserName={loaded.userName}
        submitLabel={t('organisation.save')}
        onSubmit={async (values) => {
          await save(values)
          setLoaded((current) => current && { ...current, userName: values.profile.name })
          toast.success(values.profile.newPerson ? t('organisation.savedAsNewPerson', { name: values.profile.name }) : t('organisation.saved'))
        }}
      />
      <ApprovalSettingsSection />
    </main>
  )
}
