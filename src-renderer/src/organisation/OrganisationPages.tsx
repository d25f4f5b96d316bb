import { useEffect, useState } from 'react'
import { toast } from 'sonner'
import type { Organisation } from '@core/records/model'
import { repository } from '../app/services'
import type { UserProfile } from '../db/register-repository'
import { OrganisationForm, emptyOrganisation, type SetupValues } from './OrganisationForm'
import { ApprovalSettingsSection } from '../checks/ReviewWorkflow'

async function save(values: SetupValues): Promise<void> {
  await repository.saveUserProfile(values.profile)
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
        initial={{ organisation: emptyOrganisation(), profile: { name: '', role: '' } }}
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
  const [loaded, setLoaded] = useState<{ organisation: Organisation; profile: UserProfile } | null>(null)
  useEffect(() => {
    void Promise.all([repository.getOrganisation(), repository.getUserProfile()]).then(([organisation, profile]) =>
      setLoaded({ organisation: organisation ?? emptyOrganisation(), profile: profile ?? { name: '', role: '' } })
    )
  }, [])
  if (!loaded) return <main className="page">Loading…</main>
  return (
    <main className="page page--narrow">
      <h1>Organisation</h1>
      <OrganisationForm
        initial={loaded}
        withProfile
        submitLabel="Save organisation"
        onSubmit={async (values) => {
          await save(values)
          toast.success('Organisation saved')
        }}
      />
      <ApprovalSettingsSection />
    </main>
  )
}
