/** The register: every processing activity, searchable, filterable and sortable; a virtualised list for large registers. */
import { activityTitle } from '@core/records/model'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { enumLabel, enumLabels } from '../i18n/labels'
import { formatNumber } from '../ui/numbers'
import {
  EMPTY_FILTER,
  countBy,
  distinctValues,
  filterRows,
  sortRows,
  type RegisterFilter,
  type RegisterRow,
  type RegisterSort,
  type SortColumn
} from '@core/records/register-index'
import { registerStore } from '../app/services'
import { NavLink, useNavigation } from '../app/navigation'
import { BackupReminder } from '../export/BackupReminder'
import { addDays } from '@core/checks/dates'
import { FindingFilterSelect } from '../checks/FindingFilterSelect'
import { checksStore, countsText, matchesFindingFilter } from '../checks/checks-services'
import { HealthBadge } from '../checks/severity'
import { formatDate } from '../ui/dates'

// Kept across visits, so that returning from a record shows the same view.
let rememberedFilter: RegisterFilter = EMPTY_FILTER
let rememberedSort: RegisterSort = { column: 'reference', direction: 'asc' }
/** The filters the register shows now, for exporting "the current view". */
export const currentRegisterFilter = (): RegisterFilter => rememberedFilter
let rememberedFindingFilter = ''

const COLUMNS = [
  { column: 'reference', title: 'reference' },
  { column: null, title: 'health' },
  { column: 'name', title: 'name' },
  { column: 'role', title: 'role' },
  { column: 'status', title: 'status' },
  { column: 'businessFunction', title: 'businessFunction' },
  { column: null, title: 'lawfulBases' },
  { column: 'nextReview', title: 'nextReview' }
] as const satisfies ReadonlyArray<{ column: SortColumn | null; title: string }>

const ROW_HEIGHT = 44

function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: Array<[string, string]>; onChange: (value: string) => void }) {
  const { t } = useTranslation()
  return (
    <label className="filter">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('common.all')}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}

const entries = (labels: Record<string, string>): Array<[string, string]> => Object.entries(labels)
const same = (values: string[]): Array<[string, string]> => values.map((value) => [value, value])

export function RegisterPage() {
  const { t } = useTranslation()
  const snapshot = useSyncExternalStore(registerStore.subscribe, registerStore.getSnapshot)
  const { navigate } = useNavigation()
  const [filter, setFilter] = useState(rememberedFilter)
  const [sort, setSort] = useState(rememberedSort)
  const checks = useSyncExternalStore(checksStore.subscribe, checksStore.getSnapshot)
  const [findingFilter, setFindingFilter] = useState(rememberedFindingFilter)
  useEffect(() => void checksStore.load(), [])
  useEffect(() => {
    rememberedFindingFilter = findingFilter
  }, [findingFilter])
  const searchRef = useRef<HTMLInputElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  useEffect(() => void registerStore.load(), [])
  useEffect(() => {
    rememberedFilter = filter
    rememberedSort = sort
  }, [filter, sort])

  const deferredFilter = useDeferredValue(filter)
  // The findings only matter to the list while it is filtered by them.
  const findingsForFilter = findingFilter ? checks.findingsByRecord : null
  const visible = useMemo(() => {
    const rows = filterRows(snapshot.rows, deferredFilter)
    return sortRows(findingsForFilter ? rows.filter((row) => matchesFindingFilter(findingsForFilter.get(row.id), findingFilter)) : rows, sort)
  }, [snapshot.rows, deferredFilter, sort, findingFilter, findingsForFilter])
  const options = useMemo(
    () => ({
      businessFunctions: distinctValues(snapshot.rows, (row) => row.businessFunction),
      countries: distinctValues(snapshot.rows, (row) => row.transferCountries),
      recipients: distinctValues(snapshot.rows, (row) => row.recipientNames)
    }),
    [snapshot.rows]
  )
  const roleCounts = useMemo(() => countBy(visible, (row) => row.role), [visible])
  const statusCounts = useMemo(() => countBy(visible, (row) => row.status), [visible])

  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement
      if (event.key === '/' && !typing) {
        event.preventDefault()
        searchRef.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const update = (patch: Partial<RegisterFilter>) => setFilter((current) => ({ ...current, ...patch }))
  const toggleSort = (column: SortColumn) =>
    setSort((current) => ({ column, direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc' }))
  const filtersActive = JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER) || findingFilter !== ''

  const onRowKey = (event: KeyboardEvent<HTMLDivElement>, row: RegisterRow, index: number) => {
    if (event.key === 'Enter') void navigate(`/records/${row.id}`)
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = Math.min(visible.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))
      virtualizer.scrollToIndex(next)
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus())
    }
  }

  const today = checks.context?.today ?? new Date().toISOString().slice(0, 10)
  const dueSoonLimit = addDays(today, 30)
  return (
    <main className="page page--register">
      <div className="page__header">
        <h1>{t('register.title')}</h1>
        <div className="page__actions">
          <NavLink to="/records/new/controller" className="button button--primary">
            {t('register.newController')}
          </NavLink>
          <NavLink to="/records/new/processor" className="button">
            {t('register.newProcessor')}
          </NavLink>
        </div>
      </div>
      <BackupReminder recordCount={snapshot.rows.length} />
      <div className="toolbar">
        <input
          ref={searchRef}
          type="search"
          className="search"
          aria-label={t('register.search')}
          placeholder={t('register.searchPlaceholder')}
          value={filter.text}
          onChange={(event) => update({ text: event.target.value })}
        />
      </div>
      <div className="filters" aria-label={t('register.filters')}>
        <FilterSelect label={t('register.filter.role')} value={filter.role} options={entries(enumLabels('RECORD_ROLE_LABELS'))} onChange={(role) => update({ role: role as RegisterFilter['role'] })} />
        <FilterSelect label={t('register.filter.status')} value={filter.status} options={entries(enumLabels('RECORD_STATUS_LABELS'))} onChange={(status) => update({ status: status as RegisterFilter['status'] })} />
        <FilterSelect label={t('register.filter.lawfulBasis')} value={filter.lawfulBasis} options={entries(enumLabels('LAWFUL_BASIS_LABELS'))} onChange={(lawfulBasis) => update({ lawfulBasis: lawfulBasis as RegisterFilter['lawfulBasis'] })} />
        <FilterSelect label={t('register.filter.businessFunction')} value={filter.businessFunction} options={same(options.businessFunctions)} onChange={(businessFunction) => update({ businessFunction })} />
        <FilterSelect label={t('register.filter.transferCountry')} value={filter.transferCountry} options={same(options.countries)} onChange={(transferCountry) => update({ transferCountry })} />
        <FilterSelect label={t('register.filter.recipient')} value={filter.recipient} options={same(options.recipients)} onChange={(recipient) => update({ recipient })} />
        <FindingFilterSelect value={findingFilter} onChange={setFindingFilter} findingsByRecord={checks.findingsByRecord} />
        <label className="filter filter--checkbox">
          <input type="checkbox" checked={filter.includeArchived} onChange={(event) => update({ includeArchived: event.target.checked })} />
          <span>{t('register.showArchived')}</span>
        </label>
        {filtersActive ? (
          <button type="button" className="button button--small" onClick={() => { setFilter(EMPTY_FILTER); setFindingFilter('') }}>
            {t('common.clear')}
          </button>
        ) : null}
      </div>
      <p className="counts" role="status" aria-live="polite">
        <Trans t={t} i18nKey="register.counts" count={snapshot.rows.length} values={{ visible: formatNumber(visible.length), total: formatNumber(snapshot.rows.length) }} components={{ strong: <strong /> }} />
        {Object.entries(roleCounts).map(([role, count]) => (
          <span key={role} className="counts__item">
            {t('register.countItem', { label: enumLabel('RECORD_ROLE_LABELS', role), count: formatNumber(count) })}
          </span>
        ))}
        {Object.entries(statusCounts).map(([status, count]) => (
          <span key={status} className="counts__item">
            {t('register.countItem', { label: enumLabel('RECORD_STATUS_LABELS', status), count: formatNumber(count) })}
          </span>
        ))}
        {snapshot.phase === 'indexing' ? (
          <span className="counts__progress">
            {t('register.loading', { loaded: formatNumber(snapshot.loaded), total: formatNumber(snapshot.total) })}
            <progress max={snapshot.total} value={snapshot.loaded} aria-label={t('register.loadingLabel')} />
          </span>
        ) : null}
      </p>
      <div className="table table--health" role="table" aria-label={t('register.table')} aria-rowcount={visible.length + 1} data-view={JSON.stringify(deferredFilter)}>
        <div className="table__head" role="row">
          {COLUMNS.map(({ column, title }) => (
            <div key={title} role="columnheader" className="table__cell" aria-sort={column && sort.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
              {column ? (
                <button type="button" className="sort" onClick={() => toggleSort(column)}>
                  {t(`register.column.${title}`)}
                  {sort.column === column ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                t(`register.column.${title}`)
              )}
            </div>
          ))}
        </div>
        <div className="table__body" ref={scrollRef} role="rowgroup">
          {snapshot.phase !== 'idle' && snapshot.phase !== 'first-rows' && visible.length === 0 ? (
            <p className="empty">{snapshot.rows.length === 0 ? t('register.empty') : t('register.noMatch')}</p>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = visible[item.index]
              if (row === undefined) return null
              const overdue = row.nextReview !== '' && row.nextReview < today && row.status !== 'archived'
              const dueSoon = !overdue && row.nextReview !== '' && row.nextReview <= dueSoonLimit && row.status !== 'archived'
              return (
                <div
                  key={row.id}
                  role="row"
                  tabIndex={0}
                  data-index={item.index}
                  className={`table__row table__row--${row.status}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => void navigate(`/records/${row.id}`)}
                  onKeyDown={(event) => onRowKey(event, row, item.index)}
                >
                  <div role="cell" className="table__cell table__cell--mono">{row.reference}</div>
                  <div role="cell" className="table__cell">
                    <HealthBadge health={checks.health.get(row.id)} counts={countsText(checks.findingsByRecord.get(row.id))} />
                  </div>
                  {/* A long name is cut short in its column (a template's suffix first): the full name on hover. */}
                  <div role="cell" className="table__cell table__cell--strong" title={activityTitle(row.name)}>
                    {activityTitle(row.name)}
                    {/* Shown so that a search by the old register's reference says why the row matched. */}
                    {row.previousReference ? <span className="table__previous"> {t('register.was', { reference: row.previousReference })}</span> : null}
                  </div>
                  <div role="cell" className="table__cell table__cell--wrap">{enumLabel('RECORD_ROLE_LABELS', row.role)}</div>
                  <div role="cell" className="table__cell">
                    <span className={`badge badge--${row.status}`}>{enumLabel('RECORD_STATUS_LABELS', row.status)}</span>
                  </div>
                  <div role="cell" className="table__cell">{row.businessFunction}</div>
                  <div role="cell" className="table__cell" title={row.lawfulBases.map((basis) => enumLabel('LAWFUL_BASIS_LABELS', basis)).join(', ')}>
                    {row.lawfulBases.map((basis) => `6(1)(${basis})`).join(', ')}
                  </div>
                  <div role="cell" className={`table__cell table__cell--wrap${overdue ? ' table__cell--overdue' : dueSoon ? ' table__cell--due-soon' : ''}`}>
                    {formatDate(row.nextReview)}
                    {overdue ? ` ${t('register.overdue')}` : dueSoon ? ` ${t('register.dueSoon')}` : ''}
                  </div>
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </main>
  )
}
