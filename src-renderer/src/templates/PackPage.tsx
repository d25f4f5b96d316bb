/**
 * One template pack: the vendor card and every activity template with its values, each value's
 * policy quotes on demand (and where they stand in the policy), and its open points.
 */
import { createContext, useContext, useState, type ReactNode } from 'react'
import {
  ART9_CONDITION_LABELS,
  LAWFUL_BASIS_LABELS,
  RECIPIENT_TYPE_LABELS,
  RECORD_ROLE_LABELS,
  RETENTION_END_ACTION_LABELS,
  SAFEGUARD_LABELS,
  SECURITY_MEASURE_LABELS,
  SPECIAL_CATEGORY_LABELS
} from '@core/records/enums'
import { PACK_SOURCE_KIND_LABELS, type ActivityTemplate, type TemplatePack } from '@core/templates/pack-schema'
import { packTransferInstrument } from '@core/templates/instantiate'
import { transferInstrumentText } from '@core/legal/transfer-text'
import { termLabel } from '@core/vocabulary/vocabulary'
import { installedPackSources, sourceOfQuote, type InstalledPack } from '@core/templates/installed-pack'
import { NavLink } from '../app/navigation'
import { describeFieldPath } from '@core/records/field-names'
import { PolicyText } from './PolicyText'
import { ExportPackButton, ORIGIN_LABELS, policyDate } from './TemplateLibraryPage'
import { templateRepository } from './template-services'
import { useTemplateData } from './use-templates'
import { formatDate } from '../ui/dates'

/** Opens the policy panel at a quote; null when the pack has no source text, whose quotes are then unverified. */
const ShowInPolicyContext = createContext<((quote: string) => void) | null>(null)

/** A value's quotes, shown on demand, each with a way to see it in the policy; "Unverified" when they were never checked. */
export function Quotes({ quotes, label = 'Quote' }: { quotes: string[]; label?: string }) {
  const showInPolicy = useContext(ShowInPolicyContext)
  if (quotes.length === 0) return null
  return (
    <details className="quotes">
      <summary>
        {quotes.length === 1 ? label : `${label}s (${quotes.length})`}
        {showInPolicy ? null : (
          <span className="evidence__badge evidence__badge--unverified" title="The pack carries no source text: this quote was never checked against the vendor's policy.">
            Unverified
          </span>
        )}
      </summary>
      {quotes.map((quote, index) => (
        <div key={index} className="quotes__item">
          <blockquote>{quote}</blockquote>
          {showInPolicy ? (
            <button type="button" className="button button--small button--quiet" onClick={() => showInPolicy(quote)}>
              Show in policy
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

type PackRetention = NonNullable<ActivityTemplate['retention']>

export function retentionText(retention: PackRetention): string {
  const end = retention.endAction ? `, then ${RETENTION_END_ACTION_LABELS[retention.endAction].toLowerCase()}` : ''
  if (retention.mode === 'period' && retention.period !== undefined) {
    return `${retention.period} ${retention.unit ?? 'years'}${retention.fromEvent ? ` from ${retention.fromEvent}` : ''}${end}`
  }
  return `${retention.criterion || 'No period stated'}${end}`
}

function ActivityCard({ pack, activity, open }: { pack: TemplatePack; activity: ActivityTemplate; open: boolean }) {
  return (
    <details className="activity" id={`activity-${activity.id}`} open={open}>
      <summary className="activity__summary">
        <span className="activity__name">{activity.name}</span>
        <span className="badge">{RECORD_ROLE_LABELS[activity.role]}</span>
        <span className="activity__counts">
          {activity.purposes.length} {activity.purposes.length === 1 ? 'purpose' : 'purposes'} · {activity.dataCategories.length} data categories
        </span>
        {activity.gaps.length > 0 ? <span className="badge badge--gap">{activity.gaps.length} open {activity.gaps.length === 1 ? 'point' : 'points'}</span> : null}
      </summary>
      <div className="activity__body">
        <div className="activity__actions">
          {activity.description ? <p className="activity__description">{activity.description}</p> : <span />}
          <NavLink to={`/records/from-template/${encodeURIComponent(pack.id)}/${encodeURIComponent(activity.id)}`} className="button button--primary button--small">
            New record from this activity
          </NavLink>
        </div>
        <Value label="Role" quotes={activity.roleQuotes}>
          {RECORD_ROLE_LABELS[activity.role]}
        </Value>
        <Entries
          label="Purposes"
          items={activity.purposes}
          render={(purpose) => ({
            text: (
              <>
                {purpose.description}
                <span className="tpl-meta">
                  {purpose.lawfulBasis ? `Lawful basis: ${LAWFUL_BASIS_LABELS[purpose.lawfulBasis]}` : 'Lawful basis not stated'}
                  {purpose.legitimateInterest ? ` — ${purpose.legitimateInterest}` : ''}
                  {purpose.uses.length > 0 ? ` · Uses: ${purpose.uses.map(termLabel).join(', ')}` : ''}
                </span>
              </>
            ),
            quotes: purpose.quotes
          })}
        />
        <Entries label="Data subjects" items={activity.dataSubjects} render={(subject) => ({ text: termLabel(subject.term), quotes: subject.quotes })} />
        <Entries
          label="Personal data"
          items={activity.dataCategories}
          render={(category) => ({
            text: (
              <>
                {termLabel(category.term)}
                {category.wording ? <span className="tpl-meta">“{category.wording}”</span> : null}
                {category.retention ? (
                  <span className="tpl-meta">
                    Retention: {retentionText(category.retention)} <Quotes quotes={category.retention.quotes} label="Retention quote" />
                  </span>
                ) : null}
              </>
            ),
            quotes: category.quotes
          })}
        />
        <Entries
          label="Special categories"
          items={activity.specialCategories}
          render={(special) => ({
            text: `${SPECIAL_CATEGORY_LABELS[special.category]}${special.condition ? ` — ${ART9_CONDITION_LABELS[special.condition]}` : ' — condition not stated'}`,
            quotes: special.quotes
          })}
        />
        {activity.sensitiveDataStance ? (
          <Value label="Special-category data" quotes={activity.sensitiveDataStance.quotes}>
            {activity.sensitiveDataStance.statement}
          </Value>
        ) : null}
        {activity.retention ? (
          <Value label="Retention" quotes={activity.retention.quotes}>
            {retentionText(activity.retention)}
          </Value>
        ) : null}
        <Entries label="Recipients" items={activity.recipients} render={(recipient) => ({ text: `${recipient.name} (${RECIPIENT_TYPE_LABELS[recipient.type]})`, quotes: recipient.quotes })} />
        <Entries
          label="Sub-processors"
          items={activity.subProcessors}
          render={(processor) => ({ text: [processor.name, processor.service, processor.country].filter(Boolean).join(' — '), quotes: processor.quotes })}
        />
        <Entries
          label="Transfers"
          items={activity.transfers}
          render={(transfer) => ({
            text: `${transfer.recipient} → ${transfer.country}: ${transfer.mechanism || transfer.instrument ? transferInstrumentText(packTransferInstrument(transfer).fields) : transfer.safeguard ? SAFEGUARD_LABELS[transfer.safeguard] : 'no safeguard named'}`,
            quotes: transfer.quotes
          })}
        />
        {activity.securityMeasures ? (
          <Value label="Security measures" quotes={activity.securityMeasures.quotes}>
            {activity.securityMeasures.measures.map((measure) => SECURITY_MEASURE_LABELS[measure]).join(', ') || 'None named'}
            {activity.securityMeasures.description ? <span className="tpl-meta">{activity.securityMeasures.description}</span> : null}
          </Value>
        ) : null}
        {activity.ageLimit ? (
          <Value label="Age limit" quotes={activity.ageLimit.quotes}>
            Not meant for people under {activity.ageLimit.minimumAge}
          </Value>
        ) : null}
        {activity.automatedDecisionMaking ? (
          <Value label="Automated decisions" quotes={activity.automatedDecisionMaking.quotes}>
            {activity.automatedDecisionMaking.exists ? 'Yes' : 'No'}
            {activity.automatedDecisionMaking.description ? ` — ${activity.automatedDecisionMaking.description}` : ''}
          </Value>
        ) : null}
        {activity.dataSource ? (
          <Value label="Source of the data" quotes={activity.dataSource.quotes}>
            {activity.dataSource.description}
          </Value>
        ) : null}
        {activity.gaps.length > 0 ? (
          <div className="gaps" role="group" aria-label={`Open points in ${activity.name}`}>
            <h4>Open points — the policy leaves these to you</h4>
            <ul>
              {activity.gaps.map((gap, index) => (
                <li key={index} className="gap">
                  <span className={`badge badge--gap`}>{gap.kind === 'silent' ? 'Silent' : 'Vague'}</span> <strong>{describeFieldPath(gap.field)}</strong>: {gap.note}
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
  const { vendor } = pack
  const contacts: Array<[string, TemplatePack['vendor']['privacyContact']]> = [
    ['Privacy contact', vendor.privacyContact],
    ['Data protection officer', vendor.dpoContact],
    ['EU representative', vendor.euRepresentative],
    ['UK representative', vendor.ukRepresentative]
  ]
  return (
    <section className="section" aria-labelledby="vendor-title">
      <div className="section__heading">
        <h2 id="vendor-title">Vendor: {vendor.name}</h2>
        {vendorId ? <NavLink to={`/vendors/${encodeURIComponent(vendorId)}`}>Records using this vendor</NavLink> : null}
      </div>
      <Entries label="Legal entities" items={vendor.legalEntities} render={(entity) => ({ text: entity.address ? `${entity.name}, ${entity.address}` : entity.name, quotes: entity.quotes })} />
      {contacts.map(([label, contact]) =>
        contact ? (
          <Value key={label} label={label} quotes={contact.quotes}>
            {contactLines(contact) || 'Named in the policy without details'}
          </Value>
        ) : (
          <Value key={label} label={label}>
            <span className="tpl-none">Not stated in the policy</span>
          </Value>
        )
      )}
      <Entries label="Controller for" items={vendor.controllerFor} render={(entry) => ({ text: entry.description, quotes: entry.quotes })} />
      <Entries label="Processor for" items={vendor.processorFor} render={(entry) => ({ text: entry.description, quotes: entry.quotes })} />
    </section>
  )
}

/** The documents the pack's quotes were checked against, each with its date or version and SHA-256. */
function PackSources({ installed }: { installed: InstalledPack }) {
  const embedded = installed.pack.sources
  return (
    <section className="section pack-sources" aria-labelledby="pack-sources-title">
      <h2 id="pack-sources-title">Sources</h2>
      <p className="section__note">Every quote in this pack was found word for word in {embedded.length > 1 ? 'one of these documents' : 'this document'} when the pack was imported.</p>
      <ul>
        {embedded.length > 0 ? (
          embedded.map((source) => (
            <li key={source.id}>
              <strong>{source.title}</strong> <span className="badge">{PACK_SOURCE_KIND_LABELS[source.kind]}</span>
              <span className="tpl-meta">
                {[source.date ? `dated ${formatDate(source.date)}` : '', source.version ? `version ${source.version}` : '', `SHA-256 ${source.sha256}`].filter(Boolean).join(' · ')}
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

export function PackPage({ packId }: { packId: string }) {
  const data = useTemplateData(async () => ({ installed: (await templateRepository.getPack(packId)) ?? null, vendor: (await templateRepository.getVendor(packId)) ?? null }), [packId])
  const [policyQuote, setPolicyQuote] = useState<string | null>(null)
  if (data === undefined) return <main className="page">Loading…</main>
  if (data.installed === null) {
    return (
      <main className="page">
        <h1>Template pack not found</h1>
        <p>
          No pack with id “{packId}” is installed. <NavLink to="/templates">Back to the template library</NavLink>
        </p>
      </main>
    )
  }
  const installed: InstalledPack = data.installed
  const { pack } = installed
  const sources = installedPackSources(installed)
  const policySource = policyQuote === null ? undefined : sourceOfQuote(sources, policyQuote)
  return (
    <main className={`page pack-page${policyQuote !== null ? ' pack-page--policy' : ''}`}>
      <header className="page__header">
        <div>
          <NavLink to="/templates" className="back">
            ← Template library
          </NavLink>
          <h1>
            {pack.vendor.name} <span className="badge">version {pack.version}</span> <span className="badge">{ORIGIN_LABELS[installed.origin]}</span>
          </h1>
          <p className="lead">
            {pack.source.title} · policy dated {policyDate(pack)} · {pack.activities.length} activity templates · pack id {pack.id}
            {pack.source.url ? (
              <>
                {' '}· <span className="tpl-meta--inline">{pack.source.url}</span>
              </>
            ) : null}
          </p>
        </div>
        <div className="page__actions">
          <ExportPackButton packId={pack.id} />
        </div>
      </header>
      {sources.length === 0 ? (
        <p className="banner banner--info pack-page__note">
          {installed.origin === 'user'
            ? 'This pack was authored in the app from your own records: there is no policy text behind it.'
            : 'This pack carries no source text, so its quotes were never checked against the vendor\'s policy: every value shows as unverified, and in records made from it they do not count as evidence.'}
        </p>
      ) : (
        <PackSources installed={installed} />
      )}
      <div className="pack-layout">
        <ShowInPolicyContext.Provider value={sources.length === 0 ? null : setPolicyQuote}>
          <div className="pack-layout__main">
            <VendorCard pack={pack} vendorId={data.vendor?.id ?? null} />
            <section className="section" aria-labelledby="activities-title">
              <h2 id="activities-title">Activity templates</h2>
              <p className="section__note">Open an activity to see each value with the policy's words behind it. Open points are where the policy is silent or vague: a record made from the activity lists them for you to decide.</p>
              {pack.activities.map((activity, index) => (
                <ActivityCard key={activity.id} pack={pack} activity={activity} open={index === 0} />
              ))}
            </section>
          </div>
        </ShowInPolicyContext.Provider>
        {policySource && policyQuote !== null ? <PolicyText title={policySource.title} text={policySource.text} quote={policyQuote} onClose={() => setPolicyQuote(null)} /> : null}
      </div>
    </main>
  )
}
