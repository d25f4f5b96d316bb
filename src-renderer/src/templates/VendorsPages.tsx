/** Vendors registered by template packs, and the records that use each one. */
import { useTranslation } from 'react-i18next'
import type { StoredRecord } from '@core/records/model'
import type { Vendor } from '@core/templates/vendor'
import { NavLink } from '../app/navigation'
import { enumLabel } from '../i18n/labels'
import { recordTitle, type TemplatesT } from './template-words'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'

export function VendorsPage() {
  const { t } = useTranslation('templates')
  const data = useTemplateData(async () => ({ vendors: await templateRepository.listVendors(), usage: await templateRepository.vendorUsage() }), [])
  return (
    <main className="page">
      <header className="page__header">
        <div>
          <h1>{t('vendors.title')}</h1>
          <p className="lead">{t('vendors.lead')}</p>
        </div>
      </header>
      {data === undefined ? (
        <p>{t('vendors.loading')}</p>
      ) : data.vendors.length === 0 ? (
        <p className="empty">{t('vendors.empty')}</p>
      ) : (
        <table className="data-table" aria-label={t('vendors.tableLabel')}>
          <thead>
            <tr>
              <th>{t('vendors.colVendor')}</th>
              <th>{t('vendors.colLegalEntities')}</th>
              <th>{t('vendors.colPack')}</th>
              <th className="data-table__number">{t('vendors.colRecords')}</th>
            </tr>
          </thead>
          <tbody>
            {data.vendors.map((vendor) => (
              <tr key={vendor.id}>
                <td>
                  <NavLink to={`/vendors/${encodeURIComponent(vendor.id)}`}>{vendor.name}</NavLink>
                </td>
                <td>{vendor.legalEntities.map((entity) => entity.split(',')[0]).join('; ')}</td>
                <td>
                  <NavLink to={`/templates/${encodeURIComponent(vendor.packId)}`} className="tpl-id">
                    {vendor.packId}
                  </NavLink>
                </td>
                <td className="data-table__number">{data.usage.get(vendor.id) ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}

function howUsed(t: TemplatesT, record: StoredRecord, vendor: Vendor): string {
  const parts: string[] = []
  if (record.origin?.packId === vendor.packId) parts.push(t('vendor.madeFrom', { activity: record.origin.activityId, version: record.origin.packVersion }))
  const named = record.recipients.filter((recipient) => recipient.vendorId === vendor.id)
  if (named.length > 0) parts.push(t('vendor.recipient', { names: named.map((recipient) => recipient.name).join(', ') }))
  return parts.join('; ')
}

function Detail({ label, value }: { label: string; value: string | string[] }) {
  const { t } = useTranslation('templates')
  const values = (Array.isArray(value) ? value : [value]).filter((item) => item.trim() !== '')
  return (
    <div className="tpl-value">
      <div className="tpl-value__label">{label}</div>
      <div className="tpl-value__body">
        {values.length === 0 ? <span className="tpl-none">{t('vendor.notStated')}</span> : values.length === 1 ? values[0] : <ul className="tpl-list">{values.map((item, index) => <li key={index}>{item}</li>)}</ul>}
      </div>
    </div>
  )
}

export function VendorPage({ vendorId }: { vendorId: string }) {
  const { t } = useTranslation('templates')
  const data = useTemplateData(async () => {
    const vendor = await templateRepository.getVendor(vendorId)
    return { vendor: vendor ?? null, records: vendor ? await templateRepository.recordsUsingVendor(vendor) : [] }
  }, [vendorId])
  if (data === undefined) return <main className="page">{t('vendor.loading')}</main>
  const { vendor, records } = data
  if (!vendor) {
    return (
      <main className="page">
        <h1>{t('vendor.notFoundTitle')}</h1>
        <p>
          {t('vendor.notFound', { id: vendorId })} <NavLink to="/vendors">{t('vendor.back')}</NavLink>
        </p>
      </main>
    )
  }
  const sorted = [...records].sort((a, b) => a.reference.localeCompare(b.reference))
  return (
    <main className="page">
      <header className="page__header">
        <div>
          <NavLink to="/vendors" className="back">
            {t('vendor.backLink')}
          </NavLink>
          <h1>{vendor.name}</h1>
          <p className="lead">
            {t('vendor.registeredBy')} <NavLink to={`/templates/${encodeURIComponent(vendor.packId)}`}>{vendor.packId}</NavLink>
          </p>
        </div>
      </header>
      <section className="section" aria-label={t('vendor.details')}>
        <Detail label={t('vendorCard.legalEntities')} value={vendor.legalEntities} />
        <Detail label={t('vendorCard.privacyContact')} value={vendor.privacyContact} />
        <Detail label={t('vendorCard.dpo')} value={vendor.dpoContact} />
        <Detail label={t('vendorCard.euRepresentative')} value={vendor.euRepresentative} />
        <Detail label={t('vendorCard.controllerFor')} value={vendor.controllerFor} />
        <Detail label={t('vendorCard.processorFor')} value={vendor.processorFor} />
      </section>
      <section className="section" aria-labelledby="vendor-records-title">
        <h2 id="vendor-records-title">{t('vendor.recordsTitle', { vendor: vendor.name, count: sorted.length })}</h2>
        {sorted.length === 0 ? (
          <p className="empty">{t('vendor.recordsEmpty')}</p>
        ) : (
          <table className="data-table" aria-label={t('vendor.recordsTable', { vendor: vendor.name })}>
            <thead>
              <tr>
                <th>{t('vendor.colReference')}</th>
                <th>{t('vendor.colName')}</th>
                <th>{t('vendor.colStatus')}</th>
                <th>{t('vendor.colHow')}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((record) => (
                <tr key={record.id}>
                  <td className="tpl-id">{record.reference}</td>
                  <td>
                    <NavLink to={`/records/${record.id}`}>{recordTitle(t, record.name)}</NavLink>
                  </td>
                  <td>{enumLabel('RECORD_STATUS_LABELS', record.status)}</td>
                  <td>{howUsed(t, record, vendor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  )
}
