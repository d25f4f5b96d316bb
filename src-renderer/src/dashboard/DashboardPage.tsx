/**
 * The register at a glance: records by role and status, Art. 30 completeness, findings by
 * severity and article, reviews due, transfers and vendors. Charts where a picture reads
 * faster; each chart also carries its figures as a table for screen readers.
 */
import { activityTitle } from '@core/records/model'
import { useEffect, useSyncExternalStore, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { SEVERITIES } from '@core/checks/finding'
import { RECORD_ROLE_LABELS, TRANSFER_MECHANISM_LABELS } from '@core/records/enums'
import { useTranslation } from 'react-i18next'
import { t } from '../i18n/i18n'
import { enumLabel } from '../i18n/labels'
import { articleInWords } from '../i18n/findings'
import { formatNumber } from '../ui/numbers'
import { NavLink } from '../app/navigation'
import { checksStore, severityCountsText } from '../checks/checks-services'
import { severityLabel } from '../checks/severity'
import type { Vendor } from '@core/templates/vendor'
import { templateRepository } from '../templates/template-services'
import { STATUS_ORDER, type ReviewDue } from './dashboard-data'
import { dashboardFigures, vendorCounts as vendorCountsFor } from './dashboard-figures'
import { formatDate } from '../ui/dates'
import { StackedBars, type BarSeries } from './StackedBars'

const STATUS_COLOURS = { draft: '#8fb0dc', 'in-review': '#e3a82b', approved: '#2e8b57', archived: '#b6bec9' } as const
const SEVERITY_COLOURS = { error: '#c0392b', warning: '#e3a82b', info: '#6b93c9' } as const
const PALETTE = ['#1f4e8c', '#2e8b57', '#e3a82b', '#8e5ea2', '#3aa6b9', '#c0392b', '#7f8c8d', '#d35400', '#16a085', '#a0522d', '#5d6d7e', '#b7950b', '#c2185b']
// Series are built at each render: their labels follow the interface's language.
const statusSeries = (): BarSeries[] => STATUS_ORDER.map((status) => ({ key: status, label: enumLabel('RECORD_STATUS_LABELS', status), colour: STATUS_COLOURS[status] }))
const severitySeries = (): BarSeries[] => SEVERITIES.map((severity) => ({ key: severity, label: severityLabel(severity), colour: SEVERITY_COLOURS[severity] }))
const completeSeries = (): BarSeries[] => [{ key: 'share', label: t('dashboard.complete'), colour: '#1f4e8c' }]
const vendorSeries = (): BarSeries[] => [{ key: 'records', label: t('dashboard.records'), colour: '#3aa6b9' }]

const percent = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 0 })

/**
 * The figures are worked out ahead (dashboard-figures.ts) with the core's English labels as
 * their keys; they are put in the interface's language when drawn, so that a change of language
 * needs no new computation.
 */
const byEnglishLabel = (labels: Record<string, string>) => new Map(Object.entries(labels).map(([key, label]) => [label, key]))
const ROLE_KEYS = byEnglishLabel(RECORD_ROLE_LABELS)
const MECHANISM_KEYS = byEnglishLabel(TRANSFER_MECHANISM_LABELS)
const roleText = (label: string): string => {
  const key = ROLE_KEYS.get(label)
  return key ? enumLabel('RECORD_ROLE_LABELS', key) : label
}
const mechanismText = (label: string): string => {
  const key = MECHANISM_KEYS.get(label)
  return key ? enumLabel('TRANSFER_MECHANISM_LABELS', key) : label === 'No mechanism chosen' ? t('dashboard.noMechanism') : label
}
const articleText = (article: string): string => (article === 'Other' ? t('dashboard.otherArticles') : articleInWords(article))
/** Room for the longest bar label, citations being longer in French and German ("Art. 30, par. 1, point a)"). */
const labelRoom = (labels: readonly string[], least: number): number => Math.min(12, Math.max(least, 0.42 * Math.max(0, ...labels.map((label) => label.length))))
const countryText = (country: string): string => (country === 'Not stated' ? t('dashboard.notStated') : country)

function Card({ id: cardId, title, children, wide, note }: { id: string; title: string; children: ReactNode; wide?: boolean; note?: ReactNode }) {
  const id = `card-${cardId}`
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
  const { t } = useTranslation()
  return (
    <div className="reviews__group">
      <h3>
        {title} <span className={`reviews__count reviews__count--${tone}`}>{entries.length}</span>
      </h3>
      {entries.length === 0 ? (
        <p className="dash-card__note">{t('dashboard.none')}</p>
      ) : (
        <ul className="reviews__list">
          {entries.map((entry) => (
            <li key={entry.id}>
              <NavLink to={`/records/${entry.id}`}>
                <span className="reference">{entry.reference}</span>
                {activityTitle(entry.name)}
              </NavLink>
              <span className={`reviews__when reviews__when--${tone}`}>
                {formatDate(entry.nextReview)} · {entry.days < 0
                  ? t('dashboard.daysOverdue', { count: -entry.days, n: formatNumber(-entry.days) })
                  : entry.days === 0
                    ? t('dashboard.today')
                    : t('dashboard.inDays', { count: entry.days, n: formatNumber(entry.days) })}
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
  const { t } = useTranslation()
  const checks = useSyncExternalStore(checksStore.subscribe, checksStore.getSnapshot)
  useEffect(() => void checksStore.load(), [])
  const vendors = useVendors()

  if (checks.phase !== 'ready') {
    return (
      <main className="page dashboard">
        <h1>{t('dashboard.title')}</h1>
        <p className="lead" role="status">
          {t('dashboard.checking')}
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
    .map(([article, count]) => ({ article: articleInWords(article), share: Math.round(count.share * 100), present: count.present, required: count.required }))
  const organisationErrors = checks.organisationFindings.filter((finding) => finding.severity === 'error').length

  return (
    <main className="page dashboard">
      <div className="page__header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="dash-card__note">
            {t('dashboard.checkedAsOf', { count: figures.records, n: formatNumber(figures.records), date: formatDate(figures.today) })}
            {organisationErrors > 0 ? (
              <>
                {' · '}
                <NavLink to="/organisation">{t('dashboard.organisationErrors', { count: organisationErrors, n: formatNumber(organisationErrors) })}</NavLink>
              </>
            ) : null}
          </p>
        </div>
        <div className="page__actions">
          <NavLink to="/audit" className="button">
            {t('dashboard.auditTrail')}
          </NavLink>
          <NavLink to="/" className="button">
            {t('dashboard.openRegister')}
          </NavLink>
        </div>
      </div>

      <div className="tiles" aria-label={t('dashboard.keyFigures')}>
        <Tile label={t('dashboard.activeRecords')} value={formatNumber(figures.active)} detail={t('dashboard.archived', { n: formatNumber(figures.records - figures.active) })} />
        <Tile label={t('dashboard.completeness')} value={percent(complete.share)} tone={complete.share >= 0.95 ? 'ok' : complete.share >= 0.75 ? 'warning' : 'error'} detail={t('dashboard.itemsOf', { present: formatNumber(complete.present), required: formatNumber(complete.required) })} />
        <Tile label={t('dashboard.errors')} value={formatNumber(summary.bySeverity.error)} tone={summary.bySeverity.error > 0 ? 'error' : 'ok'} detail={t('dashboard.inRecords', { n: formatNumber(summary.recordsWith.error) })} />
        <Tile label={t('dashboard.warnings')} value={formatNumber(summary.bySeverity.warning)} tone={summary.bySeverity.warning > 0 ? 'warning' : 'ok'} detail={t('dashboard.inRecords', { n: formatNumber(summary.recordsWith.warning) })} />
        <Tile label={t('dashboard.reviewsOverdue')} value={formatNumber(reviews.overdue.length)} tone={reviews.overdue.length > 0 ? 'error' : 'ok'} />
        <Tile label={t('dashboard.reviewsDue30')} value={formatNumber(reviews.dueSoon.length)} tone={reviews.dueSoon.length > 0 ? 'info' : 'ok'} />
      </div>

      <div className="dash-grid">
        <Card id="records-by-role-and-status" title={t('dashboard.byRoleStatus')}>
          <StackedBars rows={figures.byRoleStatus.map((row) => ({ label: roleText(row.role), values: row }))} series={statusSeries()} />
          <FiguresTable caption={t('dashboard.byRoleStatus')} head={[t('dashboard.role'), ...STATUS_ORDER.map((status) => enumLabel('RECORD_STATUS_LABELS', status))]} rows={figures.byRoleStatus.map((row) => [roleText(row.role), ...STATUS_ORDER.map((status) => row[status])])} />
        </Card>

        <Card id="completeness-per-art-30-item" title={t('dashboard.completenessPerItem')} note={t('dashboard.completenessNote')}>
          <StackedBars rows={completenessRows.map((row) => ({ label: row.article, values: row }))} series={completeSeries()} max={100} format={(value) => percent(value / 100)} labelWidth={labelRoom(completenessRows.map((row) => row.article), 4.5)} track />
          <FiguresTable caption={t('dashboard.completenessPerItem')} head={[t('dashboard.article'), t('dashboard.present'), t('dashboard.required'), t('dashboard.share')]} rows={completenessRows.map((row) => [row.article, row.present, row.required, percent(row.share / 100)])} />
        </Card>

        <Card id="findings-by-article-and-severity" title={t('dashboard.findingsByArticle')} note={summary.total === 0 ? t('dashboard.noFindings') : t('dashboard.findingsTotal', { n: formatNumber(summary.total), counts: severityCountsText(summary.bySeverity) })}>
          <StackedBars rows={figures.byArticle.map((row) => ({ label: articleText(row.article), values: row }))} series={severitySeries()} labelWidth={labelRoom(figures.byArticle.map((row) => articleText(row.article)), 6)} />
          <FiguresTable caption={t('dashboard.findingsByArticle')} head={[t('dashboard.article'), ...SEVERITIES.map((severity) => severityLabel(severity))]} rows={figures.byArticle.map((row) => [articleText(row.article), row.error, row.warning, row.info])} />
        </Card>

        <Card id="reviews" title={t('dashboard.reviews')}>
          <div className="reviews">
            <ReviewList title={t('dashboard.overdue')} entries={reviews.overdue.slice(0, 50)} tone="overdue" />
            <ReviewList title={t('dashboard.dueWithin30')} entries={reviews.dueSoon.slice(0, 50)} tone="due-soon" />
          </div>
        </Card>

        <Card
          id="transfers-by-destination-and-mechanism"
          title={t('dashboard.transfers')}
          note={transfers.transfers === 0 ? t('dashboard.noTransfers') : transfers.rows.length === 12 ? t('dashboard.transfersTop', { n: formatNumber(transfers.transfers), top: 12 }) : t('dashboard.transfersTotal', { n: formatNumber(transfers.transfers) })}
        >
          {transfers.rows.length > 0 ? (
            <StackedBars rows={transfers.rows.map((row) => ({ label: countryText(row.country), values: row }))} series={transfers.safeguards.map((safeguard, index) => ({ key: safeguard, label: mechanismText(safeguard), colour: PALETTE[index % PALETTE.length]! }))} />
          ) : null}
          <FiguresTable caption={t('dashboard.transfers')} head={[t('dashboard.destination'), t('dashboard.transfersColumn'), ...transfers.safeguards.map(mechanismText)]} rows={transfers.rows.map((row) => [countryText(row.country), row.total, ...transfers.safeguards.map((safeguard) => (row[safeguard] as number | undefined) ?? 0)])} />
        </Card>

        <Card id="vendors-by-number-of-records" title={t('dashboard.vendors')} note={vendorCounts.length === 0 ? t('dashboard.noVendors') : t('dashboard.vendorsNote')}>
          {vendorCounts.length > 0 ? (
            <StackedBars rows={vendorCounts.map((vendor) => ({ label: vendor.name, values: vendor }))} series={vendorSeries()} labelWidth={8} />
          ) : null}
          <FiguresTable caption={t('dashboard.vendors')} head={[t('dashboard.vendor'), t('dashboard.records')]} rows={vendorCounts.map((vendor) => [vendor.name, vendor.records])} />
        </Card>
      </div>
    </main>
  )
}
