/**
 * Drafting a template pack from a vendor's documents, and the in-app pack editor. Open or paste a
 * privacy policy, then as many other documents as the vendor publishes (sub-processor list, DPA),
 * each a tab; the assistant proposes values from each, every one a verbatim passage highlighted
 * in its own document; accept, edit or reject each one (keyboard: A, E, R on a proposal), or
 * select any passage (mouse or keys) and make it a quote for a field; then install the pack
 * (validated like any import) or export it as JSON.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import { MAX_SOURCE_TEXT, type TemplatePack } from '@core/templates/pack-schema'
import { packFromDraft, type DraftProblem, type DraftSource, type DraftWarning } from '@core/templates/drafting/draft-pack'
import { gapsFor } from '@core/templates/drafting/extract'
import type { DraftField } from '@core/templates/drafting/proposal'
import { editorSources, proposalsFromPack } from '@core/templates/drafting/proposals-from-pack'
import { bumpMinor } from '@core/templates/user-pack'
import { describeDiff } from '@core/templates/pack-diff'
import type { Problem } from '@core/util/problems'
import type { MessageRef } from '@core/i18n/message'
import type { Span } from '@core/templates/drafting/proposal'
import { NavLink, useLeaveGuard } from '../app/navigation'
import { host } from '../host/host'
import { currentLocale, t as translate } from '../i18n/i18n'
import { messageIn, problemMessage } from '../i18n/messages'
import { templateRepository } from '../templates/template-services'
import { useConfirm } from '../ui/confirm'
import { failureReason } from '../ui/failure-text'
import { useAsyncAction } from '../ui/use-async-action'
import { StoppedDrafting, draftInBackground } from './draft-job'
import { decodeText, dependentsOf, firstLine, newSourceId, proposalsOfSource, sourceIdOf, withoutSource } from './draft-sources'
import { ProposalEditor } from './ProposalEditor'
import { excerpt, fieldLabel, valueText } from './proposal-words'
import { MAX_QUOTE_LENGTH, acceptPending, acceptedProposals, editValue, itemsByField, quoteSelection, reviewCounts, setStatus, startReview, type ReviewItem } from './review-state'
import { SourceForm, type SourceFields } from './SourceForm'
import { SourcePane } from './SourcePane'

interface Session {
  sources: DraftSource[]
  activeSource: string
  vendor: string
  items: ReviewItem[]
  /** The installed pack being edited, whose id and unedited parts are kept. */
  base?: TemplatePack
  packId: string
  version: string
  /** Values of an opened pack the editor could not place in its documents. */
  unplaced: MessageRef[]
  keptAsTheyAre: MessageRef[]
  draftMs?: number
}

interface Outcome {
  tone: 'error' | 'success' | 'info'
  title: string
  lines: string[]
  packId?: string
}

/** Each problem as a line: in the screen's language where the core gives its words, else as the checker says it. */
const problemLines = (problems: ReadonlyArray<DraftProblem | DraftWarning | Problem>) =>
  problems.map((problem) => {
    const at = 'at' in problem ? problem.at : undefined
    if (at) return translate('drafting:problems.line', { where: `${at.activity} › ${fieldLabel(at.field)}`, message: problemMessage(problem) })
    const said = 'said' in problem ? problem.said : undefined
    if (!said) return translate('drafting:problems.line', { where: problem.path, message: problemMessage(problem) })
    const where = said.field ? fieldLabel(said.field) : said.sourceTitle !== undefined ? translate('drafting:problems.sourcePath', { title: said.sourceTitle }) : translate('drafting:problems.sourcesPath')
    return translate('drafting:problems.line', { where, message: translate(`drafting:problems.${said.key}`, said.params) })
  })

/** What the draft itself left out (the checker's own warnings are the import preview's to say). */
const draftWarnings = (warnings: readonly DraftWarning[]) => warnings.filter((warning) => warning.at !== undefined)

export function DraftingPage({ packId }: { packId?: string }) {
  const { t } = useTranslation('drafting')
  const [session, setSession] = useState<Session | null>(null)
  const [reading, setReading] = useState<{ cancel: () => void } | null>(null)
  const [adding, setAdding] = useState(false)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [focusMarkId, setFocusMarkId] = useState<string | null>(null)
  const [selection, setSelection] = useState<Span | null>(null)
  const [quoteField, setQuoteField] = useState<DraftField>('dataCategory')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [saved, setSaved] = useState(true)
  const confirm = useConfirm()
  const number = (value: number) => value.toLocaleString(currentLocale())

  const shouldBlock = useCallback(() => session !== null && !saved, [session, saved])
  const askToLeave = useCallback(
    () => confirm({ title: t('review.leaveTitle'), message: t('review.leaveMessage'), confirmLabel: t('review.leaveConfirm'), cancelLabel: t('review.leaveCancel'), danger: true }),
    [confirm, t]
  )
  useLeaveGuard(shouldBlock, askToLeave)

  const update = (change: (items: ReviewItem[]) => ReviewItem[]) => {
    setSession((current) => (current ? { ...current, items: change(current.items) } : current))
    setSaved(false)
  }

  /** The text is fit to be a pack's document; otherwise says why. */
  const usableText = (text: string): boolean => {
    if (text.trim() === '') {
      setOutcome({ tone: 'error', title: t('outcome.noText'), lines: [t('outcome.noTextHint')] })
      return false
    }
    if (text.length > MAX_SOURCE_TEXT) {
      setOutcome({ tone: 'error', title: t('outcome.tooLong', { length: number(text.length), max: number(MAX_SOURCE_TEXT) }), lines: [] })
      return false
    }
    return true
  }

  const describedSource = (fields: SourceFields, taken: readonly DraftSource[]): DraftSource => ({
    ...fields,
    id: newSourceId(fields.kind, taken),
    title: fields.title.trim() || firstLine(fields.text) || t('source.defaultTitle')
  })

  /** Reads a document with the assistant: the first one starts the draft, a later one joins it as a new tab. */
  const propose = useAsyncAction(async (fields: SourceFields, vendorOption: string) => {
    if (!usableText(fields.text)) return
    setOutcome(null)
    const vendor = session ? session.vendor.trim() : vendorOption.trim()
    const job = draftInBackground({ text: fields.text, ...(vendor ? { vendor } : {}) })
    setReading({ cancel: () => job.cancel() })
    try {
      const { draft, milliseconds } = await job.result
      // The author may have decided on other proposals while this document was read: build on the draft as it is now.
      setSession((current) => {
        const source = describedSource(fields, current?.sources ?? [])
        const proposals = startReview(proposalsOfSource(source.id, draft.proposals))
        return current
          ? { ...current, sources: [...current.sources, source], activeSource: source.id, items: [...current.items, ...proposals], draftMs: milliseconds }
          : { sources: [source], activeSource: source.id, vendor, items: proposals, packId: '', version: '0.1.0', unplaced: [], keptAsTheyAre: [], draftMs: milliseconds }
      })
      setAdding(false)
      setSelection(null)
      setSelectedId(null)
      setSaved(false)
    } catch (error) {
      // Stopping is the author's choice, not a failure.
      if (error instanceof StoppedDrafting) setOutcome({ tone: 'info', title: t('outcome.stopped'), lines: [] })
      else throw error
    } finally {
      setReading(null)
    }
  }, t('failures.read'))

  const addWithoutProposals = (fields: SourceFields) => {
    if (!session || !usableText(fields.text)) return
    const source = describedSource(fields, session.sources)
    setSession({ ...session, sources: [...session.sources, source], activeSource: source.id })
    setAdding(false)
    setSelection(null)
    setSaved(false)
  }

  const openSourceFile = useAsyncAction(async () => {
    const opened = await host.openFile({ title: t('source.openTitle'), filters: [{ name: t('source.openFilter'), extensions: ['txt', 'md'] }], maxBytes: MAX_SOURCE_TEXT * 4 })
    if (opened.status === 'cancelled') return null
    if (opened.status === 'refused') {
      setOutcome({ tone: 'error', title: t('outcome.notOpened', { name: opened.name }), lines: [opened.reason] })
      return null
    }
    const text = decodeText(opened.bytes)
    if (text === null) {
      setOutcome({ tone: 'error', title: t('outcome.notUtf8', { name: opened.name }), lines: [t('outcome.notUtf8Hint')] })
      return null
    }
    return { name: opened.name, text }
  }, t('failures.open'))

  const openInstalled = useAsyncAction(async (id: string) => {
    const installed = (await templateRepository.listPacks()).find((pack) => pack.id === id)
    if (!installed) {
      setOutcome({ tone: 'error', title: t('outcome.notInstalled', { id }), lines: [] })
      return
    }
    const sources = editorSources(installed.pack, installed.sourceText)
    if (sources.length === 0) {
      setOutcome({ tone: 'error', title: t('outcome.noSourceText', { id }), lines: [t('outcome.noSourceTextHint')] })
      return
    }
    const opened = proposalsFromPack(installed.pack, sources)
    setSession({
      sources: opened.sources,
      activeSource: opened.sources[0]!.id,
      vendor: installed.pack.vendor.name,
      items: startReview(opened.proposals, 'accepted'),
      base: installed.pack,
      packId: installed.pack.id,
      version: bumpMinor(installed.pack.version),
      unplaced: opened.unplaced,
      keptAsTheyAre: opened.keptAsTheyAre
    })
    setSaved(true)
  }, t('failures.openPack'))

  // Listed anew each time the start screen shows, so that a pack installed from the draft is there to edit.
  const installedPacks = useInstalledPackIds(session === null)
  useEffect(() => {
    if (packId) void openInstalled.run(packId)
    // Opened once per address; openInstalled is stable in effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [packId])

  const buildPack = () => {
    if (!session) return null
    return packFromDraft({
      // A title cleared while editing falls back to the document's first line, as when it was added.
      sources: session.sources.map((source) => (source.title.trim() ? source : { ...source, title: firstLine(source.text) || t('source.defaultTitle') })),
      proposals: acceptedProposals(session.items),
      ...(session.vendor.trim() ? { vendorName: session.vendor.trim() } : {}),
      ...(session.packId.trim() ? { packId: session.packId.trim() } : {}),
      version: session.version.trim(),
      ...(session.base ? { base: session.base } : {}),
      // The notes the assistant writes into the pack, in the author's language.
      locale: currentLocale()
    })
  }

  const install = useAsyncAction(async () => {
    const built = buildPack()
    if (!built) return
    if (!built.ok) {
      setOutcome({ tone: 'error', title: t('outcome.cannotInstall'), lines: problemLines(built.problems) })
      return
    }
    const preview = await templateRepository.previewPackText(built.json)
    if (preview.kind === 'invalid') {
      setOutcome({ tone: 'error', title: t('outcome.invalid'), lines: problemLines(preview.problems) })
      return
    }
    if (preview.kind === 'same') {
      setOutcome({ tone: 'info', title: t('outcome.same', { id: preview.pack.id, version: preview.pack.version }), lines: [] })
      return
    }
    if (preview.kind === 'older') {
      setOutcome({ tone: 'error', title: t('outcome.older', { version: preview.pack.version, installed: preview.installed.version }), lines: [] })
      return
    }
    if (preview.kind === 'newer') {
      const update = await confirm({
        title: t('outcome.updateTitle', { id: preview.pack.id, from: preview.installed.version, to: preview.pack.version }),
        message: `${describeDiff(preview.diff)}. ${preview.affected.length === 0 ? t('outcome.updateNoRecords') : t('outcome.updateRecords', { count: preview.affected.length })}`,
        confirmLabel: t('outcome.updateConfirm')
      })
      if (!update) {
        setOutcome({ tone: 'info', title: t('outcome.updateCancelled'), lines: [] })
        return
      }
    }
    const installed = await templateRepository.applyPack(preview, 'imported')
    setSaved(true)
    setOutcome({
      tone: 'success',
      title: t('outcome.installed', { vendor: installed.vendorName, id: installed.id, version: installed.version, count: installed.pack.activities.length }),
      // packFromDraft checked every quote against its own embedded document already; the import's own "not checked" would mislead.
      lines: [
        t('outcome.checked', { count: installed.pack.sources.length }),
        ...problemLines(draftWarnings(built.warnings)),
        ...problemLines(preview.warnings.filter((warning) => !/^no policy text given/.test(warning.message)))
      ],
      packId: installed.id
    })
    toast.success(t('outcome.installedToast', { id: installed.id, version: installed.version }))
  }, t('failures.install'))

  const exportJson = useAsyncAction(async () => {
    const built = buildPack()
    if (!built) return
    if (!built.ok) {
      setOutcome({ tone: 'error', title: t('outcome.cannotExport'), lines: problemLines(built.problems) })
      return
    }
    const result = await host.saveFile({ title: t('save.exportTitle'), suggestedName: `${built.pack.id}-${built.pack.version}.json`, filters: [{ name: t('save.exportFilter'), extensions: ['json'] }], data: built.json })
    if (result.status === 'saved') {
      setSaved(true)
      toast.success(t('save.exported', { name: result.name }))
      const left = draftWarnings(built.warnings)
      setOutcome(left.length > 0 ? { tone: 'info', title: t('save.exported', { name: result.name }), lines: problemLines(left) } : null)
    }
  }, t('failures.export'))

  const removeSource = useAsyncAction(async (sourceId: string) => {
    if (!session || session.sources.length < 2) return
    const source = session.sources.find((candidate) => candidate.id === sourceId)
    if (!source) return
    const dependents = dependentsOf(session.items, session.sources, sourceId)
    // Quotes that rely on the document go with it: the author says so first.
    if (dependents.total > 0) {
      const sure = await confirm({
        title: t('sources.removeTitle', { title: source.title }),
        message: t('sources.removeMessage', { count: dependents.total, accepted: dependents.accepted }),
        confirmLabel: t('sources.removeConfirm'),
        cancelLabel: t('sources.removeCancel'),
        danger: true
      })
      if (!sure) return
    }
    setSession((current) => {
      if (!current) return current
      const rest = withoutSource(current.sources, current.items, sourceId)
      return { ...current, ...rest, activeSource: rest.sources[0]!.id }
    })
    setSelection(null)
    setSelectedId(null)
    setSaved(false)
    toast.success(t('sources.removed', { title: source.title }))
  }, t('failures.remove'))

  const items = session?.items
  const sources = session?.sources
  const activeItems = useMemo(
    () => (items && sources ? items.filter((item) => item.status !== 'rejected' && sourceIdOf(item.proposal, sources) === session?.activeSource) : []),
    [items, sources, session?.activeSource]
  )
  const itemById = useMemo(() => new Map((items ?? []).map((item) => [item.proposal.id, item])), [items])
  const onMarkFocused = useCallback(() => setFocusMarkId(null), [])

  const activate = (sourceId: string) => {
    if (!session || session.activeSource === sourceId) return
    setSession({ ...session, activeSource: sourceId })
    setSelection(null)
    window.getSelection()?.removeAllRanges()
  }

  const showInList = (id: string) => {
    setSelectedId(id)
    document.getElementById(`proposal-${id}`)?.focus()
  }
  /** Brings a proposal's highlight into view, in its own document's tab. */
  const showInText = (id: string) => {
    const item = itemById.get(id)
    if (!session || !item) return
    setSelectedId(id)
    activate(sourceIdOf(item.proposal, session.sources))
    setFocusMarkId(id)
  }

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, item: ReviewItem) => {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return
    const key = event.key.toLowerCase()
    if (key === 'a') update((all) => setStatus(all, item.proposal.id, 'accepted'))
    else if (key === 'r') update((all) => setStatus(all, item.proposal.id, 'rejected'))
    else if (key === 'e') setEditingId(item.proposal.id)
    else if (key === 'enter') showInText(item.proposal.id)
    else return
    event.preventDefault()
  }

  const makeQuote = () => {
    if (!session || !selection) return
    const source = session.sources.find((candidate) => candidate.id === session.activeSource)
    if (!source) return
    const result = quoteSelection(session.items, source, selection, quoteField)
    if ('error' in result) {
      setOutcome({ tone: 'error', title: result.error === 'empty' ? t('quote.empty') : t('quote.tooLong', { length: number(result.length), max: number(MAX_QUOTE_LENGTH) }), lines: [] })
      return
    }
    update(() => result.items)
    setSelection(null)
    window.getSelection()?.removeAllRanges()
    setSelectedId(result.id)
    toast.success(t('quote.added', { field: fieldLabel(quoteField) }))
  }

  if (!session) {
    return (
      <main className="page">
        <header className="page__header">
          <div>
            <h1>{t('start.heading')}</h1>
            <p className="lead">{t('start.lead')}</p>
          </div>
          <div className="page__actions">
            <NavLink to="/templates">{t('start.back')}</NavLink>
          </div>
        </header>
        {outcome ? <OutcomeBanner outcome={outcome} /> : null}
        <section className="draft-source" aria-labelledby="draft-source-title">
          <h2 id="draft-source-title">{t('start.firstSource')}</h2>
          <SourceForm initialKind="privacy-policy" withVendor reading={reading} busy={openSourceFile.busy} openFile={openSourceFile.run} onPropose={propose.run} />
        </section>
        {installedPacks.length > 0 ? (
          <section className="draft-source" aria-labelledby="draft-open-title">
            <h2 id="draft-open-title">{t('start.editInstalled')}</h2>
            <ul className="draft-packs">
              {installedPacks.map((pack) => (
                <li key={pack.id}>
                  <button type="button" className="button button--small" onClick={() => void openInstalled.run(pack.id)} disabled={openInstalled.busy}>
                    {t('start.editPack', { vendor: pack.vendorName, id: pack.id, version: pack.version })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    )
  }

  const counts = reviewCounts(session.items)
  const gaps = gapsFor(acceptedProposals(session.items))
  const groups = itemsByField(session.items)
  const selectedItem = selectedId ? itemById.get(selectedId) : undefined
  const sourceTitle = new Map(session.sources.map((source) => [source.id, source.title]))
  const countOf = (sourceId: string) => session.items.filter((item) => sourceIdOf(item.proposal, session.sources) === sourceId).length

  return (
    <main className="page page--wide">
      <header className="page__header">
        <div>
          <h1>{session.base ? t('review.editHeading', { id: session.base.id }) : t('review.heading')}</h1>
          <p className="lead">
            {t('review.summary', {
              title: session.sources.length === 1 ? session.sources[0]!.title : t('review.summarySources', { count: session.sources.length }),
              total: session.items.length,
              accepted: counts.accepted,
              rejected: counts.rejected,
              pending: counts.pending
            })}
            {session.draftMs !== undefined ? ` ${t('review.readIn', { ms: Math.round(session.draftMs) })}` : ''}
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button" onClick={() => update((all) => acceptPending(all))} disabled={counts.pending === 0}>
            {t('review.acceptAll')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void (async () => {
                if (!saved && !(await askToLeave())) return
                setSession(null)
                setAdding(false)
                setSaved(true)
                setOutcome(null)
              })()
            }
          >
            {t('review.startAgain')}
          </button>
        </div>
      </header>
      {outcome ? <OutcomeBanner outcome={outcome} /> : null}
      {session.unplaced.length > 0 ? (
        <div className="banner banner--error" role="alert">
          <p>{t('review.unplaced', { count: session.unplaced.length })}</p>
          <ul>{session.unplaced.slice(0, 20).map((line, index) => <li key={index}>{messageIn(line)}</li>)}</ul>
        </div>
      ) : null}
      {session.keptAsTheyAre.length > 0 ? <p className="banner banner--info">{t('review.kept', { list: session.keptAsTheyAre.map((part) => messageIn(part)).join('; ') })}</p> : null}
      {adding ? (
        <section className="draft-source" aria-labelledby="draft-add-title">
          <h2 id="draft-add-title">{t('source.addHeading')}</h2>
          <SourceForm
            initialKind={session.sources.some((source) => source.kind === 'sub-processor-list') ? 'dpa' : 'sub-processor-list'}
            withVendor={false}
            reading={reading}
            busy={openSourceFile.busy}
            openFile={openSourceFile.run}
            onPropose={propose.run}
            onAddWithout={addWithoutProposals}
            onCancel={() => setAdding(false)}
          />
        </section>
      ) : null}
      <div className="draft-layout">
        <SourcePane
          sources={session.sources}
          activeId={session.activeSource}
          onActivate={activate}
          items={activeItems}
          countOf={countOf}
          selectedId={selectedId}
          onPick={showInList}
          selection={selection}
          onSelect={setSelection}
          quoteField={quoteField}
          onQuoteField={setQuoteField}
          onMakeQuote={makeQuote}
          onNotFound={(words) => setOutcome({ tone: 'error', title: t('quote.notFound', { excerpt: excerpt(words, 80), title: sourceTitle.get(session.activeSource) ?? '' }), lines: [] })}
          onAddSource={() => setAdding(true)}
          onRemoveSource={(id) => void removeSource.run(id)}
          onUpdateSource={(id, patch) => {
            setSession({ ...session, sources: session.sources.map((source) => (source.id === id ? { ...source, ...patch } : source)) })
            setSaved(false)
          }}
          focusMarkId={focusMarkId}
          onMarkFocused={onMarkFocused}
        />
        <aside className="draft-side" aria-label={t('review.proposals')}>
          {selectedItem ? (
            <p className="draft-selected" aria-live="polite">
              {t('review.selectedProposal', { field: fieldLabel(selectedItem.proposal.field), value: excerpt(valueText(selectedItem.proposal), 80) })}
            </p>
          ) : null}
          {groups.map(({ field, items: fieldItems }) => (
            <section key={field} className="draft-group" aria-labelledby={`draft-group-${field}`}>
              <h3 id={`draft-group-${field}`}>
                {fieldLabel(field)} <span className="draft-group__count">{t('review.groupCount', { accepted: fieldItems.filter((item) => item.status === 'accepted').length, total: fieldItems.length })}</span>
                {fieldItems.some((item) => item.status === 'pending') ? (
                  <button type="button" className="button button--small draft-group__accept" onClick={() => update((all) => acceptPending(all, field))} aria-label={t('review.acceptGroupLabel', { field: fieldLabel(field) })}>
                    {t('review.acceptGroup')}
                  </button>
                ) : null}
              </h3>
              {fieldItems.length === 0 ? (
                <p className="draft-gap">{t('review.nothingFound')}</p>
              ) : (
                <ul className="draft-list">
                  {fieldItems.map((item) => (
                    <ProposalItem
                      key={item.proposal.id}
                      item={item}
                      sourceTitle={session.sources.length > 1 ? sourceTitle.get(sourceIdOf(item.proposal, session.sources)) : undefined}
                      selected={selectedId === item.proposal.id}
                      editing={editingId === item.proposal.id}
                      onKey={(event) => onItemKey(event, item)}
                      onFocus={() => setSelectedId(item.proposal.id)}
                      onStatus={(status) => update((all) => setStatus(all, item.proposal.id, status))}
                      onEdit={() => setEditingId(item.proposal.id)}
                      onShow={() => showInText(item.proposal.id)}
                      onSave={(value) => {
                        update((all) => editValue(all, item.proposal.id, value))
                        setEditingId(null)
                        document.getElementById(`proposal-${item.proposal.id}`)?.focus()
                      }}
                      onCancel={() => {
                        setEditingId(null)
                        document.getElementById(`proposal-${item.proposal.id}`)?.focus()
                      }}
                    />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </aside>
      </div>
      <section className="draft-save" aria-labelledby="draft-save-title">
        <h2 id="draft-save-title">{t('save.heading')}</h2>
        {gaps.length > 0 ? (
          <div className="draft-gaps">
            <h3>{t('save.gapsHeading')}</h3>
            <ul>{gaps.map((gap) => <li key={gap.field}>{fieldLabel(gap.field)}</li>)}</ul>
            <p className="hint">{t('save.gapsHint')}</p>
          </div>
        ) : null}
        <div className="draft-source__row">
          <div className="field">
            <label htmlFor="draft-save-vendor">{t('save.vendor')}</label>
            <input id="draft-save-vendor" value={session.vendor} placeholder={t('save.vendorPlaceholder')} onChange={(event) => setSession({ ...session, vendor: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="draft-save-id">{t('save.packId')}</label>
            <input id="draft-save-id" value={session.packId} placeholder={t('save.packIdPlaceholder')} disabled={session.base !== undefined} onChange={(event) => setSession({ ...session, packId: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="draft-save-version">{t('save.version')}</label>
            <input id="draft-save-version" value={session.version} onChange={(event) => setSession({ ...session, version: event.target.value })} />
          </div>
        </div>
        <div className="draft-source__actions">
          <button type="button" className="button button--primary" onClick={() => void install.run()} disabled={install.busy || counts.accepted === 0}>
            {t('save.install')}
          </button>
          <button type="button" className="button" onClick={() => void exportJson.run()} disabled={exportJson.busy || counts.accepted === 0}>
            {t('save.export')}
          </button>
        </div>
      </section>
    </main>
  )
}

function ProposalItem({
  item,
  sourceTitle,
  selected,
  editing,
  onKey,
  onFocus,
  onStatus,
  onEdit,
  onShow,
  onSave,
  onCancel
}: {
  item: ReviewItem
  /** The document the proposal stands in, named when the draft has several. */
  sourceTitle: string | undefined
  selected: boolean
  editing: boolean
  onKey: (event: KeyboardEvent<HTMLLIElement>) => void
  onFocus: () => void
  onStatus: (status: 'accepted' | 'rejected') => void
  onEdit: () => void
  onShow: () => void
  onSave: Parameters<typeof ProposalEditor>[0]['onSave']
  onCancel: () => void
}) {
  const { t } = useTranslation('drafting')
  const { proposal, status } = item
  const badge = [t(`status.${status}`), ...(item.edited ? [t('review.edited')] : []), ...(item.authored ? [t('review.yourQuote')] : [])].join(', ')
  // The core's words, in the interface's language; the policy's own words in them stay as they are.
  const reason = messageIn(proposal.reason)
  return (
    <li
      id={`proposal-${proposal.id}`}
      tabIndex={0}
      className={`draft-item draft-item--${status}${selected ? ' draft-item--selected' : ''}`}
      aria-label={t('review.itemLabel', { field: fieldLabel(proposal.field), value: valueText(proposal), status: t(`status.${status}`) })}
      onKeyDown={onKey}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus()
      }}
    >
      <div className="draft-item__head">
        <span className="draft-item__value">{valueText(proposal)}</span>
        <span className={`badge draft-badge draft-badge--${status}`}>{badge}</span>
      </div>
      <p className="draft-item__why">
        {reason}
        {sourceTitle ? <span className="draft-item__source"> · {t('review.fromSource', { title: sourceTitle })}</span> : null}
      </p>
      <blockquote className="draft-item__quote">{excerpt(proposal.quote, 220)}</blockquote>
      {editing ? (
        <ProposalEditor proposal={proposal} onSave={onSave} onCancel={onCancel} />
      ) : (
        <div className="draft-item__actions">
          <button type="button" className="button button--small" onClick={() => onStatus('accepted')} disabled={status === 'accepted'}>
            {t('review.accept')}
          </button>
          <button type="button" className="button button--small" onClick={onEdit}>
            {t('review.edit')}
          </button>
          <button type="button" className="button button--small" onClick={() => onStatus('rejected')} disabled={status === 'rejected'}>
            {t('review.reject')}
          </button>
          <button type="button" className="button button--small button--link" onClick={onShow}>
            {t('review.showInText')}
          </button>
        </div>
      )}
    </li>
  )
}

function OutcomeBanner({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('drafting')
  const bannerRef = useOutcomeScroll(outcome)
  return (
    <div ref={bannerRef} className={`banner tpl-outcome banner--${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'} aria-label={t('outcome.label')}>
      <p className="tpl-outcome__title">
        {outcome.title} {outcome.packId ? <NavLink to={`/templates/${encodeURIComponent(outcome.packId)}`}>{t('outcome.openPack')}</NavLink> : null}
      </p>
      {outcome.lines.length > 0 ? (
        <ul className="tpl-outcome__lines">
          {outcome.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** The save buttons are at the foot of a long page: a new result is brought into view. */
function useOutcomeScroll(outcome: Outcome) {
  const [element, setElement] = useState<HTMLDivElement | null>(null)
  useEffect(() => {
    // A block body: newer browsers return a promise from scrollIntoView, which React would take for a clean-up.
    element?.scrollIntoView({ block: 'nearest' })
  }, [element, outcome])
  return setElement
}

function useInstalledPackIds(shown: boolean): Array<{ id: string; version: string; vendorName: string }> {
  const { t } = useTranslation('drafting')
  const [packs, setPacks] = useState<Array<{ id: string; version: string; vendorName: string }>>([])
  useEffect(() => {
    if (!shown) return
    let live = true
    templateRepository.listPacks().then(
      (list) => {
        if (live) setPacks(list.map((pack) => ({ id: pack.id, version: pack.version, vendorName: pack.vendorName })))
      },
      (error: unknown) => toast.error(t('start.listFailed', { reason: failureReason(error) }))
    )
    return () => {
      live = false
    }
  }, [t, shown])
  return packs
}
