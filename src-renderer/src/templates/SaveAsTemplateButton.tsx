/** "Save as template": adds a saved record to the organisation's own template pack. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import type { StoredRecord } from '@core/records/model'
import { PackValidationError } from '../db/template-repository'
import { useNavigation } from '../app/navigation'
import { templateRepository } from './template-services'

export function SaveAsTemplateButton({ record, disabled }: { record: StoredRecord; disabled: boolean }) {
  const { t } = useTranslation('templates')
  const [busy, setBusy] = useState(false)
  const { navigate } = useNavigation()
  const save = async () => {
    setBusy(true)
    try {
      const { pack, activityId } = await templateRepository.saveRecordAsTemplate(record)
      toast.success(t('saveAsTemplate.saved', { activity: activityId, vendor: pack.vendorName, id: pack.id, version: pack.version }), {
        action: { label: t('saveAsTemplate.openPack'), onClick: () => void navigate(`/templates/${encodeURIComponent(pack.id)}`) }
      })
    } catch (error) {
      const lines = error instanceof PackValidationError ? error.problems.map((problem) => `${problem.path}: ${problem.message}`) : [error instanceof Error ? error.message : String(error)]
      toast.error(t('saveAsTemplate.failed', { reference: record.reference }), { description: lines.join('\n'), duration: 15_000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <button type="button" className="button" onClick={() => void save()} disabled={disabled || busy} title={disabled ? t('saveAsTemplate.saveFirst') : t('saveAsTemplate.hint')}>
      {t('saveAsTemplate.button')}
    </button>
  )
}
