/** Opens the record editor pre-filled from one activity of an installed template pack. */
import { useState } from 'react'
import type { RecordForm } from '@core/records/model'
import { recordFromInstalledPack } from '@core/templates/installed-pack'
import { NavLink } from '../app/navigation'
import { RecordEditorPage } from '../records/RecordEditorPage'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'

export function FromTemplatePage({ packId, activityId }: { packId: string; activityId: string }) {
  const installed = useTemplateData(async () => (await templateRepository.getPack(packId)) ?? null, [packId])
  if (installed === undefined) return <main className="page">Loading…</main>
  const activity = installed?.pack.activities.find((candidate) => candidate.id === activityId)
  if (!installed || !activity) {
    return (
      <main className="page">
        <h1>Template not found</h1>
        <p>
          {installed ? `Pack “${packId}” has no activity “${activityId}”.` : `No template pack “${packId}” is installed.`} <NavLink to="/templates">Back to the template library</NavLink>
        </p>
      </main>
    )
  }
  return <PrefilledEditor key={`${packId}/${activityId}/${installed.version}`} form={() => recordFromInstalledPack(installed, activityId)} />
}

/** Builds the draft once: its item ids are random, and a re-render must not replace them. */
function PrefilledEditor({ form }: { form: () => RecordForm }) {
  const [initial] = useState(form)
  return <RecordEditorPage target={{ kind: 'new', role: initial.role, initial }} />
}
