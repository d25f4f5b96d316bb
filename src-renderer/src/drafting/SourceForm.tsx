/**
 * One vendor document to draft from: its kind (privacy policy, sub-processor list, DPA...),
 * title, date and version, and its text, pasted or opened from a .txt or .md file. The first
 * document also takes the vendor's name, when the author knows it better than the text says it.
 */
import { useEffect, useId, useRef, useState, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { PACK_SOURCE_KIND_LABELS } from '@core/templates/pack-schema'
import { keysOf } from '@core/records/enums'
import type { DraftSource } from '@core/templates/drafting/draft-pack'
import { firstLine } from './draft-sources'

/** What the author says about a document before it is read. */
export type SourceFields = Omit<DraftSource, 'id'>

export interface SourceFormProps {
  /** The document's kind to start with: the privacy policy first, then the other documents. */
  initialKind: DraftSource['kind']
  withVendor: boolean
  reading: { cancel: () => void } | null
  busy: boolean
  /** Reads a .txt or .md file chosen by the author; null when none was read (already told). */
  openFile: () => Promise<{ name: string; text: string } | null | undefined>
  onPropose: (fields: SourceFields, vendor: string) => Promise<unknown>
  /** Adds the document without running the assistant (only for documents after the first). */
  onAddWithout?: (fields: SourceFields) => void
  onCancel?: () => void
}

export function SourceForm({ initialKind, withVendor, reading, busy, openFile, onPropose, onAddWithout, onCancel }: SourceFormProps) {
  const { t } = useTranslation('drafting')
  const id = useId()
  const [kind, setKind] = useState<DraftSource['kind']>(initialKind)
  const [title, setTitle] = useState('')
  const [date, setDate] = useState('')
  const [version, setVersion] = useState('')
  const [vendor, setVendor] = useState('')
  const [text, setText] = useState('')
  const kindRef = useRef<HTMLSelectElement>(null)
  // A document added to a draft opens below the button that asked for it: take the focus there.
  useEffect(() => {
    if (withVendor) return
    kindRef.current?.scrollIntoView({ block: 'nearest' })
    kindRef.current?.focus()
  }, [withVendor])

  const fields = (documentText: string, documentTitle: string): SourceFields => ({
    kind,
    title: documentTitle,
    text: documentText,
    ...(date ? { date } : {}),
    ...(version.trim() ? { version: version.trim() } : {})
  })

  const open = async () => {
    const opened = await openFile()
    if (!opened) return
    setText(opened.text)
    const openedTitle = title.trim() || firstLine(opened.text) || opened.name
    setTitle(openedTitle)
    await onPropose(fields(opened.text, openedTitle), vendor.trim())
  }

  return (
    <div className="draft-source__form">
      <div className="draft-source__row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('source.kind')}</label>
          <SourceKindSelect ref={kindRef} id={`${id}-kind`} value={kind} onChange={setKind} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('source.title')}</label>
          <input id={`${id}-title`} value={title} placeholder={t('source.titlePlaceholder')} onChange={(event) => setTitle(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('source.date')}</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-version`}>{t('source.version')}</label>
          <input id={`${id}-version`} value={version} placeholder={t('source.versionPlaceholder')} onChange={(event) => setVersion(event.target.value)} />
        </div>
      </div>
      {withVendor ? (
        <div className="field draft-source__vendor">
          <label htmlFor={`${id}-vendor`}>{t('source.vendor')}</label>
          <input id={`${id}-vendor`} value={vendor} placeholder={t('source.vendorPlaceholder')} onChange={(event) => setVendor(event.target.value)} />
        </div>
      ) : null}
      <div className="field field--wide">
        <label htmlFor={`${id}-text`}>{t('source.text')}</label>
        <textarea id={`${id}-text`} rows={withVendor ? 14 : 10} value={text} placeholder={t('source.textPlaceholder')} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="draft-source__actions">
        <button type="button" className="button" onClick={() => void open()} disabled={reading !== null || busy}>
          {t('source.open')}
        </button>
        <button type="button" className="button button--primary" onClick={() => void onPropose(fields(text, title.trim()), vendor.trim())} disabled={reading !== null || busy}>
          {t('source.propose')}
        </button>
        {onAddWithout ? (
          <button type="button" className="button" onClick={() => onAddWithout(fields(text, title.trim()))} disabled={reading !== null || busy}>
            {t('source.addWithout')}
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel} disabled={reading !== null}>
            {t('source.cancel')}
          </button>
        ) : null}
        {reading ? (
          <span role="status" className="draft-source__progress">
            {t('source.reading')}{' '}
            <button type="button" className="button button--small" onClick={reading.cancel}>
              {t('source.stop')}
            </button>
          </span>
        ) : null}
      </div>
    </div>
  )
}

/** The kinds of document a pack embeds (privacy policy, sub-processor list, DPA…), for adding one or changing it. */
export function SourceKindSelect({ id, value, onChange, ref }: { id: string; value: DraftSource['kind']; onChange: (kind: DraftSource['kind']) => void; ref?: Ref<HTMLSelectElement> }) {
  const { t } = useTranslation('drafting')
  return (
    <select ref={ref} id={id} value={value} onChange={(event) => onChange(event.target.value as DraftSource['kind'])}>
      {keysOf(PACK_SOURCE_KIND_LABELS).map((key) => (
        <option key={key} value={key}>
          {t(`kinds.${key}`)}
        </option>
      ))}
    </select>
  )
}
