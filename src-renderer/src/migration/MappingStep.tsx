/**
 * Step 2 of the guided import: one row per column (or fiche label) with its heading, cell,
 * sample values, the proposed target and why, and the DPO's choice; mappings saved by name,
 * exported as JSON for the CLI's `--mapping`, or loaded from such a file.
 */
import { useTranslation } from 'react-i18next'
import { useEffect, useId, useState } from 'react'
import { toast } from 'sonner'
import type { ColumnMapping, Mapping, SheetMapping, SpreadsheetFile, SpreadsheetProblem } from '@core/migration/types'
import { host } from '../host/host'
import { refusalReason } from '../i18n/messages'
import { formatDateTime } from '../ui/dates'
import { useAsyncAction } from '../ui/use-async-action'
import { ProblemList } from './ChooseStep'
import { describeTarget, headingCell, ignoredWithoutReason, sampleValues, targetChoice, targetFromChoice, targetGroups, targetLabel, whyProposed, withTarget } from './mapping-view'
import { migrationRepository } from './migration-services'
import type { SavedMapping } from '../db/migration-repository'

const MAPPING_FILE_MAX_BYTES = 1024 * 1024

interface Props {
  file: SpreadsheetFile
  mapping: Mapping
  /** The mapping as the engine proposed it, so that each column still says what was proposed and why after the DPO changed it. */
  proposed: Mapping
  onChange: (mapping: Mapping) => void
  /** A new proposal made with a saved or loaded mapping's choices. */
  onReuse: (mapping: Mapping) => void
  /** Proposes the mapping again with a saved one's choices applied (the engine's `proposeMapping(file, { savedMapping })`). */
  reuse: (saved: Mapping) => Promise<Mapping>
  parseMapping: (json: unknown) => { ok: true; mapping: Mapping } | { ok: false; problems: SpreadsheetProblem[] }
  excluded: ReadonlySet<string>
  onExclude: (sheet: string, excluded: boolean) => void
}

function ColumnRow({ file, sheet, index, proposal, onChange }: { file: SpreadsheetFile; sheet: SheetMapping; index: number; proposal: ColumnMapping | undefined; onChange: (choice: string, reason?: string) => void }) {
  const { t } = useTranslation()
  const column = sheet.columns[index]!
  const proposedColumn = proposal ?? column
  const id = useId()
  const samples = sampleValues(file, sheet, column)
  const reason = column.target.kind === 'ignore' ? column.target.reason : ''
  return (
    <tr>
      <th scope="row" className="mapping__heading">
        {column.heading || <span className="muted">{t('mapping.noHeading')}</span>}
        <div className="mono muted">{headingCell(sheet, column)}</div>
      </th>
      <td>
        {samples.length ? (
          <ul className="mapping__samples">
            {samples.map((sample, sampleIndex) => (
              <li key={sampleIndex}>{sample.length > 120 ? `${sample.slice(0, 120)}…` : sample}</li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('mapping.empty')}</span>
        )}
      </td>
      <td className="mapping__why">
        <strong>{describeTarget(proposedColumn.target)}</strong>: {whyProposed(proposedColumn)}
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-target`}>
          {t('mapping.importAs', { heading: column.heading || headingCell(sheet, column) })}
        </label>
        <select id={`${id}-target`} value={targetChoice(column.target)} onChange={(event) => onChange(event.target.value)}>
          {targetGroups().map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.fields.map((field) => (
                <option key={field} value={`field:${field}`}>
                  {targetLabel(field)}
                </option>
              ))}
            </optgroup>
          ))}
          <optgroup label={t('mapping.notAField')}>
            <option value="note">{t('mapping.keepAsNote')}</option>
            <option value="ignore">{t('mapping.ignore')}</option>
          </optgroup>
        </select>
        {column.target.kind === 'ignore' ? (
          <div className="mapping__reason">
            <label htmlFor={`${id}-reason`}>{t('mapping.whyIgnored', { heading: column.heading || headingCell(sheet, column) })}</label>
            <input
              id={`${id}-reason`}
              value={reason}
              aria-invalid={reason.trim() === '' ? true : undefined}
              aria-describedby={reason.trim() === '' ? `${id}-reason-error` : undefined}
              onChange={(event) => onChange('ignore', event.target.value)}
            />
            {reason.trim() === '' ? (
              <p className="field__error" id={`${id}-reason-error`}>
                {t('mapping.sayWhy')}
              </p>
            ) : null}
          </div>
        ) : null}
      </td>
    </tr>
  )
}

function SavedMappings({ mapping, reuse, parseMapping, onReuse, fileName }: Pick<Props, 'mapping' | 'reuse' | 'parseMapping' | 'onReuse'> & { fileName: string }) {
  const { t } = useTranslation()
  const [saved, setSaved] = useState<SavedMapping[]>([])
  const [name, setName] = useState('')
  const [chosen, setChosen] = useState('')
  const [problems, setProblems] = useState<{ title: string; problems: SpreadsheetProblem[] } | null>(null)
  const refresh = () => void migrationRepository.savedMappings().then(setSaved, () => setSaved([]))
  useEffect(refresh, [])
  const incomplete = ignoredWithoutReason(mapping).length > 0

  const save = useAsyncAction(async () => {
    const stored = await migrationRepository.saveMapping(name, mapping)
    refresh()
    toast.success(t('mapping.saved', { name: stored.name }))
  }, t('mapping.couldNotSave'))

  const exportJson = useAsyncAction(async () => {
    const stem = (name.trim() || fileName.replace(/\.[^.]+$/, '')).replace(/[^\p{L}\p{N}_-]+/gu, '-')
    const result = await host.saveFile({ title: t('mapping.exportTitle'), suggestedName: `${stem}-mapping.json`, filters: [{ name: t('mapping.fileType'), extensions: ['json'] }], data: `${JSON.stringify(mapping, null, 2)}\n` })
    if (result.status === 'saved') toast.success(t('mapping.exported', { name: result.name }))
  }, t('mapping.couldNotExport'))

  const apply = useAsyncAction(async (savedMapping: Mapping, from: string) => {
    onReuse(await reuse(savedMapping))
    toast.success(t('mapping.applied', { from }))
  }, t('mapping.couldNotApply'))

  const load = useAsyncAction(async () => {
    setProblems(null)
    const opened = await host.openFile({ title: t('mapping.loadTitle'), filters: [{ name: t('mapping.fileType'), extensions: ['json'] }], maxBytes: MAPPING_FILE_MAX_BYTES })
    if (opened.status === 'cancelled') return
    if (opened.status === 'refused') return setProblems({ title: t('mapping.notRead', { name: opened.name }), problems: [{ path: '', message: refusalReason(opened) }] })
    let json: unknown
    try {
      json = JSON.parse(new TextDecoder().decode(opened.bytes))
    } catch (caught) {
      return setProblems({ title: t('mapping.notAMapping', { name: opened.name }), problems: [{ path: opened.name, message: t('mapping.notJson', { name: opened.name, reason: caught instanceof Error ? caught.message : String(caught) }) }] })
    }
    const parsed = parseMapping(json)
    if (!parsed.ok) return setProblems({ title: t('mapping.notAMapping', { name: opened.name }), problems: parsed.problems })
    await apply.run(parsed.mapping, t('mapping.from', { name: opened.name }))
  }, t('mapping.couldNotLoad'))

  return (
    <div className="mapping__saved" role="group" aria-label={t('mapping.group')}>
      <div className="mapping__saved-row">
        <label className="filter">
          <span>{t('mapping.name')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('mapping.namePlaceholder')} />
        </label>
        <button type="button" className="button" disabled={save.busy || name.trim() === '' || incomplete} onClick={() => void save.run()}>
          {t('mapping.save')}
        </button>
        <button type="button" className="button" disabled={exportJson.busy || incomplete} onClick={() => void exportJson.run()}>
          {t('mapping.export')}
        </button>
        <button type="button" className="button" disabled={load.busy} onClick={() => void load.run()}>
          {t('mapping.load')}
        </button>
      </div>
      {saved.length ? (
        <div className="mapping__saved-row">
          <label className="filter">
            <span>{t('mapping.savedMappings')}</span>
            <select aria-label={t('mapping.savedMappings')} value={chosen} onChange={(event) => setChosen(event.target.value)}>
              <option value="">{t('mapping.choose')}</option>
              {saved.map((item) => (
                <option key={item.name} value={item.name}>
                  {item.name} ({formatDateTime(item.savedAt)})
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button"
            disabled={chosen === '' || apply.busy}
            onClick={() => {
              const item = saved.find((candidate) => candidate.name === chosen)
              if (item) void apply.run(item.mapping, `“${item.name}”`)
            }}
          >
            {t('mapping.apply')}
          </button>
        </div>
      ) : null}
      {problems ? <ProblemList {...problems} /> : null}
    </div>
  )
}

export function MappingStep({ file, mapping, proposed, onChange, onReuse, reuse, parseMapping, excluded, onExclude }: Props) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState(mapping.sheets[0]?.sheet ?? '')
  const sheet = mapping.sheets.find((candidate) => candidate.sheet === current) ?? mapping.sheets[0]
  const notProposed = file.sheets.filter((candidate) => !mapping.sheets.some((mapped) => mapped.sheet === candidate.name))
  if (!sheet) return null
  const change = (source: string, choice: string, reason?: string) => {
    const column = sheet.columns.find((candidate) => candidate.source === source)
    if (!column) return
    const target = targetFromChoice(choice, column.target)
    onChange(withTarget(mapping, sheet.sheet, source, target.kind === 'ignore' && reason !== undefined ? { kind: 'ignore', reason } : target))
  }
  return (
    <>
      <SavedMappings mapping={mapping} reuse={reuse} parseMapping={parseMapping} onReuse={onReuse} fileName={file.fileName} />
      {mapping.sheets.length > 1 ? (
        <div className="mapping__sheets">
          <label className="filter">
            <span>{t('mapping.sheetCount', { n: mapping.sheets.length })}</span>
            <select aria-label={t('mapping.sheet')} value={sheet.sheet} onChange={(event) => setCurrent(event.target.value)}>
              {mapping.sheets.map((candidate) => (
                <option key={candidate.sheet} value={candidate.sheet}>
                  {candidate.sheet}
                  {excluded.has(candidate.sheet) ? ` ${t('mapping.notImported')}` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox-line">
            <input type="checkbox" checked={!excluded.has(sheet.sheet)} onChange={(event) => onExclude(sheet.sheet, !event.target.checked)} /> {t('mapping.importSheet', { sheet: sheet.sheet })}
          </label>
        </div>
      ) : null}
      <p className="section__note section__note--tight">
        {sheet.layout === 'table' ? (
          t('mapping.tableSheet', {
            sheet: sheet.sheet,
            row: sheet.headerRow,
            twoLevel: sheet.headerRows > 1 ? t('mapping.twoLevel', { from: sheet.headerRow - sheet.headerRows + 1 }) : '',
            role: sheet.role === 'processor' ? t('mapping.processorRecords') : t('mapping.controllerRecords')
          })
        ) : (
          t('mapping.ficheSheet', { sheet: sheet.sheet, labelColumn: sheet.labelColumn, valueColumn: sheet.valueColumn })
        )}
        {notProposed.length ? ` ${t('mapping.notRegister', { sheets: notProposed.map((candidate) => `“${candidate.name}”${candidate.hidden ? ` ${t('mapping.hidden')}` : ''}`).join(', ') })}` : ''}
      </p>
      <div className="preview-table mapping" role="region" aria-label={t('mapping.region', { sheet: sheet.sheet })} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{sheet.layout === 'table' ? t('mapping.columnHeading') : t('mapping.label')}</th>
              <th scope="col">{t('mapping.samples')}</th>
              <th scope="col">{t('mapping.proposed')}</th>
              <th scope="col">{t('mapping.importAsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.columns.map((column, index) => (
              <ColumnRow
                key={column.source}
                file={file}
                sheet={sheet}
                index={index}
                proposal={proposed.sheets.find((candidate) => candidate.sheet === sheet.sheet)?.columns.find((candidate) => candidate.source === column.source)}
                onChange={(choice, reason) => change(column.source, choice, reason)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
