/** Vendors registered by template packs, and the records that use each one. */
import { RECORD_STATUS_LABELS } from '@core/records/enums'
import { activityTitle, type StoredRecord } from '@core/records/model'
import type { Vendor } from '@core/templates/vendor'
import { NavLink } from '../app/navigation'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'

export function VendorsPage() {
  const data = useTemplateData(async () => ({ vendors: await templateRepository.listVendors(), usage: await templateRepository.vendorUsage() }), [])
  return (
    <main className="page">
      <header className="page__header">
        <div>
          <h1>Vendors</h1>
          <p className="lead">Each installed template pack registers its vendor. Records reference a vendor when they are made from its pack or name it as a recipient.</p>
        </div>
      </header>
      {data === undefined ? (
        <p>Loading vendors…</p>
      ) : data.vendors.length === 0 ? (
        <p className="empty">No vendors yet: install a template pack to register its vendor.</p>
      ) : (
        <table className="data-table" aria-label="Vendors">
          <thead>
            <tr>
              <th>Vendor</th>
              <th>Legal entities</th>
              <th>Pack</th>
              <th className="data-table__number">Records</th>
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

function howUsed(record: StoredRecord, vendor: Vendor): string {
  const parts: string[] = []
  if (record.origin?.packId === vendor.packId) parts.push(`made from its pack (${record.origin.activityId}, version ${record.origin.packVersion})`)
  const named = record.recipients.filter((recipient) => recipient.vendorId === vendor.id)
  if (named.length > 0) parts.push(`recipient: ${named.map((recipient) => recipient.name).join(', ')}`)
  return parts.join('; ')
}

function Detail({ label, value }: { label: string; value: string | string[] }) {
  const values = (Array.isArray(value) ? value : [value]).filter((item) => item.trim() !== '')
  return (
    <div className="tpl-value">
      <div className="tpl-value__label">{label}</div>
      <div className="tpl-value__body">
        {values.length === 0 ? <span className="tpl-none">Not stated</span> : values.length === 1 ? values[0] : <ul className="tpl-list">{values.map((item, index) => <li key={index}>{item}</li>)}</ul>}
      </div>
    </div>
  )
}

export function VendorPage({ vendorId }: { vendorId: string }) {
  const data = useTemplateData(async () => {
    const vendor = await templateRepository.getVendor(vendorId)
    return { vendor: vendor ?? null, records: vendor ? await templateRepository.recordsUsingVendor(vendor) : [] }
  }, [vendorId])
  if (data === undefined) return <main className="page">Loading…</main>
  const { vendor, records } = data
  if (!vendor) {
    return (
      <main className="page">
        <h1>Vendor not found</h1>
        <p>
          No vendor with id “{vendorId}”. <NavLink to="/vendors">Back to the vendors</NavLink>
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
            ← Vendors
          </NavLink>
          <h1>{vendor.name}</h1>
          <p className="lead">
            Registered by template pack <NavLink to={`/templates/${encodeURIComponent(vendor.packId)}`}>{vendor.packId}</NavLink>
          </p>
        </div>
      </header>
      <section className="section" aria-label="Vendor details">
        <Detail label="Legal entities" value={vendor.legalEntities} />
        <Detail label="Privacy contact" value={vendor.privacyContact} />
        <Detail label="Data protection officer" value={vendor.dpoContact} />
        <Detail label="EU representative" value={vendor.euRepresentative} />
        <Detail label="Controller for" value={vendor.controllerFor} />
        <Detail label="Processor for" value={vendor.processorFor} />
      </section>
      <section className="section" aria-labelledby="vendor-records-title">
        <h2 id="vendor-records-title">Records that use {vendor.name} ({sorted.length})</h2>
        {sorted.length === 0 ? (
          <p className="empty">No record uses this vendor yet. Make one from its pack, or pick the vendor in a record's recipients.</p>
        ) : (
          <table className="data-table" aria-label={`Records that use ${vendor.name}`}>
            <thead>
              <tr>
                <th>Reference</th>
                <th>Name</th>
                <th>Status</th>
                <th>How it uses the vendor</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((record) => (
                <tr key={record.id}>
                  <td className="tpl-id">{record.reference}</td>
                  <td>
                    <NavLink to={`/records/${record.id}`}>{activityTitle(record.name)}</NavLink>
                  </td>
                  <td>{RECORD_STATUS_LABELS[record.status]}</td>
                  <td>{howUsed(record, vendor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  )
}
