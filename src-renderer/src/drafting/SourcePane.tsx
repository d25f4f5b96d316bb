/**
 * The draft's documents as tabs (arrow keys between them), and the chosen one's text with its
 * proposals highlighted. A passage is quoted by selecting it with the mouse, by typing its words,
 * or from the keyboard: the text takes the focus, ↓ ↑ select a sentence, Shift extends it, ← →
 * move its start and Shift+← → its end word by word, Enter makes the quote. The selection is
 * always offsets into that document's own text, so the quote is its verbatim span.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftSource } from '@core/templates/drafting/draft-pack'
import { DRAFT_FIELDS, type DraftField, type Span } from '@core/templates/drafting/proposal'
import { locateIn, normaliseWithOffsets } from '@core/templates/drafting/locate-quote'
import { SourceKindSelect } from './SourceForm'
import { moveQuoteSelection, quoteMoveFor, textUnits } from './keyboard-quote'
import { excerpt, fieldLabel, valueText } from './proposal-words'
import type { ReviewItem } from './review-state'
import { rangeOf, selectionOffsets, textRuns } from './text-marks'

export interface SourcePaneProps {
  sources: readonly DraftSource[]
  activeId: string
  onActivate: (id: string) => void
  /** Proposals of the active document that are not rejected, highlighted. */
  items: readonly ReviewItem[]
  countOf: (sourceId: string) => number
  selectedId: string | null
  onPick: (id: string) => void
  selection: Span | null
  onSelect: (span: Span | null) => void
  quoteField: DraftField
  onQuoteField: (field: DraftField) => void
  onMakeQuote: () => void
  onNotFound: (words: string) => void
  onAddSource: () => void
  onRemoveSource: (id: string) => void
  onUpdateSource: (id: string, patch: Partial<Pick<DraftSource, 'kind' | 'title' | 'date' | 'version'>>) => void
  /** The highlight to bring into view and focus once the text is drawn. */
  focusMarkId: string | null
  onMarkFocused: () => void
}

export function SourcePane(props: SourcePaneProps) {
  const { sources, activeId, onActivate, items, countOf, selectedId, onPick, selection, onSelect, quoteField, onQuoteField, onMakeQuote, onNotFound, onAddSource, onRemoveSource, onUpdateSource, focusMarkId, onMarkFocused } = props
  const { t } = useTranslation('drafting')
  const textRef = useRef<HTMLDivElement>(null)
  const tabRefs = useRef(new Map<string, HTMLButtonElement>())
  const [findText, setFindText] = useState('')
  const source = sources.find((candidate) => candidate.id === activeId) ?? sources[0]
  const text = source?.text ?? ''
  const units = useMemo(() => textUnits(text), [text])
  const marks = useMemo(() => items.map((item) => ({ id: item.proposal.id, span: item.proposal.focus ?? item.proposal.span })), [items])
  const runs = useMemo(() => textRuns(text.length, marks), [text.length, marks])
  const itemById = useMemo(() => new Map(items.map((item) => [item.proposal.id, item])), [items])

  useEffect(() => {
    if (!focusMarkId) return
    // Asked once: a rejected proposal has no highlight, and must not take the focus later when accepted.
    const mark = textRef.current?.querySelector<HTMLElement>(`[data-first-of~="${CSS.escape(focusMarkId)}"]`)
    mark?.scrollIntoView({ block: 'center' })
    mark?.focus()
    onMarkFocused()
  }, [focusMarkId, activeId, runs, onMarkFocused])

  if (!source) return null

  /** Shows a keyboard selection as the browser's own selection, scrolled into view in the text. */
  const showSelection = (span: Span) => {
    const container = textRef.current
    if (!container) return
    const range = rangeOf(container, span)
    if (!range) return
    const selected = window.getSelection()
    selected?.removeAllRanges()
    selected?.addRange(range)
    const box = range.getBoundingClientRect()
    const pane = container.getBoundingClientRect()
    if (box.top < pane.top) container.scrollTop -= pane.top - box.top + 16
    else if (box.bottom > pane.bottom) container.scrollTop += Math.min(box.bottom - pane.bottom + 16, box.top - pane.top - 16)
  }

  const onTextKey = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on a highlight are the highlight's own (Enter finds it in the list).
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'Enter') {
      if (!selection) return
      event.preventDefault()
      onMakeQuote()
      return
    }
    if (event.key === 'Escape') {
      if (!selection) return
      event.preventDefault()
      window.getSelection()?.removeAllRanges()
      onSelect(null)
      return
    }
    const move = quoteMoveFor(event.key, event.shiftKey)
    if (!move) return
    event.preventDefault()
    const next = moveQuoteSelection(units, selection, move)
    onSelect(next)
    if (next) showSelection(next)
  }

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target =
      event.key === 'ArrowRight' ? sources[(index + 1) % sources.length] : event.key === 'ArrowLeft' ? sources[(index - 1 + sources.length) % sources.length] : event.key === 'Home' ? sources[0] : event.key === 'End' ? sources.at(-1) : undefined
    if (!target) return
    event.preventDefault()
    onActivate(target.id)
    tabRefs.current.get(target.id)?.focus()
  }

  const selectedText = selection ? text.slice(selection.start, selection.end) : ''
  const fieldId = 'draft-quote-field'
  return (
    <section className="draft-text-panel" aria-labelledby="draft-text-title">
      <h2 id="draft-text-title" className="visually-hidden">
        {t('text.heading')}
      </h2>
      <div className="draft-tabs">
        <div role="tablist" aria-label={t('sources.tablist')} className="draft-tabs__list">
          {sources.map((candidate, index) => {
            const active = candidate.id === source.id
            return (
              <button
                key={candidate.id}
                ref={(element) => {
                  if (element) tabRefs.current.set(candidate.id, element)
                  else tabRefs.current.delete(candidate.id)
                }}
                type="button"
                role="tab"
                id={`draft-tab-${candidate.id}`}
                aria-selected={active}
                aria-controls="draft-tabpanel"
                tabIndex={active ? 0 : -1}
                className={`draft-tab${active ? ' draft-tab--active' : ''}`}
                onClick={() => onActivate(candidate.id)}
                onKeyDown={(event) => onTabKey(event, index)}
              >
                <span className="draft-tab__kind">{t(`kinds.${candidate.kind}`)}</span>
                <span className="draft-tab__title">{candidate.title}</span>
                <span className="draft-tab__count">{t('sources.tabCount', { count: countOf(candidate.id) })}</span>
              </button>
            )
          })}
        </div>
        <button type="button" className="button button--small draft-tabs__add" onClick={onAddSource}>
          {t('sources.add')}
        </button>
      </div>
      <div role="tabpanel" id="draft-tabpanel" aria-labelledby={`draft-tab-${source.id}`} className="draft-tabpanel">
        <div className="draft-source-bar">
          <details className="draft-source-details">
            <summary>{t('sources.details')}</summary>
            <div className="draft-source__row">
              <div className="field">
                <label htmlFor="draft-source-kind">{t('source.kind')}</label>
                <SourceKindSelect id="draft-source-kind" value={source.kind} onChange={(kind) => onUpdateSource(source.id, { kind })} />
              </div>
              <div className="field">
                <label htmlFor="draft-source-title">{t('source.title')}</label>
                <input id="draft-source-title" value={source.title} onChange={(event) => onUpdateSource(source.id, { title: event.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="draft-source-date">{t('source.date')}</label>
                <input id="draft-source-date" type="date" value={source.date ?? ''} onChange={(event) => onUpdateSource(source.id, { date: event.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="draft-source-version">{t('source.version')}</label>
                <input id="draft-source-version" value={source.version ?? ''} placeholder={t('source.versionPlaceholder')} onChange={(event) => onUpdateSource(source.id, { version: event.target.value })} />
              </div>
            </div>
          </details>
          {sources.length > 1 ? (
            <button type="button" className="button button--small draft-source-remove" onClick={() => onRemoveSource(source.id)}>
              {t('sources.remove')}
            </button>
          ) : null}
        </div>
        <div className="draft-quote-bar" role="group" aria-label={t('quote.bar')}>
          <p className="draft-quote-bar__selection" aria-live="polite">
            {selection ? (selectedText.length > 160 ? t('quote.selectedLong', { length: selectedText.length, excerpt: excerpt(selectedText, 160) }) : t('quote.selected', { excerpt: excerpt(selectedText, 160) })) : t('quote.nothingSelected')}
          </p>
          <label htmlFor={fieldId}>{t('quote.field')}</label>
          <select id={fieldId} value={quoteField} onChange={(event) => onQuoteField(event.target.value as DraftField)}>
            {DRAFT_FIELDS.map((field) => (
              <option key={field} value={field}>
                {fieldLabel(field)}
              </option>
            ))}
          </select>
          <button type="button" className="button button--small button--primary" onClick={onMakeQuote} disabled={!selection}>
            {t('quote.make')}
          </button>
          <form
            className="draft-quote-bar__find"
            onSubmit={(event) => {
              event.preventDefault()
              const span = locateIn(normaliseWithOffsets(text), findText)
              if (span) {
                onSelect(span)
                showSelection(span)
                setFindText('')
              } else onNotFound(findText)
            }}
          >
            <label htmlFor="draft-quote-find">{t('quote.find')}</label>
            <input id="draft-quote-find" value={findText} onChange={(event) => setFindText(event.target.value)} />
            <button type="submit" className="button button--small" disabled={findText.trim() === ''}>
              {t('quote.findButton')}
            </button>
          </form>
        </div>
        <div
          ref={textRef}
          className="draft-text"
          role="application"
          tabIndex={0}
          aria-roledescription={t('text.roleDescription')}
          aria-label={t('text.paneLabel', { title: source.title })}
          aria-describedby="draft-keys"
          onMouseUp={() => onSelect(textRef.current ? selectionOffsets(textRef.current, window.getSelection()) : null)}
          onKeyDown={onTextKey}
        >
          <PolicyRuns text={text} runs={runs} itemById={itemById} selectedId={selectedId} onPick={onPick} />
        </div>
        <p className="hint">{t('text.hint')}</p>
        <div className="draft-keys" id="draft-keys">
          <p>{t('text.keysHeading')}</p>
          <ul>
            <li>
              <kbd>↓</kbd> <kbd>↑</kbd> {t('text.keySentence')}
            </li>
            <li>
              <kbd>{t('text.shift')}</kbd>+<kbd>↓</kbd> <kbd>↑</kbd> {t('text.keyExtend')}
            </li>
            <li>
              <kbd>←</kbd> <kbd>→</kbd> {t('text.keyStart')}
            </li>
            <li>
              <kbd>{t('text.shift')}</kbd>+<kbd>←</kbd> <kbd>→</kbd> {t('text.keyEnd')}
            </li>
            <li>
              <kbd>{t('text.enter')}</kbd> {t('text.keyQuote')}
            </li>
            <li>
              <kbd>{t('text.escape')}</kbd> {t('text.keyClear')}
            </li>
          </ul>
        </div>
      </div>
    </section>
  )
}

/** The document's text with each run of highlighted words as a <mark>; the first run of each proposal takes the keyboard focus. */
function PolicyRuns({ text, runs, itemById, selectedId, onPick }: { text: string; runs: ReturnType<typeof textRuns>; itemById: Map<string, ReviewItem>; selectedId: string | null; onPick: (id: string) => void }) {
  const { t } = useTranslation('drafting')
  const seen = new Set<string>()
  const length = (item: ReviewItem) => (item.proposal.focus ?? item.proposal.span).end - (item.proposal.focus ?? item.proposal.span).start
  return (
    <>
      {runs.map((run) => {
        const content = text.slice(run.start, run.end)
        if (run.ids.length === 0) return <span key={run.start}>{content}</span>
        const firstOf = run.ids.filter((id) => !seen.has(id))
        for (const id of firstOf) seen.add(id)
        // The innermost highlight (the shortest) is the one a click picks.
        const items = run.ids.map((id) => itemById.get(id)).filter((item) => item !== undefined)
        const innermost = [...items].sort((a, b) => length(a) - length(b))[0]
        if (!innermost) return <span key={run.start}>{content}</span>
        const accepted = items.some((item) => item.status === 'accepted')
        const focusable = firstOf.length > 0
        const label = items.map((item) => t('text.markLabel', { field: fieldLabel(item.proposal.field), value: valueText(item.proposal), status: t(`status.${item.status}`) })).join('; ')
        return (
          <mark
            key={run.start}
            className={`draft-mark${accepted ? ' draft-mark--accepted' : ''}${run.ids.includes(selectedId ?? '') ? ' draft-mark--selected' : ''}${items.length > 1 ? ' draft-mark--nested' : ''}`}
            data-first-of={firstOf.join(' ') || undefined}
            tabIndex={focusable ? 0 : undefined}
            role={focusable ? 'button' : undefined}
            aria-label={focusable ? label : undefined}
            title={label}
            onClick={() => onPick(innermost.proposal.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault()
                onPick(innermost.proposal.id)
              }
            }}
          >
            {content}
          </mark>
        )
      })}
    </>
  )
}
