/**
 * The register at a glance: records by role and status, Art. 30 completeness, findings by
 * severity and article, reviews due, transfers and vendors. Charts where a picture reads
 * faster; each chart also carries its figures as a table for screen readers.
 */
import { useEffect, useSyncExternalStore, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { SEVERITIES } from '@core/checks/finding'
import { RECORD_STATUS_LABELS } from '@core/records/enums'
import { NavLink } from '../app/navigation'
import { checksStore, severityCountsText } from '../checks/checks-services'
import { SEVERITY_LABELS } from '../checks/severity'
import type { Vendor } from '@core/templates/vendor'
import { templateRepository } from '../templates/template-services'
import { STATUS_ORDER, type ReviewDue } from './dashboard-data'
import { dashboardFigures, vendorCounts as vendorCountsFor } from './dashboard-figures'
import { formatDate } from '../ui/dates'
import { StackedBars, type BarSeries } from './StackedBars'

const STATUS_COLOURS = { draft: '#8fb0dc', 'in-review': '#e3a82b', approved: '#2e8b57', archived: '#b6bec9' } as const
const SEVERITY_COLOURS = { error: '#c0392b', warning: '#e3a82b', info: '#6b93c9' } as const
const PALETTE = ['#1f4e8c', '#2e8b57', '#e3a82b', '#8e5ea2', '#3aa6b9', '#c0392b', '#7f8c8d', '#d35400', '#16a085', '#a0522d', '#5d6d7e', '#b7950b', '#c2185b']
const STATUS_SERIES: BarSeries[] = STATUS_ORDER.map((status) => ({ key: status, label: RECORD_STATUS_LABELS[status], colour: STATUS_COLOURS[status] }))
const SEVERITY_SERIES: BarSeries[] = SEVERITIES.map((severity) => ({ key: severity, label: SEVERITY_LABELS[severity], colour: SEVERITY_COLOURS[severity] }))
const COMPLETE_SERIES: BarSeries[] = [{ key: 'share', label: 'Complete', colour: '#1f4e8c' }]
const VENDOR_SERIES: BarSeries[] = [{ key: 'records', label: 'Records', colour: '#3aa6b9' }]

const percent = (share: number) => `${Math.round(share * 100)}%`

function Card({ title, children, wide, note }: { title: string; children: ReactNode; wide?: boolean; note?: ReactNode }) {
  const id = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`
  return (
    <section className={`dash-card${wide ? ' dash-card--wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note ? <p className="dash-card__note">{note}</p> : null}
      {children}
    </section>
  )
}

/** The figures behind a chart, for screen readers (the chart itself is hidden from them). */
function FiguresTable({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((cell) => (
            <th key={cell} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, cellIndex) => (
              <td key={cellIndex}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Tile({ label, value, tone, detail }: { label: string; value: string; tone?: 'error' | 'warning' | 'ok' | 'info'; detail?: string }) {
  return (
    <div className={`tile${tone ? ` tile--${tone}` : ''}`}>
      <span className="tile__value">{value}</span>
      <span className="tile__label">{label}</span>
      {detail ? <span className="tile__detail">{detail}</span> : null}
    </div>
  )
}

function ReviewList({ title, entries, tone }: { title: string; entries: ReviewDue[]; tone: 'overdue' | 'due-soon' }) {
  return (
    <div className="reviews__group">
      <h3>
        {title} <span className={`reviews__count reviews__count--${tone}`}>{entries.length}</span>
      </h3>
      {entries.length === 0 ? (
        <p className="dash-card__note">None.</p>
      ) : (
        <ul className="reviews__list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <NavLink to={`/records/${entry.id}`}>
                <span className="reference">{entry.reference}</span>
                {entry.name}
              </NavLink>
              <span className={`reviews__when reviews__when--${tone}`}>
                {formatDate(entry.nextReview)} · {entry.days < 0 ? `${-entry.days} day${entry.days === -1 ? '' : 's'} overdue` : entry.days === 0 ? 'today' : `in ${entry.days} day${entry.days === 1 ? '' : 's'}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

const NO_VENDORS: Vendor[] = []

function useVendors(): Vendor[] {
  return useLiveQuery(() => templateRepository.listVendors()) ?? NO_VENDORS
}

export function DashboardPage() {
  const checks = useSyncExternalStore(checksStore.subscribe, checksStore.getSnapshot)
  useEffect(() => void checksStore.load(), [])
  const vendors = useVendors()

  if (checks.phase !== 'ready') {
    return (
      <main className="page dashboard">
        <h1>Dashboard</h1>
        <p className="lead" role="status">
          Checking the register…
        </p>
      </main>
    )
  }

  // Computed ahead and kept per snapshot (see dashboard-figures.ts): opening the dashboard only draws.
  const figures = dashboardFigures(checks)
  const vendorCounts = vendorCountsFor(checks, vendors)
  const { summary, completeness: complete, reviews, transfers } = figures
  const completenessRows = Object.entries(complete.byArticle)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([article, count]) => ({ article: article.replace(/^Art\. /, ''), share: Math.round(count.share * 100), present: count.present, required: count.required }))
  const organisationErrors = checks.organisationFindings.filter((finding) => finding.severity === 'error').length

  return (
    <main className="page dashboard">
      <div className="page__header">
        <div>
          <h1>Dashboard</h1>
          <p className="dash-card__note">
            {figures.records.toLocaleString()} records, checked as of {formatDate(figures.today)}
            {organisationErrors > 0 ? (
              <>
                {' · '}
                <NavLink to="/organisation">organisation profile: {organisationErrors} error{organisationErrors === 1 ? '' : 's'}</NavLink>
              </>
            ) : null}
          </p>
        </div>
        <div className="page__actions">
          <NavLink to="/audit" className="button">
            Audit trail
          </NavLink>
          <NavLink to="/" className="button">
            Open the register
          </NavLink>
        </div>
      </div>

      <div className="tiles" aria-label="Key figures">
        <Tile label="Active records" value={figures.active.toLocaleString()} detail={`${(figures.records - figures.active).toLocaleString()} archived`} />
        <Tile label="Art. 30 completeness" value={percent(complete.share)} tone={complete.share >= 0.95 ? 'ok' : complete.share >= 0.75 ? 'warning' : 'error'} detail={`${complete.present.toLocaleString()} of ${complete.required.toLocaleString()} items`} />
        <Tile label="Errors" value={summary.bySeverity.error.toLocaleString()} tone={summary.bySeverity.error > 0 ? 'error' : 'ok'} detail={`in ${summary.recordsWith.error.toLocaleString()} records`} />
        <Tile label="Warnings" value={summary.bySeverity.warning.toLocaleString()} tone={summary.bySeverity.warning > 0 ? 'warning' : 'ok'} detail={`in ${summary.recordsWith.warning.toLocaleString()} records`} />
        <Tile label="Reviews overdue" value={reviews.overdue.length.toLocaleString()} tone={reviews.overdue.length > 0 ? 'error' : 'ok'} />
        <Tile label="Reviews due in 30 days" value={reviews.dueSoon.length.toLocaleString()} tone={reviews.dueSoon.length > 0 ? 'info' : 'ok'} />
      </div>

      <div className="dash-grid">
        <Card title="Records by role and status">
          <StackedBars rows={figures.byRoleStatus.map((row) => ({ label: row.role, values: row }))} series={STATUS_SERIES} />
          <FiguresTable caption="Records by role and status" head={['Role', ...STATUS_ORDER.map((status) => RECORD_STATUS_LABELS[status])]} rows={figures.byRoleStatus.map((row) => [row.role, ...STATUS_ORDER.map((status) => row[status])])} />
        </Card>

        <Card title="Completeness per Art. 30 item" note="Share of records (of the role the item applies to) where the item is filled in; archived records excluded.">
          <StackedBars rows={completenessRows.map((row) => ({ label: row.article, values: row }))} series={COMPLETE_SERIES} max={100} format={(value) => `${value}%`} labelWidth={4.5} track />
          <FiguresTable caption="Completeness per Art. 30 item" head={['Article', 'Present', 'Required', 'Share']} rows={completenessRows.map((row) => [row.article, row.present, row.required, `${row.share}%`])} />
        </Card>

        <Card title="Findings by article and severity" note={summary.total === 0 ? 'No findings.' : `${summary.total.toLocaleString()} findings: ${severityCountsText(summary.bySeverity)}.`}>
          <StackedBars rows={figures.byArticle.map((row) => ({ label: row.article, values: row }))} series={SEVERITY_SERIES} labelWidth={6} />
          <FiguresTable caption="Findings by article and severity" head={['Article', ...SEVERITIES.map((severity) => SEVERITY_LABELS[severity])]} rows={figures.byArticle.map((row) => [row.article, row.error, row.warning, row.info])} />
        </Card>

        <Card title="Reviews">
          <div className="reviews">
            <ReviewList title="Overdue" entries={reviews.overdue.slice(0, 50)} tone="overdue" />
            <ReviewList title="Due within 30 days" entries={reviews.dueSoon.slice(0, 50)} tone="due-soon" />
          </div>
        </Card>

        <Card title="Transfers by destination and mechanism" note={transfers.transfers === 0 ? 'No transfers recorded.' : `${transfers.transfers.toLocaleString()} transfers in active records${transfers.rows.length === 12 ? '; the 12 most frequent destinations' : ''}.`}>
          {transfers.rows.length > 0 ? (
            <StackedBars rows={transfers.rows.map((row) => ({ label: row.country, values: row }))} series={transfers.safeguards.map((safeguard, index) => ({ key: safeguard, label: safeguard, colour: PALETTE[index % PALETTE.length]! }))} />
          ) : null}
          <FiguresTable caption="Transfers by destination and mechanism" head={['Destination', 'Transfers', ...transfers.safeguards]} rows={transfers.rows.map((row) => [row.country, row.total, ...transfers.safeguards.map((safeguard) => (row[safeguard] as number | undefined) ?? 0)])} />
        </Card>

        <Card title="Vendors by number of records" note={vendorCounts.length === 0 ? 'No vendors yet: they are added when a template pack is installed.' : 'Records that name the vendor as a recipient or were made from its template pack.'}>
          {vendorCounts.length > 0 ? (
            <StackedBars rows={vendorCounts.map((vendor) => ({ label: vendor.name, values: vendor }))} series={VENDOR_SERIES} labelWidth={8} />
          ) : null}
          <FiguresTable caption="Vendors by number of records" head={['Vendor', 'Records']} rows={vendorCounts.map((vendor) => [vendor.name, vendor.records])} />
        </Card>
      </div>
    </main>
  )
}
