/** Picks a registered vendor for a recipient row of the record editor: sets vendorId and the name. */
import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { RecordFormInput } from '@core/records/model'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'

export function VendorPicker({ index }: { index: number }) {
  const { t } = useTranslation('templates')
  const id = useId()
  const { setValue } = useFormContext<RecordFormInput>()
  const vendorId = useWatch<RecordFormInput>({ name: `recipients.${index}.vendorId` }) as string | undefined
  const vendors = useTemplateData(() => templateRepository.listVendors(), [], false)
  const known = vendors?.some((vendor) => vendor.id === vendorId) ?? false
  const pick = (chosen: string) => {
    setValue(`recipients.${index}.vendorId`, chosen, { shouldDirty: true })
    const vendor = vendors?.find((candidate) => candidate.id === chosen)
    if (vendor) setValue(`recipients.${index}.name`, vendor.name, { shouldDirty: true, shouldValidate: true })
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('vendorPicker.label')}</label>
      <select id={id} value={vendorId ?? ''} onChange={(event) => pick(event.target.value)}>
        <option value="">{t('vendorPicker.none')}</option>
        {vendorId && !known && vendors !== undefined ? <option value={vendorId}>{t('vendorPicker.unknown', { id: vendorId })}</option> : null}
        {(vendors ?? []).map((vendor) => (
          <option key={vendor.id} value={vendor.id}>
            {vendor.name}
          </option>
        ))}
      </select>
    </div>
  )
}
