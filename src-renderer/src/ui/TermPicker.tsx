/**
 * Picks terms from the controlled vocabulary, with free text allowed. Shows labels, stores
 * keys; free text is stored as `custom:<text>`. Type, then Enter to add.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { VOCABULARY, customTerm, termLabel, type VocabularyKind } from '@core/vocabulary/vocabulary'

function optionLabels(kind: VocabularyKind): Map<string, string> {
  const byLabel = new Map<string, string>()
  const entries = VOCABULARY[kind]
  const seen = new Map<string, number>()
  for (const entry of entries) seen.set(entry.name, (seen.get(entry.name) ?? 0) + 1)
  for (const entry of entries) {
    // Names that repeat across the hierarchy are told apart by their key.
    byLabel.set(seen.get(entry.name)! > 1 ? `${entry.name} (${entry.key})` : entry.name, entry.key)
  }
  return byLabel
}

const labelCache = new Map<VocabularyKind, Map<string, string>>()
function labelsFor(kind: VocabularyKind): Map<string, string> {
  if (!labelCache.has(kind)) labelCache.set(kind, optionLabels(kind))
  return labelCache.get(kind)!
}

/** Resolves typed text to a vocabulary key (by label or key) or a custom term. */
export function resolveTerm(kind: VocabularyKind, text: string): string {
  const trimmed = text.trim()
  const labels = labelsFor(kind)
  const byLabel = labels.get(trimmed)
  if (byLabel) return byLabel
  const lower = trimmed.toLowerCase()
  for (const [label, key] of labels) if (label.toLowerCase() === lower || key === trimmed) return key
  return customTerm(trimmed)
}

/**
 * The vocabulary's labels as the input's suggestions, rendered only while the input has focus:
 * a record with a dozen pickers would otherwise carry ~800 <option> nodes that every render of
 * the editor touches, and the suggestions matter only while typing.
 */
function Suggestions({ id, kind, shown }: { id: string; kind: VocabularyKind; shown: boolean }) {
  const labels = useMemo(() => (shown ? [...labelsFor(kind).keys()] : []), [kind, shown])
  if (!shown) return null
  return (
    <datalist id={id}>
      {labels.map((option) => (
        <option key={option} value={option} />
      ))}
    </datalist>
  )
}

interface TermListProps {
  kind: VocabularyKind
  label: string
  value: string[]
  onChange: (terms: string[]) => void
  error?: string
}

export function TermListPicker({ kind, label, value, onChange, error }: TermListProps) {
  const { t } = useTranslation()
  const id = useId()
  const [draft, setDraft] = useState('')
  const [focused, setFocused] = useState(false)
  const add = () => {
    if (!draft.trim()) return
    const term = resolveTerm(kind, draft)
    if (!value.includes(term)) onChange([...value, term])
    setDraft('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      add()
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1))
    }
  }
  return (
    <div className={`field field--wide${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="terms">
        <ul className="terms__list" aria-label={t('terms.chosen', { label })}>
          {value.map((term) => (
            <li key={term} className={`chip${term.startsWith('custom:') ? ' chip--custom' : ''}`} title={term}>
              {termLabel(term)}
              <button type="button" className="chip__remove" aria-label={t('terms.remove', { term: termLabel(term) })} onClick={() => onChange(value.filter((item) => item !== term))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          list={`${id}-options`}
          value={draft}
          placeholder={t('terms.placeholder')}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false)
            add()
          }}
        />
        <Suggestions id={`${id}-options`} kind={kind} shown={focused} />
      </div>
      {error ? <p className="field__error" role="alert">{error}</p> : null}
    </div>
  )
}

interface SingleTermProps {
  kind: VocabularyKind
  label: string
  value: string
  onChange: (term: string) => void
  error?: string
}

export function SingleTermPicker({ kind, label, value, onChange, error }: SingleTermProps) {
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const [focused, setFocused] = useState(false)
  const commit = () => {
    if (draft === null) return
    onChange(draft.trim() ? resolveTerm(kind, draft) : '')
    setDraft(null)
  }
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        list={`${id}-options`}
        value={draft ?? (value ? termLabel(value) : '')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false)
          commit()
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          }
        }}
      />
      <Suggestions id={`${id}-options`} kind={kind} shown={focused} />
      {error ? <p className="field__error" role="alert">{error}</p> : null}
    </div>
  )
}
