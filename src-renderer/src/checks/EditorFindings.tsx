/**
 * Compliance findings in the record editor: checked on the live form values (debounced, off
 * the keystroke), shown next to their field (`FindingNote`) and listed in a panel whose
 * entries jump to the field. The provider re-renders only the notes and the panel, never the
 * form, when findings change.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useLiveQuery } from 'dexie-react-hooks'
import type { CheckableRecord, CheckContext, Finding, Severity } from '@core/checks/finding'
import { SEVERITIES } from '@core/checks/finding'
import { groupByArticle } from '@core/checks/art30-items'
import { checkOrganisation, checkRecord } from '@core/checks/run-checks'
import type { RecordForm, RecordFormInput, StoredRecord } from '@core/records/model'
import { repository } from '../app/services'
import { NavLink } from '../app/navigation'
import { articleHeadingIn as articleHeading, fieldInWords as describeField, findingFix, findingMessage } from '../i18n/findings'
import { anchorForField, sectionForAnchor } from './field-anchors'
import { SeverityIcon } from './severity'
import { t as translate } from '../i18n/i18n'
import { formatNumber } from '../ui/numbers'

/** Long enough to let a burst of typing pass, short enough to feel live. */
const CHECK_DELAY_MS = 250

interface EditorFindings {
  findings: readonly Finding[]
  organisationFindings: readonly Finding[]
  byAnchor: ReadonlyMap<string, Finding[]>
}

const EMPTY: EditorFindings = { findings: [], organisationFindings: [], byAnchor: new Map() }
const FindingsContext = createContext<EditorFindings>(EMPTY)

export function useEditorFindings(): EditorFindings {
  return useContext(FindingsContext)
}

const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity)

/** Most severe first, keeping the rules' own order within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((finding, index) => ({ finding, index })).sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity) || a.index - b.index).map(({ finding }) => finding)
}

export function groupByAnchor(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>()
  for (const finding of sortFindings(findings)) {
    const anchor = anchorForField(finding.field)
    const group = groups.get(anchor)
    if (group) group.push(finding)
    else groups.set(anchor, [finding])
  }
  return groups
}

function checkValues(values: unknown, record: StoredRecord | null, context: CheckContext): Finding[] | null {
  try {
    const checkable = { ...(values as RecordForm), id: record?.id, reference: record?.reference } as CheckableRecord
    return checkRecord(checkable, context)
  } catch {
    // A value mid-edit the rules cannot read yet (rare): keep showing the last findings.
    return null
  }
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]): boolean => JSON.stringify(a) === JSON.stringify(b)

export function FindingsProvider({ form, record, children }: { form: UseFormReturn<RecordFormInput, unknown, RecordForm>; record: StoredRecord | null; children: ReactNode }) {
  // Live: the organisation and installed packs, as changed in this window or another.
  const context = useLiveQuery(() => repository.checkContext()) ?? null
  const [findings, setFindings] = useState<Finding[]>([])
  useEffect(() => {
    if (!context) return
    const run = () => {
      const found = checkValues(form.getValues(), record, context)
      if (found) setFindings((current) => (sameFindings(current, found) ? current : found))
    }
    run()
    let timer: ReturnType<typeof setTimeout> | undefined
    const subscription = form.watch(() => {
      clearTimeout(timer)
      timer = setTimeout(run, CHECK_DELAY_MS)
    })
    return () => {
      clearTimeout(timer)
      subscription.unsubscribe()
    }
  }, [form, context, record])

  const value = useMemo<EditorFindings>(
    () => ({ findings, organisationFindings: context ? checkOrganisation(context) : [], byAnchor: groupByAnchor(findings) }),
    [findings, context]
  )
  useFieldMarks(findings)
  return <FindingsContext.Provider value={value}>{children}</FindingsContext.Provider>
}

/** Marks each field that has a finding (`data-finding="error"` on its `.field`), for the CSS. */
function useFieldMarks(findings: readonly Finding[]): void {
  useEffect(() => {
    const form = document.querySelector('form.editor')
    if (!form) return
    const marked: Element[] = []
    for (const finding of sortFindings(findings)) {
      for (const element of form.querySelectorAll(`[name="${CSS.escape(finding.field)}"]`)) {
        const field = element.closest('.field')
        if (field && !marked.includes(field)) {
          field.setAttribute('data-finding', finding.severity)
          marked.push(field)
        }
      }
    }
    return () => {
      for (const field of marked) field.removeAttribute('data-finding')
    }
  }, [findings])
}

/** Scrolls to the finding's field and focuses it; the finding's note when the form has no such control. */
export function focusFinding(field: string): void {
  const form = document.querySelector('form.editor') ?? document
  const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)
  if (control && control.getClientRects().length > 0) {
    control.scrollIntoView({ block: 'center' })
    control.focus({ preventScroll: true })
    return
  }
  const anchor = anchorForField(field)
  const target = form.querySelector<HTMLElement>(`[data-finding-anchor="${CSS.escape(anchor)}"]`) ?? document.getElementById(sectionForAnchor(anchor))
  if (!target) return
  target.scrollIntoView({ block: 'center' })
  target.focus({ preventScroll: true })
}

/** The findings about one spot of the form, shown where the spot is. */
export function FindingNote({ anchor }: { anchor: string }) {
  const { t } = useTranslation()
  const findings = useEditorFindings().byAnchor.get(anchor)
  if (!findings || findings.length === 0) return null
  return (
    <ul className="finding-notes" data-finding-anchor={anchor} tabIndex={-1} aria-label={t('findings.notesLabel')}>
      {findings.map((finding, index) => (
        <li key={`${finding.ruleId}-${finding.field}-${index}`} className={`finding-note finding-note--${finding.severity}`}>
          <SeverityIcon severity={finding.severity} />
          <span>
            <span className="finding-note__where">{t('findings.where', { field: describeField(finding.field) })}</span> {findingMessage(finding)} <span className="finding-note__fix">{findingFix(finding)}</span>
          </span>
        </li>
      ))}
    </ul>
  )
}

function countLabel(count: number, severity: Severity): string {
  return translate(`health.count.${severity}`, { count, n: formatNumber(count) })
}

/** The record's findings by article (in the Regulation's order), most severe first within each; each entry jumps to its field. */
export function FindingsPanel() {
  const { t } = useTranslation()
  const { findings, organisationFindings } = useEditorFindings()
  const [open, setOpen] = useState(true)
  const sorted = useMemo(() => sortFindings(findings), [findings])
  const organisationErrors = organisationFindings.filter((finding) => finding.severity === 'error')
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0)
  return (
    <section className="section findings-panel" id="findings" aria-labelledby="findings-title">
      <div className="findings-panel__header">
        <h2 id="findings-title">{t('findings.title')}</h2>
        <p className="findings-panel__counts" role="status" aria-live="polite">
          {findings.length === 0 ? (
            <span className="finding-count finding-count--ok">{t('findings.none')}</span>
          ) : (
            counts.map(([severity, count]) => (
              <span key={severity} className={`finding-count finding-count--${severity}`}>
                {countLabel(count, severity)}
              </span>
            ))
          )}
        </p>
        {findings.length > 0 ? (
          <button type="button" className="button button--small button--quiet" aria-expanded={open} aria-controls="findings-list" onClick={() => setOpen(!open)}>
            {open ? t('findings.hide') : t('findings.show')}
          </button>
        ) : null}
      </div>
      {open && sorted.length > 0 ? (
        <ul className="findings-by-article" id="findings-list">
          {groupByArticle(sorted).map(([article, group]) => (
            <li key={article} className="findings-by-article__group">
              <h3 className="findings-by-article__heading">{articleHeading(article)}</h3>
              <ol className="findings" aria-label={articleHeading(article)}>
                {group.map((finding, index) => (
                  <li key={`${finding.ruleId}-${finding.field}-${index}`}>
                    <button type="button" className={`finding finding--${finding.severity}`} onClick={() => focusFinding(finding.field)}>
                      <SeverityIcon severity={finding.severity} />
                      <span className="finding__body">
                        <span className="finding__head">
                          <span className="finding__field">{describeField(finding.field)}</span>
                        </span>
                        <span className="finding__message">{findingMessage(finding)}</span>
                        <span className="finding__fix">{t('findings.fix', { fix: findingFix(finding) })}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      ) : null}
      {organisationErrors.length > 0 ? (
        <p className="findings-panel__organisation">
          {t('findings.organisationErrors', { count: organisationErrors.length, messages: organisationErrors.map(findingMessage).join(' ') })}{' '}
          <NavLink to="/organisation">{t('findings.fixOnOrganisation')}</NavLink>.
        </p>
      ) : null}
    </section>
  )
}
