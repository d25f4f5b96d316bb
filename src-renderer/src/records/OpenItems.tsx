/**
 * The record's open items: points its source (a template's policy, an imported sheet) left
 * silent or vague. Each is decided in one of two ways: "Mark resolved" once the record says
 * what is needed, or "Accept with a note…" when the gap stays and the DPO says why. Approval
 * is refused while any is undecided. The choice is part of the form, so saving it writes the
 * audit trail like any other change.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { Trans, useTranslation } from 'react-i18next'
import { fieldInWords } from '../i18n/findings'
import { isUnsettled, type OpenItem, type RecordFormInput } from '@core/records/model'

type OpenItemValue = Partial<OpenItem> & Pick<OpenItem, 'id' | 'field' | 'note'>

export function OpenItemsPanel() {
  const { t } = useTranslation()
  const openItems = (useWatch<RecordFormInput, 'openItems'>({ name: 'openItems' }) ?? []) as OpenItemValue[]
  if (openItems.length === 0) return null
  const undecided = openItems.filter((item) => isUnsettled({ resolution: item.resolution ?? 'open' })).length
  return (
    <section className="section section--open-items" id="open-items" aria-labelledby="open-items-title">
      <h2 id="open-items-title">{t('openItems.title')}</h2>
      <p className="section__note">
        {t('openItems.intro')} {undecided === 0 ? t('openItems.allDecided') : t('openItems.toDecide', { count: undecided })}
      </p>
      <ul className="open-items">
        {openItems.map((item, index) => (
          <OpenItemRow key={item.id} item={item} index={index} />
        ))}
      </ul>
    </section>
  )
}

function OpenItemRow({ item, index }: { item: OpenItemValue; index: number }) {
  const { t } = useTranslation()
  const { setValue } = useFormContext<RecordFormInput>()
  const [accepting, setAccepting] = useState(false)
  const resolution = item.resolution ?? 'open'
  const where = item.field.trim() === '' ? t('openItems.theRecord') : fieldInWords(item.field)
  const decide = (next: OpenItem['resolution'], note: string) => {
    setValue(`openItems.${index}.resolution`, next, { shouldDirty: true, shouldValidate: true })
    setValue(`openItems.${index}.resolutionNote`, note, { shouldDirty: true, shouldValidate: true })
    setAccepting(false)
  }
  return (
    <li className={`open-items__item open-items__item--${resolution}`}>
      <p className="open-items__text">
        <Trans t={t} i18nKey="openItems.where" values={{ where, note: item.note.trim() === '' ? t('openItems.needsDecision') : item.note }} components={{ strong: <strong /> }} />
      </p>
      {(item.quotes ?? []).map((quote, quoteIndex) => (
        <blockquote key={quoteIndex}>{quote}</blockquote>
      ))}
      {resolution === 'open' && !accepting ? (
        <div className="open-items__actions">
          <button type="button" className="button button--small" onClick={() => decide('resolved', '')}>
            {t('openItems.markResolved')}
          </button>
          <button type="button" className="button button--small" onClick={() => setAccepting(true)}>
            {t('openItems.acceptWithNote')}
          </button>
        </div>
      ) : null}
      {resolution === 'open' && accepting ? <AcceptNote where={where} onAccept={(note) => decide('accepted', note)} onCancel={() => setAccepting(false)} /> : null}
      {resolution !== 'open' ? (
        <div className="open-items__decision">
          <span className={`badge badge--${resolution === 'resolved' ? 'approved' : 'in-review'}`}>{resolution === 'resolved' ? t('openItems.resolved') : t('openItems.accepted')}</span>
          {resolution === 'accepted' ? <span className="open-items__note">{t('openItems.why', { note: item.resolutionNote })}</span> : null}
          <button type="button" className="button button--small button--quiet" onClick={() => decide('open', '')} aria-label={t('openItems.reopenLabel', { where })}>
            {t('openItems.reopen')}
          </button>
        </div>
      ) : null}
    </li>
  )
}

/** The note an acceptance needs: why the gap is acceptable. Enter in the box does not submit the record. */
function AcceptNote({ where, onAccept, onCancel }: { where: string; onAccept: (note: string) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)
  const accept = () => {
    if (note.trim() === '') {
      setError(t('openItems.noteRequired'))
      box.current?.focus()
      return
    }
    onAccept(note.trim())
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    }
  }
  return (
    <div className={`field field--wide open-items__accept${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{t('openItems.whyAccepted', { where })}</label>
      <textarea
        id={id}
        ref={box}
        rows={2}
        // Opened by the DPO's own click on "Accept with a note…": the note is what they came to write.
        autoFocus
        value={note}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setNote(event.target.value)
          if (error) setError(null)
        }}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <p className="field__error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="open-items__actions">
        <button type="button" className="button button--small button--primary" onClick={accept}>
          {t('openItems.accept')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  )
}
