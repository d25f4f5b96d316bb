/**
 * Step 3 of the guided import: every record the plan would make, with its mapped values in
 * the editor's words, its notes, the compliance findings it would have, and every row that
 * cannot become a record with why; the summary; and the organisation fields the file would change.
 */
import { messageIn } from '../i18n/messages'
import { Trans, useTranslation } from 'react-i18next'
import { t as translate } from '../i18n/i18n'
import { fieldInWords, findingMessage } from '../i18n/findings'
import { formatNumber } from '../ui/numbers'
import type { Finding } from '@core/checks/finding'
import { summariseFindings } from '@core/checks/run-checks'
import type { ImportPlan, PlannedRecord } from '@core/migration/types'
import { SeverityIcon, severityLabel } from '../checks/severity'
import { mappedValues, type OrganisationChange } from './mapping-view'

/** Drawing thousands of cards at once would freeze the page; the counts always cover every row. */
export const PREVIEW_RECORDS_SHOWN = 200

function RecordCard({ planned, findings }: { planned: PlannedRecord; findings: Finding[] }) {
  const { t } = useTranslation()
  const values = mappedValues(planned.record)
  return (
    <article className="planned" aria-label={`${planned.location}: ${planned.record.name}`}>
      <h3 className="planned__title">
        <span className="mono muted">{planned.location}</span> {planned.record.name}
      </h3>
      {values.length ? (
        <dl className="planned__values">
          {values.map((value, index) => (
            <div key={index} className="planned__value">
              <dt>{value.field}</dt>
              <dd>
                {value.value}
                {value.value !== value.text ? <span className="muted"> {t('preview.cellText', { cell: value.cell, text: value.text })}</span> : <span className="muted"> {t('preview.cell', { cell: value.cell })}</span>}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {planned.record.notes ? (
        <div className="planned__notes">
          <strong>{t('preview.notes')}</strong>
          <pre>{planned.record.notes}</pre>
        </div>
      ) : null}
      {planned.warnings.length ? (
        <ul className="planned__warnings">
          {planned.warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      ) : null}
      {findings.length ? (
        <details className="planned__findings">
          <summary>
            {t('preview.findingsOnce', { count: findings.length, counts: describeCounts(findings) })}
          </summary>
          <ul>
            {findings.map((finding, index) => (
              <li key={index}>
                <SeverityIcon severity={finding.severity} /> {severityLabel(finding.severity)} — {finding.article}, {fieldInWords(finding.field) || t('preview.record')}: {findingMessage(finding)}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted">{t('preview.noFindings')}</p>
      )}
    </article>
  )
}

function describeCounts(findings: readonly Finding[]): string {
  const { bySeverity } = summariseFindings(findings)
  return (['error', 'warning', 'info'] as const)
    .filter((severity) => bySeverity[severity] > 0)
    .map((severity) => translate(`health.count.${severity}`, { count: bySeverity[severity], n: formatNumber(bySeverity[severity]) }))
    .join(', ')
}

export function PlanSummary({ plan, excludedSheets }: { plan: ImportPlan; excludedSheets: readonly string[] }) {
  const { t } = useTranslation()
  const { summary } = plan
  const strong = { strong: <strong /> }
  return (
    <div className="migration__summary" role="status" aria-label={t('preview.summary')}>
      <p className="counts">
        <span>
          <Trans t={t} i18nKey="preview.recordsMade" values={{ made: formatNumber(summary.recordsMade), rows: formatNumber(summary.rowsRead) }} components={strong} />
        </span>
        <span className="counts__item">
          <Trans t={t} i18nKey="preview.cellsMapped" values={{ n: formatNumber(summary.cellsMapped) }} components={strong} />
        </span>
        <span className="counts__item">
          <Trans t={t} i18nKey="preview.keptAsNotes" values={{ n: formatNumber(summary.cellsKeptAsNotes) }} components={strong} />
        </span>
        <span className="counts__item">
          <Trans t={t} i18nKey="preview.ignored" values={{ n: formatNumber(summary.cellsIgnored.length) }} components={strong} />
        </span>
        {plan.problems.length ? (
          <span className="counts__item danger-text">
            <Trans t={t} i18nKey="preview.rowsCannot" count={plan.problems.length} values={{ n: formatNumber(plan.problems.length) }} components={strong} />
          </span>
        ) : null}
      </p>
      {summary.cellsIgnored.length ? (
        <details>
          <summary>{t('preview.ignoredWhy')}</summary>
          <ul>
            {summary.cellsIgnored.map((cell, index) => (
              <li key={index}>
                <span className="mono">{cell.location}</span> “{cell.heading}”: {cell.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {summary.columnsUnmapped.length ? (
        <p className="muted">
          {t('preview.noHeadingMatched', { columns: summary.columnsUnmapped.map((column) => t('preview.columnOf', { heading: column.heading, sheet: column.sheet, column: column.source })).join(', ') })}
        </p>
      ) : null}
      {excludedSheets.length ? <p className="muted">{t('preview.sheetsNotImported', { sheets: excludedSheets.map((sheet) => `“${sheet}”`).join(', ') })}</p> : null}
    </div>
  )
}

export function OrganisationConfirmation({ changes, taken, onTake }: { changes: OrganisationChange[]; taken: ReadonlySet<string>; onTake: (key: string, take: boolean) => void }) {
  const { t } = useTranslation()
  if (changes.length === 0) return null
  return (
    <fieldset className="migration__organisation">
      <legend>{t('preview.contactDiffers')}</legend>
      <p className="section__note section__note--tight">{t('preview.keepOrTakeNote')}</p>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">{t('preview.field')}</th>
            <th scope="col">{t('preview.now')}</th>
            <th scope="col">{t('preview.inFile')}</th>
            <th scope="col">{t('preview.keepOrTake')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.key}>
              <th scope="row">{change.label}</th>
              <td>{change.current || <span className="muted">{t('preview.empty')}</span>}</td>
              <td>{change.fromFile}</td>
              <td>
                <div role="radiogroup" aria-label={change.label} className="migration__take">
                  <label>
                    <input type="radio" name={`take-${change.key}`} checked={!taken.has(change.key)} onChange={() => onTake(change.key, false)} /> {t('preview.keepCurrent')}
                  </label>
                  <label>
                    <input type="radio" name={`take-${change.key}`} checked={taken.has(change.key)} onChange={() => onTake(change.key, true)} /> {t('preview.takeFromFile')}
                  </label>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  )
}

export function PreviewStep({ plan, findings }: { plan: ImportPlan; findings: Finding[][] }) {
  const { t } = useTranslation()
  const all = findings.flat()
  return (
    <>
      {plan.problems.length ? (
        <div className="banner banner--warn migration__problems" role="region" aria-label={t('preview.rowsRegion')}>
          <p className="problems__title">{t('preview.rowsCannotTitle', { count: plan.problems.length })}</p>
          <ul className="problems">
            {plan.problems.map((problem, index) => (
              <li key={index}>
                <span className="mono">{problem.location}</span>: {messageIn(problem.reasonRef, problem.reason)}
                {problem.cells.length ? (
                  <div className="muted">
                    {t('preview.rowSays', { cells: problem.cells.map((cell) => `${cell.heading || cell.cell}: “${cell.text}”`).join('; ') })}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {all.length ? <p className="muted">{t('preview.wouldHave', { counts: describeCounts(all) })}</p> : null}
      <div className="migration__records" role="region" aria-label={t('preview.recordsRegion')} tabIndex={0}>
        {plan.records.slice(0, PREVIEW_RECORDS_SHOWN).map((planned, index) => (
          <RecordCard key={planned.location} planned={planned} findings={findings[index] ?? []} />
        ))}
        {plan.records.length > PREVIEW_RECORDS_SHOWN ? (
          <p className="muted">{t('preview.firstShown', { shown: PREVIEW_RECORDS_SHOWN, total: formatNumber(plan.records.length) })}</p>
        ) : null}
      </div>
    </>
  )
}
