/**
 * Shows, on demand, where a value came from: the policy quotes behind a value that a template
 * pack pre-filled, and the spreadsheet cells a migrated record was made from.
 */
import { Trans } from 'react-i18next'
import { t } from '../i18n/i18n'
import { createContext, useContext, type ReactNode } from 'react'
import type { z } from 'zod'
import type { evidenceSchema, importedCellSchema } from '@core/records/model'

type Evidence = z.input<typeof evidenceSchema>
type ImportedCell = z.input<typeof importedCellSchema>

const EvidenceContext = createContext<Evidence[]>([])
const ImportEvidenceContext = createContext<ImportedCell[]>([])

export function EvidenceProvider({ evidence, importedFrom = [], children }: { evidence: Evidence[]; importedFrom?: ImportedCell[]; children: ReactNode }) {
  return (
    <EvidenceContext.Provider value={evidence}>
      <ImportEvidenceContext.Provider value={importedFrom}>{children}</ImportEvidenceContext.Provider>
    </EvidenceContext.Provider>
  )
}

/**
 * `purposes[0].description` and `purposes.0.description` name the same field; an import's
 * `purposes[].description` filled the list as a whole (a cell may list several purposes), so it
 * belongs to the list (`purposes`), not to one item.
 */
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, '.$1').replace(/\[\]/g, '')
const covers = (field: string, path: string) => path === field || path.startsWith(`${field}.`)

/** The cells that filled `field` or a part of it; a cell kept as a note (field '') belongs to the notes. */
export function importedCellsFor(cells: readonly ImportedCell[], field: string): ImportedCell[] {
  return cells.filter((cell) => covers(field, dotted(cell.field || 'notes')))
}

/** "From register.xlsx, sheet Register, cell C4 (heading 'Purpose'): 'original text'" */
export function importEvidenceText(cell: ImportedCell): string {
  const where = { file: cell.file, sheet: cell.sheet, cell: cell.cell, text: cell.text }
  return cell.heading ? t('evidence.fromCellHeading', { ...where, heading: cell.heading }) : t('evidence.fromCell', where)
}

/** Evidence whose field is `field` or lies inside it (e.g. `purposes.0` covers `purposes.0.lawfulBasis`). */
export function EvidenceNote({ field }: { field: string }) {
  const evidence = useContext(EvidenceContext).filter((item) => covers(field, item.field))
  const cells = importedCellsFor(useContext(ImportEvidenceContext), field)
  return (
    <>
      {evidence.length ? <TemplateEvidence evidence={evidence} /> : null}
      {cells.length ? <ImportEvidence cells={cells} /> : null}
    </>
  )
}

/** The cells behind a list as a whole (purposes, recipients…), shown once under the list. */
export function ImportEvidenceNote({ field }: { field: string }) {
  const cells = importedCellsFor(useContext(ImportEvidenceContext), field)
  return cells.length ? <ImportEvidence cells={cells} /> : null
}

function ImportEvidence({ cells }: { cells: ImportedCell[] }) {
  return (
    <details className="evidence evidence--import">
      <summary>
        <span className="evidence__badge evidence__badge--import">{t('evidence.fromImport')}</span> {t('evidence.showCells', { count: cells.length })}
      </summary>
      <ul className="evidence__cells">
        {cells.map((cell, index) => (
          <li key={index}>{importEvidenceText(cell)}</li>
        ))}
      </ul>
    </details>
  )
}

function TemplateEvidence({ evidence }: { evidence: Evidence[] }) {
  // A quote from a pack without source text was never checked against the policy.
  const unverified = evidence.some((item) => item.verified === false)
  return (
    <details className="evidence">
      <summary>
        <span className="evidence__badge">{t('evidence.fromTemplate')}</span>
        {unverified ? (
          <span className="evidence__badge evidence__badge--unverified" title={t('evidence.unverifiedTitle')}>
            {t('evidence.unverified')}
          </span>
        ) : null}{' '}
        {t('evidence.showPolicy')}
      </summary>
      {unverified ? <p className="evidence__note">{t('evidence.unverifiedNote')}</p> : null}
      {withoutRepeatedQuotes(evidence).map((item, itemIndex) => (
        <div key={itemIndex} className="evidence__item">
          {item.note ? <p className="evidence__note">{item.note}</p> : null}
          {item.quotes.map((quote, index) => (
            <blockquote key={index}>{quote}</blockquote>
          ))}
        </div>
      ))}
    </details>
  )
}

/** A purpose and its lawful basis cite the same sentences: each quote is shown once per note. */
function withoutRepeatedQuotes(evidence: Evidence[]): Array<{ note: string; quotes: string[] }> {
  const shown = new Set<string>()
  return evidence
    .map((item) => ({ note: item.note ?? '', quotes: (item.quotes ?? []).filter((quote) => !shown.has(quote) && Boolean(shown.add(quote))) }))
    .filter((item) => item.quotes.length > 0 || item.note !== '')
}

/** A migrated record names the file it came from, and lists every cell on demand. */
export function ImportOriginPanel() {
  const cells = useContext(ImportEvidenceContext)
  const first = cells[0]
  if (!first) return null
  const files = [...new Set(cells.map((cell) => cell.file))]
  return (
    <aside className="banner banner--info" aria-label={t('evidence.importOrigin')}>
      <Trans t={t} i18nKey="evidence.importedFrom" count={cells.length} values={{ files: files.join(', ') }} components={{ strong: <strong /> }} />
      <details className="evidence evidence--import">
        <summary>{t('evidence.showEvery')}</summary>
        <ul className="evidence__cells">
          {cells.map((cell, index) => (
            <li key={index}>{importEvidenceText(cell)}</li>
          ))}
        </ul>
      </details>
    </aside>
  )
}
