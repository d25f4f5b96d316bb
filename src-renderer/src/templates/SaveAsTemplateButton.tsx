/** "Save as template": adds a saved record to the organisation's own template pack. */
import { useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import type { StoredRecord } from '@core/records/model'
import { useNavigation } from '../app/navigation'
import { useAsyncAction } from '../ui/use-async-action'
import { templateRepository } from './template-services'

export function SaveAsTemplateButton({ record, disabled }: { record: StoredRecord; disabled: boolean }) {
  const { t } = useTranslation('templates')
  const { navigate } = useNavigation()
  // A pack the record would make invalid is refused with each problem (PackValidationError's message lists them).
  const save = useAsyncAction(async () => {
    const { pack, activityId } = await templateRepository.saveRecordAsTemplate(record)
    toast.success(t('saveAsTemplate.saved', { activity: activityId, vendor: pack.vendorName, id: pack.id, version: pack.version }), {
      action: { label: t('saveAsTemplate.openPack'), onClick: () => void navigate(`/templates/${encodeURIComponent(pack.id)}`) }
    })
  }, t('saveAsTemplate.failed', { reference: record.reference }))
  return (
    <button type="button" className="button" onClick={() => void save.run()} disabled={disabled || save.busy} title={disabled ? t('saveAsTemplate.saveFirst') : t('saveAsTemplate.hint')}>
      {t('saveAsTemplate.button')}
    </button>
  )
}
