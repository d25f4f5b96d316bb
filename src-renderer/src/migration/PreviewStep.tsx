/**
 * Step 3 of the guided import: every record the plan would make, with its mapped values in
 * the editor's words, its notes, the compliance findings it would have, and every row that
 * cannot become a record with why; the summary; and the organisation fields the file would change.
 */
import type { Finding } from '@core/checks/finding'
import { summariseFindings } from '@core/checks/run-checks'
import type { ImportPlan, PlannedRecord } from '@core/migration/types'
import { describeFieldPath } from '@core/records/field-names'
import { SeverityIcon, severityLabel } from '../checks/severity'
import { mappedValues, type OrganisationChange } from './mapping-view'

/** Drawing thousands of cards at once would freeze the page; the counts always cover every row. */
export const PREVIEW_RECORDS_SHOWN = 200

function RecordCard({ planned, findings }: { planned: PlannedRecord; findings: Finding[] }) {
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
                {value.value !== value.text ? <span className="muted"> (cell {value.cell}: “{value.text}”)</span> : <span className="muted"> ({value.cell})</span>}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {planned.record.notes ? (
        <div className="planned__notes">
          <strong>Notes</strong>
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
            {findings.length} finding{findings.length === 1 ? '' : 's'} once imported ({describeCounts(findings)})
          </summary>
          <ul>
            {findings.map((finding, index) => (
              <li key={index}>
                <SeverityIcon severity={finding.severity} /> {severityLabel(finding.severity)} — {finding.article}, {describeFieldPath(finding.field) || 'record'}: {finding.message}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted">No findings once imported.</p>
      )}
    </article>
  )
}

function describeCounts(findings: readonly Finding[]): string {
  const { bySeverity } = summariseFindings(findings)
  return (['error', 'warning', 'info'] as const)
    .filter((severity) => bySeverity[severity] > 0)
    .map((severity) => `${bySeverity[severity]} ${severityLabel(severity).toLowerCase()}${bySeverity[severity] === 1 ? '' : 's'}`)
    .join(', ')
}

export function PlanSummary({ plan, excludedSheets }: { plan: ImportPlan; excludedSheets: readonly string[] }) {
  const { summary } = plan
  return (
    <div className="migration__summary" role="status" aria-label="Import summary">
      <p className="counts">
        <span>
          <strong>{summary.recordsMade}</strong> records made from {summary.rowsRead} rows read
        </span>
        <span className="counts__item">
          <strong>{summary.cellsMapped}</strong> cells mapped to record fields
        </span>
        <span className="counts__item">
          <strong>{summary.cellsKeptAsNotes}</strong> kept as notes
        </span>
        <span className="counts__item">
          <strong>{summary.cellsIgnored.length}</strong> ignored
        </span>
        {plan.problems.length ? (
          <span className="counts__item danger-text">
            <strong>{plan.problems.length}</strong> {plan.problems.length === 1 ? 'row cannot become a record' : 'rows cannot become records'}
          </span>
        ) : null}
      </p>
      {summary.cellsIgnored.length ? (
        <details>
          <summary>The ignored cells and why</summary>
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
          No known heading matched {summary.columnsUnmapped.map((column) => `“${column.heading}” (${column.sheet}, column ${column.source})`).join(', ')}: kept as notes.
        </p>
      ) : null}
      {excludedSheets.length ? <p className="muted">Sheets you chose not to import: {excludedSheets.map((sheet) => `“${sheet}”`).join(', ')}.</p> : null}
    </div>
  )
}

export function OrganisationConfirmation({ changes, taken, onTake }: { changes: OrganisationChange[]; taken: ReadonlySet<string>; onTake: (key: string, take: boolean) => void }) {
  if (changes.length === 0) return null
  return (
    <fieldset className="migration__organisation">
      <legend>The file has a contact block that differs from your organisation profile</legend>
      <p className="section__note section__note--tight">For each field, keep what is stored or take the file's value. Nothing changes until you import.</p>
      <table className="plain-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Now</th>
            <th scope="col">In the file</th>
            <th scope="col">Keep or take</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.key}>
              <th scope="row">{change.label}</th>
              <td>{change.current || <span className="muted">(empty)</span>}</td>
              <td>{change.fromFile}</td>
              <td>
                <div role="radiogroup" aria-label={change.label} className="migration__take">
                  <label>
                    <input type="radio" name={`take-${change.key}`} checked={!taken.has(change.key)} onChange={() => onTake(change.key, false)} /> Keep current
                  </label>
                  <label>
                    <input type="radio" name={`take-${change.key}`} checked={taken.has(change.key)} onChange={() => onTake(change.key, true)} /> Take from file
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
  const all = findings.flat()
  return (
    <>
      {plan.problems.length ? (
        <div className="banner banner--warn migration__problems" role="region" aria-label="Rows that cannot become records">
          <p className="problems__title">
            {plan.problems.length} row{plan.problems.length === 1 ? '' : 's'} cannot become a record and will not be imported:
          </p>
          <ul className="problems">
            {plan.problems.map((problem, index) => (
              <li key={index}>
                <span className="mono">{problem.location}</span>: {problem.reason}
                {problem.cells.length ? (
                  <div className="muted">
                    The row says: {problem.cells.map((cell) => `${cell.heading || cell.cell}: “${cell.text}”`).join('; ')}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {all.length ? <p className="muted">Once imported, the records would have {describeCounts(all)}: they can be fixed in the editor afterwards.</p> : null}
      <div className="migration__records" role="region" aria-label="Records to import" tabIndex={0}>
        {plan.records.slice(0, PREVIEW_RECORDS_SHOWN).map((planned, index) => (
          <RecordCard key={planned.location} planned={planned} findings={findings[index] ?? []} />
        ))}
        {plan.records.length > PREVIEW_RECORDS_SHOWN ? (
          <p className="muted">
            The first {PREVIEW_RECORDS_SHOWN} of {plan.records.length.toLocaleString()} records are shown; the summary covers them all.
          </p>
        ) : null}
      </div>
    </>
  )
}
