/**
 * One template pack: the vendor card and every activity template with its values, each value's
 * policy quotes on demand (and where they stand in the policy), and its open points.
 */
import { createContext, useContext, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActivityTemplate, TemplatePack } from '@core/templates/pack-schema'
import { packTransferInstrument } from '@core/templates/instantiate'
import { installedPackSources, sourceOfQuote, type InstalledPack } from '@core/templates/installed-pack'
import type { StoredRecord } from '@core/records/model'
import { diffPacks, packRetentionText } from '@core/templates/pack-diff'
import { templateText } from '@core/templates/template-text'
import { termLabelIn } from '@core/i18n/catalogues'
import { PackDiffView } from './PackDiffView'
import { NavLink } from '../app/navigation'
import { PolicyText } from './PolicyText'
import { ExportPackButton } from './TemplateLibraryPage'
import { originLabel, policyDate, recordTitle } from './template-words'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'
import { formatDate } from '../ui/dates'
import { currentLocale } from '../i18n/i18n'
import { enumLabel } from '../i18n/labels'
import { fieldInWords } from '../i18n/findings'
import type { Transfer } from '@core/records/model'

/** A transfer's instrument in the interface's words, as `transferInstrumentText` says it in English. */
function transferInstrumentWords(transfer: Pick<Transfer, 'mechanism' | 'instrument' | 'sccModule' | 'derogation'>): string {
  const parts: string[] = []
  if (transfer.instrument !== '' && transfer.instrument !== 'derogation') parts.push(enumLabel('TRANSFER_INSTRUMENT_LABELS', transfer.instrument))
  else if (transfer.mechanism !== '') parts.push(enumLabel('TRANSFER_MECHANISM_LABELS', transfer.mechanism))
  if (transfer.sccModule !== '') parts.push(enumLabel('SCC_MODULE_LABELS', transfer.sccModule))
  if (transfer.derogation !== '') parts.push(enumLabel('ART49_DEROGATION_LABELS', transfer.derogation))
  return parts.join(', ')
}

/** Opens the policy panel at a quote; null when the pack has no source text, whose quotes are then unverified. */
const ShowInPolicyContext = createContext<((quote: string) => void) | null>(null)

/** A value's quotes, shown on demand, each with a way to see it in the policy; "Unverified" when they were never checked. */
export function Quotes({ quotes, kind = 'quote' }: { quotes: string[]; kind?: 'quote' | 'retention' }) {
  const { t } = useTranslation('templates')
  const showInPolicy = useContext(ShowInPolicyContext)
  if (quotes.length === 0) return null
  return (
    <details className="quotes">
      <summary>
        {t(`quotes.${kind}`, { count: quotes.length })}
        {showInPolicy ? null : (
          <span className="evidence__badge evidence__badge--unverified" title={t('quotes.unverifiedTitle')}>
            {t('quotes.unverified')}
          </span>
        )}
      </summary>
      {quotes.map((quote, index) => (
        <div key={index} className="quotes__item">
          <blockquote>{quote}</blockquote>
          {showInPolicy ? (
            <button type="button" className="button button--small button--quiet" onClick={() => showInPolicy(quote)}>
              {t('quotes.showInPolicy')}
            </button>
          ) : null}
        </div>
      ))}
    </details>
  )
}

function Value({ label, children, quotes = [] }: { label: string; children: ReactNode; quotes?: string[] }) {
  return (
    <div className="tpl-value">
      <div className="tpl-value__label">{label}</div>
      <div className="tpl-value__body">
        {children}
        <Quotes quotes={quotes} />
      </div>
    </div>
  )
}

function Entries<T>({ label, items, render }: { label: string; items: T[]; render: (item: T) => { text: ReactNode; quotes: string[] } }) {
  if (items.length === 0) return null
  return (
    <Value label={label}>
      <ul className="tpl-list">
        {items.map((item, index) => {
          const { text, quotes } = render(item)
          return (
            <li key={index}>
              {text}
              <Quotes quotes={quotes} />
            </li>
          )
        })}
      </ul>
    </Value>
  )
}

function ActivityCard({ pack, activity, open, readOnly = false }: { pack: TemplatePack; activity: ActivityTemplate; open: boolean; readOnly?: boolean }) {
  const { t } = useTranslation('templates')
  const locale = currentLocale()
  const term = (key: string) => termLabelIn(key, locale)
  const retentionText = (retention: NonNullable<ActivityTemplate['retention']>) => packRetentionText(retention, locale)
  return (
    <details className="activity" id={`activity-${activity.id}`} open={open}>
      <summary className="activity__summary">
        <span className="activity__name">{activity.name}</span>
        <span className="badge">{enumLabel('RECORD_ROLE_LABELS', activity.role)}</span>
        <span className="activity__counts">
          {t('activity.purposes', { count: activity.purposes.length })} · {t('activity.categories', { count: activity.dataCategories.length })}
        </span>
        {activity.gaps.length > 0 ? <span className="badge badge--gap">{t('activity.openPoints', { count: activity.gaps.length })}</span> : null}
      </summary>
      <div className="activity__body">
        <div className="activity__actions">
          {activity.description ? <p className="activity__description">{activity.description}</p> : <span />}
          {readOnly ? null : (
            <NavLink to={`/records/from-template/${encodeURIComponent(pack.id)}/${encodeURIComponent(activity.id)}`} className="button button--primary button--small">
              {t('activity.newRecord')}
            </NavLink>
          )}
        </div>
        <Value label={t('activity.role')} quotes={activity.roleQuotes}>
          {enumLabel('RECORD_ROLE_LABELS', activity.role)}
        </Value>
        <Entries
          label={t('activity.purposesLabel')}
          items={activity.purposes}
          render={(purpose) => ({
            text: (
              <>
                {purpose.description}
                <span className="tpl-meta">
                  {purpose.lawfulBasis ? t('activity.lawfulBasis', { basis: enumLabel('LAWFUL_BASIS_LABELS', purpose.lawfulBasis) }) : t('activity.lawfulBasisNotStated')}
                  {purpose.legitimateInterest ? ` — ${purpose.legitimateInterest}` : ''}
                  {purpose.uses.length > 0 ? ` · ${t('activity.uses', { uses: purpose.uses.map(term).join(', ') })}` : ''}
                </span>
              </>
            ),
            quotes: purpose.quotes
          })}
        />
        <Entries label={t('activity.dataSubjects')} items={activity.dataSubjects} render={(subject) => ({ text: term(subject.term), quotes: subject.quotes })} />
        <Entries
          label={t('activity.personalData')}
          items={activity.dataCategories}
          render={(category) => ({
            text: (
              <>
                {term(category.term)}
                {category.wording ? <span className="tpl-meta">“{category.wording}”</span> : null}
                {category.retention ? (
                  <span className="tpl-meta">
                    {t('activity.retentionValue', { text: retentionText(category.retention) })} <Quotes quotes={category.retention.quotes} kind="retention" />
                  </span>
                ) : null}
              </>
            ),
            quotes: category.quotes
          })}
        />
        <Entries
          label={t('activity.specialCategories')}
          items={activity.specialCategories}
          render={(special) => ({
            text: `${enumLabel('SPECIAL_CATEGORY_LABELS', special.category)} — ${special.condition ? enumLabel('ART9_CONDITION_LABELS', special.condition) : t('activity.conditionNotStated')}`,
            quotes: special.quotes
          })}
        />
        {activity.sensitiveDataStance ? (
          <Value label={t('activity.sensitiveStance')} quotes={activity.sensitiveDataStance.quotes}>
            {activity.sensitiveDataStance.statement}
          </Value>
        ) : null}
        {activity.retention ? (
          <Value label={t('activity.retention')} quotes={activity.retention.quotes}>
            {retentionText(activity.retention)}
          </Value>
        ) : null}
        <Entries label={t('activity.recipients')} items={activity.recipients} render={(recipient) => ({ text: `${recipient.name} (${enumLabel('RECIPIENT_TYPE_LABELS', recipient.type)})`, quotes: recipient.quotes })} />
        <Entries
          label={t('activity.subProcessors')}
          items={activity.subProcessors}
          render={(processor) => ({ text: [processor.name, processor.service, processor.country].filter(Boolean).join(' — '), quotes: processor.quotes })}
        />
        <Entries
          label={t('activity.transfers')}
          items={activity.transfers}
          render={(transfer) => ({
            text: `${transfer.recipient} → ${transfer.country}: ${
              transfer.mechanism || transfer.instrument ? transferInstrumentWords(packTransferInstrument(transfer).fields) : transfer.safeguard ? enumLabel('SAFEGUARD_LABELS', transfer.safeguard) : t('activity.noInstrument')
            }`,
            quotes: transfer.quotes
          })}
        />
        {activity.securityMeasures ? (
          <Value label={t('activity.security')} quotes={activity.securityMeasures.quotes}>
            {activity.securityMeasures.measures.map((measure) => enumLabel('SECURITY_MEASURE_LABELS', measure)).join(', ') || t('activity.noneNamed')}
            {activity.securityMeasures.description ? <span className="tpl-meta">{activity.securityMeasures.description}</span> : null}
          </Value>
        ) : null}
        {activity.ageLimit ? (
          <Value label={t('activity.ageLimit')} quotes={activity.ageLimit.quotes}>
            {t('activity.ageLimitValue', { age: activity.ageLimit.minimumAge })}
          </Value>
        ) : null}
        {activity.automatedDecisionMaking ? (
          <Value label={t('activity.automated')} quotes={activity.automatedDecisionMaking.quotes}>
            {activity.automatedDecisionMaking.exists ? t('activity.yes') : t('activity.no')}
            {activity.automatedDecisionMaking.description ? ` — ${activity.automatedDecisionMaking.description}` : ''}
          </Value>
        ) : null}
        {activity.dataSource ? (
          <Value label={t('activity.dataSource')} quotes={activity.dataSource.quotes}>
            {activity.dataSource.description}
          </Value>
        ) : null}
        {activity.gaps.length > 0 ? (
          <div className="gaps" role="group" aria-label={t('activity.gapsRegion', { name: activity.name })}>
            <h4>{t('activity.gapsTitle')}</h4>
            <ul>
              {activity.gaps.map((gap, index) => (
                <li key={index} className="gap">
                  <span className={`badge badge--gap`}>{gap.kind === 'silent' ? t('activity.silent') : t('activity.vague')}</span> <strong>{fieldInWords(gap.field)}</strong>: {gap.note}
                  <Quotes quotes={gap.quotes} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </details>
  )
}

function contactLines(contact: TemplatePack['vendor']['privacyContact']): string {
  if (!contact) return ''
  return [contact.name, contact.address, contact.email, contact.phone, contact.url].filter(Boolean).join(' · ')
}

function VendorCard({ pack, vendorId }: { pack: TemplatePack; vendorId: string | null }) {
  const { t } = useTranslation('templates')
  const { vendor } = pack
  const contacts: Array<[string, TemplatePack['vendor']['privacyContact']]> = [
    [t('vendorCard.privacyContact'), vendor.privacyContact],
    [t('vendorCard.dpo'), vendor.dpoContact],
    [t('vendorCard.euRepresentative'), vendor.euRepresentative],
    [t('vendorCard.ukRepresentative'), vendor.ukRepresentative]
  ]
  return (
    <section className="section" aria-labelledby="vendor-title">
      <div className="section__heading">
        <h2 id="vendor-title">{t('vendorCard.title', { name: vendor.name })}</h2>
        {vendorId ? <NavLink to={`/vendors/${encodeURIComponent(vendorId)}`}>{t('vendorCard.recordsLink')}</NavLink> : null}
      </div>
      <Entries label={t('vendorCard.legalEntities')} items={vendor.legalEntities} render={(entity) => ({ text: entity.address ? `${entity.name}, ${entity.address}` : entity.name, quotes: entity.quotes })} />
      {contacts.map(([label, contact]) =>
        contact ? (
          <Value key={label} label={label} quotes={contact.quotes}>
            {contactLines(contact) || t('vendorCard.namedWithoutDetails')}
          </Value>
        ) : (
          <Value key={label} label={label}>
            <span className="tpl-none">{t('vendorCard.notStatedInPolicy')}</span>
          </Value>
        )
      )}
      <Entries label={t('vendorCard.controllerFor')} items={vendor.controllerFor} render={(entry) => ({ text: entry.description, quotes: entry.quotes })} />
      <Entries label={t('vendorCard.processorFor')} items={vendor.processorFor} render={(entry) => ({ text: entry.description, quotes: entry.quotes })} />
    </section>
  )
}

/** The documents the pack's quotes were checked against, each with its date or version and SHA-256. */
function PackSources({ installed }: { installed: InstalledPack }) {
  const { t } = useTranslation('templates')
  const embedded = installed.pack.sources
  return (
    <section className="section pack-sources" aria-labelledby="pack-sources-title">
      <h2 id="pack-sources-title">{t('sources.title')}</h2>
      <p className="section__note">{t('sources.note', { count: Math.max(embedded.length, 1) })}</p>
      <ul>
        {embedded.length > 0 ? (
          embedded.map((source) => (
            <li key={source.id}>
              <strong>{source.title}</strong> <span className="badge">{templateText(currentLocale(), `kind.${source.kind}`)}</span>
              <span className="tpl-meta">
                {[source.date ? t('sources.dated', { date: formatDate(source.date) }) : '', source.version ? t('sources.version', { version: source.version }) : '', `SHA-256 ${source.sha256}`].filter(Boolean).join(' · ')}
              </span>
            </li>
          ))
        ) : (
          <li>
            <strong>{installed.pack.source.title}</strong> <span className="tpl-meta">SHA-256 {installed.pack.source.sha256}</span>
          </li>
        )}
      </ul>
    </section>
  )
}

/** Every kept version of the pack: the installed one and each it replaced, each viewable. */
function VersionsSection({ packId, versions, installedVersion, viewing }: { packId: string; versions: InstalledPack[]; installedVersion: string; viewing: string }) {
  const { t } = useTranslation('templates')
  return (
    <section className="section" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title')}</h2>
      <p className="section__note">{t('versions.note')}</p>
      <table className="data-table" aria-label={t('versions.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('versions.colVersion')}</th>
            <th scope="col">{t('versions.colPolicyDate')}</th>
            <th scope="col">{t('versions.colInstalled')}</th>
            <th scope="col" className="data-table__number">{t('versions.colActivities')}</th>
            <th scope="col">
              <span className="tpl-hidden">{t('versions.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {versions.map((row) => (
            <tr key={row.version} aria-current={row.version === viewing ? 'page' : undefined}>
              <td>
                {row.version} {row.version === installedVersion ? <span className="badge">{t('versions.installed')}</span> : <span className="badge">{t('versions.earlier')}</span>}
              </td>
              <td>{policyDate(t, row.pack)}</td>
              <td>{formatDate(row.installedAt.slice(0, 10))}</td>
              <td className="data-table__number">{row.pack.activities.length}</td>
              <td className="data-table__actions">
                {row.version === viewing ? (
                  <span className="tpl-meta--inline">{t('versions.shown')}</span>
                ) : (
                  <NavLink to={row.version === installedVersion ? `/templates/${encodeURIComponent(packId)}` : `/templates/${encodeURIComponent(packId)}/versions/${encodeURIComponent(row.version)}`}>
                    {t('versions.view', { version: row.version })}
                  </NavLink>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** The records made from the pack, each with the version it was made from and a way to bring it up to the installed one. */
function DerivedRecordsSection({ packId, records, installedVersion }: { packId: string; records: StoredRecord[]; installedVersion: string }) {
  const { t } = useTranslation('templates')
  return (
    <section className="section" aria-labelledby="derived-title">
      <h2 id="derived-title">{t('derived.title')}</h2>
      {records.length === 0 ? (
        <p className="empty">{t('derived.empty')}</p>
      ) : (
        <table className="data-table" aria-label={t('derived.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('derived.colRecord')}</th>
              <th scope="col">{t('derived.colStatus')}</th>
              <th scope="col">{t('derived.colMadeFrom')}</th>
              <th scope="col">{t('derived.colQuotes')}</th>
              <th scope="col">
                <span className="tpl-hidden">{t('derived.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => {
              const quoteChanges = record.quoteChanges ?? []
              const current = record.origin?.packVersion === installedVersion
              return (
                <tr key={record.id}>
                  <td>
                    <NavLink to={`/records/${encodeURIComponent(record.id)}`}>
                      <span className="reference">{record.reference}</span> {recordTitle(t, record.name)}
                    </NavLink>
                  </td>
                  <td>{enumLabel('RECORD_STATUS_LABELS', record.status)}</td>
                  <td>{record.origin?.packVersion}</td>
                  <td>{quoteChanges.length === 0 ? t('derived.allInPolicy') : t('derived.noLonger', { count: quoteChanges.length, version: quoteChanges[0]?.packVersion ?? installedVersion })}</td>
                  <td className="data-table__actions">
                    {current ? (
                      <span className="tpl-meta--inline">{t('derived.upToDate')}</span>
                    ) : (
                      <NavLink to={`/templates/${encodeURIComponent(packId)}/compare/${encodeURIComponent(record.id)}`} className="button button--small">
                        {t('derived.compare', { version: installedVersion })}
                      </NavLink>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}

/** A pack's installed version, or with `version` an earlier one, read only. */
export function PackPage({ packId, version }: { packId: string; version?: string }) {
  const { t } = useTranslation('templates')
  const data = useTemplateData(
    async () => ({
      installed: (await templateRepository.getPack(packId)) ?? null,
      vendor: (await templateRepository.getVendor(packId)) ?? null,
      versions: await templateRepository.packVersions(packId),
      records: await templateRepository.recordsFromPack(packId)
    }),
    [packId]
  )
  const [policyQuote, setPolicyQuote] = useState<string | null>(null)
  if (data === undefined) return <main className="page">{t('pack.loading')}</main>
  if (data.installed === null) {
    return (
      <main className="page">
        <h1>{t('pack.notFoundTitle')}</h1>
        <p>
          {t('pack.notFound', { id: packId })} <NavLink to="/templates">{t('pack.backToLibrary')}</NavLink>
        </p>
      </main>
    )
  }
  const latest: InstalledPack = data.installed
  const shown = version === undefined ? latest : data.versions.find((row) => row.version === version)
  if (!shown) {
    return (
      <main className="page">
        <h1>{t('pack.versionNotKeptTitle')}</h1>
        <p>
          {t('pack.versionNotKept', { version, vendor: latest.vendorName })} <NavLink to={`/templates/${encodeURIComponent(packId)}`}>{t('pack.backToInstalled')}</NavLink>
        </p>
      </main>
    )
  }
  const installed: InstalledPack = shown
  const archived = installed.version !== latest.version
  const { pack } = installed
  const sources = installedPackSources(installed)
  const policySource = policyQuote === null ? undefined : sourceOfQuote(sources, policyQuote)
  return (
    <main className={`page pack-page${policyQuote !== null ? ' pack-page--policy' : ''}`}>
      <header className="page__header">
        <div>
          <NavLink to={archived ? `/templates/${encodeURIComponent(packId)}` : '/templates'} className="back">
            {archived ? t('pack.backInstalled', { version: latest.version }) : t('pack.backLibrary')}
          </NavLink>
          <h1>
            {pack.vendor.name} <span className="badge">{t('pack.versionBadge', { version: pack.version })}</span> <span className="badge">{archived ? t('pack.earlierReadOnly') : originLabel(t, installed.origin)}</span>
          </h1>
          <p className="lead">
            {t('pack.lead', { title: pack.source.title, date: policyDate(t, pack), count: pack.activities.length, id: pack.id })}
            {pack.source.url ? (
              <>
                {' '}· <span className="tpl-meta--inline">{pack.source.url}</span>
              </>
            ) : null}
          </p>
        </div>
        <div className="page__actions">{archived ? null : <ExportPackButton packId={pack.id} />}</div>
      </header>
      {archived ? (
        <div className="banner banner--info pack-page__note" role="note">
          <p>{t('pack.archivedNote', { version: installed.version, latest: latest.version })}</p>
          <details>
            <summary>{t('pack.whatChanged', { version: installed.version, latest: latest.version })}</summary>
            <PackDiffView diff={diffPacks(installed.pack, latest.pack, currentLocale())} />
          </details>
        </div>
      ) : null}
      {sources.length === 0 ? (
        <p className="banner banner--info pack-page__note">
          {installed.origin === 'user' ? t('pack.noSourceUser') : t('pack.noSourceUnverified')}
        </p>
      ) : (
        <PackSources installed={installed} />
      )}
      <div className="pack-layout">
        <ShowInPolicyContext.Provider value={sources.length === 0 ? null : setPolicyQuote}>
          <div className="pack-layout__main">
            <VendorCard pack={pack} vendorId={data.vendor?.id ?? null} />
            <section className="section" aria-labelledby="activities-title">
              <h2 id="activities-title">{t('pack.activitiesTitle')}</h2>
              <p className="section__note">{t('pack.activitiesNote')}</p>
              {pack.activities.map((activity, index) => (
                <ActivityCard key={activity.id} pack={pack} activity={activity} open={index === 0} readOnly={archived} />
              ))}
            </section>
            <VersionsSection packId={packId} versions={data.versions} installedVersion={latest.version} viewing={installed.version} />
            {archived ? null : <DerivedRecordsSection packId={packId} records={data.records} installedVersion={latest.version} />}
          </div>
        </ShowInPolicyContext.Provider>
        {policySource && policyQuote !== null ? <PolicyText title={policySource.title} text={policySource.text} quote={policyQuote} onClose={() => setPolicyQuote(null)} /> : null}
      </div>
    </main>
  )
}
