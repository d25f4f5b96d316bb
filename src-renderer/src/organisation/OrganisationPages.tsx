import { useEffect, useState } from 'react'
import { toast } from 'sonner'
import type { Organisation } from '@core/records/model'
import { repository } from '../app/services'
import type { UserProfileInput } from '../db/register-repository'
import { OrganisationForm, emptyOrganisation, type SetupValues } from './OrganisationForm'
import { ApprovalSettingsSection } from '../checks/ReviewWorkflow'

/** Saves the profile (a rename, or a different person) and the organisation; the form reports a failure. */
async function save(values: SetupValues): Promise<void> {
  const { newPerson, ...profile } = values.profile
  await (newPerson ? repository.switchUser(profile) : repository.saveUserProfile(profile))
  await repository.saveOrganisation(values.organisation)
}

export function SetupPage({ onDone }: { onDone: () => void }) {
  return (
    <main className="page page--narrow">
      <h1>Welcome</h1>
      <p className="lead">
        Describe your organisation once. These details head every record of processing (Art. 30(1)(a)) and the workbook you give an auditor. You can change them later.
      </p>
      <OrganisationForm
        initial={{ organisation: emptyOrganisation(), profile: { name: '', role: '', newPerson: false } }}
        withProfile
        submitLabel="Save and open the register"
        onSubmit={async (values) => {
          await save(values)
          onDone()
        }}
      />
    </main>
  )
}

export function OrganisationPage() {
  const [loaded, setLoaded] = useState<{ organisation: Organisation; profile: UserProfileInput & { newPerson: boolean }; userName: string | undefined } | null>(null)
  useEffect(() => {
    void Promise.all([repository.getOrganisation(), repository.getUserProfile()]).then(([organisation, profile]) =>
      setLoaded({ organisation: organisation ?? emptyOrganisation(), profile: { name: profile?.name ?? '', role: profile?.role ?? '', newPerson: false }, userName: profile?.name })
    )
  }, [])
  if (!loaded) return <main className="page">Loading…</main>
  return (
    <main className="page page--narrow">
      <h1>Organisation</h1>
      <OrganisationForm
        initial={loaded}
        withProfile
        currentUserName={loaded.userName}
        submitLabel="Save organisation"
        onSubmit={async (values) => {
          await save(values)
          setLoaded((current) => current && { ...current, userName: values.profile.name })
          toast.success(values.profile.newPerson ? `Organisation saved; changes are now recorded as ${values.profile.name}` : 'Organisation saved')
        }}
      />
      <ApprovalSettingsSection />
    </main>
  )
}
