/**
 * The adequacy lists the transfer checks apply under the chosen regime, each decision with its
 * reference, date, scope and source, and the date the data was last confirmed: a DPO can see
 * what the app judges by instead of trusting it blindly.
 */
import { useWatch } from 'react-hook-form'
import { ADEQUACY_SCOPE_TEXT, EU_ADEQUACY_DECISIONS, TRANSFER_LAW_AS_OF, UK_ADEQUACY_DECISIONS, type AdequacyDecision } from '@core/legal/transfer-law'
import type { Regime } from '@core/records/enums'
import { useTranslation } from 'react-i18next'
import { longDate } from '../i18n/use-formatters'

const LISTS: Record<'eu' | 'uk', { title: 'adequacy.euTitle' | 'adequacy.ukTitle'; decisions: readonly AdequacyDecision[] }> = {
  eu: { title: 'adequacy.euTitle', decisions: EU_ADEQUACY_DECISIONS },
  uk: { title: 'adequacy.ukTitle', decisions: UK_ADEQUACY_DECISIONS }
}

function listsFor(regime: Regime): Array<'eu' | 'uk'> {
  return regime === 'both' ? ['eu', 'uk'] : [regime]
}

export function AdequacyLists() {
  const { t } = useTranslation()
  const regime = (useWatch({ name: 'organisation.regime' }) as Regime | undefined) ?? 'eu'
  return (
    <div className="adequacy-lists">
      {listsFor(regime).map((key) => (
        <details key={key} className="adequacy-list">
          <summary>
            {t('adequacy.summary', { title: t(LISTS[key].title), n: LISTS[key].decisions.length, date: longDate(TRANSFER_LAW_AS_OF) })}
          </summary>
          <table className="adequacy-list__table">
            <colgroup>
              <col style={{ width: '16%' }} />
              <col style={{ width: '22%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '19%' }} />
              <col style={{ width: '30%' }} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('adequacy.destination')}</th>
                <th scope="col">{t('adequacy.decision')}</th>
                <th scope="col">{t('adequacy.appliesFrom')}</th>
                <th scope="col">{t('adequacy.scope')}</th>
                <th scope="col">{t('adequacy.source')}</th>
              </tr>
            </thead>
            <tbody>
              {LISTS[key].decisions.map((decision) => (
                <tr key={decision.code}>
                  <td>{decision.name}</td>
                  <td>{decision.reference ?? t('adequacy.notGiven')}</td>
                  <td>
                    {decision.decided ? longDate(decision.decided) : t('adequacy.notGiven')}
                    {decision.validUntil ? t('adequacy.until', { date: longDate(decision.validUntil) }) : ''}
                  </td>
                  <td>{decision.scope ? ADEQUACY_SCOPE_TEXT[decision.scope] : t('adequacy.whole')}</td>
                  <td>
                    {decision.source}
                    {decision.sourceUrl ? <div className="adequacy-list__note">{decision.sourceUrl}</div> : null}
                    {decision.note ? <div className="adequacy-list__note">{decision.note}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  )
}
