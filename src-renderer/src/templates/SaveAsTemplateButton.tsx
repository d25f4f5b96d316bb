/** "Save as template": adds a saved record to the organisation's own template pack. */
import { useState } from 'react'
import { toast } from 'sonner'
import type { StoredRecord } from '@core/records/model'
import { PackValidationError } from '../db/template-repository'
import { useNavigation } from '../app/navigation'
import { templateRepository } from './template-services'

export function SaveAsTemplateButton({ record, disabled }: { record: StoredRecord; disabled: boolean }) {
  const [busy, setBusy] = useState(false)
  const { navigate } = useNavigation()
  const save = async () => {
    setBusy(true)
    try {
      const { pack, activityId } = await templateRepository.saveRecordAsTemplate(record)
      toast.success(`Saved as template “${activityId}” in pack ${pack.vendorName} (${pack.id}, version ${pack.version})`, {
        action: { label: 'Open pack', onClick: () => void navigate(`/templates/${encodeURIComponent(pack.id)}`) }
      })
    } catch (error) {
      const lines = error instanceof PackValidationError ? error.problems.map((problem) => `${problem.path}: ${problem.message}`) : [error instanceof Error ? error.message : String(error)]
      toast.error(`${record.reference} could not be saved as a template`, { description: lines.join('\n'), duration: 15_000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <button type="button" className="button" onClick={() => void save()} disabled={disabled || busy} title={disabled ? 'Save the record first' : 'Add this record to your own template pack'}>
      Save as template
    </button>
  )
}
