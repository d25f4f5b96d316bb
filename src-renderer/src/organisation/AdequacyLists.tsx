/**
 * The adequacy lists the transfer checks apply under the chosen regime, each decision with its
 * reference, date, scope and source, and the date the data was last confirmed: a DPO can see
 * what the app judges by instead of trusting it blindly.
 */
import { useWatch } from 'react-hook-form'
import { ADEQUACY_SCOPE_TEXT, EU_ADEQUACY_DECISIONS, TRANSFER_LAW_AS_OF, UK_ADEQUACY_DECISIONS, formatLegalDate, type AdequacyDecision } from '@core/legal/transfer-law'
import type { Regime } from '@core/records/enums'

const LISTS: Record<'eu' | 'uk', { title: string; decisions: readonly AdequacyDecision[] }> = {
  eu: { title: "EU adequacy decisions (Art. 45 GDPR)", decisions: EU_ADEQUACY_DECISIONS },
  uk: { title: 'UK adequacy regulations (Art. 45 UK GDPR, "data bridges")', decisions: UK_ADEQUACY_DECISIONS }
}

function listsFor(regime: Regime): Array<'eu' | 'uk'> {
  return regime === 'both' ? ['eu', 'uk'] : [regime]
}

export function AdequacyLists() {
  const regime = (useWatch({ name: 'organisation.regime' }) as Regime | undefined) ?? 'eu'
  return (
    <div className="adequacy-lists">
      {listsFor(regime).map((key) => (
        <details key={key} className="adequacy-list">
          <summary>
            {LISTS[key].title}: {LISTS[key].decisions.length} destinations, as of {formatLegalDate(TRANSFER_LAW_AS_OF)}
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
                <th scope="col">Destination</th>
                <th scope="col">Decision</th>
                <th scope="col">Applies from</th>
                <th scope="col">Scope</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {LISTS[key].decisions.map((decision) => (
                <tr key={decision.code}>
                  <td>{decision.name}</td>
                  <td>{decision.reference ?? 'not given by the source'}</td>
                  <td>{decision.decided ? formatLegalDate(decision.decided) : 'not given by the source'}{decision.validUntil ? `, until ${formatLegalDate(decision.validUntil)}` : ''}</td>
                  <td>{decision.scope ? ADEQUACY_SCOPE_TEXT[decision.scope] : 'whole destination'}</td>
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
