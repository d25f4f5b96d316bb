/** A vendor's policy text with one quote highlighted, rendered as text (never as HTML). */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { locateQuote } from './quote-location'

export function PolicyText({ title, text, quote, onClose }: { title: string; text: string; quote: string; onClose: () => void }) {
  const { t } = useTranslation('templates')
  const range = useMemo(() => locateQuote(text, quote), [text, quote])
  const scrollerRef = useRef<HTMLDivElement>(null)
  const markRef = useRef<HTMLElement>(null)
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    const mark = markRef.current
    if (scroller && mark) scroller.scrollTop = Math.max(0, mark.offsetTop - scroller.clientHeight / 3)
  }, [range, text])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A dialog open on top handles its own Escape.
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])
  return (
    <aside className="policy" aria-label={t('policy.region')}>
      <div className="policy__header">
        <div>
          <h2>{t('policy.title')}</h2>
          <p className="policy__title">{title}</p>
        </div>
        <button type="button" className="button button--small" onClick={onClose} aria-keyshortcuts="Escape" title={t('policy.closeTitle')}>
          {t('policy.close')}
        </button>
      </div>
      {range ? null : (
        <p className="banner banner--error" role="alert">
          {t('policy.notFound')}
        </p>
      )}
      <div className="policy__scroller" ref={scrollerRef} tabIndex={0} role="region" aria-label={t('policy.scroller', { title })}>
        <pre className="policy__text">
          {range ? (
            <>
              {text.slice(0, range.start)}
              <mark ref={markRef}>{text.slice(range.start, range.end)}</mark>
              {text.slice(range.end)}
            </>
          ) : (
            text
          )}
        </pre>
      </div>
    </aside>
  )
}
